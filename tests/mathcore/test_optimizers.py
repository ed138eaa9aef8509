"""Tests of mathcore.optimizers and mathcore.descend: every update rule step by step against
its formula written out by hand, the known minima, statuses, settings and mini-batches."""

from __future__ import annotations

import dataclasses
import itertools
import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mathcore
from mathcore import Curve, DescentPath, ScalarField, descend, gradient_descent
from mathcore.descent import STATUSES
from mathcore.optimizers import (
    OPTIMIZERS,
    Optimizer,
    OptimizerState,
    adagrad,
    adam,
    make_optimizer,
    momentum,
    nesterov,
    rmsprop,
    sgd,
)

BOOTH = "(x + 2*y - 7)**2 + (2*x + y - 5)**2"
ROSENBROCK = "(1 - x)**2 + 100*(y - x**2)**2"
HIMMELBLAU = "(x**2 + y - 11)**2 + (x + y**2 - 7)**2"
HIMMELBLAU_MINIMA = [(3.0, 2.0), (-2.805118, 3.131312), (-3.779310, -3.283186), (3.584428, -1.848126)]


# -- the rules by hand ---------------------------------------------------------------------------
# Two test functions whose gradients are written out here, not taken from sympy.


def curve_gradient(p):  # f(x) = x**4/4 - x**2 + 0.5*x
    (x,) = p
    return np.array([x**3 - 2 * x + 0.5])


def field_gradient(p):  # f(x, y) = x**2*y + sin(y) + 0.5*y**2 + x**2
    x, y = p
    return np.array([2 * x * y + 2 * x, x**2 + math.cos(y) + y])


CURVE = ("x**4/4 - x**2 + 0.5*x", ("x",), (1.7,), curve_gradient)
FIELD = ("x**2*y + sin(y) + 0.5*y**2 + x**2", ("x", "y"), (0.8, -1.3), field_gradient)


def by_hand(name, settings_, start, grad, steps=3):
    """The rule of the issue, written out with numpy, for ``steps`` updates."""
    lr = settings_["learning_rate"]
    x = np.array(start, dtype=float)
    first, second = np.zeros_like(x), np.zeros_like(x)  # v / s / m, and adam's v
    points = [x]
    for t in range(1, steps + 1):
        g = grad(x)
        if name == "sgd":
            x = x - lr * g
        elif name == "momentum":
            first = settings_["beta"] * first - lr * g
            x = x + first
        elif name == "nesterov":
            beta = settings_["beta"]
            first = beta * first - lr * grad(x + beta * first)
            x = x + first
        elif name == "adagrad":
            first = first + g**2
            x = x - lr * g / (np.sqrt(first) + settings_["eps"])
        elif name == "rmsprop":
            decay = settings_["decay"]
            first = decay * first + (1 - decay) * g**2
            x = x - lr * g / (np.sqrt(first) + settings_["eps"])
        elif name == "adam":
            b1, b2, eps = settings_["beta1"], settings_["beta2"], settings_["eps"]
            first = b1 * first + (1 - b1) * g
            second = b2 * second + (1 - b2) * g**2
            x = x - lr * (first / (1 - b1**t)) / (np.sqrt(second / (1 - b2**t)) + eps)
        points.append(x)
    return np.array(points)


RULES = [
    ("sgd", {"learning_rate": 0.1}),
    ("momentum", {"learning_rate": 0.1, "beta": 0.9}),
    ("momentum", {"learning_rate": 0.05, "beta": 0.5}),
    ("nesterov", {"learning_rate": 0.1, "beta": 0.9}),
    ("nesterov", {"learning_rate": 0.2, "beta": 0.3}),
    ("adagrad", {"learning_rate": 0.3, "eps": 1e-8}),
    ("adagrad", {"learning_rate": 0.3, "eps": 0.5}),
    ("rmsprop", {"learning_rate": 0.05, "decay": 0.9, "eps": 1e-8}),
    ("rmsprop", {"learning_rate": 0.05, "decay": 0.5, "eps": 0.1}),
    ("adam", {"learning_rate": 0.1, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8}),
    ("adam", {"learning_rate": 0.2, "beta1": 0.5, "beta2": 0.8, "eps": 0.01}),
]


