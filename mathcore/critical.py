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

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np

from .roots import merge_close, scale_of, sign_changes, touching_zeros
from .sampling import DomainError, robust_range

if TYPE_CHECKING:
    from .curves import Curve

__all__ = ["KINDS", "SPLITS", "CriticalPoint", "SignRun", "critical_points", "feature_range", "nearest_critical_point", "sign_runs"]

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



# -- the sign of the slope over an interval -------------------------------------------------

#: Why a run of :func:`sign_runs` starts or ends.
SPLITS = ("edge", "root", "corner", "pole", "jump", "gap", "plateau")

#: Degrees above which the exact (polynomial) path gives way to the sampled one.
EXACT_DEGREE = 60


@dataclass(frozen=True)
class SignRun:
    """A maximal stretch of an interval where the slope f' keeps one sign.

    Attributes
    ----------
    start, end : float
        The stretch (open: f' may be 0 or undefined at its ends).
    sign : int
        +1 (f rising), -1 (f falling), 0 (f' identically 0 there: f constant).
    touching : tuple of float
        Zeros of f' inside the run where it keeps its sign (v = 3(t - 2)² at t = 2):
        f is flat for an instant there but does not turn.
    opens, closes : str
        Why the run starts and ends, one of :data:`SPLITS`: ``"edge"`` an end of the
        interval, ``"root"`` f' crosses 0 (a smooth turn), ``"corner"`` f' jumps across 0
        while f is continuous (``abs`` at 0), ``"pole"`` f or f' runs off, ``"jump"`` f
        jumps, ``"gap"`` f or f' is undefined beyond, ``"plateau"`` a stretch where f' is
        identically 0 begins or ends.
    """

    start: float
    end: float
    sign: int
    touching: tuple[float, ...] = ()
    opens: str = "edge"
    closes: str = "edge"

    @property
    def length(self) -> float:
        return self.end - self.start


def sign_runs(
    curve: Curve, interval: tuple[float, float], num: int = 801, margin: float = 1e-9
) -> tuple[SignRun, ...]:
    """The maximal runs of ``interval`` where the slope f' of ``curve`` keeps one sign.

    Runs are split only at real sign changes of f' (a crossing or a corner), at poles, jumps
    and undefined stretches, and where an identically-zero stretch of f' starts or ends. A
    touching zero of f' (f' = 0 without changing sign) does not split: it is listed in the
    run's ``touching``. Stretches where f or f' is undefined belong to no run.

    When f is a rational function of its variable with rational coefficients (every
    polynomial typed with decimals), the zeros of f', their multiplicities and the poles
    are found exactly by sympy (isolating intervals of the square-free factors; an odd
    multiplicity changes sign, an even one touches), and each run's sign is the exact sign
    of f' at a rational point. Other functions go through the bracketing solver of
    :mod:`mathcore.roots` on ``num`` samples.

    Features closer than ``margin`` times the interval's width to one of its ends are
    ignored, so an interval that ends at a turn found to the last digit has no sliver run.

    Examples
    --------
    >>> from mathcore import Curve
    >>> [(r.sign, r.touching) for r in sign_runs(Curve("(t - 2)**3 + 1", variable="t"), (0, 4))]
    [(1, (2.0,))]
    >>> [(r.start, r.end, r.sign, r.closes) for r in sign_runs(Curve("t**2", variable="t"), (-1, 1))]
    [(-1.0, 0.0, -1, 'root'), (0.0, 1.0, 1, 'edge')]
    >>> [(r.sign, r.closes) for r in sign_runs(Curve("abs(t - 1)", variable="t"), (0, 3))]
    [(-1, 'corner'), (1, 'edge')]
    """
    a, b = float(interval[0]), float(interval[1])
    if not (np.isfinite(a) and np.isfinite(b) and a < b):
        raise ValueError(f"the interval must be two finite numbers, low < high; got {tuple(interval)!r}")
    if int(num) < 3:
        raise ValueError(f"num must be at least 3 samples, got {num}")
    features = _exact_features(curve, a, b)
    noise = 0.0
    if features is None:
        features = _sampled_features(curve, a, b, int(num))
        noise = (b - a) / (int(num) - 1)
    return _assemble(curve, a, b, features, margin * (b - a), noise)


@dataclass
class _Features:
    """What splits an interval: cut points with reasons, stretches with no run (undefined)
    or with sign 0 (f' identically 0), touching zeros, and how to read the sign of a run."""

    cuts: list[tuple[float, str]]
    holes: list[tuple[float, float]]
    flats: list[tuple[float, float]]
    touching: list[float]
    sign_between: object  # callable (lo, hi, avoid: list[float]) -> int


