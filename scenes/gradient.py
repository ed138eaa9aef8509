"""The file to render: ``manim -qh scenes/gradient.py GradientOnHillside GradientField``.

The lessons live in :mod:`scenes.lessons.gradient` and :mod:`scenes.lessons.gradient_field` (facts, captions, scene). A variant is a
subclass of the class imported from here::

    from scenes.gradient import GradientOnHillside

    class MyGradientOnHillside(GradientOnHillside):
        ...
"""

import sys
from pathlib import Path

try:  # ``manim scenes/gradient.py`` imports this file by path; the package may not be installed.
    import scenes  # noqa: F401
except ImportError:  # pragma: no cover - only without the editable install
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scenes.lessons.gradient.scene import GradientOnHillside
from scenes.lessons.gradient_field.scene import GradientField
from scenes.kit.home import render_here

__all__ = ['GradientField', 'GradientOnHillside']

render_here(__name__, GradientOnHillside, GradientField)  # manim renders only classes it finds named here
