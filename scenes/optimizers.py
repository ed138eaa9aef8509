"""The file to render: ``manim -qh scenes/optimizers.py OptimizerRace``.

The lesson lives in :mod:`scenes.lessons.optimizer_race` (facts, captions, scene). A variant
is a subclass of the class imported from here::

    from scenes.optimizers import OptimizerRace

    class RosenbrockRace(OptimizerRace):
        function = "(1 - n)**2 + 5*(e - n**2)**2"
        optimizers = (("sgd", 0.02), ("momentum", 0.02), ("adam", 0.1))
"""

import sys
from pathlib import Path

try:  # ``manim scenes/optimizers.py`` imports this file by path; the package may not be installed.
    import scenes  # noqa: F401
except ImportError:  # pragma: no cover - only without the editable install
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scenes.lessons.optimizer_race.scene import OptimizerRace
from scenes.kit.home import render_here

__all__ = ["OptimizerRace"]

render_here(__name__, OptimizerRace)  # manim renders only classes it finds named here
