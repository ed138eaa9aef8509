"""Golden last frames of the gradient-descent lesson (control data in tests/control_data/descent/).

See tests/golden.py for how to regenerate them and which cairo they need.
"""

from __future__ import annotations

from manim.utils.testing.frames_comparison import frames_comparison

from scenes.lessons.descent.scene import GradientDescent1D, LearningRates
from tests.golden import CACHED

__module_test__ = "descent"


class DoubleWell(GradientDescent1D):
    function = "w**4 - 3*w**2 + w"
    w_range = (-2.0, 2.0)
    starts = (-1.8, 1.9)
    learning_rate = 0.05


class SqrtRates(LearningRates):
    function = "sqrt(w)"
    w_range = (0.0, 4.0)
    start = 3.0
    learning_rates = (0.5, 2.0, 5.0)


@frames_comparison(base_scene=GradientDescent1D, **CACHED)
def test_gradient_descent_last_frame(scene):
    GradientDescent1D.construct(scene)


@frames_comparison(base_scene=DoubleWell, **CACHED)
def test_double_well_descent_last_frame(scene):
    DoubleWell.construct(scene)


@frames_comparison(base_scene=LearningRates, **CACHED)
def test_learning_rates_last_frame(scene):
    LearningRates.construct(scene)


@frames_comparison(base_scene=SqrtRates, **CACHED)
def test_sqrt_learning_rates_last_frame(scene):
    SqrtRates.construct(scene)
