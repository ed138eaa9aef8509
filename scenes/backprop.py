"""The file to render: ``manim -qh scenes/backprop.py Backpropagation``.

The lesson lives in :mod:`scenes.lessons.backprop` (facts, captions, scene). A variant is a
subclass of the class imported from here::

    from scenes.backprop import Backpropagation

    class SureAndWrong(Backpropagation):
        w, b, x, y = 10.0, 0.0, 3.0, 0
"""

import sys
from pathlib import Path

try:  # ``manim scenes/backprop.py`` imports this file by path; the package may not be installed.
    import scenes  # noqa: F401
except ImportError:  # pragma: no cover - only without the editable install
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scenes.lessons.backprop.scene import Backpropagation
from scenes.kit.home import render_here

__all__ = ["Backpropagation"]

render_here(__name__, Backpropagation)  # manim renders only classes it finds named here
