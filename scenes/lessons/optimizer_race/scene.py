"""Optimizers race on one hillside: several update rules from the same start.

:class:`OptimizerRace` starts one ball per ``(name, learning_rate)`` of ``optimizers`` at
``start`` on the hill z = f(n, e), each taking the steps of its optimizer
(:func:`mathcore.descent.descend` with :func:`mathcore.optimizers.make_optimizer`). Every
racer has its own colour, trail on the hill, path on the contour map and readout of f;
all take step k at the same moment, so fewer steps means sooner there. When a walk is over,
a label in the title band says how it ended, in the colour of its status. The captions,
written from the walks' facts (:mod:`scenes.lessons.optimizer_race.facts`), say who arrives
first, who stalls on a plateau, who overshoots, who diverges and which racers coincide.

The default hill is a plateau around a narrow valley: plain steps, scaled by the gentle
slope, barely move (SGD stalls); momentum gathers speed, overshoots and gets there after
236 steps; Adam's steps keep their size, and it arrives first, after 112.
Render with::

    manim -qh scenes/optimizers.py OptimizerRace

A variant is a subclass::

    class RosenbrockRace(OptimizerRace):
        function = "(1 - n)**2 + 5*(e - n**2)**2"   # a curved valley
        n_range = (-2.0, 2.0)
        e_range = (-1.0, 3.0)
        start = (-1.5, 2.0)
        optimizers = (("sgd", 0.02), ("momentum", 0.02), ("adam", 0.1))
"""

from __future__ import annotations

from dataclasses import fields, replace
from typing import ClassVar

from manim import FadeIn

from scenes.kit.lesson import rendered_from
from scenes.kit.theme import colour_word
from scenes.lessons.optimizer_race import captions as say
from scenes.lessons.optimizer_race.captions import PARTS, RuleFacts
from scenes.lessons.optimizer_race.cast import RACER_COLORS, fitted_panel_size, race_walks, readout_label, start_tex, status_labels
from scenes.lessons.optimizer_race.facts import display_names, race_facts, racer_facts
from scenes.lessons.optimizer_race.settings import Optimizers, check_names
from scenes.lessons.rolling.roll import build_cast, frame_walks, roll_between
from scenes.lessons.rolling.scene import RollingLesson
from scenes.lessons.rolling.settings import RollTime

from mathcore.optimizers import make_optimizer

__all__ = ["OptimizerRace"]


