"""Scales and tolerances: what counts as a change, a flat slope, the same walk, for a function.

Floats round. A lesson must not tell a learner that a walk "went up" because the last bit of
``cosh(w) - 1`` flipped, nor call two walks different because they part by 1e-15. The
rules here decide such facts relative to the function's own scale on the range shown, never
with a fixed absolute threshold, and :func:`exact_change` decides the sign of a change in
exact arithmetic (sympy) when that is what a caption needs:

* :func:`value_scale`: how large f's values are on a range (the size its rounding follows);
* :func:`significant_change`: +1 / -1 / 0, a change below float resolution is neither;
* :func:`exact_change`: the mathematical sign of f(after) - f(before);
* :func:`typical_slope`: the rise of f over the range divided by its width, what "steep" means;
* :func:`is_flat`: a slope that is noise next to the typical slope;
* :func:`same_walk`: two walks no farther apart than about a pixel of the picture.

Examples
--------
>>> significant_change(1.0, 1.0 + 1e-15, scale=1.0), significant_change(1.0, 0.9, scale=1.0)
(0, -1)
>>> from mathcore import Curve
>>> exact_change(Curve("cosh(w) - 1", variable="w"), 1e-9, 5e-10)
-1
>>> typical_slope(Curve("x**2"), (0, 2))
2.0
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import sympy

from .sampling import DomainError, robust_range

if TYPE_CHECKING:
    from .descent import DescentPath
    from .symbolic import SymbolicFunction

__all__ = [
    "CREEP_SHARE",
    "FLAT_SHARE",
    "PIXEL_SHARE",
    "RESOLUTION",
    "exact_change",
    "is_flat",
    "same_walk",
    "significant_change",
    "typical_slope",
    "value_scale",
]

#: Relative size of a change that floats cannot tell from rounding: 2**-40 (about 9e-13,
#: some 4000 units in the last place), leaving room for the rounding of a formula's steps.
RESOLUTION = 2.0**-40

#: A slope smaller than this share of the typical slope counts as flat (noise).
FLAT_SHARE = 1e-7

#: A walk creeps when its slope is below this share of the typical slope near it.
CREEP_SHARE = 1e-2

#: Two points closer than this share of the plotted length are one point on screen (about a
#: pixel of a 1000-pixel-wide plot).
PIXEL_SHARE = 1e-3


def _ranges(function: SymbolicFunction, ranges: Sequence[Sequence[float]]) -> list[tuple[float, float]]:
    if len(ranges) != function.dimension:
        raise ValueError(
            f"{function.text!r} has {function.dimension} variable(s) ({', '.join(function.variables)}); "
            f"give one range each, got {len(ranges)}"
        )
    checked = []
    for name, bounds in zip(function.variables, ranges, strict=True):
        low, high = float(bounds[0]), float(bounds[1])
        if not (math.isfinite(low) and math.isfinite(high) and low < high):
            raise ValueError(f"the range of {name} must be two finite numbers, low < high; got {tuple(bounds)!r}")
        checked.append((low, high))
    return checked


def _span(function: SymbolicFunction, ranges: Sequence[Sequence[float]], num: int) -> tuple[float, float]:
    """f's span over the box (robust to the runaway tails of a pole)."""
    checked = _ranges(function, ranges)
    axes = np.meshgrid(*(np.linspace(low, high, num) for low, high in checked), indexing="ij")
    values = function.evaluate(*axes)
    try:
        return robust_range(values)
    except DomainError:
        raise DomainError(f"{function.text!r} has no finite value on {tuple(map(tuple, checked))!r}") from None


def value_scale(function: SymbolicFunction, *ranges: Sequence[float], num: int = 201) -> float:
    """How large f's values are on the box ``ranges`` (one (low, high) per variable): the
    largest |f| there, ignoring a pole's runaway tail; at least the smallest positive double.
    The rounding of f's values is relative to this size.

    >>> from mathcore import Curve
    >>> value_scale(Curve("1000 + x**2"), (-1, 1))
    1001.0
    """
    low, high = _span(function, ranges, num)
    return max(abs(low), abs(high), 5e-324)


