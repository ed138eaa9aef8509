"""Sample a function of one variable for plotting, in finite, continuous pieces.

A naive plot of ``1/x`` or ``tan(x)`` joins the last point before a pole to the first one
after it with a steep false line, and a plot of ``log(x)`` over ``[-2, 2]`` is half NaN.
:func:`sample_pieces` returns only the pieces of the graph that really are there: it cuts
at undefined points, at poles and at jumps, and optionally at a window of y values.

A jump between two neighbouring samples is told apart from a steep but continuous rise by
bisection: for a continuous function the change across a shrinking interval shrinks with
it, across a pole or a step it does not. All intervals are refined at once, vectorised.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

__all__ = ["DomainError", "sample_pieces", "find_breaks", "locate_breaks", "clip_pieces", "robust_range"]

Pieces = list[tuple[np.ndarray, np.ndarray]]


class DomainError(ValueError):
    """A function with no finite value where one was needed."""


def find_breaks(
    f: Callable[[np.ndarray], np.ndarray], xs: np.ndarray, ys: np.ndarray, rounds: int = 24
) -> np.ndarray:
    """Indices ``i`` such that the graph is not continuous between ``xs[i]`` and ``xs[i+1]``.

    Both ends of every tested interval must be finite. An interval breaks if, after
    ``rounds`` bisections that each keep the half with the larger change, the change is
    still at least half of what it was, or a midpoint was undefined.
    """
    return locate_breaks(f, xs, ys, rounds)[0]


def locate_breaks(
    f: Callable[[np.ndarray], np.ndarray], xs: np.ndarray, ys: np.ndarray, rounds: int = 24
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`find_breaks` with where each break is: ``(indices, low, high)``, the final
    intervals (after ``rounds`` halvings) that hold the breaks.

    This is not a sign bracket (it keeps the half with the larger change, not the half
    where a sign changes), so it does not go through :func:`mathcore.roots.refine_brackets`.
    """
    both = np.isfinite(ys[:-1]) & np.isfinite(ys[1:])
    idx = np.flatnonzero(both)
    if idx.size == 0:
        return idx, np.zeros(0), np.zeros(0)
    a, b = xs[idx].copy(), xs[idx + 1].copy()
    fa, fb = ys[idx].copy(), ys[idx + 1].copy()
    start_jump = np.abs(fb - fa)
    broken = np.zeros(idx.size, dtype=bool)
    scale = 1e-9 * (1.0 + np.nanmax(np.abs(ys[np.isfinite(ys)])))
    for _ in range(rounds):
        mid = 0.5 * (a + b)
        fm = f(mid)
        broken |= ~np.isfinite(fm)
        fm = np.where(np.isfinite(fm), fm, fa)
        left = np.abs(fm - fa) >= np.abs(fb - fm)
        b = np.where(left, mid, b)
        fb = np.where(left, fm, fb)
        a = np.where(left, a, mid)
        fa = np.where(left, fa, fm)
    end_jump = np.abs(fb - fa)
    broken |= (end_jump >= 0.5 * start_jump) & (end_jump > scale)
    return idx[broken], a[broken], b[broken]


def sample_pieces(
    f: Callable[[np.ndarray], np.ndarray],
    x_range: tuple[float, float],
    num: int = 400,
    y_limits: tuple[float, float] | None = None,
    name: str = "f",
) -> Pieces:
    """The finite, continuous pieces of the graph of ``f`` over ``x_range``.

    Parameters
    ----------
    f : callable
        Vectorised; returns NaN where undefined.
    x_range : (float, float)
        The interval, ``x_min < x_max``.
    num : int
        Number of samples over the whole interval.
    y_limits : (float, float), optional
        Also cut the pieces where they leave this band of y values, ending each cut piece
        exactly on the band's edge.
    name : str
        How the function is named in the error message.

    Returns
    -------
    list of (xs, ys)
        Each piece has at least two points, all finite and within ``y_limits``.

    Raises
    ------
    DomainError
        If no two neighbouring samples are finite in the range.
    """
    x_min, x_max = float(x_range[0]), float(x_range[1])
    if not (np.isfinite(x_min) and np.isfinite(x_max) and x_min < x_max):
        raise ValueError(f"x_range must be two finite numbers, low < high; got {x_range!r}")
    if num < 2:
        raise ValueError(f"num must be at least 2, got {num}")
    xs = np.linspace(x_min, x_max, int(num))
    ys = f(xs)
    cut_after = np.zeros(xs.size - 1, dtype=bool)
    cut_after[find_breaks(f, xs, ys)] = True
    pieces = _split(xs, ys, cut_after)
    if y_limits is not None:
        pieces = clip_pieces(pieces, y_limits, f)
    if not pieces:
        where = f"[{x_min:g}, {x_max:g}]"
        extra = "" if y_limits is None else f" within y in [{y_limits[0]:g}, {y_limits[1]:g}]"
        raise DomainError(f"{name} has no finite values on {where}{extra}")
    return pieces