@pytest.mark.parametrize("function", [CURVE, FIELD], ids=["1-D", "2-D"])
@pytest.mark.parametrize("name, settings_", RULES)
def test_each_rule_step_by_step_against_its_formula(function, name, settings_):
    text, variables, start, grad = function
    f = Curve(text, variables[0]) if len(variables) == 1 else ScalarField(text, variables)
    rest = {k: v for k, v in settings_.items() if k != "learning_rate"}
    rule = make_optimizer(name, settings_["learning_rate"], **rest)
    assert rule.settings == settings_
    path = descend(f, start, rule, max_steps=3, tolerance=1e-12)
    assert path.steps == 3, path.message
    expected = by_hand(name, settings_, start, grad)
    np.testing.assert_allclose(path.points, expected, rtol=1e-13, atol=1e-14)
    # The first step moves (no rule is a no-op) and the rules differ from plain sgd after 3 steps.
    assert not np.allclose(path.points[1], path.points[0])
    if name != "sgd":
        assert not np.allclose(expected[-1], by_hand("sgd", settings_, start, grad)[-1])


@pytest.mark.parametrize("name, settings_", RULES)
def test_update_by_itself_matches_the_walk_and_never_mutates(name, settings_):
    rest = {k: v for k, v in settings_.items() if k != "learning_rate"}
    rule = make_optimizer(name, settings_["learning_rate"], **rest)
    x = np.array(FIELD[2])
    state = rule.init(x)
    assert state.step == 0 and set(state.slots) == set(rule.slot_names)
    assert all(not np.any(v) and v.shape == x.shape for v in state.slots.values())
    expected = by_hand(name, settings_, x, field_gradient)
    for t in range(1, 4):
        before = {k: v.copy() for k, v in state.slots.items()}
        x_before = x.copy()
        x, new_state = rule.update(state, x, field_gradient(x), field_gradient)
        assert new_state.step == t
        np.testing.assert_allclose(x, expected[t], rtol=1e-13)
        for key, value in state.slots.items():  # the old state is untouched
            np.testing.assert_array_equal(value, before[key])
        for value in new_state.slots.values():
            assert not value.flags.writeable
        assert not np.allclose(x, x_before)
        state = new_state


def test_optimizer_state_names_its_slots():
    state = adam(0.1).init([1.0, 2.0])
    assert set(state.slots) == {"m", "v"} and state["m"].shape == (2,)
    assert momentum(0.1).init([1.0]).slots.keys() == {"velocity"}
    assert rmsprop(0.1).init([1.0]).slots.keys() == adagrad(0.1).init([1.0]).slots.keys() == {"squares"}
    assert sgd(0.1).init([1.0]).slots == {}
    with pytest.raises(TypeError):
        state.slots["m"] = np.ones(2)  # read-only, like the arrays in it
    assert isinstance(state, OptimizerState)


def test_nesterov_needs_gradient_at_after_its_first_step():
    rule = nesterov(0.1)
    x, state = rule.update(rule.init([1.0]), [1.0], [2.0])  # no look-ahead on the first step
    np.testing.assert_allclose(x, [0.8])
    with pytest.raises(ValueError, match="nesterov: update needs gradient_at"):
        rule.update(state, x, [1.6])


def test_update_refuses_a_gradient_of_the_wrong_shape():
    with pytest.raises(ValueError, match="adam: the gradient has shape"):
        adam(0.1).update(adam(0.1).init([1.0, 2.0]), [1.0, 2.0], [1.0])


def test_adam_first_step_has_length_learning_rate():
    # Bias correction: the first step of adam is lr * g/|g| (up to eps), whatever the size of g.
    for g in (1e-3, 1.0, 1e3):
        x, _ = adam(0.1).update(adam(0.1).init([0.0]), [0.0], [g])
        assert x[0] == pytest.approx(-0.1, rel=1e-4)


# -- momentum is gradient_descent's heavy ball ---------------------------------------------------


