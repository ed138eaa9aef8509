"""The file to render: ``manim -qh scenes/rolling.py BallRollsToMinimum MomentumRace``.

The lesson lives in :mod:`scenes.lessons.rolling` (facts, captions, scene). A variant is a
subclass of the class imported from here::

    from scenes.rolling import BallRollsToMinimum

    class MyBallRollsToMinimum(BallRollsToMinimum):
        ...
"""

import sys
from pathlib import Path

try:  # ``manim scenes/rolling.py`` imports this file by path; the package may not be installed.
    import scenes  # noqa: F401
except ImportError:  # pragma: no cover - only without the editable install
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scenes.lessons.rolling.scene import BallRollsToMinimum, MomentumRace
from scenes.kit.home import render_here

__all__ = ['BallRollsToMinimum', 'MomentumRace']

render_here(__name__, BallRollsToMinimum, MomentumRace)  # manim renders only classes it finds named here
