"""Gradient descent in one variable: step against the slope, and choose the step size.

The lesson's rule is ``w2 = w1 - eta * f'(w1)``. Where the slope is negative the minus sign
makes ``w`` grow; where it is positive ``w`` shrinks; either way the step goes downhill.
:class:`GradientDescent1D` walks it from both sides of a valley with the real numbers
substituted in the update equation, and :class:`LearningRates` runs one walk per learning
rate side by side: too small crawls, a good one settles, too large bounces, far too large
runs away.

Every number on screen comes from :func:`mathcore.gradient_descent` (a
:class:`~mathcore.DescentPath`): the points, the slopes, the values and how each walk ended.
Render with::

    manim -qh scenes/descent.py GradientDescent1D LearningRates

A variant is a subclass::

    class DoubleWell(GradientDescent1D):
        function = "w**4 - 3*w**2 + w"
        w_range = (-2.0, 2.0)
        starts = (-1.8, 1.9)
        learning_rate = 0.05
"""

from __future__ import annotations

from typing import ClassVar

import numpy as np
import sympy
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UL,
    UP,
    Arrow,
    Axes,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
    GrowArrow,
    Line,
    MathTex,
    ShowIncreasingSubsets,
    Text,
    VGroup,
    VMobject,
    ValueTracker,
    Write,
    config,
    linear,
)

from mathcore import Curve, DescentPath, DomainError, ExpressionError, gradient_descent

from scenes import style
from scenes.base import CurveFormula, LessonScene, StillBackground, caption_parts, fit_width, lower_first
from scenes.parts.axes import make_axes, nice_range
from scenes.parts.descent_steps import (
    STATUS_WORDS,
    exit_point,
    format_rate,
    plain_number,
    short_outcome,
    update_equation,
    visible_count,
)
from scenes.parts.graph import graph_of, screen_points
from scenes.parts.live_number import LiveReadout
from scenes.parts.readouts import Readout
from scenes.parts.tangent import SlopeLine

__all__ = ["GradientDescent1D", "LearningRates", "caption_parts", "step_caption"]


# -- set-up shared by both scenes -----------------------------------------------------------------
def _curve(scene) -> Curve:
    name = type(scene).__name__
    try:
        return Curve(scene.function, variable=scene.variable)
    except ExpressionError as error:
        raise ExpressionError(error.text, f"{error.reason} (in {name}.function)") from None


def _descend(scene, curve: Curve, start: float, learning_rate: float, where: str) -> DescentPath:
    try:
        return gradient_descent(curve, start, learning_rate, max_steps=scene.max_steps, tolerance=scene.tolerance)
    except DomainError as error:
        raise DomainError(f"{type(scene).__name__}.{where} = {start!r}: {error}") from None
    except ValueError as error:
        raise ValueError(f"{type(scene).__name__}: {error}") from None


def _snug_range(low: float, high: float, ticks: int, pad: float) -> tuple[float, float, float]:
    """:func:`nice_range` with the fewest ticks (from ``ticks``) that adds at most a third
    to the span: rounding outward to a coarse step can otherwise double a range."""
    candidates = [nice_range(low, high, t, pad=pad) for t in range(ticks, 2 * ticks + 1)]
    span = max(high - low, 1e-12)
    for r in candidates:
        if r[1] - r[0] <= 1.34 * span * (1 + 2 * pad):
            return r
    return min(candidates, key=lambda r: r[1] - r[0])


def _view(curve: Curve, w_range, starts, ticks: int = 6, y_ticks: int = 5):
    """Axis ranges that show ``curve`` over ``w_range`` and every start point.

    The y range spans what :meth:`mathcore.Curve.value_range` reports (as for
    :func:`~scenes.parts.axes.fitted_y_range`: the runaway tails at a pole are ignored),
    zero and the start values, rounded snugly.
    """
    low = min(float(w_range[0]), *starts)
    high = max(float(w_range[1]), *starts)
    x_range = _snug_range(low, high, ticks, pad=0.0)
    span = curve.value_range(x_range[:2])
    values = [curve.value(s) for s in starts]
    span = (min(span[0], 0.0, *values), max(span[1], 0.0, *values))
    return x_range, _keep_sign(_snug_range(*span, y_ticks, pad=0.05), span)


