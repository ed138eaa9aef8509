"""The facts of the neuron lesson: frozen records from mathcore's walk on the cross-entropy.

The neuron says s = sigmoid(w x + b), how sure it is that a point's label is 1; its loss is
:func:`mathcore.neuron_loss`, the mean cross-entropy over (w, b). Its *decision point* is
where s = 1/2, at x = -b / w (none while w is 0: then s is the same for every x).

Whether the labels are *separable* (every point of one label at or left of every point of
the other) is a fact of the data: then no (w, b) has the lowest loss, because a steeper
sigmoid through the gap always does better, and a walk makes w grow without settling. The
outcome records it (``separable``, ``clean``, ``split_at``) with what the walk did (``grew``,
``steepening``), and compares the end with the lowest loss that mathcore finds without the
walk (``neuron_fit``): "as low as it gets" needs the end to show its digits, never a loss
that underflowed to 0. Nothing here imports manim.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from mathcore.learning import label_split, neuron_fit

from scenes.kit.beats import Facts
from scenes.kit.numbers import number
from scenes.lessons.common.fit_facts import Judge, LossFacts, OutcomeFacts
from scenes.lessons.common.fit_facts import outcome_facts as fit_outcome
from scenes.lessons.common.fit_walk import FitWalk

__all__ = ["DataFacts", "LossFacts", "OutcomeFacts", "StartFacts", "data_facts", "decision_point", "outcome_facts", "separable", "split_point", "start_facts"]


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
    """+1 if every label-1 point lies at or right of every label-0 point, -1 if at or left
    of them, 0 if the labels overlap (mathcore's :func:`~mathcore.learning.label_split`):
    then the loss has no lowest point.

    >>> separable([(0, 0), (1, 0), (2, 1)]), separable([(0, 1), (1, 0)]), separable([(0, 0), (1, 1), (2, 0)])
    (1, -1, 0)
    >>> separable([(0, 0), (1, 0), (1, 1)])  # both labels at x = 1: still parted there
    1
    """
    return label_split(data)


def split_point(data) -> tuple[float, bool] | None:
    """Where one x parts the labels, and whether cleanly (no point on it): the middle of
    the gap, or the x where points of both labels sit; None when the labels overlap.

    >>> split_point([(0, 0), (1, 0), (2, 1)]), split_point([(0, 0), (1, 0), (1, 1)]), split_point([(0, 0), (1, 1), (2, 0)])
    ((1.5, True), (1.0, False), None)
    """
    way = label_split(data)
    if way == 0:
        return None
    zeros = [float(x) for x, y in data if float(y) == 0]
    ones = [float(x) for x, y in data if float(y) == 1]
    low, high = (max(zeros), min(ones)) if way > 0 else (max(ones), min(zeros))
    return (0.5 * (low + high), low < high)


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


def outcome_facts(walk: FitWalk, judge: Judge, shown: int, decimals: int, learning_rate: float) -> OutcomeFacts:
    """How the walk ended, against the neuron whose loss is lowest (mathcore's
    ``neuron_fit``; none for labels one x splits), with the decision point and the split."""
    facts = fit_outcome(walk, judge, shown, decimals, learning_rate, neuron_fit(walk.data), curve="curve")
    parted = split_point(walk.data)
    return replace(facts, decision=decision_point(facts.w, facts.b, decimals), separable=separable(walk.data),
                   clean=parted is None or parted[1], split_at=None if parted is None else parted[0])
