"""What the derivative lesson says: pure functions from facts to text (no manim).

Each caption is a function of the record it claims from (:mod:`scenes.lessons.derivative.facts`);
the lines that claim nothing about this f come with :data:`~scenes.kit.beats.NO_FACTS`. Numbers go
through :mod:`scenes.kit.numbers` (no scientific notation). The fact records and their functions
are re-exported here, so ``from scenes.derivative_beats import Stretch, sweep_plan`` still works.
"""

from __future__ import annotations

from scenes.kit.beats import NO_FACTS, Facts
from scenes.kit.numbers import number, shown
from scenes.kit.phrases import falls_to, rises_to
from scenes.kit.spoken import delta, eq, num, num_text, prime, said
from scenes.lessons.derivative.facts import (
    MAX_DECIMALS,
    Gap,
    Leg,
    NoSlide,
    SecantFacts,
    Slide,
    Stop,
    Stretch,
    TangentFacts,
    slope_decimals,
    sweep_plan,
)

__all__ = [
    "Gap",
    "NoSlide",
    "SecantFacts",
    "Slide",
    "Stop",
    "Stretch",
    "TangentFacts",
    "equals",
    "gap_caption",
    "intro_caption",
    "no_slide_caption",
    "point_text",
    "secant_caption",
    "shrink_caption",
    "slide_caption",
    "slope_decimals",
    "stop_caption",
    "stretch_caption",
    "summary_caption",
    "sweep_plan",
    "tangent_caption",
]
_REEXPORTED = (MAX_DECIMALS, Leg)  # public names of the old module, kept importable


_ZERO = num_text("0")

#: The parts of the lesson (its chapters), in order: rise over run on a secant, the secant
#: shrinking into the tangent, the tangent sliding along the curve.
PARTS = ("Rise over run", "From secant to tangent", "Sliding the tangent")


def intro_caption() -> tuple[str, Facts]:
    """The question the lesson opens with (no claim about this f)."""
    return said("How steep is the graph of f at a single point?"), NO_FACTS


def slide_caption(facts: Slide) -> str:
    """The line that starts the slide (the tangent will move; nothing about this f)."""
    if not facts.moved:
        raise ValueError("the slide caption needs a slide that moves the tangent")
    return said("Slide the tangent along the curve: its slope is ", prime("f"), " at each point.")


def no_slide_caption(facts: NoSlide) -> str:
    """Why there is no slide: f has no stretch in the sweep where the tangent fits."""
    v, d = facts.variable, facts.decimals
    return said("f has no stretch from ", eq(v, num(facts.low, d)), " to ", num(facts.high, d), " where the tangent could slide.")


def point_text(x: float) -> str:
    """A chosen point such as x0, with at most three decimals and no trailing zeros."""
    text = number(x, 3)
    return num_text(text.rstrip("0").rstrip(".") if "." in text else text)


def equals(value: float, decimals: int) -> str:
    """``"="`` if ``value`` is exactly the number shown with ``decimals``, else ``"≈"``
    (a flat point at the square root of 5 is at x ≈ 2.24, where f' is not quite 0)."""
    return "=" if shown(value, decimals) == value else "≈"


# -- the limit part ---------------------------------------------------------------------------
def secant_caption(facts: SecantFacts) -> tuple[str, str]:
    """The two captions of the secant: what it is, and its slope as rise over run."""
    v = facts.variable
    first = said("Join two points, at ", eq(v, point_text(facts.x0)), " and ", eq(v, point_text(facts.x1)), ": the line is a secant.")
    height = "f" if v == "y" else "y"  # the height's letter is never the input's
    ratio = said(delta(height), (" / ", " over "), delta(v))
    second = said("Its slope is rise over run: ", eq(ratio, num(facts.slope, facts.decimals)), ".")
    return first, second


def shrink_caption(facts: SecantFacts) -> str:
    """The caption while Δx shrinks."""
    return said("Now shrink ", delta(facts.variable), ": the second point slides onto the first.")


def tangent_caption(facts: TangentFacts) -> str:
    """The caption when the secant has become the tangent."""
    slope = num(facts.slope, facts.decimals)
    return said("The secant becomes the tangent. Its slope is the derivative: ", eq(prime("f", point_text(facts.x0)), slope, word="is"), ".")


# -- the slide ------------------------------------------------------------------------------
def stretch_caption(facts: Stretch) -> str:
    """What one stretch of the slide shows."""
    v, d = facts.variable, facts.decimals
    where = said("From ", eq(v, num(facts.start, d)), " to ", num(facts.end, d))
    if facts.slope is None:
        return said(where, " the sign of ", prime("f"), " changes ", facts.turns, " times: watch the tangent tilt.")
    if facts.slope == 0:
        return said(where, ", ", eq(prime("f"), _ZERO), ": the tangent is flat and f stays level.")
    sign = ">" if facts.slope > 0 else "<"
    if facts.f_end is None or not (facts.rose or facts.fell):
        return said(where, ", ", eq(prime("f"), _ZERO, sign), ".")
    to = num(facts.f_end, facts.value_decimals)
    if facts.end_nearly_zero:
        to = said("almost ", _ZERO)  # too small for the digits shown, yet not 0
    return said(where, ", ", eq(prime("f"), _ZERO, sign), ": ", rises_to(facts, to) if facts.rose else falls_to(facts, to), ".")


def stop_caption(facts: Stop) -> str:
    """What to say while the tangent rests at a flat point."""
    at = eq(facts.variable, num(facts.x, facts.decimals), equals(facts.x, facts.decimals))
    where = said("At ", at, " the tangent is flat, ", eq(prime("f"), _ZERO))
    if facts.kind == "maximum":
        return said(where, ": a hilltop of f.")
    if facts.kind == "minimum":
        return said(where, ": a valley floor of f.")
    return said(where, ", yet f goes on the same way.")


def gap_caption(facts: Gap) -> str:
    """What to say before the tangent jumps a gap."""
    v, d = facts.variable, facts.decimals
    if facts.corner is not None:
        return said("At ", eq(v, num(facts.corner, d)), " the graph has a corner: no tangent there.")
    return said("Between ", eq(v, num(facts.start, d)), " and ", num(facts.end, d), " the graph breaks: no tangent.")


def summary_caption() -> str:
    """The closing caption (it claims nothing about this f)."""
    return said("The sign of ", prime("f"), " says which way f goes; its size says how fast.")