def _exact_features(curve: Curve, a: float, b: float) -> _Features | None:
    """The features of f' found exactly, or None when f is not a rational function with
    rational coefficients (or too large a one)."""
    import sympy

    t = curve.symbols[0]
    try:
        expr = sympy.nsimplify(curve.expr, rational=True)
        if not expr.is_rational_function(t):
            return None
        _, den_f = sympy.fraction(sympy.together(expr))
        num_d, den_d = sympy.fraction(sympy.cancel(sympy.together(sympy.diff(expr, t))))
        top, bottom, holes = (sympy.Poly(p, t) for p in (num_d, den_d, den_f))
    except (sympy.PolynomialError, sympy.SympifyError, TypeError, ValueError):
        return None
    if any(p.domain not in (sympy.ZZ, sympy.QQ) for p in (top, bottom, holes)):
        return None
    if max(top.degree(), bottom.degree(), holes.degree()) > EXACT_DEGREE:
        return None
    eps = sympy.Rational(1, 10**24)

    def real_roots(poly) -> list[tuple[float, int]]:
        if poly.degree() <= 0:
            return []
        return [(float((lo + hi) / 2), int(m)) for (lo, hi), m in poly.intervals(eps=eps)]

    cuts: list[tuple[float, str]] = []
    touching: list[float] = []
    if not top.is_zero:
        for x, multiplicity in real_roots(top):
            (cuts.append((x, "root")) if multiplicity % 2 else touching.append(x))
    poles = [x for x, _ in real_roots(bottom)]
    for x, _ in real_roots(holes):
        near_pole = any(abs(x - p) <= 1e-12 * (1 + abs(x)) for p in poles)
        cuts.append((x, "pole" if near_pole else "gap"))
    cuts += [(p, "pole") for p in poles if all(abs(p - c) > 1e-12 * (1 + abs(p)) for c, _ in cuts)]

    def sign_between(lo: float, hi: float, avoid: list[float]) -> int:
        if top.is_zero:
            return 0
        inside = sorted(x for x in avoid if lo < x < hi)
        q = (sympy.Rational(lo) + sympy.Rational(inside[0] if inside else hi)) / 2
        return int(sympy.sign(top.eval(q)) * sympy.sign(bottom.eval(q)))

    flats = [(a, b)] if top.is_zero else []
    return _Features(cuts, [], flats, touching, sign_between)


def _sampled_features(curve: Curve, a: float, b: float, num: int) -> _Features:
    """The features of f' from ``num`` samples and the bracketing solver."""
    from .roots import refine_brackets
    from .sampling import locate_breaks

    slope = curve.derivative.evaluate
    xs = np.linspace(a, b, num)
    ys, fs = slope(xs), curve.evaluate(xs)
    size = scale_of(ys)
    cuts: list[tuple[float, str]] = []

    def continuous(lo: float, hi: float) -> bool:  # f across a bracket shrunk to its limit
        before, after = curve(lo), curve(hi)
        return bool(np.isfinite(before) and np.isfinite(after) and abs(after - before) <= 1e-6 * (1 + abs(before)))

    for change in sign_changes(slope, (a, b), num):
        reason = change.kind
        if reason in ("jump", "pole"):  # f' jumps or runs off across 0: a corner or cusp if f holds
            reason = "corner" if continuous(change.low, change.high) else reason
        cuts.append((change.x, reason))
    # Poles and jumps where f' keeps its sign (1/t: f' = -1/t**2 on both sides).
    step = (b - a) / (num - 1)
    for values, function in ((ys, slope), (fs, curve.evaluate)):
        index, low, high = locate_breaks(function, xs, values, rounds=60)
        for i, lo, hi in zip(index, low, high, strict=True):
            if any(xs[i] <= x <= xs[i + 1] for x, _ in cuts):
                continue
            if continuous(lo, hi):
                continue  # f' jumps or runs off but keeps its sign while f holds: no split
            ends = np.abs(slope(np.array([lo, hi])))
            reason = "pole" if not np.all(np.isfinite(ends)) or ends.max() > 1e3 * size else "jump"
            cuts.append((float(0.5 * (lo + hi)), reason))
    # Undefined stretches: their edges by bisection on "f and f' are defined".
    defined = np.isfinite(ys) & np.isfinite(fs)

    def inside(x: np.ndarray) -> np.ndarray:
        return np.where(np.isfinite(slope(x)) & np.isfinite(curve.evaluate(x)), 1.0, -1.0)

    holes = []
    for first, end in _stretches(~defined):
        lo = a if first == 0 else _edge(inside, xs[first - 1], xs[first], refine_brackets)
        hi = b if end == num else _edge(inside, xs[end], xs[end - 1], refine_brackets)
        ends = slope(np.array([xs[first - 1] if first else a, xs[end] if end < num else b]))
        if hi - lo <= 4 * step and end - first == 1 and 0 < first and end < num and np.all(np.abs(ends) > 0):
            # One undefined sample between defined ones: a pole, a cusp or a hole on the grid.
            turns = np.sign(ends[0]) != np.sign(ends[1])
            if continuous(lo, hi):
                if turns:
                    cuts.append((float(xs[first]), "corner"))
                continue
            hair = slope(np.array([lo, hi]))
            runs_off = not np.all(np.isfinite(hair)) or np.max(np.abs(hair)) > 1e3 * size
            cuts.append((float(xs[first]), "pole" if runs_off else "gap"))
            continue
        holes.append((float(lo), float(hi)))
    # Stretches where f' is exactly 0: one sample touches, longer ones are flat.
    touching = list(touching_zeros(slope, (a, b), num))
    flats = []

    def nonzero(x: np.ndarray) -> np.ndarray:
        return np.where(slope(x) == 0, -1.0, 1.0)

    for first, end in _stretches(ys == 0):
        left = ys[first - 1] if first > 0 else np.nan
        right = ys[end] if end < num else np.nan
        if end - first == 1 and np.isfinite(left) and np.isfinite(right):
            if np.sign(left) == np.sign(right):
                touching.append(float(xs[first]))
            continue  # else a sign change, reported by the solver
        lo = a if first == 0 else _edge(nonzero, xs[first - 1], xs[first], refine_brackets)
        hi = b if end == num else _edge(nonzero, xs[end], xs[end - 1], refine_brackets)
        flats.append((float(lo), float(hi)))

    def sign_between(lo: float, hi: float, avoid: list[float]) -> int:
        probe = np.linspace(lo, hi, 11)[1:-1]
        near = (xs > lo) & (xs < hi)
        values = np.concatenate([slope(probe), ys[near]])
        signs = np.sign(values[np.isfinite(values) & (values != 0)])
        return int(np.sign(signs.sum())) if signs.size else 0

    return _Features(cuts, holes, flats, touching, sign_between)


