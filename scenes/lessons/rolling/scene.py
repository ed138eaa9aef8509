"""Gradient descent on the hillside: a ball rolls along the steps that mathcore computes.

:class:`BallRollsToMinimum` puts a ball at ``start`` on the hill z = f(n, e) and lets it take
the steps of :func:`mathcore.gradient_descent`, ``w <- w - eta * grad f(w)``, while the
camera walks around the hill. Its trail lies on the surface; a top view (a contour map in the
side panel) draws the same path; the value of f changes in a readout; the end is labelled
with the walk's status in its colour. :class:`MomentumRace` starts a second ball at the same
point that keeps part of its last step (momentum), step for step with the first.

Every caption (and the title, unless a subclass sets one) is written from the walk's facts
(:mod:`scenes.lessons.rolling.facts`, :mod:`scenes.lessons.rolling.captions`): a walk that diverges at once, a
flat start, a saddle, a minimum outside the picture or racers that coincide are told as
they are. Render with::

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

from typing import Annotated, Any, ClassVar

from manim import FadeIn, linear, smooth

from mathcore import DescentPath, DomainError, gradient_descent

from scenes.kit import style
from scenes.kit.lesson import rendered_from
from scenes.lessons.common.hill import HillLesson
from scenes.kit.pacing import MAX_SECONDS, reading_time
from scenes.parts.walk.descent_walk import RollDescent, step_times
from scenes.lessons.rolling.captions import (
    Digits,
    Line,
    exact_number,
    hill_lines,
    outcome_label,
    outcome_lines,
    race_roll_line,
    race_rule_lines,
    race_start_lines,
    race_subtitle,
    race_summary,
    roll_line,
    rule_lines,
    start_lines,
    summary_line,
    title_for,
    value_decimals,
)
from scenes.lessons.rolling.facts import RaceFacts, race_facts, walk_facts
from scenes.lessons.rolling.panel import RollingPanel, colour_name
from scenes.kit.settings import Setting

__all__ = ["BallRollsToMinimum", "MomentumRace"]


# -- scene 1: one ball ---------------------------------------------------------------------------------
@rendered_from("scenes.rolling")
class BallRollsToMinimum(RollingPanel, HillLesson):
    """A ball rolls on the hill along the steps of gradient descent.

    The story: the hillside, seen from walking around it; the ball at ``start`` and the top
    view; the update rule with eta's value; the roll (trail on the surface and in the top
    view, f in a readout, the step count rising) while the camera turns; how the walk ended,
    labelled in its status colour, and how f changed. Left at its default, the title says
    what the walk does ("Rolling to a minimum", "A walk that diverges", ...).
    """

    captions_last = True  # a large still cast: a caption swap redraws only the captions

    title = "Rolling down a hillside"
    subtitle = "Gradient descent on a hillside"
    start: ClassVar[Annotated[tuple[float, float], Setting("where the ball starts (n, e): inside n_range and e_range", low=-1e6, high=1e6)]] = (2.5, 2.0)
    learning_rate: ClassVar[Annotated[float, Setting("eta in w <- w - eta * grad f(w)", low=1e-6, high=100)]] = 0.25
    max_steps: ClassVar[Annotated[int, Setting("the most steps mathcore takes", low=1, high=5000)]] = 200
    tolerance: ClassVar[Annotated[float, Setting("the walk has converged once the gradient is this short", above=0, high=1)]] = 1e-8
    ball_radius: ClassVar[Annotated[float, Setting("radius of the ball, in scene units", low=0.02, high=1)]] = 0.14
    step_time: ClassVar[Annotated[float, Setting("seconds per step while the roll fits in roll_time", low=0.02, high=10)]] = 0.4
    roll_time: ClassVar[Annotated[float, Setting("the most seconds the roll takes (a longer walk speeds up)", low=0.1, high=60)]] = 7.0
    roll_turn: ClassVar[Annotated[float, Setting("degrees the camera turns while the ball rolls", low=-360, high=360)]] = -30.0
    look_turn: ClassVar[Annotated[float, Setting("degrees the camera turns at the start, to show the hill", low=-360, high=360)]] = 30.0
    inset_size: ClassVar[Annotated[float, Setting("the longer side of the top view, in scene units", low=1, high=5)]] = 2.8
    trail_lift: ClassVar[Annotated[float, Setting("height of the trail above the surface (scene units)", low=0, high=0.5)]] = 0.02
    panel_size: ClassVar[Annotated[float, Setting("font size of the rule and the readouts", low=24, high=60)]] = 34

    #: Classes whose own title and subtitle are replaced by ones written from the facts.
    _FACT_TITLED: ClassVar[tuple[str, ...]] = ("BallRollsToMinimum", "MomentumRace")

    # -- configuration ----------------------------------------------------------------------
    @classmethod
    def check(cls) -> None:
        """``start`` lies on the drawn hill where f and its slopes are defined. The work is
        bounded by the declared settings: at most 5000 steps, a roll of at most 60 s."""
        super().check()
        cls.check_point("start")

    # -- build --------------------------------------------------------------------------------
    def build(self) -> None:
        super().build()
        self.compute_paths()
        low, high = self.value_range[:2]
        self.digits = Digits(self.decimals, value_decimals(high - low, self.decimals))
        self.eta_text = exact_number(self.learning_rate)[0]
        self.build_panel()
        self.times = step_times(max(r.shown for r in self.riders), self.step_time, self.roll_time)
        self.walks_facts = [r.facts for r in self.riders]
        self.title_line = self.make_title_line()
        if self.fact_titled():
            self.title, self.subtitle = self.title_line.text, self.fact_subtitle()

    def fact_titled(self) -> bool:
        """True unless a subclass (or a course file) set its own title."""
        owner = next(k for k in type(self).__mro__ if "title" in vars(k))
        return owner.__name__ in self._FACT_TITLED and vars(owner).get("_written_in") == __name__

    def make_title_line(self) -> Line:
        return title_for(self.riders[0].facts)

    def fact_subtitle(self) -> str:
        return type(self).subtitle

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

    def walks(self) -> list[tuple[DescentPath, Any, Any, str]]:
        """(path, ball colour, trail colour, readout label) of each ball."""
        return [(self.path, style.BALL, style.DESCENT, "f =")]

    # -- construct ----------------------------------------------------------------------------
    def say(self, line: Line | None, run_time: float = 0.4) -> None:
        """Caption ``line`` with its facts (nothing for None)."""
        if line is not None:
            self.caption(line.text, run_time=run_time, facts=line.facts)

    def play_title_card(self, hold: float = 0.0) -> None:
        """The title card; its caption carries the facts a fact-written title claims."""
        before = len(self.beats)
        super().play_title_card(hold)
        for beat in self.beats[before:]:
            beat.facts = self.title_line.facts

    def camera_views(self) -> list[tuple[float, float]]:
        """The start view, after the look around, and after the roll's turn."""
        look = self.theta + self.look_turn
        return [(self.phi, self.theta), (self.phi, look), (self.phi, look + self.roll_turn)]

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
        first, second = hill_lines(self.variables, self.y_name)
        self.say(first)
        self.show_hill(run_time=1.0)
        self.play(FadeIn(self.formula), run_time=0.5)
        self.say(second)
        self.orbit(self.look_turn, run_time=4.0)

    def introduce_balls(self) -> None:
        """The ball at the start, and the top view with the same start."""
        first, second = start_lines(self.riders[0].facts, self.digits)
        self.say(first)
        self.play(*(FadeIn(r.ball, scale=0.5) for r in self.riders), run_time=0.8)
        self.say(second)
        self.play(FadeIn(self.inset), *(FadeIn(r.marker) for r in self.riders), run_time=0.8)

    def introduce_rule(self) -> None:
        """The update rule in words and in LaTeX, and the readouts."""
        first, second = rule_lines(self.eta_text)
        self.say(first)
        self.play(FadeIn(self.rule), FadeIn(self.readouts), run_time=0.6)
        self.say(second)

    def roll(self) -> None:
        """The ball takes its steps while the camera turns."""
        self.say(roll_line(self.riders[0].facts, self.digits))
        self.roll_between(0.0, float(self.times[-1]), self.roll_turn)

    def roll_between(self, start: float, end: float, turn: float) -> None:
        """Play the riders' clock from ``start`` to ``end`` seconds while the camera turns
        ``turn`` degrees. A caption that would stay up longer than a caption may is cleared
        on the way (the roll goes on without it)."""
        if end <= start:
            return
        self.order_for_roll()
        beat = self._open_beat
        left = MAX_SECONDS - 0.3 - (self.time - beat.start) if beat is not None else end - start
        middle = start + max(left, reading_time(beat.text) - (self.time - beat.start) if beat else 0.0)
        rate = smooth
        if start < middle < end:
            rate = linear
            self.orbit(turn * (middle - start) / (end - start), run_time=middle - start, rate_func=linear,
                       added_anims=[RollDescent(self.riders, self.times, start, middle, self.step_readout)])
            self.clear_caption()
            turn, start = turn * (end - middle) / (end - start), middle
        roll = RollDescent(self.riders, self.times, start, end, self.step_readout)
        self.orbit(turn, run_time=end - start, added_anims=[roll], rate_func=rate)

    def conclude(self) -> None:
        """How the walk ended (label and captions) and how f changed."""
        rider = self.riders[0]
        self.play(FadeIn(self.labels[0]), run_time=0.5)
        for line in outcome_lines(rider.facts, self.digits):
            self.say(line)
        self.say(summary_line(rider.facts, self.digits))
        self.hold()

    def label_text(self, index: int) -> str:
        return outcome_label(self.riders[index].facts, self.digits)


