"""Where on a curve a lesson can look: a point that carries a secant, the stretches a
tangent can slide along, the flat points, and a y range that a pole does not squash.

Pure functions of a :class:`mathcore.Curve` (no manim objects). They choose *where* to look;
every number shown there still comes from mathcore (``value``, ``slope``, ``secant_slope``,
the derivative's values).
"""

from __future__ import annotations

import numpy as np

from mathcore import Curve, DomainError

from scenes.kit.numbers import number


__all__ = ["corners_of", "drawable", "lesson_y_range", "limit_point", "rise_first", "sweep_segments"]


def lesson_y_range(curve: Curve, x_range: tuple[float, float]) -> tuple[float, float]:
    """The span of y the axes show: mathcore's :meth:`~mathcore.Curve.feature_range` (every
    flat point, both wells of a double well, a steep end cut), but for a graph that breaks
    (a pole) the central 90 % of its values, so the branches near the pole do not squash the
    rest. Zero is included when it is near (within half the span), so the x axis shows."""
    try:
        pieces = curve.sample(x_range, num=400)
    except DomainError:
        pieces = []
    if len(pieces) <= 1:
        low, high = curve.feature_range(x_range)
    else:
        ys = np.asarray(curve(np.linspace(x_range[0], x_range[1], 801)), dtype=float)
        low, high = (float(q) for q in np.quantile(ys[np.isfinite(ys)], [0.05, 0.95]))
    span = high - low
    if 0 < low <= 0.5 * span:
        low = 0.0
    if -0.5 * span <= high < 0:
        high = 0.0
    return float(low), float(high)


def drawable(curve: Curve, x_range: tuple[float, float], max_turns: int = 40) -> None:
    """Raise ``ValueError`` (one line, saying why) unless a plot of ``curve`` over ``x_range``
    can be read: at most ``max_turns`` turns (``sin(1000*x)`` is a smear), values under a
    million, and a change of at least 0.00001 (or none at all: a constant)."""
    turns = len(curve.turning_points(x_range, num=4001))
    if turns > max_turns:
        raise ValueError(f"it turns {turns} times on [{x_range[0]:g}, {x_range[1]:g}], too fast to draw; use a shorter range")
    low, high = lesson_y_range(curve, x_range)
    if max(abs(low), abs(high)) >= 1e6:
        raise ValueError(f"its values reach {number(max(abs(low), abs(high)))}, too large to read; scale it down")
    if 0 < high - low < 1e-5:
        raise ValueError("it changes by less than 0.00001 on the range, too little to show; scale it up")


def rise_first(curve: Curve, x0: float, h: float) -> bool:
    """Which rise/run triangle to draw for the secant from ``x0`` to ``x0 + h``.

    Both right triangles with the chord as hypotenuse show Δx and Δy; the one on the side
    of the secant away from the curve stays clear of it. True: the corner is
    ``(x0, f(x0 + h))`` (the rise leg starts at the first point); False: the corner is
    ``(x0 + h, f(x0))`` (the run leg starts there).
    """
    f0, f1 = curve.value(x0), curve.value(x0 + h)
    try:
        middle = curve.value(x0 + h / 2)
    except DomainError:
        return False
    curve_below = middle < f0 + curve.secant_slope(x0, h) * h / 2
    # The corner (x0, f1) lies above the secant exactly when the secant rises (f1 > f0).
    return (f1 > f0) == curve_below and f1 != f0


def _continuous(curve: Curve, a: float, b: float, y_limits: tuple[float, float]) -> bool:
    """True if the graph runs unbroken from ``a`` to ``b`` inside ``y_limits``."""
    lo, hi = min(a, b), max(a, b)
    try:
        pieces = curve.sample((lo, hi), num=64, y_limits=y_limits)
    except (DomainError, ValueError):
        return False
    if len(pieces) != 1:
        return False
    xs = pieces[0][0]
    return bool(np.isclose(xs[0], lo) and np.isclose(xs[-1], hi))


#: The least rise of the first secant, as a fraction of the plot's height (about 0.5 frame
#: units in the lesson's plot: a rise leg long enough to see and to carry its label).
MIN_RISE = 0.12


def _rise(curve: Curve, x: float, h: float) -> float:
    """``|f(x + h) - f(x)|``, or 0 where f has no value at ``x + h``."""
    try:
        return abs(curve.value(x + h) - curve.value(x))
    except DomainError:
        return 0.0


