"""Gradient descent on the hillside: a ball rolls down the steps that mathcore computes.

:class:`BallRollsToMinimum` puts a ball at ``start`` on the hill y = f(n, e) and lets it take
the steps of :func:`mathcore.gradient_descent`, ``w <- w - eta * grad f(w)``, one after another
while the camera walks around the hill. Its trail lies on the surface; a top view (a
:class:`~scenes.parts.contours.ContourMap` pinned in a corner) draws the same path over the
contour lines; the value of f falls in a readout; the end is labelled with mathcore's status
and its message becomes the caption. :class:`MomentumRace` starts a second ball at the same
point that keeps part of its last step (momentum) and races both at the same pace of steps.

Every point, value and step count on screen comes from a :class:`~mathcore.DescentPath`.
A walk that leaves the drawn hillside (it diverges, or momentum carries it off the
rectangle) is drawn up to its last point over the hill and the label says where it left.
Render with::

    manim -qh scenes/rolling.py BallRollsToMinimum MomentumRace

A variant is a subclass::

    class FourValleys(BallRollsToMinimum):
        function = "(n**2 + e - 11)**2 + (n + e**2 - 7)**2"   # Himmelblau's function
        n_range = (-5.0, 5.0)
        e_range = (-5.0, 5.0)
        start = (-0.5, 0.5)
        learning_rate = 0.01
"""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np
from manim import (
    DOWN,
    LEFT,
    UL,
    UR,
    WHITE,
    FadeIn,
    ManimColor,
    MathTex,
    Text,
    VGroup,
    VMobject,
    config,
    interpolate_color,
)

from mathcore import DescentPath, DomainError, gradient_descent

from scenes import style
from scenes.base import StillBackground, caption_parts, fit_width, lower_first
from scenes.hill import HillLesson, is_real_number, is_whole_number
from scenes.parts.ball3d import ShadedBall
from scenes.parts.contours import ContourMap
from scenes.parts.descent_steps import STATUS_WORDS, format_rate
from scenes.parts.descent_walk import Rider, RollDescent, step_times, steps_in_view, subdivide_steps
from scenes.parts.live_number import LiveReadout

__all__ = ["BallRollsToMinimum", "MomentumRace", "outcome_words", "race_summary"]

#: The longest piece (scene units) of a trail between two corners on the surface.
_TRAIL_PIECE = 0.15
#: The most pieces one step of a walk is cut into.
_MAX_PIECES = 64


# -- words ---------------------------------------------------------------------------------------------
def outcome_words(path: DescentPath, shown: int, number: Any = lambda v: f"{v:.2f}") -> str:
    """A short label for how a walk ended: mathcore's status, the steps, and where it stopped
    (or where it left the picture, when only ``shown`` of its steps are drawn)."""
    word = STATUS_WORDS[path.status]
    if path.steps == 0:
        return "already at a minimum: no step to take" if path.status == "converged" else f"{word}: the gradient is zero here"
    if shown < path.steps:
        return f"{word} at step {path.steps}; leaves the picture after step {shown}"
    a, b = (number(float(v)) for v in path.final_point)
    steps = f"{path.steps} step{'s' if path.steps != 1 else ''}"
    if path.status == "converged":
        return f"{word} after {steps} at ({a}, {b})"
    return f"{word}: stopped after {steps} at ({a}, {b})"


