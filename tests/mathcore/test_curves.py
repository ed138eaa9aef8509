"""Tests of mathcore.curves: values, the exact derivative, tangents and secants."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
import sympy
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from mathcore import Curve, DomainError, ExpressionError, Tangent
from mathcore.vocabulary import relu, sigmoid, softplus

from .strategies import formulas, symbol, trustworthy_difference

x, t, e = symbol("x"), symbol("t"), symbol("e")


# -- the derivative, exactly ---------------------------------------------------------------------

HAND_BUILT = [
    ("x**3 - 2*x", x**3 - 2 * x),
    ("sin(x)*cos(x)", sympy.sin(x) * sympy.cos(x)),
    ("exp(-x^2/2)", sympy.exp(-(x**2) / 2)),
    ("tanh(3*x + 1)", sympy.tanh(3 * x + 1)),
    ("sigmoid(x)*x", sigmoid(x) * x),
    ("softplus(x**2 - 1)", softplus(x**2 - 1)),
    ("relu(x - 1)**2", relu(x - 1) ** 2),
    ("sqrt(x**2 + 1)", sympy.sqrt(x**2 + 1)),
    ("log(x**2 + 1)/(x**2 + 1)", sympy.log(x**2 + 1) / (x**2 + 1)),
    ("x**0.5", x ** sympy.Float("0.5")),
    ("atan(x) + asin(x/2)", sympy.atan(x) + sympy.asin(x / 2)),
    ("2**x", 2**x),
    ("x**x", x**x),
    ("abs(x)**3", sympy.Abs(x) ** 3),
    ("log(x, 10)", sympy.log(x) / sympy.log(10)),
    ("pi*e*x", sympy.pi * sympy.E * x),
]


@pytest.mark.parametrize(("text", "expr"), HAND_BUILT, ids=[text for text, _ in HAND_BUILT])
def test_curve_derivative_exact(text, expr):
    curve = Curve(text)
    assert curve.expr == expr
    assert curve.derivative.expr == sympy.diff(expr, x)
    assert curve.derivative.derivative.expr == sympy.diff(sympy.diff(expr, x), x)


def test_curve_derivative_of_position_is_velocity():
    position = Curve("4*t - t**2", variable="t")
    assert position.variable == "t"
    assert position.derivative.variable == "t"
    assert position.derivative.expr == 4 - 2 * t
    assert position.derivative.derivative.expr == -2
    assert position.slope(1.0) == 2.0


def test_curve_derivative_is_cached_and_a_curve():
    curve = Curve("x**2")
    assert isinstance(curve.derivative, Curve)
    assert curve.derivative is curve.derivative


@settings(max_examples=60, deadline=None)
@given(formulas(("x",)), st.lists(st.floats(min_value=-2, max_value=2), min_size=3, max_size=3))
def test_curve_derivative_matches_central_difference(pair, points):
    text, expr = pair
    curve = Curve(text)
    assert curve.expr == expr
    assert curve.derivative.expr == sympy.diff(expr, x)
    checked = 0
    for point in points:
        slope = curve.derivative(point)
        estimate = trustworthy_difference(curve, point)
        if estimate is None or not np.isfinite(slope):
            continue
        difference, tolerance = estimate
        assert abs(slope - difference) <= tolerance, (text, point, slope, difference)
        checked += 1
    assume(checked > 0)


# -- values ------------------------------------------------------------------------------------


def test_curve_values_vectorised():
    curve = Curve("x**3 - 2*x")
    xs = np.linspace(-2, 2, 9)
    np.testing.assert_allclose(curve(xs), xs**3 - 2 * xs, rtol=1e-15, atol=1e-15)
    grid = xs.reshape(3, 3)
    assert curve(grid).shape == (3, 3)
    np.testing.assert_allclose(curve(grid), grid**3 - 2 * grid, atol=1e-15)
    np.testing.assert_allclose(curve([0.5, 1.5]), [0.125 - 1, 3.375 - 3])


def test_curve_value_of_a_number_is_a_float():
    value = Curve("x**2")(3)
    assert type(value) is float and value == 9.0


def test_curve_constant_broadcasts():
    np.testing.assert_array_equal(Curve("3")(np.zeros(4)), [3.0, 3.0, 3.0, 3.0])
    assert Curve("3").derivative(np.zeros(2)).tolist() == [0.0, 0.0]


def test_curve_values_nan_where_undefined_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        values = Curve("log(x) + 1/(x - 2) + sqrt(x)")(np.array([-1.0, 0.0, 1.0, 2.0, 4.0]))
    assert np.isnan(values[:2]).all() and np.isnan(values[3])
    np.testing.assert_allclose(values[[2, 4]], [0.0, math.log(4) + 0.5 + 2], atol=1e-15)


def test_curve_value_raises_domain_error_where_undefined():
    with pytest.raises(DomainError, match=r"log\(x\).*undefined at x = -1"):
        Curve("log(x)").value(-1.0)
    assert issubclass(DomainError, ValueError)


def test_curve_overflow_is_nan_not_inf():
    assert np.isnan(Curve("exp(x)")(1000.0))


# -- slope, tangent, secant ------------------------------------------------------------------


def test_curve_slope_and_tangent_of_cubic():
    curve = Curve("x**3 - 2*x")
    assert curve.slope(1.0) == 1.0
    assert curve.slope(-2.0) == 10.0
    tangent = curve.tangent(1.0)
    assert tangent == Tangent(point=(1.0, -1.0), slope=1.0)
    assert tangent.intercept == -2.0
    np.testing.assert_allclose(tangent(np.array([0.0, 2.0])), [-2.0, 0.0])


def test_curve_slope_of_square_at_minus_two():
    # manim's docstring example gets this one wrong; ours is tested.
    assert Curve("x**2").slope(-2) == -4.0
    assert Curve("x**2").tangent(-2).intercept == -4.0


@settings(max_examples=30, deadline=None)
@given(st.floats(min_value=-3, max_value=3))
def test_tangent_touches_and_has_the_slope(point):
    curve = Curve("sin(x) + x**2/4")
    tangent = curve.tangent(point)
    np.testing.assert_allclose(tangent(point), curve(point), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(tangent.slope, math.cos(point) + point / 2, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(tangent(point + 1) - tangent(point), tangent.slope, rtol=1e-9, atol=1e-12)


def test_curve_secant_slope_exact_for_cubic():
    curve = Curve("x**3")
    for h in (1.0, 0.5, 0.1, -0.1, 0.01):
        np.testing.assert_allclose(curve.secant_slope(1.0, h), 3 + 3 * h + h**2, rtol=1e-9)


def test_curve_secant_slope_tends_to_slope():
    curve = Curve("exp(x)*sin(x)")
    x0 = 0.7
    errors = [abs(curve.secant_slope(x0, h) - curve.slope(x0)) for h in (1e-1, 1e-2, 1e-3, 1e-4)]
    assert all(later < earlier / 5 for earlier, later in zip(errors, errors[1:]))
    assert errors[-1] < 1e-3


@pytest.mark.parametrize("h", [0, 0.0, float("nan"), float("inf")])
def test_curve_secant_slope_bad_step(h):
    with pytest.raises(ValueError, match="h must be"):
        Curve("x**2").secant_slope(1.0, h)


def test_curve_secant_slope_across_domain_edge_raises():
    with pytest.raises(DomainError):
        Curve("sqrt(x)").secant_slope(0.5, -1.0)


@pytest.mark.parametrize(
    ("slope", "direction"),
    [(2.0, "rising"), (-0.5, "falling"), (0.0, "flat"), (1e-12, "flat"), (-1e-12, "flat"), (2e-9, "rising")],
)
def test_tangent_direction(slope, direction):
    assert Tangent(point=(0.0, 0.0), slope=slope).direction == direction


def test_curve_tangent_direction_around_a_valley():
    curve = Curve("x**2")
    assert [curve.tangent(p).direction for p in (-1.0, 0.0, 1.0)] == ["falling", "flat", "rising"]


@pytest.mark.parametrize(
    ("text", "point"),
    [
        ("1/x", 0.0),  # a pole
        ("log(x)", 0.0),
        ("log(x)", -1.0),  # outside the domain
        ("sqrt(x)", -1.0),
        ("sqrt(x)", 0.0),  # defined, but the tangent is vertical
        ("x**(1/3)", 0.0),
        ("abs(x)", 0.0),  # a corner
        ("relu(x)", 0.0),
        ("abs(x - 1) + x", 1.0),
        ("abs(sin(x))", math.pi),
        ("asin(x)", 1.0),
    ],
)
def test_curve_slope_domain_error(text, point):
    curve = Curve(text)
    with pytest.raises(DomainError, match="undefined"):
        curve.slope(point)
    with pytest.raises(DomainError):
        curve.tangent(point)


@pytest.mark.parametrize(
    ("text", "point", "slope"),
    [
        ("abs(x)", 0.5, 1.0),
        ("abs(x)", -0.5, -1.0),
        ("abs(x)**3", 0.0, 0.0),  # smooth at 0 although abs is not
        ("x*abs(x)", 0.0, 0.0),
        ("relu(x)**2", 0.0, 0.0),
        ("relu(x) - relu(-x)", 0.0, 1.0),  # that is just x
        ("abs((x - 1)**2)", 1.0, 0.0),
        ("relu(x)", 2.0, 1.0),
        ("relu(x)", -2.0, 0.0),
    ],
)
def test_curve_slope_where_abs_or_relu_is_smooth(text, point, slope):
    assert Curve(text).slope(point) == slope


# -- LaTeX -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "variable", "latex"),
    [
        ("x**3 - 2*x", "x", "x^{3} - 2 x"),
        ("sqrt(x)", "x", r"\sqrt{x}"),
        ("exp(-x)", "x", r"\mathrm{e}^{- x}"),  # Euler's number upright
        ("x/2", "x", r"\frac{x}{2}"),
        ("4*t - t**2", "t", "4 t - t^{2}"),  # in the typed order
    ],
)
def test_curve_latex(text, variable, latex):
    assert Curve(text, variable=variable).latex == latex


def test_curve_latex_of_derivative():
    assert Curve("x**3 - 2*x").derivative.latex == "3 x^{2} - 2"


# -- building a curve ------------------------------------------------------------------------


def test_curve_from_sympy_expression():
    curve = Curve(x**2 + 1)
    assert curve(2.0) == 5.0
    assert curve.text == "x**2 + 1"


def test_curve_from_sympy_expression_with_stray_symbol():
    with pytest.raises(ExpressionError, match="undeclared"):
        Curve(x * symbol("y"))
    with pytest.raises(ExpressionError):
        Curve(sympy.Symbol("x") ** 2)  # not the real x the curve declares


def test_curve_from_other_types():
    with pytest.raises(TypeError):
        Curve(3.0)


def test_curve_repr():
    assert repr(Curve("x**2")) == "Curve('x**2', variables=('x',))"


# -- a variable named like a numpy name keeps its meaning ----------------------------------------


def test_curve_variable_e_with_euler_number_too():
    curve = Curve("e*exp(1) + e**2", variable="e")
    assert curve.expr == sympy.E * e + e**2
    np.testing.assert_allclose(curve(2.0), 2 * math.e + 4, rtol=1e-15)
    np.testing.assert_allclose(curve.slope(2.0), math.e + 4, rtol=1e-15)


@pytest.mark.parametrize("name", ["arctan", "arcsin", "heaviside", "where", "select", "x0", "Dummy"])
def test_curve_variable_named_like_generated_code(name):
    curve = Curve(f"atan({name}) + asin({name}/2) + relu({name})", variable=name)
    expected = math.atan(0.5) + math.asin(0.25) + 0.5
    np.testing.assert_allclose(curve(0.5), expected, rtol=1e-15)
    np.testing.assert_allclose(curve.slope(0.5), 1 / 1.25 + 0.5 / math.sqrt(1 - 0.0625) + 1, rtol=1e-14)
