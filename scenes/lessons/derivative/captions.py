"""What the derivative lesson says, from what mathcore computed (pure: no manim).

The lesson has three parts: a secant through two points, the secant shrinking into the
tangent, and the tangent sliding along the curve. The slide is planned here as a row of
*legs* (:func:`sweep_plan`): a :class:`Stretch` the tangent slides across (between two flat
points f' has one sign, so one caption holds for the whole stretch), a :class:`Stop` at a
flat point (a caption about that moment, which ends before the tangent moves on) and a
:class:`Gap` the tangent jumps (a pole, a corner, the graph leaving the plot). Each caption
is a pure function of its facts, so the tests check them for many functions without
drawing anything.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from mathcore import Curve, DomainError

from scenes.kit.beats import Facts
from scenes.kit.numbers import number, shown

__all__ = [
    "Gap",
    "SecantFacts",
    "Stop",
    "Stretch",
    "TangentFacts",
    "equals",
    "gap_caption",
    "point_text",
    "secant_caption",
    "slope_decimals",
    "stop_caption",
    "stretch_caption",
    "sweep_plan",
    "tangent_caption",
]

#: Beyond this many turning points a stretch is slid in one go (its sign changes).
MAX_DECIMALS = 6


def point_text(x: float) -> str:
    """A chosen point such as x0, with at most three decimals and no trailing zeros."""
    text = number(x, 3)
    return text.rstrip("0").rstrip(".") if "." in text else text


def equals(value: float, decimals: int) -> str:
    """``"="`` if ``value`` is exactly the number shown with ``decimals``, else ``"≈"``
    (a flat point at the square root of 5 is at x ≈ 2.24, where f' is not quite 0)."""
    return "=" if shown(value, decimals) == value else "≈"


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


def secant_caption(facts: SecantFacts) -> tuple[str, str]:
    """The two captions of the secant: what it is, and its slope as rise over run."""
    v = facts.variable
    first = f"Join two points, at {v} = {point_text(facts.x0)} and {v} = {point_text(facts.x1)}: the line is a secant."
    height = "f" if v == "y" else "y"  # the height's letter is never the input's
    second = f"Its slope is rise over run: Δ{height} / Δ{v} = {number(facts.slope, facts.decimals)}."
    return first, second


def shrink_caption(facts: SecantFacts) -> str:
    """The caption while Δx shrinks."""
    return f"Now shrink Δ{facts.variable}: the second point slides onto the first."


def tangent_caption(facts: TangentFacts) -> str:
    """The caption when the secant has become the tangent."""
    slope = number(facts.slope, facts.decimals)
    return f"The secant becomes the tangent. Its slope is the derivative: f'({point_text(facts.x0)}) = {slope}."


# -- the slide ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Stretch(Facts):
    """A stretch the tangent slides across, from ``start`` to ``end``.

    ``slope`` is f' in the middle of the stretch when f' keeps one sign all along (zero for
    a flat piece), None when it changes sign (more turns than the lesson stops at);
    ``turns`` counts the turning points inside. ``rose`` / ``fell``: f(end) vs f(start)
    with f' of one sign, so f rose (fell) all the way.
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


def stretch_caption(facts: Stretch) -> str:
    """What one stretch of the slide shows."""
    v, d = facts.variable, facts.decimals
    where = f"From {v} = {number(facts.start, d)} to {number(facts.end, d)}"
    if facts.slope is None:
        return f"{where} the sign of f' changes {facts.turns} times: watch the panel."
    if facts.slope == 0:
        return f"{where}, f' = 0: the tangent is flat and f stays level."
    if facts.slope > 0:
        return f"{where}, f' > 0: f rises." if facts.rose else f"{where}, f' > 0."
    return f"{where}, f' < 0: f falls." if facts.fell else f"{where}, f' < 0."


def stop_caption(facts: Stop) -> str:
    """What to say while the tangent rests at a flat point."""
    where = f"At {facts.variable} {equals(facts.x, facts.decimals)} {number(facts.x, facts.decimals)} the tangent is flat, f' = 0"
    if facts.kind == "maximum":
        return f"{where}: a hilltop of f."
    if facts.kind == "minimum":
        return f"{where}: a valley floor of f."
    return f"{where}, yet f goes on the same way."


def gap_caption(facts: Gap) -> str:
    """What to say before the tangent jumps a gap."""
    v, d = facts.variable, facts.decimals
    if facts.corner is not None:
        return f"At {v} = {number(facts.corner, d)} the graph has a corner: no tangent there."
    return f"Between {v} = {number(facts.start, d)} and {number(facts.end, d)} the graph breaks: no tangent."


def summary_caption() -> str:
    """The closing caption (it claims nothing about this f)."""
    return "The sign of f' says which way f goes; its size says how fast."


def _stretch(curve: Curve, a: float, b: float, turns: int, decimals: int) -> Stretch:
    v = curve.variable
    if turns:
        return Stretch(v, a, b, None, False, False, decimals, turns)
    try:
        slope = shown(curve.slope(0.5 * (a + b)), MAX_DECIMALS)
        fa, fb = curve.value(a), curve.value(b)
    except DomainError:
        return Stretch(v, a, b, None, False, False, decimals, 0)
    return Stretch(v, a, b, slope, slope > 0 and fb > fa, slope < 0 and fb < fa, decimals)


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
    for index, (a, b) in enumerate(segments):
        points = curve.critical_points((a, b))
        if index > 0:
            prev = segments[index - 1][1]
            corners = [p.x for p in curve.critical_points((prev, a)) if p.sharp]
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