# -- scene 1: one ball ---------------------------------------------------------------------------------
class BallRollsToMinimum(StillBackground, HillLesson):
    """A ball rolls down the hill along the steps of gradient descent.

    The story: the hillside, seen from walking around it; the ball at ``start`` and the top
    view; the update rule with eta's value; the roll (trail on the surface and in the top
    view, f falling, the step count rising) while the camera turns; the end labelled with
    mathcore's status and its message as the caption.

    Class attributes
    ----------------
    function, variables, n_range, e_range, resolution, decimals, phi, theta, zoom
        The hillside and the camera; see :class:`~scenes.hill.HillLesson`.
    start : (float, float)
        Where the ball starts: a point of the rectangle where f and its slopes are defined.
    learning_rate : float
        eta in ``w <- w - eta * grad f(w)``; positive.
    max_steps : int
        The most steps mathcore takes (1 to 5000).
    tolerance : float
        The length of gradient below which mathcore calls the walk converged.
    ball_radius : float
        In scene units.
    step_time : float
        Seconds per step while the roll fits in ``roll_time``; the first step's seconds after.
    roll_time : float
        The most seconds the roll takes; a longer walk speeds up along the way.
    roll_turn : float
        Degrees the camera turns about the hill while the ball rolls.
    look_turn : float
        Degrees the camera turns at the start, to show the hill's shape.
    inset_size : float
        The longer side of the top view, in scene units.
    view_drop : float
        How far below the hill's centre the camera looks (scene units): lifts the hill on
        screen, clear of the captions, whichever way the camera turns.
    trail_lift : float
        Height of the trail above the surface (scene units), so that no face covers it.
    panel_size : float
        Font size of the rule and the readouts.
    read_time : float
        Seconds of stillness for reading after a caption.
    title, subtitle, caption_width
        See :class:`~scenes.base.LessonMixin`.
    """

    title = "Rolling to the minimum"
    subtitle = "Gradient descent on a hillside"
    zoom = 0.92
    read_time = 1.8
    start: ClassVar[tuple[float, float]] = (2.5, 2.0)
    learning_rate: ClassVar[float] = 0.25
    max_steps: ClassVar[int] = 200
    tolerance: ClassVar[float] = 1e-8
    ball_radius: ClassVar[float] = 0.14
    step_time: ClassVar[float] = 0.4
    roll_time: ClassVar[float] = 7.0
    roll_turn: ClassVar[float] = 40.0
    look_turn: ClassVar[float] = 50.0
    inset_size: ClassVar[float] = 2.8

    view_drop: ClassVar[float] = 0.7
    trail_lift: ClassVar[float] = 0.02
    panel_size: ClassVar[float] = 30

    # -- configuration ----------------------------------------------------------------------
    @classmethod
    def validate(cls) -> None:
        """Raise ``ValueError`` unless the walk can be shown: the hill can be drawn, ``start``
        lies on it where f and its slopes are defined (and f within the drawn heights), and
        the settings are in range."""
        super().validate()
        cls._check_rolling_settings()
        cls.check_point("start")

    @classmethod
    def _check_rolling_settings(cls) -> None:
        name = cls.__name__
        rate = cls.learning_rate
        if not is_real_number(rate) or rate <= 0:
            raise ValueError(f"{name}.learning_rate must be a positive number; got {rate!r}")
        if not is_whole_number(cls.max_steps) or not 1 <= cls.max_steps <= 5000:
            raise ValueError(f"{name}.max_steps must be a whole number from 1 to 5000; got {cls.max_steps!r}")
        if not is_real_number(cls.tolerance) or cls.tolerance <= 0:
            raise ValueError(f"{name}.tolerance must be a positive number; got {cls.tolerance!r}")
        cls.check_numbers((
            ("ball_radius", 0.02, 1.0), ("step_time", 0.02, 10.0), ("roll_time", 0.1, 120.0),
            ("roll_turn", -360.0, 360.0), ("look_turn", -360.0, 360.0), ("inset_size", 1.0, 5.0),
            ("view_drop", -5.0, 5.0), ("trail_lift", 0.0, 0.5), ("panel_size", 12.0, 60.0),
        ))  # fmt: skip

    # -- build --------------------------------------------------------------------------------
    def build(self) -> None:
        super().build()
        self.compute_paths()
        self.formula = MathTex(f"y = {self.field.latex}", font_size=self.panel_size + 4, color=style.FUNCTION)
        fit_width(self.formula, 4.6)  # leaves the top of the frame for the outcome labels
        self.pin_corner(self.formula, UL)
        self.rule = self.make_rule()
        self.rule.next_to(self.formula, DOWN, buff=0.3, aligned_edge=LEFT)
        self.pin(self.rule)
        self.inset = self.make_inset()
        self.step_readout = LiveReadout(r"\text{step}", 0, decimals=0, font_size=self.panel_size)
        self.riders = [self.make_rider(path, ball, trail, label) for path, ball, trail, label in self.walks()]
        self.readouts = VGroup(self.step_readout, *(r.readout for r in self.riders))
        self.readouts.arrange(DOWN, aligned_edge=LEFT, buff=0.22)
        self.readouts.next_to(self.rule, DOWN, buff=0.35, aligned_edge=LEFT)
        for rider in self.riders:
            rider.show(0)
        self.pin(self.readouts)
        self.times = step_times(max(r.shown for r in self.riders), self.step_time, self.roll_time)
        self.labels = self.make_labels()

    def compute_paths(self) -> None:
        """Ask mathcore for the walk(s): ``self.path``, plain gradient descent from ``start``."""
        self.path = self.descend(0.0)

    def descend(self, momentum: float) -> DescentPath:
        """The walk from ``start`` computed by mathcore (errors name this class)."""
        try:
            return gradient_descent(
                self.field, tuple(map(float, self.start)), learning_rate=self.learning_rate, momentum=momentum,
                max_steps=self.max_steps, tolerance=self.tolerance,
            )
        except DomainError as error:
            raise DomainError(f"{type(self).__name__}.start = {self.start!r}: {error}") from None
        except ValueError as error:
            raise ValueError(f"{type(self).__name__}: {error}") from None

    def walks(self) -> list[tuple[DescentPath, Any, Any, str]]:
        """(path, ball colour, trail colour, readout label) of each ball."""
        return [(self.path, style.BALL, style.DESCENT, "f =")]

    def make_rule(self) -> VGroup:
        """The update rule with eta's value, as pinned LaTeX."""
        n, e = self.var_tex
        size = self.panel_size
        rule = MathTex(r"\mathbf{w} \leftarrow \mathbf{w} - \eta\,\nabla f(\mathbf{w})", font_size=size, color=style.INK)
        eta = format_rate(self.learning_rate)
        values = MathTex(rf"\mathbf{{w}} = ({n}, {e}),\quad \eta = {eta}", font_size=size - 4, color=style.INK)
        return VGroup(rule, values).arrange(DOWN, aligned_edge=LEFT, buff=0.15)

    def make_inset(self) -> ContourMap:
        """The top view: the contour map in the upper right corner, pinned to the screen."""
        (n0, n1), (e0, e1) = self.n_range, self.e_range
        scale = self.inset_size / max(n1 - n0, e1 - e0)
        inset = ContourMap(
            self.field, self.n_range, self.e_range,
            width=scale * (n1 - n0), height=scale * (e1 - e0), variables=self.variables,
        )
        return self.pin_corner(inset, UR)

    def make_rider(self, path: DescentPath, ball_color: Any, trail_color: Any, label: str) -> Rider:
        """A ball, its trail on the surface, its path and marker in the top view, and its readout."""
        shown = max(steps_in_view(path.points, path.values, self.n_range, self.e_range, self.value_range[:2]) - 1, 0)
        points = np.asarray(path.points[: shown + 1], dtype=float)
        ends = self.hill.to_scene(points[:, 0], points[:, 1], path.values[: shown + 1])
        flat = self.hill.to_scene(points[:, 0], points[:, 1], np.zeros(len(points)))
        lengths = np.maximum(np.linalg.norm(np.diff(ends, axis=0), axis=1), np.linalg.norm(np.diff(flat, axis=0), axis=1))
        pieces = np.clip(np.ceil(lengths / _TRAIL_PIECE), 1, _MAX_PIECES).astype(int)
        dense, marks = subdivide_steps(points, pieces)
        # Where f is undefined between two steps (a hole), the trail goes straight over it.
        values = np.asarray(self.field.evaluate(dense[:, 0], dense[:, 1]), dtype=float)
        keep = np.isfinite(values)
        keep[marks] = True
        marks = np.cumsum(keep)[marks] - 1
        dense = dense[keep]
        trail = self.hill.path_on_surface(dense, lift=self.trail_lift, color=trail_color, stroke_width=4)
        corners = _corners(trail) if len(dense) > 1 else self.hill.point_at(*dense[0], lift=self.trail_lift)[None, :]
        map_trail = self.inset.path(points, color=trail_color, stroke_width=3)
        map_corners = _corners(map_trail) if len(points) > 1 else self.inset.c2p(*points[0])[None, :]
        readout = LiveReadout(label, float(path.values[0]), self.decimals, color=readable(ball_color), font_size=self.panel_size)
        rider = Rider(
            path=path,
            shown=shown,
            corners=corners,
            marks=np.asarray(marks, dtype=int),
            ball_offset=(self.ball_radius - self.trail_lift) * self.hill.up(),
            map_corners=map_corners,
            ball=ShadedBall(radius=self.ball_radius, color=ball_color),
            trail=trail,
            map_trail=map_trail,
            marker=self.inset.marker(*points[0], color=ball_color, radius=0.07),
            readout=readout,
            number=self.number,
        )
        self.pin(map_trail, rider.marker, readout)
        return rider

    # -- construct ----------------------------------------------------------------------------
    def set_start_view(self) -> None:
        super().set_start_view()
        self.set_camera_orientation(frame_center=[0.0, 0.0, -self.view_drop])

    def construct(self) -> None:
        self.set_start_view()
        self.play_title_card()
        self.introduce_hill()
        self.introduce_balls()
        self.introduce_rule()
        self.roll()
        self.conclude()

    def introduce_hill(self) -> None:
        """The hillside and its formula, then a walk around it."""
        n, e = self.variables
        self.caption(f"The hillside y = f({n}, {e}): its height above each point of the {n}-{e} plane.")
        self.show_hill(run_time=1.0)
        self.play(FadeIn(self.formula), run_time=0.5)
        self.wait(self.read_time * 0.5)
        self.caption("Walking around the hill shows its shape: where it is high and where it is low.")
        self.orbit(self.look_turn, run_time=4.0)

    def introduce_balls(self) -> None:
        """The ball at the start, and the top view with the same start."""
        rider = self.riders[0]
        a, b = (self.number(float(v)) for v in rider.path.points[0])
        n, e = self.variables
        self.caption(f"A ball starts at {n} = {a}, {e} = {b}, where f = {self.number(float(rider.path.values[0]))}. "
                     "Top right: the same hill seen from above.")
        self.play(*(FadeIn(r.ball, scale=0.5) for r in self.riders), FadeIn(self.inset),
                  *(FadeIn(r.marker) for r in self.riders), run_time=0.8)
        self.wait(self.read_time)

    def introduce_rule(self) -> None:
        """The update rule in words and in LaTeX, and the readouts."""
        self.caption("Each step: new point = old point minus the learning rate η times the gradient, "
                     "which points the steepest way up.")
        self.play(FadeIn(self.rule), FadeIn(self.readouts), run_time=0.6)
        self.wait(self.read_time * 1.5)

    def roll(self) -> None:
        """The ball takes its steps while the camera turns; f falls in the readout."""
        self.caption("Step after step the ball rolls downhill. Its trail is drawn on the hill and in the top view.")
        self._roll_between(0.0, float(self.times[-1]), self.roll_turn)

    def _roll_between(self, start: float, end: float, turn: float) -> None:
        """Play the riders' clock from ``start`` to ``end`` seconds while the camera turns ``turn`` degrees."""
        if end <= start:
            self.wait(self.read_time * 0.5)
            return
        self.order_for_roll()
        roll = RollDescent(self.riders, self.times, start, end, self.step_readout)
        self.orbit(turn, run_time=end - start, added_anims=[roll])

    def order_for_roll(self) -> None:
        """Put the scene's mobjects in a drawing order that keeps the rolling frames cheap.

        While the camera moves, the fast camera paints each run of consecutive, unchanged,
        pinned mobjects from one cached picture (cropped to the run's extent) and takes a new
        picture whenever a run's members change. So the still blocks (formula, rules and
        labels at the top left; the caption; the top view) are kept apart, and the digits of
        each readout, which change now and then, form a run of their own, not joined to
        their still label: mobjects drawn in 3-D (axis letters, trails, balls) sit between
        them. The trails stay under the balls; the groups do not overlap on screen, so the
        picture is the same in any order. Everything that moves ends up after the still
        mobjects, which is also what manim wants when the camera stands still.
        """
        n_label, e_label, y_label = self.axis_labels
        readouts = [*(r.readout for r in self.riders), self.step_readout]
        shown = set(self.get_mobject_family_members())
        top_left = [self.formula, self.rule, *(m for m in self.labels if m in shown), *(r.label for r in readouts)]
        caption = [self._caption_mobject] if self._caption_mobject is not None else []
        order = [*top_left, n_label, *caption, e_label, self.inset]
        order += [m for r in self.riders for m in (r.map_trail, r.marker)]
        order += [r.trail for r in self.riders]
        for rider in self.riders:
            order += [rider.readout.number, rider.ball]
        order += [self.step_readout.number, y_label]
        self.add(*order)

    def make_labels(self) -> VGroup:
        """One label per ball: mathcore's status and where the walk ended, in the ball's
        colour, stacked at the top of the frame between the formula and the top view (above
        the hill) and pinned. Each is shown when its walk is over."""
        labels = VGroup(*(
            Text(
                self.label_prefix(r) + outcome_words(r.path, r.shown, self.number),
                font=style.FONT, font_size=24, color=readable(r.ball.color),
            )
            for r in self.riders
        ))
        labels.arrange(DOWN, buff=0.15)
        left = self.formula.get_right()[0] + 0.4
        right = self.inset.get_left()[0] - 0.3
        fit_width(labels, right - left)
        labels.move_to([(left + right) / 2, config.frame_height / 2 - 0.3 - labels.height / 2, 0])
        self.pin(labels)
        return labels

    def label_prefix(self, rider: Rider) -> str:
        """Words before a ball's outcome label (none for a single ball)."""
        return ""

    def conclude(self) -> None:
        """The status label, mathcore's message, and how far f fell."""
        rider = self.riders[0]
        self.play(FadeIn(self.labels[0]), run_time=0.5)
        self.long_caption(rider.path.message)
        self.caption(self.summary(rider))
        self.wait(self.read_time)

    def summary(self, rider: Rider) -> str:
        """How f changed over the steps shown."""
        f0, f1 = float(rider.path.values[0]), float(rider.path.values[rider.shown])
        if rider.shown == 0:
            return f"The ball stays where it is: f = {self.number(f0)}."
        steps = f"In {rider.shown} step{'s' if rider.shown != 1 else ''}"
        if self.number(f0) == self.number(f1):
            return f"{steps} f stayed at {self.number(f0)}."
        return f"{steps} f {'fell' if f1 < f0 else 'rose'} from {self.number(f0)} to {self.number(f1)}."

    def long_caption(self, text: str) -> None:
        """Caption ``text`` in parts of at most two lines, each held for reading."""
        for part in caption_parts(text, self.caption_width):
            self.caption(part)
            self.wait(self.read_time * max(1.0, len(part) / 70))


