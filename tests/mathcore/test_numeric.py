"""Scales and tolerances: facts follow the mathematics, not float rounding."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mathcore import Curve, DomainError, ScalarField, gradient_descent
from mathcore.descent import creeping_toward, point_kind, walk_box
from mathcore.numeric import (
    RESOLUTION,
    exact_change,
    is_flat,
    same_walk,
    significant_change,
    typical_slope,
    value_scale,
)

COSH = Curve("cosh(w) - 1", variable="w")


# -- a change below float resolution is neither a fall nor a rise ------------------------------


def test_cosh_walk_goes_down_at_every_step_and_is_never_told_to_go_up():
    path = gradient_descent(COSH, 2.5, learning_rate=0.3, max_steps=200)
    scale = value_scale(COSH, (-3, 3))
    changes = path.step_changes(scale)
    assert 1 not in changes  # never "up"
    assert changes[0] == -1 and 0 in changes  # down at first, then below resolution
    # Mathematically every step goes down (|w| shrinks, and cosh is even and increasing in |w|).
    assert all(exact_change(COSH, path.points[i], path.points[i + 1]) == -1 for i in range(path.steps))
    # In floats the values stop changing (cosh(w) - 1 rounds to 0 near w = 0): no claim either way.
    assert path.values[-1] == path.values[-2] == 0.0


def test_significant_change_is_relative_to_the_scale():
    assert significant_change(1.0, 1.0 + 1e-15, 1.0) == 0
    assert significant_change(1e-20, 2e-20, 1e-20) == 1  # a tiny function is compared at its own size
    assert significant_change(1e-20, 2e-20, 1.0) == 0
    assert significant_change(5.0, 4.0, 5.0) == -1
    assert significant_change(np.nan, 1.0, 1.0) == 0
    assert significant_change(1.0, 1.0 + 2 * RESOLUTION, 1.0) == 1


@settings(max_examples=100, deadline=None)
@given(st.floats(-1e6, 1e6), st.floats(-1e6, 1e6), st.floats(1e-3, 1e6))
def test_significant_change_is_antisymmetric_and_follows_the_sign(a, b, scale):
    change = significant_change(a, b, scale)
    assert change == -significant_change(b, a, scale)
    assert change == 0 or change == np.sign(b - a)


def test_exact_change_sees_what_floats_cannot():
    assert COSH(1e-9) == COSH(5e-10) == 0.0
    assert exact_change(COSH, 1e-9, 5e-10) == -1
    assert exact_change(COSH, 1e-9, -1e-9) == 0  # mirror points: equal values
    assert exact_change(COSH, 0.5, 0.5) == 0
    field = ScalarField("n**2 + 2*e**2", variables=("n", "e"))
    assert exact_change(field, (1.0, 1.0), (1.0, 1.0 - 1e-17 * 0 - 2**-52)) == -1
    assert exact_change(Curve("sigmoid(x) + relu(x) + softplus(x)"), 1.0, 1.0 + 2**-52) == 1
    with pytest.raises(DomainError):
        exact_change(Curve("sqrt(x)"), -1.0, 1.0)


# -- typical slope, flatness -------------------------------------------------------------------


def test_typical_slope_of_curves_and_fields():
    assert typical_slope(Curve("x**2"), (0, 2)) == 2.0
    assert typical_slope(Curve("3"), (0, 2)) == 1.0  # flat everywhere: 1
    assert typical_slope(ScalarField("n + 0*e", variables=("n", "e")), (0, 1), (0, 2)) == pytest.approx(0.5)
    tiny = ScalarField("1e-6*(n**2 + e**2)", variables=("n", "e"))
    assert typical_slope(tiny, (-1, 1), (-1, 1)) == pytest.approx(1e-6)
    with pytest.raises(ValueError, match="one range each"):
        typical_slope(tiny, (-1, 1))
    with pytest.raises(ValueError, match="low < high"):
        typical_slope(Curve("x"), (1, 1))
    with pytest.raises(DomainError):
        typical_slope(Curve("log(x)"), (-2, -1))


def test_is_flat_is_relative():
    assert is_flat(1e-14, typical=1e-6) and not is_flat(1e-9, typical=1e-6)
    assert is_flat([0.0, 1e-12], typical=1.0)


@pytest.mark.parametrize("factor", [1e-6, 1.0, 1e6])
def test_value_scale_and_typical_slope_scale_with_the_function(factor):
    curve = Curve(f"{factor}*(x**2 + 1)")
    assert value_scale(curve, (-1, 2)) == pytest.approx(5 * factor)
    assert typical_slope(curve, (-1, 2)) == pytest.approx(4 / 3 * factor, rel=1e-3)


# -- the same walk -----------------------------------------------------------------------------


def test_same_walk_within_a_pixel():
    field = ScalarField("0.3*(n**2 + 2*e**2)", variables=("n", "e"))
    plain = gradient_descent(field, (2.0, 1.5), learning_rate=0.1, max_steps=20)
    heavy0 = gradient_descent(field, (2.0, 1.5), learning_rate=0.1, momentum=0.0, max_steps=20)
    heavy = gradient_descent(field, (2.0, 1.5), learning_rate=0.1, momentum=0.5, max_steps=20)
    assert same_walk(plain, heavy0, length=6.0)
    assert not same_walk(plain, heavy, length=6.0)
    # The first step is the same with any momentum; the second differs.
    assert same_walk(plain, heavy, length=6.0, steps=1)
    assert not same_walk(plain, heavy, length=6.0, steps=2)
    near = gradient_descent(field, (2.0 + 1e-12, 1.5), learning_rate=0.1, max_steps=20)
    assert same_walk(plain, near, length=6.0)
    apart = gradient_descent(field, (2.0 + 0.1, 1.5), learning_rate=0.1, max_steps=20)
    assert not same_walk(plain, apart, length=6.0)
    short = gradient_descent(field, (2.0, 1.5), learning_rate=0.1, max_steps=5)
    assert not same_walk(plain, short, length=6.0)
    with pytest.raises(ValueError):
        same_walk(plain, heavy, length=0.0)


# -- creeping, relative to the function's scale --------------------------------------------------


@pytest.mark.parametrize("factor", ["1e-6", "1", "1e6"])
def test_a_tiny_bowl_is_slow_not_a_saddle(factor):
    field = ScalarField(f"{factor}*(n**2 + e**2)", variables=("n", "e"))
    rate = 0.1 / float(factor) * 1e-6  # slow in every case
    path = gradient_descent(field, (1.0, 1.0), learning_rate=rate, max_steps=500)
    assert path.status == "max_steps"
    assert "saddle" not in path.message and "creeping" not in path.message
    assert creeping_toward(field, path) is None


def test_the_default_tiny_bowl_message():
    path = gradient_descent(ScalarField("1e-6*(n**2+e**2)", variables=("n", "e")), (1.0, 1.0))
    assert path.status == "max_steps"
    assert "saddle" not in path.message and "without settling" in path.message


@pytest.mark.parametrize("factor", [1e-6, 1.0, 1e6])
def test_creeping_toward_a_saddle_at_any_scale(factor):
    field = ScalarField(f"{factor}*(x**3 + y**2)")
    path = gradient_descent(field, (1.0, 1.0), learning_rate=0.1 / factor, max_steps=500, tolerance=1e-8 * factor)
    point, kind = creeping_toward(field, path)
    assert kind == "saddle" and "creeping toward a saddle" in path.message
    assert "e-" not in path.message.split("near")[1]  # no float noise in the place named


def test_creeping_toward_the_inflection_point_of_a_curve():
    curve = Curve("x**4 + x**3")
    path = gradient_descent(curve, 1.0, learning_rate=0.1, max_steps=500)
    point, kind = creeping_toward(curve, path)
    assert kind == "inflection point" and abs(point[0]) < 1e-6
    assert "near x = 0," in path.message
    # Given the range shown, the same answer.
    assert creeping_toward(curve, path, ranges=[(-2, 2)])[1] == "inflection point"


def test_no_creeping_down_an_asymptote_or_for_other_statuses():
    curve = Curve("exp(-x)")
    path = gradient_descent(curve, 0.5, learning_rate=1.0, max_steps=2000)
    assert creeping_toward(curve, path) is None
    assert creeping_toward(Curve("x**2"), gradient_descent(Curve("x**2"), 1.0)) is None


def test_walk_box():
    assert walk_box(np.array([[1.0, 0.0], [0.0, 2.0]])) == [(-3.0, 4.0), (-3.0, 5.0)]


# -- point_kind from the solvers ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("function", "point", "kind"),
    [
        (Curve("x**2"), [0.0], "minimum"),
        (Curve("x**4"), [0.0], "minimum"),
        (Curve("-x**4"), [0.0], "maximum"),
        (Curve("x**3"), [0.0], "inflection point"),
        (Curve("abs(x)"), [0.0], "minimum"),
        (Curve("1"), [2.0], "plateau"),
        (ScalarField("x*y"), [0.0, 0.0], "saddle"),
        (ScalarField("1e-9*(x**2 - y**2)"), [0.0, 0.0], "saddle"),
        (ScalarField("1e-9*(x**2 + y**2)"), [0.0, 0.0], "minimum"),
        (ScalarField("x**4 + y**4"), [0.0, 0.0], "minimum"),  # degenerate Hessian: the ring decides
        (ScalarField("x**3 + y**2"), [0.0, 0.0], "saddle"),
    ],
)
def test_point_kind(function, point, kind):
    x = np.array(point)
    assert point_kind(function, x, function.gradient_at(x)) == kind
