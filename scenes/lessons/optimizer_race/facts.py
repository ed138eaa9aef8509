"""The facts of the optimizer race: what each racer's walk did, and how the walks compare.

Every racer is one of mathcore's optimizers (:mod:`mathcore.optimizers`) walking from the same
start on the same hill (:func:`mathcore.descent.descend`). :func:`racer_facts` reads one walk
(through the rolling lessons' :func:`~scenes.lessons.rolling.facts.walk_facts`) and adds what
a race needs; :func:`race_facts` compares the walks. Every comparison is decided on the
exact paths with tolerances scaled to the picture, never on one float:

* a racer **arrives** when its walk ends within about a pixel of a minimum (mathcore's
  :meth:`~mathcore.ScalarField.classify` with a pixel's tolerance: the Newton step to the
  flat point is shorter than a pixel) and stays within a pixel of its end from some step
  on; that step is its arrival. The racers with the smallest arrival step arrive first
  (several, when they tie);
* a racer **stalls** (on a plateau, or wherever the hill is almost flat) when the walk
  itself shows it: it used all its steps inside the picture, ended nowhere near a flat
  point (no minimum, saddle or peak within a pixel), the slope where it ended is below
  :data:`mathcore.numeric.CREEP_SHARE` of the function's typical slope
  (:func:`mathcore.numeric.typical_slope`), and its last stride is under a pixel: the
  ball no longer moves on the picture. A racer that ran out of steps while still moving
  visibly (a short ``max_steps``, a long valley) has only "not arrived after N steps";
  either way the words name the N, since more steps may still take it down;
* a racer **overshoots** on a step where f rises by more than a pixel of the height axis
  (:data:`mathcore.numeric.PIXEL_SHARE` of the heights drawn);
* two racers **coincide** when their walks are the same walk on the picture
  (:func:`mathcore.numeric.same_walk`: every point within a pixel).

Nothing here imports manim.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from mathcore import DescentPath, DomainError, ScalarField
from mathcore.numeric import CREEP_SHARE, PIXEL_SHARE, same_walk, typical_slope

from scenes.kit.beats import Facts
from scenes.lessons.rolling.facts import DRAWN, WalkFacts, walk_facts

__all__ = [
    "OPTIMIZER_NAMES",
    "ArrivalFacts",
    "RaceFacts",
    "RacerFacts",
    "arrival_step",
    "display_names",
    "race_facts",
    "racer_facts",
]

#: How captions and labels write each optimizer's name.
OPTIMIZER_NAMES = {
    "sgd": "SGD",
    "momentum": "Momentum",
    "nesterov": "Nesterov",
    "adagrad": "AdaGrad",
    "rmsprop": "RMSProp",
    "adam": "Adam",
}


def display_names(optimizers: Sequence[tuple[str, float]]) -> tuple[str, ...]:
    """The name each racer goes by: the optimizer's name, with its learning rate when two
    racers share an optimizer, and a number when they share the rate too.

    >>> display_names([("sgd", 0.02), ("adam", 0.1)])
    ('SGD', 'Adam')
    >>> display_names([("sgd", 0.02), ("sgd", 0.1), ("sgd", 0.1)])
    ('SGD 0.02', 'SGD 0.1 (1)', 'SGD 0.1 (2)')
    >>> display_names([("adam", 0.1), ("adam", 0.1)])
    ('Adam (1)', 'Adam (2)')
    """
    from scenes.lessons.rolling.digits import exact_number

    pairs = [(str(key), float(rate)) for key, rate in optimizers]
    names = []
    for index, (key, rate) in enumerate(pairs):
        base = OPTIMIZER_NAMES.get(key, key)
        if any(k == key and r != rate for k, r in pairs):
            base = f"{base} {exact_number(rate)[0]}"
        twins = [i for i, pair in enumerate(pairs) if pair == (key, rate)]
        if len(twins) > 1:
            base = f"{base} ({twins.index(index) + 1})"
        names.append(base)
    return tuple(names)


@dataclass(frozen=True)
class RacerFacts(Facts):
    """One racer: its name, optimizer and learning rate, its walk's facts, and what the
    race reads from its walk.

    Attributes
    ----------
    name, key : str
        The name captions use ("Adam") and the optimizer's key ("adam").
    learning_rate : float
        eta of its optimizer.
    walk : WalkFacts
        The walk's facts as the rolling lessons read them.
    arrival : int or None
        The step from which the walk stays within a pixel of its end, an end within a pixel
        of a minimum inside the picture and drawn; None if it does not arrive.
    rises : int
        How many of the drawn steps raise f by more than a pixel of the height axis.
    stalled : bool
        It used all its steps where the hill is almost flat, its last stride under a pixel
        (see the module notes).
    last_step : float
        The length of its last step (0 for a walk of no steps).
    near : str or None
        The kind of flat point within a pixel of the walk's end ("minimum", "saddle", ...),
        inside the picture and drawn; None if there is none.
    """

    name: str = ""
    key: str = "sgd"
    learning_rate: float = 0.1
    walk: WalkFacts = WalkFacts()
    arrival: int | None = None
    rises: int = 0
    stalled: bool = False
    last_step: float = 0.0
    near: str | None = None

    @property
    def arrived(self) -> bool:
        return self.arrival is not None

    @property
    def overshoots(self) -> bool:
        return self.rises > 0


@dataclass(frozen=True)
class ArrivalFacts(Facts):
    """Who arrives first: ``names`` (several when they tie) at step ``step``; the claim
    checker's fields say what such a line claims (the walks settle at a minimum inside
    the picture). ``others`` are the other arrivals, (name, step) in order; ``alone``: the
    race has one racer (it arrives, but not "first")."""

    names: tuple[str, ...] = ()
    step: int = 0
    others: tuple[tuple[str, int], ...] = ()
    alone: bool = False
    status: str = "converged"
    kind: str = "minimum"
    in_range: bool = True
    visible: frozenset[str] = frozenset()


@dataclass(frozen=True)
class RaceFacts(Facts):
    """The racers side by side.

    Attributes
    ----------
    racers : tuple of RacerFacts
        In the order of the scene's ``optimizers``.
    first : tuple of int
        The racers that arrive first (ties: several); empty when none arrives.
    groups : tuple of tuple of int
        Racers whose walks coincide on the picture, each group of two or more.
    visible : frozenset of str
        What is drawn (the balls, the map, the panel).
    """

    racers: tuple[RacerFacts, ...] = ()
    first: tuple[int, ...] = ()
    groups: tuple[tuple[int, ...], ...] = ()
    visible: frozenset[str] = frozenset()

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(r.name for r in self.racers)

    def of(self, status: str) -> tuple[int, ...]:
        """The racers whose walk ended with ``status``."""
        return tuple(i for i, r in enumerate(self.racers) if r.walk.status == status)

    @property
    def stalled(self) -> tuple[int, ...]:
        return tuple(i for i, r in enumerate(self.racers) if r.stalled)

    @property
    def overshooting(self) -> tuple[int, ...]:
        return tuple(i for i, r in enumerate(self.racers) if r.overshoots)

    @property
    def arrived(self) -> tuple[int, ...]:
        return tuple(i for i, r in enumerate(self.racers) if r.arrived)

    def group_of(self, index: int) -> tuple[int, ...]:
        """The racers whose walk is racer ``index``'s (itself alone when none coincides)."""
        return next((g for g in self.groups if index in g), (index,))

    def arrival_facts(self) -> ArrivalFacts | None:
        """The facts of "who arrives first", or None when no racer arrives."""
        if not self.first:
            return None
        step = self.racers[self.first[0]].arrival
        others = tuple(
            sorted(((self.racers[i].name, self.racers[i].arrival) for i in self.arrived if i not in self.first), key=lambda p: p[1])
        )
        names = tuple(self.racers[i].name for i in self.first)
        return ArrivalFacts(names=names, step=int(step), others=others, alone=len(self.racers) == 1, visible=self.visible)


