"""Tests of mathcore.vocabulary: the allowed functions and the three activation functions."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from mathcore import Curve, parse_expression
from mathcore.vocabulary import ALLOWED_FUNCTIONS, CONSTANTS, NUMPY_NAMESPACE, relu, sigmoid, softplus

from .strategies import symbol, trustworthy_difference

x = symbol("x")
EXTREMES = np.array([-1000.0, -50.0, -1.0, 0.0, 1.0, 50.0, 1000.0])


def _quiet(call):
    """Run ``call`` with every numpy warning turned into an error."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(all="raise"):
            return call()


# -- exact derivatives -------------------------------------------------------------------------


def test_sigmoid_derivative_is_sigmoid_times_one_minus_sigmoid():
    assert Curve("sigmoid(x)").derivative.expr == sigmoid(x) * (1 - sigmoid(x))


def test_softplus_derivative_is_sigmoid():
    assert Curve("softplus(x)").derivative.expr == sigmoid(x)


def test_relu_derivative_is_heaviside():
    assert Curve("relu(x)").derivative.expr == sympy.Heaviside(x)


def test_activation_chain_rule_exact():
    assert sympy.diff(parse_expression("sigmoid(2*x)"), x) == 2 * sigmoid(2 * x) * (1 - sigmoid(2 * x))
    assert sympy.diff(parse_expression("softplus(x**2)"), x) == 2 * x * sigmoid(x**2)
    assert sympy.diff(parse_expression("relu(3*x)"), x) == 3 * sympy.Heaviside(3 * x)


def test_activation_rewrites_match_textbook_forms():
    assert sympy.simplify(sigmoid(x).rewrite(sympy.exp) - 1 / (1 + sympy.exp(-x))) == 0
    assert softplus(x).rewrite(sympy.log) == sympy.log(1 + sympy.exp(x))
    assert relu(x).rewrite(sympy.Max) == sympy.Max(0, x)


def test_activation_derivatives_agree_with_their_definitions():
    for name, definition in [
        ("sigmoid", 1 / (1 + sympy.exp(-x))),
        ("softplus", sympy.log(1 + sympy.exp(x))),
    ]:
        mine = sympy.diff(parse_expression(f"{name}(x)"), x)
        theirs = sympy.diff(definition, x)
        for point in (-3, -0.5, 0, 0.7, 2):
            assert abs(float(mine.rewrite(sympy.exp).subs(x, point)) - float(theirs.subs(x, point))) < 1e-12


@pytest.mark.parametrize("name", ["sigmoid", "softplus"])
@settings(max_examples=40, deadline=None)
@given(st.floats(min_value=-30, max_value=30))
def test_activation_derivative_matches_central_difference(name, point):
    curve = Curve(f"{name}(x)")
    estimate = trustworthy_difference(curve, point)
    assert estimate is not None
    difference, tolerance = estimate
    assert abs(curve.derivative(point) - difference) <= tolerance


def test_relu_derivative_values_and_second_derivative():
    slope = Curve("relu(x)").derivative
    np.testing.assert_array_equal(slope(np.array([-2.0, -1e-9, 1e-9, 3.0])), [0.0, 0.0, 1.0, 1.0])
    curvature = slope.derivative(np.array([-1.0, 0.0, 1.0]))
    np.testing.assert_array_equal(curvature, [0.0, 0.0, 0.0])


# -- numerically stable values -----------------------------------------------------------------


def test_sigmoid_values_stable_at_extremes():
    values = _quiet(lambda: Curve("sigmoid(x)")(EXTREMES))
    assert np.all(np.isfinite(values))
    np.testing.assert_allclose(values[[0, -1]], [0.0, 1.0], atol=1e-300)
    np.testing.assert_allclose(values[3], 0.5)
    np.testing.assert_allclose(values[1:-1], 1 / (1 + np.exp(-EXTREMES[1:-1])), rtol=1e-12)


def test_sigmoid_symmetry_holds_far_out():
    values = Curve("sigmoid(x)")(EXTREMES)
    np.testing.assert_allclose(values + values[::-1], 1.0, rtol=1e-15)


def test_softplus_values_stable_at_extremes():
    values = _quiet(lambda: Curve("softplus(x)")(EXTREMES))
    assert np.all(np.isfinite(values))
    np.testing.assert_allclose(values[[0, -1]], [0.0, 1000.0], atol=1e-300)
    np.testing.assert_allclose(values[3], math.log(2))
    np.testing.assert_allclose(values[-2], 50.0 + math.log1p(math.exp(-50.0)), rtol=1e-15)