@pytest.mark.parametrize("beta", [0.0, 0.5, 0.9])
@pytest.mark.parametrize(
    "function, start, rate",
    [(ScalarField(BOOTH), (0.0, 0.0), 0.02), (ScalarField(ROSENBROCK), (-1.2, 1.0), 0.001), (Curve("x**4 - 3*x"), 2.0, 0.01)],
)
def test_momentum_path_equals_gradient_descent(function, start, rate, beta):
    ours = descend(function, start, momentum(rate, beta), max_steps=300)
    theirs = gradient_descent(function, start, learning_rate=rate, momentum=beta, max_steps=300)
    np.testing.assert_array_equal(ours.points, theirs.points)
    np.testing.assert_array_equal(ours.values, theirs.values)
    assert (ours.status, ours.message) == (theirs.status, theirs.message)
    assert ours.momentum == theirs.momentum == beta
    assert ours.optimizer == "momentum" and theirs.optimizer == ("sgd" if beta == 0 else "momentum")
    plain = descend(function, start, sgd(rate), max_steps=300)
    if beta == 0:
        np.testing.assert_array_equal(plain.points, theirs.points)
    else:
        assert plain.steps != ours.steps or not np.array_equal(plain.points, ours.points)


# -- known minima --------------------------------------------------------------------------------


def assert_reached(path: DescentPath, minimum, atol=1e-6):
    assert path.status == "converged", path.message
    np.testing.assert_allclose(path.final_point, minimum, atol=atol)
    assert "minimum" in path.message
    assert np.linalg.norm(path.gradients[-1]) <= 1e-8


@pytest.mark.parametrize(
    "rule", [adam(0.1), momentum(0.01), nesterov(0.01), adagrad(0.5), sgd(0.01)], ids=lambda r: r.name
)
def test_booth_minimum(rule):
    assert_reached(descend(ScalarField(BOOTH), (0.0, 0.0), rule, max_steps=5000), (1.0, 3.0))


@pytest.mark.parametrize("rule", [adam(0.1), momentum(0.001), nesterov(0.001)], ids=lambda r: r.name)
def test_rosenbrock_minimum(rule):
    path = descend(ScalarField(ROSENBROCK), (-1.2, 1.0), rule, max_steps=5000)
    assert_reached(path, (1.0, 1.0))
    assert path.steps > 1000  # the long, curved valley takes a while


def test_rosenbrock_plain_descent_does_not_get_there_in_5000_steps():
    path = descend(ScalarField(ROSENBROCK), (-1.2, 1.0), sgd(0.001), max_steps=5000)
    assert path.status == "max_steps" and np.linalg.norm(path.final_point - 1.0) > 0.05


@pytest.mark.parametrize(
    "rule, start, minimum",
    [
        (adam(0.1), (0.0, 0.0), 0),
        (nesterov(0.01), (0.0, 0.0), 0),
        (rmsprop(0.1), (0.0, 0.0), 0),
        (adagrad(0.5), (0.0, 0.0), 0),
        (momentum(0.01), (0.0, 0.0), 3),
        (adam(0.1), (-4.0, 4.0), 1),
        (adam(0.1), (-4.0, -4.0), 2),
    ],
    ids=lambda v: getattr(v, "name", None),
)
def test_himmelblau_minima(rule, start, minimum):
    assert_reached(descend(ScalarField(HIMMELBLAU), start, rule, max_steps=5000), HIMMELBLAU_MINIMA[minimum], atol=1e-5)


def test_descend_on_a_curve():
    path = descend(Curve("(w - 2)**2 + 1", "w"), 5.0, adam(0.2), max_steps=3000)
    assert_reached(path, [2.0])
    assert path.variables == ("w",) and path.points.shape[1] == 1


# -- statuses and honesty ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, start, rate",
    [(BOOTH, (0.0, 0.0), 0.1), (BOOTH, (0.0, 0.0), 0.5), (HIMMELBLAU, (0.0, 0.0), 0.5), ("x**2 + 10*y**2", (3.0, 2.0), 0.5), (ROSENBROCK, (-1.2, 1.0), 0.1)],
)
def test_converging_adam_is_never_called_oscillating(text, start, rate):
    path = descend(ScalarField(text), start, adam(rate), max_steps=5000)
    assert path.status == "converged", path.message
    steps = np.diff(path.points, axis=0)
    assert np.any(np.sum(steps[1:] * steps[:-1], axis=1) < 0)  # it does wobble on the way


