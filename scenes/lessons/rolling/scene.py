"""Gradient descent on the hillside: a ball rolls along the steps that mathcore computes.

:class:`BallRollsToMinimum` puts a ball at ``start`` on the hill z = f(n, e) and lets it take
the steps of :func:`mathcore.gradient_descent`, ``w <- w - eta * grad f(w)``, while the
camera walks around the hill. Its trail lies on the surface; a top view (a contour map in the
side panel) draws the same path; the value of f changes in a readout; the end is labelled
with the walk's status in its colour. :class:`MomentumRace` starts a second ball at the same
point that keeps part of its last step (momentum), step for step with the first.

The view is widened to hold the whole walk (``fit_walk``, up to twice the range each way); a
walk that needs more is drawn up to where it leaves the map and told so. Every caption (and
the title, unless a subclass sets one) is written from the walk's facts
(:mod:`scenes.lessons.rolling.facts`, :mod:`scenes.lessons.rolling.captions`). Both scenes hold
their cast (:class:`~scenes.lessons.rolling.panel.RollingPanel`) and share the roll
(:mod:`scenes.lessons.rolling.roll`). Render with::

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

from typing import ClassVar

from manim import FadeIn

from scenes.kit import style
from scenes.kit.lesson import rendered_from
from scenes.lessons.common.hill import HillLesson
from scenes.lessons.rolling import captions as say
from scenes.lessons.rolling.captions import RACE_PARTS, ROLL_PARTS, Line
from scenes.lessons.rolling.facts import race_facts
from scenes.lessons.rolling.panel import colour_name
from scenes.lessons.rolling.roll import build_cast, frame_walks, name_end, roll_between, walks_for
from scenes.lessons.rolling.settings import (
    BallRadius, FitWalk, InsetSize, LearningRate, LookTurn, MaxSteps, Momentum, PanelSize, RollTime, RollTurn, Start,
    StepTime, Tolerance, TrailLift,
)

__all__ = ["BallRollsToMinimum", "MomentumRace", "RollingLesson"]

#: Classes whose own title and subtitle are replaced by ones written from the facts.
_FACT_TITLED = ("BallRollsToMinimum", "MomentumRace")


def _fact_titled(scene: HillLesson) -> bool:
    """True unless a subclass (or a course file) set its own title."""
    owner = next(k for k in type(scene).__mro__ if "title" in vars(k))
    return owner.__name__ in _FACT_TITLED and vars(owner).get("_written_in") == __name__


# -- scene 1: one ball ---------------------------------------------------------------------------------
class RollingLesson(HillLesson):
    """What both rolling lessons share (not a lesson itself): the settings of a walk on the
    hill and of its cast, the check of ``start``, the framing and the opening on the hill."""

    captions_last = True  # a large still cast: a caption swap redraws only the captions

    start: ClassVar[Start] = (2.5, 2.0)
    max_steps: ClassVar[MaxSteps] = 200
    tolerance: ClassVar[Tolerance] = 1e-8
    fit_walk: ClassVar[FitWalk] = True
    ball_radius: ClassVar[BallRadius] = 0.14
    step_time: ClassVar[StepTime] = 0.4
    #: The walk around ends looking nearly from the south (north up the screen, east to the
    #: right, as on the top view) while the ball starts; the roll turns back to the start view.
    roll_turn: ClassVar[RollTurn] = 20.0
    look_turn: ClassVar[LookTurn] = -20.0
    inset_size: ClassVar[InsetSize] = 2.8
    trail_lift: ClassVar[TrailLift] = 0.02
    panel_size: ClassVar[PanelSize] = 34

    @classmethod
    def check(cls) -> None:
        """``start`` lies on the drawn hill where f and its slopes are defined. The work is
        bounded by the declared settings: at most 5000 steps, a roll of at most 60 s."""
        super().check()
        cls.check_point("start")

    def hill_zone(self):
        """The hill keeps left of the side panel."""
        return self.zones.plot

    def camera_views(self) -> list[tuple[float, float]]:
        """The start view, after the look around, and after the roll's turn."""
        look = self.theta + self.look_turn
        return [(self.phi, self.theta), (self.phi, look), (self.phi, look + self.roll_turn)]

    def say(self, line: Line | None, run_time: float = 0.4) -> None:
        """Caption ``line`` with its facts (nothing for None)."""
        if line is not None:
            self.caption(line, run_time=run_time)

    def introduce_hill(self) -> None:
        """The hillside and its formula, then a walk around it."""
        first, second = say.hill_lines(self.variables, self.y_name)
        self.say(first)
        self.show_hill(run_time=1.0)
        self.play(FadeIn(self.panel.formula), run_time=0.5)
        self.say(second)
        self.orbit(self.look_turn, run_time=4.0)


