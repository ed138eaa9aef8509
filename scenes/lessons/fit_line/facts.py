"""The facts of the line-fitting lesson: frozen records from mathcore's walk on the loss.

The loss is :func:`mathcore.line_loss` (the mean of the squared residuals (w x + b - y)^2),
the best line :func:`mathcore.line_fit` (least squares, exact), the walk mathcore's
(:mod:`scenes.lessons.common.fit_walk`). The facts of each step, of the roll and of the noise
are shared with the neuron lesson (:mod:`scenes.lessons.common.fit_facts`); here are those of
the data, the start and the end (the outcome's record is the shared one, against ``line_fit``).
Nothing here imports manim.
"""

from __future__ import annotations

from dataclasses import dataclass

from mathcore import line_fit

from scenes.kit.beats import Facts
from scenes.lessons.common.fit_facts import Judge, LossFacts, OutcomeFacts
from scenes.lessons.common.fit_facts import outcome_facts as fit_outcome
from scenes.lessons.common.fit_walk import FitWalk

__all__ = ["DataFacts", "LossFacts", "OutcomeFacts", "StartFacts", "data_facts", "outcome_facts", "start_facts"]


@dataclass(frozen=True)
class DataFacts(Facts):
    """The data: how many points."""

    count: int


def data_facts(walk: FitWalk) -> DataFacts:
    return DataFacts(walk.count)


@dataclass(frozen=True)
class StartFacts(Facts):
    """The line the walk starts from, and its loss."""

    w: float
    b: float
    loss: float
    decimals: int
    gap_colour: str = "pink"  # the word for the residuals' colour, as drawn in the scene's theme
    visible: frozenset = frozenset({"line"})


def start_facts(walk: FitWalk, decimals: int, gap_colour: str = "pink") -> StartFacts:
    """The start; ``gap_colour`` is the word for the colour the residuals are drawn in
    (:func:`scenes.kit.theme.colour_word` of it, in the scene's theme)."""
    p = walk.path
    return StartFacts(float(p.points[0, 0]), float(p.points[0, 1]), float(p.values[0]), int(decimals), str(gap_colour))


def outcome_facts(walk: FitWalk, judge: Judge, shown: int, decimals: int, learning_rate: float) -> OutcomeFacts:
    """How the walk ended, against the least-squares line (mathcore's exact ``line_fit``;
    data with two different x always has one)."""
    return fit_outcome(walk, judge, shown, decimals, learning_rate, line_fit(walk.data), curve="line")