def test_a_zigzag_that_keeps_getting_lower_is_not_oscillating():
    # rmsprop's steps keep a steady size, so it zigzags across Rosenbrock's valley while it
    # makes its way down; it is not bouncing in place (a plain bounce test said it was).
    f = ScalarField(ROSENBROCK)
    path = descend(f, (-1.2, 1.0), rmsprop(0.01), max_steps=600)
    assert path.status == "max_steps", path.message
    assert path.values[-1] < 0.1 * path.values[142]
    steps = np.diff(path.points[125:166], axis=0)
    assert np.all(np.sum(steps[1:] * steps[:-1], axis=1) < 0)  # 40 steps of zigzag, yet lower


def test_a_bounce_in_place_is_still_oscillating():
    # rmsprop on Booth ends bouncing around the minimum in steps of about the learning rate.
    path = descend(ScalarField(BOOTH), (0.0, 0.0), rmsprop(0.01), max_steps=3000)
    assert path.status == "oscillating", path.message
    assert "learning rate 0.01 is too large" in path.message
    assert path.final_value > 1e-6  # it never settles at the minimum value 0
    plain = descend(ScalarField("x**2 + 10*y**2"), (3.0, 2.0), sgd(0.1), max_steps=500)
    assert plain.status == "oscillating"


def test_statuses_of_descend():
    assert descend(ScalarField(BOOTH), (0.0, 0.0), sgd(0.5), max_steps=100).status == "diverged"
    assert descend(ScalarField(BOOTH), (1.0, 3.0), adam(0.1)).status == "converged"
    assert descend(ScalarField("x**2 - y**2"), (0.0, 0.0), adam(0.1)).status == "flat_start"
    slow = descend(ScalarField(BOOTH), (0.0, 0.0), adagrad(0.001), max_steps=50)
    assert slow.status == "max_steps" and slow.steps == 50
    gone = descend(Curve("sqrt(x)"), 1.0, sgd(5.0), max_steps=50)
    assert gone.status == "left_domain" and "undefined" in gone.message and gone.steps == 0


def test_nesterov_look_ahead_outside_the_domain_stops_the_walk():
    # f = x - 2*sqrt(x) + (something) has its slope undefined below 0; a big look-ahead lands there.
    f = Curve("x - 2*sqrt(x)")
    path = descend(f, 4.0, nesterov(3.0, beta=0.9), max_steps=100)
    assert path.status == "left_domain", path.message
    assert "looks ahead" in path.message
    assert np.all(path.points >= 0) and np.all(np.isfinite(path.values))


SETTINGS = st.tuples(
    st.sampled_from(sorted(OPTIMIZERS)),
    st.floats(min_value=1e-3, max_value=5.0),
    st.integers(min_value=0, max_value=120),
)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.floats(min_value=-3, max_value=3), min_size=5, max_size=5),
    st.tuples(st.floats(-3, 3), st.floats(-3, 3)),
    SETTINGS,
)
def test_property_never_nan_or_inf_on_random_quadratics(coefficients, start, settings_):
    a, b, c, d, e = coefficients
    field = ScalarField(f"{a!r}*x**2 + {b!r}*y**2 + {c!r}*x*y + {d!r}*x + {e!r}*y")
    name, rate, max_steps = settings_
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        path = descend(field, start, make_optimizer(name, rate), max_steps=max_steps)
    assert path.status in STATUSES and path.optimizer == name
    assert 0 <= path.steps <= max_steps
    for array in (path.points, path.values, path.gradients):
        assert np.all(np.isfinite(array)) and not array.flags.writeable
    np.testing.assert_allclose(path.values, field.evaluate(*path.points.T), rtol=1e-12, atol=1e-12)
    if path.status == "max_steps":
        assert path.steps == max_steps
    if path.status == "converged":
        assert np.linalg.norm(path.gradients[-1]) <= 1e-8
    assert path.message.endswith(".") and "nan" not in path.message.lower()


