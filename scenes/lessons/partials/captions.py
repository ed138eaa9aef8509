"""The captions of :class:`~scenes.lessons.partials.scene.PartialDerivatives`, written from facts.

The facts live in :mod:`scenes.lessons.partials.facts` (re-exported here). Each function
here is pure (facts in, text out) and tested without manim over many
functions. A caption about a tangent says "rises", "falls" or "flat" only from the slope as
shown on screen; the closing beat at a flat point names its kind from mathcore.
"""

from __future__ import annotations

from collections.abc import Sequence

from scenes.kit.phrases import flat_here, slope_sign
from scenes.kit.spoken import capitalized, eq, function_of, name, num_text, partial, said
from scenes.lessons.common.point_facts import PointFacts
from scenes.lessons.partials.facts import FlatFacts, SliceFacts, compass, flat_facts, slice_facts, walk_words

__all__ = [
    "FlatFacts",
    "SliceFacts",
    "closing_caption",
    "compass",
    "flat_caption",
    "flat_facts",
    "intro_caption",
    "point_caption",
    "slice_caption",
    "slice_facts",
    "summary_caption",
    "tangent_caption",
    "walk_words",
]


def point_part() -> str:
    """The first part of the lesson (a chapter): the hillside and the point.

    >>> point_part()
    'The hill and the point'
    """
    return "The hill and the point"


def slice_part(s: SliceFacts) -> str:
    """The part about one slice: the slope walking along one input, the other held.

    >>> slice_part(SliceFacts(0, "n", "e", "1", "north", "y", 0.9, "0.90"))
    'Walking along n'
    """
    return f"Walking along {s.variable}"


def both_part() -> str:
    """The closing part: the two partial slopes side by side."""
    return "Both slopes together"


def intro_caption(variables: Sequence[str], value_name: str) -> str:
    """The opening: the height depends on two inputs."""
    named = [said(f"{compass(v, k)} ", name(v)) if compass(v, k) else name(v) for k, v in enumerate(variables)]
    formula = eq(value_name, function_of("f", *variables))
    return said("The height ", name(value_name), " depends on two inputs, ", named[0], " and ", named[1], ": ", formula, ".")


def point_caption(point: PointFacts, variables: Sequence[str], value_name: str) -> str:
    """Where we stand and how high it is there."""
    a, b = (point.show(v) for v in point.point)
    return said("Stand at ", eq(variables[0], a), ", ", eq(variables[1], b), ". The height there is ", eq(value_name, point.show(point.height)), ".")


def slice_caption(s: SliceFacts) -> str:
    """Hold one input and walk along the other: a plane cuts a curve."""
    if s.index == 0:
        return said("Hold ", name(s.held), " at ", _value(s.held_value), " and walk ", _walk(s), ": an upright plane cuts the hill along a curve.")
    return said("Now hold ", name(s.held), " at ", _value(s.held_value), " and walk ", _walk(s), ": a second plane cuts a second curve.")


def _value(text: str) -> str:
    """A number of the facts (a Said from PointFacts.show, or its plain text) with its words."""
    return text if hasattr(text, "spoken") else num_text(text)


def _walk(s: SliceFacts) -> str:
    """``s.walk`` as said: "north", "east", "along x" (the name said as a name)."""
    return s.walk if compass(s.variable, s.index) else said("along ", name(s.variable))


def tangent_caption(s: SliceFacts) -> str:
    """The tangent of the slice at the point, and what its slope means for the walker (the
    claim of its sign or flatness through :mod:`scenes.kit.phrases`, from the slope as shown)."""
    slope = eq(partial(s.value_name, s.variable), _value(s.shown))
    if s.slope == 0:
        return said(_capital(flat_here(s)), ", ", slope, ": walking ", _walk(s), ", the ground is level at the point.")
    trend = "rises" if s.slope > 0 else "falls"
    sign = slope_sign(s, said(slope, ","), "the tangent's slope,")
    return said(_capital(sign), ": walking ", _walk(s), f", the ground {trend}.")


def _capital(text: str) -> str:
    return capitalized(text)


def flat_caption(facts: FlatFacts) -> str:
    """Both slopes are 0: what kind of flat point this is."""
    kinds = {
        "minimum": ": a low point of f",
        "maximum": ": a high point of f",
        "saddle": ", yet it is a saddle: up one way, down another",
    }
    return said("Both slopes are ", num_text("0"), ", so the ground is flat here", kinds.get(facts.kind, " (to first order)"), ".")


def summary_caption(first: SliceFacts, second: SliceFacts) -> str:
    """Both partial derivatives, each with its direction."""
    y = first.value_name
    return said(
        "So ", eq(partial(y, first.variable), _value(first.shown)), " is the slope walking ", _walk(first), ", ",
        "and ", eq(partial(y, second.variable), _value(second.shown)), " the slope walking ", _walk(second), ".",
    )


def closing_caption(value_name: str) -> str:
    """What a partial derivative is, in one sentence (claims nothing about this point)."""
    return said("Each partial derivative holds the other input still and asks how fast ", name(value_name), " changes.")