# -- scene 2: plain steps against momentum -----------------------------------------------------------
class MomentumRace(BallRollsToMinimum):
    """Two balls from the same start: plain gradient descent against descent with momentum.

    Both take step k at the same moment, so the one that needs fewer steps arrives first.
    The default valley is long and narrow: plain steps zigzag across it and creep along it;
    momentum keeps part of each step and runs along the valley.

    Class attributes
    ----------------
    momentum : float
        mu in ``v <- mu v - eta grad f(w); w <- w + v``: the share of its last step the
        second ball keeps, in [0, 1).
    Others
        As for :class:`BallRollsToMinimum` (the same ``start`` and ``learning_rate`` for both).
    """

    title = "Momentum"
    subtitle = "Plain steps against steps that remember"
    function = "0.1*n**2 + 2*e**2"
    learning_rate = 0.45
    roll_time = 9.0
    momentum: ClassVar[float] = 0.6

    @classmethod
    def _check_rolling_settings(cls) -> None:
        super()._check_rolling_settings()
        if not is_real_number(cls.momentum) or not 0 <= cls.momentum < 1:
            raise ValueError(f"{cls.__name__}.momentum must be a number from 0 up to (not including) 1; got {cls.momentum!r}")

    def compute_paths(self) -> None:
        """``self.path`` (plain) and ``self.momentum_path`` from the same start."""
        super().compute_paths()
        self.momentum_path = self.descend(float(self.momentum))

    def walks(self) -> list[tuple[DescentPath, Any, Any, str]]:
        return [
            (self.path, style.BALL, style.DESCENT, r"\text{plain } f ="),
            (self.momentum_path, style.MOMENTUM, style.MOMENTUM, r"\text{momentum } f ="),
        ]

    def make_rule(self) -> VGroup:
        """Both update rules, each in its ball's colour, with eta's and mu's values."""
        n, e = self.var_tex
        size = self.panel_size - 2
        plain = MathTex(r"\mathbf{w} \leftarrow \mathbf{w} - \eta\,\nabla f(\mathbf{w})", font_size=size, color=style.BALL)
        blue = readable(style.MOMENTUM)
        velocity = MathTex(r"\mathbf{v} \leftarrow \mu\,\mathbf{v} - \eta\,\nabla f(\mathbf{w})", font_size=size, color=blue)
        move = MathTex(r"\mathbf{w} \leftarrow \mathbf{w} + \mathbf{v}", font_size=size, color=blue)
        values = MathTex(
            rf"\mathbf{{w}} = ({n}, {e}),\ \eta = {format_rate(self.learning_rate)},\ \mu = {format_rate(self.momentum)}",
            font_size=size - 4, color=style.INK,
        )
        group = VGroup(plain, velocity, move, values).arrange(DOWN, aligned_edge=LEFT, buff=0.14)
        fit_width(group, 3.4)
        return group

    def introduce_balls(self) -> None:
        rider = self.riders[0]
        a, b = (self.number(float(v)) for v in rider.path.points[0])
        n, e = self.variables
        self.caption(f"Two balls start together at {n} = {a}, {e} = {b}. Top right: the hill from above.")
        self.play(*(FadeIn(r.ball, scale=0.5) for r in self.riders), FadeIn(self.inset),
                  *(FadeIn(r.marker) for r in self.riders), run_time=0.8)
        self.wait(self.read_time)

    def introduce_rule(self) -> None:
        self.caption("Yellow takes plain steps against the gradient. Blue keeps a share μ of its last step "
                     "and adds the new one: momentum.")
        self.play(FadeIn(self.rule), FadeIn(self.readouts), run_time=0.6)
        self.wait(self.read_time * 2)

    def roll(self) -> None:
        """Both roll at one pace of steps; each is labelled when its walk ends."""
        self.caption("Both take their steps at the same pace: step k happens at the same moment for both.")
        order = sorted(range(len(self.riders)), key=lambda i: self.riders[i].shown)
        clock, total = 0.0, float(self.times[-1])
        for i in order:
            rider = self.riders[i]
            end = float(self.times[rider.shown])
            turn = self.roll_turn * (end - clock) / total if total > 0 else 0.0
            self._roll_between(clock, end, turn)
            clock = end
            self.play(FadeIn(self.labels[i]), run_time=0.4)
            self.long_caption(self.rider_name(rider) + ": " + lower_first(rider.path.message))
            if end < total:
                self.caption(f"{self.rider_name(self.riders[order[-1]])} still has steps to take.", run_time=0.3)

    def rider_name(self, rider: Rider) -> str:
        return "The plain ball" if rider.path.momentum == 0 else "The ball with momentum"

    def label_prefix(self, rider: Rider) -> str:
        return "plain: " if rider.path.momentum == 0 else f"momentum {rider.path.momentum:g}: "

    def conclude(self) -> None:
        """The step counts side by side."""
        self.caption(race_summary(self.path, self.momentum_path))
        self.wait(self.read_time * 1.5)