# -- settings ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda: sgd(0), "sgd: learning_rate must be a positive finite number, got 0"),
        (lambda: sgd(-0.1), "sgd: learning_rate must be a positive finite number, got -0.1"),
        (lambda: adam(float("nan")), "adam: learning_rate must be a positive finite number, got nan"),
        (lambda: rmsprop(float("inf")), "rmsprop: learning_rate must be a positive finite number, got inf"),
        (lambda: sgd(True), "sgd: learning_rate must be a positive finite number, got True"),
        (lambda: sgd("0.1"), "sgd: learning_rate must be a positive finite number, got '0.1'"),
        (lambda: momentum(0.1, beta=1.0), r"momentum: beta must be a number in \[0, 1\), got 1.0"),
        (lambda: nesterov(0.1, beta=-0.1), r"nesterov: beta must be a number in \[0, 1\), got -0.1"),
        (lambda: adam(0.1, beta2=1), r"adam: beta2 must be a number in \[0, 1\), got 1"),
        (lambda: adam(0.1, beta1=float("nan")), r"adam: beta1 must be a number in \[0, 1\), got nan"),
        (lambda: rmsprop(0.1, decay=1.5), r"rmsprop: decay must be a number in \[0, 1\), got 1.5"),
        (lambda: adagrad(0.1, eps=0), "adagrad: eps must be a positive finite number, got 0"),
        (lambda: adam(0.1, eps=-1e-8), "adam: eps must be a positive finite number, got -1e-08"),
    ],
)
def test_bad_settings_are_refused_in_one_line(make, message):
    with pytest.raises(ValueError, match=f"^{message}$"):
        make()


def test_settings_at_their_edges_are_accepted():
    assert momentum(0.1, beta=0.0).beta == 0.0
    assert adam(1e-9, beta1=0, beta2=0.999999).beta2 == 0.999999
    assert isinstance(adam(np.float32(0.1)).learning_rate, float)


def test_make_optimizer_and_the_registry():
    assert list(OPTIMIZERS) == ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"]
    for name in OPTIMIZERS:
        rule = make_optimizer(name, 0.25)
        assert isinstance(rule, Optimizer) and rule.name == name and rule.learning_rate == 0.25
        assert str(rule).startswith(f"{name} (learning rate 0.25")
    assert make_optimizer("rmsprop", 0.1, decay=0.5).decay == 0.5
    with pytest.raises(ValueError, match="^unknown optimizer 'foo'; choose one of: sgd, momentum, nesterov, adagrad, rmsprop, adam$"):
        make_optimizer("foo", 0.1)
    with pytest.raises(ValueError, match="unknown optimizer 3"):
        make_optimizer(3, 0.1)
    with pytest.raises(ValueError, match="^adam has no setting 'beta'; its settings: learning_rate, beta1, beta2, eps$"):
        make_optimizer("adam", 0.1, beta=0.5)
    with pytest.raises(ValueError, match="learning_rate"):
        make_optimizer("adam", 0)


