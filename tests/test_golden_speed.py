"""Golden last frames of the position-and-speed lesson (control data in tests/control_data/speed/).

See tests/golden.py for how to regenerate them and which cairo they need.
"""

from __future__ import annotations

from manim.utils.testing.frames_comparison import frames_comparison

from scenes.lessons.speed.scene import PositionToSpeed
from tests.golden import CACHED, draw_final_state

__module_test__ = "speed"


class Braking(PositionToSpeed):
    """A car braking to a stop and rolling back: one turn, at t = 5 s."""

    position = "10*t - t**2"
    t_range = (0, 6)


@frames_comparison(base_scene=PositionToSpeed, **CACHED)
def test_position_to_speed_last_frame(scene):
    PositionToSpeed.construct(scene)
    draw_final_state(scene)


@frames_comparison(base_scene=Braking, **CACHED)
def test_braking_last_frame(scene):
    Braking.construct(scene)
    draw_final_state(scene)
