"""Colour by share of the ground: a hillside coloured so that the shape of its low ground shows.

A hill coloured along a ramp from its lowest to its highest value hides a feature that lies
low next to the hill's span: Rosenbrock's curved valley (values under 10 where the hill
reaches 2500) is one dark tone. Coloured instead by the share of the ground that lies lower
(each face's rank among the values: the darkest tenth of the colours covers the lowest tenth
of the ground), every tone covers the same area, the colours change along the level lines and
the valley floor reads as a dark curved band. The heights themselves are untouched: the
height axis stays linear and carries its numbers.

:func:`low_lying` says when a hill needs this (half of its ground lies in the lowest
:data:`LOW_SHARE` of its span); :func:`share_below` gives each value's share;
:func:`paint_height_bands` colours a :class:`~scenes.parts.hill3d.hillside.HillsideMesh`.
Pure numpy but for the mesh it paints.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from manim import BLACK, WHITE, ManimColor, interpolate_color

from scenes.kit import style

__all__ = ["LOW_SHARE", "SHARE_RAMP", "band_levels", "face_values", "low_lying", "paint_height_bands", "share_below"]

#: A hill is low-lying when half of its ground lies within this share of its span above its
#: lowest value (Rosenbrock on (-2, 2) x (-1, 3): 0.06; a bowl: about 0.3).
LOW_SHARE = 0.15


def low_lying(values: np.ndarray, share: float = LOW_SHARE) -> bool:
    """Does half of the ground (the median of the finite ``values``) lie within ``share`` of
    the span above the lowest value?

    >>> low_lying(np.array([0.0, 1.0, 2.0, 3.0, 100.0])), low_lying(np.linspace(0, 1, 11))
    (True, False)
    """
    v = np.asarray(values, dtype=float)
    v = v[np.isfinite(v)]
    if len(v) < 2:
        return False
    low, high = float(np.min(v)), float(np.max(v))
    return high > low and float(np.median(v)) - low < share * (high - low)


def band_levels(values: np.ndarray, count: int = 8) -> np.ndarray:
    """The edges between ``count`` bands each holding the same share of the finite
    ``values`` (their quantiles), strictly increasing (repeated edges dropped).

    >>> band_levels(np.arange(9.0), 4).tolist()
    [2.0, 4.0, 6.0]
    """
    if int(count) < 2:
        raise ValueError(f"count must be at least 2, got {count}")
    v = np.asarray(values, dtype=float)
    v = v[np.isfinite(v)]
    if not len(v):
        return np.zeros(0)
    return np.unique(np.quantile(v, np.arange(1, int(count)) / int(count)))


def face_values(mesh: Any) -> np.ndarray:
    """The value of each face of a hillside mesh (the mean of its corners; the pieces of a
    cut cell share the cell's)."""
    values = mesh.values[mesh.faces].mean(axis=1)
    if len(mesh.grid.cut_faces):
        values[mesh.grid.cut_faces] = mesh.values[mesh.grid.cut_polygons].mean(axis=1)
    return values


def share_below(values: np.ndarray) -> np.ndarray:
    """For each of ``values``, the share (0 to 1) of the finite values below it (ties share
    the middle of their rank); NaN where a value is not finite.

    >>> share_below(np.array([0.0, 10.0, 1.0, 1000.0, 2.0])).tolist()
    [0.0, 0.75, 0.25, 1.0, 0.5]
    """
    v = np.asarray(values, dtype=float)
    finite = np.isfinite(v)
    out = np.full(v.shape, np.nan)
    ordered = np.sort(v[finite])
    if len(ordered) == 1:
        out[finite] = 0.5
    elif len(ordered) > 1:
        rank = 0.5 * (np.searchsorted(ordered, v[finite], "left") + np.searchsorted(ordered, v[finite], "right") - 1)
        out[finite] = rank / (len(ordered) - 1)
    return out


#: From a deep valley tone through the function's sky blue to a pale summit: more contrast
#: than the hill's own ramp, as every tone now covers the same share of the ground.
SHARE_RAMP: tuple[ManimColor, ...] = (
    interpolate_color(style.HILL, BLACK, 0.72),
    interpolate_color(style.HILL, BLACK, 0.35),
    style.HILL,
    interpolate_color(style.HILL, WHITE, 0.3),
)


def paint_height_bands(mesh: Any, colors: Sequence[Any] = SHARE_RAMP) -> np.ndarray:
    """Colour each face of ``mesh`` along ``colors`` by the share of the ground lying lower
    than it (:func:`share_below` of the face values); returns those shares."""
    share = np.nan_to_num(share_below(face_values(mesh)), nan=0.0)
    ramp = np.array([ManimColor(c).to_rgb() for c in colors], dtype=float)
    stops = np.linspace(0.0, 1.0, len(ramp))
    mesh.face_rgb = np.column_stack([np.interp(share, stops, ramp[:, k]) for k in range(3)])
    return share
