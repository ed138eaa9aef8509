"""The captions of :mod:`scenes.lessons.gradient.scene`, written from facts (pure; tested without manim).

:class:`~scenes.lessons.gradient.scene.GradientOnHillside` speaks about one point
(:class:`~scenes.lessons.common.point_facts.PointFacts`): its partial slopes, the gradient they make, the
slope in each direction as an arrow turns, the way down; at a flat point it says that no
direction is steepest instead. :class:`~scenes.lessons.gradient.scene.GradientField` speaks about the
arrows on a grid (its captions are in :mod:`scenes.lessons.gradient_field.captions`,
re-exported here for old imports). The facts are in :mod:`scenes.lessons.gradient.facts`.
"""

from __future__ import annotations

from collections.abc import Sequence

from scenes.kit.phrases import flat_here
from scenes.lessons.common.point_facts import PointFacts
from scenes.lessons.gradient.facts import DirectionFacts
from scenes.lessons.gradient_field.captions import FieldFacts, arrows_caption, field_facts, flip_caption, pattern_caption

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
    "intro_caption",
    "flat_subtitle",
    "turn_caption",
    "sum_caption",
    "way_down_caption",
    "zero_gradient_caption",
]


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
    return f"At right angles to the gradient: slope {facts.shown}. So {flat_here(facts, 'the ground this way')}."


def range_caption(point: PointFacts) -> str:
    top = point.show(point.steepest)
    return f"All the way round, the slope stays between -{top} and {top}."


def way_down_caption(point: PointFacts, facts: DirectionFacts) -> str:
    g = [point.show(-v) for v in point.gradient]
    return f"Along -∇f = ({g[0]}, {g[1]}) the slope is {facts.shown}: the steepest way down."


def hill_part() -> str:
    """The first part of the lesson (a chapter): the hill and the point stood on.

    >>> hill_part(), gradient_part(), turn_part(), down_part(), flat_part()
    ('The hill and the point', 'Building the gradient', 'Turning around the point', 'The way down', 'A flat point')
    """
    return "The hill and the point"


def gradient_part() -> str:
    """The part where the two partial slopes add up to the gradient."""
    return "Building the gradient"


def turn_part() -> str:
    """The part where a direction turns once around the point, its slope read out."""
    return "Turning around the point"


def down_part() -> str:
    """The closing part: the way down, against the gradient."""
    return "The way down"


def flat_part() -> str:
    """The closing part at a flat point, where no way is steepest."""
    return "A flat point"


def intro_caption(variables: Sequence[str]) -> str:
    """The opening, while the camera walks around the hill (claims nothing)."""
    return f"The hillside of f({variables[0]}, {variables[1]}). Walk around it to see its shape."


def turn_caption() -> str:
    """Before the arrow turns (claims nothing)."""
    return "Turn an arrow once around the point: the readout gives the slope that way."


#: The subtitle of the title card at a flat point (backed by its flat facts).
FLAT_SUBTITLE = "At a flat point, no way is steepest"


def flat_subtitle(facts) -> str:
    """The title card's subtitle at a flat point; ``facts`` (a flat point's
    :class:`~scenes.lessons.partials.facts.FlatFacts`) must have slope 0."""
    if facts.slope != 0:
        raise ValueError("a subtitle about a flat point needs facts with slope 0")
    return FLAT_SUBTITLE
