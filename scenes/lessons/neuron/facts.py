"""The facts of the neuron lesson: frozen records from mathcore's walk on the cross-entropy.

The neuron says s = sigmoid(w x + b), how sure it is that a point's label is 1; its loss is
:func:`mathcore.neuron_loss`, the mean cross-entropy over (w, b). Its *decision point* is
where s = 1/2, at x = -b / w (none while w is 0: then s is the same for every x).

Whether the labels are *separable* (every point of one label left of every point of the
other) is a fact of the data: then no (w, b) has the lowest loss, because a steeper sigmoid
through the gap always does better, and a walk makes w grow without settling. The facts
record it (``separable``) with what the walk did (``grew``: |w| larger at the end than at
the start), so the captions can say it truthfully. Nothing here imports manim.
"""

from __future__ import annotations

from dataclasses import dataclass

from scenes.kit.beats import Facts
from scenes.kit.numbers import number
from scenes.lessons.common.fit_facts import DRAWN, Judge, LossFacts, end_kind
from scenes.lessons.common.fit_walk import FitWalk

__all__ = ["DataFacts", "LossFacts", "OutcomeFacts", "StartFacts", "data_facts", "decision_point", "outcome_facts", "separable", "start_facts"]


def decision_point(w: float, b: float, decimals: int) -> float | None:
    """x = -b / w, where s = 1/2; None when w shows as 0 at ``decimals`` (no such point
    on screen: the curve looks flat).

    >>> decision_point(2.0, -1.0, 2), decision_point(0.001, 1.0, 2)
    (0.5, None)
    """
    if number(w, decimals) == "0":
        return None
    return -float(b) / float(w)


def separable(data) -> int:
    """+1 if every label-1 point lies right of every label-0 point, -1 if left of them, 0 if
    the labels overlap (or tie at one x).

    >>> separable([(0, 0), (1, 0), (2, 1)]), separable([(0, 1), (1, 0)]), separable([(0, 0), (1, 1), (2, 0)])
    (1, -1, 0)
    """
    zeros = [float(x) for x, y in data if float(y) == 0]
    ones = [float(x) for x, y in data if float(y) == 1]
    if not zeros or not ones:
        return 0
    if max(zeros) < min(ones):
        return 1
    if max(ones) < min(zeros):
        return -1
    return 0


@dataclass(frozen=True)
class DataFacts(Facts):
    """The data: how many points of each label."""

    count: int
    ones: int


def data_facts(walk: FitWalk) -> DataFacts:
    return DataFacts(walk.count, sum(1 for _, y in walk.data if y == 1))


@dataclass(frozen=True)
class StartFacts(Facts):
    """The neuron the walk starts from: (w, b) and its decision point (None: w is 0)."""

    w: float
    b: float
    decision: float | None
    decimals: int
    visible: frozenset = frozenset({"curve"})


def start_facts(walk: FitWalk, decimals: int) -> StartFacts:
    w, b = (float(v) for v in walk.path.points[0])
    return StartFacts(w, b, decision_point(w, b, decimals), int(decimals))


@dataclass(frozen=True)
class OutcomeFacts(Facts):
    """How the walk ended. ``separable`` (+1, -1 or 0, :func:`separable`), ``grew`` that |w|
    is larger at the last shown point than at the start, ``fell``/``rose`` how L changed
    from the start, ``kind`` mathcore's kind of the point a converged walk reached,
    ``in_range`` False when the next step leaves the map."""

    status: str
    steps: int
    shown: int
    w: float
    b: float
    loss_start: float
    loss: float
    decision: float | None
    separable: int
    grew: bool
    kind: str | None
    in_range: bool
    fell: bool
    rose: bool
    learning_rate: float
    decimals: int
    visible: frozenset = DRAWN | {"curve"}


def outcome_facts(walk: FitWalk, judge: Judge, shown: int, decimals: int, learning_rate: float) -> OutcomeFacts:
    p = walk.path
    w, b = float(p.points[shown, 0]), float(p.points[shown, 1])
    change = judge.between(0, shown)
    return OutcomeFacts(
        p.status, p.steps, shown, w, b, float(p.values[0]), float(p.values[shown]), decision_point(w, b, decimals),
        separable(walk.data), abs(w) > abs(float(p.points[0, 0])), end_kind(walk, shown), shown == p.steps,
        change < 0, change > 0, float(learning_rate), int(decimals),
    )
