"""The facts of the gradient-descent lessons: frozen records computed from mathcore's walks.

Each beat of :class:`~scenes.lessons.descent.scene.GradientDescent1D` and
:class:`~scenes.lessons.learning_rates.scene.LearningRates` is written from one of these records by a pure
function of :mod:`scenes.lessons.descent.captions`. The field names the claim checker reads
(:mod:`scenes.kit.claims`) mean, in every record, what the caption written from it talks about:
``fell``/``rose`` that f went down/up over those steps, ``moved`` that the point moved,
``slope`` the slope named (0 exactly when mathcore calls it flat: no larger than the
walk's tolerance), ``status`` how the walk ended, ``kind``/``in_range`` the point reached.

Whether f fell or rose is the mathematics, not the floats: a :class:`ValueChange` judges
each change (float resolution scaled to the function, then sympy's exact sign), so a change
of ``cosh(w) - 1`` lost in rounding is not counted as "no change" or "went up".

Nothing here draws or solves: the numbers are the :class:`mathcore.DescentPath`'s, the
kinds of points mathcore's.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mathcore import DescentPath
from mathcore import DomainError
from mathcore.descent import creeping_toward, point_kind
from mathcore.numeric import significant_change

from scenes.kit.beats import Facts
from scenes.lessons.common.value_change import ValueChange
from scenes.parts.walk.descent_steps import readable_digits, update_numbers

__all__ = [
    "OutcomeFacts",
    "RuleFacts",
    "ShapeFacts",
    "StartFacts",
    "StepFacts",
    "ValueChange",
    "WalkFacts",
    "outcome_facts",
    "shape_facts",
    "start_facts",
    "step_facts",
    "walk_facts",
]


@dataclass(frozen=True)
class ShapeFacts(Facts):
    """What the picture of f shows: how many minima lie in the range shown."""

    variable: str
    minima: int


@dataclass(frozen=True)
class RuleFacts(Facts):
    """The update rule in words: the variable's name, and no claim."""

    variable: str


@dataclass(frozen=True)
class StartFacts(Facts):
    """A walk's start: where, and which way its slope points.

    ``fell`` is true when the slope is not flat: f then falls going against the slope,
    which is what a start caption says ("f falls toward larger w").
    """

    variable: str
    w: float
    slope: float
    tiny: bool  # |slope| so small that it reads as 0 at the most digits shown
    fell: bool
    kind: str | None  # the kind of a flat start (mathcore), else None
    in_range: bool
    decimals: int
    first: bool  # the first start of the scene


@dataclass(frozen=True)
class StepFacts(Facts):
    """Update number ``step`` (1 for the first) of a walk."""

    variable: str
    step: int
    learning_rate: float
    w_old: float
    w_new: float
    slope: float
    f_old: float
    f_new: float
    decimals: int
    change: int = 0  # -1 f fell, +1 f rose, 0 neither (judged by a ValueChange)

    @property
    def fell(self) -> bool:
        return self.change < 0

    @property
    def rose(self) -> bool:
        return self.change > 0

    @property
    def moved(self) -> bool:
        return self.w_new != self.w_old


@dataclass(frozen=True)
class WalkFacts(Facts):
    """The steps of a walk that were shown: how many, from where to where, and what f did.

    ``fell``/``rose`` compare the last shown point with the start; ``fell_steps`` and
    ``rose_steps`` count the shown steps that lowered/raised f (the others changed it by
    nothing, mathematically).
    """

    variable: str
    learning_rate: float
    shown: int
    w_first: float
    w_last: float
    f_first: float
    f_last: float
    fell_steps: int
    rose_steps: int
    left_view: bool  # the next step leaves the picture
    steps: int  # updates mathcore made in all (0: the walk stopped before its first step)
    status: str
    decimals: int
    change: int = 0  # of f from the first to the last shown point: -1, +1 or 0
    last_digits: int = 0  # the digits the last shown step wrote w with (its update checks at them)

    @property
    def fell(self) -> bool:
        return self.shown > 0 and self.change < 0

    @property
    def rose(self) -> bool:
        return self.shown > 0 and self.change > 0

    @property
    def moved(self) -> bool:
        return self.shown > 0 and self.w_last != self.w_first

    @property
    def in_range(self) -> bool:
        """False when the walk leaves the picture (its next step lands outside)."""
        return not self.left_view