def race_summary(plain: DescentPath, momentum: DescentPath) -> str:
    """One or two sentences comparing the steps the two walks needed (from their paths)."""
    def needed(path: DescentPath) -> str:
        if path.status == "converged":
            return f"{path.steps} step{'s' if path.steps != 1 else ''}"
        return f"{path.steps} steps and did not settle ({STATUS_WORDS[path.status]})"

    text = f"Plain descent needed {needed(plain)}; with momentum {momentum.momentum:g} it needed {needed(momentum)}."
    if plain.status == momentum.status == "converged" and momentum.steps > 0:
        if momentum.steps < plain.steps:
            text += f" That is {plain.steps / momentum.steps:.1f} times fewer steps with momentum."
        elif momentum.steps > plain.steps:
            text += " Here momentum was slower: it overshoots and swings back."
    return text


def readable(color: Any) -> ManimColor:
    """``color`` for text on the dark background: a dark colour (the momentum blue) is
    lightened towards white until it reads well; light colours are kept."""
    color = ManimColor(color)
    linear = np.where((rgb := np.asarray(color.to_rgb())) <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    luminance = float(linear @ [0.2126, 0.7152, 0.0722])  # relative luminance (WCAG)
    return color if luminance >= 0.2 else interpolate_color(color, WHITE, 0.3)


def _corners(path: VMobject) -> np.ndarray:
    """The corner points of a polyline made by ``set_points_as_corners``."""
    return np.vstack([path.get_start_anchors(), path.get_end_anchors()[-1:]])
