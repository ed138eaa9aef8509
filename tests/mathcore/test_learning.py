"""Tests of mathcore.learning: the line and neuron losses (against sympy written by hand and
finite differences), the least-squares line, the data checks and the mini-batches."""

from __future__ import annotations

import itertools
import math
import warnings

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

import mathcore
from mathcore import ScalarField, descend, sgd
from mathcore.learning import (
    DataLoss,
    batch_indices,
    check_data,
    label_split,
    line_fit,
    line_loss,
    minibatches,
    neuron_fit,
    neuron_loss,
)

W, B = sympy.symbols("w b", real=True)

LINE_DATA = [(-2.0, -3.1), (-0.5, 0.2), (0.0, 0.9), (1.5, 4.2), (3.0, 6.8)]
LABELS = [(-3.0, 0), (-1.0, 0), (-0.2, 1), (0.4, 0), (1.0, 1), (2.5, 1)]


def noisy_line(n, seed=0, slope=1.5, intercept=-0.5):
    rng = np.random.default_rng(seed)
    x = rng.uniform(-3, 3, n)
    return [(float(a), float(slope * a + intercept + rng.normal(0, 0.5))) for a in x]


def finite_difference(f, point, h=1e-6):
    point = np.asarray(point, dtype=float)
    return np.array(
        [(f(*(point + h * e)) - f(*(point - h * e))) / (2 * h) for e in np.eye(2)]
    )


# -- the losses against sympy by hand ------------------------------------------------------------


def test_line_loss_is_the_mean_squared_error_exactly():
    loss = line_loss(LINE_DATA)
    by_hand = sum((W * sympy.Rational(repr(x)) + B - sympy.Rational(repr(y))) ** 2 for x, y in LINE_DATA) / 5
    assert sympy.expand(loss.expr - by_hand) == 0
    assert loss.variables == ("w", "b") and isinstance(loss, ScalarField)
    exact = ScalarField(by_hand, ("w", "b"))
    for point in [(0.0, 0.0), (2.0, 1.0), (-7.5, 30.0), (1e3, -1e3)]:
        value, gradient = loss.value_and_gradient(point)
        v, g = exact.value_and_gradient(point)
        assert value == pytest.approx(v, rel=1e-12)
        np.testing.assert_allclose(gradient, g, rtol=1e-12, atol=1e-12)
        np.testing.assert_allclose(loss.hessian_at(point), exact.hessian_at(point), rtol=1e-12)
        np.testing.assert_allclose(gradient, finite_difference(loss, point, h=1e-6 * (1 + abs(point[0]))), rtol=1e-5, atol=1e-6)
        residuals = [point[0] * x + point[1] - y for x, y in LINE_DATA]
        assert value == pytest.approx(np.mean(np.square(residuals)), rel=1e-12)
    # Its exact partial derivatives are the textbook ones.
    assert sympy.expand(loss.gradient_exprs[0] - sum(2 * sympy.Rational(repr(x)) * (W * sympy.Rational(repr(x)) + B - sympy.Rational(repr(y))) for x, y in LINE_DATA) / 5) == 0


def test_neuron_loss_is_the_mean_cross_entropy():
    loss = neuron_loss(LABELS)
    z = [W * sympy.Rational(repr(x)) + B for x, _ in LABELS]
    s = [1 / (1 + sympy.exp(-zi)) for zi in z]
    textbook = -sum(y * sympy.log(si) + (1 - y) * sympy.log(1 - si) for (_, y), si in zip(LABELS, s)) / len(LABELS)
    reference = sympy.lambdify((W, B), textbook, "mpmath")
    for point in [(0.0, 0.0), (1.3, -0.4), (-2.0, 3.0), (6.0, 1.0)]:
        value, gradient = loss.value_and_gradient(point)
        assert value == pytest.approx(float(reference(*point)), rel=1e-12)
        np.testing.assert_allclose(gradient, finite_difference(loss, point), rtol=1e-6, atol=1e-8)
        np.testing.assert_allclose(loss.hessian_at(point), ScalarField(loss.expr, ("w", "b")).hessian_at(point), rtol=1e-10, atol=1e-14)
        sig = np.array([1 / (1 + math.exp(-(point[0] * x + point[1]))) for x, _ in LABELS])
        y = np.array([label for _, label in LABELS], dtype=float)
        x = np.array([x for x, _ in LABELS])
        np.testing.assert_allclose(gradient, [np.mean((sig - y) * x), np.mean(sig - y)], rtol=1e-12, atol=1e-15)
    # The exact form: softplus(-z) for a label 1, softplus(z) for a label 0, which is the textbook loss.
    rewritten = loss.expr.rewrite(sympy.log)
    assert abs(float((rewritten - textbook).subs({W: sympy.Rational(7, 10), B: sympy.Rational(-1, 3)}).evalf(50))) < 1e-40