@dataclass(frozen=True)
class OutcomeFacts(Facts):
    """How a walk ends when left to run (up to ``max_steps``), from mathcore's status."""

    variable: str
    learning_rate: float
    w_start: float
    status: str
    steps: int
    w_end: float
    f_end: float
    slope: float  # 0 when mathcore calls the end flat
    kind: str | None  # the kind of the flat point reached (converged, flat start), else None
    ahead: tuple[float, str] | None  # (where, kind) of the flat point a stalled walk creeps toward
    in_range: bool  # the end lies in the range shown
    minima: int  # minima in the range shown
    fell: bool  # f at the end is below f at the start
    rose: bool
    moved: bool
    bounce: tuple[float, float] | None  # the two points an oscillating walk jumps between
    landing: float | None  # where the failing step would have landed (left_domain)
    decimals: int


def shape_facts(variable: str, critical_points, x_range) -> ShapeFacts:
    """The shape of f from mathcore's critical points (``Curve.critical_points``)."""
    low, high = x_range[0], x_range[1]
    minima = sum(1 for p in critical_points if p.kind == "minimum" and low <= p.x <= high)
    return ShapeFacts(variable, minima)


def _flat(path: DescentPath, index: int, tolerance: float) -> bool:
    return abs(float(path.gradients[index, 0])) <= tolerance


def _kind(curve, path: DescentPath, index: int) -> str:
    kind = point_kind(curve, path.points[index], path.gradients[index])
    return "inflection point" if kind == "inflection" else kind


def start_facts(curve, path: DescentPath, tolerance: float, x_range, decimals: int, first: bool = True) -> StartFacts:
    """The facts of ``path``'s start."""
    slope = float(path.gradients[0, 0])
    flat = _flat(path, 0, tolerance)
    w = float(path.points[0, 0])
    return StartFacts(
        variable=path.variables[0],
        w=w,
        slope=0.0 if flat else slope,
        tiny=not flat and abs(slope) < 0.5e-6,
        fell=not flat,
        kind=_kind(curve, path, 0) if flat else None,
        in_range=bool(x_range[0] <= w <= x_range[1]),
        decimals=decimals,
        first=first,
    )


def _judge(path: DescentPath, judge: ValueChange | None):
    """``judge.of``; without a judge (no curve at hand), the float change at the resolution
    of the walk's own values (never a bare float comparison)."""
    if judge is not None:
        return judge.of
    values = np.asarray(path.values, dtype=float)
    finite = values[np.isfinite(values)]
    scale = float(np.max(np.abs(finite))) if finite.size else 1.0
    return lambda p, i, j: significant_change(p.values[i], p.values[j], scale)


def step_facts(path: DescentPath, step: int, decimals: int, judge: ValueChange | None = None) -> StepFacts:
    """The facts of update ``step`` (1 for the first) of ``path``; ``judge`` decides whether
    f fell or rose (see :class:`ValueChange`)."""
    if not 1 <= step <= path.steps:
        raise ValueError(f"step must be from 1 to {path.steps}, got {step}")
    return StepFacts(
        variable=path.variables[0],
        step=step,
        learning_rate=path.learning_rate,
        w_old=float(path.points[step - 1, 0]),
        w_new=float(path.points[step, 0]),
        slope=float(path.gradients[step - 1, 0]),
        f_old=float(path.values[step - 1]),
        f_new=float(path.values[step]),
        decimals=decimals,
        change=_judge(path, judge)(path, step - 1, step),
    )


