"""Critical points of a curve with their kind, and the y range that shows the curve's shape."""

from __future__ import annotations

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from mathcore import CriticalPoint, Curve, DomainError


def exact_critical(text: str, x_range: tuple[float, float]) -> list[tuple[float, str]]:
    """Real roots of f' in the open range, each with its kind from the sign of f' around it."""
    curve = Curve(text)
    x, slope = curve.symbols[0], curve.derivative.expr
    found = []
    for root in sorted(float(r) for r in sympy.real_roots(sympy.Poly(slope, x))):
        if not x_range[0] < root < x_range[1] or (found and abs(root - found[-1][0]) < 1e-9):
            continue
        before, after = (float(slope.subs(x, root + d)) for d in (-1e-5, 1e-5))
        kind = "minimum" if before < 0 < after else "maximum" if before > 0 > after else "inflection"
        found.append((root, kind))
    return found


@pytest.mark.parametrize(
    ("text", "x_range"),
    [
        ("x**3/3 - x", (-2.2, 2.2)),
        ("x**4 - 3*x**2", (-2.5, 2.5)),
        ("x**3", (-1, 1)),
        ("(x - 1)**3*(x - 4)", (0, 5)),
        ("x**4 - 5*x**2 + 4", (-3, 3)),
        ("x**5 - 5*x**3 + 4*x + 0.3", (-2.5, 2.5)),
    ],
)
def test_critical_points_match_the_exact_roots_of_the_derivative(text, x_range):
    points = Curve(text).critical_points(x_range)
    expected = exact_critical(text, x_range)
    assert [p.kind for p in points] == [kind for _, kind in expected]
    np.testing.assert_allclose([p.x for p in points], [x for x, _ in expected], atol=1e-7)
    curve = Curve(text)
    for p in points:
        assert p.value == curve(p.x) and not p.sharp
        assert abs(curve.slope(p.x)) <= 1e-9 * (1 + abs(curve.derivative(x_range[1])))


def test_critical_points_of_sine_and_the_kinds_alternate():
    points = Curve("sin(x)").critical_points((0, 13))
    np.testing.assert_allclose([p.x for p in points], np.pi / 2 + np.pi * np.arange(4), atol=1e-12)
    assert [p.kind for p in points] == ["maximum", "minimum"] * 2
    assert all(p.turning for p in points)


def test_a_corner_is_a_sharp_turning_point():
    (point,) = Curve("abs(x - 2)").critical_points((0, 4))
    assert point == CriticalPoint(2.0, 0.0, "minimum", sharp=True)
    (peak,) = Curve("1 - abs(x - 0.3)").critical_points((0, 4))
    assert peak.kind == "maximum" and peak.sharp and peak.x == pytest.approx(0.3, abs=1e-12)


@pytest.mark.parametrize("text", ["1/x**2", "1/x", "log(abs(x))", "exp(x)", "x**3 + x/1000"])
def test_no_critical_point_across_a_pole_or_on_a_monotone_curve(text):
    assert Curve(text).critical_points((-1, 1)) == ()


def test_a_constant_piece_is_one_plateau_in_its_middle():
    assert Curve("2").critical_points((-1, 3)) == (CriticalPoint(1.0, 2.0, "plateau"),)


def test_partly_undefined_curve():
    (point,) = Curve("sqrt(x)*(3 - x)").critical_points((-2, 4))
    assert point.kind == "maximum" and point.x == pytest.approx(1.0, abs=1e-12)


def test_turning_points_leave_out_inflections():
    curve = Curve("(x - 1)**3*(x - 4)")
    assert [p.kind for p in curve.turning_points((0, 5))] == ["minimum"]


def test_classify_a_point_of_a_curve():
    assert Curve("x**3/3 - x").classify(1.0) == "minimum"
    assert Curve("x**3/3 - x").classify(-1.0 + 1e-9) == "maximum"
    assert Curve("x**3").classify(0.0) == "inflection"
    assert Curve("x**4").classify(0.0) == "minimum"
    assert Curve("x**3/3 - x").classify(-1.000001) == "maximum"  # given to six digits
    assert Curve("0.1*w**4 - w**2", variable="w").classify(2.236068) == "minimum"  # sqrt(5)
    with pytest.raises(ValueError, match="not a critical point"):
        Curve("x**2").classify(0.5)
    with pytest.raises(ValueError, match="not a critical point"):
        Curve("x**2").classify(0.001)


@settings(max_examples=40, deadline=None)
@given(a=st.floats(-2, 2), b=st.floats(0.1, 5), c=st.floats(-3, 3))
def test_a_parabola_has_one_extremum_at_its_vertex(a, b, c):
    # f = b (x - a)^2 + c (or its negative): vertex at a, kind from the sign.
    for sign, kind in ((1, "minimum"), (-1, "maximum")):
        (point,) = Curve(f"{sign}*{b}*(x - ({a}))**2 + ({c})").critical_points((-3, 3))
        assert point.kind == kind
        assert point.x == pytest.approx(a, abs=1e-9)
        assert point.value == pytest.approx(sign * 0 + c, abs=1e-9)


# -- feature_range ---------------------------------------------------------------------------
def test_feature_range_shows_both_wells_of_a_double_well():
    low, high = Curve("x**4 - 3*x**2").feature_range((-2.5, 2.5))
    assert low == pytest.approx(-2.25)  # the wells' floor, at x = +-sqrt(1.5)
    assert 0 < high <= 10  # the walls (up to 20.3) are cut: the wells fill a third or more
    assert 2.25 / (high - low) >= 1 / 3


def test_feature_range_keeps_a_sigmoid_whole_with_its_flat_tails():
    low, high = Curve("sigmoid(x)").feature_range((-6, 6))
    assert low == pytest.approx(1 / (1 + np.exp(6))) and high == pytest.approx(1 / (1 + np.exp(-6)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [("x**2", (0.0, 9.0)), ("100*x**2", (0.0, 900.0)), ("0.1*x**2", (0.0, 0.9)), ("exp(x)", (np.exp(-3), np.exp(3)))],
)
def test_feature_range_shows_a_whole_bowl_or_monotone_curve(text, expected):
    np.testing.assert_allclose(Curve(text).feature_range((-3, 3)), expected, rtol=1e-12, atol=1e-15)


def test_feature_range_is_not_squashed_by_a_pole():
    low, high = Curve("1/x").feature_range((-3, 3))
    assert -30 < low <= -1 / 3 and 1 / 3 <= high < 30
    low, high = Curve("x + 1/x").feature_range((-3, 3))
    assert low <= -2 and high >= 2 and high - low <= 20  # both turning points, poles cut


def test_feature_range_of_an_undefined_curve_is_refused():
    with pytest.raises(DomainError, match="no finite values"):
        Curve("log(x)").feature_range((-3, -1))
