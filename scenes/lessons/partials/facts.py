"""The facts of :class:`~scenes.lessons.partials.scene.PartialDerivatives` (pure; no manim).

The point itself is a :class:`~scenes.lessons.common.point_facts.PointFacts` (height, both
slopes, the digits they are shown with); each slice through it gets a :class:`SliceFacts`, and
a flat point a :class:`FlatFacts` naming mathcore's kind of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from scenes.kit.beats import Facts
from scenes.lessons.common.point_facts import PointFacts

__all__ = ["FlatFacts", "SliceFacts", "compass", "flat_facts", "slice_facts", "walk_words"]


def compass(variable: str, index: int) -> str | None:
    """The lesson's compass word for input ``index``: "north" for the first variable when
    it is called ``n``, "east" for the second when it is called ``e``; None otherwise.

    >>> compass("n", 0), compass("e", 1), compass("x", 0)
    ('north', 'east', None)
    """
    return {(0, "n"): "north", (1, "e"): "east"}.get((index, variable))


def walk_words(variable: str, index: int) -> str:
    """How a caption says "in the direction of growing ``variable``": "north", "east", or
    "along x" for inputs without a compass word."""
    return compass(variable, index) or f"along {variable}"


@dataclass(frozen=True)
class SliceFacts(Facts):
    """One slice: input ``index`` varies, the other is held at the point's value.

    ``slope`` is the partial derivative as shown (rounded to the point's digits), so what a
    caption says about it agrees with the number on screen.
    """

    index: int
    variable: str
    held: str
    held_value: str
    walk: str
    value_name: str
    slope: float
    shown: str


@dataclass(frozen=True)
class FlatFacts(Facts):
    """The point is flat in both directions (``slope`` 0) and mathcore's ``kind`` of it."""

    slope: float
    kind: str
    in_range: bool = True


def slice_facts(point: PointFacts, index: int, variables: Sequence[str], value_name: str) -> SliceFacts:
    """The facts of the slice along input ``index`` through ``point``."""
    slope = point.gradient[index]
    return SliceFacts(
        index=index,
        variable=variables[index],
        held=variables[1 - index],
        held_value=point.show(point.point[1 - index]),
        walk=walk_words(variables[index], index),
        value_name=value_name,
        slope=point.shown(slope),
        shown=point.show(slope),
    )


def flat_facts(point: PointFacts) -> FlatFacts:
    """The facts of a flat ``point`` (``point.flat``): slope 0 and mathcore's kind."""
    if not point.flat:
        raise ValueError(f"the point {point.point} is not flat: its gradient is {point.gradient}")
    return FlatFacts(0.0, point.kind or "degenerate")
