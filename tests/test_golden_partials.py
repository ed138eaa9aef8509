"""Golden last frames of the partial-derivatives lesson (control data in tests/control_data/partials/).

See tests/golden.py for how to regenerate them and which cairo they need.
"""

from __future__ import annotations

from manim.utils.testing.frames_comparison import frames_comparison

from scenes.lessons.partials.scene import PartialDerivatives
from tests.golden import CACHED, FilmedFast

__module_test__ = "partials"


class GoldenPartials(FilmedFast, PartialDerivatives):
    pass


class HimmelblauPartials(FilmedFast, PartialDerivatives):
    function = "(n**2 + e - 11)**2 + (n + e**2 - 7)**2"
    n_range = (-5.0, 5.0)
    e_range = (-5.0, 5.0)
    point = (1.0, 1.0)


@frames_comparison(base_scene=GoldenPartials, **CACHED)
def test_partial_derivatives_last_frame(scene):
    GoldenPartials.construct(scene)


@frames_comparison(base_scene=HimmelblauPartials, **CACHED)
def test_himmelblau_partials_last_frame(scene):
    HimmelblauPartials.construct(scene)
