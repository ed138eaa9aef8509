"""The walk of a model's parameters (w, b) down its loss, and the map that shows it.

What :class:`~scenes.lessons.fit_line.scene.FitALine` and
:class:`~scenes.lessons.neuron.scene.OneNeuron` share below the picture: the loss of the data
(:func:`mathcore.line_loss` or :func:`mathcore.neuron_loss`, exact ScalarFields over
``("w", "b")``), mathcore's walk on it (:func:`mathcore.descend` with plain steps,
:func:`mathcore.sgd`; with ``batch_size`` set, each step on a seeded random mini-batch,
:func:`mathcore.minibatches`, while the values recorded are the full loss's), and the
rectangle of (w, b) the map shows (:func:`map_ranges`).

Nothing here imports manim and nothing here computes a loss or a gradient: the numbers are
mathcore's.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from mathcore import DescentPath, ScalarField, descend, minibatches, sgd

__all__ = ["FitWalk", "map_ranges", "shown_steps", "walk_data"]

#: The map holds the start and the walk's end (or the best fit); it is widened to hold the
#: rest of the walk up to this many times that size each way, else the walk is cut where it
#: leaves the map (and the captions say so).
WIDEN_LIMIT = 3.0


@dataclass(frozen=True)
class FitWalk:
    """A walk down the loss of some data.

    Attributes
    ----------
    loss : ScalarField
        The full loss over ``("w", "b")``.
    path : DescentPath
        mathcore's walk; its values are the full loss at each point (also with batches).
    batch_size : int or None
        Points per step (None: every point, plain gradient descent).
    count : int
        How many data points there are.
    data : tuple of (float, float)
        The points.
    """

    loss: ScalarField
    path: DescentPath
    batch_size: int | None
    count: int
    data: tuple = ()

    @property
    def stochastic(self) -> bool:
        """True when each step used a random mini-batch smaller than the data."""
        return self.batch_size is not None and self.batch_size < self.count


def walk_data(
    data: Sequence[Sequence[float]],
    loss_of: Callable[[Sequence[Sequence[float]]], ScalarField],
    start: Sequence[float],
    learning_rate: float,
    max_steps: int,
    tolerance: float,
    batch_size: int | None = None,
    seed: int = 0,
) -> FitWalk:
    """mathcore's walk from ``start`` down the loss ``loss_of(data)``.

    With ``batch_size`` (less than the number of points) each step uses the gradient of a
    seeded random mini-batch's loss (:func:`mathcore.minibatches`); the path records the
    full loss, and mathcore judges convergence on the full gradient.
    """
    loss = loss_of(data)
    batches = None
    size = None if batch_size is None else int(batch_size)
    if size is not None and size < len(data):
        batches = minibatches(data, size, int(seed), loss=loss_of)
    path = descend(loss, tuple(float(v) for v in start), sgd(float(learning_rate)), max_steps=int(max_steps), tolerance=float(tolerance), batches=batches)
    return FitWalk(loss, path, size, len(data), tuple((float(x), float(y)) for x, y in data))


def _round_out(low: float, high: float) -> tuple[float, float]:
    """``[low, high]`` rounded outwards to a step of 1, 2 or 5 x 10^k (about a tenth of it)."""
    span = max(high - low, 1e-9)
    power = 10.0 ** math.floor(math.log10(span / 8))
    step = next(m * power for m in (1.0, 2.0, 5.0, 10.0) if m * power >= span / 8 * (1 - 1e-12))
    return float(f"{math.floor(low / step) * step:.12g}"), float(f"{math.ceil(high / step) * step:.12g}")


def map_ranges(points: np.ndarray, anchors: Sequence[Sequence[float]], pad: float = 0.15) -> tuple[tuple[float, float], tuple[float, float]]:
    """The (w, b) rectangle of the map: it holds the ``anchors`` (the start, and the best fit
    or the walk's end) padded by ``pad`` of their size, widened to hold the walk's ``points``
    up to :data:`WIDEN_LIMIT` times that size each way. Each side spans at least 1.

    >>> map_ranges(np.array([[0.0, 0.0], [1.0, 0.5], [2.0, 1.0]]), [(0, 0), (2, 1)])
    ((-0.5, 2.5), (-0.5, 1.5))
    """
    anchors = np.asarray(anchors, dtype=float).reshape(-1, 2)
    anchors = anchors[np.isfinite(anchors).all(axis=1)]
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    points = points[np.isfinite(points).all(axis=1)]
    ranges = []
    for axis in range(2):
        low, high = float(anchors[:, axis].min()), float(anchors[:, axis].max())
        span = max(high - low, 1.0)
        middle = 0.5 * (low + high)
        low, high = min(low, middle - 0.5 * span) - pad * span, max(high, middle + 0.5 * span) + pad * span
        if points.size:
            least, most = float(points[:, axis].min()), float(points[:, axis].max())
            limit = WIDEN_LIMIT * (high - low)
            least, most = max(least, middle - limit), min(most, middle + limit)
            low, high = min(low, least - 0.05 * (most - least)), max(high, most + 0.05 * (most - least))
        ranges.append(_round_out(low, high))
    return ranges[0], ranges[1]


def shown_steps(points: np.ndarray, w_range: Sequence[float], b_range: Sequence[float]) -> int:
    """How many steps of the walk, from the start, stay on the map (a walk that has left
    is not shown again even if it comes back).

    >>> shown_steps(np.array([[0.0, 0.0], [1.0, 1.0], [9.0, 0.0], [0.5, 0.5]]), (-2, 2), (-2, 2))
    1
    """
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    inside = (
        np.isfinite(points).all(axis=1)
        & (points[:, 0] >= w_range[0]) & (points[:, 0] <= w_range[1])
        & (points[:, 1] >= b_range[0]) & (points[:, 1] <= b_range[1])
    )
    outside = np.flatnonzero(~inside)
    return max(int(outside[0] if outside.size else inside.size) - 1, 0)
