"""The critical points of a curve and the y range that shows them.

A critical point of y = f(x) is where the tangent is flat (f' = 0) or where f is
continuous but f' changes sign without a value (a corner such as ``abs(x)`` at 0). Each
is found from the exact derivative by the one bracketing solver of
:mod:`mathcore.roots` and judged by what f' does across it:

* ``"minimum"`` / ``"maximum"``: f' changes sign, from - to + / from + to -;
* ``"inflection"``: f' touches zero and keeps its sign (x³ at 0): f goes on the same way;
* ``"plateau"``: f' is exactly zero along a stretch (a constant piece); the middle is given.

A sign change of f' across a pole or a jump of f itself (``1/x**2`` at 0) is no critical
point. :func:`feature_range` uses the critical points to choose a y range that shows the
shape of the curve rather than its steepest end.

Examples
--------
>>> from mathcore import Curve
>>> [(p.x, p.kind) for p in Curve("x**3/3 - x").critical_points((-2, 2))]
[(-1.0, 'maximum'), (1.0, 'minimum')]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .roots import scale_of, sign_changes, touching_zeros
from .sampling import DomainError, robust_range

if TYPE_CHECKING:
    from .curves import Curve

__all__ = ["KINDS", "CriticalPoint", "critical_points", "feature_range", "nearest_critical_point"]

#: The kinds of critical point, as :attr:`CriticalPoint.kind` names them.
KINDS = ("minimum", "maximum", "inflection", "plateau")

#: How far beyond its features a steep end may reach, in spans of the features.
FEATURE_MARGIN = 2.0


@dataclass(frozen=True)
class CriticalPoint:
    """A point where the tangent is flat or the slope changes sign at a corner.

    Attributes
    ----------
    x : float
        Where it is.
    value : float
        f(x).
    kind : str
        One of :data:`KINDS`.
    sharp : bool
        True at a corner or a cusp: f is continuous but f' jumps across 0 or has no
        value, so there is no flat tangent. False where f'(x) = 0.
    """

    x: float
    value: float
    kind: str
    sharp: bool = False

    @property
    def turning(self) -> bool:
        """True for a minimum or maximum: f turns round (rising to falling or back)."""
        return self.kind in ("minimum", "maximum")


def critical_points(
    curve: Curve, x_range: tuple[float, float], num: int = 801, tolerance: float = 1e-9
) -> tuple[CriticalPoint, ...]:
    """The critical points of ``curve`` inside ``x_range``, sorted by x.

    Parameters
    ----------
    curve : Curve
    x_range : (float, float)
        The interval, low < high.
    num : int
        Samples of f'; critical points closer together than the sample step may be missed.
    tolerance : float
        A touching zero of f' counts when |f'| there is at most ``tolerance`` times the
        largest |f'| sampled (so ``x**3 + x/1000`` has no flat point on (-1, 1)).
    """
    slope = curve.derivative.evaluate
    step = (float(x_range[1]) - float(x_range[0])) / (int(num) - 1)
    found: list[CriticalPoint] = []
    for change in sign_changes(slope, x_range, num):
        kind = "minimum" if change.rising else "maximum"
        if change.kind == "root":
            found.append(CriticalPoint(change.x, float(curve(change.x)), kind))
            continue
        before, after = curve(change.low), curve(change.high)
        continuous = np.isfinite(before) and np.isfinite(after) and abs(after - before) <= 1e-6 * (1 + abs(before))
        if continuous:  # a corner or a cusp of f
            value = curve(change.x)
            found.append(CriticalPoint(change.x, float(value if np.isfinite(value) else after), kind, sharp=True))
    taken = [p.x for p in found]
    others = [(x, "inflection") for x in touching_zeros(slope, x_range, num, tolerance)]
    others += _zero_runs(curve, x_range, num)
    for x, kind in others:
        if all(abs(x - t) >= step for t in taken) and np.isfinite(curve(x)):
            found.append(CriticalPoint(float(x), float(curve(x)), kind))
            taken.append(x)
    return tuple(sorted(found, key=lambda p: p.x))


def _zero_runs(curve: Curve, x_range: tuple[float, float], num: int) -> list[tuple[float, str]]:
    """Runs of samples where f' is exactly 0 and keeps its sign on both sides (or meets an
    end): one sample is an inflection hit on the grid, a longer run a plateau."""
    xs = np.linspace(float(x_range[0]), float(x_range[1]), int(num))
    ys = curve.derivative.evaluate(xs)
    zero = ys == 0
    edges = np.flatnonzero(np.diff(np.concatenate(([0], zero.astype(np.int8), [0]))))
    runs = []
    for first, end in zip(edges[::2], edges[1::2], strict=True):
        left = ys[first - 1] if first > 0 else np.nan
        right = ys[end] if end < xs.size else np.nan
        if np.isfinite(left) and np.isfinite(right) and np.sign(left) != np.sign(right):
            continue  # a sign change: reported by the solver
        kind = "inflection" if end - first == 1 and np.isfinite(left) and np.isfinite(right) else "plateau"
        runs.append((float(0.5 * (xs[first] + xs[end - 1])), kind))
    return runs


def feature_range(curve: Curve, x_range: tuple[float, float], num: int = 2001) -> tuple[float, float]:
    """A span of y values that shows the shape of ``curve`` over ``x_range``.

    It holds every critical point's value and, as :meth:`Curve.value_range`, the values of
    f (ignoring the runaway tails near a pole). When the curve has critical points at
    different heights, a steep end is cut at :data:`FEATURE_MARGIN` times their span above
    the highest (or below the lowest) of them, so both wells of ``w**4 - 3*w**2`` stay
    visible on (-2.5, 2.5). With one critical point or none (a bowl, ``exp``, a sigmoid)
    the whole graph is shown, so a steep bowl and a gentle one look alike and differ only
    in the numbers on the axis.

    Raises :class:`DomainError` if f has no finite value on ``x_range``.
    """
    xs = np.linspace(float(x_range[0]), float(x_range[1]), int(num))
    try:
        low, high = robust_range(curve.evaluate(xs))
    except DomainError:
        raise DomainError(
            f"f({curve.variable}) = {curve.text} has no finite values on [{x_range[0]:g}, {x_range[1]:g}]"
        ) from None
    heights = [p.value for p in critical_points(curve, x_range) if np.isfinite(p.value)]
    if not heights:
        return low, high
    f_low, f_high = min(heights), max(heights)
    low, high = min(low, f_low), max(high, f_high)
    span = f_high - f_low
    if span > 1e-12 * scale_of(np.array(heights)):
        low, high = max(low, f_low - FEATURE_MARGIN * span), min(high, f_high + FEATURE_MARGIN * span)
    return float(low), float(high)


def nearest_critical_point(curve: Curve, x0: float, radius: float) -> CriticalPoint | None:
    """The critical point closest to ``x0`` within ``radius``, or None."""
    points = critical_points(curve, (x0 - radius, x0 + radius), num=201)
    near = [p for p in points if abs(p.x - x0) <= radius]
    return min(near, key=lambda p: abs(p.x - x0)) if near else None

