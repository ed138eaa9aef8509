"""The facts of the line-fitting lesson: frozen records from mathcore's walk on the loss.

The loss is :func:`mathcore.line_loss` (the mean of the squared residuals (w x + b - y)^2),
the best line :func:`mathcore.line_fit` (least squares, exact), the walk mathcore's
(:mod:`scenes.lessons.common.fit_walk`). The facts of each step, of the roll and of the noise
are shared with the neuron lesson (:mod:`scenes.lessons.common.fit_facts`); here are those of
the data, the start and the end. Nothing here imports manim.
"""

from __future__ import annotations

from dataclasses import dataclass

from mathcore import line_fit

from scenes.kit.beats import Facts
from scenes.kit.numbers import number
from scenes.lessons.common.fit_facts import DRAWN, Judge, LossFacts, end_kind
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
    visible: frozenset = frozenset({"line"})


def start_facts(walk: FitWalk, decimals: int) -> StartFacts:
    p = walk.path
    return StartFacts(float(p.points[0, 0]), float(p.points[0, 1]), float(p.values[0]), int(decimals))


@dataclass(frozen=True)
class OutcomeFacts(Facts):
    """How the walk ended, against the least-squares line.

    ``shown`` steps of ``steps`` are drawn (``in_range`` False: the next one leaves the map);
    ``w``, ``b``, ``loss`` are those of the last shown point; ``best_w``, ``best_b`` the
    least-squares line (mathcore's ``line_fit``); ``at_best`` that the last point shows the
    same digits as the best line; ``kind`` mathcore's kind of the point a converged walk
    reached; ``fell`` that L is lower there than at the start.
    """

    status: str
    steps: int
    shown: int
    w: float
    b: float
    loss_start: float
    loss: float
    best_w: float
    best_b: float
    at_best: bool
    kind: str | None
    in_range: bool
    fell: bool
    rose: bool
    stochastic: bool
    learning_rate: float
    decimals: int
    visible: frozenset = DRAWN | {"line"}


def outcome_facts(walk: FitWalk, judge: Judge, shown: int, decimals: int, learning_rate: float) -> OutcomeFacts:
    p = walk.path
    best_w, best_b = (float(v) for v in line_fit(walk.data))
    w, b = float(p.points[shown, 0]), float(p.points[shown, 1])
    at_best = number(w, decimals) == number(best_w, decimals) and number(b, decimals) == number(best_b, decimals)
    change = judge.between(0, shown)
    kind = end_kind(walk, shown)
    return OutcomeFacts(
        p.status, p.steps, shown, w, b, float(p.values[0]), float(p.values[shown]), best_w, best_b, at_best,
        kind, shown == p.steps, change < 0, change > 0, walk.stochastic, float(learning_rate), int(decimals),
    )