@pytest.mark.parametrize("w, b", [(50.0, 0.0), (-50.0, 0.0), (50.0, 400.0), (1e4, -1e4), (-1e6, 3.0)])
def test_neuron_loss_stays_finite_for_a_very_sure_neuron(w, b):
    loss = neuron_loss(LABELS)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        value, gradient = loss.value_and_gradient((w, b))
        hessian = loss.hessian_at((w, b))
        grid = loss.evaluate(np.array([w, -w]), np.array([b, b]))
        compiled = ScalarField(loss.expr, ("w", "b")).value_and_gradient((w, b))
    assert math.isfinite(value) and value > 0
    assert np.all(np.isfinite(gradient)) and np.all(np.isfinite(hessian)) and np.all(np.isfinite(grid))
    assert compiled[0] == pytest.approx(value, rel=1e-9) and np.all(np.isfinite(compiled[1]))
    # Points on the wrong side cost about |z| each: the loss grows like |w|, not to infinity.
    wrong = [abs(w * x + b) for x, y in LABELS if (w * x + b > 0) != (y == 1)]
    assert value == pytest.approx(sum(wrong) / len(LABELS), rel=1e-3)
    margins = [(w * x + b) * (1 if y == 0 else -1) for x, y in LABELS]
    exact = sum(max(m, 0.0) + math.log1p(math.exp(-abs(m))) for m in margins) / len(LABELS)
    assert value == pytest.approx(exact, rel=1e-12)


def test_separable_neuron_loss_falls_toward_zero_as_w_grows():
    loss = neuron_loss([(-2.0, 0), (-1.0, 0), (1.0, 1), (2.0, 1)])
    values = [float(loss(w, 0.0)) for w in (1.0, 10.0, 50.0, 500.0)]
    assert values == sorted(values, reverse=True) and 0 <= values[-1] < 1e-200


def test_line_loss_minimum_is_numpy_polyfit():
    for seed, n in [(0, 2), (1, 7), (2, 50), (3, 200)]:
        data = noisy_line(n, seed)
        x, y = np.array(data).T
        slope, intercept = np.polyfit(x, y, 1)
        w, b = line_fit(data)
        assert (w, b) == (pytest.approx(slope, rel=1e-9, abs=1e-12), pytest.approx(intercept, rel=1e-9, abs=1e-12))
        loss = line_loss(data)
        assert np.linalg.norm(loss.gradient((w, b))) < 1e-9
        assert loss.classify((w, b)) == "minimum"
        assert float(loss(w, b)) <= min(float(loss(w + dw, b + db)) for dw, db in [(1e-3, 0), (0, 1e-3), (-1e-3, 0), (0, -1e-3)])


def test_descent_on_the_line_loss_finds_the_fit():
    data = noisy_line(30, seed=5)
    path = descend(line_loss(data), (0.0, 0.0), sgd(0.1), max_steps=2000)
    assert path.status == "converged", path.message
    np.testing.assert_allclose(path.final_point, line_fit(data), atol=1e-7)


def test_line_fit_exact_and_refusals():
    assert line_fit([(0, 1), (1, 3), (2, 5)]) == (2.0, 1.0)
    assert line_fit([(0.1, 0.3), (0.2, 0.5)]) == (pytest.approx(2.0), pytest.approx(0.1))
    with pytest.raises(ValueError, match="every point has x = 1.0: no single best line"):
        line_fit([(1, 2), (1, 3)])


