"""Learning problems: the loss of a model on data, as an exact hillside over its parameters.

From a user's data, a list of (x, y) pairs (2 to 200 points, finite), each loss is a
:class:`~mathcore.ScalarField` over the model's parameters ``("w", "b")``:

* :func:`line_loss`: the line y = w*x + b, scored by the mean squared error
  ``mean((w*x + b - y)**2)``;
* :func:`neuron_loss`: one sigmoid neuron s = sigmoid(w*x + b) on labels 0 and 1, scored
  by the mean cross-entropy ``-(y*log(s) + (1 - y)*log(1 - s))``.

Gradient descent on these fields is learning: :func:`mathcore.descend` walks the loss, and
:func:`minibatches` gives one random mini-batch's loss per step for stochastic descent. Where
each loss is lowest is known without a walk, so a lesson can tell a walk's end from the
answer: :func:`line_fit` (least squares, exact) and :func:`neuron_fit` (None when one x parts
the labels, :func:`label_split`: then the cross-entropy has no lowest point and only tends
to its infimum as |w| grows, however a walk's floats round it to 0).

The exact formula (sympy, :attr:`DataLoss.expr`) is built only when asked for; the numbers
(values, gradients, Hessians) come from the same formulas written with numpy over the data,
so a walk or a batch never waits for sympy. The cross-entropy is written with softplus,
``-log(sigmoid(z)) = softplus(-z)`` and ``-log(1 - sigmoid(z)) = softplus(z)``, which is
finite and exact for any z (no log(0) when the neuron is very sure).

Examples
--------
>>> data = [(0.0, 1.0), (1.0, 3.0), (2.0, 5.0)]
>>> loss = line_loss(data)
>>> loss.variables, float(loss(2.0, 1.0)), line_fit(data)
(('w', 'b'), 0.0, (2.0, 1.0))
>>> neuron = neuron_loss([(-1.0, 0), (1.0, 1)])
>>> round(float(neuron(0.0, 0.0)), 6)  # log 2: a neuron that says 1/2 for every point
0.693147
>>> float(neuron(50.0, 0.0)) < 1e-20
True
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from fractions import Fraction
from functools import cached_property
from typing import Any

import numpy as np
import sympy

from .fields import ScalarField
from .symbolic import SymbolicFunction
from .vocabulary import _np_sigmoid, softplus

__all__ = [
    "MAX_POINTS",
    "MIN_POINTS",
    "MAX_SIZE",
    "DataLoss",
    "batch_indices",
    "check_data",
    "line_fit",
    "label_split",
    "line_loss",
    "minibatches",
    "neuron_fit",
    "neuron_loss",
]

MIN_POINTS = 2
MAX_POINTS = 200
MAX_SIZE = 1e6  # the largest |x| or |y| a data point may have: every loss stays finite

_PARAMETERS = ("w", "b")
_SYMBOLS = tuple(sympy.Symbol(n, real=True) for n in _PARAMETERS)
_VECTORISE_LIMIT = 2_000_000  # grid cells times points evaluated in one numpy expression


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, (bool, np.bool_))


def _show(value: Any) -> str:
    return repr(float(value)) if _is_number(value) else repr(value)


def check_data(data: Any, labels: bool = False) -> np.ndarray:
    """The data as a read-only float array of shape (n, 2), or a one-line ValueError naming
    the bad point (counted from 1).

    >>> check_data([(0, 1), (2, 3)]).tolist()
    [[0.0, 1.0], [2.0, 3.0]]
    >>> check_data([(0, 1), (2, float("nan"))])
    Traceback (most recent call last):
    ...
    ValueError: point 2 (2.0, nan): y is not a finite number
    >>> check_data([(0, 1), (2, 2)], labels=True)
    Traceback (most recent call last):
    ...
    ValueError: label 2 at point 2 must be 0 or 1
    """
    if isinstance(data, (str, bytes)) or not isinstance(data, Iterable):
        raise TypeError(f"data must be a sequence of (x, y) pairs, not {type(data).__name__}")
    points = []
    for index, point in enumerate(data, start=1):
        if index > MAX_POINTS:
            count = index + sum(1 for _ in data) if not hasattr(data, "__len__") else len(data)
            raise ValueError(f"need at most {MAX_POINTS} points, got {count}")
        points.append(_check_point(index, point, labels))
    if len(points) < MIN_POINTS:
        raise ValueError(f"need at least {MIN_POINTS} points, got {len(points)}")
    array = np.array(points, dtype=float)
    array.setflags(write=False)
    return array


def _check_point(index: int, point: Any, labels: bool) -> tuple[float, float]:
    try:
        pair = tuple(point)
    except TypeError:
        pair = None
    if pair is None or len(pair) != 2 or isinstance(point, (str, bytes)):
        raise ValueError(f"point {index} must be an (x, y) pair, got {point!r}")
    shown = f"({_show(pair[0])}, {_show(pair[1])})"
    for name, value in zip(("x", "y"), pair):
        if not (_is_number(value) and math.isfinite(value)):
            raise ValueError(f"point {index} {shown}: {name} is not a finite number")
        if abs(value) > MAX_SIZE:
            raise ValueError(f"point {index} {shown}: {name} is beyond {MAX_SIZE:g} in size")
    x, y = float(pair[0]), float(pair[1])
    if labels and y not in (0.0, 1.0):
        raise ValueError(f"label {pair[1]!r} at point {index} must be 0 or 1")
    return x, y


def _exact(value: float) -> sympy.Rational:
    """The number as the user wrote it (its shortest decimal), exactly: 0.1 is 1/10."""
    return sympy.Rational(repr(float(value)))


class DataLoss(ScalarField):
    """The loss of a model on data, a :class:`~mathcore.ScalarField` over ``("w", "b")``.

    Made by :func:`line_loss` and :func:`neuron_loss` (and, one per mini-batch, by
    :func:`minibatches`). The exact expression is built on first use; values, gradients
    and Hessians are the same formulas in numpy.

    Attributes
    ----------
    model : str
        ``"line"`` (mean squared error of w*x + b) or ``"neuron"`` (mean cross-entropy of
        sigmoid(w*x + b)).
    data : ndarray, shape (n, 2)
        The (x, y) points the loss averages over (read-only).
    indices : tuple of int or None
        For a mini-batch loss, which points of the full data it holds (counted from 0);
        None for the loss on all the data.

    Examples
    --------
    >>> loss = line_loss([(0, 1), (1, 2)])
    >>> print(loss.latex)
    \\frac{1}{2}\\sum_{i=1}^{2}\\left(w x_i + b - y_i\\right)^{2}
    >>> loss.subset([1]).indices, float(loss.subset([1])(1.0, 1.0))
    ((1,), 0.0)
    """

    def __init__(self, model: str, data: Any, indices: tuple[int, ...] | None = None, *, _checked: bool = False):
        if model not in ("line", "neuron"):
            raise ValueError(f"model must be 'line' or 'neuron', got {model!r}")
        checked = data if _checked else check_data(data, labels=model == "neuron")
        self.model = model
        self.data = checked
        self.indices = indices
        self.variables = _PARAMETERS
        self.symbols = _SYMBOLS
        self._typed = False
        self._x = np.ascontiguousarray(checked[:, 0])
        self._y = np.ascontiguousarray(checked[:, 1])
        self._sign = 1.0 - 2.0 * self._y  # neuron: the loss of a point is softplus(sign * z)
        count = len(checked)
        what = "mean squared error of w*x + b" if model == "line" else "mean cross-entropy of sigmoid(w*x + b)"
        self.text = f"the {what} on {count} {'point' if count == 1 else 'points'}"

    def subset(self, indices: Iterable[int]) -> DataLoss:
        """The same loss on some of the points (a mini-batch), counted from 0."""
        chosen = tuple(int(i) for i in indices)
        data = self.data[list(chosen)]
        data.setflags(write=False)
        return DataLoss(self.model, data, chosen, _checked=True)

    # -- exact ----------------------------------------------------------------------------
    @cached_property
    def latex(self) -> str:
        """The loss as a formula over the data, short whatever the number of points
        (the exact expression with every point is :func:`mathcore.latex` of :attr:`expr`)."""
        n = len(self.data)
        mean = rf"\frac{{1}}{{{n}}}\sum_{{i=1}}^{{{n}}}"
        if self.model == "line":
            return mean + r"\left(w x_i + b - y_i\right)^{2}"
        return (
            "-" + mean + r"\left[y_i \log \sigma\left(w x_i + b\right)"
            r" + \left(1 - y_i\right) \log\left(1 - \sigma\left(w x_i + b\right)\right)\right]"
        )

    @cached_property
    def expr(self) -> sympy.Expr:
        """The exact loss, a sympy expression in w and b."""
        w, b = self.symbols
        terms = []
        for x, y in self.data:
            z = w * _exact(x) + b
            if self.model == "line":
                terms.append((z - _exact(y)) ** 2)
            else:
                terms.append(softplus(-z) if y == 1.0 else softplus(z))
        return sympy.Add(*terms) / len(terms)

    # -- numeric (the same formulas in numpy) ---------------------------------------------
    def _value(self, w: Any, b: Any) -> np.ndarray:
        w, b = np.broadcast_arrays(np.asarray(w, dtype=float), np.asarray(b, dtype=float))
        if w.size * len(self._x) <= _VECTORISE_LIMIT:
            z = w[..., None] * self._x + b[..., None]
            return np.mean(self._point_losses(z, self._y, self._sign), axis=-1)
        total = np.zeros(w.shape)
        for x, y, sign in zip(self._x, self._y, self._sign):
            total += self._point_losses(w * x + b, y, sign)
        return total / len(self._x)

    def _point_losses(self, z, y, sign):
        if self.model == "line":
            return (z - y) ** 2
        return np.logaddexp(0.0, sign * z)

    def _value_and_gradient(self, w: float, b: float) -> list[float]:
        z = w * self._x + b
        n = len(self._x)
        if self.model == "line":
            residual = z - self._y
            value = float(residual @ residual) / n
            slope = 2.0 * residual  # dL_i/dz
        else:
            value = float(np.logaddexp(0.0, self._sign * z).sum()) / n
            slope = _np_sigmoid(z) - self._y
        return [value, float(slope @ self._x) / n, float(slope.sum()) / n]

    def _hessian(self, w: float, b: float) -> list[list[float]]:
        if self.model == "line":
            curvature = np.full(len(self._x), 2.0)
        else:
            s = _np_sigmoid(w * self._x + b)
            curvature = s * (1.0 - s)
        ww = np.mean(curvature * self._x * self._x)
        wb = np.mean(curvature * self._x)
        return [[ww, wb], [wb, np.mean(curvature)]]

    def __repr__(self) -> str:
        part = "" if self.indices is None else f", indices={self.indices!r}"
        return f"{'line_loss' if self.model == 'line' else 'neuron_loss'}({len(self.data)} points{part})"


def line_loss(data: Any) -> DataLoss:
    """The mean squared error of the line y = w*x + b on ``data``, a field over (w, b):
    ``mean((w*x + b - y)**2)``.

    Raises ValueError naming the bad point for fewer than 2 or more than 200 points, or a
    coordinate that is not a finite number (or beyond 1e6 in size).

    >>> loss = line_loss([(1, 2), (3, 4)])
    >>> loss.expr
    (b + w - 2)**2/2 + (b + 3*w - 4)**2/2
    >>> loss.gradient((0.0, 0.0)).tolist()
    [-14.0, -6.0]
    """
    return DataLoss("line", data)


def neuron_loss(data: Any) -> DataLoss:
    """The mean cross-entropy of one sigmoid neuron on labelled ``data`` ((x, label) pairs,
    labels 0 or 1), a field over (w, b): with s = sigmoid(w*x + b), the mean of
    ``-(y*log(s) + (1 - y)*log(1 - s))``, written exactly as softplus(-(w*x + b)) for a
    label 1 and softplus(w*x + b) for a label 0, so it is finite for any w and b.

    >>> loss = neuron_loss([(0.5, 1), (-2, 0)])
    >>> loss.expr
    softplus(-b - w/2)/2 + softplus(b - 2*w)/2
    >>> [round(g, 6) for g in loss.gradient((0.0, 0.0)).tolist()]
    [-0.625, 0.0]
    """
    return DataLoss("neuron", data)


def line_fit(data: Any) -> tuple[float, float]:
    """The least-squares line ``(w, b)`` through ``data``, where :func:`line_loss` is
    lowest, computed in exact fractions of the given floats and rounded once.

    Raises ValueError when every point has the same x (no single best line).

    >>> line_fit([(0, 0), (1, 1), (2, 4)])
    (2.0, -0.3333333333333333)
    """
    points = check_data(data)
    xs = [Fraction(float(x)) for x in points[:, 0]]
    ys = [Fraction(float(y)) for y in points[:, 1]]
    n = len(xs)
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    spread = sum((x - mean_x) ** 2 for x in xs)
    if spread == 0:
        raise ValueError(f"every point has x = {float(xs[0])!r}: no single best line (any line through them is as good)")
    w = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys)) / spread
    return float(w), float(mean_y - w * mean_x)


def label_split(data: Any) -> int:
    """Which way one x parts the labels of ``data`` ((x, label) pairs): +1 when every
    label-1 point is at or right of every label-0 point, -1 when at or left of them, 0 when
    the labels overlap. A split means :func:`neuron_loss` has no lowest point: along
    ``(w, b) = t (1, -c)`` (``t (-1, c)`` for -1), c the x that parts them, the loss keeps
    falling as t grows, towards its infimum (0 for a clean split; points of both labels at
    c itself each keep log 2). Both labels must be present.

    >>> label_split([(0, 0), (1, 1)]), label_split([(0, 1), (1, 0)]), label_split([(0, 0), (1, 1), (2, 0)])
    (1, -1, 0)
    >>> label_split([(0, 0), (1, 0), (1, 1), (2, 1)])  # both labels at x = 1: still split
    1
    """
    points = check_data(data, labels=True)
    zeros, ones = points[points[:, 1] == 0.0, 0], points[points[:, 1] == 1.0, 0]
    if not len(zeros) or not len(ones):
        raise ValueError("the labels must include both 0 and 1 to be split")
    if zeros.max() <= ones.min():
        return 1
    if ones.max() <= zeros.min():
        return -1
    return 0


def neuron_fit(data: Any) -> tuple[float, float] | None:
    """The ``(w, b)`` where :func:`neuron_loss` of ``data`` is lowest, or None when it has
    no lowest point (one x parts the labels, :func:`label_split`).

    Otherwise the loss is strictly convex and grows in every direction, so it has exactly
    one minimum; Newton's method with a backtracking line search finds it on the data
    centred and scaled (x' = (x - m) / s, the same loss in w' = w s, b' = b + w m), so data
    of any size (1e-6 or 1e6) converges alike, to float precision.

    >>> w, b = neuron_fit([(-1, 0), (0, 1), (1, 0), (2, 1)])
    >>> round(w, 6), round(b, 6)
    (0.908184, -0.454092)
    >>> neuron_fit([(0, 0), (1, 1)]) is None
    True
    """
    points = check_data(data, labels=True)
    if label_split(points) != 0:
        return None
    xs = points[:, 0]
    middle = float(np.mean(xs))
    size = float(np.max(np.abs(xs - middle)))
    scaled = np.column_stack([(xs - middle) / size, points[:, 1]])
    loss = DataLoss("neuron", scaled, _checked=True)
    here = np.zeros(2)
    value, *gradient = loss._value_and_gradient(*here)
    for _ in range(200):
        g = np.array(gradient)
        hessian = np.array(loss._hessian(*here))
        step = -np.linalg.solve(hessian, g)
        decrement = float(-g @ step)  # the Newton decrement squared
        if decrement <= 1e-30 * max(1.0, abs(value)):
            break
        t = 1.0
        while True:
            trial = here + t * step
            new_value, *new_gradient = loss._value_and_gradient(*trial)
            if new_value <= value - 0.25 * t * decrement or t < 1e-12:
                break
            t *= 0.5
        if np.array_equal(trial, here):
            break
        here, value, gradient = trial, new_value, new_gradient
    w_scaled, b_scaled = (float(v) for v in here)
    w = w_scaled / size
    return w, b_scaled - w * middle


def _check_whole(name: str, value: Any, low: int, high: int | None, extra: str = "") -> int:
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)) or value < low or (
        high is not None and value > high
    ):
        span = f"from {low} to {high}{extra}" if high is not None else f"of at least {low}"
        raise ValueError(f"{name} must be a whole number {span}, got {value!r}")
    return int(value)


def batch_indices(count: int, batch_size: int, seed: int) -> Iterator[tuple[int, ...]]:
    """Endless mini-batches of the indices 0..count-1, reproducible from ``seed``.

    Each epoch shuffles the points afresh (a numpy Generator seeded once) and deals them out
    ``batch_size`` at a time, without replacement; when ``batch_size`` does not divide
    ``count`` the few points left over sit that epoch out. Every batch has exactly
    ``batch_size`` distinct indices, in sorted order.

    >>> batches = batch_indices(5, 2, seed=1)
    >>> [next(batches) for _ in range(3)]
    [(0, 4), (1, 2), (0, 3)]
    """
    count = _check_whole("count", count, MIN_POINTS, MAX_POINTS)
    batch_size = _check_whole("batch_size", batch_size, 1, count, " (the number of points)")
    seed = _check_whole("seed", seed, 0, None)
    return _deal(count, batch_size, np.random.default_rng(seed))


def _deal(count: int, batch_size: int, rng: np.random.Generator) -> Iterator[tuple[int, ...]]:
    per_epoch = count // batch_size
    while True:
        order = rng.permutation(count)
        for k in range(per_epoch):
            yield tuple(sorted(int(i) for i in order[k * batch_size : (k + 1) * batch_size]))


_CACHE_SIZE = 512


def minibatches(
    data: Any, batch_size: int, seed: int, loss: Callable[[Any], SymbolicFunction] = line_loss
) -> Iterator[SymbolicFunction]:
    """An endless stream of mini-batch losses for stochastic gradient descent: the k-th is
    ``loss`` on the k-th batch of :func:`batch_indices` (the same seed gives the same
    batches). Pass it as ``batches`` to :func:`mathcore.descend`.

    ``loss`` is :func:`line_loss`, :func:`neuron_loss` or any callable data -> field; the
    two built in make each batch's loss without sympy (a :class:`DataLoss` whose
    ``indices`` say which points it holds); any other is called once per distinct batch
    (the last 512 are kept).

    Raises ValueError for bad data (as ``loss`` raises it), a ``batch_size`` outside
    1..len(data), or a ``seed`` that is not a whole number >= 0.

    >>> stream = minibatches([(0, 1), (1, 3), (2, 5), (3, 7)], batch_size=2, seed=0)
    >>> first = next(stream)
    >>> first.indices, len(first.data)
    ((0, 2), 2)
    """
    if not callable(loss):
        raise TypeError(f"loss must be a callable data -> loss such as line_loss, not {type(loss).__name__}")
    if loss in (line_loss, neuron_loss):
        full = loss(data)
        count, make = len(full.data), full.subset
    else:
        points = check_data(data, labels=False) if not isinstance(data, np.ndarray) else np.asarray(data, dtype=float)
        count = len(points)
        cache: OrderedDict[tuple[int, ...], SymbolicFunction] = OrderedDict()

        def make(indices: tuple[int, ...]) -> SymbolicFunction:
            if indices in cache:
                cache.move_to_end(indices)
                return cache[indices]
            made = cache[indices] = loss([tuple(points[i]) for i in indices])
            if len(cache) > _CACHE_SIZE:
                cache.popitem(last=False)
            return made

    batches = batch_indices(count, batch_size, seed)
    return (make(indices) for indices in batches)
