"""Tests of mathcore.descent: gradient descent, its stopping reasons and its messages."""

from __future__ import annotations

import dataclasses
import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mathcore import Curve, DescentPath, DomainError, ScalarField, gradient_descent
from mathcore.descent import STATUSES, point_kind

from .strategies import formulas

BOOTH = "(x + 2*y - 7)**2 + (2*x + y - 5)**2"
MATYAS = "0.26*(x**2 + y**2) - 0.48*x*y"
ROSENBROCK = "(1 - x)**2 + 100*(y - x**2)**2"
HIMMELBLAU = "(x**2 + y - 11)**2 + (x + y**2 - 7)**2"


def assert_reached(path: DescentPath, minimum, atol=1e-6):
    assert path.status == "converged", path.message
    np.testing.assert_allclose(path.final_point, minimum, atol=atol)
    assert "minimum" in path.message
    assert np.linalg.norm(path.gradients[-1]) <= 1e-8


# -- known minima ------------------------------------------------------------------------------


def test_gradient_descent_booth():
    path = gradient_descent(ScalarField(BOOTH), (0.0, 0.0), learning_rate=0.05, max_steps=5000)
    assert_reached(path, (1.0, 3.0))
    assert "x = 1, y = 3" in path.message
    assert path.final_value == pytest.approx(0.0, abs=1e-12)


def test_gradient_descent_matyas():
    path = gradient_descent(ScalarField(MATYAS), (5.0, -3.0), learning_rate=0.5, max_steps=20000)
    assert_reached(path, (0.0, 0.0))


def test_gradient_descent_rosenbrock_with_momentum():
    path = gradient_descent(
        ScalarField(ROSENBROCK), (-1.5, 2.0), learning_rate=0.001, momentum=0.9, max_steps=20000
    )
    assert_reached(path, (1.0, 1.0), atol=1e-6)
    assert "x = 1, y = 1" in path.message
    assert path.momentum == 0.9 and path.learning_rate == 0.001


def test_gradient_descent_rosenbrock_without_momentum_is_slow():
    path = gradient_descent(ScalarField(ROSENBROCK), (-1.5, 2.0), learning_rate=0.001, max_steps=2000)
    assert path.status == "max_steps"
    assert path.steps == 2000
    assert "2000 steps" in path.message


@pytest.mark.parametrize(
    ("start", "minimum"),
    [
        ((4.0, 4.0), (3.0, 2.0)),
        ((-4.0, 4.0), (-2.805118, 3.131312)),
        ((-4.0, -4.0), (-3.779310, -3.283186)),
        ((4.0, -4.0), (3.584428, -1.848126)),
    ],
)
def test_gradient_descent_himmelblau_four_minima(start, minimum):
    path = gradient_descent(ScalarField(HIMMELBLAU), start, learning_rate=0.01, max_steps=5000)
    assert_reached(path, minimum, atol=1e-5)
    assert f"x = {minimum[0]:.4g}, y = {minimum[1]:.4g}" in path.message
    assert path.final_value == pytest.approx(0.0, abs=1e-12)


def test_gradient_descent_with_named_variables():
    field = ScalarField("0.3*(n**2 + 2*e**2)", variables=("n", "e"))
    path = gradient_descent(field, (2.0, 1.0), learning_rate=0.5)
    assert_reached(path, (0.0, 0.0))
    assert path.variables == ("n", "e")
    assert "n = " in path.message and "e = " in path.message


def test_gradient_descent_on_a_curve():
    path = gradient_descent(Curve("(x - 2)**2 + 1"), 5.0, learning_rate=0.1)
    assert_reached(path, [2.0])
    assert path.points.shape == (path.steps + 1, 1)
    assert path.final_value == pytest.approx(1.0)
    assert "x = 2" in path.message and "f = 1" in path.message


# -- the update rule ---------------------------------------------------------------------------


def test_gradient_descent_first_steps_by_hand():
    # w2 = w1 - eta * f'(w1) with f = x**2, eta = 0.25: each step halves w.
    path = gradient_descent(Curve("x**2"), 4.0, learning_rate=0.25, max_steps=3, tolerance=1e-300)
    np.testing.assert_array_equal(path.points[:, 0], [4.0, 2.0, 1.0, 0.5])
    np.testing.assert_array_equal(path.values, [16.0, 4.0, 1.0, 0.25])
    np.testing.assert_array_equal(path.gradients[:, 0], [8.0, 4.0, 2.0, 1.0])


