"""The captions of :class:`~scenes.lessons.gradient_field.scene.GradientField`, written from
facts (pure; no manim; the facts are in :mod:`scenes.lessons.gradient_field.facts`).

The map's words say only what the map shows: north up, east to the right, and lines of equal
height; the arrows' words follow :class:`~scenes.lessons.gradient_field.facts.FieldFacts`.
"""

from __future__ import annotations

from collections.abc import Sequence

from scenes.kit.spoken import function_of, gradient, name, said
from scenes.lessons.gradient_field.facts import FieldFacts, field_facts

__all__ = [
    "FieldFacts",
    "arrows_caption",
    "field_facts",
    "flip_caption",
    "intro_caption",
    "map_caption",
    "pattern_caption",
    "right_angle_caption",
]


def hill_part() -> str:
    """The first part of the lesson (a chapter): the hill, then seen from above.

    >>> hill_part(), arrows_part(), down_part()
    ('The hill from above', 'Arrows across the contour lines', 'The way down')
    """
    return "The hill from above"


def arrows_part() -> str:
    """The part where gradient arrows grow on the map and cross its contour lines."""
    return "Arrows across the contour lines"


def down_part() -> str:
    """The closing part: every arrow turned round, the way down."""
    return "The way down"


def intro_caption(variables: Sequence[str]) -> str:
    """The opening: the hillside again, about to be seen from above (claims nothing)."""
    return said("The hillside of ", function_of("f", *variables), " again. Now look at it from straight above.")


def map_caption(variables: Sequence[str]) -> str:
    """The map: which way each input runs on it, and what its lines join."""
    n, e = variables
    if tuple(variables) == ("n", "e"):
        return said("From above it is a map, north up and east to the right. Each line joins points of equal height.")
    return said("From above it is a map, ", name(n), " up and ", name(e), " to the right. Each line joins points of equal height.")


def arrows_caption(facts: FieldFacts) -> str:
    cut = " (the longest cut short)" if facts.capped else ""
    return said("At points of a grid, draw ", gradient("f"), " as an arrow, as long as the slope", cut, ".")


def right_angle_caption() -> str:
    """The marked arrow and its contour line (the mark is drawn from the traced line)."""
    return said("Each arrow crosses the contour line through its foot at a right angle.")


def pattern_caption(facts: FieldFacts) -> str:
    """What the arrows show together."""
    if facts.even:
        return said("Every arrow is the same: the slope is the same everywhere, and the lines are evenly spaced.")
    return said("The arrows point uphill, straight across the lines, longest where the lines crowd together.")


def flip_caption(facts: FieldFacts) -> str:
    return said("Turn every arrow round: ", gradient("f", minus=True), " points straight downhill, the way down.")