@rendered_from("scenes.rolling")
class BallRollsToMinimum(RollingLesson):
    """A ball rolls on the hill along the steps of gradient descent.

    The story: the hillside, seen from walking around it; the ball at ``start`` and the top
    view; the update rule with eta's value; the roll (trail on the surface and in the top
    view, f in a readout, the step count rising) while the camera turns; how the walk ended,
    labelled in its status colour, and how f changed. Left at its default, the title says
    what the walk does ("Rolling to a minimum", "A walk that diverges", ...).
    """

    title = "Rolling down a hillside"
    subtitle = "Gradient descent on a hillside"
    learning_rate: ClassVar[LearningRate] = 0.25
    roll_time: ClassVar[RollTime] = 7.0

    # -- build --------------------------------------------------------------------------------
    def build(self) -> None:
        """The walk, the view that holds it, the hill, the cast and the title's facts."""
        self.path = walks_for(self, self.make_field(), (0.0,))[0]
        frame_walks(self, [self.path])
        super().build()
        build_cast(self, [self.path], [style.BALL], ["f ="])
        self.title_line = say.title_for(self.riders[0].facts)
        if _fact_titled(self):
            self.title = self.title_line.text
        facts = self.riders[0].facts
        label = say.outcome_label(facts, self.digits)
        self.pin(*self.panel.pinned, self.panel.make_labels([("", None, label, style.status_color(facts.shown_status))]))

    # -- construct ----------------------------------------------------------------------------

    #: The lesson's parts in order (chapters), from its captions module.
    parts = ROLL_PARTS

    def construct(self) -> None:
        hill, rule, roll, end = self.parts
        self.set_start_view()
        self.begin_part(hill)
        self.play_title_card(facts=self.title_line.facts)
        self.introduce_hill()
        self.introduce_balls()
        self.begin_part(rule)
        self.introduce_rule()
        self.begin_part(roll)
        self.roll()
        self.begin_part(end)
        self.conclude()

    def introduce_balls(self) -> None:
        """The ball at the start, and the top view with the same start."""
        first, second = say.start_lines(self.riders[0].facts, self.digits)
        self.beat(first, *(FadeIn(r.ball, scale=0.5) for r in self.riders), run_time=0.8)
        self.beat(second, FadeIn(self.panel.inset), *(FadeIn(r.marker) for r in self.riders), run_time=0.8)

    def introduce_rule(self) -> None:
        """The update rule in words and in LaTeX, and the readouts."""
        first, second = say.rule_lines(say.exact_number(self.learning_rate)[0])
        self.beat(first, FadeIn(self.panel.rule), FadeIn(self.panel.readouts), run_time=0.6)
        self.say(second)

    def roll(self) -> None:
        """The ball takes its steps while the camera turns."""
        self.say(say.roll_line(self.riders[0].facts, self.digits))
        roll_between(self, 0.0, float(self.times[-1]), self.roll_turn)

    def conclude(self) -> None:
        """How the walk ended (label and captions) and how f changed."""
        facts = self.riders[0].facts
        name_end(self, self.riders[0])
        self.play(FadeIn(self.panel.labels[0]), run_time=0.5)
        for line in say.outcome_lines(facts, self.digits, first_step_told=facts.steps > 0 and facts.shown == 0):
            self.say(line)
        self.say(say.summary_line(facts, self.digits))
        self.hold()


