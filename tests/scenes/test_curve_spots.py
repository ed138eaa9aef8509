"""Tests of scenes/parts/curve_spots.py (where a lesson looks on a curve) and of
:func:`scenes.parts.tangent.clip_segment`."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose

from mathcore import Curve, DomainError
from scenes.parts.curve_spots import flat_points, lesson_y_range, limit_point, rise_first, sweep_segments
from scenes.parts.tangent import clip_segment


def test_flat_points_of_the_default_cubic_are_its_turning_points():
    curve = Curve("x**3/3 - x")
    points = flat_points(curve, (-2.2, 2.2))
    assert_allclose(points, [-1.0, 1.0], atol=1e-12)
    assert all(abs(curve.slope(x)) < 1e-12 for x in points)


def test_flat_points_finds_a_touching_zero_and_ignores_poles():
    assert_allclose(flat_points(Curve("x**3"), (-1, 1)), [0.0], atol=1e-6)
    assert flat_points(Curve("1/x**2"), (-1, 1)) == []  # f' changes sign across the pole
    assert flat_points(Curve("x**3 + x/1000"), (-1, 1)) == []  # nearly flat is not flat
    assert flat_points(Curve("exp(x)"), (-2, 2)) == []


def test_flat_points_of_a_sine_across_several_turns():
    assert_allclose(flat_points(Curve("sin(x)"), (0, 7)), [np.pi / 2, 3 * np.pi / 2], atol=1e-9)


def test_limit_point_keeps_a_point_that_works():
    curve = Curve("x**3/3 - x")
    assert limit_point(curve, 1.5, 1.0, (-2.5, 2.5), (-3.7, 3.7)) == (1.5, 1.0)


def test_limit_point_turns_the_step_round_at_the_edge():
    curve = Curve("x**3/3 - x")
    assert limit_point(curve, 2.2, 1.0, (-2.5, 2.5), (-3.7, 3.7)) == (2.2, -1.0)


def test_limit_point_moves_off_a_pole_and_never_straddles_it():
    curve = Curve("1/x")
    x0, h = limit_point(curve, 0.0, 1.0, (-3, 3), (-3.7, 3.7))
    assert x0 != 0 and abs(x0) < 0.5
    assert np.sign(x0) == np.sign(x0 + h)  # both points on one branch
    curve.secant_slope(x0, h)  # defined


def test_limit_point_without_any_defined_point_is_a_domain_error():
    with pytest.raises(DomainError, match="no point near"):
        limit_point(Curve("log(x)"), -1.0, 0.5, (-3, -1), (-5, 5))


def test_limit_point_rejects_a_zero_step():
    with pytest.raises(ValueError, match="non-zero"):
        limit_point(Curve("x**2"), 0.0, 0.0, (-1, 1), (-2, 2))


def test_sweep_segments_skip_a_pole():
    segments = sweep_segments(Curve("1/x"), (-2.5, 2.5), (-3.7, 3.7))
    assert len(segments) == 2
    (a0, b0), (a1, b1) = segments
    assert a0 == pytest.approx(-2.5) and b1 == pytest.approx(2.5)
    assert b0 < 0 < a1
    assert abs(1 / b0) <= 3.7 + 1e-6 and abs(1 / a1) <= 3.7 + 1e-6


def test_sweep_segments_of_a_smooth_curve_is_the_whole_sweep():
    assert sweep_segments(Curve("x**2"), (-1, 1), (-1, 2)) == [(-1.0, 1.0)]


def test_sweep_segments_where_f_is_undefined_everywhere_is_empty():
    assert sweep_segments(Curve("log(x)"), (-3, -1), (-5, 5)) == []


def test_clip_segment_keeps_inside_cuts_crossing_and_drops_missing():
    box = (0.0, 1.0, 0.0, 1.0)
    start, end = clip_segment([0.2, 0.2, 0], [0.8, 0.8, 0], box)
    assert_allclose(start, [0.2, 0.2, 0]) and assert_allclose(end, [0.8, 0.8, 0])
    start, end = clip_segment([-1.0, 0.5, 0], [2.0, 0.5, 0], box)
    assert_allclose(start, [0.0, 0.5, 0]) and assert_allclose(end, [1.0, 0.5, 0])
    assert clip_segment([2.0, 2.0, 0], [3.0, 3.0, 0], box) is None


def test_lesson_y_range_is_not_squashed_by_a_pole():
    low, high, step = lesson_y_range(Curve("1/x"), (-3, 3))
    assert -10 <= low < 0 < high <= 10
    assert lesson_y_range(Curve("x**3/3 - x"), (-2.5, 2.5)) == (-4.0, 4.0, 2.0)


def test_rise_first_puts_the_triangle_away_from_the_curve():
    # Convex and rising: the curve sags below the chord, so the corner is above it.
    assert rise_first(Curve("x**2"), 1.0, 1.0) is True
    # Concave and rising: the corner goes below the chord.
    assert rise_first(Curve("sqrt(x)"), 1.0, 1.0) is False


def test_flat_points_of_a_constant_is_one_point_in_the_middle():
    assert flat_points(Curve("2"), (-1.0, 3.0)) == [1.0]
