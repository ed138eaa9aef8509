"""The camera around a hill lesson: one framing for all its views, and the moves between.

A hill lesson is framed by the camera, not cropped by it: one zoom and screen offset
(:class:`~scenes.parts.hill3d.hill_view.ViewFit`) keeps the hill's box with its numbers
inside a zone for every view the scene uses (:func:`fit_in_zone`). The camera is pointed
with :func:`point_camera` (which keeps that framing for any phi, theta) and a move blends
two framings with :func:`between`. :class:`~scenes.lessons.common.hill.HillLesson` wraps these
as ``fit_camera``, ``set_view``, ``move_view`` and ``orbit``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from manim import DEGREES

from scenes.kit.layout import Box
from scenes.parts.hill3d.hill_view import ViewFit, fit_views, frame_center_for

__all__ = ["between", "camera_settings", "fit_in_zone", "label_room", "point_camera"]


def label_room(labels: Sequence[Any]) -> tuple[float, float]:
    """Room to leave beside and above/below the hill for ``labels`` (the numbers and letters
    beside its axes): (across, up) in screen units."""
    widest = max(label.width for label in labels)
    tallest = max(label.height for label in labels)
    return 0.2 + max(widest, 0.4), 0.2 + tallest


def fit_in_zone(points: np.ndarray, views: Sequence[tuple[float, float]], zone: Box, room: tuple[float, float], zoom: float = 1.0) -> ViewFit:
    """One zoom and offset that keep ``points`` inside ``zone`` shrunk by ``room``
    ((across, up), see :func:`label_room`) for every view of ``views`` and the way between
    them, the zoom then scaled by ``zoom`` (the lesson's setting)."""
    across, up = room
    inner = Box(zone.left + across, zone.right - across, zone.bottom + up, zone.top - up)
    fit = fit_views(points, views, inner, centre=np.zeros(3))
    return ViewFit(fit.zoom * zoom, fit.offset, fit.centre)


def camera_settings(fit: ViewFit, phi: float, theta: float) -> dict[str, Any]:
    """Keyword arguments of ``set_camera_orientation`` for the view ``phi``, ``theta``
    (degrees) with the zoom of ``fit`` and the hill in its place on screen."""
    return {
        "phi": phi * DEGREES,
        "theta": theta * DEGREES,
        "zoom": fit.zoom,
        "frame_center": frame_center_for(phi, theta, fit.centre, fit.offset),
    }


def point_camera(camera: Any, fit: ViewFit, phi: float, theta: float) -> None:
    """Put ``camera`` (a ThreeDCamera) at ``phi``, ``theta`` (degrees) with the framing ``fit``."""
    settings = camera_settings(fit, phi, theta)
    camera.set_phi(settings["phi"])
    camera.set_theta(settings["theta"])
    camera.set_zoom(settings["zoom"])
    camera.frame_center = settings["frame_center"]
    camera.reset_rotation_matrix()  # project_points reads the stored matrix


def between(a: ViewFit, b: ViewFit, alpha: float) -> ViewFit:
    """The framing ``alpha`` of the way from ``a`` to ``b`` (zoom changes geometrically).

    >>> between(ViewFit(1.0, (0.0, 0.0), (0, 0, 0)), ViewFit(4.0, (2.0, 0.0), (0, 0, 0)), 0.5)
    ViewFit(zoom=2.0, offset=(1.0, 0.0), centre=(0, 0, 0))
    """
    zoom = a.zoom * (b.zoom / a.zoom) ** alpha
    offset = tuple((1 - alpha) * x + alpha * y for x, y in zip(a.offset, b.offset))
    return ViewFit(zoom, offset, a.centre)
