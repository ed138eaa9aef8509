"""What is true of f where the derivative lesson looks, from mathcore (pure: no manim).

The lesson has three parts: a secant through two points, the secant shrinking into the
tangent, and the tangent sliding along the curve. The slide is planned here as a row of
*legs* (:func:`sweep_plan`): a :class:`Stretch` the tangent slides across (between two flat
points f' has one sign, so one caption holds for the whole stretch), a :class:`Stop` at a
flat point (a caption about that moment, which ends before the tangent moves on) and a
:class:`Gap` the tangent jumps (a pole, a corner, the graph leaving the plot). Each record
is frozen; :mod:`scenes.lessons.derivative.captions` writes its caption.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from mathcore import Curve, DomainError

from scenes.kit.beats import Facts
from scenes.kit.numbers import number, shown
from scenes.parts.plot2d.curve_spots import corners_of

__all__ = [
    "Gap",
    "Leg",
    "NoSlide",
    "SecantFacts",
    "Slide",
    "Stop",
    "Stretch",
    "TangentFacts",
    "slope_decimals",
    "sweep_plan",
]

#: The most decimals a slope is shown with (a very gentle f gets more than ``decimals``).
MAX_DECIMALS = 6


def slope_decimals(curve: Curve, x_range: tuple[float, float], decimals: int) -> int:
    """Decimals for slopes on this curve: ``decimals``, or more when the slopes are so small
    that they would all round to zero (``0.001*x`` shows 0.0010, not 0)."""
    xs = np.linspace(float(x_range[0]), float(x_range[1]), 201)
    slopes = np.abs(np.asarray(curve.derivative.evaluate(xs), dtype=float))
    slopes = slopes[np.isfinite(slopes) & (slopes > 0)]
    if not slopes.size:
        return decimals
    typical = float(np.median(slopes))
    return int(min(MAX_DECIMALS, max(decimals, 1 - math.floor(math.log10(typical)))))


# -- the limit part ---------------------------------------------------------------------------
@dataclass(frozen=True)
class SecantFacts(Facts):
    """The first secant: through x0 and x0 + h, with its slope Δy/Δx."""

    variable: str
    x0: float
    x1: float
    slope: float
    decimals: int
    moved: bool = True  # the second point slides onto the first


@dataclass(frozen=True)
class TangentFacts(Facts):
    """The tangent at x0 and its slope f'(x0)."""

    variable: str
    x0: float
    slope: float
    decimals: int


# -- the slide ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Stretch(Facts):
    """A stretch the tangent slides across, from ``start`` to ``end``.

    ``slope`` is f' in the middle of the stretch when f' keeps one sign all along (zero for
    a flat piece), None when it changes sign (more turns than the lesson stops at);
    ``turns`` counts the turning points inside. ``rose`` / ``fell``: f(end) vs f(start)
    with f' of one sign, so f rose (fell) all the way; ``f_end`` is f at the end, to be
    written with ``value_decimals`` (enough digits that it differs from f at the start, and
    that a non-zero f(end) does not read as 0). ``end_nearly_zero``: f(end) is not 0, yet
    too small for the most digits a caption shows (exp(-x) at x = 20), so "almost 0".
    """

    variable: str
    start: float
    end: float
    slope: float | None
    rose: bool
    fell: bool
    decimals: int
    turns: int = 0
    moved: bool = True
    f_end: float | None = None
    value_decimals: int = 2
    end_nearly_zero: bool = False


@dataclass(frozen=True)
class Stop(Facts):
    """A flat point where the tangent pauses: f'(x) = 0; ``kind`` from mathcore."""

    variable: str
    x: float
    kind: str
    decimals: int
    slope: float = 0.0
    in_range: bool = True


@dataclass(frozen=True)
class Gap(Facts):
    """A jump of the tangent from ``start`` to ``end``: a corner at ``corner`` (f has a
    value but no tangent), else f has no value or leaves the plot in between."""

    variable: str
    start: float
    end: float
    corner: float | None
    decimals: int


Leg = Stretch | Stop | Gap


@dataclass(frozen=True)
class Slide(Facts):
    """The slide as a whole: the tangent moves from ``start`` to ``end`` (``moved``: the
    sweep has a stretch to slide along)."""

    start: float
    end: float
    moved: bool = True


@dataclass(frozen=True)
class NoSlide(Facts):
    """The slide has nowhere to go: f has no stretch from ``low`` to ``high`` where the
    tangent can be drawn inside the plot."""

    variable: str
    low: float
    high: float
    decimals: int


def _stretch(curve: Curve, a: float, b: float, turns: int, decimals: int) -> Stretch:
    v = curve.variable
    if turns:
        return Stretch(v, a, b, None, False, False, decimals, turns)
    try:
        slope = shown(curve.slope(0.5 * (a + b)), MAX_DECIMALS)
        fa, fb = curve.value(a), curve.value(b)
    except DomainError:
        return Stretch(v, a, b, None, False, False, decimals, 0)
    real = fb != 0 and abs(fb) > _located_within(curve, b, fb)  # not the noise of where b was found
    digits = decimals  # enough that f's change shows, and that a non-zero end does not read as 0
    while digits < MAX_DECIMALS and (number(fa, digits) == number(fb, digits) or (real and number(fb, digits) in ("0", "-0"))):
        digits += 1
    rose, fell = slope > 0 and fb > fa, slope < 0 and fb < fa
    nearly_zero = real and number(fb, digits) in ("0", "-0")
    return Stretch(v, a, b, slope, rose, fell, decimals, f_end=float(fb), value_decimals=digits, end_nearly_zero=nearly_zero)


def _located_within(curve: Curve, x: float, fx: float) -> float:
    """How much f changes over the uncertainty of a point found numerically (a corner or a
    break is located to about 1e-6 of its size): a smaller f(x) there may as well be 0."""
    try:
        return abs(fx - curve.value(x - 1e-6 * (1 + abs(x))))
    except DomainError:
        return 0.0


def sweep_plan(
    curve: Curve, segments: list[tuple[float, float]], decimals: int, max_stops: int
) -> tuple[Leg, ...]:
    """The legs of the slide over ``segments`` (the stretches where the tangent can be
    drawn, in order): stretches, stops at the first ``max_stops`` flat points (not a
    plateau's middle), and gaps between segments. After the last stop the rest of the
    slide is one stretch per segment, which may count turns.
    """
    legs: list[Leg] = []
    stops_left = max_stops
    all_corners = [p.x for p in curve.critical_points((segments[0][0], segments[-1][1])) if p.sharp] if segments else []
    if segments:
        all_corners += corners_of(curve, (segments[0][0], segments[-1][1]))
    for index, (a, b) in enumerate(segments):
        points = curve.critical_points((a, b))
        if index > 0:
            prev = segments[index - 1][1]
            corners = [c for c in all_corners if prev - 1e-6 * (1 + abs(c)) <= c <= a + 1e-6 * (1 + abs(c))]
            legs.append(Gap(curve.variable, prev, a, corners[0] if corners else None, decimals))
        flats = [p for p in points if not p.sharp and p.kind != "plateau" and a < p.x < b]
        here = a
        for point in flats:
            if stops_left <= 0:
                break
            legs.append(_stretch(curve, here, point.x, 0, decimals))
            legs.append(Stop(curve.variable, point.x, point.kind, decimals))
            stops_left -= 1
            here = point.x
        turns = sum(1 for p in points if p.turning and here < p.x < b)
        if b > here:
            legs.append(_stretch(curve, here, b, turns, decimals))
    return tuple(legs)
