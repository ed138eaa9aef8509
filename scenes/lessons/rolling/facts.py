"""The facts of the rolling lessons: what a descent walk did, as frozen records.

:func:`walk_facts` reads a :class:`mathcore.DescentPath` (and asks the field what kind of
point the walk ended on) and returns a :class:`WalkFacts`; :func:`race_facts` puts two walks
from the same start side by side (:class:`RaceFacts`). The captions of
:mod:`scenes.lessons.rolling.captions` are written from these records only, and the claim checker
(:mod:`scenes.kit.claims`) reads their fields ``fell``, ``rose``, ``moved``, ``status``, ``kind``
and ``in_range``.

Nothing here imports manim, so the tests build facts for many functions in milliseconds.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from mathcore import DescentPath, ScalarField
from mathcore.descent import point_kind

from scenes.kit.beats import Facts

__all__ = ["MOVE_SHARE", "RaceFacts", "WalkFacts", "end_kind", "race_facts", "walk_facts"]

#: A ball "moves" on screen when it gets farther from its start than this share of the
#: longer side of the rectangle (1% is about 3 pixels of the hill at 480p).
MOVE_SHARE = 0.01


@dataclass(frozen=True)
class WalkFacts(Facts):
    """What one walk of gradient descent did, over the hill shown.

    Attributes
    ----------
    variables : (str, str)
        The names of the two inputs.
    start, start_value
        Where the walk starts and f there.
    slope
        The steepest slope at the start (the gradient's length).
    steps : int
        The steps mathcore took.
    shown : int
        The steps drawn: a walk that leaves the rectangle (or the heights drawn) is drawn
        up to its last point over the hill.
    shown_end, shown_value
        The last point drawn and f there.
    end, end_value
        The walk's last point (drawn or not) and f there.
    exit_point
        The first point of the walk off the picture, or None.
    status : str
        mathcore's status of the walk.
    kind : str or None
        What the last point is, when the walk ended on a flat point ("minimum",
        "maximum", "saddle", ...); None otherwise.
    in_range : bool
        The last point lies in the rectangle shown.
    fell, rose : bool
        f went down (up) from the start to the last point drawn.
    moved : bool
        The ball drawn gets visibly away from its start (:data:`MOVE_SHARE`).
    distance : float
        The farthest the drawn ball gets from its start (in the inputs' units).
    end_slope : float
        The steepest slope at the last point.
    end_fell, end_rose : bool
        f went down (up) over the whole walk.
    learning_rate, momentum : float
        The walk's settings.
    """

    variables: tuple[str, str] = ("n", "e")
    start: tuple[float, float] = (0.0, 0.0)
    start_value: float = 0.0
    slope: float = 0.0
    steps: int = 0
    shown: int = 0
    shown_end: tuple[float, float] = (0.0, 0.0)
    shown_value: float = 0.0
    end: tuple[float, float] = (0.0, 0.0)
    end_value: float = 0.0
    exit_point: tuple[float, float] | None = None
    status: str = "converged"
    kind: str | None = None
    in_range: bool = True
    fell: bool = False
    rose: bool = False
    moved: bool = False
    distance: float = 0.0
    end_slope: float = 0.0
    end_fell: bool = False
    end_rose: bool = False
    learning_rate: float = 0.1
    momentum: float = 0.0

    @property
    def left_picture(self) -> bool:
        """The walk went on after its last point drawn."""
        return self.shown < self.steps

    def whole_walk(self) -> WalkFacts:
        """These facts with ``fell`` and ``rose`` over the whole walk (for captions about
        how it ended rather than about what was drawn)."""
        return replace(self, fell=self.end_fell, rose=self.end_rose)


@dataclass(frozen=True)
class RaceFacts(Facts):
    """Two walks from the same start: plain descent and descent with momentum.

    ``coincide`` is True when the two drawn walks are the same (every drawn point within
    a thousandth of the rectangle), as with momentum 0: the scene then says so and the
    momentum ball, drawn larger beneath the plain one, stays visible as a ring.
    ``visible`` says both racers can be seen (always, with that ring).
    """

    plain: WalkFacts = WalkFacts()
    heavy: WalkFacts = WalkFacts()
    momentum: float = 0.0
    coincide: bool = False
    visible: bool = True

    @property
    def both_converged_to_minima(self) -> bool:
        return all(w.status == "converged" and w.kind == "minimum" for w in (self.plain, self.heavy))


def end_kind(field: ScalarField, point: Sequence[float]) -> str | None:
    """The kind of the flat point ``point`` as mathcore classifies it, or None if it is
    not a flat point. A "degenerate" point (zero curvature) is named by comparing f
    around it (mathcore's :func:`~mathcore.descent.point_kind`)."""
    try:
        kind = field.classify(tuple(float(v) for v in point))
    except ValueError:
        return None
    if kind == "degenerate":
        x = np.asarray(point, dtype=float)
        kind = point_kind(field, x, np.asarray(field.gradient(x), dtype=float))
    return kind


def walk_facts(
    path: DescentPath,
    field: ScalarField,
    n_range: Sequence[float],
    e_range: Sequence[float],
    shown: int,
) -> WalkFacts:
    """The facts of ``path`` drawn up to step ``shown`` on the rectangle ``n_range`` x
    ``e_range`` of ``field``."""
    points = np.asarray(path.points, dtype=float)
    values = np.asarray(path.values, dtype=float)
    shown = int(min(max(shown, 0), path.steps))
    start, drawn = points[0], points[: shown + 1]
    span = max(n_range[1] - n_range[0], e_range[1] - e_range[0])
    distance = float(np.max(np.linalg.norm(drawn - start, axis=1)))
    end = points[-1]
    in_range = bool(n_range[0] <= end[0] <= n_range[1] and e_range[0] <= end[1] <= e_range[1])
    flat_end = path.status in ("converged", "flat_start")
    return WalkFacts(
        variables=tuple(path.variables),
        start=_pair(start),
        start_value=float(values[0]),
        slope=float(np.linalg.norm(path.gradients[0])),
        steps=path.steps,
        shown=shown,
        shown_end=_pair(points[shown]),
        shown_value=float(values[shown]),
        end=_pair(end),
        end_value=float(values[-1]),
        exit_point=_pair(points[shown + 1]) if shown < path.steps else None,
        status=path.status,
        kind=end_kind(field, end) if flat_end else None,
        in_range=in_range,
        fell=bool(values[shown] < values[0]),
        rose=bool(values[shown] > values[0]),
        moved=distance > MOVE_SHARE * span,
        distance=distance,
        end_slope=float(np.linalg.norm(path.gradients[-1])),
        end_fell=bool(values[-1] < values[0]),
        end_rose=bool(values[-1] > values[0]),
        learning_rate=float(path.learning_rate),
        momentum=float(path.momentum),
    )


def race_facts(plain: WalkFacts, heavy: WalkFacts, plain_points: np.ndarray, heavy_points: np.ndarray, span: float) -> RaceFacts:
    """The two walks side by side; ``*_points`` are the walks' points (start first) and
    ``span`` the longer side of the rectangle."""
    a = np.asarray(plain_points, dtype=float)[: plain.shown + 1]
    b = np.asarray(heavy_points, dtype=float)[: heavy.shown + 1]
    coincide = len(a) == len(b) and bool(np.all(np.linalg.norm(a - b, axis=1) <= 1e-3 * span))
    return RaceFacts(plain=plain, heavy=heavy, momentum=heavy.momentum, coincide=coincide)


def _pair(point: np.ndarray) -> tuple[float, float]:
    a, b = (float(v) for v in point)
    return (a if math.isfinite(a) else math.nan, b if math.isfinite(b) else math.nan)