@rendered_from("scenes.optimizers")
class OptimizerRace(RollingLesson):
    """Several optimizers from one start on one hill (see the module docstring).

    The story: the hill and the racers at their common start; each racer's rule in words;
    the race, each racer labelled and told when its walk ends; then how they compare.
    """

    title = "An optimizer race"
    subtitle = ""
    function = "1 - exp(-(0.2*n**2 + 2*e**2))"
    start = (2.5, 2.0)
    optimizers: ClassVar[Optimizers] = (("sgd", 0.2), ("momentum", 0.2), ("adam", 0.1))
    max_steps = 300
    roll_time: ClassVar[RollTime] = 10.0
    ball_radius = 0.11

    @classmethod
    def check(cls) -> None:
        """Every racer names one of mathcore's optimizers; then the rolling lessons'
        checks (``start`` on the drawn hill)."""
        check_names(f"{cls.__name__}.optimizers", tuple(cls.optimizers))
        super().check()

    # -- build --------------------------------------------------------------------------------
    def build(self) -> None:
        """The walks, the view that holds them, the hill, the cast and the race's facts."""
        self.names = display_names(self.optimizers)
        self.paths = race_walks(self, self.make_field())
        frame_walks(self, self.paths)
        super().build()
        colors = RACER_COLORS[: len(self.paths)]
        self.panel_size = fitted_panel_size(self, self.names, self.paths)
        build_cast(self, self.paths, colors, [readout_label(n) for n in self.names], rule=start_tex(self.var_tex, self.start))
        span = max(self.n_range[1] - self.n_range[0], self.e_range[1] - self.e_range[0])
        racers = [
            racer_facts(name, key, r.path, self.field, self.n_range, self.e_range, self.value_range[:2], r.shown)
            for name, (key, _), r in zip(self.names, self.optimizers, self.riders)
        ]
        self.race = race_facts(racers, self.paths, span)
        for rider, racer in zip(self.riders, racers):
            rider.racer = racer
        if not self.subtitle and self.title == OptimizerRace.title:
            self.subtitle = say.subtitle_for(self.race)
        statuses = ["converged" if r.arrived else r.walk.shown_status for r in racers]
        words = [say.outcome_label(r) for r in racers]
        self.pin(*self.panel.pinned, status_labels(self.panel, self.names, colors, words, statuses))
        for name, rider in zip(self.names, self.riders):
            self.name_in_picture(name.lower(), rider.ball, coords=rider.place)

    def rules(self) -> list[RuleFacts]:
        """Each racer's optimizer and its settings, as mathcore made it."""
        made = [make_optimizer(key, float(rate)) for key, rate in self.optimizers]
        return [
            RuleFacts(name, opt.name, opt.learning_rate, tuple((f.name, getattr(opt, f.name)) for f in fields(opt) if f.name != "learning_rate"))
            for name, opt in zip(self.names, made)
        ]

    # -- construct ----------------------------------------------------------------------------
    #: The lesson's parts in order (chapters), from its captions module.
    parts = PARTS

    def construct(self) -> None:
        hill, rules, race, compare = self.parts
        self.set_start_view()
        self.begin_part(hill)
        self.play_title_card(facts=say.NO_FACTS)
        self.introduce_hill()
        self.introduce_racers()
        self.begin_part(rules)
        self.introduce_rules()
        self.begin_part(race)
        self.roll()
        self.begin_part(compare)
        self.conclude()

    def introduce_racers(self) -> None:
        lines = say.start_lines(self.race, self.digits, [colour_word(c) for c in RACER_COLORS[: len(self.riders)]])
        # Later (larger) balls first, so each earlier ball is drawn over them and stays seen.
        self.beat(lines[0], *(FadeIn(r.ball, scale=0.5) for r in reversed(self.riders)), FadeIn(self.panel.inset),
                  *(FadeIn(r.marker) for r in reversed(self.riders)), run_time=0.8)
        for line in lines[1:]:
            self.say(line)

    def introduce_rules(self) -> None:
        """Each racer's rule in words; the panel with the start and the readouts."""
        lines = [say.rule_line(rule) for rule in self.rules()]
        self.beat(lines[0], FadeIn(self.panel.rule), FadeIn(self.panel.readouts), run_time=0.6)
        for line in lines[1:]:
            self.say(line)

    def roll(self) -> None:
        """All roll at one pace of steps; each racer is labelled and told when its walk ends
        or, for one that arrives, when it gets within a pixel of the bottom."""
        self.say(say.roll_line(self.race))
        moments = [r.racer.arrival if r.racer.arrived else r.shown for r in self.riders]
        clock, total = 0.0, float(self.times[-1])
        for i in sorted(range(len(self.riders)), key=lambda i: moments[i]):
            rider, group = self.riders[i], self.race.group_of(i)
            self.name_end(rider)
            clock = self.roll_to(clock, float(self.times[moments[i]]), total)
            self.play(FadeIn(self.panel.labels[i]), run_time=0.4)
            if i == group[0]:  # racers that take one walk are told of once, together
                subject = " and ".join(self.names[j] for j in group) if len(group) > 1 else None
                for line in say.race_lines(rider.racer, self.digits, subject=subject):
                    self.say(line)
        self.roll_to(clock, total, total)

    def name_end(self, rider) -> None:
        """Name ``rider``'s ball, where its walk ends, by the kind of point it reached there
        and by the racer ("adam minimum": a caption about "the minimum" needs one shown,
        and naming one racer's ball never moves another's name)."""
        racer, facts = rider.racer, rider.facts
        kind = racer.near if racer.near else facts.kind if facts.in_range and not facts.left_picture else None
        if kind:
            self.name_in_picture(f"{racer.name.lower()} {kind}", rider.ball)

    def roll_to(self, clock: float, end: float, total: float) -> float:
        """Roll from ``clock`` to ``end`` seconds of the race, the camera turning its share."""
        turn = self.roll_turn * (end - clock) / total if total > 0 else 0.0
        roll_between(self, clock, end, turn)
        return max(clock, end)

    def conclude(self) -> None:
        """How the racers compare."""
        if self.race.first:  # its ball is named "<racer> minimum" since it arrived
            self.race = replace(self.race, visible=self.race.visible | {"minimum"})
        for line in say.summary_lines(self.race, self.digits):
            self.say(line)
        self.hold()