def _edge(indicator, outside: float, inside: float, refine) -> float:
    """The point between ``outside`` (indicator +1) and ``inside`` (-1) where it changes."""
    found = refine(indicator, np.array([outside]), np.array([inside]))
    return float(found.low[0])


def _stretches(mask: np.ndarray) -> list[tuple[int, int]]:
    """(first, end) of every run of True in ``mask`` (end exclusive)."""
    edges = np.flatnonzero(np.diff(np.concatenate(([0], mask.astype(np.int8), [0]))))
    return list(zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True))


def _assemble(
    curve: Curve, a: float, b: float, features: _Features, margin: float, noise: float = 0.0
) -> tuple[SignRun, ...]:
    """Cut [a, b] at the features and read the sign of each piece. A piece shorter than
    ``noise`` between two "root" cuts with one sign on both sides is rounding noise around
    a touching zero (sampled f' near a double root): it becomes that touching zero."""
    stretches = sorted(
        [(lo, hi, "hole") for lo, hi in features.holes] + [(lo, hi, "flat") for lo, hi in features.flats]
    )
    within = lambda x: any(lo - margin <= x <= hi + margin for lo, hi, _ in stretches)  # noqa: E731
    marks: list[tuple[float, str, str]] = []  # (x, why it splits, what follows: run/hole/flat)
    marks += [(float(x), why, "run") for x, why in features.cuts if a + margin < x < b - margin and not within(x)]
    kind = "run"
    for lo, hi, what in stretches:
        reason = "gap" if what == "hole" else "plateau"
        if lo <= a + margin:
            kind = what
        else:
            marks.append((float(lo), reason, what))
        if hi < b - margin:
            marks.append((float(hi), reason, "run"))
    marks.sort(key=lambda m: m[0])
    runs: list[SignRun] = []
    here, opens = a, "edge"
    for x, reason, following in [*marks, (b, "edge", "run")]:
        if x > here and kind != "hole":
            avoid = [t for t in features.touching if here < t < x]
            sign = 0 if kind == "flat" else int(features.sign_between(here, x, avoid))
            touching = tuple(sorted(t for t in avoid if here + margin < t < x - margin)) if sign else ()
            runs.append(SignRun(float(here) + 0.0, float(x) + 0.0, sign, touching, opens, reason))
        here, opens, kind = max(here, x), reason, following
    runs = _merge(_drop_noise(runs, noise))
    gap = max(noise, 1e-12 * (b - a))  # one touching zero found twice (solver and noise) is one
    return tuple(replace(r, touching=merge_close(sorted(r.touching), gap)) for r in runs)


def _drop_noise(runs: list[SignRun], noise: float) -> list[SignRun]:
    kept = list(runs)
    k = 1
    while k < len(kept) - 1:
        left, middle, right = kept[k - 1], kept[k], kept[k + 1]
        sliver = middle.length < noise and middle.opens == "root" == middle.closes
        if sliver and left.sign == right.sign != 0:
            zero = 0.5 * (middle.start + middle.end)
            kept[k - 1 : k + 2] = [
                SignRun(left.start, right.end, left.sign, (*left.touching, zero, *right.touching), left.opens, right.closes)
            ]
        else:
            k += 1
    return kept


def _merge(runs: list[SignRun]) -> list[SignRun]:
    """Join neighbours of one sign split by a "root" or "corner" (a sign change that is not
    one, found twice or on a sliver); poles, jumps and gaps stay splits."""
    merged: list[SignRun] = []
    for run in runs:
        last = merged[-1] if merged else None
        if last and last.sign == run.sign and last.closes in ("root", "corner") and last.end == run.start:
            merged[-1] = SignRun(last.start, run.end, last.sign, last.touching + run.touching, last.opens, run.closes)
        else:
            merged.append(run)
    return merged
