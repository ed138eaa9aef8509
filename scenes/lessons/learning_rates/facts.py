"""The facts of :class:`~scenes.lessons.learning_rates.scene.LearningRates`: frozen records, no manim.

Each panel's beats are written from the one-variable records of
:mod:`scenes.lessons.descent.facts` (a :class:`~scenes.lessons.descent.facts.WalkFacts` for
the steps drawn, an :class:`~scenes.lessons.descent.facts.OutcomeFacts` for how the walk ends
when left to run), judged by the same :class:`~scenes.lessons.common.value_change.ValueChange`
so that a step counts as "down" or "up" by the mathematics, not by float rounding. This
module adds the records of the whole comparison: its introduction and its closing.
"""

from __future__ import annotations

from dataclasses import dataclass

from scenes.kit.beats import Facts
from scenes.lessons.descent.facts import OutcomeFacts, WalkFacts

__all__ = ["PanelFacts", "RatesFacts", "RatesIntroFacts", "intro_facts", "panel_facts", "rates_facts"]


@dataclass(frozen=True)
class RatesIntroFacts(Facts):
    """The setup: one function, one start, how many learning rates (claims nothing)."""

    variable: str
    start: float
    rates: int
    decimals: int


def intro_facts(variable: str, start: float, rates: int, decimals: int) -> RatesIntroFacts:
    """The record of the introduction."""
    return RatesIntroFacts(variable, float(start), int(rates), int(decimals))


@dataclass(frozen=True)
class PanelFacts(Facts):
    """What the steps drawn in one panel did, step by step (a panel's caption counts them).

    ``fell``/``rose``: some step shown lowered/raised f (mathematically, see
    :class:`~scenes.lessons.common.value_change.ValueChange`); ``same_steps`` left f where it
    was. ``in_range`` is False when the walk leaves the panel's picture.
    """

    learning_rate: float
    shown: int
    fell_steps: int
    rose_steps: int
    f_last: float
    left_view: bool
    steps: int  # updates mathcore made in all (0: stopped before its first step)
    status: str
    decimals: int

    @property
    def same_steps(self) -> int:
        return self.shown - self.fell_steps - self.rose_steps

    @property
    def fell(self) -> bool:
        return self.fell_steps > 0

    @property
    def rose(self) -> bool:
        return self.rose_steps > 0

    @property
    def moved(self) -> bool:
        return self.shown > 0

    @property
    def in_range(self) -> bool:
        return not self.left_view


def panel_facts(walk: WalkFacts) -> PanelFacts:
    """The step-by-step record of one panel from its :class:`WalkFacts`."""
    return PanelFacts(
        walk.learning_rate, walk.shown, walk.fell_steps, walk.rose_steps, walk.f_last,
        walk.left_view, walk.steps, walk.status, walk.decimals,
    )


@dataclass(frozen=True)
class RatesFacts(Facts):
    """What the walks of all panels did, for the closing captions.

    ``status`` is the status of the best walk (the converged one with the fewest steps),
    ``None`` when no walk converged.
    """

    best_rate: float | None
    best_steps: int
    status: str | None
    max_steps: int
    slower: bool  # a smaller rate whose shown steps all went down but did not converge
    overshoots: bool  # a larger rate whose walk bounced, diverged or climbed


def rates_facts(outcomes: list[OutcomeFacts], walks: list[WalkFacts], max_steps: int) -> RatesFacts:
    """The closing facts from each panel's outcome and shown steps."""
    converged = [o for o in outcomes if o.status == "converged" and o.steps > 0]
    if not converged:
        return RatesFacts(None, 0, None, max_steps, False, False)
    best = min(converged, key=lambda o: (o.steps, o.learning_rate))
    slower = any(
        o.learning_rate < best.learning_rate and o.status == "max_steps" and w.shown > 0 and w.rose_steps == 0
        for o, w in zip(outcomes, walks)
    )
    overshoots = any(
        o.learning_rate > best.learning_rate and (o.status in ("oscillating", "diverged") or w.rose_steps > 0)
        for o, w in zip(outcomes, walks)
    )
    return RatesFacts(best.learning_rate, best.steps, "converged", max_steps, slower, overshoots)
