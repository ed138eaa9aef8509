"""The derivative: secants shrink into the tangent, then the tangent slides along the curve.

The first lesson. A secant through two points of the graph has the slope rise over run,
Δy/Δx; as the second point slides onto the first, that slope settles on one number, the
derivative f'(x0), and the secant becomes the tangent. Sliding the tangent along the curve
then shows what the sign of the derivative says, stretch by stretch between the flat points.

Render it with ``manim -ql scenes/derivative.py TangentSlope``. A variant is a subclass::

    class CubicTangent(TangentSlope):
        function = "x**3 - 3*x"

Every number on screen comes from :class:`mathcore.Curve`; every caption is written from
facts (:mod:`scenes.lessons.derivative.facts`) by :mod:`scenes.lessons.derivative.captions`.
This module only decides where to draw.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, ClassVar

import numpy as np

try:  # ``manim scenes/derivative.py`` imports this file by path; the package may not be installed.
    import scenes  # noqa: F401
except ImportError:  # pragma: no cover - only without the editable install
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import sympy
from manim import LEFT, UP, Create, Dot, FadeIn, FadeOut, MathTex, ReplacementTransform, ValueTracker, VGroup, linear, smooth

from mathcore import Curve, DomainError, ExpressionError, choose_variable
from scenes.lessons.derivative import captions as words
from scenes.lessons.derivative import facts
from scenes.kit.beats import NO_FACTS, Line
from scenes.kit import style
from scenes.kit.lesson import FormulaOf, LessonScene, Play, fit_in_band, fit_width, rendered_from
from scenes.kit.pacing import MAX_SECONDS, reading_time
from scenes.parts.plot2d.curve_spots import drawable, lesson_y_range, limit_point, sweep_segments
from scenes.parts.plot2d.graph import graph_of
from scenes.parts.plot2d.plot_axes import PlotAxes, Scale, scale_for
from scenes.parts.plot2d.secant import Secant, place_clipped
from scenes.parts.panels.sign_panel import SignWords
from scenes.parts.panels.live_number import LiveReadout
from scenes.parts.plot2d.tangent import SlopeLine, slope_segment
from scenes.kit.settings import Setting

__all__ = ["TangentSlope"]

Range = tuple[float, float]


class _FormulaVariable:
    """The variable the formula is in: ``variable``, or the formula's one name when it uses
    another (``w**2`` in a scene of ``x`` is a formula of ``w``)."""

    def __get__(self, instance, owner) -> str:
        try:
            return choose_variable(owner.function, owner.variable)
        except ExpressionError as error:
            raise ExpressionError(error.text, f"{error.reason} (in {owner.__name__}.function)") from None


@rendered_from("scenes.derivative")
class TangentSlope(LessonScene):
    """Secants through two points shrink into the tangent; the tangent slides along f."""

    title, subtitle = "The derivative", "from secant to tangent"
    function: ClassVar[Annotated[str, FormulaOf("formula_variable"), Setting("f as a formula of one variable")]] = "x**3/3 - x"
    variable: ClassVar[Annotated[str, Setting("the variable's name when the formula has none or several", max_length=12)]] = "x"
    formula_variable = _FormulaVariable()
    x_range: ClassVar[Annotated[Range, Setting("the stretch of the variable plotted", low=-1e4, high=1e4, increasing=True, min_span=0.01)]] = (-2.5, 2.5)
    x0: ClassVar[Annotated[float, Setting("the point of the limit part (moved to the nearest point that works)", low=-1e4, high=1e4)]] = 1.5
    h_start: ClassVar[Annotated[float, Setting("the first run Δx of the secant (negative: to the left)", low=-1e4, high=1e4)]] = 1.0
    h_end: ClassVar[Annotated[float, Setting("the run Δx the secant shrinks to", low=-1, high=1)]] = 0.001
    sweep: ClassVar[Annotated[Range | None, Setting("the stretch the tangent slides across; None: all of x_range", low=-1e4, high=1e4, increasing=True)]] = None
    decimals: ClassVar[Annotated[int, Setting("digits after the point in readouts and captions", low=0, high=4)]] = 2
    tangent_length: ClassVar[Annotated[float, Setting("screen length of the tangent line", low=0.5, high=8)]] = 3.0
    max_flat_stops: ClassVar[Annotated[int, Setting("flat points the slide pauses at, at most", low=0, high=6)]] = 3
    title_hold: ClassVar[Annotated[float, Setting("extra seconds on the title card", low=0, high=10)]] = 0.0
    read_time: ClassVar[Annotated[float, Setting("least seconds held once the secant's slope and the tangent are shown", low=0, high=10)]] = 1.0
    shrink_time: ClassVar[Annotated[float, Setting("seconds the secant takes to shrink", low=0.5, high=20)]] = 4.0
    sweep_time: ClassVar[Annotated[float, Setting("seconds of sliding over the whole sweep (each stretch between its caption's reading time and 6 s)", low=0.5, high=60)]] = 7.0
    flat_pause: ClassVar[Annotated[float, Setting("least seconds the tangent rests at a flat point", low=0, high=10)]] = 1.2
    end_hold: ClassVar[Annotated[float, Setting("seconds held at the end", low=0, high=10)]] = 0.5

    # -- checks ----------------------------------------------------------------------------
    @classmethod
    def check(cls) -> None:
        """The settings together: x0 and the sweep inside x_range, the runs, and f drawable
        (readable values, not too fast an oscillation, a point that carries a secant)."""
        name, (low, high) = cls.__name__, cls.x_range
        if not low <= cls.x0 <= high:
            raise ValueError(f"{name}.x0 = {cls.x0!r}: must lie in x_range {cls.x_range!r}")
        if cls.h_start == 0 or cls.h_end == 0 or abs(cls.h_end) < 1e-6:
            raise ValueError(f"{name}.h_start / h_end = {cls.h_start!r} / {cls.h_end!r}: runs must be non-zero, h_end at least 0.000001")
        if abs(cls.h_end) >= abs(cls.h_start):
            raise ValueError(f"{name}.h_end = {cls.h_end!r}: must be smaller than h_start = {cls.h_start!r}")
        if cls.sweep is not None and (cls.sweep[1] <= low or cls.sweep[0] >= high):
            raise ValueError(f"{name}.sweep = {cls.sweep!r}: must overlap x_range {cls.x_range!r}")
        curve = Curve(cls.function, variable=cls.formula_variable)
        where = f"{name}.function = {cls.function!r}"
        try:
            drawable(curve, cls.x_range)
            limit_point(curve, cls.x0, cls.h_start, cls.x_range, _inner(cls.y_scale(curve).as_range()))
        except ValueError as error:  # DomainError included: say which setting
            raise ValueError(f"{where}: {error}") from None

    @classmethod
    def y_scale(cls, curve: Curve) -> Scale:
        """The y axis: round ticks around the span that shows the curve's features."""
        return scale_for(*lesson_y_range(curve, cls.x_range), ticks=6)

    # -- build -----------------------------------------------------------------------------
    def build(self) -> None:
        self.curve = self.make_curve()
        self.var_tex = sympy.latex(self.curve.symbols[0])
        self.height_tex = "f" if self.curve.variable == "y" else "y"  # never the input's letter
        self.axes = self.make_axes()
        self.box = self.axes.box
        self.graph = self.make_graph()
        self.formula = self.make_formula()
        inner_y = _inner(self.axes.y_range[:2])
        self.slope_decimals = facts.slope_decimals(self.curve, self.x_range, self.decimals)
        x0, h = limit_point(self.curve, self.x0, self.h_start, self.x_range, inner_y)
        self.x0_shown, self.h_shown = _round_point(self.curve, x0, h)
        self.h_last = float(np.sign(self.h_shown) * min(abs(self.h_end), abs(self.h_shown)))
        self.run_decimals = max(self.decimals + 1, int(np.ceil(-np.log10(abs(self.h_last)) - 1e-9)))
        self.slope0 = self.curve.slope(self.x0_shown)
        self.point = Dot(radius=0.08, color=style.BALL).move_to(self.c2p(self.x0_shown, self.curve.value(self.x0_shown)))
        self.secant = Secant(self.axes, self.box, self.curve, self.x0_shown, self.h_shown, self.tangent_length, self.var_tex, self.height_tex)
        self.shrink = ValueTracker(0.0)
        self.run_readout = self.make_readout(rf"\Delta {self.var_tex} =", abs(self.h_shown), self.run_decimals, style.SECANT)
        self.secant_readout = self.make_readout(rf"\Delta {self.height_tex} / \Delta {self.var_tex} =", self.secant.slope, self.slope_decimals, style.SECANT)
        self.limit_readout = self.make_readout(rf"f'({words.point_text(self.x0_shown)}) =", self.slope0, self.slope_decimals, style.SLOPE)
        _stack((self.run_readout, self.secant_readout, self.limit_readout), self.zones.side)

        self.tangent = SlopeLine(self.axes, (self.x0_shown, self.curve.value(self.x0_shown)), self.slope0, self.tangent_length, color=style.SLOPE, stroke_width=4)
        self.place_tangent(self.x0_shown, self.slope0)
        self.x_tracker = ValueTracker(self.x0_shown)
        self.x_readout = self.make_readout(rf"{self.var_tex} =", self.x0_shown, self.decimals, style.BALL)
        self.slope_readout = self.make_readout(rf"f'({self.var_tex}) =", self.slope0, self.slope_decimals, style.SLOPE)
        self.sign_words = SignWords(self.var_tex)
        _stack((self.x_readout, self.slope_readout, self.sign_words), self.zones.side)
        self.sweep_cast = VGroup(self.x_readout, self.slope_readout, self.sign_words)
        self.sweep_group = VGroup(self.point, self.tangent, self.sweep_cast)
        low, high = self.sweep_span()
        self.segments = sweep_segments(self.curve, (low, high), inner_y) if low < high else []
        self.legs = facts.sweep_plan(self.curve, self.segments, self.decimals, self.max_flat_stops)

    # -- overridable hooks -------------------------------------------------------------------
    def make_curve(self) -> Curve:
        """The curve of the lesson, from ``function`` and ``variable``."""
        return Curve(self.function, variable=self.formula_variable)

    def make_axes(self) -> PlotAxes:
        """Axes over ``x_range`` with a y range that shows the curve's features, in the plot zone."""
        x_scale = scale_for(*self.x_range, ticks=6, pad=0.0)
        return PlotAxes(x_scale, self.y_scale(self.curve), self.zones.plot, x_label=self.var_tex, y_label=self.height_tex)

    def make_graph(self) -> VGroup:
        """The graph of f in pieces (no false line across a pole)."""
        return graph_of(self.axes, self.curve, self.x_range, style.FUNCTION)

    def make_formula(self) -> MathTex:
        """``f(x) = ...`` from mathcore's LaTeX, in the title band."""
        return fit_in_band(MathTex(rf"f({self.var_tex}) = {self.curve.latex}", font_size=style.READOUT_SIZE + 4, color=style.FUNCTION), self.zones.title)

    def make_readout(self, label: str, value: float, decimals: int, color) -> LiveReadout:
        """A live number with a LaTeX label (cheap to change on every frame)."""
        return LiveReadout(label, value, decimals=decimals, color=color)

    def sweep_span(self) -> Range:
        """Where the tangent slides: ``sweep`` within ``x_range``, or all of ``x_range``."""
        low, high = self.sweep if self.sweep is not None else self.x_range
        return max(low, self.x_range[0]), min(high, self.x_range[1])

    def c2p(self, x: float, y: float) -> np.ndarray:
        return np.asarray(self.axes.c2p(x, y), dtype=float)

    def place_tangent(self, x: float, slope: float) -> None:
        """The tangent through the graph point at ``x`` with ``slope``, clipped to the plot."""
        place_clipped(self.tangent, *slope_segment(self.axes, (x, self.curve.value(x)), slope, self.tangent_length), self.box)

    # -- the live updates (everything moves in place) ----------------------------------------
    def set_step(self, progress: float) -> None:
        """The secant after ``progress`` (0 to 1) of the shrinking, with its readouts."""
        h = self.secant.run_at(progress, self.h_last, self.run_decimals)
        if self.secant.show_step(h):
            self.run_readout.show(abs(h))
            self.secant_readout.show(self.secant.slope)

    def set_position(self, x: float) -> None:
        """Show the tangent at ``x`` (rounded to the digits of its readout, except at a flat
        stop), its slope and the matching sign word."""
        stops = [leg.x for leg in self.legs if isinstance(leg, facts.Stop)]
        found = _shown_tangent(self.curve, x, stops, self.decimals, self.axes.y_range[:2])
        if found is None:
            return
        candidate, tangent = found
        self.point.move_to(self.c2p(*tangent.point))
        self.place_tangent(candidate, tangent.slope)
        self.x_readout.show(candidate)
        self.slope_readout.show(tangent.slope)
        self.sign_words.show(self.slope_readout.shown_text)

    # -- the lesson ----------------------------------------------------------------------------
    def construct(self) -> None:
        self.begin_part(words.PARTS[0])
        self.play_title_card(hold=self.title_hold, facts=NO_FACTS)
        self.beat(Line(*words.intro_caption()), Play(Create(self.axes), run_time=1.0), Play(Create(self.graph), FadeIn(self.formula), run_time=1.5))
        self.show_secant()
        self.show_tangent()
        self.slide_tangent()
        self.beat(Line(words.summary_caption(), NO_FACTS), hold=self.end_hold)
        self.clear_caption()

    def show_secant(self) -> None:
        secant = facts.SecantFacts(self.curve.variable, self.x0_shown, self.x0_shown + self.h_shown, self.secant.slope, self.slope_decimals)
        what, slope = words.secant_caption(secant)
        self.beat(Line(what, secant), Play(FadeIn(self.point, scale=0.5), FadeIn(self.secant.point, scale=0.5), run_time=0.6),
                  Play(Create(self.secant.line), run_time=0.8))
        self.beat(Line(slope, secant), *(FadeIn(m) for m in self.secant.triangle), FadeIn(self.run_readout), FadeIn(self.secant_readout),
                  run_time=0.8, hold=self.read_time)
        # The shrinking plays under its caption through a live updater of the secant.
        self.begin_part(words.PARTS[1])
        self.caption(Line(words.shrink_caption(secant), secant))
        self.add(self.secant, self.run_readout, self.secant_readout, self.shrink)
        self.secant.add_updater(lambda _: self.set_step(self.shrink.get_value()))
        self.play(self.shrink.animate.set_value(1.0), run_time=self.shrink_time, rate_func=smooth)
        self.secant.clear_updaters()

    def show_tangent(self) -> None:
        tangent = facts.TangentFacts(self.curve.variable, self.x0_shown, self.slope0, self.slope_decimals)
        self.beat(
            Line(words.tangent_caption(tangent), tangent),
            ReplacementTransform(self.secant.line, self.tangent),
            FadeOut(self.secant.triangle),
            FadeOut(self.secant.point),
            FadeIn(self.limit_readout, shift=0.2 * UP),
            run_time=0.9,
            hold=self.read_time,
        )

    def slide_tangent(self) -> None:
        self.begin_part(words.PARTS[2])
        if not self.segments:
            low, high = self.sweep_span()
            nowhere = facts.NoSlide(self.curve.variable, low, high, self.decimals)
            self.beat(Line(words.no_slide_caption(nowhere), nowhere))
            return
        # The slide's caption stays up while the sweep's readouts come in and the tangent
        # goes to the first stretch (gliding there, or across a gap).
        slide = facts.Slide(self.segments[0][0], self.segments[-1][1])
        self.caption(Line(words.slide_caption(slide), slide))
        self.set_position(self.x0_shown)
        self.play(FadeOut(self.run_readout), FadeOut(self.secant_readout), FadeOut(self.limit_readout), run_time=0.5)
        self.play(FadeIn(self.sweep_cast), run_time=0.5)
        self.add(self.x_tracker)
        self.follow_tracker(True)
        start = self.segments[0][0]
        if self.segments[0][0] <= self.x0_shown <= self.segments[0][1]:
            self.play(self.x_tracker.animate.set_value(start), run_time=1.2, rate_func=smooth)
        else:
            self.jump_to(start)
        total, hidden = sum(b - a for a, b in self.segments), False
        for leg in self.legs:
            if isinstance(leg, facts.Stretch):
                text = words.stretch_caption(leg)
                self.caption(Line(text, leg))
                if hidden:  # back after a gap, under this stretch's caption
                    self.reveal(True)
                    hidden = False
                run = min(max(self.sweep_time * (leg.end - leg.start) / total, reading_time(text)), MAX_SECONDS - 1.0)
                self.play(self.x_tracker.animate.set_value(leg.end), run_time=run, rate_func=linear)
            elif isinstance(leg, facts.Stop):
                self.beat(Line(words.stop_caption(leg), leg), hold=self.flat_pause)
            else:  # no tangent is shown while the caption says there is none
                self.caption(Line(words.gap_caption(leg), leg))
                self.reveal(False)
                self.hold()
                self.x_tracker.set_value(leg.end)
                hidden = True
        self.follow_tracker(False)

    def follow_tracker(self, on: bool) -> None:
        """Start or stop the sweep's updater: one group, in the scene, follows ``x_tracker``."""
        group = self.sweep_group
        group.clear_updaters()
        if on:
            self.add(group)  # (re)collect the members: removing one of them splits the group
            group.add_updater(lambda _: self.set_position(self.x_tracker.get_value()))

    def jump_to(self, x: float) -> None:
        """Move the tangent across a gap of the sweep: fade out, move, fade in."""
        self.reveal(False)
        self.x_tracker.set_value(x)
        self.reveal(True)

    def reveal(self, on: bool) -> None:
        """Fade the tangent, its point and the slope readouts back in at the tracker's place
        (and follow it again), or out (and stop following)."""
        self.follow_tracker(False)
        if on:
            self.set_position(self.x_tracker.get_value())
        fade = FadeIn if on else FadeOut
        self.play(*(fade(m) for m in (self.tangent, self.point, self.slope_readout, self.sign_words)), run_time=0.3)
        self.follow_tracker(on)