def test_optimizers_are_frozen_and_comparable():
    rule = adam(0.1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        rule.learning_rate = 0.2
    assert rule == adam(0.1) and rule != adam(0.2) and hash(rule) == hash(adam(0.1))


def test_exported_from_mathcore():
    for name in ("descend", "sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "make_optimizer", "OPTIMIZERS", "Optimizer"):
        assert name in mathcore.__all__ and getattr(mathcore, name) is not None


# -- descend: its inputs and its path ------------------------------------------------------------


def test_descend_path_records_the_rule():
    path = descend(ScalarField(BOOTH), (0.0, 0.0), nesterov(0.01, beta=0.8), max_steps=10)
    assert (path.optimizer, path.learning_rate, path.momentum, path.batched) == ("nesterov", 0.01, 0.8, False)
    assert path.rule == nesterov(0.01, beta=0.8)
    assert descend(ScalarField(BOOTH), (0.0, 0.0), adam(0.01), max_steps=3).momentum == 0.0


def test_descend_refuses_bad_input():
    f = ScalarField(BOOTH)
    with pytest.raises(TypeError, match="optimizer must be an Optimizer"):
        descend(f, (0.0, 0.0), "adam")
    with pytest.raises(TypeError, match="function must be a Curve or a ScalarField"):
        descend("x**2", 0.0, sgd(0.1))
    with pytest.raises(ValueError, match="start must be 2 finite number"):
        descend(f, (0.0, float("nan")), sgd(0.1))
    with pytest.raises(ValueError, match="max_steps"):
        descend(f, (0.0, 0.0), sgd(0.1), max_steps=-1)
    with pytest.raises(ValueError, match="tolerance"):
        descend(f, (0.0, 0.0), sgd(0.1), tolerance=0)
    with pytest.raises(TypeError, match="batches must be an iterable"):
        descend(f, (0.0, 0.0), sgd(0.1), batches=3)
    with pytest.raises(TypeError, match="each batch must be a Curve or a ScalarField"):
        descend(f, (0.0, 0.0), sgd(0.1), batches=["x**2"])
    with pytest.raises(ValueError, match="a batch loss over a, b cannot steer a walk over x, y"):
        descend(f, (0.0, 0.0), sgd(0.1), batches=[ScalarField("a**2 + b**2", ("a", "b"))])


@pytest.mark.parametrize("rule", [sgd(0.02), nesterov(0.01), adam(0.1)], ids=lambda r: r.name)
def test_batches_that_are_the_whole_function_walk_the_same_path(rule):
    f = ScalarField(BOOTH)
    plain = descend(f, (0.0, 0.0), rule, max_steps=2000)
    batched = descend(f, (0.0, 0.0), rule, max_steps=2000, batches=itertools.repeat(f))
    np.testing.assert_array_equal(batched.points, plain.points)
    assert batched.status == plain.status == "converged" and batched.batched


def test_batches_steer_but_the_path_records_the_whole_function():
    f = ScalarField("(x - 1)**2 + (y + 2)**2")
    pulls = [ScalarField("(x - 3)**2 + (y + 2)**2"), ScalarField("(x + 1)**2 + (y + 2)**2")]
    path = descend(f, (0.0, 0.0), sgd(0.1), max_steps=40, batches=itertools.cycle(pulls))
    np.testing.assert_allclose(path.values, f.evaluate(*path.points.T))
    np.testing.assert_allclose(path.gradients, [f.gradient_at(p) for p in path.points])
    # Step 1 follows the first batch's slope, step 2 the second's.
    np.testing.assert_allclose(path.points[1], [0.0, 0.0] - 0.1 * pulls[0].gradient_at((0.0, 0.0)))
    np.testing.assert_allclose(path.points[2], path.points[1] - 0.1 * pulls[1].gradient_at(path.points[1]))
    assert path.status == "max_steps" and "mini-batch" in path.message  # never "oscillating"


def test_batches_running_out_end_the_walk():
    f = ScalarField(BOOTH)
    path = descend(f, (0.0, 0.0), sgd(0.01), max_steps=100, batches=[f] * 5)
    assert path.steps == 5 and path.status == "max_steps"
    assert path.message.startswith("Used all 5 mini-batches")


def test_batch_converging_on_the_whole_gradient():
    # When the batches agree at the minimum (every batch is exact there), the walk converges,
    # judged on the whole function's gradient.
    f = ScalarField("(x - 1)**2 + (y - 1)**2")
    halves = [ScalarField("2*(x - 1)**2"), ScalarField("2*(y - 1)**2")]
    path = descend(f, (0.0, 0.0), sgd(0.2), max_steps=500, batches=itertools.cycle(halves))
    assert path.status == "converged" and np.linalg.norm(path.gradients[-1]) <= 1e-8


@pytest.mark.parametrize(
    "rule, text, start",
    [
        (momentum(0.03966712872032056), "0.14999399955594794*x**2 - 0.026810835030885976*x*y + 28.831874603131688*y**2 - 1.0612408977110352*x", (-1.2853970376612036, 1.863544721244016)),
        (nesterov(0.06549605306079988), "4.976346758121438*x**2 + 5.989670478234405*x*y + 8.18293537728342*y**2 + 0.28176867203175826*x", (0.28124988573788734, 2.721737170985559)),
    ],
    ids=["momentum", "nesterov"],
)
def test_a_spiral_closing_in_at_float_noise_is_not_oscillating(rule, text, start):
    # Near the end these walks spiral in with steps of 1e-9 while f no longer changes in
    # float; they were called "oscillating" (learning rate too large) a few steps before
    # they converge.
    path = descend(ScalarField(text), start, rule, max_steps=3000)
    assert path.status == "converged", path.message
