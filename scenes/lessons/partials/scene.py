"""Partial derivatives: two slopes at one point of the hillside y = f(n, e).

Hold east fixed and walk north: an upright plane at ``e = e0`` cuts the hill along a curve,
and the slope of that curve's tangent at the point is ∂y/∂n. Hold north fixed and walk east:
the plane ``n = n0`` cuts a second curve, whose tangent's slope is ∂y/∂e.
:class:`PartialDerivatives` draws both cuts, turns the camera to look at each from its side,
and reads both numbers out. Every number comes from mathcore (:mod:`scenes.lessons.common.point_facts`),
every caption from those facts (:mod:`scenes.lessons.partials.captions`). Render with::

    manim -qh scenes/partials.py PartialDerivatives

A variant is a subclass::

    class FourValleyPartials(PartialDerivatives):
        function = "(n**2 + e - 11)**2 + (n + e**2 - 7)**2"   # Himmelblau's function
        n_range = (-5.0, 5.0)
        e_range = (-5.0, 5.0)
        point = (1.0, 1.0)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, ClassVar

import numpy as np
from manim import DOWN, LEFT, Create, DashedLine, FadeIn, FadeOut, Line, MathTex, VGroup

from scenes.kit.lesson import rendered_from
from scenes.kit import style
from scenes.lessons.common.hill import HillLesson
from scenes.kit.layout import Box
from scenes.kit.beats import NO_FACTS
from scenes.lessons.partials.facts import SliceFacts, flat_facts, slice_facts
from scenes.lessons.partials.captions import (
    both_part,
    closing_caption,
    flat_caption,
    intro_caption,
    point_caption,
    point_part,
    slice_caption,
    slice_part,
    summary_caption,
    tangent_caption,
)
from scenes.parts.hill3d.ball3d import ShadedBall
from scenes.parts.hill3d.halo import halo_ball, with_halo
from scenes.parts.hill3d.hill_view import box_corners
from scenes.parts.panels.panels import MARGIN, formula_lines, panel_column, place_formula, readable
from scenes.parts.hill3d.slice_plane import Redraw, SlicePlane, slice_runs
from scenes.kit.settings import Setting
from scenes.lessons.common.point_facts import point_facts

__all__ = ["PartialDerivatives", "Slice"]

#: Samples along each slice curve.
_SLICE_SAMPLES = 161

#: The colour of each slice (plane and curve); tangents are always the slope's orange.
SLICE_COLORS = (style.SECANT, style.INK)

View = Annotated[tuple[float, float], Setting("camera (phi, theta) in degrees", low=-360, high=360)]


@dataclass
class Slice:
    """What the scene draws for one partial derivative (one input varies, the other is held)."""

    facts: SliceFacts
    plane: SlicePlane
    curve: VGroup
    tangent: Line
    readout: VGroup


@rendered_from("scenes.partials")
class PartialDerivatives(HillLesson):
    """The two partial derivatives at a point of the hillside, as the slopes of two slices.

    The scene shows the hill and the point with its height, then for each input: an upright
    plane that holds the other input fixed sweeps in, the curve it cuts from the hill is
    drawn, the camera turns to look at it side on, and the tangent at the point appears with
    the value of the partial derivative. It ends with both values side by side in the panel
    on the right (and, at a flat point, what kind of flat point it is).
    """

    title = "Partial derivatives"
    subtitle = "One slope for each direction"
    point: ClassVar[Annotated[tuple[float, float], Setting("the point (n0, e0) where both slopes are read", low=-1e6, high=1e6)]] = (1.5, 1.0)
    height_bands = True  # a low-lying hill shows its valley floor
    height_numbers_first = True  # the height axis keeps several values
    #: Side views of the slices (the hill is a map: n runs along the scene's y, e along x).
    #: Walking north, the first slice is seen from the east-south-east, north to the right;
    #: walking east, the second from the south, east to the right. Both keep the height
    #: axis (at the south-west corner) in front of the hill.
    first_slice_view: ClassVar[View] = (78.0, -25.0)
    second_slice_view: ClassVar[View] = (72.0, -82.0)
    tangent_length: ClassVar[Annotated[float, Setting("length of each tangent line, in scene units", low=0.3, high=6.0)]] = 2.2
    sweep_time: ClassVar[Annotated[float, Setting("seconds for a plane to sweep in", low=0.1, high=10)]] = 1.2
    draw_time: ClassVar[Annotated[float, Setting("seconds to draw a slice curve, and a tangent", low=0.1, high=10)]] = 1.0
    turn_time: ClassVar[Annotated[float, Setting("seconds for each turn of the camera", low=0.1, high=10)]] = 2.0

    @classmethod
    def check(cls) -> None:
        """The hill's checks, then ``point`` (inside the ranges, f and its slopes defined,
        its height in the drawn range) and the views' tilts (0 to 89 degrees)."""
        super().check()
        cls.check_point("point")
        for attribute in ("first_slice_view", "second_slice_view"):
            phi = getattr(cls, attribute)[0]
            if not 0 <= phi <= 89:
                raise ValueError(f"{cls.__name__}.{attribute} = {tuple(getattr(cls, attribute))!r}: the tilt phi must be 0 to 89 degrees")

    # -- framing ------------------------------------------------------------------------------
    def camera_views(self) -> list[tuple[float, float]]:
        start = (self.phi, self.theta)
        return [start, tuple(self.first_slice_view), tuple(self.second_slice_view), start]

    def hill_zone(self) -> Box:
        return self.zones.plot

    def frame_points(self) -> np.ndarray:
        """The hill and the whole box: the cutting planes reach its top."""
        low = [r[0] for r in (self.axes.x_range, self.axes.y_range, self.axes.z_range)]
        high = [r[1] for r in (self.axes.x_range, self.axes.y_range, self.axes.z_range)]
        return np.vstack([super().frame_points(), self.axes.c2p(box_corners(low, high)).T])

    # -- build ------------------------------------------------------------------------------
    def build(self) -> None:
        super().build()
        self.facts = point_facts(self.field, self.point, self.decimals, self.n_range, self.e_range)
        self.n0, self.e0 = self.facts.point
        self.elevation = self.facts.height
        self.formula, in_panel = place_formula(self.y_name, self.field.latex, self.zones)
        self.ball = halo_ball(ShadedBall(radius=0.1)).place(self.surface_point(self.n0, self.e0))
        floor = self.flat_point(self.n0, self.e0, self.axes.z_range[0])
        self.drop = DashedLine(floor, self.surface_point(self.n0, self.e0), color=style.MUTED, stroke_width=2, dash_length=0.08)
        self.slices = [self.make_slice(k) for k in (0, 1)]
        v0, v1 = self.var_tex
        self.where = VGroup(
            MathTex(rf"({v0}, {v1}) = ({self.facts.show(self.n0)}, {self.facts.show(self.e0)})", font_size=style.READOUT_SIZE, color=style.INK),
            MathTex(f"{self.y_name} =", self.facts.show(self.elevation), font_size=style.READOUT_SIZE, color=style.INK),
        )
        self.where[1][1].set_color(style.BALL)
        head = [self.formula] if in_panel else []
        self.panel = panel_column([*head, *self.where, *(s.readout for s in self.slices)], self.zones.side)
        if not readable(self.panel):  # too much for the panel: the values without the exact formulas
            for piece in self.slices:
                piece.readout = self.make_readout(piece.facts.index, piece.facts, exact=False)
            self.formula, in_panel = place_formula(self.y_name, self.field.latex, self.zones)  # its size again
            head = [self.formula] if in_panel else []
            self.panel = panel_column([*head, *self.where, *(s.readout for s in self.slices)], self.zones.side)

    def partial_tex(self, index: int) -> str:
        """LaTeX of ∂y/∂(input ``index``)."""
        return rf"\frac{{\partial {self.y_name}}}{{\partial {self.var_tex[index]}}}"

    def make_slice(self, index: int) -> Slice:
        """The plane, curve, tangent and readout of the partial derivative in input ``index``."""
        facts = slice_facts(self.facts, index, self.variables, self.y_name)
        color = SLICE_COLORS[index]
        (n_lo, n_hi), (e_lo, e_hi) = self.n_range, self.e_range
        low, high = self.axes.z_range[:2]
        if index == 0:  # e held at e0, n varies
            corner, end = self.flat_point(n_lo, self.e0, low), self.flat_point(n_hi, self.e0, low)
            samples = np.column_stack([np.linspace(n_lo, n_hi, _SLICE_SAMPLES), np.full(_SLICE_SAMPLES, self.e0)])
        else:  # n held at n0, e varies
            corner, end = self.flat_point(self.n0, e_lo, low), self.flat_point(self.n0, e_hi, low)
            samples = np.column_stack([np.full(_SLICE_SAMPLES, self.n0), np.linspace(e_lo, e_hi, _SLICE_SAMPLES)])
        along = end - corner
        up = self.flat_point(self.n0, self.e0, high) - self.flat_point(self.n0, self.e0, low)
        rows = max(4, round(self.resolution * np.linalg.norm(up) / max(np.linalg.norm(along), 1e-9)))
        plane = SlicePlane(corner, along, up, columns=self.resolution, rows=rows, color=color)
        values = self.field.evaluate(samples[:, 0], samples[:, 1])
        runs = slice_runs(values, (low, high))
        curve = VGroup(*(self.hill.path_on_surface(samples[run], lift=0.02, color=color, stroke_width=5) for run in runs))
        return Slice(facts, plane, with_halo(curve, always=True), self.make_tangent(index), self.make_readout(index, facts))

    def make_tangent(self, index: int) -> Line:
        """The tangent of slice ``index`` at the point, direction (1, 0, ∂y/∂n) (or
        (0, 1, ∂y/∂e)) in coordinates, cut to the drawn box."""
        slope = self.facts.gradient[index]
        step = np.eye(2)[index]
        low, high = self.axes.z_range[:2]
        origin = np.array([self.n0, self.e0, self.elevation])
        direction = np.array([step[0], step[1], slope])
        scene_direction = self.flat_point(*(origin + direction)) - self.flat_point(*origin)
        half = 0.5 * self.tangent_length / np.linalg.norm(scene_direction)  # coordinate units each way
        ends = []
        for sign in (-1.0, 1.0):
            t = half
            if slope != 0:  # stop where the line leaves the box's heights
                bound = (high if sign * slope > 0 else low) - self.elevation
                t = min(t, abs(bound / slope))
            ends.append(self.flat_point(*(origin + sign * t * direction)))
        return with_halo(Line(ends[0], ends[1], color=style.SLOPE, stroke_width=6), always=True)

    def make_readout(self, index: int, facts: SliceFacts, exact: bool = True) -> VGroup:
        """``∂y/∂n = <exact partial> = <value>`` (the name in the slice's colour, the value in
        the slope colour): on one line if it fits the panel readable, else the exact partial
        broken over lines (:func:`~scenes.parts.panels.panels.formula_lines`) and the value
        under it; the exact partial is left out when it is a number, when ``exact`` is false,
        or when a term of it alone cannot be read in the panel."""
        expr = self.field.partial(self.variables[index])
        name, width = self.partial_tex(index), self.zones.side.width - 2 * MARGIN
        show_exact = exact and not expr.expr.is_number
        pieces = [name, "="] + ([expr.latex, "="] if show_exact else []) + [facts.shown]
        line = MathTex(*pieces, font_size=style.READOUT_SIZE, color=style.INK)
        line[0].set_color(SLICE_COLORS[index])
        line[-1].set_color(style.SLOPE)
        if not show_exact or (line.width <= width and readable(line)):
            return VGroup(line)
        lines = formula_lines(rf"{name} =", expr.latex, width)
        if lines is None:
            return self.make_readout(index, facts, exact=False)
        lines[0][0].set_color(SLICE_COLORS[index])
        value = MathTex(r"\quad =", facts.shown, font_size=style.READOUT_SIZE, color=style.INK)
        value[1].set_color(style.SLOPE)
        value.next_to(lines, DOWN, buff=0.15, aligned_edge=LEFT)
        return VGroup(*lines, value)

    # -- construct ----------------------------------------------------------------------------
    def construct(self) -> None:
        self.set_start_view()
        self.begin_part(point_part())
        self.play_title_card(facts=NO_FACTS)
        self.show_the_point()
        for piece in self.slices:
            self.show_slice(piece)
        self.conclude()

    def show_the_point(self) -> None:
        """The hill, its formula, then the point and its height."""
        self.caption(intro_caption(self.variables, self.y_name), facts=NO_FACTS)
        self.pin(self.formula)
        self.show_hill(run_time=1.0)
        self.play(FadeIn(self.formula), run_time=0.5)
        self.caption(point_caption(self.facts, self.variables, self.y_name), facts=self.facts)
        self.pin(*self.where)
        self.play(FadeIn(self.ball, scale=0.5), Create(self.drop), *(FadeIn(m) for m in self.where), run_time=0.8)
        self.add_foreground_mobjects(self.ball)  # over the curves and tangents drawn later

    def show_slice(self, piece: Slice) -> None:
        """Sweep in the plane of one partial derivative, cut its curve, turn to look at it,
        then draw the tangent and read out the slope."""
        k = piece.facts.index
        self.begin_part(slice_part(piece.facts))
        self.caption(slice_caption(piece.facts), facts=piece.facts)
        if k == 1:
            first = self.slices[0]
            self.play(FadeOut(first.plane), _dim(first.curve, 0.35), Redraw(self.axes), run_time=0.6)
        start = self.flat_point(*((self.n0, self.e_range[0]) if k == 0 else (self.n_range[1], self.e0)), 0.0)
        shift = self.flat_point(self.n0, self.e0, 0.0) - start
        self.play(FadeIn(piece.plane, shift=shift), Redraw(self.axes), run_time=self.sweep_time)
        self.play(Create(piece.curve), run_time=self.draw_time)
        self.move_view(*(self.first_slice_view if k == 0 else self.second_slice_view), run_time=self.turn_time)
        self.caption(tangent_caption(piece.facts), facts=piece.facts)
        self.pin(piece.readout)
        self.play(Create(piece.tangent), FadeIn(piece.readout), run_time=self.draw_time)

    def conclude(self) -> None:
        """Back to the first view with both slices, and both values side by side."""
        last = self.slices[1]
        self.play(FadeOut(last.plane), _dim(self.slices[0].curve, 1.0), Redraw(self.axes), run_time=0.6)
        self.begin_part(both_part())
        self.caption(closing_caption(self.y_name), facts=NO_FACTS)
        self.move_view(self.phi, self.theta, run_time=self.turn_time)
        if self.facts.flat:
            flat = flat_facts(self.facts)
            self.caption(flat_caption(flat), facts=flat)
        first, second = (s.facts for s in self.slices)
        self.caption(summary_caption(first, second), facts=self.facts)
        self.clear_caption()
        self.wait(0.5)


def _dim(curve: VGroup, opacity: float):
    """Fade a slice curve (and its halo) to ``opacity``."""
    return curve.animate.set_stroke(opacity=opacity).set_stroke(opacity=opacity, background=True)
