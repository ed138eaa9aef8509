"""The hill laid out as a map, and the corners its axes stand on.

Every hill lesson lays its ground out as a map is drawn: north n along the scene's y, east e
along its x, the height up (:class:`~scenes.parts.hill3d.axes3d.LessonAxes3D` with
``geographic=True``). Seen from straight above (``phi = 0, theta = -90``) north is up and
east to the right, as on the 2-D maps of the lessons (the contour maps, drawn
``north_up``); from the lessons' 3-D views (``theta`` between -180 and 0 degrees) north
runs away from the viewer, up the screen, and east to the right.

* :func:`map_axes`: the axes of a hill lesson, n and e to one scale, centred on the origin,
  along the front edges of the box as seen from the start view;
* :func:`screen_corner`: which floor corner is furthest left, or nearest, from a view;
* :func:`frame_points`: the scene points a framing must keep in view.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from manim import DEGREES

from scenes.parts.hill3d.axes3d import LessonAxes3D
from scenes.parts.hill3d.fast3d import camera_rotation
from scenes.parts.hill3d.hill_view import box_corners
from scenes.parts.plot2d.axes import nice_range

__all__ = ["frame_points", "map_axes", "screen_corner", "tick_step"]


def map_axes(
    n_range: Sequence[float],
    e_range: Sequence[float],
    value_range: Sequence[float],
    base_length: float,
    height_length: float,
    view: tuple[float, float],
) -> LessonAxes3D:
    """Axes with n (north, the scene's y) and e (east, its x) to one scale, the longer side
    ``base_length`` long, and the values ``value_range`` (low, high, step) fitted to
    ``height_length``, centred on the scene's origin. Seen from ``view`` (phi, theta in
    degrees), n and e run along the two front edges of the box's floor and the height axis
    stands at its left corner, so the axes, their numbers and letters stay off the surface."""
    (n0, n1), (e0, e1) = n_range, e_range
    unit = base_length / max(n1 - n0, e1 - e0)
    low, high = value_range[:2]
    left, near = (screen_corner(*view, way) for way in ("left", "near"))
    ns, es = (n0, n1), (e0, e1)
    axes = LessonAxes3D(
        x_range=(n0, n1, tick_step(n1 - n0)),
        y_range=(e0, e1, tick_step(e1 - e0)),
        z_range=tuple(value_range),
        x_length=unit * (n1 - n0),
        y_length=unit * (e1 - e0),
        z_length=height_length,
        tick_size=0.12,
        cross=(ns[left[0]], es[left[1]], low),
        axis_lines=((n0, es[near[1]], low), (ns[near[0]], e0, low), (ns[left[0]], es[left[1]], low)),
        geographic=True,
    )
    centre = axes.c2p((n0 + n1) / 2, (e0 + e1) / 2, (low + high) / 2)
    axes.shift(-centre)
    return axes


def screen_corner(phi: float, theta: float, way: str = "left", geographic: bool = True) -> tuple[int, int]:
    """Which floor corner of the box, as (0 or 1 for the low or high end of n, the same
    for e), is furthest ``"left"`` on screen, or ``"near"``est the camera (ties go right),
    seen from ``phi``, ``theta`` (degrees), with n along the scene's y and e along its x (the
    map layout; ``geographic=False``: n along x and e along y).

    >>> screen_corner(62, -60, "left"), screen_corner(62, -60, "near")
    ((0, 0), (0, 1))
    """
    if way not in ("left", "near"):
        raise ValueError(f"way must be 'left' or 'near', got {way!r}")
    rotation = camera_rotation(phi * DEGREES, theta * DEGREES)
    right, toward = rotation[0], rotation[2]  # the screen's x axis and the way to the eye
    n_axis, e_axis = (1, 0) if geographic else (0, 1)

    def along(c, v) -> float:
        return (2 * c[0] - 1) * v[n_axis] + (2 * c[1] - 1) * v[e_axis]

    corners = [(i, j) for i in (0, 1) for j in (0, 1)]
    if way == "left":
        return min(corners, key=lambda c: along(c, right))
    return max(corners, key=lambda c: (round(along(c, toward), 9), along(c, right)))


def frame_points(axes: LessonAxes3D, surface: np.ndarray) -> np.ndarray:
    """The scene points that must stay in view: every few of the hillside's points
    ``surface`` (N, 3), the floor's corners and the tips of the axes."""
    low = np.array([axes.x_range[0], axes.y_range[0], axes.z_range[0]])
    high = np.array([axes.x_range[1], axes.y_range[1], axes.z_range[1]])
    floor = box_corners(low, high)[:4]  # z at its low end
    tips = np.array([axes.axis_end(k) + axes.tip_length * _unit(axes, k) for k in range(3)])
    return np.vstack([axes.c2p(floor).T, tips, surface[:: max(1, len(surface) // 2000)]])


def _unit(axes: LessonAxes3D, k: int) -> np.ndarray:
    direction = axes.points[1 + k] - axes.points[0]
    return direction / np.linalg.norm(direction)


def tick_step(span: float) -> float:
    """The round step of about four ticks along a side ``span`` long.

    >>> tick_step(6.0), tick_step(10.0)
    (2.0, 5.0)
    """
    return nice_range(0.0, span, ticks=4, pad=0.0)[2]
