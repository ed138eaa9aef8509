"""Framing a 3-D hillside: one zoom and screen offset that keep it inside a zone for every
camera position a scene uses.

A 3-D lesson looks at its hill from a few camera positions (a start view, an orbit, a side
view, the top view). :func:`fit_views` projects the corners of the hill's box through the
camera for each of them (and for the positions in between, as the camera moves from one to
the next) and finds one zoom and one screen offset at which every projection lies inside
the target zone (the stage, or the plot left of a side panel). :func:`frame_center_for`
turns the offset into the camera's ``frame_center`` for a given orientation, so that the
hill keeps its place on screen while the camera turns.

Everything here is plain numpy (the projection is :func:`scenes.parts.hill3d.fast3d.project`, which
mirrors manim's :meth:`~manim.ThreeDCamera.project_points`), so it is tested without a scene.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from manim.constants import DEGREES

from scenes.kit.layout import Box
from scenes.parts.hill3d.fast3d import View, camera_rotation, project

__all__ = ["ViewFit", "box_corners", "fit_views", "frame_center_for", "path_of_views", "projected_box", "projector"]

#: manim's ThreeDCamera default focal distance.
FOCAL_DISTANCE = 20.0


@dataclass(frozen=True)
class ViewFit:
    """One zoom and screen offset for all of a scene's camera positions.

    Attributes
    ----------
    zoom : float
        The camera zoom at which the hill's box fills the zone (for the widest view).
    offset : (float, float)
        Where the box's centre sits on screen (before zoom), see :func:`frame_center_for`.
    centre : (3,) tuple
        The scene point the camera turns about (the middle of the hill's box).
    """

    zoom: float
    offset: tuple[float, float]
    centre: tuple[float, float, float]


def box_corners(low: Sequence[float], high: Sequence[float]) -> np.ndarray:
    """The 8 corners (8, 3) of the axis-aligned box from ``low`` to ``high``."""
    lo, hi = np.asarray(low, dtype=float), np.asarray(high, dtype=float)
    pick = np.array([[(k >> axis) & 1 for axis in range(3)] for k in range(8)], dtype=bool)
    return np.where(pick, hi, lo)


def frame_center_for(phi: float, theta: float, centre: Sequence[float], offset: Sequence[float]) -> np.ndarray:
    """The camera's ``frame_center`` that puts ``centre`` at ``offset`` (screen units before
    zoom) when looking from ``phi``, ``theta`` (degrees)."""
    rotation = camera_rotation(phi * DEGREES, theta * DEGREES)
    shift = rotation.T @ np.array([offset[0], offset[1], 0.0])
    return np.asarray(centre, dtype=float) - shift


def _view(phi: float, theta: float, zoom: float, centre, offset, focal: float) -> View:
    return View(
        rotation=camera_rotation(phi * DEGREES, theta * DEGREES),
        frame_center=frame_center_for(phi, theta, centre, offset),
        focal_distance=focal,
        zoom=zoom,
        exponential=False,
        to_pixels=(1.0, 0.0, 0.0, 1.0, 0.0, 0.0),
        pixel_size=(1, 1),
        light_source=np.zeros(3),
    )


def projected_box(points: np.ndarray, phi: float, theta: float, zoom: float, centre, offset, focal: float = FOCAL_DISTANCE) -> Box:
    """The screen box of ``points`` (N, 3) seen from ``phi``, ``theta`` (degrees) at ``zoom``
    with the camera placed by :func:`frame_center_for`."""
    projected, _ = project(np.asarray(points, dtype=float), _view(phi, theta, zoom, centre, offset, focal))
    return Box(float(projected[:, 0].min()), float(projected[:, 0].max()), float(projected[:, 1].min()), float(projected[:, 1].max()))


def projector(phi: float, theta: float, fit: ViewFit, focal: float = FOCAL_DISTANCE):
    """A function from scene points (N, 3) to screen points (N, 3) for the camera at
    ``phi``, ``theta`` (degrees) framed by ``fit`` (as ``camera.project_points`` would give)."""
    view = _view(phi, theta, fit.zoom, fit.centre, fit.offset, focal)
    return lambda points: project(np.asarray(points, dtype=float), view)[0]


def path_of_views(views: Sequence[Sequence[float]], step: float = 5.0) -> list[tuple[float, float]]:
    """The camera positions ``views`` ((phi, theta) in degrees, in the order the camera
    visits them) with the positions in between, every ``step`` degrees or less."""
    keys = [(float(p), float(t)) for p, t in views]
    path = keys[:1]
    for (p0, t0), (p1, t1) in zip(keys, keys[1:]):
        count = max(1, int(np.ceil(max(abs(p1 - p0), abs(t1 - t0)) / step)))
        path += [(p0 + (p1 - p0) * k / count, t0 + (t1 - t0) * k / count) for k in range(1, count + 1)]
    return path


def _union(boxes: list[Box]) -> Box:
    return Box(min(b.left for b in boxes), max(b.right for b in boxes), min(b.bottom for b in boxes), max(b.top for b in boxes))


def fit_views(
    points: np.ndarray,
    views: Sequence[Sequence[float]],
    zone: Box,
    focal: float = FOCAL_DISTANCE,
    centre: Sequence[float] | None = None,
    rounds: int = 8,
) -> ViewFit:
    """The largest zoom (and its offset) at which ``points`` seen from every one of
    ``views`` (see :func:`path_of_views`) lies inside ``zone``.

    The boxes of all views are united, so a turning camera never crops the hill: the fit
    is as large as the widest view allows, and the hill stays in the same place on screen.
    """
    points = np.asarray(points, dtype=float)
    if centre is None:
        centre = (points.min(axis=0) + points.max(axis=0)) / 2
    centre = tuple(float(c) for c in centre)
    path = path_of_views(views)
    zoom, offset = 1.0, np.zeros(2)
    target = np.array([(zone.left + zone.right) / 2, (zone.bottom + zone.top) / 2])
    for _ in range(rounds):
        union = _union([projected_box(points, p, t, zoom, centre, offset, focal) for p, t in path])
        zoom *= min(zone.width / union.width, zone.height / union.height)
        union = _union([projected_box(points, p, t, zoom, centre, offset, focal) for p, t in path])
        offset = offset + (target - np.array([(union.left + union.right) / 2, (union.bottom + union.top) / 2])) / zoom
    # Perspective makes the steps above slightly inexact: shrink until everything fits.
    for _ in range(40):
        union = _union([projected_box(points, p, t, zoom, centre, offset, focal) for p, t in path])
        if union.inside(zone, tolerance=0.0):
            break
        zoom *= 0.98
    return ViewFit(float(zoom), (float(offset[0]), float(offset[1])), centre)
