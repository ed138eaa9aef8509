"""Where a function of one variable is zero: one bracketing solver for all of mathcore.

:func:`sign_changes` samples a vectorised function on a grid, brackets every change of
sign between neighbouring finite samples and shrinks all brackets at once by bisection
until they cannot shrink further. Each change is then told apart by what the function
does across the final, tiny bracket:

* ``"root"``: the values on both sides go to zero, a true zero crossing;
* ``"jump"``: they stay apart but finite (a step such as the slope of ``abs`` at 0);
* ``"pole"``: they run off (``1/x`` at 0); a sign change across a pole is not a root;
* ``"gap"``: the function is undefined at the end of the bracket.

:func:`touching_zeros` finds the zeros where the function touches 0 without changing
sign (the slope 3x² of x³ at 0): small local minima of |f| refined by golden-section
search and accepted only when |f| there is tiny relative to the function's scale.
:func:`roots` returns both kinds of zero, sorted.

Examples
--------
>>> import numpy as np
>>> [round(x, 12) for x in roots(lambda x: x**2 - 2.0, (0.0, 3.0))]
[1.414213562373]
>>> [c.kind for c in sign_changes(lambda x: 1.0 / x, (-1.0, 2.0))]
['pole']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

__all__ = ["Brackets", "SignChange", "refine_brackets", "roots", "sign_changes", "touching_zeros"]

Vectorised = Callable[[np.ndarray], np.ndarray]

#: Bisection steps at most; each halves every bracket (64 reach the spacing of doubles).
ROUNDS = 80


@dataclass(frozen=True)
class SignChange:
    """A change of sign of f between ``low`` and ``high`` (a bracket shrunk to its limit).

    Attributes
    ----------
    x : float
        Where f changes sign: the middle of the final bracket, or the exact zero.
    low, high : float
        The final bracket.
    before, after : float
        f just left of ``x`` (at ``low``) and just right of it (at ``high``).
    kind : str
        ``"root"``, ``"jump"``, ``"pole"`` or ``"gap"`` (see the module's notes).
    """

    x: float
    low: float
    high: float
    before: float
    after: float
    kind: str

    @property
    def rising(self) -> bool:
        """True if f goes from negative to positive across ``x``."""
        return self.after > self.before


def _evaluate(f: Vectorised, xs: np.ndarray) -> np.ndarray:
    with np.errstate(all="ignore"):
        values = np.asarray(f(xs), dtype=float)
    return np.broadcast_to(values, np.shape(xs)).astype(float, copy=True)


def _grid(interval: tuple[float, float], num: int) -> np.ndarray:
    a, b = float(interval[0]), float(interval[1])
    if not (np.isfinite(a) and np.isfinite(b) and a < b):
        raise ValueError(f"the interval must be two finite numbers, low < high; got {tuple(interval)!r}")
    if int(num) < 3:
        raise ValueError(f"num must be at least 3 samples, got {num}")
    return np.linspace(a, b, int(num))


def scale_of(values: np.ndarray) -> float:
    """The size of a function's values: the largest finite |value|, at least a tiny positive."""
    finite = np.abs(values[np.isfinite(values)])
    return float(finite.max()) if finite.size and finite.max() > 0 else 1e-300


def sign_changes(f: Vectorised, interval: tuple[float, float], num: int = 801) -> tuple[SignChange, ...]:
    """Every change of sign of ``f`` on ``interval``, bracketed from ``num`` samples.

    A run of samples that are exactly zero counts as one change (at the run's middle) when
    the signs on either side differ; ``kind`` is then ``"root"``. Changes closer together
    than the sample step may be missed. Samples where ``f`` is NaN end a bracket search:
    no change is reported across an undefined stretch.
    """
    xs = _grid(interval, num)
    ys = _evaluate(f, xs)
    found: list[SignChange] = []
    finite = np.isfinite(ys)
    # Pairs (i, j) of finite non-zero samples of opposite signs with only exact zeros between.
    last = -1
    pairs: list[tuple[int, int]] = []
    for i in range(xs.size):
        if not finite[i]:
            last = -1
        elif ys[i] != 0:
            if last >= 0 and np.sign(ys[i]) != np.sign(ys[last]):
                pairs.append((last, i))
            last = i
    brackets = [(i, j) for i, j in pairs if j == i + 1]
    for i, j in pairs:
        if j > i + 1:  # exact zeros between: the change is there, no search needed
            x = float(0.5 * (xs[i + 1] + xs[j - 1]))
            size = max(abs(ys[i]), abs(ys[j]))
            kind = "root" if j > i + 2 else _exact_kind(f, xs[i + 1], xs[i], xs[j], size)
            found.append(SignChange(x, float(xs[i + 1]), float(xs[j - 1]), float(ys[i]), float(ys[j]), kind))
    if brackets:
        found.extend(_bisect(f, xs, ys, np.array(brackets)[:, 0]))
    return tuple(sorted(found, key=lambda c: c.x))


@dataclass(frozen=True, eq=False)
class Brackets:
    """Brackets shrunk by :func:`refine_brackets` (arrays of one shape, one entry a bracket).

    Attributes
    ----------
    low, high : ndarray
        The final brackets (``low`` is the end given as ``low``, wherever it moved to).
    g_low, g_high : ndarray
        g at each end (NaN where it was undefined there).
    x : ndarray
        The best estimate of each crossing: the exact zero where g hit 0, else the middle of
        the final bracket (``"bisect"``) or its false-position point (``"illinois"``).
    exact : ndarray of bool
        g was exactly 0 at ``x``.
    """

    low: np.ndarray
    high: np.ndarray
    g_low: np.ndarray
    g_high: np.ndarray
    x: np.ndarray
    exact: np.ndarray


def refine_brackets(
    g: Vectorised,
    low: np.ndarray,
    high: np.ndarray,
    g_low: np.ndarray | None = None,
    g_high: np.ndarray | None = None,
    rounds: int = ROUNDS,
    method: str = "bisect",
) -> Brackets:
    """Shrink many brackets of a change of sign of ``g`` at once: THE bracketing primitive
    of mathcore (the solver above, level sets, sign runs all call it).

    Parameters
    ----------
    g : callable
        Vectorised: ``g(x)`` for an array ``x`` shaped like ``low`` returns g elementwise
        (bracket k's point is ``x[k]``; g may close over per-bracket data such as the
        edges of a grid). NaN where g is undefined.
    low, high : array_like
        The ends of each bracket (any order of values; need not be ``low < high``).
    g_low, g_high : array_like, optional
        g at the ends if known (else evaluated). g_low and g_high must differ in sign
        (one may be exactly 0).
    rounds : int
        Steps at most. Each evaluates g once on all brackets.
    method : str
        ``"bisect"``: halve every bracket each round until it cannot shrink (80 rounds
        reach the spacing of doubles). An undefined middle counts as "not crossed yet",
        so a bracket closes on the first point where g leaves its starting sign or its
        domain. ``"illinois"``: regula falsi, Illinois variant, for smooth g (about 6
        steps reach machine precision); a bracket stops where g is undefined or 0.

    Returns
    -------
    Brackets

    Examples
    --------
    >>> b = refine_brackets(lambda x: x**2 - 2.0, np.array([1.0, -2.0]), np.array([2.0, -1.0]))
    >>> [round(v, 15) for v in b.x.tolist()]
    [1.414213562373095, -1.414213562373095]
    >>> b = refine_brackets(np.cos, np.array([1.0]), np.array([2.0]), rounds=8, method="illinois")
    >>> bool(abs(b.x[0] - np.pi / 2) < 1e-15)
    True
    """
    lo = np.array(low, dtype=float, copy=True)
    hi = np.broadcast_to(np.asarray(high, dtype=float), lo.shape).copy()
    g_lo = _evaluate(g, lo) if g_low is None else np.broadcast_to(np.asarray(g_low, dtype=float), lo.shape).copy()
    g_hi = _evaluate(g, hi) if g_high is None else np.broadcast_to(np.asarray(g_high, dtype=float), lo.shape).copy()
    if method not in ("bisect", "illinois"):
        raise ValueError(f"method must be 'bisect' or 'illinois', got {method!r}")
    # Orient every bracket so that h = s*g is <= 0 at low and > 0 at high.
    s = np.where(g_lo > 0, -1.0, 1.0)
    step = _bisect_steps if method == "bisect" else _illinois_steps
    lo, hi, h_lo, h_hi, x, exact = step(lambda v: s * _evaluate(g, v), lo, hi, s * g_lo, s * g_hi, int(rounds))
    return Brackets(lo, hi, s * h_lo, s * h_hi, x, exact)


def _bisect_steps(h, lo, hi, h_lo, h_hi, rounds):
    exact = np.zeros(lo.shape, dtype=bool)
    x = np.full(lo.shape, np.nan)
    exact |= h_lo == 0
    x = np.where(h_lo == 0, lo, x)
    for _ in range(rounds):
        mid = 0.5 * (lo + hi)
        open_ = (mid != lo) & (mid != hi) & ~exact
        if not open_.any():
            break
        h_mid = h(mid)
        hit = open_ & (h_mid == 0)
        exact |= hit
        x = np.where(hit, mid, x)
        # Undefined middles count as "not crossed yet" (move the low end).
        keep_left = open_ & ~hit & ~(h_mid > 0)
        move_right = open_ & ~hit & (h_mid > 0)
        lo, h_lo = np.where(keep_left, mid, lo), np.where(keep_left, h_mid, h_lo)
        hi, h_hi = np.where(move_right, mid, hi), np.where(move_right, h_mid, h_hi)
    x = np.where(exact, x, 0.5 * (lo + hi))
    return lo, hi, h_lo, h_hi, x, exact


def _illinois_steps(h, lo, hi, h_lo, h_hi, rounds):
    with np.errstate(all="ignore"):
        x = lo - h_lo * (hi - lo) / (h_hi - h_lo)
    last = np.zeros(lo.shape, dtype=int)  # which end moved last: -1 the low one, +1 the high one
    exact = h_lo == 0
    for _ in range(rounds):  # the Illinois variant of regula falsi: no end stays put for long
        h_x = h(x)
        exact = exact | (h_x == 0)
        active = np.isfinite(h_x) & (h_x != 0) & (hi != lo)
        if not active.any():
            break
        below, upper = active & (h_x < 0), active & (h_x > 0)
        h_hi = np.where(below & (last == -1), 0.5 * h_hi, h_hi)
        h_lo = np.where(upper & (last == 1), 0.5 * h_lo, h_lo)
        lo, h_lo = np.where(below, x, lo), np.where(below, h_x, h_lo)
        hi, h_hi = np.where(upper, x, hi), np.where(upper, h_x, h_hi)
        last = np.where(below, -1, np.where(upper, 1, last))
        with np.errstate(all="ignore"):
            x = np.where(active, lo - h_lo * (hi - lo) / (h_hi - h_lo), x)
    return lo, hi, h_lo, h_hi, x, exact


def _bisect(f: Vectorised, xs: np.ndarray, ys: np.ndarray, starts: np.ndarray) -> list[SignChange]:
    start_size = np.maximum(np.abs(ys[starts]), np.abs(ys[starts + 1]))
    b = refine_brackets(f, xs[starts], xs[starts + 1], ys[starts], ys[starts + 1])
    result = []
    for k in range(b.x.size):
        lo, hi, f_lo, f_hi = float(b.low[k]), float(b.high[k]), float(b.g_low[k]), float(b.g_high[k])
        if b.exact[k]:
            kind = _exact_kind(f, b.x[k], lo, hi, start_size[k])
        else:
            kind = _kind(f_lo, f_hi, start_size[k])
        result.append(SignChange(float(b.x[k]), lo, hi, f_lo, f_hi, kind))
    return result


def _approach(f: Vectorised, x: float, towards: float) -> float:
    """f a hair from ``x`` on the side of ``towards`` (2**-46 of max(|x|, the distance)):
    near 0 if f is continuous at its zero ``x``, not near 0 if f only hits 0 there (the
    middle of a step such as ``sign``)."""
    hair = 2.0**-46 * max(abs(x), abs(towards - x))
    return float(_evaluate(f, np.array([x + np.copysign(hair, towards - x)]))[0])


def _exact_kind(f: Vectorised, x: float, low: float, high: float, size: float) -> str:
    """The kind of a change at a point ``x`` where f is exactly 0."""
    before, after = _approach(f, x, low), _approach(f, x, high)
    return "root" if max(abs(before), abs(after)) <= 1e-6 * size else _kind(before, after, size)


def _kind(f_lo: float, f_hi: float, start_size: float) -> str:
    if not (np.isfinite(f_lo) and np.isfinite(f_hi)):
        return "gap"
    end_size = max(abs(f_lo), abs(f_hi))
    if end_size <= 1e-6 * start_size:
        return "root"
    return "pole" if end_size > 10 * start_size else "jump"


def touching_zeros(
    f: Vectorised, interval: tuple[float, float], num: int = 801, tolerance: float = 1e-9, rounds: int = 100
) -> tuple[float, ...]:
    """Where ``f`` touches zero without changing sign (a double root such as x² at 0).

    Every interior sample where |f| is a local minimum (and not zero) is refined by
    golden-section search on |f| between its neighbours; it is kept when |f| there is at
    most ``tolerance`` times the largest |f| sampled. A sign change is not reported here.
    """
    xs = _grid(interval, num)
    signed = _evaluate(f, xs)
    ys = np.abs(signed)
    finite = np.isfinite(ys)
    inner = np.arange(1, xs.size - 1)
    local = finite[inner - 1] & finite[inner] & finite[inner + 1]
    local &= (ys[inner] <= ys[inner - 1]) & (ys[inner] <= ys[inner + 1]) & (ys[inner] > 0)
    local &= np.sign(signed[inner - 1]) == np.sign(signed[inner + 1])  # else a sign change
    centres = inner[local]
    if centres.size == 0:
        return ()
    lo, hi = xs[centres - 1].copy(), xs[centres + 1].copy()
    ratio = (np.sqrt(5.0) - 1) / 2
    m1, m2 = hi - ratio * (hi - lo), lo + ratio * (hi - lo)
    g1, g2 = np.abs(_evaluate(f, m1)), np.abs(_evaluate(f, m2))
    for _ in range(rounds):  # golden-section search: one new value per bracket and round
        left = ~(g1 > g2)  # NaN compares False: keep the left part
        hi, lo = np.where(left, m2, hi), np.where(left, lo, m1)
        inner_point = np.where(left, hi - ratio * (hi - lo), lo + ratio * (hi - lo))
        g_new = np.abs(_evaluate(f, inner_point))
        m1, m2, g1, g2 = (
            np.where(left, inner_point, m2),
            np.where(left, m1, inner_point),
            np.where(left, g_new, g2),
            np.where(left, g1, g_new),
        )
        if np.all(hi - lo <= 4 * np.spacing(np.maximum(np.abs(lo), np.abs(hi)))):
            break
    best = 0.5 * (lo + hi)
    values = np.abs(_evaluate(f, best))
    keep = np.isfinite(values) & (values <= tolerance * scale_of(ys))
    return tuple(float(x) for x in best[keep])


def roots(f: Vectorised, interval: tuple[float, float], num: int = 801, tolerance: float = 1e-9) -> tuple[float, ...]:
    """All zeros of ``f`` on ``interval``: the sign changes of kind ``"root"`` and the
    touching zeros, sorted, with near-duplicates (closer than a sample step) merged."""
    xs = [c.x for c in sign_changes(f, interval, num) if c.kind == "root"]
    xs += list(touching_zeros(f, interval, num, tolerance))
    return merge_close(sorted(xs), (float(interval[1]) - float(interval[0])) / (int(num) - 1))


def merge_close(xs: list[float], gap: float) -> tuple[float, ...]:
    """Sorted ``xs`` with each point closer than ``gap`` to the previous kept one dropped."""
    kept: list[float] = []
    for x in xs:
        if not kept or x - kept[-1] >= gap:
            kept.append(float(x))
    return tuple(kept)
