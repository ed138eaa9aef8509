"""How the rolling lessons write numbers: digits for points, heights and settings.

Every number goes through :func:`scenes.kit.numbers.number` (round half away from zero, 0
never 0.00, no scientific notation); these helpers only choose how many decimals. No manim.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from scenes.kit.numbers import number, shown

__all__ = ["Digits", "exact_number", "value_decimals"]


@dataclass(frozen=True)
class Digits:
    """How the lesson writes numbers: ``coords`` decimals for points and distances,
    ``values`` decimals for heights (see :func:`value_decimals`)."""

    coords: int = 2
    values: int = 2

    def at(self, point: Sequence[float], variables: Sequence[str]) -> str:
        """``"n = 2.50, e = 2.00"``."""
        return ", ".join(f"{name} = {number(v, self.coords)}" for name, v in zip(variables, point))

    def pair(self, point: Sequence[float]) -> str:
        """``"(2.50, 2.00)"``."""
        return "(" + ", ".join(number(v, self.coords) for v in point) + ")"

    def value(self, value: float) -> str:
        return number(value, self.values)

    def small(self, value: float) -> str:
        """A small positive quantity (a slope, a distance) with two significant digits."""
        return number(value, _decimals_for(value, self.coords))


def value_decimals(span: float, least: int = 2, most: int = 6) -> int:
    """Decimals that show heights spanning ``span`` to three significant digits (at least
    ``least``, at most ``most``): 2 for a hill up to 4.3, 5 for one up to 0.0018."""
    if not (math.isfinite(span) and span > 0):
        return least
    return int(min(most, max(least, 2 - math.floor(math.log10(span)))))


def _decimals_for(value: float, least: int, most: int = 6) -> int:
    value = abs(float(value))
    if not (math.isfinite(value) and value > 0):
        return least
    return int(min(most, max(least, 1 - math.floor(math.log10(value)))))


def exact_number(value: float, most: int = 6) -> tuple[str, bool]:
    """``value`` with the fewest decimals (up to ``most``) that show it exactly, and
    whether they do (a setting such as eta = 0.005 is shown as given, not rounded)."""
    for digits in range(most + 1):
        if shown(value, digits) == float(value):
            return number(value, digits), True
    return number(value, most), False
