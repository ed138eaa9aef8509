"""Tests of mathcore.sampling: a graph in finite, continuous pieces, and its value range."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mathcore import Curve, DomainError
from mathcore.sampling import clip_pieces, find_breaks, robust_range, sample_pieces


def assert_well_formed(pieces, curve=None):
    """Every piece: at least two points, finite, x increasing, and (given the curve) on it."""
    assert pieces
    for xs, ys in pieces:
        assert xs.shape == ys.shape and xs.size >= 2
        assert np.all(np.isfinite(xs)) and np.all(np.isfinite(ys))
        assert np.all(np.diff(xs) > 0)
        if curve is not None:
            np.testing.assert_allclose(ys, curve(xs), rtol=1e-12, atol=1e-12)


def assert_continuous(pieces, curve):
    """Consecutive y values differ by no more than the steepest end slope allows.

    For the functions used here |f'| is convex on each piece, so over one step it is
    largest at an end (mean value theorem)."""
    slope = curve.derivative
    for xs, ys in pieces:
        steepest = np.maximum(np.abs(slope(xs[:-1])), np.abs(slope(xs[1:])))
        assert np.all(np.abs(np.diff(ys)) <= steepest * np.diff(xs) * (1 + 1e-9) + 1e-12)


def assert_one_side_of_each_pole(pieces, poles):
    for xs, _ in pieces:
        for pole in poles:
            assert np.all(xs < pole) or np.all(xs > pole), f"a piece crosses the pole at {pole}"


# -- poles -----------------------------------------------------------------------------------


def test_sample_one_over_x_two_pieces_one_per_side():
    curve = Curve("1/x")
    pieces = curve.sample((-2, 2))
    assert_well_formed(pieces, curve)
    assert len(pieces) == 2
    assert_one_side_of_each_pole(pieces, [0.0])
    assert_continuous(pieces, curve)
    (left_x, left_y), (right_x, right_y) = pieces
    assert left_x[0] == -2 and right_x[-1] == 2
    assert np.all(left_y < 0) and np.all(right_y > 0)
    assert sum(xs.size for xs, _ in pieces) == 400  # no sample lost: none is exactly at 0


@pytest.mark.parametrize("x_range", [(-5, 5), (-10, 7), (0.1, 12)])
def test_sample_tan_no_piece_crosses_a_pole(x_range):
    curve = Curve("tan(x)")
    pieces = curve.sample(x_range, num=500)
    assert_well_formed(pieces, curve)
    poles = [math.pi / 2 + k * math.pi for k in range(-5, 5)]
    inside = [p for p in poles if x_range[0] < p < x_range[1]]
    assert_one_side_of_each_pole(pieces, poles)
    assert len(pieces) == len(inside) + 1
    assert_continuous(pieces, curve)
    for _, ys in pieces:
        assert np.all(np.diff(ys) > 0)  # tan rises on every branch


def test_sample_pole_with_even_order():
    curve = Curve("1/x**2")
    pieces = curve.sample((-1, 1))
    assert len(pieces) == 2
    assert_one_side_of_each_pole(pieces, [0.0])


@settings(max_examples=25, deadline=None)
@given(st.floats(min_value=-3, max_value=3), st.integers(min_value=50, max_value=600))
def test_sample_moving_pole_never_bridged(pole, num):
    curve = Curve(f"1/(x - ({pole!r}))")
    pieces = curve.sample((-4, 4), num=num)
    assert_well_formed(pieces, curve)
    assert_one_side_of_each_pole(pieces, [pole])
    assert_continuous(pieces, curve)


def test_sample_jump_is_cut():
    curve = Curve("abs(x)/x")  # -1 then +1, undefined at 0
    pieces = curve.sample((-1, 1), num=401)
    assert [set(ys.tolist()) for _, ys in pieces] == [{-1.0}, {1.0}]


# -- where the function is defined -----------------------------------------------------------


def test_sample_log_only_where_defined():
    curve = Curve("log(x)")
    pieces = curve.sample((-2, 2))
    assert_well_formed(pieces, curve)
    assert len(pieces) == 1
    xs, _ = pieces[0]
    assert np.all(xs > 0) and xs[-1] == 2
    assert_continuous(pieces, curve)


def test_sample_sqrt_only_where_defined():
    curve = Curve("sqrt(x)")
    pieces = curve.sample((-1, 4))
    assert_well_formed(pieces, curve)
    assert len(pieces) == 1
    xs, _ = pieces[0]
    assert np.all(xs >= 0) and xs[0] < 0.02 and xs[-1] == 4


def test_sample_two_separate_domains():
    curve = Curve("sqrt(x**2 - 1)")
    pieces = curve.sample((-3, 3))
    assert len(pieces) == 2
    assert np.all(np.abs(pieces[0][0]) >= 1) and np.all(np.abs(pieces[1][0]) >= 1)
    assert pieces[0][0][-1] < -0.98 and pieces[1][0][0] > 0.98


@pytest.mark.parametrize(
    ("text", "x_range"),
    [("log(x)", (-3, -1)), ("sqrt(-x**2 - 1)", (-2, 2)), ("sqrt(x)", (-5, -0.001)), ("asin(x)", (2, 3))],
)
def test_sample_nowhere_finite_raises_domain_error(text, x_range):
    with pytest.raises(DomainError) as info:
        Curve(text).sample(x_range)
    message = str(info.value)
    assert text in message
    assert "no finite values" in message
    assert f"[{x_range[0]:g}, {x_range[1]:g}]" in message


def test_sample_smooth_function_is_one_piece_with_every_sample():
    curve = Curve("sin(3*x) + x**2")
    pieces = curve.sample((-3, 3), num=300)
    assert len(pieces) == 1
    xs, ys = pieces[0]
    np.testing.assert_allclose(xs, np.linspace(-3, 3, 300))
    np.testing.assert_allclose(ys, np.sin(3 * xs) + xs**2, rtol=1e-14, atol=1e-14)


@pytest.mark.parametrize("text", ["tanh(1000*x)", "x**9", "exp(x)", "sigmoid(200*x)"])
def test_sample_steep_but_continuous_is_not_cut(text):
    assert len(Curve(text).sample((-3, 3))) == 1


@pytest.mark.parametrize(
    ("x_range", "num"),
    [((1, 1), 10), ((2, 1), 10), ((0, float("inf")), 10), ((float("nan"), 1), 10), ((0, 1), 1)],
)
def test_sample_bad_arguments(x_range, num):
    with pytest.raises(ValueError):
        Curve("x").sample(x_range, num=num)


# -- clipping to a window of y ---------------------------------------------------------------


@pytest.mark.parametrize(("text", "x_range"), [("1/x", (-2, 2)), ("tan(x)", (-5, 5)), ("x**3", (-4, 4))])
def test_sample_clipped_stays_inside_and_ends_on_the_limit(text, x_range):
    low, high = -5.0, 5.0
    curve = Curve(text)
    pieces = curve.sample(x_range, y_limits=(low, high))
    assert_well_formed(pieces)
    for xs, ys in pieces:
        assert np.all((ys >= low) & (ys <= high))
        np.testing.assert_allclose(ys[1:-1], curve(xs[1:-1]), rtol=1e-12)
        for end_x, end_y in ((xs[0], ys[0]), (xs[-1], ys[-1])):
            if end_x not in x_range:  # cut by the window: ends exactly on its edge, on the curve
                assert end_y in (low, high)
                np.testing.assert_allclose(curve(end_x), end_y, rtol=0.05)


def test_sample_clipped_one_over_x_pieces():
    pieces = Curve("1/x").sample((-2, 2), y_limits=(-5, 5))
    assert len(pieces) == 2
    (left_x, left_y), (right_x, right_y) = pieces
    assert (left_y[0], left_y[-1]) == (-0.5, -5.0)
    assert (right_y[0], right_y[-1]) == (5.0, 0.5)
    np.testing.assert_allclose([left_x[-1], right_x[0]], [-0.2, 0.2], rtol=0.02)


def test_sample_clipped_outside_window_raises():
    with pytest.raises(DomainError, match=r"within y in \[10, 20\]"):
        Curve("sin(x)").sample((-3, 3), y_limits=(10, 20))


def test_clip_pieces_bad_limits():
    with pytest.raises(ValueError):
        clip_pieces([(np.array([0.0, 1.0]), np.array([0.0, 1.0]))], (1, 1))


def test_clip_pieces_reenters_the_window():
    xs = np.array([0.0, 1.0, 2.0, 3.0, 4.0])
    ys = np.array([0.0, 2.0, 0.0, -2.0, 0.0])
    pieces = clip_pieces([(xs, ys)], (-1, 1))
    assert len(pieces) == 3
    np.testing.assert_allclose(pieces[0][0], [0.0, 0.5])
    np.testing.assert_allclose(pieces[0][1], [0.0, 1.0])
    np.testing.assert_allclose(pieces[1][0], [1.5, 2.0, 2.5])
    np.testing.assert_allclose(pieces[1][1], [1.0, 0.0, -1.0])
    np.testing.assert_allclose(pieces[2][0], [3.5, 4.0])


# -- find_breaks and sample_pieces directly --------------------------------------------------


def test_find_breaks_only_at_the_jump():
    def step(v):
        return np.where(np.asarray(v) < 0.35, 0.0, 1.0) + np.asarray(v)

    xs = np.linspace(-1, 1, 21)
    breaks = find_breaks(step, xs, step(xs))
    assert breaks.tolist() == [13]
    assert xs[13] < 0.35 < xs[14]


def test_sample_pieces_names_the_function_in_errors():
    with pytest.raises(DomainError, match="my function"):
        sample_pieces(lambda v: np.full_like(v, np.nan), (0, 1), name="my function")


# -- value range -------------------------------------------------------------------------------


def test_value_range_of_a_bounded_function_is_its_full_span():
    low, high = Curve("x**2").value_range((-2, 2))
    np.testing.assert_allclose([low, high], [0.0, 4.0], atol=1e-5)
    low, high = Curve("x**3 - 3*x").value_range((-3, 3))
    np.testing.assert_allclose([low, high], [-18.0, 18.0])


@pytest.mark.parametrize("text", ["exp(x)", "x**9", "exp(3*x)"])
def test_value_range_of_steep_function_keeps_its_peak(text):
    curve = Curve(text)
    high = curve(3.0)
    assert curve.value_range((-3, 3))[1] == pytest.approx(high)


@pytest.mark.parametrize(
    ("text", "x_range", "core"),
    [
        ("1/x", (-2, 2), 2.0),
        ("tan(x)", (-5, 5), 3.0),
        ("1/(x - 1)", (-3, 3), 1.0),
        ("1/(x**2 - 1)", (-3, 3), 1.0),
    ],
)
def test_value_range_ignores_pole_tails(text, x_range, core):
    low, high = Curve(text).value_range(x_range)
    assert np.isfinite(low) and np.isfinite(high)
    # The runaway tails next to a pole reach hundreds; the range keeps the shape, not them.
    assert -100 < low and high < 100
    assert low <= -core
    assert high >= core


@pytest.mark.xfail(strict=True, reason="known limitation: the 1% trimmed each side cannot hide a one-sided "
                   "double-pole tail, which holds about 7% of the samples of 1/x**2 on [-2, 2]")
def test_value_range_ignores_one_sided_pole_tail():
    low, high = Curve("1/x**2").value_range((-2, 2))
    assert 0 < low < 1 and high < 100


def test_value_range_log_ignores_undefined_part():
    low, high = Curve("log(x)").value_range((-1, 3))
    assert high == pytest.approx(math.log(3))
    assert -10 < low < -2


def test_value_range_nowhere_finite_raises():
    with pytest.raises(DomainError, match=r"log\(x\) has no finite values on \[-3, -1\]"):
        Curve("log(x)").value_range((-3, -1))


def test_robust_range_constant_and_outlier():
    assert robust_range(np.full(10, 2.0)) == (2.0, 2.0)
    values = np.concatenate([np.linspace(-1, 1, 1000), [1e9]])
    low, high = robust_range(values)
    assert high < 2 and low == pytest.approx(-1, abs=0.05)
    with pytest.raises(DomainError):
        robust_range(np.array([np.nan, np.inf]))
