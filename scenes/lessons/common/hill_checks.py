"""The numbers a hill lesson checks before it draws: the heights it fits, and its points.

Pure functions of a field and its settings (no scene needed), used by
:class:`~scenes.lessons.common.hill.HillLesson` (and importable from there):

* :func:`fitted_value_range`: the round range of heights the height axis shows;
* :func:`checked_point`: a point setting as two numbers on the drawn hill, or a one-line
  error naming the setting;
* :func:`checked_numbers`, :func:`is_real_number`, :func:`is_whole_number`: number settings
  not declared with :class:`~scenes.kit.settings.Setting`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from mathcore import DomainError, ScalarField

from scenes.kit.numbers import number
from scenes.parts.plot2d.axes import nice_range

__all__ = ["checked_numbers", "checked_point", "fitted_value_range", "is_real_number", "is_whole_number"]

#: Samples each way when fitting the vertical scale.
FIT_SAMPLES = 81


def fitted_value_range(field: ScalarField, n_range: Sequence[float], e_range: Sequence[float], ticks: int = 5) -> tuple[float, float, float]:
    """``(low, high, step)`` of round numbers that holds the values of ``field`` on the
    rectangle (ignoring the runaway tails of a pole). The range starts at 0 when every value
    is positive and small next to its span, as elevations usually are, so the floor of the
    axes is sea level.

    Raises :class:`~mathcore.DomainError` when the field has no finite value there.
    """
    low, high = field.value_range(n_range, e_range, FIT_SAMPLES)
    if 0 <= low <= 0.25 * (high - low):
        low = 0.0
    elif -0.25 * (high - low) <= high <= 0:
        high = 0.0
    return nice_range(low, high, ticks=ticks, pad=0.0)


def checked_point(
    owner: str,
    attribute: str,
    value: Any,
    field: ScalarField,
    n_range: Sequence[float],
    e_range: Sequence[float],
    variables: Sequence[str] = ("n", "e"),
) -> tuple[float, float]:
    """``value`` (the setting ``owner.attribute``) as a point of the rectangle where
    ``field`` and its gradient are finite and the height lies within the drawn heights (not
    cut off near a pole); ``ValueError`` (or ``DomainError``) naming it otherwise.

    >>> from mathcore import ScalarField
    >>> checked_point("Hill", "start", (1, 2), ScalarField("n**2 + e**2", ("n", "e")), (-3, 3), (-3, 3))
    (1.0, 2.0)
    """
    try:
        a, b = (float(v) for v in value)
    except (TypeError, ValueError):
        raise ValueError(f"{owner}.{attribute} must be two numbers ({variables[0]}, {variables[1]}); got {value!r}") from None
    inside = n_range[0] <= a <= n_range[1] and e_range[0] <= b <= e_range[1]
    if not (math.isfinite(a) and math.isfinite(b)) or not inside:
        raise ValueError(f"{owner}.{attribute} = {value!r} must lie in n_range {tuple(n_range)!r} and e_range {tuple(e_range)!r}")
    if not (np.isfinite(field(a, b)) and np.all(np.isfinite(field.gradient((a, b))))):
        raise DomainError(f"{owner}.{attribute}: {field.text!r} or its slopes are undefined at ({a:g}, {b:g})")
    low, high = fitted_value_range(field, n_range, e_range)[:2]
    height = float(field(a, b))
    if not low <= height <= high:
        raise DomainError(
            f"{owner}.{attribute} = {tuple(value)!r}: the height there, {number(height, 2)}, is outside the drawn range "
            f"{number(low, 2)} to {number(high, 2)} (the hill is cut off there); choose a point away from the pole"
        )
    return a, b


def checked_numbers(owner: type, limits: Sequence[tuple[str, float, float]], whole: bool = False) -> None:
    """``ValueError`` naming the attribute unless each ``(attribute, low, high)`` of
    ``limits`` is, on the class ``owner``, a number (``whole``: an int; never a bool) from
    low to high."""
    check, kind = (is_whole_number, "whole number") if whole else (is_real_number, "number")
    for attribute, low, high in limits:
        value = getattr(owner, attribute)
        if not check(value) or not low <= value <= high:
            raise ValueError(f"{owner.__name__}.{attribute} must be a {kind} from {low:g} to {high:g}; got {value!r}")


def is_real_number(value: Any) -> bool:
    """A finite int or float setting (``True`` is not a number here).

    >>> is_real_number(2), is_real_number(2.5), is_real_number(True), is_real_number(float("nan"))
    (True, True, False, False)
    """
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def is_whole_number(value: Any) -> bool:
    """An int setting (``True`` is not a count here)."""
    return isinstance(value, int) and not isinstance(value, bool)
