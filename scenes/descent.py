"""The file to render: ``manim -qh scenes/descent.py GradientDescent1D``.

The lesson lives in :mod:`scenes.lessons.descent` (facts, captions, scene). A variant is a
subclass of the class imported from here::

    from scenes.descent import GradientDescent1D

    class MyGradientDescent1D(GradientDescent1D):
        ...
"""

import sys
from pathlib import Path

try:  # ``manim scenes/descent.py`` imports this file by path; the package may not be installed.
    import scenes  # noqa: F401
except ImportError:  # pragma: no cover - only without the editable install
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scenes.lessons.descent.scene import GradientDescent1D
from scenes.lessons.learning_rates.scene import LearningRates  # also importable from here, as before
from scenes.kit.home import render_here

__all__ = ['GradientDescent1D', 'LearningRates']

render_here(__name__, GradientDescent1D)  # manim renders only classes it finds named here
