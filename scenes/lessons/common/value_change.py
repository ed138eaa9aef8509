"""Did f go down, up, or neither between two points of a walk: the mathematics, not the floats.

A caption that says "f falls" or counts "49 of the steps go down" must be true of the
function, not of its rounding: near ``w = 0`` the floats of ``cosh(w) - 1`` round to 0 or
to the last bit, so a float difference of two values can read as a rise, a fall or no
change at all while f really fell. :class:`ValueChange` decides in two stages, both
mathcore's:

1. :func:`mathcore.numeric.significant_change` on the walk's values, with the size of f
   on the range shown as the scale: a change well above float resolution is what it reads;
2. a change below that resolution is decided by :func:`mathcore.numeric.exact_change`
   (sympy evaluates f(after) - f(before) with the precision the cancellation needs); if f
   has no value there either, the change is neither (0).

Nothing here draws.

Examples
--------
>>> from mathcore import Curve, gradient_descent
>>> curve = Curve("cosh(w) - 1", variable="w")
>>> path = gradient_descent(curve, 2.5, 0.3, max_steps=60, tolerance=1e-8)
>>> judge = ValueChange.for_view(curve, (-2.5, 4.5))
>>> set(judge.steps(path))
{-1}
"""

from __future__ import annotations

from dataclasses import dataclass

from mathcore import Curve, DescentPath, DomainError
from mathcore.numeric import exact_change, significant_change, value_scale

__all__ = ["ValueChange"]


@dataclass(frozen=True)
class ValueChange:
    """Judge of the change of ``curve`` between points, at the float resolution of ``scale``.

    Parameters
    ----------
    curve : Curve
        The function of the walks.
    scale : float
        The size of f's values on the range shown (:func:`mathcore.numeric.value_scale`).
    """

    curve: Curve
    scale: float

    @classmethod
    def for_view(cls, curve: Curve, x_range) -> ValueChange:
        """The judge for ``curve`` drawn over ``x_range`` (its first two numbers)."""
        low, high = float(x_range[0]), float(x_range[1])
        try:
            scale = value_scale(curve, (low, high))
        except DomainError:
            scale = 1.0
        return cls(curve, scale)

    def between(self, w_before: float, f_before: float, w_after: float, f_after: float) -> int:
        """+1 if f rose from (``w_before``, ``f_before``) to (``w_after``, ``f_after``), -1 if
        it fell, 0 if neither (the same point, equal values, or no value to compare)."""
        change = significant_change(f_before, f_after, self.scale)
        if change != 0 or float(w_before) == float(w_after):
            return change
        try:
            return exact_change(self.curve, float(w_before), float(w_after))
        except (DomainError, ValueError):
            return 0

    def of(self, path: DescentPath, before: int, after: int) -> int:
        """The change of f from point ``before`` to point ``after`` of the one-variable ``path``."""
        return self.between(
            float(path.points[before, 0]), float(path.values[before]), float(path.points[after, 0]), float(path.values[after])
        )

    def steps(self, path: DescentPath, count: int | None = None) -> tuple[int, ...]:
        """The change over each of the first ``count`` steps of ``path`` (all by default)."""
        count = path.steps if count is None else min(int(count), path.steps)
        return tuple(self.of(path, i, i + 1) for i in range(count))
