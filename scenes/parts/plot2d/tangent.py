"""Straight lines through points of a graph: tangents and secants of a fixed screen length."""

from __future__ import annotations

import numpy as np
from manim import Axes, Line

__all__ = ["SlopeLine", "clip_segment", "slope_segment"]


def slope_segment(axes: Axes, point: tuple[float, float], slope: float, length: float) -> tuple[np.ndarray, np.ndarray]:
    """Scene-space ends of the segment of screen ``length`` centred on the graph point
    ``point`` with graph slope ``slope``.

    The direction is taken in graph coordinates and mapped to the screen, so it is right
    whatever the axes' scales; the length is on the screen, so steep lines stay short.
    """
    x0, y0 = point
    centre = np.asarray(axes.coords_to_point(x0, y0), dtype=float)
    ahead = np.asarray(axes.coords_to_point(x0 + 1.0, y0 + slope), dtype=float)
    direction = ahead - centre
    direction /= np.linalg.norm(direction)
    return centre - 0.5 * length * direction, centre + 0.5 * length * direction


class SlopeLine(Line):
    """A line of fixed screen length that can be moved onto any point and slope in place."""

    def __init__(self, axes: Axes, point: tuple[float, float], slope: float, length: float = 3.0, **kwargs):
        self.axes = axes
        self.length = length
        start, end = slope_segment(axes, point, slope, length)
        super().__init__(start, end, **kwargs)

    def move_onto(self, point: tuple[float, float], slope: float) -> SlopeLine:
        """Put the line through ``point`` with ``slope`` (no new mobject is created)."""
        start, end = slope_segment(self.axes, point, slope, self.length)
        self.put_start_and_end_on(start, end)
        return self


def clip_segment(start, end, box: tuple[float, float, float, float]):
    """The part of the screen segment ``start``-``end`` inside ``box = (left, right, bottom,
    top)`` (Liang-Barsky), or ``None`` if it misses the box."""
    start, end = np.asarray(start, dtype=float), np.asarray(end, dtype=float)
    d = end - start
    t0, t1 = 0.0, 1.0
    left, right, bottom, top = box
    for p, q in ((-d[0], start[0] - left), (d[0], right - start[0]), (-d[1], start[1] - bottom), (d[1], top - start[1])):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
    if t0 > t1:
        return None
    return start + t0 * d, start + t1 * d
