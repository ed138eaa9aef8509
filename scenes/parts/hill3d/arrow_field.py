"""Gradient arrows: on a grid over a field (a gradient field), and flat in the n-e plane.

:func:`arrow_grid` puts a foot at the centre of each cell of a grid over the rectangle and
gives each an arrow along the gradient, as long as |∇f| allows up to a cap (so arrows never
run into their neighbours), none where f is undefined or nearly flat. :func:`level_tangent`
finds the direction of a contour line near a point, to show the right angle an arrow makes
with it. :func:`flat_arrow` draws an arrow whose tip lies in the plane of its shaft, as a
vector in the n-e plane should look in a 3-D scene.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from manim import Arrow

from mathcore import ScalarField

__all__ = ["ArrowGrid", "arrow_grid", "arrow_lengths", "flat_arrow", "grid_feet", "level_tangent", "point_along", "right_angle_mark"]


def grid_feet(a_range: Sequence[float], b_range: Sequence[float], count: int) -> np.ndarray:
    """The centres of a ``count`` x ``count`` grid of cells over the rectangle, as (count², 2)
    (a, b) rows: the feet of the arrows of a gradient field, half a cell from the edges."""
    (a0, a1), (b0, b1) = a_range, b_range
    a = a0 + (np.arange(count) + 0.5) * (a1 - a0) / count
    b = b0 + (np.arange(count) + 0.5) * (b1 - b0) / count
    grid_a, grid_b = np.meshgrid(a, b)
    return np.column_stack([grid_a.ravel(), grid_b.ravel()])


def arrow_lengths(magnitudes: np.ndarray, cap: float, quantile: float = 0.75) -> np.ndarray:
    """Arrow lengths proportional to ``magnitudes`` (the |∇f| of each foot), cut off at
    ``cap``: the scale puts the ``quantile`` of the finite magnitudes at ``cap``, so a few
    very steep spots do not shrink every other arrow to nothing. Non-finite magnitudes
    give NaN (no arrow); the order of the magnitudes is kept (ties where cut off)."""
    m = np.asarray(magnitudes, dtype=float)
    finite = np.isfinite(m)
    if not finite.any():
        return np.full(m.shape, np.nan)
    reference = float(np.quantile(m[finite], quantile))
    if reference <= 0:
        reference = float(np.max(m[finite]))
    scale = cap / reference if reference > 0 else 0.0
    with np.errstate(invalid="ignore"):
        return np.where(finite, np.minimum(m * scale, cap), np.nan)


def level_tangent(lines: Sequence[np.ndarray], point: Sequence[float]) -> tuple[np.ndarray, float]:
    """The unit direction of the contour line nearest ``point`` there, and its distance.

    ``lines`` are contour polylines (k, 2) such as :func:`~scenes.parts.hill3d.contours.contour_lines`
    returns for the level f(point). The direction is that of the nearest segment, blended
    towards the next segment near its ends (half and half at a corner): the chords of a
    curve turn at the corners, and the blend follows the curve's tangent between them.
    """
    p = np.asarray(point, dtype=float)
    best, best_distance = np.array([1.0, 0.0]), math.inf
    for line in lines:
        step = np.diff(line, axis=0)
        length = np.linalg.norm(step, axis=1)
        ok = length > 0
        if not ok.any():
            continue
        line, step, length = np.vstack([line[:-1][ok], line[1:][ok][-1:]]), step[ok], length[ok]
        units = step / length[:, None]
        t = np.clip(np.einsum("ij,ij->i", p - line[:-1], step) / length**2, 0.0, 1.0)
        distance = np.linalg.norm(line[:-1] + t[:, None] * step - p, axis=1)
        k = int(np.argmin(distance))
        if distance[k] >= best_distance:
            continue
        best_distance = float(distance[k])
        # Blend with the neighbouring segment towards the nearer end: half and half at a corner.
        w = float(t[k]) - 0.5
        other = k + 1 if w > 0 else k - 1
        if np.allclose(line[0], line[-1]):
            other %= len(units)
        direction = units[k] * (1 - abs(w)) + (units[other] * abs(w) if 0 <= other < len(units) else 0.0)
        best = direction / np.linalg.norm(direction)
    return best, best_distance


@dataclass(frozen=True)
class ArrowGrid:
    """The arrows of a gradient field: where they start, the gradient there, their lengths.

    Attributes
    ----------
    feet : (k, 2) array
        The (a, b) points the arrows start from (grid points where an arrow is drawn).
    gradients : (k, 2) array
        The gradient at each foot, from :meth:`mathcore.ScalarField.gradient`.
    magnitudes : (k,) array
        Their lengths |∇f|.
    lengths : (k,) array
        The arrows' lengths in units of a and b (see :func:`arrow_lengths`).
    capped : bool
        Whether some arrow was cut off at the cap.
    """

    feet: np.ndarray
    gradients: np.ndarray
    magnitudes: np.ndarray
    lengths: np.ndarray
    capped: bool

    @property
    def tips(self) -> np.ndarray:
        """Where the arrows end: each foot plus its length along the gradient."""
        if not len(self.feet):
            return self.feet.copy()
        return self.feet + self.lengths[:, None] * self.gradients / self.magnitudes[:, None]


def arrow_grid(
    field: ScalarField,
    a_range: Sequence[float],
    b_range: Sequence[float],
    count: int,
    cap: float = 0.5,
    shortest: float = 0.12,
) -> ArrowGrid:
    """Gradient arrows on a ``count`` x ``count`` grid (:func:`grid_feet`), as long as
    |∇f| allows up to ``cap`` times the grid spacing (:func:`arrow_lengths`).

    Feet where f or its gradient is undefined get no arrow, nor do feet whose arrow would be
    shorter than ``shortest`` times the spacing (nearly flat ground: no direction to see).
    """
    spacing = min((a_range[1] - a_range[0]) / count, (b_range[1] - b_range[0]) / count)
    feet = grid_feet(a_range, b_range, count)
    gradients = np.array([field.gradient(foot) for foot in feet], dtype=float)
    values = np.asarray(field.evaluate(feet[:, 0], feet[:, 1]), dtype=float)
    magnitudes = np.linalg.norm(gradients, axis=1)
    magnitudes[~(np.isfinite(values) & np.isfinite(magnitudes))] = np.nan
    lengths = arrow_lengths(magnitudes, cap * spacing)
    with np.errstate(invalid="ignore"):
        keep = np.isfinite(lengths) & (lengths >= shortest * spacing)
    capped = bool(np.any(lengths[keep] >= cap * spacing * (1 - 1e-9)))
    return ArrowGrid(feet[keep], gradients[keep], magnitudes[keep], lengths[keep], capped)


def flat_arrow(start, end, color, stroke_width: float = 5.0, tip_length: float = 0.2, tip_ratio: float = 0.35) -> Arrow:
    """A straight arrow from ``start`` to ``end`` (a horizontal one lies flat in the n-e
    plane, its tip too), with a tip that shrinks on short arrows."""
    return Arrow(
        start,
        end,
        buff=0,
        color=color,
        stroke_width=stroke_width,
        tip_length=tip_length,
        max_tip_length_to_length_ratio=tip_ratio,
        max_stroke_width_to_length_ratio=30,
    )


def point_along(line: np.ndarray, start: Sequence[float], direction: Sequence[float], distance: float) -> np.ndarray:
    """The point of the polyline ``line`` (k, 2) reached by walking ``distance`` along it from
    the point of the line nearest ``start``, the way of ``direction``; the line's end if it
    is shorter. A closed line (last point = first) is walked round its closing point."""
    line = np.asarray(line, dtype=float)
    p, d = np.asarray(start, dtype=float), np.asarray(direction, dtype=float)
    step = np.diff(line, axis=0)
    length = np.linalg.norm(step, axis=1)
    keep = length > 0
    points, step, length = np.vstack([line[:-1][keep], line[-1:]]), step[keep], length[keep]
    if not len(length):
        return p.copy()
    t = np.clip(np.einsum("ij,ij->i", p - points[:-1], step) / length**2, 0.0, 1.0)
    k = int(np.argmin(np.linalg.norm(points[:-1] + t[:, None] * step - p, axis=1)))
    forward = float(np.dot(step[k], d)) >= 0
    closed = np.allclose(points[0], points[-1])
    here, left = points[k] + t[k] * step[k], float(distance)
    for _ in range(len(length) + 1):
        end = points[k + 1] if forward else points[k]
        gap = float(np.linalg.norm(end - here))
        if gap >= left:
            return here + (end - here) * (left / gap if gap > 0 else 0.0)
        left -= gap
        here = end
        k = k + 1 if forward else k - 1
        if not 0 <= k < len(length):
            if not closed:
                return here
            k %= len(length)
            here = points[k] if forward else points[k + 1]
    return here


def right_angle_mark(line: np.ndarray, foot: Sequence[float], up: Sequence[float], side: float) -> np.ndarray:
    """The corners (3, 2) of a right-angle mark between the contour ``line`` through ``foot``
    and the arrow from ``foot`` along the unit vector ``up`` (the gradient's direction),
    ``side`` long (in the units of the line's coordinates): from the point of the line
    ``side`` along it from the foot, out parallel to the arrow, then back to the arrow. The
    first corner lies on the contour line however it curves, so the mark sits on it. Where
    the line bends sharply within ``side`` (a small ring), the mark is made smaller (down to
    an eighth) until the line leaves the foot within about 12 degrees of square."""
    foot, up = np.asarray(foot, dtype=float), np.asarray(up, dtype=float)
    across = np.array([up[1], -up[0]])  # the level direction, a quarter turn from the arrow
    for side in side / np.array([1.0, 2.0, 4.0, 8.0]):
        on_line = point_along(line, foot, across, side)
        chord = on_line - foot
        if np.linalg.norm(chord) == 0 or abs(np.dot(chord, up)) <= 0.2 * np.linalg.norm(chord):
            break
    return np.array([on_line, on_line + side * up, foot + side * up])
