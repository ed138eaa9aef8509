"""The file to render: ``manim -qh scenes/speed.py PositionToSpeed``.

The lesson lives in :mod:`scenes.lessons.speed` (facts, captions, scene). A variant is a
subclass of the class imported from here::

    from scenes.speed import PositionToSpeed

    class MyPositionToSpeed(PositionToSpeed):
        ...
"""

import sys
from pathlib import Path

try:  # ``manim scenes/speed.py`` imports this file by path; the package may not be installed.
    import scenes  # noqa: F401
except ImportError:  # pragma: no cover - only without the editable install
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scenes.lessons.speed.scene import PositionToSpeed
from scenes.kit.home import render_here

__all__ = ['PositionToSpeed']

render_here(__name__, PositionToSpeed)  # manim renders only classes it finds named here
