"""The file to render: ``manim -qh scenes/learning.py FitALine OneNeuron``.

The lessons live in :mod:`scenes.lessons.fit_line` and :mod:`scenes.lessons.neuron` (facts,
captions, scene). A variant is a subclass of a class imported from here::

    from scenes.learning import FitALine

    class MyLine(FitALine):
        data = ((0, 1.2), (1, 2.9), (2, 5.1))
"""

import sys
from pathlib import Path

try:  # ``manim scenes/learning.py`` imports this file by path; the package may not be installed.
    import scenes  # noqa: F401
except ImportError:  # pragma: no cover - only without the editable install
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scenes.lessons.fit_line.scene import FitALine
from scenes.lessons.neuron.scene import OneNeuron
from scenes.kit.home import render_here

__all__ = ['FitALine', 'OneNeuron']

render_here(__name__, FitALine, OneNeuron)  # manim renders only classes it finds named here