def test_relu_values_at_extremes():
    np.testing.assert_array_equal(Curve("relu(x)")(EXTREMES), np.maximum(EXTREMES, 0.0))


@pytest.mark.parametrize("name", ["sigmoid", "softplus", "relu"])
def test_activation_derivatives_stable_at_extremes(name):
    slope = Curve(f"{name}(x)").derivative
    values = _quiet(lambda: slope(EXTREMES))
    assert np.all(np.isfinite(values))
    assert np.all((values >= 0) & (values <= 1))
    assert values[0] == 0.0
    curvature = slope.derivative(EXTREMES)
    assert np.all(np.isfinite(curvature))


@settings(max_examples=50, deadline=None)
@given(st.floats(min_value=-800, max_value=800))
def test_float_and_numpy_activations_agree(point):
    # The parser folds constants with the float versions; curves use the numpy versions.
    for name in ("sigmoid", "softplus", "relu"):
        as_float = ALLOWED_FUNCTIONS[name].evaluate(point)
        as_numpy = float(NUMPY_NAMESPACE[name](np.array(point)))
        np.testing.assert_allclose(as_float, as_numpy, rtol=1e-13, atol=1e-300)


# -- constants of the activation functions are exact ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sigmoid(0)", sympy.Rational(1, 2)),
        ("softplus(0)", sympy.log(2)),
        ("relu(-2)", sympy.Integer(0)),
        ("relu(3)", sympy.Integer(3)),
        ("sigmoid(-1000)", 1 / (1 + sympy.exp(1000))),
        ("softplus(1000)", sympy.log(1 + sympy.exp(1000))),
    ],
)
def test_activation_of_a_number_is_exact(text, expected):
    assert parse_expression(text) == expected


# -- LaTeX ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "latex"),
    [
        ("sigmoid(x)", r"\sigma\left(x\right)"),
        ("relu(x)", r"\operatorname{relu}\left(x\right)"),
        ("softplus(x)", r"\operatorname{softplus}\left(x\right)"),
        ("sigmoid(x)**2", r"\sigma\left(x\right)^{2}"),
        ("relu(x)**3", r"\operatorname{relu}\left(x\right)^{3}"),
        ("softplus(2*x)", r"\operatorname{softplus}\left(2 x\right)"),
    ],
)
def test_activation_latex(text, latex):
    assert Curve(text).latex == latex


def test_sigmoid_derivative_latex_uses_sigma():
    assert Curve("sigmoid(x)").derivative.latex == r"\left(1 - \sigma\left(x\right)\right) \sigma\left(x\right)"


# -- the whole table of allowed functions ----------------------------------------------------------

REFERENCE = {
    "sin": math.sin,
    "cos": math.cos,
    "tan": math.tan,
    "asin": math.asin,
    "acos": math.acos,
    "atan": math.atan,
    "sinh": math.sinh,
    "cosh": math.cosh,
    "tanh": math.tanh,
    "exp": math.exp,
    "log": math.log,
    "ln": math.log,
    "sqrt": math.sqrt,
    "abs": abs,
    "sigmoid": lambda v: 1 / (1 + math.exp(-v)),
    "relu": lambda v: max(v, 0.0),
    "softplus": lambda v: math.log1p(math.exp(v)),
}


def test_allowed_functions_are_exactly_the_documented_ones():
    assert set(ALLOWED_FUNCTIONS) == set(REFERENCE)
    assert set(CONSTANTS) == {"pi", "E", "e"}


@pytest.mark.parametrize("name", sorted(REFERENCE))
@pytest.mark.parametrize("point", [0.3, 0.75])
def test_allowed_function_values(name, point):
    expected = REFERENCE[name](point)
    np.testing.assert_allclose(Curve(f"{name}(x)")(point), expected, rtol=1e-14)
    np.testing.assert_allclose(ALLOWED_FUNCTIONS[name].evaluate(point), expected, rtol=1e-14)
    np.testing.assert_allclose(float(parse_expression(f"{name}({point})")), expected, rtol=1e-14)


def test_log_with_a_base():
    np.testing.assert_allclose(Curve("log(x, 2)")(np.array([1.0, 8.0, 0.5])), [0.0, 3.0, -1.0], atol=1e-15)
    assert parse_expression("log(8, 2)") == 3
