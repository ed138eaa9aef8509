"""Facts of a walk down a model's loss, shared by the line and neuron lessons (no manim).

Each record is what one caption is written from; the names the claim checker reads
(:mod:`scenes.kit.claims`) mean here: ``fell``/``rose`` that the full loss L went down/up over
what the caption is about, ``moved`` that (w, b) moved, ``status`` how mathcore's walk ended,
``kind`` the kind of point it ended on, ``in_range`` that the walk stayed on the map.

Whether L fell or rose is decided by :func:`mathcore.numeric.significant_change` at the
float resolution of L's size on the map (:func:`mathcore.numeric.value_scale`), and for a
step too small for that, by :func:`mathcore.numeric.exact_change` (sympy): a change lost in
rounding is neither a fall nor a rise.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mathcore import DomainError
from mathcore.numeric import exact_change, significant_change, value_scale

from scenes.kit.beats import Facts
from scenes.kit.numbers import number
from scenes.lessons.common.fit_walk import FitWalk

__all__ = [
    "Judge", "LossFacts", "NoiseFacts", "OutcomeFacts", "RollFacts", "RuleFacts", "StepFacts", "noise_facts", "outcome_facts", "roll_facts",
    "rule_facts", "step_facts",
]

#: What the walk's captions name as drawn.
DRAWN = frozenset({"map", "ball", "trail"})

#: A move of (w, b) is "seen" when it covers this share of the map's side (about a pixel of a
#: map 3.5 units wide at 480p, twice what the picture check counts as a move); a smaller one
#: is neither a move nor staying put (``moved`` None), so no caption claims either.
SEEN_SHARE = 1 / 200


@dataclass(frozen=True)
class Judge:
    """Judge of the change of the loss between two points of a walk (see the module notes)."""

    walk: FitWalk
    scale: float
    spans: tuple[float, float] = (1.0, 1.0)  # the map's sides in w and b

    @classmethod
    def on_map(cls, walk: FitWalk, w_range, b_range) -> Judge:
        try:
            scale = value_scale(walk.loss, tuple(w_range), tuple(b_range), num=41)
        except (DomainError, ValueError):
            scale = max(float(np.max(np.abs(walk.path.values))), 1e-300)
        return cls(walk, scale, (float(w_range[1] - w_range[0]), float(b_range[1] - b_range[0])))

    def moved(self, i: int, j: int) -> bool | None:
        """Did (w, b) move visibly on the map from point ``i`` to point ``j``: True for at
        least :data:`SEEN_SHARE` of a side, False for no change at all, else None."""
        points = self.walk.path.points
        share = max(abs(float(points[j, k] - points[i, k])) / self.spans[k] for k in range(2))
        return True if share >= SEEN_SHARE else (False if share == 0 else None)

    def between(self, i: int, j: int, exact: bool = True) -> int:
        """-1 if L fell from point ``i`` to point ``j`` of the walk, +1 if it rose, else 0."""
        path = self.walk.path
        change = significant_change(path.values[i], path.values[j], self.scale)
        if change != 0 or not exact or np.array_equal(path.points[i], path.points[j]):
            return change
        try:
            return exact_change(self.walk.loss, tuple(path.points[i]), tuple(path.points[j]))
        except (DomainError, ValueError):
            return 0


class _Change:
    """``fell`` and ``rose`` read from a record's ``change`` (-1 L fell, +1 rose, 0 neither)."""

    change: int

    @property
    def fell(self) -> bool:
        return self.change < 0

    @property
    def rose(self) -> bool:
        return self.change > 0


@dataclass(frozen=True)
class LossFacts(Facts):
    """The loss at the start of the walk, and the digits it is shown with."""

    loss: float
    decimals: int


@dataclass(frozen=True)
class RuleFacts(Facts):
    """The update rule: the learning rate, and how many points each step sees (no claim)."""

    learning_rate: float
    batch_size: int | None
    count: int

    @property
    def stochastic(self) -> bool:
        return self.batch_size is not None and self.batch_size < self.count


def rule_facts(walk: FitWalk, learning_rate: float) -> RuleFacts:
    return RuleFacts(float(learning_rate), walk.batch_size, walk.count)


@dataclass(frozen=True)
class StepFacts(_Change, Facts):
    """Update number ``step`` of the walk: (w, b) before and after, and the full loss."""

    step: int
    w: float
    b: float
    w_old: float
    b_old: float
    loss_old: float
    loss: float
    change: int  # -1 L fell, +1 rose, 0 neither
    decimals: int
    stochastic: bool
    moved: bool | None = True  # (w, b) moved visibly on the map (None: too little to tell)
    visible: frozenset = DRAWN


def step_facts(walk: FitWalk, judge: Judge, step: int, decimals: int) -> StepFacts:
    p = walk.path
    (w0, b0), (w1, b1) = p.points[step - 1], p.points[step]
    return StepFacts(
        step, float(w1), float(b1), float(w0), float(b0), float(p.values[step - 1]), float(p.values[step]),
        judge.between(step - 1, step), int(decimals), walk.stochastic, judge.moved(step - 1, step),
    )


