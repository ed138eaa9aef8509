"""Position and speed: an object moves along a line while its speed is read off a tangent.

The position ``x(t)`` of an object on a number line is drawn against time as time runs;
the tangent to that graph at the current instant has slope ``v(t) = dx/dt``, the speed
(with a sign: positive moving right, negative moving left). The speed is read out and
traced as a graph of its own, and where it passes through zero the animation stops: the
object turns around there.

Every number comes from :class:`mathcore.Curve` (the graph, the derivative, the turning
points); every caption is written from facts by :mod:`scenes.lessons.speed.captions`. Render with::

    manim -qh scenes/speed.py PositionToSpeed

A variant is a subclass::

    class Braking(PositionToSpeed):
        position = "10*t - t**2"
        t_range = (0, 6)
"""

from __future__ import annotations

import math
from typing import Annotated, ClassVar

import numpy as np
from manim import Circle, Create, Dot, FadeIn, Mobject, ValueTracker, VGroup, Write, linear

from mathcore import Curve

from scenes.lessons.speed import captions as words
from scenes.lessons.speed import facts
from scenes.kit import style
from scenes.kit.beats import NO_FACTS, Line
from scenes.kit.lesson import FormulaOf, LessonScene, Play, rendered_from
from scenes.kit.layout import Box
from scenes.kit.pacing import MAX_SECONDS, reading_time
from scenes.parts.plot2d.graph import graph_of
from scenes.parts.panels.motion_panel import MotionCast, Track, place_formula
from scenes.parts.plot2d.plot_axes import PlotAxes, Scale, scale_for
from scenes.parts.plot2d.secant import place_clipped
from scenes.parts.plot2d.tangent import SlopeLine, slope_segment
from scenes.parts.plot2d.trace import TracedGraph
from scenes.kit.settings import Setting
from scenes.lessons.speed.facts import Turn, find_turns

__all__ = ["PositionFormula", "PositionToSpeed", "Turn", "find_turns"]

#: A position formula: text in the one variable ``t`` (checked by ``validate``).
PositionFormula = Annotated[str, FormulaOf("_time_variable")]
#: The most turns a position may have on ``t_range`` (each is marked; the first few pause).
MAX_TURNS = 12
#: The largest position or speed a readout shows.
MAX_VALUE = 1e6


