"""The captions of :class:`~scenes.lessons.partials.scene.PartialDerivatives`, written from facts.

The facts live in :mod:`scenes.lessons.partials.facts` (re-exported here). Each function
here is pure (facts in, text out) and tested without manim over many
functions. A caption about a tangent says "rises", "falls" or "flat" only from the slope as
shown on screen; the closing beat at a flat point names its kind from mathcore.
"""

from __future__ import annotations

from collections.abc import Sequence

from scenes.kit.phrases import flat_here, slope_sign
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
    named = [f"{compass(v, k)} {v}" if compass(v, k) else v for k, v in enumerate(variables)]
    return f"The height {value_name} depends on two inputs, {named[0]} and {named[1]}: {value_name} = f({variables[0]}, {variables[1]})."


def point_caption(point: PointFacts, variables: Sequence[str], value_name: str) -> str:
    """Where we stand and how high it is there."""
    a, b = (point.show(v) for v in point.point)
    return f"Stand at {variables[0]} = {a}, {variables[1]} = {b}. The height there is {value_name} = {point.show(point.height)}."


def slice_caption(s: SliceFacts) -> str:
    """Hold one input and walk along the other: a plane cuts a curve."""
    if s.index == 0:
        return f"Hold {s.held} at {s.held_value} and walk {s.walk}: an upright plane cuts the hill along a curve."
    return f"Now hold {s.held} at {s.held_value} and walk {s.walk}: a second plane cuts a second curve."


def tangent_caption(s: SliceFacts) -> str:
    """The tangent of the slice at the point, and what its slope means for the walker (the
    claim of its sign or flatness through :mod:`scenes.kit.phrases`, from the slope as shown)."""
    slope = f"∂{s.value_name}/∂{s.variable} = {s.shown}"
    if s.slope == 0:
        return f"{_capital(flat_here(s))}, {slope}: walking {s.walk}, the ground is level at the point."
    trend = "rises" if s.slope > 0 else "falls"
    sign = slope_sign(s, slope + ",", "the tangent's slope,")
    return f"{_capital(sign)}: walking {s.walk}, the ground {trend}."


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def flat_caption(facts: FlatFacts) -> str:
    """Both slopes are 0: what kind of flat point this is."""
    kinds = {
        "minimum": ": a low point of f",
        "maximum": ": a high point of f",
        "saddle": ", yet it is a saddle: up one way, down another",
    }
    return f"Both slopes are 0, so the ground is flat here{kinds.get(facts.kind, ' (to first order)')}."


def summary_caption(first: SliceFacts, second: SliceFacts) -> str:
    """Both partial derivatives, each with its direction."""
    y = first.value_name
    return (
        f"So ∂{y}/∂{first.variable} = {first.shown} is the slope walking {first.walk}, "
        f"and ∂{y}/∂{second.variable} = {second.shown} the slope walking {second.walk}."
    )


def closing_caption(value_name: str) -> str:
    """What a partial derivative is, in one sentence (claims nothing about this point)."""
    return f"Each partial derivative holds the other input still and asks how fast {value_name} changes."
