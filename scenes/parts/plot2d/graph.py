"""Graphs drawn from mathcore's finite pieces: no NaN points, no false line across a pole."""

from __future__ import annotations

import numpy as np
from manim import Axes, VGroup, VMobject

from mathcore import Curve

__all__ = ["graph_of", "screen_points"]


def screen_points(axes: Axes, xs, ys) -> np.ndarray:
    """Scene coordinates, shape (n, 3), of the graph coordinates ``(xs[i], ys[i])``."""
    # coords_to_point maps arrays coordinate-wise and returns shape (3, n).
    return np.asarray(axes.coords_to_point(np.asarray(xs, float), np.asarray(ys, float))).T.reshape(-1, 3)


def graph_of(axes: Axes, curve: Curve, x_range: tuple[float, float], color, num: int = 400, stroke_width: float = 4) -> VGroup:
    """The graph of ``curve`` on ``axes``, one smooth stroke per continuous piece.

    The pieces come from :meth:`mathcore.Curve.sample`, clipped to the axes' y range so
    nothing is drawn outside the axes.
    """
    y_min, y_max = axes.y_range[0], axes.y_range[1]
    pieces = curve.sample((x_range[0], x_range[1]), num=num, y_limits=(y_min, y_max))
    graph = VGroup()
    for xs, ys in pieces:
        points = screen_points(axes, xs, ys)
        stroke = VMobject(stroke_color=color, stroke_width=stroke_width)
        stroke.set_points_as_corners(points)
        graph.add(stroke)
    return graph
