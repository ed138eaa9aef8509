"""The file to render: ``manim -qh scenes/derivative.py TangentSlope``.

The lesson lives in :mod:`scenes.lessons.derivative` (facts, captions, scene). A variant is a
subclass of the class imported from here::

    from scenes.derivative import TangentSlope

    class MyTangentSlope(TangentSlope):
        ...
"""

import sys
from pathlib import Path

try:  # ``manim scenes/derivative.py`` imports this file by path; the package may not be installed.
    import scenes  # noqa: F401
except ImportError:  # pragma: no cover - only without the editable install
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scenes.lessons.derivative.scene import TangentSlope
from scenes.kit.home import render_here

__all__ = ['TangentSlope']

render_here(__name__, TangentSlope)  # manim renders only classes it finds named here
