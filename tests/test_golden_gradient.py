"""Golden last frames of the gradient lesson (control data in tests/control_data/gradient/).

See tests/golden.py for how to regenerate them and which cairo they need.
"""

from __future__ import annotations

from manim.utils.testing.frames_comparison import frames_comparison

from scenes.gradient import GradientField, GradientOnHillside
from tests.golden import CACHED, FilmedFast

__module_test__ = "gradient"

# Both scenes end with a still wait, which draws the whole last frame: no draw_final_state
# (redrawing over the wait's static image doubled the screen-pinned legend).

HIMMELBLAU = "(n**2 + e - 11)**2 + (n + e**2 - 7)**2"


class GoldenHillside(FilmedFast, GradientOnHillside):
    pass


class HimmelblauHillside(FilmedFast, GradientOnHillside):
    function = HIMMELBLAU
    n_range = (-5.0, 5.0)
    e_range = (-5.0, 5.0)
    point = (1.0, 1.0)


class GoldenField(FilmedFast, GradientField):
    pass


class HimmelblauField(FilmedFast, GradientField):
    function = HIMMELBLAU
    n_range = (-5.0, 5.0)
    e_range = (-5.0, 5.0)
    point = (1.0, 1.0)


@frames_comparison(base_scene=GoldenHillside, **CACHED)
def test_gradient_on_hillside_last_frame(scene):
    GoldenHillside.construct(scene)


@frames_comparison(base_scene=HimmelblauHillside, **CACHED)
def test_himmelblau_hillside_last_frame(scene):
    HimmelblauHillside.construct(scene)


@frames_comparison(base_scene=GoldenField, **CACHED)
def test_gradient_field_last_frame(scene):
    GoldenField.construct(scene)


@frames_comparison(base_scene=HimmelblauField, **CACHED)
def test_himmelblau_field_last_frame(scene):
    HimmelblauField.construct(scene)
