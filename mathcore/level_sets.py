"""Level sets of a field of two variables, sampled on a grid: the lines where f = c.

A level set (contour line) joins the points (a, b) where f(a, b) has one value: seen from
above, the rings of a bowl or the valleys of Himmelblau's function.

* :class:`FieldSample` is f on a regular grid, NaN wherever f is undefined.
* :func:`trace_level` traces the lines of one level by marching squares, vectorised in
  numpy over the cells of the grid: each grid edge whose ends lie on both sides of the level
  gets one crossing point (linear interpolation, then a few regula-falsi steps on f along
  the edge, by mathcore's one bracketing primitive :func:`mathcore.roots.refine_brackets`), each cell joins its crossings by a table of 16 cases, and the segments are
  chained into polylines. A cell with an undefined corner (a pole, or outside the domain
  as ``log(n)`` for n <= 0) is skipped, so no point is ever NaN; a saddle cell (two
  opposite corners above the level) is decided by f at the cell's centre.
* :func:`spread_levels` picks well spread levels for a map of sampled values.

Examples
--------
>>> from mathcore import ScalarField
>>> hill = ScalarField("n**2 + e**2", variables=("n", "e"))
>>> (ring,) = hill.level_set(1.0, (-2, 2), (-2, 2))
>>> bool(abs(np.hypot(*ring.T) - 1).max() < 1e-9)
True
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .roots import refine_brackets
from .sampling import robust_range

if TYPE_CHECKING:
    from .fields import ScalarField

__all__ = ["REFINE_STEPS", "FieldSample", "check_range", "sample_field", "spread_levels", "trace_level"]

#: Regula-falsi steps that move each crossing onto the level (6 reach machine precision even
#: next to a pole, where the linear guess is off by a few percent).
REFINE_STEPS = 6


@dataclass(frozen=True, eq=False)
class FieldSample:
    """f on a regular grid.

    Attributes
    ----------
    a : (na,) array
        The first variable's sample values (along the columns).
    b : (nb,) array
        The second variable's sample values (along the rows).
    values : (nb, na) array
        ``values[i, j] = f(a[j], b[i])``; NaN where f is undefined (or overflows).
    """

    a: np.ndarray
    b: np.ndarray
    values: np.ndarray


def check_range(name: str, bounds: Sequence[float]) -> tuple[float, float]:
    """``bounds`` as two floats, or ``ValueError`` naming ``name`` unless finite and low < high."""
    try:
        low, high = float(bounds[0]), float(bounds[1])
    except (TypeError, ValueError, IndexError):
        raise ValueError(f"{name} must be two numbers (low, high); got {bounds!r}") from None
    if not (np.isfinite(low) and np.isfinite(high) and low < high):
        raise ValueError(f"{name} must be two finite numbers, low < high; got {tuple(bounds)!r}")
    return low, high


def _counts(resolution: int | tuple[int, int]) -> tuple[int, int]:
    na, nb = (resolution, resolution) if isinstance(resolution, (int, np.integer)) else resolution
    if int(na) < 2 or int(nb) < 2:
        raise ValueError(f"resolution must be at least 2 samples each way, got {resolution!r}")
    return int(na), int(nb)


def sample_field(
    field: ScalarField, a_range: Sequence[float], b_range: Sequence[float], resolution: int | tuple[int, int] = 50
) -> FieldSample:
    """f on a grid of ``resolution`` samples each way (or ``(na, nb)``), ends included."""
    na, nb = _counts(resolution)
    a = np.linspace(*check_range("a_range", a_range), na)
    b = np.linspace(*check_range("b_range", b_range), nb)
    return FieldSample(a, b, np.asarray(field.evaluate(a[None, :], b[:, None]), dtype=float))


def trace_level(field: ScalarField, sample: FieldSample, level: float, refine: int = REFINE_STEPS) -> tuple[np.ndarray, ...]:
    """The lines where f = ``level`` through the cells of ``sample``.

    Parameters
    ----------
    field : ScalarField
        The function sampled (evaluated again on saddle cells and to refine crossings).
    sample : FieldSample
    level : float
    refine : int
        Regula-falsi steps (Illinois variant) that move each crossing from the linear guess
        onto the level; 0 keeps the linear interpolation between the grid values.

    Returns
    -------
    tuple of (k, 2) arrays
        The (a, b) points of each line, all finite; a closed line ends with its first point
        repeated. Empty when f never crosses ``level`` in the sampled rectangle.
    """
    return tuple(_trace(field, sample.a, sample.b, sample.values, float(level), int(refine)))


def spread_levels(values: np.ndarray, count: int, spacing: float = 2.0) -> np.ndarray:
    """``count`` well spread levels for a map of the sampled ``values``.

    The rule: take the span [low, high] of the finite values, ignoring the tails when a pole
    makes them run off (:func:`mathcore.sampling.robust_range`: then the central 98 % of the
    values), and put level k (k = 1 .. count) at

        low + (high - low) * (k / (count + 1)) ** spacing.

    With ``spacing = 2`` the levels crowd towards the minimum: around a quadratic bowl
    their rings are evenly spaced in distance, and a function with a large range such as
    Himmelblau's (0 to about 900 on [-5, 5]^2) still gets a first level low enough (about
    11) to ring each of its four minima separately. ``spacing = 1`` spaces them evenly in value.

    Returns a strictly increasing ``(count,)`` array inside (low, high), empty if f is
    constant; raises :class:`~mathcore.DomainError` if no value is finite.
    """
    if int(count) < 1:
        raise ValueError(f"count must be at least 1, got {count}")
    if not spacing > 0:
        raise ValueError(f"spacing must be positive, got {spacing}")
    low, high = robust_range(np.asarray(values, dtype=float))
    if not high > low:
        return np.zeros(0)
    t = (np.arange(1, int(count) + 1) / (int(count) + 1)) ** float(spacing)
    return low + (high - low) * t


# Marching squares. Corners of a cell: 0 = (a0, b0), 1 = (a1, b0), 2 = (a1, b1), 3 = (a0, b1);
# edges: 0 bottom (corners 0-1), 1 right (1-2), 2 top (2-3), 3 left (3-0). The case of a cell
# is the sum of 2**k over its corners k above the level; each case joins up to two pairs of
# edges. Saddle cases 5 and 10 are listed for a centre below the level: with the centre
# above, case 5 joins its edges as case 10 does and vice versa.
_NO = (-1, -1)
_SEGMENTS = np.array(
    [
        (_NO, _NO), ((3, 0), _NO), ((0, 1), _NO), ((3, 1), _NO),
        ((1, 2), _NO), ((3, 0), (1, 2)), ((0, 2), _NO), ((3, 2), _NO),
        ((2, 3), _NO), ((0, 2), _NO), ((0, 1), (2, 3)), ((1, 2), _NO),
        ((1, 3), _NO), ((0, 1), _NO), ((3, 0), _NO), (_NO, _NO),
    ],
    dtype=int,
)  # fmt: skip


def _trace(field: ScalarField, a: np.ndarray, b: np.ndarray, z: np.ndarray, level: float, refine: int) -> list[np.ndarray]:
    """Marching squares on the sampled grid ``z[row (b), column (a)]``."""
    if not np.isfinite(level):
        return []
    nb, na = z.shape[0] - 1, z.shape[1] - 1
    finite = np.isfinite(z)
    above = finite & (z > level)
    low, high = slice(None, -1), slice(1, None)
    corners = [(low, low), (low, high), (high, high), (high, low)]  # (row, column) of corners 0..3
    case = sum(above[r, c].astype(int) << k for k, (r, c) in enumerate(corners))
    valid = np.logical_and.reduce([finite[r, c] for r, c in corners]) & (case > 0) & (case < 15)
    rows, cols = np.nonzero(valid)
    if rows.size == 0:
        return []
    case = case[rows, cols]
    saddle = np.flatnonzero((case == 5) | (case == 10))
    if saddle.size:  # decide by the value at the cell's centre (the corners' mean if undefined)
        r, c = rows[saddle], cols[saddle]
        centre = np.asarray(field.evaluate(0.5 * (a[c] + a[c + 1]), 0.5 * (b[r] + b[r + 1])), dtype=float)
        mean = 0.25 * (z[r, c] + z[r, c + 1] + z[r + 1, c + 1] + z[r + 1, c])
        centre = np.where(np.isfinite(centre), centre, mean)
        case[saddle] = np.where(centre > level, 15 - case[saddle], case[saddle])
    # Global ids of the cell's edges: horizontal edges first, then vertical ones.
    vertical = (nb + 1) * na
    left = vertical + rows * (na + 1) + cols
    edge_ids = np.stack([rows * na + cols, left + 1, (rows + 1) * na + cols, left], axis=1)
    pairs = _SEGMENTS[case]  # (cells, 2 segments, 2 edges)
    used = pairs[:, :, 0] >= 0
    cell = np.broadcast_to(np.arange(len(case))[:, None], used.shape)[used]
    segments = np.stack([edge_ids[cell, pairs[used][:, 0]], edge_ids[cell, pairs[used][:, 1]]], axis=1)
    nodes, local = np.unique(segments, return_inverse=True)
    local = local.reshape(-1, 2)
    points = _crossings(field, a, b, z, nodes, vertical, level, refine)
    tolerance = 1e-9 * max(a[1] - a[0], b[1] - b[0])  # crossings on a grid point meet there
    lines = []
    for chain in _chains(local, len(nodes)):
        line = points[chain]
        line = line[np.r_[True, np.abs(np.diff(line, axis=0)).max(axis=1) > tolerance]]
        if len(line) >= 2:
            lines.append(line)
    return lines


def _crossings(field, a, b, z, edges, vertical, level, refine) -> np.ndarray:
    """Where f = ``level`` on each grid edge in ``edges`` (ids as in :func:`_trace`)."""
    na = len(a) - 1
    is_v = edges >= vertical
    h_id, v_id = edges, edges - vertical
    r0 = np.where(is_v, v_id // (na + 1), h_id // na)
    c0 = np.where(is_v, v_id % (na + 1), h_id % na)
    r1, c1 = r0 + is_v, c0 + ~is_v
    z0, z1 = z[r0, c0], z[r1, c1]
    p0, p1 = np.column_stack([a[c0], b[r0]]), np.column_stack([a[c1], b[r1]])
    # Orient every edge from its end below the level (g <= 0) to its end above (g > 0).
    flip = z0 > level
    p0, p1 = np.where(flip[:, None], p1, p0), np.where(flip[:, None], p0, p1)
    g_low, g_high = np.where(flip, z1, z0) - level, np.where(flip, z0, z1) - level

    def along(t: np.ndarray) -> np.ndarray:  # f - level at the point t of the way along each edge
        point = p0 + t[:, None] * (p1 - p0)
        return np.asarray(field.evaluate(point[:, 0], point[:, 1]), dtype=float) - level

    zeros, ones = np.zeros(len(edges)), np.ones(len(edges))
    t = refine_brackets(along, zeros, ones, g_low, g_high, rounds=refine, method="illinois").x
    return p0 + t[:, None] * (p1 - p0)


def _chains(segments: np.ndarray, count: int) -> list[np.ndarray]:
    """Join segments between nodes into chains of node indices: open ones end to end, closed
    ones with their first node repeated. Every node has one or two segments."""
    ends = segments.ravel()
    others = segments[:, ::-1].ravel()
    order = np.argsort(ends, kind="stable")
    degree = np.bincount(ends, minlength=count)
    first = np.concatenate([[0], np.cumsum(degree)[:-1]])
    neighbours = np.full((count, 2), -1)
    neighbours[:, 0] = others[order[first]]
    two = degree == 2
    neighbours[two, 1] = others[order[first[two] + 1]]
    links = neighbours.tolist()
    seen = [False] * count
    chains: list[np.ndarray] = []
    starts = np.concatenate([np.flatnonzero(degree == 1), np.arange(count)]).tolist()
    for start in starts:  # open chains first (from an end), then the loops left over
        if seen[start]:
            continue
        chain, previous, node = [start], -1, start
        seen[start] = True
        while True:
            x, y = links[node]
            step = y if x == previous else x
            if step < 0:
                break
            if step == start:
                chain.append(start)
                break
            chain.append(step)
            seen[step] = True
            previous, node = node, step
        if len(chain) >= 2:
            chains.append(np.array(chain))
    return chains