@dataclass(frozen=True)
class RollFacts(_Change, Facts):
    """The steps rolled in one go after the ones told one by one: from step ``first`` to
    step ``last``; ``fell``/``rose`` compare L at the two ends."""

    first: int
    last: int
    loss_first: float
    loss: float
    change: int
    decimals: int
    moved: bool | None = True  # (w, b) moved visibly on the map over these steps
    visible: frozenset = DRAWN

    @property
    def steps(self) -> int:
        return self.last - self.first


def roll_facts(walk: FitWalk, judge: Judge, first: int, last: int, decimals: int) -> RollFacts:
    p = walk.path
    return RollFacts(first, last, float(p.values[first]), float(p.values[last]), judge.between(first, last), int(decimals), judge.moved(first, last))


@dataclass(frozen=True)
class NoiseFacts(Facts):
    """How many of the shown steps raised (lowered) the full loss L: the noise of
    stochastic gradient descent. ``rose`` is true when some step raised L, ``fell`` when
    every step lowered it."""

    steps: int
    rose_steps: int
    fell_steps: int
    batch_size: int | None
    count: int

    @property
    def rose(self) -> bool:
        return self.rose_steps > 0

    @property
    def fell(self) -> bool:
        return self.steps > 0 and self.fell_steps == self.steps


def noise_facts(walk: FitWalk, judge: Judge, last: int) -> NoiseFacts:
    """The change of L over each of the first ``last`` steps (float resolution; a change
    below it counts as neither)."""
    changes = [judge.between(i, i + 1, exact=False) for i in range(last)]
    return NoiseFacts(last, changes.count(1), changes.count(-1), walk.batch_size, walk.count)


@dataclass(frozen=True)
class OutcomeFacts(Facts):
    """How the walk ended, against the model's best fit.

    ``shown`` steps of ``steps`` are drawn (``in_range`` False: the next one leaves the map);
    ``w``, ``b``, ``loss`` are those of the last shown point; ``best`` the (w, b) where the
    loss is lowest, computed by mathcore without the walk (``line_fit``, ``neuron_fit``), or
    None when the loss has no lowest point (labels one x splits); ``at_best`` that the last
    point shows the same digits as ``best``. ``kind`` is "minimum" only then, else None: the
    losses are convex, so the best fit is their one flat point, and a walk whose loss
    underflowed to 0, or whose gradient fell below the tolerance elsewhere, has reached no
    minimum, saddle or plateau, whatever the floats around its end look like.
    ``fell``/``rose``: L is lower/higher there than at the start. The neuron's facts:
    ``decision`` its decision point, ``separable`` how one x parts the labels (+1, -1, 0,
    :func:`mathcore.learning.label_split`), ``clean`` no point lies on that x, ``split_at``
    the x (the middle of the gap), ``grew`` |w| is larger at the end than at the start,
    ``steepening`` |w| still grew on the last step drawn.
    """

    status: str
    steps: int
    shown: int
    w: float
    b: float
    loss_start: float
    loss: float
    best: tuple[float, float] | None
    at_best: bool
    kind: str | None
    in_range: bool
    fell: bool
    rose: bool
    learning_rate: float
    decimals: int
    stochastic: bool = False
    decision: float | None = None
    separable: int = 0
    clean: bool = True
    split_at: float | None = None
    grew: bool = False
    steepening: bool = False
    visible: frozenset = DRAWN

    @property
    def best_w(self) -> float | None:
        return None if self.best is None else self.best[0]

    @property
    def best_b(self) -> float | None:
        return None if self.best is None else self.best[1]


def outcome_facts(walk: FitWalk, judge: Judge, shown: int, decimals: int, learning_rate: float, best: tuple[float, float] | None,
                  curve: str = "line") -> OutcomeFacts:
    """The end of ``walk`` drawn up to step ``shown``, against ``best`` (None: the loss has
    no lowest point); ``curve`` is what the model's curve is called in ``visible``."""
    p = walk.path
    w, b = float(p.points[shown, 0]), float(p.points[shown, 1])
    at_best = best is not None and all(number(v, decimals) == number(float(o), decimals) for v, o in zip((w, b), best))
    kind = "minimum" if at_best and shown == p.steps else None  # both losses are convex: their one flat point is the best fit
    change = judge.between(0, shown)
    w_before = abs(float(p.points[shown - 1, 0])) if shown > 0 else abs(w)
    return OutcomeFacts(
        p.status, p.steps, shown, w, b, float(p.values[0]), float(p.values[shown]), None if best is None else (float(best[0]), float(best[1])),
        at_best, kind, shown == p.steps, change < 0, change > 0, float(learning_rate), int(decimals), walk.stochastic,
        grew=abs(w) > abs(float(p.points[0, 0])), steepening=abs(w) > w_before, visible=DRAWN | {curve},
    )
