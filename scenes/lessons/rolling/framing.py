"""The view a rolling lesson shows: the teacher's ranges, widened to hold the walk.

:func:`framed_ranges` is pure arithmetic on the walks' points (no manim); the scenes call it
through :func:`scenes.lessons.rolling.roll.frame_walks` when ``fit_walk`` is on.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

__all__ = ["WIDEN_LIMIT", "framed_ranges"]

#: A view may be widened to hold a walk up to this many times its size along each side.
WIDEN_LIMIT = 2.0


def framed_ranges(
    walks: Sequence[np.ndarray],
    n_range: Sequence[float],
    e_range: Sequence[float],
    limit: float = WIDEN_LIMIT,
) -> tuple[tuple[float, float], tuple[float, float]]:
    """``n_range`` and ``e_range`` widened to hold every point of ``walks`` (each a (k, 2)
    array), each side to at most ``limit`` times its size; the ranges as given when that is
    not enough for some walk (then the lesson tells only the part of it that is drawn).

    The new ends are rounded outwards to a step of 1, 2 or 5 x 10^k of the old side.

    >>> framed_ranges([np.array([[-4.0, 4.0], [-1.9, 5.5], [1.0, 3.0]])], (-5, 5), (-5, 5))
    ((-5.0, 5.0), (-5.0, 6.0))
    """
    ranges = [(float(n_range[0]), float(n_range[1])), (float(e_range[0]), float(e_range[1]))]
    points = np.vstack([np.asarray(w, dtype=float).reshape(-1, 2) for w in walks]) if len(walks) else np.zeros((0, 2))
    if not points.size or not np.all(np.isfinite(points)):
        return ranges[0], ranges[1]
    widened = []
    for axis, (low, high) in enumerate(ranges):
        least, most = float(points[:, axis].min()), float(points[:, axis].max())
        if low <= least and most <= high:
            widened.append((low, high))
            continue
        step = _round_step((high - low) / 10)
        new_low = min(low, math.floor(least / step) * step)
        new_high = max(high, math.ceil(most / step) * step)
        if new_high - new_low > limit * (high - low) * (1 + 1e-12):
            return ranges[0], ranges[1]
        widened.append((float(new_low), float(new_high)))
    return widened[0], widened[1]


def _round_step(size: float) -> float:
    """The smallest of 1, 2 or 5 x 10^k at least ``size``."""
    power = 10.0 ** math.floor(math.log10(size))
    return next(m * power for m in (1.0, 2.0, 5.0, 10.0) if m * power >= size * (1 - 1e-12))