def walk_facts(path: DescentPath, shown: int, in_view: int, decimals: int, judge: ValueChange | None = None) -> WalkFacts:
    """The facts of the first ``shown`` steps of ``path`` (the ones drawn), of which the
    first ``in_view`` points lie in the picture (:func:`~scenes.parts.walk.descent_steps.visible_count`)."""
    values = np.asarray(path.values[: shown + 1], dtype=float)
    change = _judge(path, judge)
    changes = np.array([change(path, i, i + 1) for i in range(shown)], dtype=int)
    return WalkFacts(
        variable=path.variables[0],
        learning_rate=path.learning_rate,
        shown=shown,
        w_first=float(path.points[0, 0]),
        w_last=float(path.points[shown, 0]),
        f_first=float(values[0]),
        f_last=float(values[-1]),
        fell_steps=int(np.sum(changes < 0)),
        rose_steps=int(np.sum(changes > 0)),
        left_view=in_view <= path.steps and shown >= in_view - 1,
        steps=path.steps,
        status=path.status,
        decimals=decimals,
        change=change(path, 0, shown) if shown > 0 else 0,
        last_digits=_step_digits(path, shown, decimals) if shown > 0 else 0,
    )


def walk_digits(path: DescentPath, shown: int, decimals: int) -> int:
    """The digits a readout of w needs to show what the captions say of a walk: its start as
    its caption writes it (a start at 0.001 does not read 0), and each of the ``shown``
    steps' landings as its update writes it."""
    digits = readable_digits(float(path.points[0, 0]), decimals)
    for step in range(1, min(shown, path.steps) + 1):
        digits = max(digits, _step_digits(path, step, decimals))
    return digits


def _step_digits(path: DescentPath, step: int, decimals: int) -> int:
    """The digits update ``step`` writes w with (:func:`update_numbers`), so that a later
    caption names its result as the step's caption did."""
    w_old, w_new = float(path.points[step - 1, 0]), float(path.points[step, 0])
    return update_numbers(w_old, path.learning_rate, float(path.gradients[step - 1, 0]), w_new, decimals).digits


def _ahead(curve, path: DescentPath, x_range) -> tuple[float, str] | None:
    """(where, kind) of the flat point a walk that used all its steps creeps toward
    (mathcore's :func:`~mathcore.descent.creeping_toward`: its slope is small next to f's
    typical slope over the range shown), or None."""
    try:
        found = creeping_toward(curve, path, [(float(x_range[0]), float(x_range[1]))])
    except (ValueError, DomainError):
        return None
    if found is None:
        return None
    point, kind = found
    return float(np.atleast_1d(point)[0]), ("inflection point" if kind == "inflection" else kind)


def outcome_facts(
    curve, path: DescentPath, tolerance: float, x_range, critical_points, decimals: int, judge: ValueChange | None = None
) -> OutcomeFacts:
    """How ``path`` ended: the kind of the flat point it reached (mathcore's
    ``point_kind``) or creeps toward (from ``critical_points``, mathcore's
    ``Curve.critical_points`` over the range shown). ``judge`` (by default the one for
    ``curve`` over ``x_range``) decides whether f fell or rose from start to end."""
    end = path.steps
    judge = judge if judge is not None else ValueChange.for_view(curve, x_range)
    change = judge.of(path, 0, end) if end > 0 else 0
    flat = _flat(path, end, tolerance)
    kind = _kind(curve, path, end) if flat else None
    minima = shape_facts(path.variables[0], critical_points, x_range).minima
    w_end = float(path.points[end, 0])
    bounce = (float(path.points[end - 1, 0]), w_end) if path.status == "oscillating" and end >= 1 else None
    landing = None
    if path.status == "left_domain":
        landing = w_end - path.learning_rate * float(path.gradients[end, 0])
    return OutcomeFacts(
        variable=path.variables[0],
        learning_rate=path.learning_rate,
        w_start=float(path.points[0, 0]),
        status=path.status,
        steps=end,
        w_end=w_end,
        f_end=float(path.values[end]),
        slope=0.0 if flat else float(path.gradients[end, 0]),
        kind=kind,
        ahead=_ahead(curve, path, x_range),
        in_range=bool(x_range[0] <= w_end <= x_range[1]),
        minima=minima,
        fell=change < 0,
        rose=change > 0,
        moved=end > 0 and float(path.points[end, 0]) != float(path.points[end - 1, 0]),
        bounce=bounce,
        landing=landing,
        decimals=decimals,
    )
