"""The facts of :class:`~scenes.lessons.gradient_field.scene.GradientField` (pure; no manim):
what the arrows of the field show together."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from scenes.kit.beats import Facts

__all__ = ["FieldFacts", "field_facts"]


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
    """The facts of arrows with gradient lengths ``magnitudes``.

    >>> field_facts(np.array([1.0, 1.0]), False).even, field_facts(np.array([1.0, 3.0]), True).even
    (True, False)
    """
    m = np.asarray(magnitudes, dtype=float)
    positive = bool(len(m)) and bool(np.all(m > 0))
    even = bool(len(m)) and float(np.max(m)) <= 1.02 * float(np.min(m))
    return FieldFacts(count=len(m), capped=capped, even=even, rose=positive, fell=positive)
