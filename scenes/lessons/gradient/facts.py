"""The facts of :class:`~scenes.lessons.gradient.scene.GradientOnHillside` (pure; no manim).

The point is a :class:`~scenes.lessons.common.point_facts.PointFacts`; each pause of the
turning arrow gets a :class:`DirectionFacts` (the slope that way, as shown, and whether it is
the steepest way up, the level way across or the way down). :func:`turn_stops` says where the
turning arrow pauses.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from mathcore import ScalarField

from scenes.kit.beats import Facts
from scenes.lessons.common.point_facts import PointFacts

__all__ = ["TAU", "DirectionFacts", "direction_facts", "turn_stops"]

TAU = 2 * math.pi


@dataclass(frozen=True)
class DirectionFacts(Facts):
    """The slope at the point in one direction, as shown (``slope``), and which direction
    it is: ``"steepest"`` (along the gradient), ``"level"`` (across it) or ``"down"``."""

    slope: float
    shown: str
    kind: str = ""


def turn_stops(gradient: Sequence[float]) -> list[tuple[float, str]]:
    """Where an arrow turning once around a point, from angle 0 (along the first variable)
    counter-clockwise, should pause: along the gradient (``"steepest"``) and a quarter turn
    further (``"level"``, slope zero), as angles in [0, 2π) in the order the turn meets them.

    >>> [(round(a, 4), k) for a, k in turn_stops((0.0, 1.0))]
    [(1.5708, 'steepest'), (3.1416, 'level')]
    """
    steepest = math.atan2(float(gradient[1]), float(gradient[0])) % TAU
    level = (steepest + math.pi / 2) % TAU
    return sorted([(steepest, "steepest"), (level, "level")])


def slope_towards(field: ScalarField, point: Sequence[float], angle: float) -> float:
    """The slope of ``field`` at ``point`` in the direction ``angle`` (from the first input's
    axis towards the second's)."""
    return field.directional_derivative(tuple(point), (math.cos(angle), math.sin(angle)))


def direction_facts(field: ScalarField, point: PointFacts, angle: float, kind: str) -> DirectionFacts:
    """The facts of the direction ``angle`` at ``point``: its slope as shown, and ``kind``."""
    slope = slope_towards(field, point.point, angle)
    return DirectionFacts(point.shown(slope), point.show(slope), kind)
