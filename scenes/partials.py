"""The file to render: ``manim -qh scenes/partials.py PartialDerivatives``.

The lesson lives in :mod:`scenes.lessons.partials` (facts, captions, scene). A variant is a
subclass of the class imported from here::

    from scenes.partials import PartialDerivatives

    class MyPartialDerivatives(PartialDerivatives):
        ...
"""

import sys
from pathlib import Path

try:  # ``manim scenes/partials.py`` imports this file by path; the package may not be installed.
    import scenes  # noqa: F401
except ImportError:  # pragma: no cover - only without the editable install
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scenes.lessons.partials.scene import PartialDerivatives
from scenes.kit.home import render_here

__all__ = ['PartialDerivatives']

render_here(__name__, PartialDerivatives)  # manim renders only classes it finds named here
