"""Position and speed: an object moves along a line while its speed is read off a tangent.

The position ``x(t)`` of an object on a number line is drawn against time as time runs;
the tangent to that graph at the current instant has slope ``v(t) = dx/dt``, the speed
(with a sign: positive moving right, negative moving left). The speed is read out and
traced as a graph of its own, and where it passes through zero the animation stops: the
object turns around there.

Every number comes from :class:`mathcore.Curve`: the graph, the derivative, and the turning
times, found by :func:`find_turns` from sign changes of the exact derivative. Render with::

    manim -qh scenes/speed.py PositionToSpeed

A variant is a subclass::

    class Braking(PositionToSpeed):
        position = "10*t - t**2"
        t_range = (0, 6)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Annotated, ClassVar

import numpy as np
from manim import (
    DOWN,
    RIGHT,
    UP,
    Axes,
    Circle,
    Create,
    Dot,
    FadeIn,
    Line,
    MathTex,
    Mobject,
    NumberLine,
    ValueTracker,
    VGroup,
    Write,
    config,
    linear,
)

from mathcore import Curve

from scenes import style
from scenes.base import FormulaOf, LessonScene, fit_width
from scenes.parts.axes import fitted_y_range, nice_range
from scenes.parts.axes import make_axes as lesson_axes
from scenes.parts.graph import graph_of
from scenes.parts.live_number import LiveReadout
from scenes.parts.readouts import Readout
from scenes.parts.tangent import SlopeLine, slope_segment
from scenes.parts.trace import TracedGraph

__all__ = ["PositionFormula", "PositionToSpeed", "Turn", "find_turns", "format_number"]

#: A position formula: text in the one variable ``t`` (checked by ``validate``).
PositionFormula = Annotated[str, FormulaOf("_time_variable")]


# -- pure helpers (no drawing) -----------------------------------------------------------------
@dataclass(frozen=True)
class Turn:
    """An instant where the moving object turns around.

    Attributes
    ----------
    time : float
        The instant ``t`` (seconds).
    position : float
        Where the object is then, ``x(t)`` (metres).
    sharp : bool
        False when the speed passes smoothly through zero (the usual case); True when
        ``x(t)`` has a corner or a cusp there, so the speed jumps from one sign to the
        other and has no value at that instant.
    """

    time: float
    position: float
    sharp: bool = False


def find_turns(curve: Curve, t_range: tuple[float, float], num: int = 2001, rounds: int = 80) -> tuple[Turn, ...]:
    """The instants inside ``t_range`` where the object turns round: the turning points of
    ``x(t)`` that mathcore finds (:meth:`mathcore.Curve.turning_points`).

    A change of sign of the speed across a pole or a jump of ``x(t)`` is not a turn; one
    where ``x(t)`` is continuous but the speed jumps is a sharp turn.

    Parameters
    ----------
    curve : Curve
        The position ``x(t)``.
    t_range : (float, float)
        The time interval, ``start < end``.
    num : int
        Number of samples; sign changes closer together than the sample step may be missed.
    rounds : int
        Unused; kept for callers (mathcore's solver shrinks brackets to their limit).

    Returns
    -------
    tuple of Turn
        In time order.

    Examples
    --------
    >>> [round(turn.time, 9) for turn in find_turns(Curve("4*t - t**2", variable="t"), (0, 4))]
    [2.0]
    """
    start, end = float(t_range[0]), float(t_range[1])
    if not (math.isfinite(start) and math.isfinite(end) and start < end):
        raise ValueError(f"t_range must be two finite numbers, start < end; got {t_range!r}")
    return tuple(Turn(p.x, p.value, p.sharp) for p in curve.turning_points((start, end), num=int(num)))


def format_number(value: float, decimals: int = 2) -> str:
    """``value`` as a caption shows it, with no ``-0.00``."""
    text = f"{value:.{decimals}f}"
    return text[1:] if text.startswith("-") and float(text) == 0.0 else text


# -- the scene ---------------------------------------------------------------------------------
class PositionToSpeed(LessonScene):
    """An object moves along a line; the slope of its position graph is its speed.

    Class attributes
    ----------------
    position : str
        The position ``x(t)`` in metres as a formula of ``t`` in seconds. The default goes
        out, comes back and goes out again, so the object turns around twice.
    t_range : tuple of float
        The times shown, ``(start, end)`` in seconds.
    title, subtitle : str
        The title card; with ``caption_width``, see :class:`~scenes.base.LessonMixin`.
    sweep_run_time : float
        Seconds of video for the sweep of time over all of ``t_range`` (pauses not counted).
    turn_pause : float
        Seconds the animation holds still at each turning point.
    max_paused_turns : int
        Turns that stop the animation with a caption; later ones (a fast oscillation) are
        only marked on the graphs.
    intro_wait, outro_wait : float
        Seconds held after each introductory caption, and at the end.
    graph_samples : int
        Samples per graph (mathcore's pieces, so poles never draw false lines).
    turn_samples : int
        Samples of the speed searched for sign changes by :func:`find_turns`.
    tangent_length : float
        Screen length of the tangent segment.
    decimals : int
        Digits after the point in the readouts and captions.
    graph_width, graph_height : float
        Size of each pair of axes, in frame units (the frame is about 14.2 x 8).

    Hooks
    -----
    ``make_axes``, ``make_track``, ``make_ball``, ``make_formulas``, ``make_readouts``
    and ``make_turn_mark`` build the cast; override one to change a part.

    Notes
    -----
    Where ``x(t)`` is undefined (``log(t - 1)`` before t = 1, a pole) the sweep goes on:
    the object, the tangent and the numbers are hidden there and come back where it is
    defined again; a number off the axes hides the object, not the readout. With no turn
    the caption says so; at a corner (``abs(t - 2)``) the turn is "sharp": no speed is
    shown at that instant.
    """

    title: ClassVar[str] = "Position and speed"
    subtitle: ClassVar[str] = "the speed is the slope of x(t)"
    position: ClassVar[PositionFormula] = "t**3 - 6*t**2 + 9*t"
    t_range: ClassVar[tuple[float, float]] = (0.0, 4.0)
    sweep_run_time: ClassVar[float] = 12.0
    turn_pause: ClassVar[float] = 2.8
    max_paused_turns: ClassVar[int] = 3
    intro_wait: ClassVar[float] = 1.8
    outro_wait: ClassVar[float] = 3.0
    graph_samples: ClassVar[int] = 400
    turn_samples: ClassVar[int] = 2001
    tangent_length: ClassVar[float] = 1.6
    decimals: ClassVar[int] = 2

    graph_width: ClassVar[float] = 5.2
    graph_height: ClassVar[float] = 2.9

    _time_variable: ClassVar[str] = "t"  # not configurable: the labels all say t

    # -- build -------------------------------------------------------------------------------
    @classmethod
    def validate(cls) -> None:
        """Raise ``ValueError`` unless ``position`` parses in ``t`` and has values on ``t_range``."""
        super().validate()
        times = _checked_times(cls)
        Curve(cls.position, variable=cls._time_variable).value_range(times)

    def build(self) -> None:
        self.times = _checked_times(type(self))
        start, end = self.times
        self.curve = Curve(self.position, variable=self._time_variable)
        self.speed = self.curve.derivative
        self.turns = find_turns(self.curve, self.times, num=self.turn_samples)

        x_range = fitted_y_range(self.curve, self.times)
        v_range = fitted_y_range(self.speed, self.times)
        self.position_axes = self.make_axes(x_range, r"x\,(\mathrm{m})")
        self.speed_axes = self.make_axes(v_range, r"v\,(\mathrm{m/s})")
        self.formulas = self.make_formulas()
        self.track = self.make_track(x_range)
        self.ball = self.make_ball()
        self.readouts = self.make_readouts()
        self._layout()

        self.position_graph = graph_of(self.position_axes, self.curve, self.times, style.FUNCTION, num=self.graph_samples)
        self.position_graph.set_stroke(opacity=0.3)
        self.position_trace = TracedGraph(
            self.position_axes, graph_of(self.position_axes, self.curve, self.times, style.FUNCTION, num=self.graph_samples)
        )
        self.speed_trace = TracedGraph(
            self.speed_axes, graph_of(self.speed_axes, self.speed, self.times, style.SLOPE, num=self.graph_samples)
        )
        self.tangent = SlopeLine(self.position_axes, (start, 0.0), 0.0, length=self.tangent_length, color=style.SLOPE, stroke_width=5)
        self.position_dot = Dot(radius=0.07, color=style.BALL)
        self.speed_dot = Dot(radius=0.07, color=style.SLOPE)
        self.clock = ValueTracker(start)  # the lesson's time t (Scene.time is the video's)
        self.show_time(self.first_defined_time())

    # -- hooks ---------------------------------------------------------------------------------
    def make_axes(self, y_range: tuple[float, float, float], y_label: str) -> Axes:
        """One pair of axes: time along, ``y_range`` up (position or speed)."""
        t_axis = _time_axis(self.times)
        return lesson_axes(t_axis, y_range, self.graph_width, self.graph_height, x_label=r"t\,(\mathrm{s})", y_label=y_label)

    def make_track(self, x_range: tuple[float, float, float]) -> NumberLine:
        """The horizontal number line the object moves on: the x axis of position."""
        track = NumberLine(
            x_range=list(x_range),
            length=10.0,
            color=style.MUTED,
            include_numbers=True,
            font_size=22,
            decimal_number_config={"num_decimal_places": _decimals(x_range[2]), "color": style.MUTED},
        )
        label = MathTex(r"x\,(\mathrm{m})", font_size=style.LABEL_SIZE, color=style.INK)
        label.next_to(track, RIGHT, buff=0.25)
        track.add(label)
        track.label = label
        return track

    def make_ball(self) -> Dot:
        """The moving object."""
        return Dot(radius=0.15, color=style.BALL)

    def make_turn_mark(self) -> Mobject:
        """The ring left on a graph where the object turned around."""
        return Circle(radius=0.13, color=style.INK, stroke_width=3)

    def make_formulas(self) -> VGroup:
        """``x(t) = ...`` and ``v(t) = dx/dt = ...``, built from mathcore's LaTeX."""
        position = MathTex(r"x(t) = " + self.curve.latex, font_size=34, color=style.FUNCTION)
        speed = MathTex(r"v(t) = \frac{dx}{dt} = " + self.speed.latex, font_size=34, color=style.SLOPE)
        return VGroup(position, speed)

    def make_readouts(self) -> VGroup:
        """Live numbers: the time, the position and the speed, each with its unit."""
        group = VGroup()
        for label, unit, color in (
            ("t =", r"\mathrm{s}", style.INK),
            ("x =", r"\mathrm{m}", style.FUNCTION),
            ("v =", r"\mathrm{m/s}", style.SLOPE),
        ):
            readout = LiveReadout(label, 0.0, decimals=self.decimals, color=color, font_size=30)
            readout.unit = MathTex(unit, font_size=30, color=style.INK)
            readout.add(readout.unit)
            _place_unit(readout)
            group.add(readout)
        return group

    def _layout(self) -> None:
        frame_w, frame_h = config.frame_width, config.frame_height
        top = frame_h / 2 - 0.3
        position_axes, speed_axes = self.position_axes, self.speed_axes
        position_axes.move_to([-frame_w / 4 - 0.1, 0, 0]).align_to([0, top - 0.75, 0], UP)
        speed_axes.move_to([frame_w / 4 - 0.1, 0, 0]).align_to([0, top - 0.75, 0], UP)
        for formula, axes in zip(self.formulas, (position_axes, speed_axes)):
            fit_width(formula, frame_w / 2 - 0.4)
            formula.move_to([axes.get_center()[0], top - 0.25, 0])
        bottom = self.caption_top + 0.2
        fit_width(self.track, frame_w - 1.2)
        self.track.move_to([0, 0, 0]).align_to([0, bottom + 0.1, 0], DOWN)
        self.track.shift((-self.track.label.width / 2 - 0.1) * RIGHT)
        lowest_axes = min(position_axes.get_bottom()[1], speed_axes.get_bottom()[1])
        # Space the readouts for their widest numbers on these axes, not for 0.00.
        widest = [
            max(pair, key=lambda value: len(format_number(value, self.decimals)))
            for pair in (self.times, position_axes.y_range[:2], speed_axes.y_range[:2])
        ]
        for readout, value in zip(self.readouts, widest):
            self.set_readout(readout, value)
        self.readouts.arrange(RIGHT, buff=1.0, aligned_edge=DOWN)
        self.readouts.move_to([0, 0.5 * (lowest_axes + self.track.get_top()[1]), 0])

    # -- what the updaters show ---------------------------------------------------------------
    def first_defined_time(self) -> float:
        """The first sampled time where ``x(t)`` is defined (the start of ``t_range`` usually)."""
        ts = np.linspace(*self.times, self.graph_samples)
        defined = np.isfinite(self.curve(ts))
        return float(ts[np.argmax(defined)]) if defined.any() else self.times[0]

    def speed_at(self, t: float) -> float:
        """v(t) from mathcore, or NaN where it has no value (also at a sharp turn)."""
        if any(turn.sharp and abs(turn.time - t) < 1e-9 for turn in self.turns):
            return math.nan
        return float(self.speed(t))

    def show_time(self, t: float) -> None:
        """Move every live part to time ``t``, in place (this runs on every frame)."""
        x = float(self.curve(t))
        v = self.speed_at(t) if math.isfinite(x) else math.nan
        self.position_trace.reveal_to(t)
        self.speed_trace.reveal_to(t)
        t_readout, x_readout, v_readout = self.readouts
        self.set_readout(t_readout, t)

        x_lo, x_hi = self.position_axes.y_range[:2]
        x_shown = math.isfinite(x) and x_lo <= x <= x_hi
        self.set_readout(x_readout, x)
        self.set_visible(self.ball, x_shown)
        self.set_visible(self.position_dot, x_shown)
        if x_shown:
            self.ball.move_to(self.track.n2p(x))
            self.position_dot.move_to(self.position_axes.c2p(t, x))

        v_lo, v_hi = self.speed_axes.y_range[:2]
        tangent_shown = x_shown and math.isfinite(v)
        self.set_readout(v_readout, v)
        self.set_visible(self.tangent, tangent_shown)
        if tangent_shown:
            # The same points as SlopeLine.move_onto, without its rotate-and-scale.
            self.tangent.set_points_as_corners(slope_segment(self.position_axes, (t, x), v, self.tangent.length))
        v_shown = math.isfinite(v) and v_lo <= v <= v_hi
        self.set_visible(self.speed_dot, v_shown)
        if v_shown:
            self.speed_dot.move_to(self.speed_axes.c2p(t, v))

    def set_readout(self, readout: Readout, value: float) -> None:
        """Show ``value`` (hide the number if it is NaN); nothing is redone if the text
        on screen stays the same."""
        shown = self.__dict__.setdefault("_readout_texts", {})
        text = format_number(value, self.decimals) if math.isfinite(value) else None
        if shown.get(id(readout), "") == text:
            return
        shown[id(readout)] = text
        number = readout.number
        if text is None:
            self.set_visible(number, False)
            return
        self.set_visible(number, True)
        right = number.right_edge()
        number.set_value(float(text))  # a LiveDecimal keeps its left edge in place
        readout.unit.shift((number.right_edge() - right) * RIGHT)

    def set_visible(self, mobject: Mobject, visible: bool) -> None:
        """Hide or show a live part without touching its points (only when that changes)."""
        hidden = self.__dict__.setdefault("_hidden", set())
        if (id(mobject) not in hidden) == visible:
            return
        (hidden.discard if visible else hidden.add)(id(mobject))
        opacity = 1.0 if visible else 0.0
        if isinstance(mobject, Line):
            mobject.set_stroke(opacity=opacity)
        else:
            mobject.set_fill(opacity=opacity)

    def restack(self) -> None:
        """Put the live parts last in the scene. Manim redraws each frame only what comes
        after the first mobject with an updater; all before is one cached image. (The
        readouts' labels never change: they go in the image, their numbers do not.)"""
        # The clock goes too: an animated mobject counts as moving, with all after it;
        # playing it adds it back, last.
        self.remove(self.readouts, self.clock)
        self.add(*(readout.label for readout in self.readouts))
        self.add(*self.live_parts())
        # Manim also walks every family each frame to run updaters; the still cast has none.
        for still in (self.track, self.position_axes, self.speed_axes, self.formulas, self.position_graph):
            still.suspend_updating()

    def live_parts(self) -> list[Mobject]:
        """The mobjects that change while time runs, the first one carrying the updater."""
        numbers = [part for readout in self.readouts for part in (readout.number, readout.unit)]
        return [self.position_trace, self.speed_trace, self.tangent, self.position_dot, self.speed_dot, self.ball, *numbers]

    # -- the lesson ----------------------------------------------------------------------------
    def construct(self) -> None:
        self.play_title_card()
        self.caption("Something moves along a line. Where it is, x metres, depends on the time t in seconds.")
        self.play(Create(self.track), FadeIn(self.ball), run_time=1.5)
        self.hold(self.intro_wait)

        self.caption("Plot each position against its time and you get the graph of x(t).")
        self.play(Create(self.position_axes), Write(self.formulas[0]), run_time=1.5)
        self.play(Create(self.position_graph), run_time=1.5)
        self.hold(self.intro_wait - 1.0)

        self.caption("Its speed is how fast x changes: v = dx/dt, the slope of the tangent to that graph.")
        self.play(Create(self.speed_axes), Write(self.formulas[1]), run_time=1.5)
        self.play(FadeIn(self.tangent), FadeIn(self.position_dot), FadeIn(self.readouts), run_time=1.0)
        self.hold(self.intro_wait - 1.0)

        self.caption("Let time run. The tangent's slope is read out as v and drawn as a graph on the right.")
        self.add(self.position_trace, self.speed_trace, self.speed_dot)
        self.restack()
        self.position_trace.add_updater(lambda _m: self.show_time(self.clock.get_value()))
        self.sweep()
        self.position_trace.clear_updaters()

        self.caption(self.summary())
        self.hold(self.outro_wait)
        self.clear_caption()

    def hold(self, seconds: float) -> None:
        """Wait ``seconds`` if that is more than nothing (timing attributes may be 0)."""
        if seconds > 1e-3:
            self.wait(seconds)

    def sweep(self) -> None:
        """Run time over ``t_range``, stopping at each turn to say so."""
        start = self.first_defined_time()
        end = self.times[1]
        stops = [turn for turn in self.turns if start < turn.time < end]
        total = end - start
        if total <= 0:  # defined at the very end only: nothing to run through
            return
        now = start
        for index, turn in enumerate([*stops, None]):
            target = end if turn is None else turn.time
            run_time = max(self.sweep_run_time * (target - now) / total, 0.1)
            self.play(self.clock.animate.set_value(target), run_time=run_time, rate_func=linear)
            now = target
            if turn is not None:
                self.mark_turn(turn, pause=index < self.max_paused_turns)
        if not stops:
            self.caption(self.no_turn_caption())
            self.hold(self.turn_pause)

    def mark_turn(self, turn: Turn, pause: bool = True) -> None:
        """Mark a turn on both graphs; if ``pause``, hold still and say what happens."""
        marks = VGroup(
            self.make_turn_mark().move_to(self.position_axes.c2p(turn.time, turn.position)),
            self.make_turn_mark().move_to(self.speed_axes.c2p(turn.time, 0.0)),
        )
        self.play(*(FadeIn(mark, scale=1.6) for mark in marks), run_time=0.3)  # each about its centre
        self.restack()
        if not pause:
            return
        self.caption(self.turn_caption(turn))
        self.hold(self.turn_pause)
        after = self.speed(min(turn.time + 1e-3 * (self.times[1] - self.times[0]), self.times[1]))
        if math.isfinite(after) and after != 0:
            direction = "right, toward larger x" if after > 0 else "left, toward smaller x"
            sign = "positive" if after > 0 else "negative"
            self.caption(f"Now v is {sign}: the object moves {direction}.")
        self.restack()

    # -- words ---------------------------------------------------------------------------------
    def turn_caption(self, turn: Turn) -> str:
        """What the caption says while the animation holds still at ``turn``."""
        t = format_number(turn.time, self.decimals)
        x = format_number(turn.position, self.decimals)
        if turn.sharp:
            return f"At t = {t} s the object turns at x = {x} m without stopping: x(t) has a corner there, and v jumps across zero."
        return f"At t = {t} s the speed is zero: the object stops for an instant at x = {x} m and turns around."

    def no_turn_caption(self) -> str:
        """What the caption says after the sweep when the object never turned around."""
        speeds = self.speed(np.linspace(*self.times, self.turn_samples))
        if np.all(np.abs(speeds[np.isfinite(speeds)]) < 1e-12):
            return "This object never moves: its speed is zero the whole time."
        return "Here the speed never passes through zero, so the object never turns around."

    def summary(self) -> str:
        """The closing caption."""
        if self.turns:
            return "Where x(t) climbs, v is positive; where it falls, v is negative; where the object turns around, v crosses zero."
        return "At every instant the speed is the slope of x(t): steep means fast, flat means slow."


# -- small helpers ----------------------------------------------------------------------------
def _checked_times(scene: type) -> tuple[float, float]:
    try:
        start, end = (float(v) for v in scene.t_range)
    except (TypeError, ValueError):
        raise ValueError(f"{scene.__name__}.t_range must be two numbers (start, end); got {scene.t_range!r}") from None
    if not (math.isfinite(start) and math.isfinite(end) and start < end):
        raise ValueError(f"{scene.__name__}.t_range must be finite with start < end; got {scene.t_range!r}")
    return start, end


def _time_axis(times: tuple[float, float]) -> tuple[float, float, float]:
    """Exactly ``times``, with a round tick step."""
    step = nice_range(times[0], times[1], ticks=6, pad=0.0)[2]
    return (times[0], times[1], step)


def _decimals(step: float) -> int:
    places = 0
    while places < 3 and abs(step * 10**places - round(step * 10**places)) > 1e-9:
        places += 1
    return places


def _place_unit(readout: Readout) -> None:
    """Put the unit after the number, on the same baseline (its first letter sits on it)."""
    unit = readout.unit
    unit.next_to(readout.number, RIGHT, buff=0.12)
    baseline = readout.label.get_bottom()[1]
    unit.shift((baseline - unit[0][0].get_bottom()[1]) * UP)