def arrival_step(points: np.ndarray, tolerance: float) -> int:
    """The first step from which every point of ``points`` (start first) stays within
    ``tolerance`` of the last point.

    >>> arrival_step(np.array([[3.0, 0], [1.0, 0], [0.1, 0], [0.0, 0]]), 0.5)
    2
    """
    points = np.asarray(points, dtype=float).reshape(len(points), -1)
    far = np.linalg.norm(points - points[-1], axis=1) > tolerance
    return int(np.nonzero(far)[0][-1] + 1) if far.any() else 0


def _flat_kind(field: ScalarField, point: Sequence[float], span: float) -> str | None:
    """The kind of flat point (minimum, maximum, saddle, degenerate) within about a pixel of
    ``point`` (mathcore's classify, with a pixel's share of the picture as its tolerance),
    or None when there is none."""
    try:
        return field.classify(tuple(float(v) for v in point), tolerance=PIXEL_SHARE, scale=span)
    except (ValueError, DomainError, np.linalg.LinAlgError):
        return None


def racer_facts(
    name: str,
    key: str,
    path: DescentPath,
    field: ScalarField,
    n_range: Sequence[float],
    e_range: Sequence[float],
    heights: Sequence[float],
    shown: int,
    typical: float | None = None,
) -> RacerFacts:
    """The facts of one racer's walk ``path``, drawn up to step ``shown`` on the rectangle
    ``n_range`` x ``e_range`` with the heights ``heights`` (low, high) drawn; ``typical``
    is the function's typical slope there (computed when not given)."""
    # The racer's ball is named by the racer's name (the picture names each ball so), not "the ball".
    walk = walk_facts(path, field, n_range, e_range, shown, drawn=(DRAWN - {"ball"}) | {name.lower()})
    span = max(n_range[1] - n_range[0], e_range[1] - e_range[0])
    points = np.asarray(path.points, dtype=float)
    arrival = near = None
    if walk.in_range and not walk.left_picture and path.status not in ("diverged", "left_domain"):
        near = _flat_kind(field, points[-1], span)
        if near == "minimum" and path.steps > 0:
            arrival = arrival_step(points, PIXEL_SHARE * span)
    values = np.asarray(path.values[: walk.shown + 1], dtype=float)
    pixel = PIXEL_SHARE * max(float(heights[1]) - float(heights[0]), 0.0)
    rises = int(np.sum(np.diff(values) > pixel)) if len(values) > 1 else 0
    stalled = False
    last_step = float(np.linalg.norm(points[-1] - points[-2])) if len(points) > 1 else 0.0
    still = last_step < PIXEL_SHARE * span  # the ball no longer moves on the picture
    if path.status == "max_steps" and arrival is None and still and walk.in_range and not walk.left_picture:
        if typical is None:
            try:
                typical = typical_slope(field, n_range, e_range)
            except DomainError:
                typical = 1.0
        flat_point = near is not None or walk.kind is not None or _flat_kind(field, points[-1], span) is not None
        stalled = bool(not flat_point and walk.end_slope < CREEP_SHARE * abs(typical))
    return RacerFacts(
        name=name, key=key, learning_rate=float(path.learning_rate), walk=walk, arrival=arrival, rises=rises, stalled=stalled,
        last_step=last_step, near=near,
    )


def race_facts(racers: Sequence[RacerFacts], paths: Sequence[DescentPath], span: float) -> RaceFacts:
    """The racers side by side: who arrives first (smallest arrival step; ties all
    count), and which walks coincide (:func:`mathcore.numeric.same_walk` within a pixel of
    ``span``, the longer side of the picture)."""
    arrivals = [r.arrival for r in racers]
    best = min((a for a in arrivals if a is not None), default=None)
    first = tuple(i for i, a in enumerate(arrivals) if a is not None and a == best)
    groups: list[tuple[int, ...]] = []
    placed: set[int] = set()
    for i in range(len(paths)):
        if i in placed:
            continue
        group = [i] + [j for j in range(i + 1, len(paths)) if j not in placed and same_walk(paths[i], paths[j], float(span), PIXEL_SHARE)]
        if len(group) > 1:
            groups.append(tuple(group))
            placed.update(group)
    visible = frozenset(DRAWN | {"racer"} | {r.name.lower() for r in racers})
    return RaceFacts(racers=tuple(racers), first=first, groups=tuple(groups), visible=visible)
