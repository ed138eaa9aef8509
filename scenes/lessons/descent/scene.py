"""Gradient descent in one variable: step against the slope, and choose the step size.

The lesson's rule is ``w2 = w1 - eta * f'(w1)``. :class:`GradientDescent1D` walks it one
step at a time from each start, with the real numbers substituted in the update equation;
:class:`LearningRates` (in :mod:`scenes.lessons.learning_rates.scene`, importable from here) runs one walk
per learning rate side by side.

Every number on screen comes from :func:`mathcore.gradient_descent`, and every caption is
written from facts about this function's walks (:mod:`scenes.lessons.descent.facts`,
:mod:`scenes.lessons.descent.captions`): a caption says "downhill" only for steps that lowered f and
"the minimum" only for a minimum mathcore found inside the picture. Render with::

    manim -qh scenes/descent.py GradientDescent1D LearningRates

A variant is a subclass::

    class DoubleWell(GradientDescent1D):
        function = "w**4 - 3*w**2 + w"
        w_range = (-2.0, 2.0)
        starts = (-1.8, 1.9)
        learning_rate = 0.05
"""

from __future__ import annotations

from typing import Annotated, ClassVar

import numpy as np
from manim import DOWN, LEFT, RIGHT, UL, UP, Arrow, Create, Dot, FadeIn, FadeOut, GrowArrow, Line, MathTex, Text, VGroup, Write, config

from mathcore import DescentPath

from scenes.kit import style
from scenes.kit.lesson import Play, fit_in_band, fit_width, rendered_from
from scenes.kit.beats import NO_FACTS, Line as CaptionLine  # (manim's Line draws the steps' chords)
from scenes.lessons.descent.captions import (
    CURVE_PART,
    ENDS_PART,
    intro_caption,
    outcome_lines,
    rule_line,
    start_caption,
    status_line,
    step_caption,
    summary_captions,
    summary_facts,
    walk_caption,
    walk_part,
)
from scenes.lessons.descent.facts import RuleFacts, outcome_facts, shape_facts, start_facts, step_facts, walk_digits, walk_facts
from scenes.lessons.common.descent_lesson import DescentLesson, descent_view, formula_tex, variable_tex
from scenes.kit.layout import Box
from scenes.lessons.learning_rates.scene import LearningRates
from scenes.parts.plot2d.plot_axes import PlotAxes, Scale
from scenes.parts.walk.curve_rider import CurveRider
from scenes.parts.walk.descent_steps import format_rate, update_equation, visible_count
from scenes.parts.plot2d.graph import graph_of
from scenes.parts.panels.live_number import LiveReadout
from scenes.parts.panels.readouts import Readout
from scenes.kit.settings import Setting
from scenes.lessons.common.walk_settings import LearningRate

__all__ = ["GradientDescent1D", "LearningRates"]