@rendered_from("scenes.speed")
class PositionToSpeed(LessonScene):
    """An object moves along a line; the slope of its position graph is its speed.

    Where ``x(t)`` is undefined (``log(t - 1)`` before t = 1, a pole) the sweep goes on:
    the object, the tangent and the numbers are hidden there and come back where it is
    defined again. With no turn the caption says so; at a corner (``abs(t - 2)``) the turn
    is "sharp": no speed is shown at that instant. Hooks: ``make_axes``, ``make_track``,
    ``make_formulas``, ``make_turn_mark``.
    """

    title = "Position and speed"
    subtitle = "the speed is the slope of x(t)"
    position: ClassVar[Annotated[PositionFormula, Setting("the position x(t) in metres, a formula of t in seconds")]] = "t**3 - 6*t**2 + 9*t"
    t_range: ClassVar[Annotated[tuple[float, float], Setting("the times shown, (start, end) in seconds", low=-1e4, high=1e4, increasing=True, min_span=0.1)]] = (0.0, 4.0)
    sweep_run_time: ClassVar[Annotated[float, Setting("seconds of video for time to run over t_range (pauses not counted)", low=1, high=60)]] = 12.0
    turn_pause: ClassVar[Annotated[float, Setting("least seconds time stands still at a turn", low=0, high=10)]] = 2.8
    max_paused_turns: ClassVar[Annotated[int, Setting("turns that stop time with a caption; later ones are only marked", low=0, high=6)]] = 3
    intro_wait: ClassVar[Annotated[float, Setting("least seconds each introductory caption stays", low=0, high=10)]] = 1.8
    outro_wait: ClassVar[Annotated[float, Setting("least seconds the closing caption stays", low=0, high=10)]] = 3.0
    graph_samples: ClassVar[Annotated[int, Setting("samples per graph", low=50, high=4000)]] = 400
    turn_samples: ClassVar[Annotated[int, Setting("samples of the speed searched for turns", low=101, high=20001)]] = 2001
    tangent_length: ClassVar[Annotated[float, Setting("screen length of the tangent", low=0.3, high=5)]] = 1.6
    decimals: ClassVar[Annotated[int, Setting("digits after the point in readouts and captions", low=0, high=4)]] = 2
    graph_width: ClassVar[Annotated[float, Setting("most width of each plot, frame units", low=2, high=6.8)]] = 6.8
    graph_height: ClassVar[Annotated[float, Setting("most height of each plot, frame units", low=1.5, high=3.9)]] = 3.9

    _time_variable: ClassVar[str] = "t"  # not configurable: the labels all say t

    # -- checks -------------------------------------------------------------------------------
    @classmethod
    def check(cls) -> None:
        """x(t) must have readable values on ``t_range`` and at most :data:`MAX_TURNS` turns
        (``sin(1000*t)`` would ask for over a thousand pauses)."""
        curve = Curve(cls.position, variable=cls._time_variable)
        where = f"{cls.__name__}.position = {cls.position!r}"
        turns = len(find_turns(curve, cls.t_range, num=max(cls.turn_samples, 4001)))
        touches = len(facts.find_touches(curve, cls.t_range))
        if turns + touches > MAX_TURNS:
            also = f" and stops without turning {touches} times" if touches else ""
            raise ValueError(f"{where}: the object turns {turns} times{also} in t_range, at most {MAX_TURNS} can be shown; slow it down or shorten t_range")
        for name, f in (("position", curve), ("speed", curve.derivative)):
            low, high = f.value_range(cls.t_range)
            if max(abs(low), abs(high)) >= MAX_VALUE:
                raise ValueError(f"{where}: its {name} reaches {max(abs(low), abs(high)):.3g}, too large to read; scale it down")

    # -- build --------------------------------------------------------------------------------
    def build(self) -> None:
        self.times = (float(self.t_range[0]), float(self.t_range[1]))
        self.curve = Curve(self.position, variable=self._time_variable)
        self.speed = self.curve.derivative
        self.turns = find_turns(self.curve, self.times, num=self.turn_samples)
        self.touches = facts.find_touches(self.curve, self.times, num=self.turn_samples)
        x_scale = scale_for(*self.curve.value_range(self.times), ticks=4)
        v_low, v_high = self.speed.value_range(self.times)
        v_scale = scale_for(min(v_low, 0.0), max(v_high, 0.0), ticks=4)  # v = 0 (a turn) is on the axis
        stage, title = self.zones.stage, self.zones.title
        middle = (stage.left + stage.right) / 2
        top, bottom = stage.top, stage.top - self.graph_height
        width = min(self.graph_width, middle - 0.2 - stage.left)
        self.position_axes = self.make_axes(x_scale, r"x\,(\mathrm{m})", Box(middle - 0.2 - width, middle - 0.2, bottom, top))
        self.speed_axes = self.make_axes(v_scale, r"v\,(\mathrm{m/s})", Box(middle + 0.2, middle + 0.2 + width, bottom, top))
        self.formulas = self.make_formulas()
        for formula, axes in zip(self.formulas, (self.position_axes, self.speed_axes)):
            place_formula(formula, axes.box, title)
        self.cast = MotionCast(self.decimals, (self.times, x_scale.as_range()[:2], v_scale.as_range()[:2]))
        self.track = self.make_track(x_scale, Box(stage.left, stage.right, stage.bottom, bottom - 1.0))
        self.cast.readouts.move_to([middle, (bottom + self.track.get_top()[1]) / 2 - 0.05, 0])
        self.ball = Dot(radius=0.15, color=style.BALL)
        self.position_graph = graph_of(self.position_axes, self.curve, self.times, style.FUNCTION, num=self.graph_samples)
        self.position_graph.set_stroke(opacity=0.3)
        self.position_trace = TracedGraph(self.position_axes, graph_of(self.position_axes, self.curve, self.times, style.FUNCTION, num=self.graph_samples))
        self.speed_trace = TracedGraph(self.speed_axes, graph_of(self.speed_axes, self.speed, self.times, style.SLOPE, num=self.graph_samples))
        self.tangent = SlopeLine(self.position_axes, (self.times[0], 0.0), 0.0, length=self.tangent_length, color=style.SLOPE, stroke_width=5)
        self.position_dot = Dot(radius=0.07, color=style.BALL)
        self.speed_dot = Dot(radius=0.07, color=style.SLOPE)
        self.clock = ValueTracker(self.times[0])  # the lesson's time t (Scene.time is the video's)
        self.legs = facts.time_plan(self.curve, (self.first_defined_time(), self.times[1]), self.turns, self.max_paused_turns, self.decimals, self.touches)
        self.show_time(self.first_defined_time())

    # -- hooks ---------------------------------------------------------------------------------
    def make_axes(self, y_scale: Scale, y_label: str, zone: Box) -> PlotAxes:
        """One pair of axes in ``zone``: time along, ``y_scale`` up (position or speed)."""
        t_scale = scale_for(*self.times, ticks=4, pad=0.0)
        return PlotAxes(t_scale, y_scale, zone, x_label=r"t\,(\mathrm{s})", y_label=y_label)

    def make_track(self, x_scale: Scale, zone: Box) -> Track:
        """The number line the object moves on: the x axis of position, in ``zone``."""
        return Track(x_scale, zone)

    def make_turn_mark(self) -> Mobject:
        """The ring left on a graph where the object turned around."""
        return Circle(radius=0.13, color=style.INK, stroke_width=3)

    def make_formulas(self):
        """``x(t) = ...`` and ``v(t) = dx/dt = ...``, built from mathcore's LaTeX."""
        return MotionCast.formulas(self.curve.latex, self.speed.latex)

    # -- what the updaters show ---------------------------------------------------------------
    def first_defined_time(self) -> float:
        """The first sampled time where ``x(t)`` is defined (the start of ``t_range`` usually)."""
        ts = np.linspace(*self.times, self.graph_samples)
        defined = np.isfinite(self.curve(ts))
        return float(ts[np.argmax(defined)]) if defined.any() else self.times[0]

    def shown_time(self, t: float) -> float:
        """``t`` as its readout shows it (so x and v are read at that time), or a turn's
        exact time when the clock stands there (v = 0 exactly)."""
        turn = next((stop.time for stop in (*self.turns, *self.touches) if abs(stop.time - t) < 1e-9), None)
        return turn if turn is not None else round(float(t), self.decimals)

    def speed_at(self, t: float) -> float:
        """v(t) from mathcore, or NaN where it has no value (also at a sharp turn)."""
        if any(turn.sharp and abs(turn.time - t) < 1e-9 for turn in self.turns):
            return math.nan
        return float(self.speed(t))

    def show_time(self, t: float) -> None:
        """Move every live part to time ``t``, in place (this runs on every frame)."""
        t = min(max(self.shown_time(t), self.times[0]), self.times[1])
        x = float(self.curve(t))
        v = self.speed_at(t) if math.isfinite(x) else math.nan
        self.position_trace.reveal_to(t)
        self.speed_trace.reveal_to(t)
        self.cast.show(t, x, v)
        x_lo, x_hi = self.position_axes.y_range[:2]
        x_shown = math.isfinite(x) and x_lo <= x <= x_hi
        for part in (self.ball, self.position_dot):
            self.cast.set_visible(part, x_shown)
        if x_shown:
            self.ball.move_to(self.track.n2p(x))
            self.position_dot.move_to(self.position_axes.c2p(t, x))
        # The same points as SlopeLine.move_onto, without its rotate-and-scale, cut to the plot.
        tangent_shown = x_shown and math.isfinite(v)
        if tangent_shown:
            ends = slope_segment(self.position_axes, (t, x), v, self.tangent.length)
            tangent_shown = place_clipped(self.tangent, *ends, self.position_axes.box)
        self.cast.set_visible(self.tangent, tangent_shown)
        v_lo, v_hi = self.speed_axes.y_range[:2]
        v_shown = math.isfinite(v) and v_lo <= v <= v_hi
        self.cast.set_visible(self.speed_dot, v_shown)
        if v_shown:
            self.speed_dot.move_to(self.speed_axes.c2p(t, v))

    def restack(self) -> None:
        """Put the live parts last in the scene. Manim redraws each frame only what comes
        after the first mobject with an updater; all before is one cached image."""
        self.remove(self.cast.readouts, self.clock)
        self.add(*self.cast.labels())
        self.add(self.position_trace, self.speed_trace, self.tangent, self.position_dot, self.speed_dot, self.ball, *self.cast.live_parts())
        for still in (self.track, self.position_axes, self.speed_axes, self.formulas, self.position_graph):
            still.suspend_updating()

    # -- the lesson ----------------------------------------------------------------------------
    def construct(self) -> None:
        self.begin_part(words.PARTS[0])
        self.play_title_card(facts=NO_FACTS)
        (track, track_facts), (graph, graph_facts), (speed, speed_facts), (run, run_facts) = words.intro_captions()
        self.beat(Line(track, track_facts), Create(self.track), FadeIn(self.ball), run_time=1.5, hold=self.intro_wait)
        self.beat(Line(graph, graph_facts), Play(Create(self.position_axes), Write(self.formulas[0]), run_time=1.5),
                  Play(Create(self.position_graph), run_time=1.5))
        self.beat(Line(speed, speed_facts), Play(Create(self.speed_axes), Write(self.formulas[1]), run_time=1.5),
                  Play(FadeIn(self.tangent), FadeIn(self.position_dot), FadeIn(self.cast.readouts), run_time=1.0))
        # The traces join under the run's caption; the clock then runs leg by leg, a live updater.
        self.begin_part(words.PARTS[1])
        self.caption(Line(run, run_facts))
        self.add(self.position_trace, self.speed_trace, self.speed_dot)
        self.restack()
        self.hold()
        self.position_trace.add_updater(lambda _m: self.show_time(self.clock.get_value()))
        self.run_time_legs()
        self.position_trace.clear_updaters()
        self.beat(Line(words.summary_caption(bool(self.turns), any(not turn.sharp for turn in self.turns)), NO_FACTS), hold=self.outro_wait)
        self.clear_caption()

    def run_time_legs(self) -> None:
        """Run the clock leg by leg: each move under its caption, each turn paused."""
        start, end = self.first_defined_time(), self.times[1]
        total = max(end - start, 1e-9)
        for leg in self.legs:
            if isinstance(leg, (facts.Turn, facts.Touch)):
                self.mark_turn(leg)
                text = words.turn_caption(leg) if isinstance(leg, facts.Turn) else words.touch_caption(leg)
                self.beat(Line(text, leg), hold=self.turn_pause)
                continue
            text = words.move_caption(leg)  # held over the clock's run (its plays stop at each turn passed)
            self.caption(Line(text, leg))
            longest = MAX_SECONDS - 1.0 - 0.3 * leg.turns  # each mark on the way takes 0.3 s
            run = min(max(self.sweep_run_time * (leg.end - leg.start) / total, reading_time(text)), longest)
            self.play_clock(leg.end, run)
        moving = [leg for leg in self.legs if isinstance(leg, facts.Move) and leg.moved]
        if not self.turns and moving:  # (a still object's move already said it stays put)
            never = facts.NoTurn(False, len(self.touches))
            self.beat(Line(words.no_turn_caption(never), never))

    def play_clock(self, target: float, run_time: float) -> None:
        """Run the clock to ``target`` in ``run_time`` seconds, marking the turns passed on
        the way (those the lesson does not pause at)."""
        now = self.clock.get_value()
        span = max(target - now, 1e-9)
        passed = [turn for turn in self.turns if now < turn.time < target]
        for stop in [*passed, None]:
            goal = target if stop is None else stop.time
            if goal > now:
                self.play(self.clock.animate.set_value(goal), run_time=max(run_time * (goal - now) / span, 0.05), rate_func=linear)
            if stop is not None:
                self.mark_turn(stop)
            now = goal

    def mark_turn(self, turn: Turn) -> None:
        """A ring on both graphs where the object turned."""
        marks = VGroup(
            self.make_turn_mark().move_to(self.position_axes.c2p(turn.time, turn.position)),
            self.make_turn_mark().move_to(self.speed_axes.c2p(turn.time, 0.0)),
        )
        self.play(*(FadeIn(mark, scale=1.6) for mark in marks), run_time=0.3)
        self.restack()
