"""Straight lines through points of a graph: tangents and secants of a fixed screen length."""

from __future__ import annotations

import numpy as np
from manim import Axes, Line

__all__ = ["SlopeLine", "slope_segment"]


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