@rendered_from("scenes.descent")
class GradientDescent1D(DescentLesson):
    """Gradient descent on a curve, one step at a time, from one to three starts.

    For each start the scene puts a ball on the graph, draws the tangent and says which
    way is down, then makes ``steps`` updates: the update equation with the real numbers
    substituted (checking at the digits shown), an arrow along the axis for the step and
    the ball moving along the curve. It ends with what the shown steps did and how each
    walk, left to run, ends.
    """

    title = "Gradient descent"
    subtitle = "Step against the slope, one update at a time"
    starts: ClassVar[Annotated[tuple[float, ...], Setting("where the walks start, in order", low=-1e6, high=1e6, items=(1, 3))]] = (-1.0, 3.0)
    learning_rate: ClassVar[LearningRate] = 0.25
    steps: ClassVar[Annotated[int, Setting("updates shown per start (fewer if a walk stops or leaves the view)", low=0, high=4)]] = 3
    move_time: ClassVar[Annotated[float, Setting("seconds for the ball's move in one step", low=0.1, high=2.0)]] = 1.0

    @classmethod
    def starts_to_check(cls) -> list[tuple[str, float]]:
        return [(f"starts[{i}]", float(s)) for i, s in enumerate(cls.starts)]

    # -- build --------------------------------------------------------------------------------
    def build(self) -> None:
        type(self).check()
        self.curve = self.make_curve()
        self.name = self.curve.variable
        self.var_tex = variable_tex(self.curve)
        starts = [float(s) for s in self.starts]
        self.paths = [self.descend(self.curve, s, self.learning_rate) for s in starts]
        self.formula = MathTex(f"f({self.var_tex}) =", formula_tex(self.curve), font_size=34, color=style.FUNCTION)
        fit_in_band(self.formula, self.zones.title).to_corner(UL, buff=0.3)  # shrunk to the band if tall
        self.equation_y = self.zones.stage.top - 0.4
        x_range, y_range = descent_view(self.curve, self.w_range, starts)
        self.x_range = x_range
        self.judge = self.value_change(self.curve, x_range)
        self.axes = self.make_axes(x_range, y_range)
        self.graph = graph_of(self.axes, self.curve, x_range[:2], style.FUNCTION)
        self.in_view = [visible_count(p.points, p.values, x_range[:2], y_range[:2]) for p in self.paths]
        self.shown = [max(0, min(self.steps, k - 1)) for k in self.in_view]
        self.critical = self.curve.critical_points(x_range[:2])
        self.shape = shape_facts(self.name, self.critical, x_range)
        self.readouts = self.make_readouts()
        self.rider = CurveRider(self.axes, self.curve, (self.w_readout, self.value_readout, self.slope_readout))

    def make_axes(self, x_range, y_range) -> PlotAxes:
        """The axes of the graph, in the plot zone under the update equation; their numbers
        lie outside the plotting box, so no curve, walk or tangent crosses one."""
        plot = self.zones.plot
        box = Box(plot.left, plot.right, plot.bottom + 0.05, self.equation_y - 0.45)
        v = self.var_tex
        return PlotAxes(Scale(*x_range), Scale(*y_range), box, x_label=v, y_label=rf"f({v})")

    def make_readouts(self) -> VGroup:
        """eta, the step count, and w, f'(w), f(w) of the ball, stacked in the side panel."""
        v = self.var_tex
        self.eta_readout = MathTex(rf"\eta = {format_rate(self.learning_rate)}", font_size=style.READOUT_SIZE, color=style.INK)
        self.step_readout = Readout(r"\text{step}", 0, decimals=0)
        self.w_readout = LiveReadout(f"{v} =", 0, self.decimals, color=style.BALL)
        self.slope_readout = LiveReadout(f"f'({v}) =", 0, self.decimals, color=style.SLOPE)
        self.value_readout = LiveReadout(f"f({v}) =", 0, self.decimals, color=style.FUNCTION)
        group = VGroup(self.eta_readout, self.step_readout, self.w_readout, self.slope_readout, self.value_readout)
        group.arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        side = self.zones.side
        return group.move_to([side.left + 0.2, self.equation_y - 0.5, 0], aligned_edge=LEFT + UP)

    # -- construct ----------------------------------------------------------------------------
    def construct(self) -> None:
        self.begin_part(CURVE_PART)
        self.play_title_card(facts=NO_FACTS)
        self.beat(CaptionLine(intro_caption(self.shape), self.shape), Play(Create(self.axes), Write(self.formula), run_time=1.2),
                  Play(Create(self.graph), run_time=1.2))
        self.equation = None
        self.trails: list[VGroup] = []
        self.step_facts = []
        for run, path in enumerate(self.paths):
            self.walk(run, path)
        self.conclude()

    def walk(self, run: int, path: DescentPath) -> None:
        """Show one walk: the start, its tangent, then the shown steps."""
        facts = start_facts(self.curve, path, self.tolerance, self.x_range, self.decimals, first=run == 0)
        self.begin_part(walk_part(facts))
        rider = self.rider

        def restart() -> None:  # the ball, its readouts and the step count at the new start
            self.w_readout.decimals = walk_digits(path, self.shown[run], self.decimals)  # as the captions write w
            rider.rest_at(path, 0)
            self.step_readout.set_value(0)

        # A new walk, no step yet: the picture and the caption change together.
        self.caption_then(start_caption(facts), facts, restart)
        trail = VGroup(self.make_trail_dot(path, 0))
        self.trails.append(trail)
        appear = [FadeIn(rider.ball, scale=0.5), FadeIn(trail[0]), Create(rider.drop)]
        if run == 0:
            self.play(*(FadeIn(m) for m in self.readouts), run_time=0.5)
        else:  # back to the general rule: the numbers of the last walk are done with
            self.to_end(self.equation)
            rule = self.make_equation(None, path)
            appear += [FadeOut(self.equation, shift=0.2 * UP), FadeIn(rule, shift=0.2 * UP)]
            self.equation = rule
        self.play(*appear, run_time=0.6)
        rider.rest_at(path, 0)  # the tangent shown again (clipped to the plot)
        sign = self.make_sign_label(facts.slope)
        self.play(Create(rider.tangent), FadeIn(sign), run_time=0.8)
        if run == 0:  # the rule, first told under the first walk's start
            self.equation = self.make_equation(None, path)
            self.beat(CaptionLine(rule_line(RuleFacts(self.name)), RuleFacts(self.name)), FadeIn(self.equation, shift=0.2 * DOWN), run_time=0.6)
        else:
            self.hold()
        self.play(FadeOut(sign), run_time=0.3)
        for step in range(1, self.shown[run] + 1):
            self.take_step(path, step, trail)
        summary = walk_facts(path, self.shown[run], self.in_view[run], self.decimals, self.judge)
        text = walk_caption(summary)
        if text is not None:
            self.beat(CaptionLine(text, summary))
        else:
            self.hold()  # the last step's caption
        self.play(FadeOut(rider.tangent), FadeOut(rider.ball), FadeOut(rider.drop), trail.animate.set_opacity(0.35), run_time=0.5)

    def take_step(self, path: DescentPath, step: int, trail: VGroup) -> None:
        """One update: the equation with its numbers, the arrow of the step, the move.

        The caption "Step k", the panel's step number and the equation of step k change
        at the same moment (the caption swaps in at once, as the equation starts to fade
        in), so the three never name different steps.
        """
        facts = step_facts(path, step, self.decimals, self.judge)
        self.step_facts.append(facts)
        new_equation = self.make_equation(step, path)
        old_equation, self.equation = self.equation, new_equation

        def swap_equation() -> None:
            self.to_end(old_equation)
            self.play(FadeOut(old_equation, shift=0.2 * UP), FadeIn(new_equation, shift=0.2 * UP), run_time=0.6)

        # The last beat ends (with its own step number) where this one begins, at once.
        self.caption_then(step_caption(facts), facts, lambda: self.step_readout.set_value(step), swap_equation)
        rider = self.rider
        rider.route(path, step)
        arrow = self.make_step_arrow(path, step)
        chord = Line(rider.at(path.points[step - 1, 0], path.values[step - 1]), rider.at(path.points[step, 0], path.values[step]),
                     color=style.DESCENT, stroke_width=3).set_z_index(1)
        moves = [rider.alpha.animate.set_value(1.0), Create(chord)] + ([GrowArrow(arrow)] if arrow is not None else [])
        # Riders last in the scene's list: manim then redraws only them (and what is animated).
        self.add(rider.alpha, *rider.riders())
        rider.attach()
        self.play(*moves, run_time=self.move_time)
        rider.detach()
        dot = self.make_trail_dot(path, step)
        self.add(dot)
        trail.add(chord, dot, *([arrow] if arrow is not None else []))
        self.pause_after_reading()

    def conclude(self) -> None:
        """What the shown steps did, then how each walk ends if left to run."""
        self.begin_part(ENDS_PART)
        summary = summary_facts(self.name, self.learning_rate, self.step_facts)
        *told, last = summary_captions(summary)
        for text in told:
            self.beat(CaptionLine(text, summary))
        outcomes = [outcome_facts(self.curve, p, self.tolerance, self.x_range, self.critical, self.decimals, self.judge) for p in self.paths]
        lines = VGroup(*(self.make_status_line(o) for o in outcomes)).arrange(DOWN, aligned_edge=LEFT, buff=0.2)
        side = self.zones.side
        fit_width(lines, side.right - side.left - 0.3)
        lines.next_to(self.eta_readout, DOWN, buff=0.45, aligned_edge=LEFT)
        # The ball is gone: its readouts go too, so no number of the last walk's point stands
        # beside captions about where every walk ends.
        ball_readouts = [m for m in self.readouts if m is not self.eta_readout]
        self.beat(CaptionLine(last, summary), FadeIn(lines), *(FadeOut(m) for m in ball_readouts), *(trail.animate.set_opacity(1) for trail in self.trails),
                  run_time=0.5)
        for text, facts in outcome_lines(outcomes, self.caption_width):
            self.beat(CaptionLine(text, facts))
        self.clear_caption()
        self.wait(self.read_time)  # the last frame holds everything (and is the golden frame)

    # -- pieces built once per step -----------------------------------------------------------
    def make_equation(self, step: int | None, path: DescentPath) -> MathTex:
        """The update rule, general (``step`` None) or with step ``step``'s numbers."""
        v = self.var_tex
        if step is None:
            pieces = [rf"{{{v}}}_{{k+1}}", "=", rf"{{{v}}}_{{k}}", "-", r"\eta\,", rf"f'({{{v}}}_{{k}})"]
        else:
            pieces = update_equation(path, step, v, self.decimals)
        tex = MathTex(*pieces, font_size=38, color=style.INK)
        tex.step = step  # which update it shows (None: the general rule)
        tex[5].set_color(style.SLOPE)
        if step is not None:
            tex[11].set_color(style.SLOPE)
            tex[13].set_color(style.BALL)
        fit_width(tex, config.frame_width - 1.0)
        return tex.move_to([0, self.equation_y, 0])

    def make_trail_dot(self, path: DescentPath, index: int) -> Dot:
        return Dot(self.rider.at(path.points[index, 0], path.values[index]), radius=0.06, color=style.DESCENT).set_z_index(2)

    def make_step_arrow(self, path: DescentPath, step: int) -> Arrow | None:
        """The step as an arrow on the w axis; None if too short to see."""
        axis = self.axes.x_axis
        start, end = axis.number_to_point(path.points[step - 1, 0]), axis.number_to_point(path.points[step, 0])
        if np.linalg.norm(end - start) < 0.05:
            return None
        return Arrow(start, end, buff=0, color=style.DESCENT, stroke_width=4, tip_length=0.18,
                     max_tip_length_to_length_ratio=0.5, max_stroke_width_to_length_ratio=20).set_z_index(2)

    def make_sign_label(self, slope: float) -> MathTex:
        """``< 0`` (or ``> 0``, ``= 0``) right of the slope readout (showing the start's
        slope): the sign of the slope."""
        relation = "<" if slope < 0 else (">" if slope > 0 else "=")
        label = MathTex(rf"{relation} 0", font_size=style.READOUT_SIZE, color=style.SLOPE)
        return label.next_to(self.slope_readout, RIGHT, buff=0.3)

    def make_status_line(self, facts) -> Text:
        """``w = -1.00 → converged`` with the status in its colour."""
        text = status_line(facts)
        word = text.split("→ ")[-1]
        return Text(text, font=style.FONT, font_size=24, color=style.INK, t2c={word: style.status_color(facts.status)})