def _stack(readouts, side) -> None:
    """Put ``readouts`` one under another in the ``side`` panel, from its top."""
    for i, readout in enumerate(readouts):
        fit_width(readout, side.width - 0.3)
        readout.move_to([side.left + 0.2, side.top - 0.45 - 0.85 * i, 0], aligned_edge=LEFT)


def _inner(y_range) -> Range:
    """The band of y values the lesson's points keep to: the axes' range less 4 % each side."""
    low, high = float(y_range[0]), float(y_range[1])
    margin = 0.04 * (high - low)
    return low + margin, high - margin


def _shown_tangent(curve: Curve, x: float, stops: list[float], decimals: int, y_range) -> tuple[float, object] | None:
    """The point the slide shows at ``x`` and mathcore's tangent there: a flat stop's exact
    place, else ``x`` rounded to the readout's digits (or ``x`` itself), where f has a
    value inside ``y_range``; None if neither has."""
    stop = next((s for s in stops if abs(s - x) < 1e-9), None)
    for candidate in [stop] if stop is not None else [round(float(x), decimals), float(x)]:
        try:
            tangent = curve.tangent(candidate)
        except DomainError:
            continue
        if y_range[0] <= tangent.point[1] <= y_range[1]:
            return candidate, tangent
    return None


def _round_point(curve: Curve, x0: float, h: float) -> tuple[float, float]:
    """``x0`` and ``h`` rounded to the three decimals a caption shows, if f allows it there."""
    x, step = round(x0, 3), round(h, 3)
    try:
        curve.slope(x)
        curve.value(x + step)
    except DomainError:
        return x0, h
    return (x, step) if step != 0 else (x0, h)