def test_grid_evaluation_by_chunks_matches_the_vectorised_one(monkeypatch):
    loss = line_loss(noisy_line(40, seed=9))
    neuron = neuron_loss(LABELS)
    W_, B_, small = loss.grid((-3, 3), (-2, 2), 30)
    n_small = neuron.grid((-3, 3), (-2, 2), 30)[2]
    monkeypatch.setattr("mathcore.learning._VECTORISE_LIMIT", 10)
    np.testing.assert_allclose(loss.grid((-3, 3), (-2, 2), 30)[2], small, rtol=1e-12)
    np.testing.assert_allclose(neuron.grid((-3, 3), (-2, 2), 30)[2], n_small, rtol=1e-12)
    exact = ScalarField(loss.expr, ("w", "b"))
    np.testing.assert_allclose(small, exact.evaluate(W_, B_), rtol=1e-11)


def test_a_loss_is_a_full_scalar_field():
    loss = line_loss(LINE_DATA)
    assert loss.partial("b").expr == sympy.diff(loss.expr, B)
    assert loss.latex == r"\frac{1}{5}\sum_{i=1}^{5}\left(w x_i + b - y_i\right)^{2}"
    big = neuron_loss([(float(i), i % 2) for i in range(200)])
    assert len(big.latex) < 200 and r"\frac{1}{200}" in big.latex and r"\sigma" in big.latex
    assert "x_{199}" not in big.latex and "expr" not in big.__dict__  # no sympy needed to show it
    assert loss.level_set(float(loss(1.0, 1.0)), (-3, 5), (-3, 5))
    assert "5 points" in loss.text and repr(loss) == "line_loss(5 points)"
    assert repr(neuron_loss(LABELS)) == "neuron_loss(6 points)"
    assert not loss.data.flags.writeable


# -- data checks ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, labels, message",
    [
        ([(0.0, 1.0)], False, "need at least 2 points, got 1"),
        ([], False, "need at least 2 points, got 0"),
        ([(float(i), 0.0) for i in range(201)], False, "need at most 200 points, got 201"),
        (((float(i), 0.0) for i in range(250)), False, "need at most 200 points, got 250"),
        ([(0, 1), (1, 2), (1.0, float("nan"))], False, r"point 3 \(1.0, nan\): y is not a finite number"),
        ([(0, 1), (float("inf"), 2)], False, r"point 2 \(inf, 2.0\): x is not a finite number"),
        ([(0, 1), ("a", 2)], False, r"point 2 \('a', 2.0\): x is not a finite number"),
        ([(0, 1), (True, 2)], False, r"point 2 \(True, 2.0\): x is not a finite number"),
        ([(0, 1), (1e7, 2)], False, r"point 2 \(10000000.0, 2.0\): x is beyond 1e\+06 in size"),
        ([(0, 1), (1, 2, 3)], False, r"point 2 must be an \(x, y\) pair, got \(1, 2, 3\)"),
        ([(0, 1), 5], False, r"point 2 must be an \(x, y\) pair, got 5"),
        ([(0, 1), "ab"], False, r"point 2 must be an \(x, y\) pair, got 'ab'"),
        ([(0, 1), (1, 0), (2, 1), (3, 2)], True, "label 2 at point 4 must be 0 or 1"),
        ([(0, 1), (1, 0.5)], True, "label 0.5 at point 2 must be 0 or 1"),
        ([(0, 1), (1, float("nan"))], True, r"point 2 \(1.0, nan\): y is not a finite number"),
    ],
)
def test_bad_data_is_refused_naming_the_point(data, labels, message):
    with pytest.raises(ValueError, match=f"^{message}$"):
        check_data(data, labels=labels)
    make = neuron_loss if labels else line_loss
    with pytest.raises(ValueError, match=f"^{message}$"):
        make(data if not hasattr(data, "__next__") else (p for p in [(float(i), 0.0) for i in range(250)]))