def _split(xs: np.ndarray, ys: np.ndarray, cut_after: np.ndarray) -> Pieces:
    finite = np.isfinite(ys)
    # A new piece starts after every cut and at every undefined sample.
    joined = finite[:-1] & finite[1:] & ~cut_after
    pieces: Pieces = []
    start = None
    for i in range(xs.size):
        if start is None:
            if finite[i]:
                start = i
            continue
        if not joined[i - 1]:
            if i - start >= 2:
                pieces.append((xs[start:i], ys[start:i]))
            start = i if finite[i] else None
    if start is not None and xs.size - start >= 2:
        pieces.append((xs[start:], ys[start:]))
    return pieces


def clip_pieces(
    pieces: Pieces, y_limits: tuple[float, float], f: Callable[[np.ndarray], np.ndarray] | None = None
) -> Pieces:
    """Cut each piece where it leaves ``y_limits``, ending on the band's edge.

    Where the piece crosses the edge is interpolated linearly between the samples; given
    the function ``f``, it is then moved onto the curve (f = edge) by the bracketing
    primitive :func:`mathcore.roots.refine_brackets`, so the cut end lies on the graph.
    """
    low, high = float(y_limits[0]), float(y_limits[1])
    if not low < high:
        raise ValueError(f"y_limits must be low < high, got {y_limits!r}")
    result: Pieces = []
    for xs, ys in pieces:
        inside = (ys >= low) & (ys <= high)
        n = xs.size
        i = 0
        while i < n:
            if not inside[i]:
                i += 1
                continue
            j = i
            while j + 1 < n and inside[j + 1]:
                j += 1
            px, py = list(xs[i : j + 1]), list(ys[i : j + 1])
            if i > 0:  # entered the band between i-1 and i
                edge = high if ys[i - 1] > high else low
                px.insert(0, _cross(xs[i - 1], ys[i - 1], xs[i], ys[i], edge, f))
                py.insert(0, edge)
            if j + 1 < n:  # leaves the band between j and j+1
                edge = high if ys[j + 1] > high else low
                px.append(_cross(xs[j], ys[j], xs[j + 1], ys[j + 1], edge, f))
                py.append(edge)
            if len(px) >= 2:
                result.append((np.array(px), np.array(py)))
            i = j + 1
    return result


def _cross(x0: float, y0: float, x1: float, y1: float, level: float, f=None) -> float:
    """Where the piece between (x0, y0) and (x1, y1) meets ``level``: on the line between
    the samples, or on the curve ``f`` when given (regula falsi from the samples)."""
    if y1 == y0:
        return float(x0)
    linear = float(x0 + (level - y0) * (x1 - x0) / (y1 - y0))
    if f is None:
        return linear
    from .roots import refine_brackets

    found = refine_brackets(lambda x: np.asarray(f(x), dtype=float) - level, np.array([x0]), np.array([x1]),
                            np.array([y0 - level]), np.array([y1 - level]), rounds=8, method="illinois")
    x = float(found.x[0])
    return x if np.isfinite(x) and min(x0, x1) <= x <= max(x0, x1) else linear


def robust_range(values: np.ndarray, keep: float = 0.98) -> tuple[float, float]:
    """The span of the finite ``values``, ignoring the tails near a pole.

    When the values stay bounded the full span is returned; when a few of them shoot off
    (a pole), the central ``keep`` fraction is used instead.
    """
    finite = np.asarray(values, dtype=float)
    finite = finite[np.isfinite(finite)]
    if finite.size == 0:
        raise DomainError("no finite values to take a range of")
    low, high = float(finite.min()), float(finite.max())
    q_low, q_high = np.quantile(finite, [(1 - keep) / 2, 1 - (1 - keep) / 2])
    core = max(float(q_high - q_low), 1e-12)
    if high - low > 10 * core:  # heavy tails: a pole or near-pole
        low, high = float(q_low), float(q_high)
    return low, high