def test_gradient_descent_momentum_first_steps_by_hand():
    path = gradient_descent(Curve("x**2"), 1.0, learning_rate=0.1, momentum=0.5, max_steps=2, tolerance=1e-300)
    # v1 = -0.1*2 = -0.2, x1 = 0.8; v2 = 0.5*(-0.2) - 0.1*1.6 = -0.26, x2 = 0.54
    np.testing.assert_allclose(path.points[:, 0], [1.0, 0.8, 0.54], rtol=1e-15)


# -- every way a walk can end --------------------------------------------------------------------


def test_gradient_descent_status_converged():
    path = gradient_descent(Curve("x**2"), 3.0, learning_rate=0.1)
    assert_reached(path, [0.0], atol=1e-8)
    assert f"after {path.steps} steps" in path.message


def test_gradient_descent_status_max_steps():
    path = gradient_descent(Curve("x**2"), 3.0, learning_rate=0.001, max_steps=500)
    assert path.status == "max_steps"
    assert path.steps == 500
    assert "500 steps" in path.message
    assert "slope is still" in path.message
    assert 0 < path.final_point[0] < 3


def test_gradient_descent_zero_steps_allowed():
    path = gradient_descent(Curve("x**2"), 3.0, max_steps=0)
    assert path.status == "max_steps" and path.steps == 0
    np.testing.assert_array_equal(path.points, [[3.0]])


def test_gradient_descent_status_oscillating_points_exact():
    path = gradient_descent(Curve("x**2"), 3.0, learning_rate=1.0, max_steps=50)
    assert path.status == "oscillating"
    assert path.steps < 50
    points = path.points[:, 0]
    np.testing.assert_array_equal(points, 3.0 * (-1.0) ** np.arange(points.size))
    np.testing.assert_array_equal(path.values, 9.0)
    assert "learning rate 1 is too large" in path.message


def test_gradient_descent_status_oscillating_two_variables():
    path = gradient_descent(ScalarField("x**2 + y**2"), (1.0, 2.0), learning_rate=1.0, max_steps=100)
    assert path.status == "oscillating"


def test_gradient_descent_momentum_spiral_is_not_oscillation():
    path = gradient_descent(Curve("x**2"), 3.0, learning_rate=0.1, momentum=0.9, max_steps=2000)
    assert_reached(path, [0.0], atol=1e-8)
    assert np.any(np.diff(np.sign(path.points[:, 0])) != 0)  # it did swing across the valley


def test_gradient_descent_status_diverged_overshooting():
    path = gradient_descent(Curve("x**2"), 3.0, learning_rate=1.5, max_steps=500)
    assert path.status == "diverged"
    assert path.steps < 500
    np.testing.assert_array_equal(path.points[:5, 0], [3.0, -6.0, 12.0, -24.0, 48.0])
    assert "learning rate 1.5" in path.message and "grow" in path.message
    assert np.all(np.isfinite(path.points)) and np.all(np.isfinite(path.values))


def test_gradient_descent_status_diverged_falling():
    path = gradient_descent(Curve("-x**2"), 3.0, learning_rate=0.1, max_steps=500)
    assert path.status == "diverged"
    assert "fall" in path.message
    assert np.all(np.diff(path.values) < 0)


def test_gradient_descent_diverged_on_overflow():
    path = gradient_descent(Curve("-exp(exp(x))"), 0.0, learning_rate=1.0, max_steps=100)
    assert path.status == "diverged"
    assert "fall" in path.message
    assert np.all(np.isfinite(path.values))


@pytest.mark.parametrize(
    ("function", "start", "learning_rate"),
    [
        (Curve("x**2"), 3.0, 1e300),
        (Curve("exp(x**2)"), 3.0, 1.0),
        (Curve("x**2"), 1e150, 0.1),
        (ScalarField("x**2 + y**2"), (1e150, -1e150), 0.1),
        (Curve("1/x"), -1.0, 1.0),
    ],
)
def test_gradient_descent_never_warns(function, start, learning_rate):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        path = gradient_descent(function, start, learning_rate=learning_rate, max_steps=5)
    assert np.all(np.isfinite(path.points)) and np.all(np.isfinite(path.values))


def test_gradient_descent_status_left_domain_sqrt():
    path = gradient_descent(Curve("sqrt(x)"), 1.0, learning_rate=1.0)
    assert path.status == "left_domain"
    np.testing.assert_allclose(path.points[:, 0], [1.0, 0.5])
    assert "undefined" in path.message and "sqrt(x)" in path.message
    assert "x = 0.5" in path.message  # where the walk stops