def test_data_of_other_shapes():
    assert check_data(np.array([[0, 1], [2, 3]])).tolist() == [[0.0, 1.0], [2.0, 3.0]]
    assert check_data([[0, 1], [2, 0]], labels=True).shape == (2, 2)
    assert line_loss(((0, 1), (2, 3))).data.shape == (2, 2)
    assert neuron_loss([(0, 1.0), (1, 0.0)]).data[:, 1].tolist() == [1.0, 0.0]
    for bad in (None, 3, "xy"):
        with pytest.raises(TypeError, match="data must be a sequence of \\(x, y\\) pairs"):
            line_loss(bad)


# -- mini-batches --------------------------------------------------------------------------------


def test_batch_indices_are_reproducible_and_drawn_without_replacement():
    first = list(itertools.islice(batch_indices(10, 5, seed=3), 40))
    again = list(itertools.islice(batch_indices(10, 5, seed=3), 40))
    other = list(itertools.islice(batch_indices(10, 5, seed=4), 40))
    assert first == again and first != other
    for epoch in range(20):  # two batches an epoch: together every point once
        a, b = first[2 * epoch], first[2 * epoch + 1]
        assert len(a) == len(b) == 5 and sorted(a + b) == list(range(10))
    assert len({(first[2 * e], first[2 * e + 1]) for e in range(20)}) > 10  # reshuffled each epoch


@pytest.mark.parametrize("count, size", [(7, 3), (2, 1), (2, 2), (200, 1), (200, 64), (5, 5)])
def test_batch_sizes(count, size):
    batches = list(itertools.islice(batch_indices(count, size, seed=0), 3 * (count // size)))
    assert all(len(batch) == size == len(set(batch)) for batch in batches)
    assert all(0 <= i < count for batch in batches for i in batch)
    per_epoch = count // size
    for epoch in range(3):
        seen = [i for batch in batches[epoch * per_epoch : (epoch + 1) * per_epoch] for i in batch]
        assert len(seen) == len(set(seen)) == per_epoch * size  # no point twice in one epoch


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: minibatches(LINE_DATA, 0, 1), r"batch_size must be a whole number from 1 to 5 \(the number of points\), got 0"),
        (lambda: minibatches(LINE_DATA, 6, 1), r"batch_size must be a whole number from 1 to 5 \(the number of points\), got 6"),
        (lambda: minibatches(LINE_DATA, 2.0, 1), r"batch_size must be a whole number from 1 to 5 \(the number of points\), got 2.0"),
        (lambda: minibatches(LINE_DATA, True, 1), r"batch_size must be a whole number from 1 to 5 \(the number of points\), got True"),
        (lambda: minibatches(LINE_DATA, 2, -1), "seed must be a whole number of at least 0, got -1"),
        (lambda: minibatches(LINE_DATA, 2, 1.5), "seed must be a whole number of at least 0, got 1.5"),
        (lambda: minibatches([(0, 1)], 1, 1), "need at least 2 points, got 1"),
        (lambda: minibatches([(0, 1), (1, 2)], 1, 1, loss=neuron_loss), "label 2 at point 2 must be 0 or 1"),
    ],
)
def test_minibatches_refuse_bad_settings_at_once(call, message):
    with pytest.raises(ValueError, match=f"^{message}$"):
        call()


def test_minibatch_losses_are_the_loss_of_their_points():
    data = noisy_line(20, seed=2)
    stream = minibatches(data, 4, seed=7)
    again = minibatches(data, 4, seed=7)
    for _ in range(12):
        batch, twin = next(stream), next(again)
        assert isinstance(batch, DataLoss) and batch.indices == twin.indices and len(batch.indices) == 4
        fresh = line_loss([data[i] for i in batch.indices])
        for point in [(0.0, 0.0), (1.2, -0.7)]:
            v, g = batch.value_and_gradient(point)
            fv, fg = fresh.value_and_gradient(point)
            assert v == fv and np.array_equal(g, fg)
        assert sympy.expand(batch.expr - fresh.expr) == 0
    neurons = minibatches(LABELS, 2, seed=0, loss=neuron_loss)
    first = next(neurons)
    assert first.model == "neuron" and first.data.tolist() == [list(LABELS[i]) for i in first.indices]


