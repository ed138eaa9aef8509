"""The captions of :mod:`scenes.lessons.gradient.scene`, written from facts (pure; tested without manim).

:class:`~scenes.lessons.gradient.scene.GradientOnHillside` speaks about one point
(:class:`~scenes.lessons.common.point_facts.PointFacts`): its partial slopes, the gradient they make, the
slope in each direction as an arrow turns, the way down; at a flat point it says that no
direction is steepest instead. :class:`~scenes.lessons.gradient.scene.GradientField` speaks about the
arrows on a grid (:class:`FieldFacts`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from scenes.kit.beats import Facts
from scenes.lessons.common.point_facts import PointFacts

__all__ = [
    "DirectionFacts",
    "FieldFacts",
    "arrows_caption",
    "field_facts",
    "flip_caption",
    "length_caption",
    "partials_caption",
    "pattern_caption",
    "range_caption",
    "stand_caption",
    "stop_caption",
    "sum_caption",
    "way_down_caption",
    "zero_gradient_caption",
]


@dataclass(frozen=True)
class DirectionFacts(Facts):
    """The slope at the point in one direction, as shown (``slope``), and which direction
    it is: ``"steepest"`` (along the gradient), ``"level"`` (across it) or ``"down"``."""

    slope: float
    shown: str
    kind: str = ""


def stand_caption(point: PointFacts, variables: Sequence[str]) -> str:
    a, b = (point.show(v) for v in point.point)
    return f"Stand at the point {variables[0]} = {a}, {variables[1]} = {b}."


def partials_caption(point: PointFacts, variables: Sequence[str]) -> str:
    n, e = variables
    g = [point.show(v) for v in point.gradient]
    return f"Along {n} alone the slope is ∂f/∂{n} = {g[0]}; along {e} alone it is ∂f/∂{e} = {g[1]}."


def zero_gradient_caption(point: PointFacts) -> str:
    """At a flat point: the gradient is the zero vector."""
    return "So ∇f = (0, 0): no direction is steepest, and there is no arrow to draw."


def sum_caption(point: PointFacts, variables: Sequence[str]) -> str:
    """The two partial slopes make one arrow (or, if one is 0, the other alone)."""
    shown = [point.shown(v) for v in point.gradient]
    for k in (0, 1):
        if shown[k] == 0:
            return f"With ∂f/∂{variables[k]} = 0, the gradient ∇f points along {variables[1 - k]} alone."
    return f"Tip to tail, they make one arrow in the {variables[0]}-{variables[1]} plane: the gradient ∇f."


def length_caption(point: PointFacts) -> str:
    return f"Its length, |∇f| = {point.show(point.steepest)}, is the steepest slope at this point."


def stop_caption(facts: DirectionFacts) -> str:
    """Where the turning arrow pauses: along the gradient or at right angles to it."""
    if facts.kind == "steepest":
        return f"Lined up with the gradient, the slope is {facts.shown}: the largest of all, equal to |∇f|."
    return f"At right angles to the gradient: slope {facts.shown}. This way the ground is level at the point."


def range_caption(point: PointFacts) -> str:
    top = point.show(point.steepest)
    return f"All the way round, the slope stays between -{top} and {top}."


def way_down_caption(point: PointFacts, facts: DirectionFacts) -> str:
    g = [point.show(-v) for v in point.gradient]
    return f"Along -∇f = ({g[0]}, {g[1]}) the slope is {facts.shown}: the steepest way down."


@dataclass(frozen=True)
class FieldFacts(Facts):
    """The arrows of a gradient field.

    ``rose`` and ``fell``: along each arrow f rises (its slope is |∇f| > 0), against it f
    falls. ``capped``: the longest arrows were cut short. ``even``: all arrows have the same
    length (a plane: the same slope everywhere). ``count``: how many arrows.
    """

    count: int
    capped: bool
    even: bool
    rose: bool = True
    fell: bool = True


def field_facts(magnitudes: np.ndarray, capped: bool) -> FieldFacts:
    """The facts of arrows with gradient lengths ``magnitudes``."""
    m = np.asarray(magnitudes, dtype=float)
    positive = bool(len(m)) and bool(np.all(m > 0))
    even = bool(len(m)) and float(np.max(m)) <= 1.02 * float(np.min(m))
    return FieldFacts(count=len(m), capped=capped, even=even, rose=positive, fell=positive)


def arrows_caption(facts: FieldFacts) -> str:
    cut = " (the longest cut short)" if facts.capped else ""
    return f"At points of a grid, draw ∇f as an arrow, as long as the slope{cut}."


def pattern_caption(facts: FieldFacts) -> str:
    """What the arrows show together."""
    if facts.even:
        return "Every arrow is the same: the slope is the same everywhere, and the lines are evenly spaced."
    return "The arrows point uphill, straight across the lines, longest where the lines crowd together."


def flip_caption(facts: FieldFacts) -> str:
    return "Turn every arrow round: -∇f points straight downhill, the way down."
