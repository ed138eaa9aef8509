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
from types import SimpleNamespace

import numpy as np

from mathcore import DescentPath, DomainError, ScalarField
from mathcore.descent import point_kind
from mathcore.numeric import PIXEL_SHARE, exact_change, significant_change, value_scale
from mathcore.numeric import same_walk as _same_walk

from scenes.kit.beats import Facts
from scenes.lessons.rolling.framing import WIDEN_LIMIT, framed_ranges  # noqa: F401  (re-exported)

__all__ = [
    "DRAWN",
    "MOVE_SHARE",
    "SAME_SHARE",
    "RaceFacts",
    "WalkFacts",
    "changed",
    "end_kind",
    "parting_step",
    "point_change",
    "race_facts",
    "walk_facts",
]

#: A ball "moves" on screen when it gets farther from its start than this share of the
#: longer side of the rectangle (1% is about 3 pixels of the hill at 480p). A ball that gets
#: less far, but not nowhere, may shift a pixel or none: its facts say neither (``moved`` None).
MOVE_SHARE = 0.01
#: Two walks are "the same walk" when every point of one lies within this share of the
#: longer side of the rectangle of the same point of the other: less than a pixel of the
#: hill (about 780 pixels across at 1080p; 350 at 480p). mathcore's ``PIXEL_SHARE``.
SAME_SHARE = PIXEL_SHARE
#: What the rolling lessons draw of every walk, as captions name it.
DRAWN = frozenset({"ball", "trail", "map", "panel", "readout", "marker"})


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
    moved : bool or None
        True when the ball drawn gets visibly away from its start (:data:`MOVE_SHARE` of the
        rectangle), False when it stays exactly where it started (no step drawn, or steps
        of zero length), None in between: a roll of a pixel or two, which the picture may
        show as a move or not, so no caption may claim either.
    distance : float
        The farthest the drawn ball gets from its start (in the inputs' units).
    end_slope : float
        The steepest slope at the last point.
    end_fell, end_rose : bool
        f went down (up) over the whole walk.
    learning_rate, momentum : float
        The walk's settings.
    visible : frozenset of str
        What is drawn, as captions name it (:func:`scenes.kit.claims.is_visible`): the
        ball, its trail, the map, the panel and its readout; the kind of point (``"minimum"``,
        ``"saddle"``, ...) too when the walk drawn ends on it inside the picture.
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
    moved: bool | None = False
    distance: float = 0.0
    end_slope: float = 0.0
    end_fell: bool = False
    end_rose: bool = False
    learning_rate: float = 0.1
    momentum: float = 0.0
    visible: frozenset[str] = frozenset()

    @property
    def left_picture(self) -> bool:
        """The walk went on after its last point drawn."""
        return self.shown < self.steps

    @property
    def shown_status(self) -> str:
        """How the walk drawn ends: the walk's status, or ``"left_map"`` when a walk that
        settles (converged, flat) does so off the picture, where it is not shown."""
        if self.left_picture and self.status in ("converged", "flat_start"):
            return "left_map"
        return self.status

    def as_drawn(self) -> WalkFacts:
        """These facts for a caption about the walk as drawn: when it runs off the picture,
        ``in_range`` is False, ``status`` is :attr:`shown_status` and no point is reached."""
        if not self.left_picture:
            return self
        return replace(self, in_range=False, status=self.shown_status, kind=None)

    def whole_walk(self) -> WalkFacts:
        """These facts with ``fell`` and ``rose`` over the whole walk (for captions about
        how it ended rather than about what was drawn)."""
        return replace(self, fell=self.end_fell, rose=self.end_rose)


@dataclass(frozen=True)
class RaceFacts(Facts):
    """Two walks from the same start: plain descent and descent with momentum.

    ``coincide`` is True when the two walks are the same at every step mathcore took (every
    point within a pixel, :data:`SAME_SHARE` of the rectangle, of the other's), as with
    momentum 0: the scene then says so and the momentum ball, drawn larger beneath the
    plain one, stays visible as a ring. Otherwise ``parted_at`` is the first step after
    which they are apart; ``ends_apart`` says their last points are (more than a pixel
    apart: different minima, say). ``visible`` says both racers can be seen (always, with that ring).
    """

    plain: WalkFacts = WalkFacts()
    heavy: WalkFacts = WalkFacts()
    momentum: float = 0.0
    coincide: bool = False
    parted_at: int | None = None
    ends_apart: bool = False
    visible: frozenset[str] = frozenset()

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


def changed(before: float, after: float, scale: float) -> int:
    """-1 if f fell from ``before`` to ``after``, 1 if it rose, 0 if the change is below
    float resolution at ``scale``, the size of f's values on the picture
    (:func:`mathcore.numeric.significant_change`): float noise is neither a fall nor a rise.

    >>> changed(1.0, 1.0 + 1e-16, 1.0), changed(1.0, 0.5, 1.0), changed(1e-6, 2e-6, 1e-6)
    (0, -1, 1)
    """
    return significant_change(before, after, scale)


def point_change(field: ScalarField, path: DescentPath, before: int, after: int, scale: float) -> int:
    """How f changed from point ``before`` to point ``after`` of ``path``: by the floats
    when the change is well above their resolution (:func:`changed`), else by the exact
    sign of f(after) - f(before) (:func:`mathcore.numeric.exact_change`); 0 at the same
    point or where f has no value to compare."""
    values, points = path.values, np.asarray(path.points, dtype=float)
    change = changed(values[before], values[after], scale)
    if change != 0 or np.array_equal(points[before], points[after]):
        return change
    try:
        return exact_change(field, tuple(points[before]), tuple(points[after]))
    except (DomainError, ValueError):
        return 0


def walk_facts(
    path: DescentPath,
    field: ScalarField,
    n_range: Sequence[float],
    e_range: Sequence[float],
    shown: int,
    scale: float | None = None,
    drawn: frozenset[str] = DRAWN,
) -> WalkFacts:
    """The facts of ``path`` drawn up to step ``shown`` on the rectangle ``n_range`` x
    ``e_range`` of ``field``. ``scale``, the size of f's values on the rectangle,
    scales the tolerance of "f fell" and "f rose" (:func:`changed`; default: mathcore's
    :func:`~mathcore.numeric.value_scale` there);
    ``drawn`` names what the scene draws of the walk (the facts' ``visible`` adds
    ``"minimum"`` when the drawn walk ends on one)."""
    points = np.asarray(path.points, dtype=float)
    values = np.asarray(path.values, dtype=float)
    if scale is None:
        try:
            scale = value_scale(field, n_range, e_range)
        except DomainError:
            scale = 1.0
    shown_change = point_change(field, path, 0, min(max(int(shown), 0), path.steps), scale)
    end_change = point_change(field, path, 0, path.steps, scale)
    shown = int(min(max(shown, 0), path.steps))
    start, walked = points[0], points[: shown + 1]
    span = max(n_range[1] - n_range[0], e_range[1] - e_range[0])
    distance = float(np.max(np.linalg.norm(walked - start, axis=1)))
    end = points[-1]
    in_range = bool(n_range[0] <= end[0] <= n_range[1] and e_range[0] <= end[1] <= e_range[1])
    flat_end = path.status in ("converged", "flat_start")
    kind = end_kind(field, end) if flat_end else None
    if kind is not None and in_range and shown == path.steps:
        drawn = drawn | {kind}
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
        kind=kind,
        in_range=in_range,
        fell=shown_change < 0,
        rose=shown_change > 0,
        moved=True if distance > MOVE_SHARE * span else (False if distance == 0 else None),
        distance=distance,
        end_slope=float(np.linalg.norm(path.gradients[-1])),
        end_fell=end_change < 0,
        end_rose=end_change > 0,
        learning_rate=float(path.learning_rate),
        momentum=float(path.momentum),
        visible=frozenset(drawn),
    )


