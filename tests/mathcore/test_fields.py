"""Tests of mathcore.fields: the hillside f(a, b), its partials, gradient, Hessian and flat points."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from mathcore import ExpressionError, ScalarField
from mathcore.fields import classify_hessian

from .strategies import formulas, symbol

x, y, n, e = (symbol(name) for name in ("x", "y", "n", "e"))

BOWL = "0.3*(n**2 + 2*e**2)"


def bowl() -> ScalarField:
    return ScalarField(BOWL, variables=("n", "e"))


# -- values ------------------------------------------------------------------------------------


def test_scalar_field_values_at_points_and_arrays():
    field = bowl()
    assert field(1.0, 1.0) == pytest.approx(0.9)
    assert type(field(1, 2)) is float
    a = np.array([0.0, 1.0, 2.0])
    np.testing.assert_allclose(field(a, 1.0), 0.3 * (a**2 + 2))
    np.testing.assert_allclose(field(a[:, None], a[None, :]), 0.3 * (a[:, None] ** 2 + 2 * a[None, :] ** 2))


def test_scalar_field_e_is_east():
    field = bowl()
    assert field.expr.free_symbols == {n, e}
    assert not field.expr.has(sympy.E)
    assert field(0.0, 1.0) == pytest.approx(0.6)  # not 0.3 * 2 * Euler's number squared


def test_scalar_field_east_beside_euler_number():
    field = ScalarField("n + E*e", variables=("n", "e"))
    assert field(1.0, 2.0) == pytest.approx(1 + 2 * math.e, rel=1e-15)
    np.testing.assert_allclose(field.gradient((1.0, 2.0)), [1.0, math.e], rtol=1e-15)


def test_scalar_field_grid_meshgrid_order():
    field = ScalarField("x + 10*y")
    grid_a, grid_b, values = field.grid((0, 1), (0, 2), resolution=(3, 5))
    assert grid_a.shape == grid_b.shape == values.shape == (5, 3)
    np.testing.assert_allclose(grid_a[0], [0.0, 0.5, 1.0])  # a varies along axis 1
    np.testing.assert_allclose(grid_b[:, 0], [0.0, 0.5, 1.0, 1.5, 2.0])  # b along axis 0
    np.testing.assert_allclose(values, grid_a + 10 * grid_b)
    expected_a, expected_b = np.meshgrid(np.linspace(0, 1, 3), np.linspace(0, 2, 5))
    np.testing.assert_array_equal(grid_a, expected_a)
    np.testing.assert_array_equal(grid_b, expected_b)


def test_scalar_field_grid_square_resolution_and_gaps():
    field = ScalarField("log(x) + y")
    _, _, values = field.grid((-1, 1), (0, 1), resolution=5)
    assert values.shape == (5, 5)
    assert np.isnan(values[:, :3]).all()  # x <= 0
    assert np.isfinite(values[:, 3:]).all()


def test_scalar_field_needs_two_variables():
    with pytest.raises(ValueError, match="two variables"):
        ScalarField("x", variables=("x",))
    with pytest.raises(ValueError, match="two variables"):
        ScalarField("x", variables=("x", "y", "z"))
    with pytest.raises(ValueError, match="two variables"):
        ScalarField("x", variables="x")


def test_scalar_field_undeclared_name():
    with pytest.raises(ExpressionError, match="unknown name 'z'"):
        ScalarField("x + z")


# -- partials, gradient, Hessian ---------------------------------------------------------------


def test_scalar_field_partial_exact():
    field = bowl()
    north, east = field.partial("n"), field.partial("e")
    assert isinstance(north, ScalarField) and north.variables == ("n", "e")
    assert north.expr == sympy.diff(sympy.Float("0.3") * (n**2 + 2 * e**2), n)
    assert east.expr == sympy.diff(sympy.Float("0.3") * (n**2 + 2 * e**2), e)
    assert east(3.0, 1.0) == pytest.approx(1.2)


def test_scalar_field_partial_of_unknown_variable():
    with pytest.raises(ValueError, match="'z' is not a variable"):
        bowl().partial("z")


def test_scalar_field_gradient_and_hessian_exact_numbers():
    field = bowl()
    np.testing.assert_allclose(field.gradient((1.0, 1.0)), [0.6, 1.2])
    np.testing.assert_allclose(field.hessian((5.0, -3.0)), [[0.6, 0.0], [0.0, 1.2]])
    mixed = ScalarField("x**2*y + sin(x*y)")
    expected = [[2 * 3 - 3**2 * math.sin(6), 2 * 2 + math.cos(6) - 6 * math.sin(6)],
                [2 * 2 + math.cos(6) - 6 * math.sin(6), -(2**2) * math.sin(6)]]
    np.testing.assert_allclose(mixed.hessian((2.0, 3.0)), expected, rtol=1e-13)


def test_scalar_field_gradient_exprs_exact():
    field = ScalarField("x**2*y + exp(x - y)")
    expr = x**2 * y + sympy.exp(x - y)
    assert field.gradient_exprs == (sympy.diff(expr, x), sympy.diff(expr, y))
    assert field.hessian_exprs[0][1] == sympy.diff(sympy.diff(expr, x), y)


def test_scalar_field_point_of_wrong_size():
    with pytest.raises(ValueError, match="2 coordinate"):
        bowl().gradient((1.0, 2.0, 3.0))
    with pytest.raises(ValueError, match="2 coordinate"):
        bowl().hessian(1.0)


def test_scalar_field_gradient_nan_where_undefined():
    gradient = ScalarField("sqrt(x) + y").gradient((-1.0, 0.0))
    assert np.isnan(gradient[0])


def _difference(f, point, axis, h):
    step = np.zeros(2)
    step[axis] = h
    return (f(np.asarray(point) + step) - f(np.asarray(point) - step)) / (2 * h)


@settings(max_examples=30, deadline=None)
@given(formulas(("x", "y"), max_leaves=4), st.tuples(st.floats(-2, 2), st.floats(-2, 2)))
def test_scalar_field_gradient_and_hessian_match_differences(pair, point):
    text, expr = pair
    field = ScalarField(text)
    assert field.expr == expr
    value = field(*point)
    gradient, hessian = field.gradient(point), field.hessian(point)
    assume(np.isfinite(value) and np.all(np.isfinite(gradient)) and np.all(np.isfinite(hessian)))

    np.testing.assert_allclose(hessian, hessian.T, rtol=1e-9, atol=1e-12)

    def values(p):
        return field(*p)

    for axis in (0, 1):
        h = 1e-5 * (1 + abs(point[axis]))
        coarse, fine = _difference(values, point, axis, h), _difference(values, point, axis, h / 2)
        if np.isfinite(coarse) and np.isfinite(fine) and abs(coarse - fine) <= 1e-3 * (1 + abs(fine)):
            tolerance = abs(coarse - fine) + 1e-13 * (1 + abs(value)) / h + 1e-7 * (1 + abs(fine))
            assert abs(gradient[axis] - fine) <= tolerance, (text, point, axis)
        g_coarse = _difference(field.gradient, point, axis, h)
        g_fine = _difference(field.gradient, point, axis, h / 2)
        scale = 1 + np.abs(g_fine)
        if np.all(np.isfinite(g_coarse) & np.isfinite(g_fine)) and np.all(np.abs(g_coarse - g_fine) <= 1e-3 * scale):
            tolerance = np.abs(g_coarse - g_fine) + 1e-13 * (1 + np.abs(gradient)) / h + 1e-7 * scale
            assert np.all(np.abs(hessian[:, axis] - g_fine) <= tolerance), (text, point, axis)


# -- slopes along directions -------------------------------------------------------------------


def test_directional_derivative_normalises_the_direction():
    field = bowl()
    point = (1.0, 2.0)
    slope = field.directional_derivative(point, (3.0, 4.0))
    assert slope == pytest.approx(field.directional_derivative(point, (0.6, 0.8)))
    assert slope == pytest.approx(field.directional_derivative(point, (30.0, 40.0)))
    assert slope == pytest.approx(0.6 * 0.6 + 2.4 * 0.8)


def test_directional_derivative_along_axes_are_the_partials():
    field = bowl()
    point = (1.5, -0.5)
    assert field.directional_derivative(point, (1, 0)) == pytest.approx(field.partial("n")(*point))
    assert field.directional_derivative(point, (0, -2)) == pytest.approx(-field.partial("e")(*point))


@pytest.mark.parametrize("direction", [(0, 0), (1, 2, 3), (1,), (float("nan"), 1), (float("inf"), 0)])
def test_directional_derivative_bad_direction(direction):
    with pytest.raises(ValueError, match="direction"):
        bowl().directional_derivative((1.0, 1.0), direction)


@settings(max_examples=50, deadline=None)
@given(st.floats(min_value=0, max_value=2 * math.pi), st.floats(-3, 3), st.floats(-3, 3))
def test_directional_derivative_largest_along_the_gradient(angle, a, b):
    field = ScalarField("sin(x) + x*y**2/3 + exp(y/2)")
    point = (a, b)
    gradient = field.gradient(point)
    steepest = field.steepest_slope(point)
    assert steepest == pytest.approx(float(np.linalg.norm(gradient)))
    slope = field.directional_derivative(point, (math.cos(angle), math.sin(angle)))
    assert slope <= steepest * (1 + 1e-12) + 1e-12
    assert slope == pytest.approx(gradient[0] * math.cos(angle) + gradient[1] * math.sin(angle), abs=1e-12)
    if steepest > 1e-9:
        along = field.directional_derivative(point, gradient)
        assert along == pytest.approx(steepest, rel=1e-12)
        assert field.directional_derivative(point, -gradient) == pytest.approx(-steepest, rel=1e-12)


def test_steepest_slope_of_bowl():
    assert bowl().steepest_slope((1.0, 1.0)) == pytest.approx(math.hypot(0.6, 1.2))
    assert bowl().steepest_slope((0.0, 0.0)) == 0.0


# -- flat points -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "point", "kind"),
    [
        ("x**2 + y**2", (0, 0), "minimum"),
        ("0.3*(x**2 + 2*y**2)", (0, 0), "minimum"),
        ("(x - 1)**2 + (y + 2)**2 + x*y/10", None, "minimum"),
        ("-(x**2) - y**2", (0, 0), "maximum"),
        ("x**2 - y**2", (0, 0), "saddle"),
        ("x*y", (0, 0), "saddle"),
        ("x**4 + y**4", (0, 0), "degenerate"),
        ("x**2", (0, 5), "degenerate"),
        ("x**3 + y**2", (0, 0), "degenerate"),
        ("sin(x)*sin(y)", (math.pi / 2, math.pi / 2), "maximum"),
        ("(x**2 + y - 11)**2 + (x + y**2 - 7)**2", (3, 2), "minimum"),
        ("(x**2 + y - 11)**2 + (x + y**2 - 7)**2", (-0.2708445906673476, -0.9230385564799815), "maximum"),
    ],
)
def test_scalar_field_classify(text, point, kind):
    field = ScalarField(text)
    if point is None:  # solve for the flat point of the tilted bowl
        solution = sympy.solve(field.gradient_exprs, field.symbols, dict=True)[0]
        point = tuple(float(solution[s]) for s in field.symbols)
    assert field.classify(point, tolerance=1e-5) == kind


def test_scalar_field_classify_refuses_a_sloping_point():
    with pytest.raises(ValueError, match="not a critical point") as info:
        bowl().classify((1.0, 1.0))
    assert "1.34" in str(info.value)  # the steepest slope it found


def test_scalar_field_classify_refuses_an_undefined_point():
    with pytest.raises(ValueError, match="not a critical point"):
        ScalarField("log(x) + y**2").classify((-1.0, 0.0))


@pytest.mark.parametrize(
    ("hessian", "kind"),
    [
        ([[2, 0], [0, 3]], "minimum"),
        ([[-2, 0], [0, -3]], "maximum"),
        ([[2, 0], [0, -3]], "saddle"),
        ([[0, 1], [1, 0]], "saddle"),
        ([[1, 0], [0, 0]], "degenerate"),
        ([[0, 0], [0, 0]], "degenerate"),
        ([[np.nan, 0], [0, 1]], "degenerate"),
        ([[1e6, 0], [0, 1e-12]], "degenerate"),
    ],
)
def test_classify_hessian(hessian, kind):
    assert classify_hessian(np.array(hessian, dtype=float)) == kind


# -- variable names like generated code --------------------------------------------------------


def test_scalar_field_variables_named_like_numpy():
    field = ScalarField("atan(arctan) + where*e", variables=("arctan", "where"))
    assert field(1.0, 3.0) == pytest.approx(math.pi / 4 + 3 * math.e)
    np.testing.assert_allclose(field.gradient((1.0, 3.0)), [0.5, math.e])
    np.testing.assert_allclose(field.hessian((1.0, 3.0)), [[-0.5, 0.0], [0.0, 0.0]])


# -- classify judges closeness relative to the function's scale -------------------------------
HIMMELBLAU_XY = "(x**2 + y - 11)**2 + (x + y**2 - 7)**2"


def test_classify_accepts_himmelblaus_maximum_given_to_six_digits():
    field = ScalarField(HIMMELBLAU_XY)
    point = (-0.270845, -0.923039)
    assert field.steepest_slope(point) > 1e-5  # an absolute test on the gradient refuses it
    assert field.classify(point) == "maximum"
    for minimum in [(3.0, 2.0), (-2.805118, 3.131312), (-3.779310, -3.283186), (3.584428, -1.848126)]:
        assert field.classify(minimum) == "minimum"


@pytest.mark.parametrize(
    ("text", "point"),
    [
        (HIMMELBLAU_XY, (1.0, 1.0)),
        (HIMMELBLAU_XY, (3.01, 2.0)),  # 0.01 from the minimum
        ("1e-9*(x**2 + y**2)", (1.0, 1.0)),  # tiny slopes, but far from the flat point
        ("x + y", (0.0, 0.0)),  # no curvature: the gradient itself decides
        ("x**2 + y", (0.0, 0.0)),  # curved one way, sloping the other
    ],
)
def test_classify_refuses_a_point_clearly_not_critical(text, point):
    with pytest.raises(ValueError, match="not a critical point"):
        ScalarField(text).classify(point)


@pytest.mark.parametrize(
    ("text", "point", "kind"),
    [
        ("1e-9*(x**2 + y**2)", (1e-7, 0.0), "minimum"),
        ("1e6*(x**2 - y**2)", (1e-6, -1e-6), "saddle"),
        ("x**4 + y**4", (0.0, 0.0), "degenerate"),
    ],
)
def test_classify_is_the_same_for_steep_and_gentle_functions(text, point, kind):
    assert ScalarField(text).classify(point) == kind


@settings(max_examples=40, deadline=None)
@given(
    centre=st.tuples(st.floats(-3, 3), st.floats(-3, 3)),
    size=st.sampled_from([1e-6, 1.0, 1e6]),
    offset=st.floats(-1e-6, 1e-6),
)
def test_classify_a_shifted_bowl_near_its_centre_at_any_scale(centre, size, offset):
    a, b = centre
    field = ScalarField(f"{size}*((x - ({a}))**2 + 3*(y - ({b}))**2)")
    assert field.classify((a + offset, b - offset)) == "minimum"
    with pytest.raises(ValueError, match="not a critical point"):
        field.classify((a + 0.5, b))