def significant_change(before: float, after: float, scale: float, resolution: float = RESOLUTION) -> int:
    """Did the value go up (+1), down (-1), or neither (0)?

    A change no larger than ``resolution * scale`` (``scale``: the size of the function's
    values, :func:`value_scale`) is below what floats resolve and counts as neither: near
    w = 0, ``cosh(w) - 1`` rounds to 0 or to the last bit, and that is neither a fall nor a
    rise. NaN anywhere counts as neither too.
    """
    before, after, scale = float(before), float(after), abs(float(scale))
    if not (math.isfinite(before) and math.isfinite(after)):
        return 0
    change = after - before
    if abs(change) <= resolution * scale:
        return 0
    return 1 if change > 0 else -1


def exact_change(function: SymbolicFunction, before, after, digits: int = 30) -> int:
    """The mathematical sign of f(after) - f(before), the points taken as the exact values
    of their floats: sympy evaluates the difference to ``digits`` significant digits with
    as much working precision as the cancellation needs (evalf). 0 when the two values are
    equal (the same point, a mirror point) or the difference has no significant digit.

    Raises :class:`~mathcore.DomainError` if f has no real value at either point.
    """
    values = []
    for point in (before, after):
        coords = np.atleast_1d(np.asarray(point, dtype=float)).ravel()
        if coords.size != function.dimension or not np.all(np.isfinite(coords)):
            raise ValueError(f"a point of {function.text!r} has {function.dimension} finite coordinate(s), got {point!r}")
        values.append(function.expr.xreplace({s: sympy.Rational(float(c)) for s, c in zip(function.symbols, coords)}))
    difference = values[1] - values[0]
    if difference == 0:
        return 0
    number = difference.evalf(digits, maxn=max(400, 4 * digits))
    if not number.is_number or number.has(sympy.nan, sympy.zoo, sympy.oo, -sympy.oo):
        raise DomainError(f"{function.text!r} has no real value at {before!r} or {after!r}")
    real, imaginary = number.as_real_imag()
    if imaginary != 0 and abs(imaginary) > 1e-20 * (1 + abs(real)):
        raise DomainError(f"{function.text!r} has no real value at {before!r} or {after!r}")
    if real == 0 or getattr(real, "_prec", 2) <= 1:
        return 0
    return 1 if real > 0 else -1


def typical_slope(function: SymbolicFunction, *ranges: Sequence[float], num: int = 81) -> float:
    """The rise of f over the box ``ranges`` divided by the box's widest side: the slope
    that counts as "steep" for this function there. 1 when f is constant on the box.

    >>> from mathcore import ScalarField
    >>> typical_slope(ScalarField("1e-6*(n**2 + e**2)", variables=("n", "e")), (-1, 1), (-1, 1))
    1e-06
    """
    low, high = _span(function, ranges, num)
    run = max(h - l for l, h in _ranges(function, ranges))
    rise = high - low
    return rise / run if rise > 0 else 1.0


def is_flat(slope: float | Sequence[float], typical: float, share: float = FLAT_SHARE) -> bool:
    """Is ``slope`` (a number or a gradient) no longer than ``share`` of the ``typical``
    slope (:func:`typical_slope`): flat to within the function's own noise?"""
    size = float(np.linalg.norm(np.atleast_1d(np.asarray(slope, dtype=float))))
    return bool(size <= share * abs(float(typical)))


def same_walk(
    first: DescentPath, second: DescentPath, length: float, share: float = PIXEL_SHARE, steps: int | None = None
) -> bool:
    """Are the two walks the same on the picture: as many points (up to ``steps`` steps if
    given), each pair no farther apart than ``share * length`` (``length``: the longer side
    of the plotted range, so the default is about a pixel)?

    Walks that part by float noise (1e-15) are the same walk; walks that part by more than a
    pixel are not, however alike their statuses.
    """
    if not (math.isfinite(float(length)) and float(length) > 0):
        raise ValueError(f"length must be a positive number, got {length!r}")
    a, b = np.asarray(first.points, dtype=float), np.asarray(second.points, dtype=float)
    if steps is not None:
        a, b = a[: int(steps) + 1], b[: int(steps) + 1]
    if a.shape != b.shape:
        return False
    return bool(np.all(np.linalg.norm(a - b, axis=1) <= share * float(length)))
