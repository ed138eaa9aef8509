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

from scenes.kit.numbers import number
from scenes.kit.phrases import flat_here
from scenes.kit.spoken import absolute, eq, function_of, gradient, name, num_text, partial, said
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
    return said("Stand at the point ", eq(variables[0], a), ", ", eq(variables[1], b), ".")


def partials_caption(point: PointFacts, variables: Sequence[str]) -> str:
    n, e = variables
    g = [point.show(v) for v in point.gradient]
    return said("Along ", name(n), " alone the slope is ", eq(partial("f", n), g[0]), "; along ", name(e), " alone it is ", eq(partial("f", e), g[1]), ".")


def zero_gradient_caption(point: PointFacts) -> str:
    """At a flat point: the gradient is the zero vector."""
    zero = said("(", _ZERO, ", ", _ZERO, ")")
    return said("So ", eq(gradient("f"), zero, word="is"), ": no direction is steepest, and there is no arrow to draw.")


def sum_caption(point: PointFacts, variables: Sequence[str]) -> str:
    """The two partial slopes make one arrow (or, if one is 0, the other alone)."""
    shown = [point.shown(v) for v in point.gradient]
    for k in (0, 1):
        if shown[k] == 0:
            return said("With ", eq(partial("f", variables[k]), _ZERO), ", ", _THE_GRADIENT, " points along ", name(variables[1 - k]), " alone.")
    plane = said((f"{variables[0]}-{variables[1]}", f"{name(variables[0]).spoken} {name(variables[1]).spoken}"), " plane")
    return said("Tip to tail, they make one arrow in the ", plane, ": ", _THE_GRADIENT, ".")


def length_caption(point: PointFacts) -> str:
    # said "Its length, one point five zero, is ...": "the length of the gradient" twice would be clumsy
    return said("Its length, ", (f"{absolute(gradient('f'))} = ", ""), point.show(point.steepest), ", is the steepest slope at this point.")


def stop_caption(facts: DirectionFacts) -> str:
    """Where the turning arrow pauses: along the gradient or at right angles to it."""
    if facts.kind == "steepest":
        return said("Lined up with the gradient, the slope is ", _value(facts.shown), ": the largest of all, equal to ", absolute(gradient("f")), ".")
    return said("At right angles to the gradient: slope ", _value(facts.shown), ". So ", flat_here(facts, "the ground this way"), ".")


def range_caption(point: PointFacts) -> str:
    top = point.show(point.steepest)
    return said("All the way round, the slope stays between ", _value(number(-point.shown(point.steepest), point.digits)), " and ", top, ".")


def way_down_caption(point: PointFacts, facts: DirectionFacts) -> str:
    g = [point.show(-v) for v in point.gradient]
    return said("Along ", eq(gradient("f", minus=True), said("(", g[0], ", ", g[1], ")")), " the slope is ", _value(facts.shown), ": the steepest way down.")


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
    return said("The hillside of ", function_of("f", *variables), ". Walk around it to see its shape.")


def turn_caption() -> str:
    """Before the arrow turns (claims nothing)."""
    return said("Turn an arrow once around the point: the readout gives the slope that way.")


_ZERO = num_text("0")
_THE_GRADIENT = said(("the gradient ∇f", "the gradient of f"))  # not "the gradient the gradient of f"


def _value(text: str) -> str:
    """A number of the facts (a Said from PointFacts.show, or its plain text) with its words."""
    return text if hasattr(text, "spoken") else num_text(text)


#: The subtitle of the title card at a flat point (backed by its flat facts).
FLAT_SUBTITLE = "At a flat point, no way is steepest"


def flat_subtitle(facts) -> str:
    """The title card's subtitle at a flat point; ``facts`` (a flat point's
    :class:`~scenes.lessons.partials.facts.FlatFacts`) must have slope 0."""
    if facts.slope != 0:
        raise ValueError("a subtitle about a flat point needs facts with slope 0")
    return FLAT_SUBTITLE
