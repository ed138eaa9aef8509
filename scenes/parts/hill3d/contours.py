"""Contour lines of a hillside and the top-view map that shows them.

A contour line (level curve) joins the points (a, b) where f(a, b) has one value: seen from
above, the rings of a bowl or the valleys of Himmelblau's function. The gradient crosses
every contour line at a right angle, which is what the lessons' top views show.

* :func:`contour_lines` traces the lines of one level: marching squares in mathcore
  (:meth:`mathcore.ScalarField.level_set`, :mod:`mathcore.level_sets`), here with the
  resolution counted in cells and the function given as a field or as text.
* :func:`contour_levels` picks well spread levels for a map (:func:`mathcore.level_sets.spread_levels`).
* :class:`ContourMap` is the map itself (:mod:`scenes.parts.hill3d.contour_map`, importable
  from here too): a small framed :class:`~manim.Axes` with the contour lines coloured from
  dark (low) to light (high), ready to pin as an inset.

Example
-------
::

    hill = ScalarField("0.3*(n**2 + 2*e**2)", variables=("n", "e"))
    rings = contour_lines(hill, (-3, 3), (-3, 3), level=1.0)   # [array of shape (k, 2)]
    descent = gradient_descent(hill, (2.5, 2.0), learning_rate=0.3)
    inset = ContourMap(hill, (-3, 3), (-3, 3), width=2.5).to_corner(UR)
    inset.add(inset.path(descent.points), inset.marker(*descent.points[-1]))
    self.add_fixed_in_frame_mobjects(inset)                      # in a 3-D scene
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from mathcore import ScalarField
from mathcore.level_sets import REFINE_STEPS, FieldSample, spread_levels, trace_level


__all__ = ["CONTOUR_RAMP", "REFINE_STEPS", "TICK_NUMBER_SIZE", "ContourMap", "contour_levels", "contour_lines"]

def _as_field(field: ScalarField | str, variables: Sequence[str]) -> ScalarField:
    if isinstance(field, ScalarField):
        return field
    if isinstance(field, str):
        return ScalarField(field, variables=variables)
    raise TypeError(f"field must be a ScalarField or its formula as text, not {type(field).__name__}")


def _sample(field: ScalarField, a_range, b_range, resolution) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The grid's a values, b values and f on it (rows along b), ``resolution`` cells each way."""
    na, nb = (resolution, resolution) if isinstance(resolution, (int, np.integer)) else resolution
    if int(na) < 1 or int(nb) < 1:
        raise ValueError(f"resolution must be at least 1 cell each way, got {resolution!r}")
    sample = field.sample(a_range, b_range, (int(na) + 1, int(nb) + 1))
    return sample.a, sample.b, sample.values


def contour_lines(
    field: ScalarField | str,
    a_range: Sequence[float],
    b_range: Sequence[float],
    level: float,
    resolution: int | tuple[int, int] = 96,
    *,
    refine: int = REFINE_STEPS,
    variables: Sequence[str] = ("n", "e"),
) -> list[np.ndarray]:
    """The contour lines f(a, b) = ``level`` over a rectangle, as polylines.

    Parameters
    ----------
    field : ScalarField or str
        The function; text is parsed by mathcore with ``variables``.
    a_range, b_range : (float, float)
        The rectangle of the two variables.
    level : float
        The value the lines keep.
    resolution : int or (int, int)
        Cells of the marching-squares grid along a and b.
    refine : int
        Regula-falsi steps (Illinois variant) that move each crossing from the linear guess
        onto the level; 0 keeps the linear interpolation between the grid values.
    variables : (str, str)
        The variable names when ``field`` is text.

    Returns
    -------
    list of (k, 2) arrays
        The (a, b) points of each line, all finite; a closed line ends with its first point
        repeated. An empty list when f never crosses ``level`` in the rectangle.
    """
    field = _as_field(field, variables)
    a, b, values = _sample(field, a_range, b_range, resolution)
    return _trace(field, a, b, values, float(level), refine)


def _trace(field: ScalarField, a: np.ndarray, b: np.ndarray, z: np.ndarray, level: float, refine: int) -> list[np.ndarray]:
    return list(trace_level(field, FieldSample(a, b, z), level, refine))


def contour_levels(
    field_or_values: ScalarField | str | np.ndarray,
    count: int = 8,
    a_range: Sequence[float] | None = None,
    b_range: Sequence[float] | None = None,
    *,
    resolution: int = 96,
    spacing: float = 2.0,
    variables: Sequence[str] = ("n", "e"),
) -> np.ndarray:
    """``count`` well spread levels for a contour map.

    The rule: take the span [low, high] of the finite sampled values, ignoring the tails
    when a pole makes them run off (:func:`mathcore.sampling.robust_range`: then the central
    98 % of the values), and put level k (k = 1 .. count) at

        low + (high - low) * (k / (count + 1)) ** spacing.

    With the default ``spacing = 2`` the levels crowd towards the minimum: around a
    quadratic bowl their rings are evenly spaced in distance, and a function with a large
    range such as Himmelblau's (0 to about 900 on [-5, 5]^2) still gets a first level low
    enough (about 11) to ring each of its four minima separately. ``spacing = 1`` spaces the
    levels evenly in value.

    Parameters
    ----------
    field_or_values : ScalarField, str or array
        The function (sampled over ``a_range`` x ``b_range``) or values already sampled.
    count : int
        How many levels.
    a_range, b_range : (float, float)
        The rectangle to sample a function over (required with a function).
    resolution : int
        Cells of the sampling grid each way.
    spacing : float
        The exponent of the rule above, > 0.
    variables : (str, str)
        The variable names when the function is text.

    Returns
    -------
    (count,) array
        Strictly increasing levels strictly inside (low, high); empty if f is constant.

    Raises
    ------
    DomainError
        If no sampled value is finite.
    """
    if isinstance(field_or_values, (ScalarField, str)):
        if a_range is None or b_range is None:
            raise ValueError("a_range and b_range are needed to sample a function")
        values = _sample(_as_field(field_or_values, variables), a_range, b_range, resolution)[2]
    else:
        values = np.asarray(field_or_values, dtype=float)
    return spread_levels(values, count, spacing)


def __getattr__(name: str) -> Any:
    """The map's names, from :mod:`scenes.parts.hill3d.contour_map` (imported when asked for,
    as that module builds on the functions here)."""
    if name in ("CONTOUR_RAMP", "TICK_NUMBER_SIZE", "ContourMap"):
        from scenes.parts.hill3d import contour_map

        return getattr(contour_map, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