def test_minibatches_with_any_loss_are_made_once_per_batch():
    made = []

    def loss(points):
        made.append(tuple(map(tuple, points)))
        return line_loss(points)

    stream = minibatches(LINE_DATA, 4, seed=1, loss=loss)
    batches = [next(stream) for _ in range(30)]  # 5 distinct batches of 4 out of 5 points
    assert len(made) == len(set(made)) <= 5
    assert all(b.indices is None for b in batches)  # the custom loss knows nothing of indices
    with pytest.raises(TypeError, match="loss must be a callable"):
        minibatches(LINE_DATA, 2, 1, loss="line")


def test_stochastic_descent_is_noisy_reproducible_and_honest():
    data = noisy_line(40, seed=11)
    loss = line_loss(data)

    def walk(seed):
        return descend(loss, (0.0, 0.0), sgd(0.05), max_steps=300, batches=minibatches(data, 4, seed))

    path, again, other = walk(1), walk(1), walk(2)
    np.testing.assert_array_equal(path.points, again.points)
    assert not np.array_equal(path.points, other.points)
    full = descend(loss, (0.0, 0.0), sgd(0.05), max_steps=300)
    assert not np.array_equal(path.points[:50], full.points[:50])
    np.testing.assert_allclose(path.values, loss.evaluate(*path.points.T), rtol=1e-12)
    assert path.status == "max_steps" and path.batched and "mini-batch" in path.message
    # It ends near the fit, but not on it: the noise of the batches keeps it moving.
    assert np.linalg.norm(path.final_point - np.array(line_fit(data))) < 0.5
    assert np.linalg.norm(path.gradients[-1]) > 1e-6
    assert np.any(np.diff(path.values[100:]) > 0)  # the full loss goes up now and then


@settings(max_examples=25, deadline=None)
@given(
    st.lists(st.tuples(st.floats(-100, 100), st.floats(-100, 100)), min_size=2, max_size=30),
    st.floats(-60, 60),
    st.floats(-60, 60),
)
def test_property_losses_are_finite_and_match_their_exact_form(points, w, b):
    line = line_loss(points)
    labelled = neuron_loss([(x, int(y > 0)) for x, y in points])
    for loss in (line, labelled):
        value, gradient = loss.value_and_gradient((w, b))
        assert math.isfinite(value) and value >= 0 and np.all(np.isfinite(gradient))
    residuals = np.array([w * x + b - y for x, y in points])
    assert line.value_and_gradient((w, b))[0] == pytest.approx(np.mean(residuals**2), rel=1e-9, abs=1e-9)


def test_exported_from_mathcore():
    for name in ("line_loss", "neuron_loss", "minibatches", "line_fit"):
        assert name in mathcore.__all__ and getattr(mathcore, name) is getattr(mathcore.learning, name)


# -- a neuron on separable data has no lowest point ----------------------------------------------

SEPARABLE = [(-2.0, 0), (-1.0, 0), (-0.5, 0), (0.5, 1), (1.0, 1), (2.0, 1)]


@pytest.mark.parametrize("name, rate", [("rmsprop", 1.0), ("adam", 5.0), ("sgd", 1.0), ("momentum", 5.0)])
def test_descent_on_separable_labels_says_the_loss_keeps_falling(name, rate):
    # The cross-entropy falls toward 0 as w grows without end: wherever the walk stops, it
    # is on that tail, never "on a saddle" or "at a minimum".
    path = descend(neuron_loss(SEPARABLE), (0.0, 0.0), mathcore.make_optimizer(name, rate), max_steps=500)
    assert path.status in ("converged", "max_steps")
    assert "keeps falling slowly that way, with no lowest point in reach" in path.message, path.message
    assert "saddle" not in path.message and "minimum" not in path.message
    assert path.final_point[0] > 5 and path.final_value < 0.02 * path.values[0]


