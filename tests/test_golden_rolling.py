"""Golden last frames of the rolling lessons (control data in tests/control_data/rolling/).

See tests/golden.py for how to regenerate them and which cairo they need.
"""

from __future__ import annotations

from manim.utils.testing.frames_comparison import frames_comparison

from scenes.lessons.rolling.scene import BallRollsToMinimum, MomentumRace
from tests.golden import CACHED, FilmedFast

__module_test__ = "rolling"


class GoldenRoll(FilmedFast, BallRollsToMinimum):
    pass


class GoldenRace(FilmedFast, MomentumRace):
    pass


class FourValleys(FilmedFast, BallRollsToMinimum):
    function = "(n**2 + e - 11)**2 + (n + e**2 - 7)**2"
    n_range = (-5.0, 5.0)
    e_range = (-5.0, 5.0)
    start = (-0.5, 0.5)
    learning_rate = 0.01


@frames_comparison(base_scene=GoldenRoll, **CACHED)
def test_ball_rolls_to_minimum_last_frame(scene):
    GoldenRoll.construct(scene)


@frames_comparison(base_scene=FourValleys, **CACHED)
def test_four_valleys_last_frame(scene):
    FourValleys.construct(scene)


@frames_comparison(base_scene=GoldenRace, **CACHED)
def test_momentum_race_last_frame(scene):
    GoldenRace.construct(scene)