@pytest.mark.parametrize(
    ("text", "start", "learning_rate"),
    [
        ("log(x)", 0.5, 1.0),  # steps to x = -1.5
        ("log(x)", 1.0, 1.0),  # lands exactly on x = 0, where log is -infinity
        ("1/x", -1.0, 1.0),  # lands exactly on the pole
        ("sqrt(x)", 1.0, 2.0),  # lands exactly on 0, where the slope is infinite
        ("x**(1/3)", 1.0, 3.0),
    ],
)
def test_gradient_descent_status_left_domain(text, start, learning_rate):
    path = gradient_descent(Curve(text), start, learning_rate=learning_rate)
    assert path.status == "left_domain", path.message
    assert path.steps == 0
    assert "undefined" in path.message
    assert np.all(np.isfinite(path.points)) and np.all(np.isfinite(path.gradients))


def test_gradient_descent_left_domain_two_variables():
    path = gradient_descent(ScalarField("log(x) + y**2"), (0.5, 1.0), learning_rate=1.0)
    assert path.status == "left_domain"
    assert "(x = -1.5, y = -1)" in path.message


@pytest.mark.parametrize(
    ("function", "start", "kind"),
    [
        (Curve("x**3"), 0.0, "inflection point"),
        (Curve("-x**2"), 0.0, "maximum"),
        (ScalarField("x**2 - y**2"), (0.0, 0.0), "saddle"),
        (ScalarField("-(x**2) - y**2"), (0.0, 0.0), "maximum"),
        (Curve("3"), 1.0, "plateau"),
        (ScalarField("5"), (1.0, -1.0), "plateau"),
    ],
)
def test_gradient_descent_status_flat_start(function, start, kind):
    path = gradient_descent(function, start)
    assert path.status == "flat_start"
    assert path.steps == 0
    assert kind in path.message
    assert "not a minimum" in path.message


@pytest.mark.parametrize(
    ("function", "start"),
    [(Curve("x**2"), 0.0), (ScalarField("x**2 + y**2"), (0.0, 0.0)), (Curve("x**4"), 0.0), (Curve("(x-1)**2"), 1.0)],
)
def test_gradient_descent_start_at_a_minimum(function, start):
    path = gradient_descent(function, start)
    assert path.status == "converged"
    assert path.steps == 0
    assert "already a minimum" in path.message


def test_gradient_descent_stops_on_a_saddle():
    path = gradient_descent(ScalarField("x**2 - y**2"), (1.0, 0.0), learning_rate=0.1)
    assert path.status == "converged"
    np.testing.assert_allclose(path.final_point, (0.0, 0.0), atol=1e-8)
    assert "saddle" in path.message and "not a minimum" in path.message


def test_gradient_descent_creeps_toward_an_inflection_point():
    path = gradient_descent(Curve("x**3"), 1.0, learning_rate=0.1, max_steps=500)
    assert path.status == "max_steps"
    assert "inflection point" in path.message
    assert 0 < path.final_point[0] < 0.01


def test_gradient_descent_creeps_toward_the_inflection_point_not_the_minimum_beyond():
    # x**4 + x**3 is flat at 0 without turning (an inflection) and has its minimum at -3/4.
    path = gradient_descent(Curve("x**4 + x**3"), 1.0, learning_rate=0.1, max_steps=500)
    assert path.status == "max_steps"
    assert "inflection point" in path.message


def test_gradient_descent_stops_on_an_inflection_point():
    path = gradient_descent(Curve("x**3"), 1.0, learning_rate=0.1, max_steps=5000, tolerance=1e-4)
    assert path.status == "converged"
    assert "inflection point" in path.message and "not a minimum" in path.message


@pytest.mark.parametrize(
    ("function", "start"),
    [(Curve("x**4"), 1.0), (Curve("x**6"), 1.0), (ScalarField("x**4 + y**2"), (1.0, 1.0)), (Curve("(x - 1)**4"), 2.0)],
)
def test_gradient_descent_slow_flat_minimum_is_not_an_inflection_point(function, start):
    path = gradient_descent(function, start, learning_rate=0.1, max_steps=500)
    assert path.status == "max_steps"
    assert "inflection" not in path.message and "saddle" not in path.message
    assert "slope is still" in path.message


