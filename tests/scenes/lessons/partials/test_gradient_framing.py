"""Framing that shows the feature of the function on the slope lessons: a low-lying hill
(Rosenbrock's curved valley) is coloured by the share of the ground below each face, so its
valley floor stands out from the slopes around it; the height axis keeps several values."""

from __future__ import annotations

import numpy as np
import pytest

from mathcore import ScalarField
from scenes.gradient import GradientOnHillside
from scenes.lessons.partials.scene import PartialDerivatives
from scenes.parts.hill3d.height_bands import face_values, low_lying, share_below
from scenes.parts.hill3d.hillside import HEIGHT_RAMP
from tests.scenes.lessons.partials.test_partials_formulas import _built

ROSENBROCK = "100*(e - n**2)**2 + (1 - n)**2"


def _luminance(rgb: np.ndarray) -> np.ndarray:
    linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    return linear @ np.array([0.2126, 0.7152, 0.0722])


@pytest.mark.parametrize(
    ("function", "ranges", "low"),
    [
        (ROSENBROCK, ((-2, 2), (-1, 3)), True),
        ("(n**2 + e - 11)**2 + (n + e**2 - 7)**2", ((-5, 5), (-5, 5)), True),
        ("(n**2 + e**2)**3", ((-3, 3), (-3, 3)), True),
        ("0.3*(n**2 + 2*e**2)", ((-3, 3), (-3, 3)), False),
        ("n**2 - e**2", ((-3, 3), (-3, 3)), False),
        ("n*exp(-(n**2 + e**2)/2)", ((-3, 3), (-3, 3)), False),
        ("0.5*n + 0.2*e", ((-3, 3), (-3, 3)), False),
    ],
)
def test_low_lying_hills_are_those_whose_ground_lies_low(function, ranges, low):
    values = ScalarField(function, variables=("n", "e")).sample(*ranges, 81).values
    assert low_lying(values) is low


def test_share_below_is_the_rank_and_skips_undefined_values():
    shares = share_below(np.array([5.0, np.nan, 1.0, 1.0, 9.0]))
    assert np.isnan(shares[1])
    np.testing.assert_allclose(shares[[0, 2, 3, 4]], [2 / 3, 1 / 6, 1 / 6, 1.0])


@pytest.mark.parametrize("base", [GradientOnHillside, PartialDerivatives])
def test_rosenbrock_valley_floor_stands_out(base):
    scene = _built(base, ROSENBROCK, (-2.0, 2.0), (-1.0, 3.0), (-1.0, 1.0))
    assert scene.banded
    values = face_values(scene.hill)
    floor, slopes = values < 10, (values > 100) & (values < 400)  # the valley, and the ground around the median

    def contrast(rgb: np.ndarray) -> float:
        a, b = _luminance(rgb[floor]).mean(), _luminance(rgb[slopes]).mean()
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)

    assert contrast(scene.hill.face_rgb) >= 1.5
    # Along the valley floor the colour stays the darkest, however high the hill is elsewhere.
    assert _luminance(scene.hill.face_rgb[floor]).max() < _luminance(scene.hill.face_rgb[slopes]).min()
    # Coloured from the lowest to the highest value, the floor and the slopes look alike.
    scene.hill.set_colors_by_value(*HEIGHT_RAMP)
    assert contrast(scene.hill.face_rgb) < 1.5
    heights = [m.tex_string for m, k in zip(scene.axis_marks.numbers, scene.axis_marks.axis_of) if k == 2]
    assert len(heights) >= 3, heights  # steep and gentle read differently


def test_default_hill_keeps_its_colours_and_several_heights():
    scene = _built(GradientOnHillside, "0.3*(n**2 + 2*e**2)", (-3.0, 3.0), (-3.0, 3.0), (1.5, 1.0))
    assert not scene.banded
    heights = [m for m, k in zip(scene.axis_marks.numbers, scene.axis_marks.axis_of) if k == 2]
    assert len(heights) >= 3


@pytest.mark.parametrize(
    ("function", "n_range", "e_range", "point"),
    [("0.3*(n**2 + 2*e**2)", (-3.0, 3.0), (-3.0, 3.0), (1.5, 1.0)), (ROSENBROCK, (-2.0, 2.0), (-1.0, 3.0), (-1.0, 1.0))],
)
def test_slope_readout_shows_zero_across_the_gradient(function, n_range, e_range, point):
    """At right angles to the gradient the live readout shows 0, never 0.00 or -0.00."""
    from scenes.lessons.gradient.facts import turn_stops

    scene = _built(GradientOnHillside, function, n_range, e_range, point)
    scene._follow_angle()
    for angle, kind in turn_stops(scene.gradient):
        scene.angle.set_value(angle)
        scene.slope_readout.update()
        if kind == "level":
            assert scene.slope_readout.shown_text == "0"
        else:
            assert scene.slope_readout.shown_text == scene.facts.show(scene.steepest)