# -- scene 2: plain steps against momentum -----------------------------------------------------------
@rendered_from("scenes.rolling")
class MomentumRace(RollingLesson):
    """Two balls from the same start: plain gradient descent against descent with momentum.

    Both take step k at the same moment, so the one that needs fewer steps arrives first.
    The default valley is long and narrow: plain steps zigzag across it and creep along it;
    momentum keeps part of each step and runs along the valley. The momentum ball is drawn
    a little larger, under the plain one, so both stay visible where they meet; when the two
    walks are one (``momentum = 0``, or a walk momentum does not change by a pixel), the
    lesson says so.
    """


    title = "Momentum"
    subtitle = "Plain steps against steps that remember"
    function = "0.1*n**2 + 2*e**2"
    learning_rate: ClassVar[LearningRate] = 0.45
    momentum: ClassVar[Momentum] = 0.6
    roll_time: ClassVar[RollTime] = 9.0

    def build(self) -> None:
        """Both walks, the view that holds them, the hill, the cast and the race's facts."""
        colors = (style.BALL, style.MOMENTUM)
        self.names = tuple(colour_name(c) for c in colors)
        self.path, self.momentum_path = walks_for(self, self.make_field(), (0.0, float(self.momentum)))
        frame_walks(self, [self.path, self.momentum_path])
        super().build()
        labels = (r"\text{plain } f =", r"\text{momentum } f =")
        build_cast(self, [self.path, self.momentum_path], colors, labels, momentum=float(self.momentum))
        self.mu_text = say.exact_number(self.momentum)[0]
        span = max(self.n_range[1] - self.n_range[0], self.e_range[1] - self.e_range[0])
        plain, heavy = self.riders
        racers = tuple(f"{name} ball" for name in self.names)
        self.race = race_facts(plain.facts, heavy.facts, plain.path, heavy.path, span, racers)
        if _fact_titled(self):
            self.subtitle = say.race_subtitle(self.race, self.mu_text)
        rows = [
            (f"{name.lower()}:", color, say.outcome_label(r.facts, self.digits), style.status_color(r.facts.shown_status))
            for name, color, r in zip(self.names, colors, self.riders)
        ]
        self.pin(*self.panel.pinned, self.panel.make_labels(rows))

    #: The lesson's parts in order (chapters), from its captions module.
    parts = RACE_PARTS

    def construct(self) -> None:
        hill, rule, race, counts = self.parts
        self.set_start_view()
        self.begin_part(hill)
        self.play_title_card(facts=say.title_facts(self.race))
        self.introduce_hill()
        self.introduce_balls()
        self.begin_part(rule)
        self.introduce_rule()
        self.begin_part(race)
        self.roll()
        self.begin_part(counts)
        self.conclude()

    def introduce_balls(self) -> None:
        first, second = say.race_start_lines(self.race, self.digits, self.names)
        # Later (larger) balls first, so each earlier ball is drawn over them and stays seen.
        self.beat(first, *(FadeIn(r.ball, scale=0.5) for r in reversed(self.riders)), FadeIn(self.panel.inset),
                  *(FadeIn(r.marker) for r in reversed(self.riders)), run_time=0.8)
        self.say(second)

    def introduce_rule(self) -> None:
        lines = say.race_rule_lines(self.race, self.names, say.exact_number(self.learning_rate)[0], self.mu_text)
        self.beat(lines[0], FadeIn(self.panel.rule), FadeIn(self.panel.readouts), run_time=0.6)
        for line in lines[1:]:
            self.say(line)

    def roll(self) -> None:
        """Both roll at one pace of steps; each is labelled when its walk ends."""
        self.say(say.race_roll_line(self.race))
        together = self.race.coincide and self.race.momentum == 0
        order = sorted(range(len(self.riders)), key=lambda i: self.riders[i].shown)
        clock, total = 0.0, float(self.times[-1])
        for place, i in enumerate(order):
            rider = self.riders[i]
            name_end(self, rider)
            end = float(self.times[rider.shown])
            turn = self.roll_turn * (end - clock) / total if total > 0 else 0.0
            roll_between(self, clock, end, turn)
            clock = end
            if together:
                self.play(*(FadeIn(label) for label in self.panel.labels), run_time=0.4)
                for line in say.outcome_lines(rider.facts, self.digits, subject="Both balls"):
                    self.say(line)
                return
            self.play(FadeIn(self.panel.labels[i]), run_time=0.4)
            for line in say.outcome_lines(rider.facts, self.digits, subject=self.names[i]):
                self.say(line)
            if end < total and place == 0:
                self.say(say.still_rolling_line(self.names[order[-1]], self.race), run_time=0.3)

    def conclude(self) -> None:
        """The step counts side by side."""
        self.say(say.race_summary(self.race, self.mu_text))
        self.hold()
