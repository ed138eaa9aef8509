"""The derivative: secants shrink into the tangent, then the tangent slides along the curve.

The first lesson. A secant through two points of the graph has the slope rise over run,
Δy/Δx; as the second point slides onto the first, that slope settles on one number, the
derivative f'(x0), and the secant becomes the tangent. Sliding the tangent along the curve
then shows what the sign of the derivative says: rising, falling, or flat.

Render it with ``manim -ql scenes/derivative.py TangentSlope``. A variant is a subclass::

    class CubicTangent(TangentSlope):
        function = "x**3 - 3*x"

Every number on screen comes from :class:`mathcore.Curve` (``value``, ``slope``,
``secant_slope``, ``tangent`` and the derivative's values); this module only decides where
to look (which point, which stretch of the sweep) and where to draw.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import ClassVar

import numpy as np

try:  # ``manim scenes/derivative.py`` imports this file by path; the package may not be installed.
    import scenes  # noqa: F401
except ImportError:  # pragma: no cover - only without the editable install
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import sympy
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    Line,
    MathTex,
    ReplacementTransform,
    Text,
    ValueTracker,
    VGroup,
    config,
    linear,
    smooth,
)

from mathcore import Curve, DomainError
from scenes import style
from scenes.base import CurveFormula, LessonScene
from scenes.parts.axes import make_axes, nice_range
from scenes.parts.curve_spots import flat_points, lesson_y_range, limit_point, rise_first, sweep_segments
from scenes.parts.graph import graph_of
from scenes.parts.live_number import LiveReadout
from scenes.parts.readouts import Readout
from scenes.parts.tangent import SlopeLine, clip_segment, slope_segment

__all__ = ["TangentSlope", "format_number", "format_point", "shown_value", "sign_word"]


# -- wording of numbers (pure; unit-tested) ---------------------------------------------------
def shown_value(value: float, decimals: int) -> float:
    """``value`` as a readout with ``decimals`` places would show it, without a ``-0.00``."""
    rounded = round(float(value), decimals)
    return 0.0 if rounded == 0 else float(value)


def format_number(value: float, decimals: int = 2) -> str:
    """Plain text for a caption: ``decimals`` places, never ``-0.00``."""
    return f"{shown_value(value, decimals):.{decimals}f}"


def format_point(value: float) -> str:
    """A short label for a point such as ``x0``: at most three decimals, no trailing zeros."""
    text = f"{shown_value(value, 3):.3f}".rstrip("0").rstrip(".")
    return text or "0"


def sign_word(slope: float, decimals: int = 2) -> str:
    """``"rising"``, ``"falling"`` or ``"flat"`` for a slope shown with ``decimals`` places.

    A slope that the readout shows as zero is called flat, so word and number agree.
    """
    if round(float(slope), decimals) == 0:
        return "flat"
    return "rising" if slope > 0 else "falling"


# -- the scene ------------------------------------------------------------------------------
class TangentSlope(LessonScene):
    """Secants through two points shrink into the tangent; the tangent slides along f.

    Class attributes
    ----------------
    title, subtitle : str
        The title card (see :class:`~scenes.base.LessonMixin`).
    function : str
        The formula of f, in the variable ``variable``; any formula mathcore accepts.
    variable : str
        The name of the variable (``"x"``, or ``"t"`` for a position over time).
    x_range : tuple of float
        The stretch of the variable that is plotted; the axes round it outwards.
    x0 : float
        The point of the limit part. If f or f' is undefined there, or no secant fits,
        the nearest point that works is used (see
        :func:`~scenes.parts.curve_spots.limit_point`).
    h_start : float
        The first run Δx of the secant (negative: the second point is on the left). If the
        graph breaks within it, the other side or a shorter step is used.
    h_end : float
        How small Δx gets before the tangent replaces the secant (the Δx readout shows
        enough digits for it).
    sweep : tuple of float
        The stretch the tangent slides across (clipped to ``x_range``). Where f is
        undefined or leaves the axes, the tangent skips to the next defined stretch.
    decimals : int
        Digits after the point in the readouts (Δx shows at least one more). The moving
        Δx and x are rounded to the digits shown, so each slope on screen is exactly
        mathcore's slope for the number printed beside it.
    tangent_length : float
        Screen length of the tangent line.
    max_flat_stops : int
        At most this many flat points get a pause in the sweep.
    title_hold, read_time, shrink_time, sweep_time, flat_pause, end_hold : float
        Seconds: the title card, each pause to read a new step, the shrinking of Δx,
        the whole slide of the tangent, each pause at a flat point, the final hold.
    reading_rate : float
        Characters per second a viewer reads: each caption stays at least
        ``len(caption) / reading_rate`` seconds (0: no minimum).
    """

    title: ClassVar[str] = "The derivative"
    subtitle: ClassVar[str] = "from secant to tangent"
    function: ClassVar[CurveFormula] = "x**3/3 - x"
    variable: ClassVar[str] = "x"
    x_range: ClassVar[tuple[float, float]] = (-2.5, 2.5)
    x0: ClassVar[float] = 1.5
    h_start: ClassVar[float] = 1.0
    h_end: ClassVar[float] = 0.001
    sweep: ClassVar[tuple[float, float]] = (-2.2, 2.2)
    decimals: ClassVar[int] = 2
    tangent_length: ClassVar[float] = 3.0
    max_flat_stops: ClassVar[int] = 3
    title_hold: ClassVar[float] = 1.2
    read_time: ClassVar[float] = 1.0
    shrink_time: ClassVar[float] = 4.0
    sweep_time: ClassVar[float] = 7.0
    flat_pause: ClassVar[float] = 1.2
    end_hold: ClassVar[float] = 0.5
    reading_rate: ClassVar[float] = 18.0

    # -- layout (screen units; the frame is 14.2 x 8) ---------------------------------------
    def axes_box(self) -> tuple[float, float, float, float]:
        """``(left, right, bottom, top)`` of the axes on the screen, clear of the caption."""
        half_w, half_h = config.frame_width / 2, config.frame_height / 2
        return (-half_w + 0.75, -half_w + 0.75 + 8.4, self.caption_top + 0.3, half_h - 0.65)

    @property
    def panel_left(self) -> float:
        """The left edge of the panel of formula and readouts on the right."""
        return self.axes_box()[1] + 0.85

    # -- checks ----------------------------------------------------------------------------
    @classmethod
    def validate(cls) -> None:
        """Raise ``ValueError`` unless the scene can be drawn: ``function`` parses in
        ``variable``, the ranges and steps are sensible, and some point of ``x_range`` near
        ``x0`` carries a secant (a :class:`~mathcore.DomainError` says which)."""
        super().validate()
        cls._check_settings()
        curve = Curve(cls.function, variable=cls.variable)
        y_axis = lesson_y_range(curve, cls.x_range)
        limit_point(curve, cls.x0, cls.h_start, cls.x_range, _inner(y_axis))

    @classmethod
    def _check_settings(cls) -> None:
        name = cls.__name__
        for attribute in ("x_range", "sweep"):
            value = getattr(cls, attribute)
            try:
                low, high = (float(v) for v in value)
            except (TypeError, ValueError):
                raise ValueError(f"{name}.{attribute} must be two numbers (low, high); got {value!r}") from None
            if not (np.isfinite(low) and np.isfinite(high) and low < high):
                raise ValueError(f"{name}.{attribute} must be finite with low < high; got {value!r}")
        for attribute in ("x0", "h_start", "h_end"):
            value = getattr(cls, attribute)
            if not isinstance(value, (int, float)) or not np.isfinite(value):
                raise ValueError(f"{name}.{attribute} must be a finite number; got {value!r}")
        if cls.h_start == 0 or cls.h_end == 0:
            raise ValueError(f"{name}.h_start and h_end must be non-zero; got {cls.h_start!r}, {cls.h_end!r}")
        if not isinstance(cls.decimals, int) or not 0 <= cls.decimals <= 6:
            raise ValueError(f"{name}.decimals must be a whole number from 0 to 6; got {cls.decimals!r}")
        for attribute in ("title_hold", "read_time", "shrink_time", "sweep_time", "flat_pause", "end_hold", "reading_rate"):
            value = getattr(cls, attribute)
            if not isinstance(value, (int, float)) or not 0 <= value < 600:
                raise ValueError(f"{name}.{attribute} must be a number from 0 to 600; got {value!r}")

    # -- build -----------------------------------------------------------------------------
    def build(self) -> None:
        self._check_settings()
        self.curve = self.make_curve()
        self.var_tex = sympy.latex(self.curve.symbols[0])
        self.axes = self.make_axes()
        self.graph = self.make_graph()
        self.formula = self.make_formula()
        self.inner_y = _inner(self.axes.y_range)
        self.box = self._plot_box()

        # The limit part: points P (fixed) and Q (sliding), the secant and its triangle.
        self.x0_shown, self.h_shown = limit_point(self.curve, self.x0, self.h_start, self.x_range, self.inner_y)
        self.f0 = self.curve.value(self.x0_shown)
        self.slope0 = self.curve.slope(self.x0_shown)
        self.h_last = float(np.sign(self.h_shown) * min(abs(self.h_end), abs(self.h_shown)))
        self.run_decimals = max(self.decimals + 1, int(np.ceil(-np.log10(abs(self.h_last)) - 1e-9)))
        self.rise_first = rise_first(self.curve, self.x0_shown, self.h_shown)
        self.shrink = ValueTracker(0.0)
        self.point = self.make_dot(style.BALL).move_to(self.c2p(self.x0_shown, self.f0))
        self.second = self.make_dot(style.SECANT)
        self.secant = Line(LEFT, RIGHT, color=style.SECANT, stroke_width=4)
        self.run_leg = Line(LEFT, RIGHT, color=style.SECANT, stroke_width=3)
        self.rise_leg = Line(DOWN, UP, color=style.SECANT, stroke_width=3)
        self.run_label = MathTex(rf"\Delta {self.var_tex}", font_size=style.LABEL_SIZE, color=style.SECANT)
        self.rise_label = MathTex(r"\Delta y", font_size=style.LABEL_SIZE, color=style.SECANT)
        self.run_readout = self.make_readout(rf"\Delta {self.var_tex} =", abs(self.h_shown), self.run_decimals, style.SECANT)
        self.secant_readout = self.make_readout(
            rf"\Delta y / \Delta {self.var_tex} =", 0.0, self.decimals, style.SECANT
        )
        self.limit_readout = self.make_readout(
            rf"f'({format_point(self.x0_shown)}) =", shown_value(self.slope0, self.decimals), self.decimals, style.SLOPE
        )
        self.stack(self.run_readout, self.secant_readout, self.limit_readout)
        self.triangle = VGroup(self.run_leg, self.rise_leg, self.run_label, self.rise_label)
        self.limit_cast = VGroup(self.secant, self.triangle, self.second, self.run_readout, self.secant_readout)
        self.set_step(self.h_shown)

        # The sweep: the tangent, its point, the readouts and the three sign words.
        self.tangent = self.make_tangent()
        self.place_tangent(self.tangent, self.x0_shown, self.slope0)
        self.x_tracker = ValueTracker(self.x0_shown)
        self.x_readout = self.make_readout(rf"{self.var_tex} =", self.x0_shown, self.decimals, style.BALL)
        self.slope_readout = self.make_readout(rf"f'({self.var_tex}) =", 0.0, self.decimals, style.SLOPE)
        self.sign_words = self.make_sign_words()
        self.stack(self.x_readout, self.slope_readout, *self.sign_words.values())
        for word in list(self.sign_words.values())[1:]:
            word.move_to(list(self.sign_words.values())[0], aligned_edge=LEFT)
        self.sweep_cast = VGroup(self.x_readout, self.slope_readout, *self.sign_words.values())
        self.sweep_group = VGroup(self.point, self.tangent, self.sweep_cast)
        low, high = max(self.sweep[0], self.x_range[0]), min(self.sweep[1], self.x_range[1])
        self.segments = sweep_segments(self.curve, (low, high), self.inner_y) if low < high else []
        self.stops = [x for seg in self.segments for x in flat_points(self.curve, seg)][: self.max_flat_stops]

    # -- overridable hooks -------------------------------------------------------------------
    def make_curve(self) -> Curve:
        """The curve of the lesson, from ``function`` and ``variable``."""
        return Curve(self.function, variable=self.variable)

    def make_axes(self):
        """Axes over ``x_range`` (rounded outwards) with a y range fitted to f."""
        left, right, bottom, top = self.axes_box()
        x_axis = nice_range(self.x_range[0], self.x_range[1], ticks=6, pad=0.0)
        y_axis = lesson_y_range(self.curve, self.x_range)
        axes = make_axes(x_axis, y_axis, right - left, top - bottom, x_label=self.var_tex, y_label="y")
        # Place the plotting box itself (the labels hang outside it), not the whole group.
        corner = np.asarray(axes.c2p(x_axis[0], y_axis[0]), dtype=float)
        return axes.shift(np.array([left, bottom, 0.0]) - corner)

    def make_graph(self) -> VGroup:
        """The graph of f in pieces (no false line across a pole)."""
        return graph_of(self.axes, self.curve, self.x_range, style.FUNCTION)

    def make_formula(self) -> MathTex:
        """``f(x) = ...`` from mathcore's LaTeX, top right."""
        formula = MathTex(rf"f({self.var_tex}) = {self.curve.latex}", font_size=style.READOUT_SIZE + 4, color=style.FUNCTION)
        width = config.frame_width / 2 - self.panel_left - 0.3
        if formula.width > width:
            formula.scale_to_fit_width(width)
        return formula.move_to([self.panel_left, config.frame_height / 2 - 0.6, 0], aligned_edge=LEFT)

    def make_dot(self, color) -> Dot:
        """A point of the graph."""
        return Dot(radius=0.08, color=color)

    def make_tangent(self) -> SlopeLine:
        """The tangent line (its position is set by :meth:`place_tangent`)."""
        return SlopeLine(self.axes, (self.x0_shown, self.f0), self.slope0, self.tangent_length, color=style.SLOPE, stroke_width=4)

    def make_readout(self, label: str, value: float, decimals: int, color) -> Readout:
        """A live number with a LaTeX label (cheap to change on every frame)."""
        return LiveReadout(label, value, decimals=decimals, color=color)

    def make_sign_words(self) -> dict[str, VGroup]:
        """One pre-built group per sign of the slope; only one is visible at a time."""
        v = self.var_tex
        words = {}
        for word, relation in (("rising", ">"), ("falling", "<"), ("flat", "=")):
            text = Text(word, font=style.FONT, font_size=style.CAPTION_SIZE, color=style.INK)
            rule = MathTex(rf"f'({v}) {relation} 0", font_size=style.READOUT_SIZE, color=style.MUTED)
            words[word] = VGroup(text, rule.next_to(text, RIGHT, buff=0.3))
        return words

    # -- geometry ----------------------------------------------------------------------------
    def c2p(self, x: float, y: float) -> np.ndarray:
        return np.asarray(self.axes.c2p(x, y), dtype=float)

    def _plot_box(self) -> tuple[float, float, float, float]:
        (x_min, x_max), (y_min, y_max) = self.axes.x_range[:2], self.axes.y_range[:2]
        low, high = self.c2p(x_min, y_min), self.c2p(x_max, y_max)
        return (low[0], high[0], low[1], high[1])

    def stack(self, *readouts) -> None:
        """Put readouts one under another in the panel, below the formula."""
        top = self.formula.get_bottom()[1] - 0.6
        for i, readout in enumerate(readouts):
            readout.move_to([self.panel_left, top - 0.8 * i, 0], aligned_edge=LEFT)

    def place_line(self, line: Line, start, end) -> None:
        """Move ``line`` in place onto the part of ``start``-``end`` inside the axes."""
        clipped = clip_segment(start, end, self.box)
        if clipped is None or np.linalg.norm(clipped[1] - clipped[0]) < 1e-3:
            return
        line.put_start_and_end_on(*clipped)

    def place_tangent(self, line: Line, x: float, slope: float) -> None:
        """The tangent through the graph point at ``x`` with ``slope``."""
        self.place_line(line, *slope_segment(self.axes, (x, self.curve.value(x)), slope, self.tangent_length))

    # -- the live updates (everything moves in place) ----------------------------------------
    def step_at(self, progress: float) -> float:
        """Δx after ``progress`` (0 to 1) of the shrinking: geometric, so each halving takes
        as long as the one before. Rounded to the digits the Δx readout shows, so that the
        secant slope shown is exactly the one for the Δx shown."""
        h = self.h_shown * (abs(self.h_last) / abs(self.h_shown)) ** progress
        return float(np.sign(h) * max(round(abs(h), self.run_decimals), 10.0**-self.run_decimals))

    def set_step(self, h: float) -> None:
        """Show the secant from x0 to x0 + h, its triangle and readouts."""
        x0, f0 = self.x0_shown, self.f0
        try:
            f1 = self.curve.value(x0 + h)
            m = self.curve.secant_slope(x0, h)
        except DomainError:
            return
        p, q = self.c2p(x0, f0), self.c2p(x0 + h, f1)
        self.second.move_to(q)
        if self.rise_first:  # P up to the corner (x0, f1), then across to Q
            corner = self.c2p(x0, f1)
            _set_ends(self.rise_leg, p, corner)
            _set_ends(self.run_leg, corner, q)
        else:  # P across to the corner (x0 + h, f0), then up to Q
            corner = self.c2p(x0 + h, f0)
            _set_ends(self.run_leg, p, corner)
            _set_ends(self.rise_leg, corner, q)
        direction = slope_segment(self.axes, (x0, f0), m, 1.0)
        u = direction[1] - direction[0]
        if np.dot(u, q - p) < 0:
            u = -u
        chord = float(np.linalg.norm(q - p))
        length = max(self.tangent_length, chord + 2.0)
        middle = (p + q) / 2
        self.place_line(self.secant, middle - 0.5 * length * u, middle + 0.5 * length * u)
        # Each label sits outside the triangle, on the far side of its leg from the chord.
        outward_run = (UP if f1 >= f0 else DOWN) if self.rise_first else (DOWN if f1 >= f0 else UP)
        outward_rise = (LEFT if h > 0 else RIGHT) if self.rise_first else (RIGHT if h > 0 else LEFT)
        self.run_label.next_to(self.run_leg, outward_run, buff=0.12)
        self.rise_label.next_to(self.rise_leg, outward_rise, buff=0.12)
        for label, leg in ((self.run_label, self.run_leg), (self.rise_label, self.rise_leg)):
            opacity = float(np.clip((leg.get_length() - 0.35) / 0.4, 0.0, 1.0))
            label.set_opacity(opacity)
        self.run_readout.set_value(abs(h))
        self.secant_readout.set_value(shown_value(m, self.decimals))

    def set_position(self, x: float) -> None:
        """Show the tangent at ``x``, its slope and the matching sign word.

        ``x`` is rounded to the digits of its readout (except at a flat stop), so that the
        slope shown is exactly f' at the x shown.
        """
        stop = next((s for s in self.stops if abs(s - x) < 1e-9), None)
        candidates = [stop] if stop is not None else [round(float(x), self.decimals), float(x)]
        for x in candidates:
            try:
                tangent = self.curve.tangent(x)
            except DomainError:
                continue
            y = tangent.point[1]
            if self.axes.y_range[0] <= y <= self.axes.y_range[1]:
                break
        else:
            return
        self.point.move_to(self.c2p(x, y))
        self.place_tangent(self.tangent, x, tangent.slope)
        self.x_readout.set_value(shown_value(x, self.decimals))
        self.slope_readout.set_value(shown_value(tangent.slope, self.decimals))
        current = sign_word(tangent.slope, self.decimals)
        for word, group in self.sign_words.items():
            group.set_opacity(1.0 if word == current else 0.0)

    # -- the lesson ----------------------------------------------------------------------------
    def construct(self) -> None:
        self.play_title_card(hold=self.title_hold)
        self.show_graph()
        self.show_secant()
        self.shrink_secant()
        self.show_tangent()
        self.slide_tangent()
        self.say("The sign of f' tells whether f rises or falls; its size tells how fast.")
        self.let_read()
        self.wait(self.end_hold)

    def say(self, text: str) -> None:
        """Caption ``text``, once the caption before it has been on screen long enough to read."""
        self.let_read()
        self.caption(text)
        self._said = (text, self.time)

    def let_read(self) -> None:
        """Wait until the current caption has had ``len(text) / reading_rate`` seconds."""
        said = getattr(self, "_said", None)
        if said is None or self.reading_rate <= 0:
            return
        text, since = said
        left = len(text) / self.reading_rate - (self.time - since)
        if left > 0.05:
            self.wait(left)

    def show_graph(self) -> None:
        self.say("How steep is the graph of f at a single point?")
        self.play(Create(self.axes), run_time=1.0)
        self.play(Create(self.graph), FadeIn(self.formula), run_time=1.5)

    def show_secant(self) -> None:
        v = self.variable
        x0, x1 = format_point(self.x0_shown), format_point(self.x0_shown + self.h_shown)
        self.say(f"Join two points, at {v} = {x0} and {v} = {x1}: the line is a secant.")
        self.play(FadeIn(self.point, scale=0.5), FadeIn(self.second, scale=0.5), run_time=0.6)
        self.play(Create(self.secant), run_time=0.8)
        slope = format_number(self.curve.secant_slope(self.x0_shown, self.h_shown), self.decimals)
        self.say(f"Its slope is rise over run: Δy / Δ{v} = {slope}.")
        self.play(Create(self.run_leg), Create(self.rise_leg), FadeIn(self.run_label), FadeIn(self.rise_label), run_time=0.8)
        self.play(FadeIn(self.run_readout), FadeIn(self.secant_readout), run_time=0.6)
        self.wait(self.read_time)

    def shrink_secant(self) -> None:
        self.say(f"Now shrink Δ{self.variable}: the second point slides onto the first.")
        # The group must itself be in the scene for its updater to run each frame.
        self.add(self.limit_cast, self.shrink)
        self.limit_cast.add_updater(lambda _: self.set_step(self.step_at(self.shrink.get_value())))
        self.play(self.shrink.animate.set_value(1.0), run_time=self.shrink_time, rate_func=smooth)
        self.limit_cast.clear_updaters()

    def show_tangent(self) -> None:
        slope = format_number(self.slope0, self.decimals)
        self.say(f"The secant becomes the tangent. Its slope is the derivative: f'({format_point(self.x0_shown)}) = {slope}.")
        self.play(
            ReplacementTransform(self.secant, self.tangent),
            FadeOut(self.triangle),
            FadeOut(self.second),
            FadeIn(self.limit_readout, shift=0.2 * UP),
            run_time=0.9,
        )
        self.wait(self.read_time)

    def slide_tangent(self) -> None:
        if not self.segments:
            low, high = self.sweep
            self.say(f"f has no stretch from {self.variable} = {low:g} to {high:g} where the tangent could slide.")
            return
        self.say("Slide the tangent along the curve: its slope is f' at each point.")
        self.set_position(self.x0_shown)
        self.play(FadeOut(self.run_readout), FadeOut(self.secant_readout), FadeOut(self.limit_readout), run_time=0.5)
        self.play(FadeIn(self.sweep_cast), run_time=0.5)
        self.add(self.x_tracker)
        self.follow_tracker(True)
        start = self.segments[0][0]
        x0_segment = next((s for s in self.segments if s[0] <= self.x0_shown <= s[1]), None)
        if x0_segment == self.segments[0]:
            self.play(self.x_tracker.animate.set_value(start), run_time=1.2, rate_func=smooth)
        else:
            self.jump_to(start)
        total = sum(b - a for a, b in self.segments)
        told_gap = False
        for index, (a, b) in enumerate(self.segments):
            if index > 0:
                if not told_gap:
                    self.say("f has no value here, so no tangent: the point jumps the gap.")
                    told_gap = True
                self.jump_to(a)
            here = a
            for stop in [s for s in self.stops if a <= s <= b] + [b]:
                if stop > here:
                    run = max(0.3, self.sweep_time * (stop - here) / total)
                    self.play(self.x_tracker.animate.set_value(stop), run_time=run, rate_func=linear)
                here = stop
                if stop in self.stops:
                    self.say(self.stop_caption(stop))
                    self.wait(self.flat_pause)
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
        following = bool(self.sweep_group.updaters)
        self.follow_tracker(False)
        self.play(FadeOut(self.tangent), FadeOut(self.point), run_time=0.3)
        self.x_tracker.set_value(x)
        self.set_position(x)
        self.play(FadeIn(self.tangent), FadeIn(self.point), run_time=0.3)
        self.follow_tracker(following)

    def stop_caption(self, x: float) -> str:
        """What to say at the flat point ``x``: a peak, a valley, or a pause on the way."""
        where = f"At {self.variable} = {format_number(x, self.decimals)} the tangent is flat (f' = 0)"
        kind = self.curve.classify(x, radius=0.01 * (self.x_range[1] - self.x_range[0]))
        if kind == "maximum":
            return f"{where}: a hilltop. After it, f falls."
        if kind == "minimum":
            return f"{where}: a valley floor. After it, f rises."
        return f"{where}, but f goes on the same way after it."


def _inner(y_range) -> tuple[float, float]:
    """The band of y values the lesson's points keep to: the axes' range less 4 % each side."""
    low, high = float(y_range[0]), float(y_range[1])
    margin = 0.04 * (high - low)
    return low + margin, high - margin


def _set_ends(line: Line, start, end) -> None:
    """Move a straight line in place, even onto zero length (where rotating is undefined)."""
    line.set_points_as_corners(np.array([start, end], dtype=float))