def _keep_sign(y_range, span):
    """Do not pad a range below zero when every value is positive (nor above it when all are
    negative): the w axis then lies on the lower (upper) edge, not in a strip of nothing."""
    start, stop, step = y_range
    if span[0] >= 0 > start:
        start = 0.0
    if span[1] <= 0 < stop:
        stop = 0.0
    return start, stop, step


def _tex_variable(curve: Curve) -> str:
    return sympy.latex(curve.symbols[0])


def step_caption(path: DescentPath, step: int, decimals: int = 2) -> str:
    """The caption of update number ``step`` (1 for the first) in plain words, with the
    numbers of ``path`` written as on screen."""
    name = path.variables[0]
    slope = float(path.gradients[step - 1, 0])
    w_old, w_new = float(path.points[step - 1, 0]), float(path.points[step, 0])
    f_old, f_new = float(path.values[step - 1]), float(path.values[step])
    sign = "negative" if slope < 0 else "positive"
    way = "right" if w_new > w_old else "left"
    text = (
        f"Step {step}: the slope {plain_number(slope, decimals)} is {sign}, so {name} moves "
        f"{way} to {plain_number(w_new, decimals)}"
    )
    if f_new < f_old:
        return text + f" and f falls to {plain_number(f_new, decimals)}."
    if f_new > f_old:
        return text + f", but f rises to {plain_number(f_new, decimals)}: the step overshot."
    return text + f", but f stays at {plain_number(f_new, decimals)}: the step jumped across."


def _long_caption(scene, text: str) -> None:
    """Caption ``text`` in parts of at most two lines, each held for reading."""
    parts = caption_parts(text, scene.caption_width)
    for part in parts:
        scene.caption(part)
        scene.wait(scene.read_time * max(1.0, len(part) / 90))


