"""Tests of scenes/parts/curve_spots.py (where a lesson looks on a curve) and of
:func:`scenes.parts.plot2d.tangent.clip_segment`."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose

from mathcore import Curve, DomainError
from scenes.parts.plot2d.curve_spots import lesson_y_range, limit_point, rise_first, sweep_segments
from scenes.parts.plot2d.plot_axes import scale_for
from scenes.parts.plot2d.tangent import clip_segment


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
    low, high = lesson_y_range(Curve("1/x"), (-3, 3))
    assert -10 <= low < 0 < high <= 10
    assert lesson_y_range(Curve("x**3/3 - x"), (-2.5, 2.5)) == pytest.approx((-2.7083, 2.7083), abs=1e-3)


def test_lesson_y_range_shows_both_wells_and_tells_steep_from_gentle():
    low, high = lesson_y_range(Curve("w**4 - 3*w**2", variable="w"), (-2.5, 2.5))
    assert low == pytest.approx(-2.25) and high < 10  # not 250: the wells stay visible
    assert lesson_y_range(Curve("100*x**2"), (-2.5, 2.5)) == pytest.approx((0.0, 625.0))
    assert lesson_y_range(Curve("0.01*x**2"), (-2.5, 2.5)) == pytest.approx((0.0, 0.0625))
    assert lesson_y_range(Curve("100 + x**2"), (-2.0, 2.0))[0] == pytest.approx(100.0)  # zero far away: left out


def test_rise_first_puts_the_triangle_away_from_the_curve():
    # Convex and rising: the curve sags below the chord, so the corner is above it.
    assert rise_first(Curve("x**2"), 1.0, 1.0) is True
    # Concave and rising: the corner goes below the chord.
    assert rise_first(Curve("sqrt(x)"), 1.0, 1.0) is False




#: Functions whose first secant from the default step might have no rise: a wave through
#: equal heights, a symmetric bowl, a cosine at its top, a kink, a pole, a steep cubic, a
#: tiny slope, a plateau in a sigmoid's tail.
RISE_FAMILY = [
    ("x*sin(x)", (-6.0, 6.0), 1.5, 1.0),
    ("x**2", (-2.0, 2.0), 0.0, 1.0),
    ("cos(x)", (-6.0, 6.0), 0.0, 1.0),
    ("sin(x)", (-6.0, 6.0), 1.5707963, 1.0),
    ("abs(x - 1)", (-2.5, 2.5), 1.0, 0.5),
    ("1/x", (-3.0, 3.0), 1.5, 1.0),
    ("x**3", (-2.5, 2.5), 1.5, 1.0),
    ("0.001*x", (-2.5, 2.5), 1.5, 1.0),
    ("(x**2 - 1)**2", (-2.0, 2.0), -1.0, 2.0),
    ("1/(1 + exp(-x))", (-8.0, 8.0), 6.0, 1.0),
]


@pytest.mark.parametrize(("function", "x_range", "x0", "h"), RISE_FAMILY)
def test_the_first_secant_has_a_rise_one_can_see_with_both_points_in_the_plot(function, x_range, x0, h):
    curve = Curve(function)
    low, high = scale_for(*lesson_y_range(curve, x_range), ticks=6).as_range()[:2]  # as TangentSlope's axes
    margin = 0.04 * (high - low)
    y_limits = (low + margin, high - margin)
    x, step = limit_point(curve, x0, h, x_range, y_limits)
    assert 0 < abs(step) <= abs(h)
    assert x_range[0] <= x + step <= x_range[1]
    for point in (x, x + step):
        assert y_limits[0] <= curve.value(point) <= y_limits[1]
    rise = abs(curve.value(x + step) - curve.value(x))
    assert rise >= 0.12 * (y_limits[1] - y_limits[0]) - 1e-12, (x, step, rise)


def test_a_constant_still_gets_a_secant_without_a_rise():
    x, step = limit_point(Curve("3 + 0*x"), 0.0, 1.0, (-2.0, 2.0), (2.0, 4.0))
    assert (x, step) == (0.0, 1.0)


@pytest.mark.parametrize(("function", "corner"), [("abs(x - 1)", 1.0), ("abs(x)", 0.0), ("relu(x + 0.7) - 2*abs(x - 1.3)", 1.3)])
def test_the_slide_stops_at_a_corner_itself_not_a_sample_away(function, corner):
    curve = Curve(function)
    segments = sweep_segments(curve, (-2.5, 2.5), (-20.0, 20.0))
    ends = [b for _, b in segments[:-1]] + [a for a, _ in segments[1:]]
    assert min(abs(e - corner) for e in ends) < 1e-6, segments
    for end in ends:
        curve.slope(end)  # a hair off the corner, f' has a value
