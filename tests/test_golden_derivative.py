"""Golden last frames of the derivative lesson (control data in tests/control_data/derivative/).

See tests/golden.py for how to regenerate them and which cairo they need.
"""

from __future__ import annotations

from manim.utils.testing.frames_comparison import frames_comparison

from scenes.lessons.derivative.scene import TangentSlope
from tests.golden import CACHED, draw_final_state

__module_test__ = "derivative"


class CubicTangent(TangentSlope):  # the README's subclass
    function = "x**3 - 3*x"
    x_range = (-2.5, 2.5)
    x0 = -1.5


@frames_comparison(base_scene=TangentSlope, **CACHED)
def test_tangent_slope_last_frame(scene):
    TangentSlope.construct(scene)
    draw_final_state(scene)


@frames_comparison(base_scene=CubicTangent, **CACHED)
def test_cubic_tangent_last_frame(scene):
    CubicTangent.construct(scene)
    draw_final_state(scene)