# -- scene 1: the update rule from both sides ---------------------------------------------------
class GradientDescent1D(StillBackground, LessonScene):
    """Gradient descent on a curve, one step at a time, from either side of a valley.

    For each start the scene puts a ball on the graph, draws the tangent and names the
    sign of its slope, then makes ``steps`` updates: the update equation with the real
    numbers substituted, an arrow along the ``w`` axis for the step and the ball moving
    along the curve to the new point. It ends with how each walk, left to run, would end.

    Class attributes
    ----------------
    function : str
        f(w) as text, parsed safely by mathcore.
    variable : str
        The name of the variable in ``function``.
    w_range : tuple of float
        The part of the ``w`` axis to show (widened to include every start).
    starts : tuple of float
        Where the walks start, in order; the lesson's default has one on each side of
        the minimum. f and its slope must be defined there (else ``DomainError`` at build).
    learning_rate : float
        eta in ``w2 = w1 - eta * f'(w1)``.
    steps : int
        How many updates to show per start (fewer if a walk stops or leaves the view).
    max_steps : int
        How many updates mathcore may make to find how each walk ends.
    tolerance : float
        The slope below which mathcore calls a walk converged.
    decimals : int
        Digits after the decimal point of the numbers shown.
    move_time : float
        Seconds for the ball's move in one step.
    read_time : float
        Seconds of stillness for reading after each caption.
    title, subtitle, caption_width
        See :class:`~scenes.base.LessonMixin`.
    """

    title: ClassVar[str] = "Gradient descent"
    subtitle: ClassVar[str] = "Step against the slope, from either side"
    function: ClassVar[CurveFormula] = "(w - 1)**2 + 0.5"
    variable: ClassVar[str] = "w"
    w_range: ClassVar[tuple[float, float]] = (-2.0, 4.0)
    starts: ClassVar[tuple[float, ...]] = (-1.0, 3.0)
    learning_rate: ClassVar[float] = 0.25
    steps: ClassVar[int] = 3
    max_steps: ClassVar[int] = 200
    tolerance: ClassVar[float] = 1e-8
    decimals: ClassVar[int] = 2
    move_time: ClassVar[float] = 1.0
    read_time: ClassVar[float] = 1.3

    # -- build --------------------------------------------------------------------------------
    def build(self) -> None:
        if not self.starts:
            raise ValueError(f"{type(self).__name__}.starts needs at least one start")
        if isinstance(self.steps, bool) or not isinstance(self.steps, int) or self.steps < 0:
            raise ValueError(f"{type(self).__name__}.steps must be a whole number >= 0, got {self.steps!r}")
        self.curve = _curve(self)
        self.paths = [
            _descend(self, self.curve, float(s), self.learning_rate, f"starts[{i}]") for i, s in enumerate(self.starts)
        ]
        self.var_tex = _tex_variable(self.curve)
        self.formula = MathTex(f"f({self.var_tex}) =", self.curve.latex, font_size=34, color=style.FUNCTION)
        fit_width(self.formula, config.frame_width - 1.0)
        self.formula.to_corner(UL, buff=0.3)
        # The update equation gets a band of its own under the formula, the graph the rest.
        self.equation_y = min(config.frame_height / 2 - 1.1, self.formula.get_bottom()[1] - 0.4)
        x_range, y_range = _view(self.curve, self.w_range, [float(s) for s in self.starts])
        self.axes = self.make_axes(x_range, y_range)
        self.graph = graph_of(self.axes, self.curve, x_range[:2], style.FUNCTION)
        self.shown = [min(self.steps, visible_count(p.points, p.values, x_range[:2], y_range[:2]) - 1) for p in self.paths]
        self.readouts = self.make_readouts()
        self.ball = self.make_ball()
        self.tangent = SlopeLine(self.axes, (0.0, 0.0), 0.0, length=2.2, color=style.SLOPE, stroke_width=5)
        self.drop = Line(ORIGIN3, ORIGIN3 + UP, color=style.MUTED, stroke_width=2)
        self.alpha = ValueTracker(0.0)
        self._route = None
        self._state_cache = (None, None)

    def make_axes(self, x_range, y_range) -> Axes:
        """The axes of the graph, left of the readouts and above the captions."""
        top, bottom = self.equation_y - 0.85, self.caption_top + 0.75
        axes = make_axes(x_range, y_range, width=7.8, height=top - bottom, x_label=self.var_tex, y_label=rf"f({self.var_tex})")
        axes.move_to([-2.7, 0, 0])
        axes.shift((top - axes.y_axis.get_top()[1]) * UP)
        return axes

    def make_ball(self) -> Dot:
        """The moving point on the graph."""
        return Dot(radius=0.11, color=style.BALL).set_z_index(3)

    def make_readouts(self) -> VGroup:
        """eta, the step count, and w, f'(w), f(w) of the ball, stacked right of the graph."""
        v = self.var_tex
        self.eta_readout = MathTex(rf"\eta = {format_rate(self.learning_rate)}", font_size=style.READOUT_SIZE, color=style.INK)
        self.step_readout = Readout(r"\text{step}", 0, decimals=0)
        self.w_readout = LiveReadout(f"{v} =", 0, self.decimals, color=style.BALL)
        self.slope_readout = LiveReadout(f"f'({v}) =", 0, self.decimals, color=style.SLOPE)
        self.value_readout = LiveReadout(f"f({v}) =", 0, self.decimals, color=style.FUNCTION)
        group = VGroup(self.eta_readout, self.step_readout, self.w_readout, self.slope_readout, self.value_readout)
        group.arrange(DOWN, aligned_edge=LEFT, buff=0.32)
        group.move_to([2.5, 0.5, 0], aligned_edge=LEFT)
        return group

    # -- per-frame placement (cheap: moves existing mobjects) ---------------------------------
    def _at(self, w: float, f: float):
        return self.axes.coords_to_point(w, f)

    def _state(self):
        """(w, f, slope or None) of the ball now, computed once per frame."""
        alpha = self.alpha.get_value()
        if self._state_cache[0] != alpha:
            self._state_cache = (alpha, self._route(alpha))
        return self._state_cache[1]

    def _attach_rider(self) -> None:
        """Make the ball, its drop line, the tangent and the live readouts follow ``alpha``."""
        d = self.decimals

        def ball(m):
            w, f, _ = self._state()
            m.move_to(self._at(w, f))

        def drop(m):
            w, f, _ = self._state()
            # Corners, not put_start_and_end_on: the line may have zero length (f = 0).
            m.set_points_as_corners([self._at(w, f), self.axes.x_axis.number_to_point(w)])

        def tangent(m):
            w, f, slope = self._state()
            if slope is None:
                m.set_stroke(opacity=0)
            else:
                m.move_onto((w, f), slope).set_stroke(opacity=1)

        def readout(which):
            def update(m):
                state = self._state()
                if state[which] is not None:
                    m.set_value(_shown(state[which], d))
            return update

        self.ball.add_updater(ball)
        self.drop.add_updater(drop)
        self.tangent.add_updater(tangent)
        self.w_readout.add_updater(readout(0))
        self.value_readout.add_updater(readout(1))
        self.slope_readout.add_updater(readout(2))

    def _detach_rider(self) -> None:
        for mobject in self._riders():
            mobject.clear_updaters()

    def _riders(self) -> tuple:
        """What follows the ball; during a move they are the only mobjects redrawn per frame."""
        return (self.drop, self.tangent, self.ball, self.w_readout, self.value_readout, self.slope_readout)

    def _set_route(self, path: DescentPath, step: int) -> None:
        """Route the ball from point ``step - 1`` to point ``step`` of ``path``: along the
        curve when the curve is defined and in view all the way, else straight."""
        (w0,), (w1,) = path.points[step - 1], path.points[step]
        f0, f1 = float(path.values[step - 1]), float(path.values[step])
        s0, s1 = float(path.gradients[step - 1, 0]), float(path.gradients[step, 0])
        ws = np.linspace(w0, w1, 65)
        fs = self.curve(ws)
        y_low, y_high = self.axes.y_range[:2]
        along = bool(np.all(np.isfinite(fs)) & np.all((fs >= y_low) & (fs <= y_high)))
        slopes = self.curve.derivative(ws)
        along &= bool(np.all(np.isfinite(slopes)))

        def route(alpha: float):
            if alpha <= 0:
                return w0, f0, s0
            if alpha >= 1:
                return w1, f1, s1
            w = w0 + alpha * (w1 - w0)
            if along:
                return w, float(self.curve(w)), float(self.curve.derivative(w))
            return w, f0 + alpha * (f1 - f0), None

        self._route = route
        self._state_cache = (None, None)

    def _rest_at(self, path: DescentPath, index: int) -> None:
        w, f, s = float(path.points[index, 0]), float(path.values[index]), float(path.gradients[index, 0])
        self._route = lambda alpha: (w, f, s)
        self._state_cache = (None, None)
        self.alpha.set_value(0.0)
        self._attach_rider()
        for mobject in self._riders():
            mobject.update()
        self._detach_rider()

    # -- construct ----------------------------------------------------------------------------
    def construct(self) -> None:
        self.play_title_card()
        v = self.variable
        self.caption(f"Here is a function f({v}) of one variable. Gradient descent looks for its lowest point.")
        self.play(Create(self.axes), Write(self.formula), run_time=1.2)
        self.play(Create(self.graph), run_time=1.2)
        self.wait(self.read_time * 0.5)
        self.equation = None
        self.trails = []
        for run, path in enumerate(self.paths):
            self.walk(run, path)
        self.conclude()

    def walk(self, run: int, path: DescentPath) -> None:
        """Show one walk: the start, its tangent, then the shown steps."""
        v, d = self.variable, self.decimals
        slope = float(path.gradients[0, 0])
        start = plain_number(path.points[0, 0], d)
        other = " on the other side" if run == 1 and _sign(slope) != _sign(self.paths[0].gradients[0, 0]) else ""
        self.caption(f"Start{other} at {v} = {start}. {_slope_words(slope, v, d)}")
        self._rest_at(path, 0)
        self.step_readout.set_value(0)
        trail = VGroup()
        self.trails.append(trail)
        first_dot = self.make_trail_dot(path, 0)
        appear = [FadeIn(self.ball, scale=0.5), FadeIn(first_dot), Create(self.drop)]
        if run == 0:
            self.play(*(FadeIn(m) for m in self.readouts), run_time=0.5)
        else:  # back to the general rule: the numbers of the last walk are done with
            self.to_end(self.equation)
            rule = self.make_equation(None, path)
            appear += [FadeOut(self.equation, shift=0.2 * UP), FadeIn(rule, shift=0.2 * UP)]
            self.equation = rule
        self.play(*appear, run_time=0.6)
        trail.add(first_dot)
        self.tangent.set_stroke(opacity=1)
        sign_label = self.make_sign_label(path)
        self.play(Create(self.tangent), FadeIn(sign_label), run_time=0.8)
        self.wait(self.read_time)
        if run == 0:
            self.caption(f"The update: new {v} = old {v} minus the learning rate η times the slope.")
            self.equation = self.make_equation(None, path)
            self.play(FadeIn(self.equation, shift=0.2 * DOWN), run_time=0.6)
            self.wait(self.read_time)
        self.play(FadeOut(sign_label), run_time=0.3)
        for step in range(1, self.shown[run] + 1):
            self.take_step(path, step, trail)
        self.caption(self.walk_summary(path, self.shown[run]))
        self.wait(self.read_time)
        self.play(FadeOut(self.tangent), FadeOut(self.ball), FadeOut(self.drop), trail.animate.set_opacity(0.35), run_time=0.5)

    def take_step(self, path: DescentPath, step: int, trail: VGroup) -> None:
        """One update: the equation with its numbers, the arrow of the step, the move."""
        self.caption(step_caption(path, step, self.decimals))
        new_equation = self.make_equation(step, path)
        self.to_end(self.equation)
        self.play(FadeOut(self.equation, shift=0.2 * UP), FadeIn(new_equation, shift=0.2 * UP), run_time=0.6)
        self.equation = new_equation
        self.step_readout.set_value(step)
        self.wait(self.read_time * 0.5)
        self._set_route(path, step)
        self.alpha.set_value(0.0)
        arrow = self.make_step_arrow(path, step)
        chord = Line(self._at(path.points[step - 1, 0], path.values[step - 1]), self._at(path.points[step, 0], path.values[step]),
                     color=style.DESCENT, stroke_width=3).set_z_index(1)
        moves = [self.alpha.animate.set_value(1.0), Create(chord)]
        if arrow is not None:
            moves.append(GrowArrow(arrow))
        # Riders last in the scene's list: manim then redraws only them (and what is animated)
        # on each frame, over a still image of everything else.
        self.add(self.alpha, *self._riders())
        self._attach_rider()
        self.play(*moves, run_time=self.move_time)
        self._detach_rider()
        dot = self.make_trail_dot(path, step)
        self.add(dot)
        trail.add(chord, dot)
        if arrow is not None:
            trail.add(arrow)
        self.wait(self.read_time * 0.3)

    def walk_summary(self, path: DescentPath, shown: int) -> str:
        v, d = self.variable, self.decimals
        if shown == 0:
            return f"No step to show from {v} = {plain_number(path.points[0, 0], d)}."
        f0, f1 = float(path.values[0]), float(path.values[shown])
        went = "fell" if f1 < f0 else "went"
        text = (
            f"After {shown} step{'s' if shown != 1 else ''}, {v} = {plain_number(path.points[shown, 0], d)} "
            f"and f {went} from {plain_number(f0, d)} to {plain_number(f1, d)}."
        )
        if shown < min(self.steps, path.steps):
            text += " The next step leaves the picture."
        return text

    def conclude(self) -> None:
        """Why both sides lead down, then how each walk ends if left to run."""
        v = self.variable
        signs = {_sign(p.gradients[0, 0]) for p in self.paths} - {0}
        if signs == {-1, 1}:
            self.caption(f"Slope negative: {v} grows. Slope positive: {v} shrinks. The minus sign turns every step downhill.")
        else:
            self.caption("Whatever the slope's sign, the minus sign turns every step downhill.")
        self.wait(self.read_time)
        lines = VGroup()
        for path in self.paths:
            words = STATUS_WORDS[path.status]
            line = Text(f"{v} = {plain_number(path.points[0, 0], self.decimals)} → {words}",
                        font=style.FONT, font_size=24, color=style.INK, t2c={words: style.DESCENT})
            lines.add(line)
        lines.arrange(DOWN, aligned_edge=LEFT, buff=0.2)
        lines.next_to(self.readouts, DOWN, buff=0.5, aligned_edge=LEFT)
        fit_width(lines, config.frame_width / 2 - 0.3 - lines.get_left()[0])
        lines.align_to(self.readouts, LEFT)
        self.play(FadeIn(lines), *(trail.animate.set_opacity(1) for trail in self.trails), run_time=0.5)
        for path in self.paths:
            self.long_caption(f"From {v} = {plain_number(path.points[0, 0], self.decimals)}, left to run: {lower_first(path.message)}")
        self.clear_caption()
        self.wait(self.read_time)  # the last frame holds everything (and is the golden frame)

    long_caption = _long_caption

    # -- pieces built once per step -----------------------------------------------------------
    def make_equation(self, step: int | None, path: DescentPath) -> MathTex:
        """The update rule, general (``step`` None) or with step ``step``'s numbers."""
        v = self.var_tex
        if step is None:
            pieces = [rf"{{{v}}}_{{k+1}}", "=", rf"{{{v}}}_{{k}}", "-", r"\eta\,", rf"f'({{{v}}}_{{k}})"]
        else:
            pieces = update_equation(path, step, v, self.decimals)
        tex = MathTex(*pieces, font_size=38, color=style.INK)
        tex[5].set_color(style.SLOPE)
        if step is not None:
            tex[11].set_color(style.SLOPE)
            tex[13].set_color(style.BALL)
        fit_width(tex, config.frame_width - 1.0)
        tex.move_to([0, self.equation_y, 0])
        return tex

    def make_trail_dot(self, path: DescentPath, index: int) -> Dot:
        return Dot(self._at(path.points[index, 0], path.values[index]), radius=0.06, color=style.DESCENT).set_z_index(2)

    def make_step_arrow(self, path: DescentPath, step: int) -> Arrow | None:
        """The step as an arrow on the w axis; None if too short to see."""
        axis = self.axes.x_axis
        start = axis.number_to_point(path.points[step - 1, 0])
        end = axis.number_to_point(path.points[step, 0])
        if np.linalg.norm(end - start) < 0.05:
            return None
        return Arrow(start, end, buff=0, color=style.DESCENT, stroke_width=4, tip_length=0.18,
                     max_tip_length_to_length_ratio=0.5, max_stroke_width_to_length_ratio=20).set_z_index(2)

    def make_sign_label(self, path: DescentPath) -> MathTex:
        """``< 0`` (or ``> 0``, ``= 0``) after the slope readout: the sign of the first slope."""
        slope = float(path.gradients[0, 0])
        relation = "<" if slope < 0 else (">" if slope > 0 else "=")
        label = MathTex(rf"{relation} 0", font_size=style.READOUT_SIZE, color=style.SLOPE)
        return label.next_to(self.slope_readout, RIGHT, buff=0.2)