def test_gradient_descent_creeping_saddle_in_two_variables():
    path = gradient_descent(ScalarField("x**3 + y**2"), (1.0, 1.0), learning_rate=0.1, max_steps=500)
    assert path.status == "max_steps"
    assert "saddle" in path.message


@pytest.mark.parametrize("text", ["exp(-x)", "softplus(-x)", "0.5*exp(-2*x)"])
def test_gradient_descent_creeping_down_an_asymptote_is_not_an_inflection_point(text):
    path = gradient_descent(Curve(text), 0.5, learning_rate=1.0, max_steps=2000)
    assert path.status == "max_steps"
    assert "inflection" not in path.message
    assert "nearly flat slope" in path.message


def test_gradient_descent_messages_count_steps_in_plain_english():
    path = gradient_descent(Curve("x**2"), 3.0, learning_rate=0.5)
    assert path.steps == 1
    assert "after 1 step," in path.message


def test_point_kind_names():
    assert point_kind(Curve("x**2"), np.array([0.0]), np.array([0.0])) == "minimum"
    assert point_kind(Curve("-x**4"), np.array([0.0]), np.array([0.0])) == "maximum"
    assert point_kind(Curve("x**3"), np.array([0.0]), np.array([0.0])) == "inflection point"
    assert point_kind(Curve("x**4"), np.array([0.0]), np.array([0.0])) == "minimum"
    assert point_kind(ScalarField("x*y"), np.array([0.0, 0.0]), np.array([0.0, 0.0])) == "saddle"
    assert point_kind(Curve("1"), np.array([2.0]), np.array([0.0])) == "plateau"


# -- bad settings ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "settings_",
    [
        {"learning_rate": 0},
        {"learning_rate": -0.1},
        {"learning_rate": float("nan")},
        {"learning_rate": float("inf")},
        {"learning_rate": "0.1"},
        {"learning_rate": True},
        {"momentum": False},
        {"tolerance": True},
        {"momentum": 1.0},
        {"momentum": 1.5},
        {"momentum": -0.1},
        {"momentum": float("nan")},
        {"max_steps": -1},
        {"max_steps": 2.5},
        {"max_steps": True},
        {"max_steps": 10**8},
        {"tolerance": 0},
        {"tolerance": float("nan")},
    ],
    ids=lambda s: f"{next(iter(s))}={next(iter(s.values()))!r}",
)
def test_gradient_descent_bad_settings(settings_):
    with pytest.raises(ValueError) as info:
        gradient_descent(Curve("x**2"), 1.0, **settings_)
    assert next(iter(settings_)) in str(info.value)


@pytest.mark.parametrize(
    ("function", "start"),
    [
        (Curve("x**2"), (1.0, 2.0)),
        (Curve("x**2"), []),
        (ScalarField("x**2 + y**2"), 1.0),
        (ScalarField("x**2 + y**2"), (1.0, 2.0, 3.0)),
        (Curve("x**2"), float("nan")),
        (ScalarField("x**2 + y**2"), (1.0, float("inf"))),
    ],
)
def test_gradient_descent_bad_start(function, start):
    with pytest.raises(ValueError, match="start must be"):
        gradient_descent(function, start)


@pytest.mark.parametrize(
    ("function", "start"),
    [
        (Curve("sqrt(x)"), -1.0),
        (Curve("log(x)"), 0.0),
        (Curve("1/x"), 0.0),
        (Curve("sqrt(x)"), 0.0),  # defined, but the slope is not
        (ScalarField("log(x*y)"), (1.0, -1.0)),
        (Curve("x**4"), 1e100),  # overflows
    ],
)
def test_gradient_descent_start_outside_the_domain(function, start):
    with pytest.raises(DomainError, match="undefined at the start"):
        gradient_descent(function, start)


def test_gradient_descent_not_a_function():
    with pytest.raises(TypeError):
        gradient_descent(lambda v: v**2, 1.0)


# -- the result object -------------------------------------------------------------------------


def test_descent_path_is_frozen_and_read_only():
    path = gradient_descent(ScalarField(BOOTH), (0.0, 0.0), learning_rate=0.05, max_steps=20)
    with pytest.raises(dataclasses.FrozenInstanceError):
        path.status = "converged"
    for array in (path.points, path.values, path.gradients):
        with pytest.raises(ValueError):
            array[0] = 0.0
    assert path.steps == len(path.points) - 1 == 20
    np.testing.assert_array_equal(path.final_point, path.points[-1])
    assert path.final_value == path.values[-1]