def test_falling_tail_and_true_flat_points_apart():
    from mathcore.descent import on_falling_tail, point_kind

    loss = neuron_loss(SEPARABLE)
    far = np.array([33.0, 0.0])
    assert point_kind(loss, far, loss.gradient(far)) == "plateau" and on_falling_tail(loss, far, loss.gradient(far))
    saddle = ScalarField("x**3 + y**2")  # the slope vanishes at 0 and grows again beyond
    near = np.array([0.0066, 0.0])
    assert point_kind(saddle, near, saddle.gradient(near)) == "saddle"
    assert not on_falling_tail(saddle, near, saddle.gradient(near))
    flat = ScalarField("relu(x) + relu(y)")  # truly flat where x, y < 0: nothing falls
    assert not on_falling_tail(flat, np.array([-2.0, -2.0]), np.zeros(2))
    overlap = neuron_loss([(-2.0, 0), (-1.0, 1), (0.5, 0), (1.0, 1)])
    path = descend(overlap, (0.0, 0.0), mathcore.adam(0.1), max_steps=3000)
    assert path.status == "converged" and "Reached the minimum" in path.message


@settings(max_examples=30, deadline=None)
@given(
    st.integers(min_value=2, max_value=60),
    st.sampled_from([1.0, 100.0, 1e6]),
    st.sampled_from(["line", "neuron"]),
    st.sampled_from(sorted(mathcore.OPTIMIZERS)),
    st.floats(min_value=1e-4, max_value=10.0),
    st.integers(min_value=0, max_value=1000),
    st.booleans(),
)
def test_property_walks_on_data_never_nan_and_batched_walks_never_oscillate(n, scale, model, name, rate, seed, batched):
    rng = np.random.default_rng(seed)
    x = rng.uniform(-1, 1, n) * scale
    if model == "line":
        y = np.clip(rng.normal() * x + rng.normal(0, 0.3, n) * scale, -1e6, 1e6)
        loss_of = line_loss
    else:
        y = (x + rng.normal(0, 0.3 * scale, n) > 0).astype(int)
        loss_of = neuron_loss
    data = list(zip(x.tolist(), y.tolist()))
    batches = minibatches(data, int(rng.integers(1, n + 1)), seed, loss=loss_of) if batched else None
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        path = descend(loss_of(data), tuple(rng.normal(size=2)), mathcore.make_optimizer(name, rate), max_steps=80, batches=batches)
    for array in (path.points, path.values, path.gradients):
        assert np.all(np.isfinite(array))
    assert path.batched == batched and not (batched and path.status == "oscillating")
    assert path.message.endswith(".") and "nan" not in path.message.lower()


# -- the lowest cross-entropy, found without a walk ------------------------------------------
@pytest.mark.parametrize(("data", "way"), [
    (((0, 0), (1, 1)), 1), (((0, 1), (1, 0)), -1), (((0, 0), (1, 1), (2, 0)), 0),
    (((0, 0), (1, 0), (1, 1), (2, 1)), 1),  # both labels at x = 1: parted there, no lowest point
    (((0, 1), (1, 1), (1, 0), (2, 0)), -1), (((0, 0), (0, 1), (1, 0), (1, 1)), 0),
])
def test_label_split_counts_a_tie_at_the_split_as_parted(data, way):
    assert label_split(data) == way
    assert (neuron_fit(data) is None) == (way != 0)


@pytest.mark.parametrize("size", [1e-6, 1e-3, 1.0, 1e3, 3e5])
def test_neuron_fit_is_the_flat_point_at_every_size(size):
    unit = LABELS
    data = [(x * size, y) for x, y in unit]
    w, b = neuron_fit(data)
    w1, b1 = neuron_fit(unit)
    assert np.isclose(w * size, w1, rtol=1e-9) and np.isclose(b, b1, rtol=1e-9, atol=1e-12)
    loss = neuron_loss(unit)
    assert np.linalg.norm(loss.gradient((w1, b1))) < 1e-12
    for dw, db in itertools.product((-1e-3, 0.0, 1e-3), repeat=2):  # lowest around it
        assert float(loss(w1 + dw, b1 + db)) >= float(loss(w1, b1))


def test_neuron_fit_of_nearly_parted_labels_is_far_but_finite():
    data = [(float(x), 1 if x > 0 else 0) for x in range(-20, 21)] + [(20.5, 0)]
    w, b = neuron_fit(data)
    assert math.isfinite(w) and math.isfinite(b) and w > 0
    assert np.linalg.norm(neuron_loss(data).gradient((w, b))) < 1e-10