# -- scene 2: plain steps against momentum -----------------------------------------------------------
@rendered_from("scenes.rolling")
class MomentumRace(BallRollsToMinimum):
    """Two balls from the same start: plain gradient descent against descent with momentum.

    Both take step k at the same moment, so the one that needs fewer steps arrives first.
    The default valley is long and narrow: plain steps zigzag across it and creep along it;
    momentum keeps part of each step and runs along the valley. The momentum ball is drawn
    a little larger, under the plain one, so both stay visible where they meet; with
    ``momentum = 0`` the two walks are one, and the lesson says so.
    """

    title = "Momentum"
    subtitle = "Plain steps against steps that remember"
    function = "0.1*n**2 + 2*e**2"
    learning_rate = 0.45
    roll_time = 9.0
    momentum: ClassVar[Annotated[float, Setting("mu: the share of its last step the second ball keeps", low=0, below=1)]] = 0.6

    def build(self) -> None:
        self.names = tuple(colour_name(c) for c in (style.BALL, style.MOMENTUM))
        super().build()
        self.mu_text = exact_number(self.momentum)[0]
        plain, heavy = self.riders
        span = max(self.n_range[1] - self.n_range[0], self.e_range[1] - self.e_range[0])
        self.race: RaceFacts = race_facts(plain.facts, heavy.facts, plain.path.points, heavy.path.points, span)
        if self.fact_titled():
            self.subtitle = race_subtitle(self.race, self.mu_text)

    def make_title_line(self) -> Line:
        return Line(type(self).title)

    def compute_paths(self) -> None:
        """``self.path`` (plain) and ``self.momentum_path`` from the same start."""
        super().compute_paths()
        self.momentum_path = self.descend(float(self.momentum))

    def walks(self) -> list[tuple[DescentPath, Any, Any, str]]:
        return [
            (self.path, style.BALL, style.DESCENT, r"\text{plain } f ="),
            (self.momentum_path, style.MOMENTUM, style.MOMENTUM, r"\text{momentum } f ="),
        ]

    def introduce_balls(self) -> None:
        first, second = race_start_lines(self.race, self.digits, self.names)
        self.say(first)
        # Later (larger) balls first, so each earlier ball is drawn over them and stays seen.
        self.play(*(FadeIn(r.ball, scale=0.5) for r in reversed(self.riders)), FadeIn(self.inset),
                  *(FadeIn(r.marker) for r in reversed(self.riders)), run_time=0.8)
        self.say(second)

    def introduce_rule(self) -> None:
        lines = race_rule_lines(self.race, self.names, self.eta_text, self.mu_text)
        self.say(lines[0])
        self.play(FadeIn(self.rule), FadeIn(self.readouts), run_time=0.6)
        for line in lines[1:]:
            self.say(line)

    def roll(self) -> None:
        """Both roll at one pace of steps; each is labelled when its walk ends."""
        self.say(race_roll_line(self.race))
        together = self.race.coincide and self.race.momentum == 0
        order = sorted(range(len(self.riders)), key=lambda i: self.riders[i].shown)
        clock, total = 0.0, float(self.times[-1])
        for place, i in enumerate(order):
            rider = self.riders[i]
            end = float(self.times[rider.shown])
            turn = self.roll_turn * (end - clock) / total if total > 0 else 0.0
            self.roll_between(clock, end, turn)
            clock = end
            if together:
                self.play(*(FadeIn(label) for label in self.labels), run_time=0.4)
                for line in outcome_lines(rider.facts, self.digits, subject="Both balls"):
                    self.say(line)
                return
            self.play(FadeIn(self.labels[i]), run_time=0.4)
            for line in outcome_lines(rider.facts, self.digits, subject=self.names[i]):
                self.say(line)
            if end < total and place == 0:
                self.say(Line(f"{self.names[order[-1]]} still has steps to take."), run_time=0.3)

    def label_text(self, index: int) -> str:
        name = self.names[index].lower()
        return f"{name}: " + outcome_label(self.riders[index].facts, self.digits)

    def conclude(self) -> None:
        """The step counts side by side."""
        self.say(race_summary(self.race, self.mu_text))
        self.hold()