def _check_path(function, path, max_steps, tolerance=1e-8):
    d = function.dimension
    k = path.steps
    assert path.status in STATUSES
    assert path.points.shape == (k + 1, d)
    assert path.gradients.shape == (k + 1, d)
    assert path.values.shape == (k + 1,)
    assert 0 <= k <= max_steps
    for array in (path.points, path.values, path.gradients):
        assert np.all(np.isfinite(array))
        assert not array.flags.writeable
    np.testing.assert_allclose(path.values, function.evaluate(*path.points.T), rtol=1e-12, atol=1e-12)
    expected = np.array([function.gradient_at(p) for p in path.points])
    np.testing.assert_allclose(path.gradients, expected, rtol=1e-12, atol=1e-12)
    # The heavy-ball rule, step by step.
    velocity = np.zeros(d)
    for i in range(k):
        velocity = path.momentum * velocity - path.learning_rate * path.gradients[i]
        np.testing.assert_allclose(path.points[i + 1], path.points[i] + velocity, rtol=1e-12, atol=1e-12)
    if path.status == "max_steps":
        assert k == max_steps
    if path.status == "converged":
        assert np.linalg.norm(path.gradients[-1]) <= tolerance
    if path.status == "flat_start":
        assert k == 0
    if path.status == "left_domain":
        assert k < max_steps
    assert path.message and path.message.endswith(".")
    assert "nan" not in path.message.lower() and "inf" not in path.message.lower().replace("inflection", "")


SETTINGS = st.tuples(
    st.floats(min_value=1e-3, max_value=3.0),
    st.sampled_from([0.0, 0.5, 0.9]) | st.floats(min_value=0.0, max_value=0.99),
    st.integers(min_value=0, max_value=150),
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.floats(min_value=-3, max_value=3), min_size=5, max_size=5),
    st.tuples(st.floats(-3, 3), st.floats(-3, 3)),
    SETTINGS,
)
def test_gradient_descent_property_quadratics(coefficients, start, settings_):
    a, b, c, d, e = coefficients
    field = ScalarField(f"{a!r}*x**2 + {b!r}*y**2 + {c!r}*x*y + {d!r}*x + {e!r}*y")
    learning_rate, momentum, max_steps = settings_
    path = gradient_descent(field, start, learning_rate=learning_rate, momentum=momentum, max_steps=max_steps)
    _check_path(field, path, max_steps)


@settings(max_examples=50, deadline=None)
@given(formulas(("x",), max_leaves=4), st.floats(-3, 3), SETTINGS)
def test_gradient_descent_property_random_curves(pair, start, settings_):
    text, _ = pair
    curve = Curve(text)
    learning_rate, momentum, max_steps = settings_
    value, gradient = curve.value_and_gradient(start)
    if not (math.isfinite(value) and np.all(np.isfinite(gradient))):
        with pytest.raises(DomainError):
            gradient_descent(curve, start, learning_rate=learning_rate, momentum=momentum, max_steps=max_steps)
        return
    path = gradient_descent(curve, start, learning_rate=learning_rate, momentum=momentum, max_steps=max_steps)
    _check_path(curve, path, max_steps)


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["1/x", "log(x)", "sqrt(x)", "-exp(x**2)", "x**(1/3)", "tan(x)", "1/(x**2 - 1)", "-1/x**2"]),
    st.floats(0.05, 3),
    SETTINGS,
)
def test_gradient_descent_property_functions_with_edges(text, start, settings_):
    curve = Curve(text)
    learning_rate, momentum, max_steps = settings_
    value, gradient = curve.value_and_gradient(start)
    if not (math.isfinite(value) and np.all(np.isfinite(gradient))):
        return
    path = gradient_descent(curve, start, learning_rate=learning_rate, momentum=momentum, max_steps=max_steps)
    _check_path(curve, path, max_steps)


def test_gradient_descent_bounce_settling_into_a_cycle_is_oscillating():
    # Steps of 90 between w = -40 and w = 50, approached slowly: a cycle, not divergence.
    path = gradient_descent(Curve("softplus(-2*w) + 0.1*w**2", variable="w"), -2.5, learning_rate=9.0, max_steps=200)
    assert path.status == "oscillating"


def test_gradient_descent_decaying_bounce_converges():
    path = gradient_descent(Curve("x**2"), 3.0, learning_rate=0.95, max_steps=2000)
    assert path.status == "converged"
    assert np.all(np.sign(path.points[1:6, 0]) == [-1, 1, -1, 1, -1])