# -- scene 2: four learning rates side by side ------------------------------------------------
class LearningRates(StillBackground, LessonScene):
    """The same walk with four learning rates, in a 2 x 2 grid of small graphs.

    Each panel draws its walk as a zig-zag of points on the curve, labelled with its eta,
    and, when the walk is over, the status mathcore reports and a few words on it. A walk
    that leaves the panel's view is drawn up to its last point inside, with an arrow to
    the edge where it leaves.

    Class attributes
    ----------------
    function : str
        f(w) as text, parsed safely by mathcore.
    variable : str
        The name of the variable in ``function``.
    w_range : tuple of float
        The part of the ``w`` axis each panel shows (widened to include ``start``).
    start : float
        Where every walk starts; f and its slope must be defined there.
    learning_rates : tuple of float
        One to four learning rates, one per panel; the default is too small, good, too
        large and far too large for the default function.
    steps : int
        The most updates drawn per panel.
    max_steps : int
        How many updates mathcore may make before it reports ``max_steps``.
    tolerance : float
        The slope below which mathcore calls a walk converged.
    decimals : int
        Digits after the decimal point of the numbers shown.
    walk_time : float
        Seconds to draw one panel's walk.
    read_time : float
        Seconds of stillness for reading after each caption.
    title, subtitle, caption_width
        See :class:`~scenes.base.LessonMixin`.
    """

    title: ClassVar[str] = "Choosing the learning rate"
    subtitle: ClassVar[str] = "Same start, same rule, four step sizes"
    function: ClassVar[CurveFormula] = "(w - 1)**2 + 0.5"
    variable: ClassVar[str] = "w"
    w_range: ClassVar[tuple[float, float]] = (-2.5, 4.5)
    start: ClassVar[float] = 3.0
    learning_rates: ClassVar[tuple[float, ...]] = (0.02, 0.3, 1.0, 1.1)
    steps: ClassVar[int] = 60
    max_steps: ClassVar[int] = 60
    tolerance: ClassVar[float] = 1e-8
    decimals: ClassVar[int] = 2
    walk_time: ClassVar[float] = 3.0
    read_time: ClassVar[float] = 2.2

    def build(self) -> None:
        name = type(self).__name__
        if not 1 <= len(self.learning_rates) <= 4:
            raise ValueError(f"{name}.learning_rates needs one to four rates, got {len(self.learning_rates)}")
        if isinstance(self.steps, bool) or not isinstance(self.steps, int) or self.steps < 0:
            raise ValueError(f"{name}.steps must be a whole number >= 0, got {self.steps!r}")
        self.curve = _curve(self)
        self.paths = [_descend(self, self.curve, float(self.start), lr, "start") for lr in self.learning_rates]
        self.x_range, self.y_range = _view(self.curve, self.w_range, [float(self.start)], ticks=7, y_ticks=3)
        self.var_tex = _tex_variable(self.curve)
        self.formula = MathTex(f"f({self.var_tex}) =", self.curve.latex, font_size=34, color=style.FUNCTION)
        fit_width(self.formula, config.frame_width - 1.0)
        self.formula.to_edge(UP, buff=0.25)
        self.panels = [self.make_panel(i, path) for i, path in enumerate(self.paths)]

    # -- panels -------------------------------------------------------------------------------
    def cell_box(self, index: int) -> tuple[float, float, float]:
        """Grid cell ``index`` (0 top-left, 1 top-right, 2, 3 below) as (centre x, top, bottom)."""
        top = self.formula.get_bottom()[1] - 0.12
        height = (top - self.caption_top - 0.15) / 2
        row, col = divmod(index, 2)
        return (-1 if col == 0 else 1) * config.frame_width / 4, top - row * height, top - (row + 1) * height

    def make_axes(self) -> Axes:
        """One panel's small axes (every panel shows the same view); no y label, the
        formula above names the function."""
        axes = make_axes(self.x_range, self.y_range, width=5.4, height=1.35, x_label=self.var_tex, y_label="")
        axes.remove(axes.axis_labels)
        x_label = axes.axis_labels[0].scale(0.8)
        x_label.next_to(axes.x_axis.get_right(), RIGHT, buff=0.1)
        axes.add(x_label)
        return axes

    def make_panel(self, index: int, path: DescentPath) -> _Panel:
        x, top, bottom = self.cell_box(index)
        header = MathTex(rf"\eta = {format_rate(path.learning_rate)}", font_size=30, color=style.INK)
        axes = self.make_axes()
        axes.move_to([x, 0, 0])
        axes.shift((top - 0.5 - axes.y_axis.get_top()[1]) * UP)
        header.move_to([axes.get_left()[0], top, 0], aligned_edge=LEFT + UP)
        graph = graph_of(axes, self.curve, self.x_range[:2], style.FUNCTION, stroke_width=3)
        shown_points = visible_count(path.points, path.values, self.x_range[:2], self.y_range[:2])
        shown = min(self.steps, shown_points - 1)
        return _Panel(axes, graph, header, path, shown, shown_points, bottom)

    def make_walk(self, panel: _Panel) -> tuple[VMobject, VGroup]:
        """The walk's zig-zag (one polyline, one corner per step) and a dot per step."""
        path, axes = panel.path, panel.axes
        points = screen_points(axes, path.points[: panel.shown + 1, 0], path.values[: panel.shown + 1])
        zigzag = VMobject(stroke_color=style.DESCENT, stroke_width=2.5)
        zigzag.set_points_as_corners(points)
        dots = VGroup(*(Dot(p, radius=0.045, color=style.DESCENT) for p in points[1:]))
        return zigzag, dots

    def exit_arrow(self, panel: _Panel) -> Arrow | None:
        """A dashed hint from the last point in view to where the walk leaves the view."""
        k = panel.shown_points
        if k >= len(panel.path.points) or panel.shown < k - 1:
            return None
        inside = (panel.path.points[k - 1, 0], panel.path.values[k - 1])
        outside = (panel.path.points[k, 0], panel.path.values[k])
        edge = exit_point(inside, outside, self.x_range[:2], self.y_range[:2])
        start, end = panel.axes.coords_to_point(*inside), panel.axes.coords_to_point(*edge)
        if np.linalg.norm(end - start) < 0.1:
            return None
        return DashedLine(start, end, color=style.DESCENT, stroke_width=2.5, dash_length=0.08).add_tip(tip_length=0.15, tip_width=0.15)

    def outcome_labels(self, panel: _Panel) -> VGroup:
        """The status word (beside eta) and a few words under the panel."""
        word = Text(STATUS_WORDS[panel.path.status], font=style.FONT, font_size=26, color=style.DESCENT)
        word.next_to(panel.header, RIGHT, buff=0.35)
        word.align_to(panel.header, DOWN).shift(0.03 * DOWN)
        note = Text(short_outcome(panel.path, panel.shown_points, self.decimals), font=style.FONT, font_size=21, color=style.INK)
        fit_width(note, config.frame_width / 2 - 1.0)
        note.next_to(panel.axes, DOWN, buff=0.12).set_x(panel.axes.get_center()[0])
        return VGroup(word, note)

    # -- construct ----------------------------------------------------------------------------
    def construct(self) -> None:
        self.play_title_card()
        v = self.variable
        self.caption(
            f"One function, one start at {v} = {plain_number(self.start, self.decimals)}, "
            f"and {len(self.panels)} learning rates η: only the step size differs."
        )
        self.play(Write(self.formula), *(Create(p.axes) for p in self.panels), run_time=1.2)
        self.play(*(Create(p.graph) for p in self.panels), *(FadeIn(p.header) for p in self.panels),
                  *(FadeIn(p.ball, scale=0.5) for p in self.panels), run_time=1.0)
        self.wait(self.read_time * 0.5)
        for panel in self.panels:
            self.run_panel(panel)
        self.caption("Too small crawls, too large bounces or runs away: a good η sits in between.")
        self.wait(self.read_time)
        self.clear_caption()
        self.wait(self.read_time)  # the last frame holds everything (and is the golden frame)

    long_caption = _long_caption

    def run_panel(self, panel: _Panel) -> None:
        path = panel.path
        self.caption(f"η = {path.learning_rate:.6g}: each step moves {self.variable} by η times the slope, downhill.")
        if panel.shown:
            zigzag, dots = self.make_walk(panel)
            panel.trail.add(zigzag, dots)
            # One polyline drawn at constant speed in corners: each step takes the same time,
            # the ball rides the tip and a dot appears as the tip reaches each new point.
            self.add(panel.ball)
            panel.ball.add_updater(lambda ball: ball.move_to(zigzag.get_end()))
            self.play(Create(zigzag), ShowIncreasingSubsets(dots), run_time=min(0.6 * panel.shown, self.walk_time), rate_func=linear)
            panel.ball.clear_updaters()
            self.add(panel.ball)
        else:
            self.wait(0.5)
        arrow = self.exit_arrow(panel)
        if arrow is not None:
            self.play(Create(arrow), run_time=0.5)
            panel.trail.add(arrow)
        self.play(FadeIn(self.outcome_labels(panel)), run_time=0.4)
        self.long_caption(path.message)


