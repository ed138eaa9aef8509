"""A secant through two points of a graph, with its rise/run triangle, moved in place.

:class:`Secant` draws the line through ``(x0, f(x0))`` and ``(x0 + h, f(x0 + h))``, clipped
to the plotting box, and the right triangle whose legs are Δx and Δy, on the side of the
chord away from the curve. :meth:`Secant.show_step` moves everything to a new ``h`` without
creating mobjects, so an updater can shrink ``h`` on every frame.
"""

from __future__ import annotations

import numpy as np
from manim import DOWN, LEFT, RIGHT, UP, Axes, Dot, Line, MathTex, VGroup

from mathcore import Curve, DomainError

from scenes.kit import style
from scenes.kit.layout import Box
from scenes.kit.numbers import shown
from scenes.parts.plot2d.curve_spots import rise_first
from scenes.parts.plot2d.tangent import clip_segment, slope_segment

__all__ = ["Secant", "fits", "place_clipped", "place_label", "set_ends"]


def set_ends(line: Line, start, end) -> None:
    """Move a straight line in place, even onto zero length (where rotating is undefined)."""
    line.set_points_as_corners(np.array([start, end], dtype=float))


def place_clipped(line: Line, start, end, box: Box) -> bool:
    """Put ``line`` on the part of ``start``-``end`` inside ``box``; False if none is."""
    clipped = clip_segment(start, end, (box.left, box.right, box.bottom, box.top))
    if clipped is None or np.linalg.norm(clipped[1] - clipped[0]) < 1e-3:
        return False
    set_ends(line, *clipped)
    return True


def fits(mobject, box: Box) -> bool:
    """True if ``mobject``'s bounding box lies inside ``box``."""
    return bool(
        mobject.get_left()[0] >= box.left and mobject.get_right()[0] <= box.right
        and mobject.get_bottom()[1] >= box.bottom and mobject.get_top()[1] <= box.top
    )


def place_label(label, leg: Line, outward, box: Box, buff: float = 0.12) -> None:
    """Put ``label`` beside ``leg`` on its ``outward`` side, or on the other side when that
    leaves ``box``, and in any case inside ``box``: a label never runs over the plot's frame
    or the tick numbers beyond it."""
    label.next_to(leg, outward, buff=buff)
    if not fits(label, box):
        label.next_to(leg, -np.asarray(outward), buff=buff)
    shift_x = max(box.left - label.get_left()[0], 0.0) - max(label.get_right()[0] - box.right, 0.0)
    shift_y = max(box.bottom - label.get_bottom()[1], 0.0) - max(label.get_top()[1] - box.top, 0.0)
    label.shift([shift_x, shift_y, 0.0])


class Secant(VGroup):
    """The secant from ``x0`` with run ``h``: line, second point, triangle and its labels.

    Parameters
    ----------
    axes : Axes
        The axes of the graph; ``box`` is their plotting box (lines are clipped to it).
    curve : Curve
        The function; every value comes from it.
    x0, h : float
        The fixed point and the first run (the triangle's side is chosen for this run).
    length : float
        The least screen length of the secant line.
    """

    def __init__(self, axes: Axes, box: Box, curve: Curve, x0: float, h: float, length: float, variable_tex: str, height_tex: str = "y"):
        self.axes, self.box, self.curve = axes, box, curve
        self.x0, self.f0, self.length = x0, curve.value(x0), length
        self.rise_first = rise_first(curve, x0, h)
        self.line = Line(LEFT, RIGHT, color=style.SECANT, stroke_width=4)
        self.point = Dot(radius=0.08, color=style.SECANT)
        self.run_leg = Line(LEFT, RIGHT, color=style.SECANT, stroke_width=3)
        self.rise_leg = Line(DOWN, UP, color=style.SECANT, stroke_width=3)
        self.run_label = MathTex(rf"\Delta {variable_tex}", font_size=style.LABEL_SIZE, color=style.SECANT)
        self.rise_label = MathTex(rf"\Delta {height_tex}", font_size=style.LABEL_SIZE, color=style.SECANT)
        self.triangle = VGroup(self.run_leg, self.rise_leg, self.run_label, self.rise_label)
        super().__init__(self.line, self.triangle, self.point)
        self.slope = float("nan")
        self.first_run = h
        self.show_step(h)

    def run_at(self, progress: float, last: float, decimals: int) -> float:
        """The run after ``progress`` (0 to 1) of shrinking from the first run to ``last``:
        geometric (each halving takes as long as the one before), rounded to the ``decimals``
        the Δx readout shows, so the slope shown is the one for the Δx shown."""
        h = self.first_run * (abs(last) / abs(self.first_run)) ** progress
        return float(np.sign(h) * max(shown(abs(h), decimals), 10.0**-decimals))  # as the readout rounds

    def c2p(self, x: float, y: float) -> np.ndarray:
        return np.asarray(self.axes.c2p(x, y), dtype=float)

    def show_step(self, h: float) -> bool:
        """Move to the run ``h``; False (and nothing moves) where f has no value at x0 + h."""
        x0, f0 = self.x0, self.f0
        try:
            f1 = self.curve.value(x0 + h)
            slope = self.curve.secant_slope(x0, h)
        except DomainError:
            return False
        self.slope = slope
        p, q = self.c2p(x0, f0), self.c2p(x0 + h, f1)
        self.point.move_to(q)
        if self.rise_first:  # P up to the corner (x0, f1), then across to Q
            corner = self.c2p(x0, f1)
            set_ends(self.rise_leg, p, corner)
            set_ends(self.run_leg, corner, q)
        else:  # P across to the corner (x0 + h, f0), then up to Q
            corner = self.c2p(x0 + h, f0)
            set_ends(self.run_leg, p, corner)
            set_ends(self.rise_leg, corner, q)
        ends = slope_segment(self.axes, (x0, f0), slope, 1.0)
        u = ends[1] - ends[0]
        if np.dot(u, q - p) < 0:
            u = -u
        length = max(self.length, float(np.linalg.norm(q - p)) + 2.0)
        middle = (p + q) / 2
        place_clipped(self.line, middle - 0.5 * length * u, middle + 0.5 * length * u, self.box)
        # Each label sits outside the triangle, on the far side of its leg from the chord.
        outward_run = (UP if f1 >= f0 else DOWN) if self.rise_first else (DOWN if f1 >= f0 else UP)
        outward_rise = (LEFT if h > 0 else RIGHT) if self.rise_first else (RIGHT if h > 0 else LEFT)
        for label, leg, outward in ((self.run_label, self.run_leg, outward_run), (self.rise_label, self.rise_leg, outward_rise)):
            place_label(label, leg, outward, self.box)
        for label, leg in ((self.run_label, self.run_leg), (self.rise_label, self.rise_leg)):
            label.set_opacity(float(np.clip((leg.get_length() - 0.35) / 0.4, 0.0, 1.0)))
        return True
