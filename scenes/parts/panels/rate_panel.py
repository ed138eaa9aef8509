"""One panel of the learning-rate comparison: small axes, the graph, one walk drawn in it.

A walk is drawn as a zig-zag of points on the curve, up to its last point inside the
panel's view; when it leaves the view, a dashed arrow runs from that point to the edge
where it leaves. The ball rides the tip of the zig-zag as it is drawn.
"""

from __future__ import annotations

import numpy as np
from manim import Axes, DashedLine, Dot, MathTex, VGroup, VMobject

from mathcore import DescentPath

from scenes.kit import style
from scenes.parts.walk.descent_steps import exit_point, visible_count
from scenes.parts.plot2d.graph import screen_points

__all__ = ["RatePanel"]


class RatePanel:
    """One cell: ``axes`` with ``graph``, the ``header`` (eta) and the walk ``path``.

    ``shown`` is how many steps are drawn (at most ``steps``), ``shown_points`` how many
    points of the walk lie in the view before it first leaves it.
    """

    def __init__(self, axes: Axes, graph: VGroup, header: MathTex, path: DescentPath, steps: int):
        self.axes, self.graph, self.header, self.path = axes, graph, header, path
        x_range, y_range = axes.x_range[:2], axes.y_range[:2]
        self.shown_points = visible_count(path.points, path.values, x_range, y_range)
        self.shown = max(0, min(steps, self.shown_points - 1))
        self.trail = VGroup()
        start = axes.coords_to_point(path.points[0, 0], path.values[0])
        self.ball = Dot(start, radius=0.07, color=style.BALL).set_z_index(3)

    def walk(self) -> tuple[VMobject, VGroup]:
        """The walk's zig-zag (one polyline, one corner per step) and a dot per step."""
        count = self.shown + 1
        points = screen_points(self.axes, self.path.points[:count, 0], self.path.values[:count])
        zigzag = VMobject(stroke_color=style.DESCENT, stroke_width=2.5)
        zigzag.set_points_as_corners(points)
        dots = VGroup(*(Dot(p, radius=0.045, color=style.DESCENT) for p in points[1:]))
        return zigzag, dots

    def exit_arrow(self) -> DashedLine | None:
        """A dashed arrow from the last point in view to where the walk leaves the view;
        None when the walk stays in view or every drawn step is not the last in view."""
        k, path = self.shown_points, self.path
        if k >= len(path.points) or self.shown < k - 1:
            return None
        inside = (path.points[k - 1, 0], path.values[k - 1])
        outside = (path.points[k, 0], path.values[k])
        edge = exit_point(inside, outside, self.axes.x_range[:2], self.axes.y_range[:2])
        start, end = self.axes.coords_to_point(*inside), self.axes.coords_to_point(*edge)
        if np.linalg.norm(end - start) < 0.1:
            return None
        return DashedLine(start, end, color=style.DESCENT, stroke_width=2.5, dash_length=0.08).add_tip(tip_length=0.15, tip_width=0.15)