class _Panel:
    """One cell of :class:`LearningRates`: its axes, graph, labels, walk and ball."""

    def __init__(self, axes: Axes, graph: VGroup, header: MathTex, path: DescentPath, shown: int, shown_points: int, bottom: float):
        self.axes, self.graph, self.header, self.path, self.bottom = axes, graph, header, path, bottom
        self.shown, self.shown_points = shown, shown_points
        self.trail = VGroup()
        start = axes.coords_to_point(path.points[0, 0], path.values[0])
        self.ball = Dot(start, radius=0.07, color=style.BALL).set_z_index(3)


# -- small helpers -----------------------------------------------------------------------------
ORIGIN3 = np.zeros(3)


def _sign(value: float) -> int:
    return int(np.sign(float(value)))


def _shown(value: float, decimals: int) -> float:
    """``value`` for a DecimalNumber: a -0.00 shows as 0.00."""
    return 0.0 if abs(value) < 0.5 * 10**-decimals else float(value)


def _slope_words(slope: float, variable: str, decimals: int) -> str:
    s = plain_number(slope, decimals)
    if slope < 0:
        return f"The tangent falls: slope {s} is negative, so downhill is toward larger {variable}."
    if slope > 0:
        return f"The tangent rises: slope {s} is positive, so downhill is toward smaller {variable}."
    return "The tangent is flat: slope 0, so no way is downhill here."