def limit_point(
    curve: Curve,
    x0: float,
    h: float,
    x_range: tuple[float, float],
    y_limits: tuple[float, float],
    grid: int = 200,
    min_rise: float = MIN_RISE,
) -> tuple[float, float]:
    """The point and first step of the limit part: ``(x0, h)`` if they can be shown, else the
    nearest that can.

    Shown means: f and f' are defined at ``x0``, the graph runs unbroken inside ``y_limits``
    from ``x0`` to ``x0 + h`` (so both points are in the plot), and the rise
    ``|f(x0 + h) - f(x0)|`` is at least ``min_rise`` of the height of ``y_limits`` (a
    rise-over-run demo needs a rise one can see: on ``x*sin(x)`` the step from 1.5 to 2.5
    has none). Tried in order: the step ``h``, the step ``-h``, then halved steps (down to
    ``h / 8``); then the same at grid points of ``x_range``, nearest to ``x0`` first. Only
    when no point has a visible rise (a constant) is any rise accepted. Raises
    :class:`DomainError` if nothing fits.
    """
    if h == 0 or not np.isfinite(h):
        raise ValueError(f"h_start must be a finite non-zero step, got {h!r}")
    low, high = float(x_range[0]), float(x_range[1])
    candidates = [float(np.clip(x0, low, high))]
    grid_points = [round(float(x), 9) for x in np.linspace(low, high, grid + 1)]
    candidates += sorted(grid_points, key=lambda x: (abs(x - x0), x))
    steps = [float(sign * size) for size in (abs(h), abs(h) / 2, abs(h) / 4, abs(h) / 8) for sign in (np.sign(h), -np.sign(h))]
    usable = []
    for x in candidates:
        try:
            y = curve.value(x)
            curve.slope(x)
        except DomainError:
            continue
        if y_limits[0] < y < y_limits[1]:
            usable.append(x)
    for need in (min_rise * (y_limits[1] - y_limits[0]), 0.0):
        for x in usable:
            for step_h in steps:
                if not low - 1e-12 <= x + step_h <= high + 1e-12:
                    continue
                if need and _rise(curve, x, step_h) < need:
                    continue
                if _continuous(curve, x, x + step_h, y_limits):
                    return float(x), step_h
    raise DomainError(
        f"f({curve.variable}) = {curve.text} has no point near {curve.variable} = {x0:g} "
        f"where a secant can be drawn on [{low:g}, {high:g}]"
    )


def sweep_segments(
    curve: Curve,
    sweep: tuple[float, float],
    y_limits: tuple[float, float],
    min_fraction: float = 0.02,
) -> list[tuple[float, float]]:
    """The stretches of ``sweep`` where the tangent can slide: f inside ``y_limits`` and f'
    defined and continuous. Stretches shorter than ``min_fraction`` of the sweep are
    dropped; an empty list if there is none."""
    a, b = float(sweep[0]), float(sweep[1])
    try:
        pieces = curve.sample((a, b), num=400, y_limits=y_limits)
    except DomainError:
        return []
    segments: list[tuple[float, float]] = []
    for xs, _ in pieces:
        try:
            slope_pieces = curve.derivative.sample((float(xs[0]), float(xs[-1])), num=200)
        except (DomainError, ValueError):
            continue
        for sx, _ in slope_pieces:
            lo, hi = float(sx[0]), float(sx[-1])
            if hi - lo >= min_fraction * (b - a):
                segments.append((lo, hi))
    return _snap_to_corners(curve, segments, (a, b))


def corners_of(curve: Curve, span: tuple[float, float]) -> list[float]:
    """Where f has a corner in ``span`` (f continuous, f' jumping across 0), exactly as
    mathcore's :meth:`~mathcore.Curve.sign_runs` finds them."""
    try:
        runs = curve.sign_runs((float(span[0]), float(span[1])))
    except (DomainError, ValueError):
        return []
    return [run.end for run in runs[:-1] if run.closes == "corner"]


def _snap_to_corners(curve: Curve, segments: list[tuple[float, float]], sweep: tuple[float, float]) -> list[tuple[float, float]]:
    """Segments whose ends next to a corner are moved onto it (a hair short of it, where f'
    still has a value): the samples stopped up to a few steps away (0.99 for a corner at 1)."""
    corners = corners_of(curve, sweep)
    if not corners:
        return segments
    reach = 3.0 * (sweep[1] - sweep[0]) / 199
    snapped = []
    for lo, hi in segments:
        for c in corners:
            nudge = 1e-9 * max(1.0, abs(c))
            if 0 < c - hi <= reach:
                hi = c - nudge
            if 0 < lo - c <= reach:
                lo = c + nudge
        snapped.append((lo, hi))
    return snapped
