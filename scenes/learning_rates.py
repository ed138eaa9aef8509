"""The file to render: ``manim -qh scenes/learning_rates.py LearningRates``.

The lesson lives in :mod:`scenes.lessons.learning_rates` (facts, captions, scene). A variant is a
subclass of the class imported from here::

    from scenes.learning_rates import LearningRates

    class MyLearningRates(LearningRates):
        ...
"""

import sys
from pathlib import Path

try:  # ``manim scenes/learning_rates.py`` imports this file by path; the package may not be installed.
    import scenes  # noqa: F401
except ImportError:  # pragma: no cover - only without the editable install
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scenes.lessons.learning_rates.scene import LearningRates
from scenes.kit.home import render_here

__all__ = ['LearningRates']

render_here(__name__, LearningRates)  # manim renders only classes it finds named here