def parting_step(a: np.ndarray, b: np.ndarray, tolerance: float) -> int | None:
    """The first step after which the walks ``a`` and ``b`` are more than ``tolerance``
    apart (or one has ended and the other goes on), or None if they are the same walk."""
    a = np.asarray(a, dtype=float).reshape(-1, 2)
    b = np.asarray(b, dtype=float).reshape(-1, 2)
    common = min(len(a), len(b))
    with np.errstate(invalid="ignore"):
        apart = ~(np.linalg.norm(a[:common] - b[:common], axis=1) <= tolerance)
    if apart.any():
        return int(np.argmax(apart))
    return None if len(a) == len(b) else common


def race_facts(
    plain: WalkFacts,
    heavy: WalkFacts,
    plain_path: DescentPath,
    heavy_path: DescentPath,
    span: float,
    racers: Sequence[str] = (),
) -> RaceFacts:
    """The two walks side by side; ``*_path`` are mathcore's walks (every step taken; or
    just their points, start first),
    ``span`` the longer side of the rectangle and ``racers`` the names of the two balls as
    captions say them ("yellow ball"). The walks are the same when they are within a pixel
    (:data:`SAME_SHARE` of ``span``) at every step (:func:`mathcore.numeric.same_walk`)."""
    walks = [p if hasattr(p, "points") else SimpleNamespace(points=np.asarray(p, dtype=float)) for p in (plain_path, heavy_path)]
    tolerance = SAME_SHARE * float(span)
    coincide = _same_walk(walks[0], walks[1], float(span), SAME_SHARE)
    plain_points, heavy_points = walks[0].points, walks[1].points
    parted = None if coincide else parting_step(plain_points, heavy_points, tolerance)
    a, b = (np.asarray(p, dtype=float).reshape(-1, 2)[-1] for p in (plain_points, heavy_points))
    with np.errstate(invalid="ignore"):
        ends_apart = not bool(np.linalg.norm(a - b) <= tolerance)
    return RaceFacts(
        plain=plain, heavy=heavy, momentum=heavy.momentum, coincide=coincide, parted_at=parted, ends_apart=ends_apart,
        visible=frozenset(plain.visible | heavy.visible | {r.lower() for r in racers} | {"racer"}),
    )


def _pair(point: np.ndarray) -> tuple[float, float]:
    a, b = (float(v) for v in point)
    return (a if math.isfinite(a) else math.nan, b if math.isfinite(b) else math.nan)
