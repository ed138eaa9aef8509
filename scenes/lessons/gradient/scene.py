"""The gradient: the steepest way up a hillside, and straight across its contour lines.

Elevation y = f(n, e) has one slope per direction. The two partial slopes, the components
of the gradient, add up tip to tail to one arrow in the n-e plane, and that arrow is the
direction in which the hill climbs fastest, as steeply as its length says.

* :class:`GradientOnHillside` stands at a point of the hillside, builds the gradient from
  the two partial slopes, then turns a direction arrow once around the point while the
  slope in that direction is read out: largest along the gradient (equal to ``|∇f|``),
  zero at right angles to it, and ``-|∇f|`` the opposite way: the way down. At a flat
  point it says that no direction is steepest, and what kind of point it is.
* :class:`~scenes.lessons.gradient_field.scene.GradientField` looks at the same hill from straight above:
  contour lines like a hiking map, gradient arrows on a grid crossing them at right angles,
  then flipped to ``-∇f``, the way down.

Every number comes from :class:`mathcore.ScalarField` (:mod:`scenes.lessons.common.point_facts`), every
caption from those facts (:mod:`scenes.lessons.gradient.captions`). Render with::

    manim -qh scenes/gradient.py GradientOnHillside GradientField

A variant is a subclass::

    class FourValleys(GradientOnHillside):
        function = "(n**2 + e - 11)**2 + (n + e**2 - 7)**2"   # Himmelblau's function
        n_range = (-5.0, 5.0)
        e_range = (-5.0, 5.0)
        point = (1.0, 1.0)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Annotated, ClassVar

import numpy as np
from manim import OUT, PI, Arrow, Create, FadeIn, FadeOut, GrowArrow, MathTex, VGroup, VMobject, ValueTracker, linear

from scenes.kit.lesson import rendered_from
from scenes.kit import style
from scenes.kit.beats import NO_FACTS
from scenes.lessons.gradient.facts import TAU, DirectionFacts, direction_facts, slope_towards, turn_stops
from scenes.lessons.gradient.captions import (
    down_part,
    flat_part,
    flat_subtitle,
    gradient_part,
    hill_part,
    turn_part,
    intro_caption,
    length_caption,
    partials_caption,
    range_caption,
    stand_caption,
    stop_caption,
    sum_caption,
    turn_caption,
    way_down_caption,
    zero_gradient_caption,
)
from scenes.lessons.common.gradient_lesson import GradientLesson
from scenes.lessons.partials.captions import flat_caption
from scenes.lessons.partials.facts import flat_facts
from scenes.parts.hill3d.arrow_field import flat_arrow
from scenes.parts.hill3d.ball3d import ShadedBall
from scenes.parts.hill3d.halo import halo_ball, with_halo
from scenes.parts.panels.live_number import LiveReadout
from scenes.parts.panels.panels import panel_column
from scenes.kit.settings import Setting

__all__ = ["GradientOnHillside", "turn_stops"]

Seconds = Annotated[float, Setting("seconds", low=0.1, high=20)]


@rendered_from("scenes.gradient")
class GradientOnHillside(GradientLesson):
    """At a point of the hillside: two partial slopes, their sum the gradient, and the slope
    in every direction around the point.

    The camera first walks around the hill to show its shape. A ball marks ``point``; the
    slopes along n and along e appear as two arrows in the level plane through the point
    (orange), which add up tip to tail to the gradient arrow (vermillion). A direction arrow
    (yellow) then turns once around the point with the slope in its direction read out,
    pausing where it lines up with the gradient (slope |∇f|) and where it is at right angles
    to it (slope 0). Last the arrow opposite to the gradient (green): the way down, slope
    -|∇f|. All arrows share one scale, fitted so the gradient arrow is ``arrow_length`` long.
    At a flat point (gradient 0) there is no arrow to draw: the lesson says so instead.
    """

    title = "The gradient"
    subtitle = "The steepest way up, from two partial slopes"
    arrow_length: ClassVar[Annotated[float, Setting("length of the gradient arrow in scene units", low=0.3, high=4.0)]] = 1.6
    direction_length: ClassVar[Annotated[float, Setting("length of the turning direction arrow in scene units", low=0.3, high=4.0)]] = 1.15
    orbit_turn: ClassVar[Annotated[float, Setting("degrees the camera walks around the hill at the start", low=-360, high=360)]] = 120.0
    orbit_tilt: ClassVar[Annotated[float, Setting("the camera's tilt (degrees) when the walk starts", low=0, high=89)]] = 75.0
    orbit_time: ClassVar[Seconds] = 4.0
    turn_time: ClassVar[Seconds] = 5.0

    def camera_views(self) -> list[tuple[float, float]]:
        return [(self.orbit_tilt, self.theta - self.orbit_turn), (self.phi, self.theta)]

    def number_views(self) -> list[tuple[float, float]]:
        """The axis numbers come in after the walk around the hill: from the last view only
        (so the height axis keeps several values)."""
        return [(self.phi, self.theta)]

    # -- build ------------------------------------------------------------------------------
    def build(self) -> None:
        super().build()
        facts = self.facts
        self.title_facts = flat_facts(facts) if facts.flat else NO_FACTS
        if facts.flat and self.subtitle == GradientOnHillside.subtitle:
            self.subtitle = flat_subtitle(self.title_facts)  # the title card follows the facts
        a, b = self.point_ab = facts.point
        self.gradient = np.array(facts.gradient)
        self.steepest = facts.steepest
        self.ball = halo_ball(ShadedBall(radius=0.1))
        self.base = self.surface_point(a, b, lift=self.ball.radius)  # arrows start at the ball's centre
        self.ball.place(self.base)
        origin = self.flat_point(0.0, 0.0, 0.0)
        self.n_hat, self.e_hat = (v / np.linalg.norm(v) for v in (self.flat_point(1.0, 0.0, 0.0) - origin, self.flat_point(0.0, 1.0, 0.0) - origin))
        self.unit = float(np.linalg.norm(self.flat_point(1.0, 0.0, 0.0) - origin))  # scene units per unit of n or e
        self.scale = self.arrow_length / self.steepest if self.steepest > 0 else 0.0  # scene units per unit of slope
        g = self.gradient
        self.n_arrow = self.vector_arrow((g[0], 0.0), style.SLOPE)
        self.e_arrow = self.vector_arrow((0.0, g[1]), style.SLOPE)
        self.gradient_arrow = self.vector_arrow(g, style.GRADIENT, stroke_width=6)
        self.descent_arrow = self.vector_arrow(-g, style.DESCENT, stroke_width=6)
        self.angle = ValueTracker(0.0)
        self.direction_arrow = with_halo(flat_arrow(self.base, self.base + self.direction_length * self.n_hat, style.BALL, stroke_width=5), always=True)
        self.direction_arrow.turned = 0.0
        self.tilt = VMobject(stroke_color=style.SLOPE, stroke_width=3)
        self.make_readouts()

    def vector_arrow(self, vector: Sequence[float], color, stroke_width: float = 5.0) -> Arrow | None:
        """An arrow from the point for a slope vector (components along n and e), to the
        lesson's scale, over a halo; None when too short to see."""
        end = self.plane_point(vector)
        if np.linalg.norm(end - self.base) < 0.05:
            return None
        return with_halo(flat_arrow(self.base, end, color, stroke_width=stroke_width), always=True)

    def plane_point(self, vector: Sequence[float]) -> np.ndarray:
        """The scene point at the slope vector ``vector`` (n and e parts) from the point, to
        the lesson's scale, in the level plane through the point."""
        return self.base + self.scale * (vector[0] * self.n_hat + vector[1] * self.e_hat)

    def make_readouts(self) -> None:
        """The slopes at the point, in a column in the side panel."""
        show = self.facts.show
        g = self.gradient
        size = style.READOUT_SIZE
        self.partial_readouts = VGroup(
            MathTex(rf"{self.partial_tex(0)} = {show(g[0])}", font_size=size, color=style.SLOPE),
            MathTex(rf"{self.partial_tex(1)} = {show(g[1])}", font_size=size, color=style.SLOPE),
        )
        self.gradient_readout = MathTex(rf"\nabla f = ({show(g[0])},\ {show(g[1])})", font_size=size, color=style.GRADIENT)
        self.length_readout = MathTex(rf"|\nabla f| = {show(self.steepest)}", font_size=size, color=style.INK)
        # Laid out with the widest number it will show.
        self.slope_readout = LiveReadout(r"\text{slope this way} =", -max(self.steepest, 1.0), self.facts.digits, color=style.BALL)
        self.panel = panel_column(
            [*self.panel_head(), *self.partial_readouts, self.gradient_readout, self.length_readout, self.slope_readout], self.zones.side
        )

    def slope_towards(self, angle: float) -> float:
        """The slope at the point in the direction ``angle`` (from the n axis towards e)."""
        return slope_towards(self.field, self.point_ab, angle)

    def direction_facts(self, angle: float, kind: str) -> DirectionFacts:
        return direction_facts(self.field, self.facts, angle, kind)

    # -- per-frame updaters (cheap: rotate one arrow, reset one line, set one number) --------
    def _follow_angle(self) -> None:
        axis = np.cross(self.n_hat, self.e_hat)

        def turn(arrow):
            t = self.angle.get_value()
            arrow.rotate(t - arrow.turned, axis=axis, about_point=self.base)
            arrow.turned = t

        def tilt(line):
            t = self.angle.get_value()
            run = self.direction_length / self.unit  # the arrow's length, in units of n and e
            a, b = self.point_ab
            end = self.flat_point(a + run * math.cos(t), b + run * math.sin(t), self.field(a, b) + run * self.slope_towards(t))
            line.set_points_as_corners([self.base, end + self.ball.radius * self.hill.up()])

        def read(readout):
            readout.set_value(self.facts.shown(self.slope_towards(self.angle.get_value())))

        self.direction_arrow.add_updater(turn)
        self.tilt.add_updater(tilt)
        self.slope_readout.add_updater(read)
        for mobject in (self.direction_arrow, self.tilt, self.slope_readout):
            mobject.update()

    def turn_to(self, angle: float) -> None:
        """Turn the direction arrow on to ``angle`` at the lesson's turning speed."""
        share = abs(angle - self.angle.get_value()) / TAU
        if share > 1e-9:
            self.play(self.angle.animate.set_value(angle), run_time=max(0.3, self.turn_time * share), rate_func=linear)

    # -- construct ----------------------------------------------------------------------------
    def construct(self) -> None:
        self.set_view(self.orbit_tilt, self.theta - self.orbit_turn)
        self.begin_part(hill_part())
        self.play_title_card(facts=self.title_facts)
        self.caption(intro_caption(self.variables), run_time=0, facts=NO_FACTS)
        self.axis_marks.numbers.set_opacity(0.0)  # numbers come in after the walk around
        self.show_hill(run_time=1.0)
        self.show_formula()
        self.orbit(self.orbit_turn, self.orbit_time, tilt=self.phi)
        self.play(self.axis_marks.numbers.animate.set_opacity(1.0), run_time=0.5)
        self.show_point()
        if self.facts.flat:
            self.show_flat_point()
        else:
            self.build_gradient()
            self.turn_around()
            self.show_way_down()
        self.clear_caption()
        self.wait(0.5)

    def show_point(self) -> None:
        self.caption(stand_caption(self.facts, self.variables), facts=self.facts)
        self.play(FadeIn(self.ball, scale=0.5), run_time=0.6)
        self.add_foreground_mobjects(self.ball)

    def show_flat_point(self) -> None:
        """No steepest direction at a flat point: say so, and what kind of point it is."""
        self.begin_part(flat_part())
        self.caption(partials_caption(self.facts, self.variables), facts=self.facts)
        self.pin(self.partial_readouts)
        self.play(FadeIn(self.partial_readouts), run_time=0.6)
        flat = flat_facts(self.facts)
        self.caption(flat_caption(flat), facts=flat)
        self.caption(zero_gradient_caption(self.facts), facts=self.facts)
        self.pin(self.gradient_readout)
        self.play(FadeIn(self.gradient_readout), run_time=0.6)

    def build_gradient(self) -> None:
        """The two partial slopes as arrows, then tip to tail, then their sum."""
        self.begin_part(gradient_part())
        self.caption(partials_caption(self.facts, self.variables), facts=self.facts)
        self.pin(self.partial_readouts)
        grow = [GrowArrow(a) for a in (self.n_arrow, self.e_arrow) if a is not None]
        self.play(*grow, FadeIn(self.partial_readouts), run_time=1.0)
        self.caption(sum_caption(self.facts, self.variables), facts=self.facts)
        if self.n_arrow is not None and self.e_arrow is not None:
            self.play(self.e_arrow.animate.shift(self.n_arrow.get_end() - self.base), run_time=0.8)
        self.pin(self.gradient_readout)
        self.play(GrowArrow(self.gradient_arrow), FadeIn(self.gradient_readout), run_time=1.0)
        self.caption(length_caption(self.facts), facts=self.facts)
        self.pin(self.length_readout)
        components = [FadeOut(a) for a in (self.n_arrow, self.e_arrow) if a is not None]
        self.play(FadeIn(self.length_readout), *components, run_time=0.6)

    def turn_around(self) -> None:
        """One full turn of the direction arrow, pausing along and across the gradient."""
        self.begin_part(turn_part())
        self.caption(turn_caption(), facts=NO_FACTS)
        self._follow_angle()
        self.pin(self.slope_readout)
        self.add(self.angle)
        self.play(GrowArrow(self.direction_arrow), Create(self.tilt), FadeIn(self.slope_readout), run_time=0.8)
        for stop, kind in turn_stops(self.gradient):
            self.turn_to(stop)
            facts = self.direction_facts(stop, kind)
            self.caption(stop_caption(facts), facts=facts)
            self.clear_caption()  # the arrow moves on: the caption about this stop goes
        self.turn_to(TAU)
        self.caption(range_caption(self.facts), facts=self.facts)

    def show_way_down(self) -> None:
        """The arrow opposite to the gradient: the way down."""
        down = math.atan2(-self.gradient[1], -self.gradient[0]) % TAU
        self.turn_to(TAU + (down + PI) % TAU - PI)  # the shorter way round
        facts = self.direction_facts(down, "down")
        self.begin_part(down_part())
        self.caption(way_down_caption(self.facts, facts), facts=facts)
        self.play(GrowArrow(self.descent_arrow), run_time=1.0)
        for mobject in (self.direction_arrow, self.tilt, self.slope_readout):
            mobject.clear_updaters()
