"""Facts about one point of a hillside: its height, its two partial slopes, the gradient,
and, where the ground is flat, what kind of flat point it is. All from mathcore.

The lessons on slopes (:mod:`scenes.lessons.partials.scene`, :mod:`scenes.lessons.gradient.scene`) write every caption
about the point from a :class:`PointFacts` (see :mod:`scenes.lessons.partials.captions` and
:mod:`scenes.lessons.gradient.captions`). :func:`digits_for` chooses how many decimals the numbers
need: a gentle hill reads at the lesson's ``decimals``, a tiny one (values near 0.0003)
gets the digits that keep its slopes from showing as 0. A point is flat when its gradient is
within :data:`mathcore.numeric.FLAT_SHARE` of the hill's :func:`mathcore.numeric.typical_slope`
(re-exported here).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from mathcore import ScalarField
from mathcore.numeric import FLAT_SHARE, is_flat, typical_slope

from scenes.kit.beats import Facts
from scenes.kit.numbers import number, shown
from scenes.kit.spoken import num

__all__ = ["MOST_DIGITS", "PointFacts", "digits_for", "point_facts", "typical_slope"]

#: The most decimals a number on screen gets (the formatter's limit).
MOST_DIGITS = 6


def digits_for(values: Iterable[float], decimals: int, significant: int = 2, most: int = MOST_DIGITS) -> int:
    """The fewest decimals, at least ``decimals``, that show each of ``values`` (non-zero
    ones) with ``significant`` digits, up to ``most``.

    >>> digits_for([0.9, 1.2], 2), digits_for([0.00036, 0.0003], 2), digits_for([250.0], 0)
    (2, 5, 0)
    """
    digits = decimals
    for value in values:
        size = abs(float(value))
        if size > 0 and math.isfinite(size):
            digits = max(digits, significant - 1 - math.floor(math.log10(size)))
    return min(max(digits, 0), most)


@dataclass(frozen=True)
class PointFacts(Facts):
    """One point of the hillside and its slopes.

    Attributes
    ----------
    point : (float, float)
        The point (first variable, second variable).
    height : float
        f at the point.
    gradient : (float, float)
        Both partial derivatives.
    steepest : float
        The length of the gradient: the largest slope over all directions.
    digits : int
        The decimals every number about this point is shown with.
    flat : bool
        The gradient is zero (to within noise): no direction is steepest.
    kind : str or None
        For a flat point, mathcore's kind ("minimum", "maximum", "saddle", "degenerate").
    in_range : bool
        The point lies in the range shown (always, for a lesson's own point).
    """

    point: tuple[float, float]
    height: float
    gradient: tuple[float, float]
    steepest: float
    digits: int
    flat: bool
    kind: str | None = None
    in_range: bool = True

    def show(self, value: float) -> str:
        """``value`` written with this point's digits (a :class:`~scenes.kit.spoken.Said`: the
        text, and the number in words)."""
        return num(value, self.digits)

    def shown(self, value: float) -> float:
        """``value`` as a reader reads it back."""
        return shown(value, self.digits)


def point_facts(field: ScalarField, point: Sequence[float], decimals: int, n_range: Sequence[float], e_range: Sequence[float]) -> PointFacts:
    """The facts of ``point`` on ``field`` (shown over ``n_range`` x ``e_range``)."""
    a, b = (float(v) for v in point)
    height = float(field(a, b))
    gradient = np.asarray(field.gradient((a, b)), dtype=float)
    steepest = float(np.linalg.norm(gradient))
    typical = typical_slope(field, n_range, e_range)
    flat = is_flat(gradient, typical)
    kind = None
    if flat:
        gradient = np.where(np.abs(gradient) <= FLAT_SHARE * typical, 0.0, gradient)
        steepest = 0.0
        try:
            kind = field.classify((a, b))
        except ValueError:
            kind = "degenerate"
    slopes = [g for g in gradient if g != 0]
    low, high = field.value_range(n_range, e_range)
    heights = [height] if abs(height) >= 0.01 * (high - low) else []  # a height near the floor may show as 0
    digits = digits_for([*slopes, *([steepest] if steepest else []), *heights], decimals)
    return PointFacts((a, b), height, (float(gradient[0]), float(gradient[1])), steepest, digits, flat, kind)
