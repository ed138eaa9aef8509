"""A descent walk drawn as it happens: a ball and its trail on the hillside, the same walk
on a top-view map, and the readout of f, all moved by one clock of steps.

:class:`Rider` holds one walk's mobjects and puts them at a fractional step;
:class:`RollDescent` plays one or more riders together, step k at ``times[k]`` seconds
(:func:`step_times` paces a long walk so it fits a given time). The trails are rewritten in
place each frame (:func:`reveal_polyline`): no new mobjects while the camera moves.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from manim import Animation, Dot, Mobject, VMobject

from mathcore import DescentPath

from scenes.kit.numbers import shown as shown_value
from scenes.parts.hill3d.ball3d import ShadedBall
from scenes.parts.panels.live_number import LiveReadout

__all__ = [
    "Rider",
    "RollDescent",
    "corners_of",
    "point_along",
    "reveal_polyline",
    "step_times",
    "steps_in_view",
    "subdivide_steps",
    "trail_points",
]


def step_times(steps: int, step_time: float, roll_time: float) -> np.ndarray:
    """The moments (seconds from the start of the roll) at which a ball reaches points
    0 .. ``steps`` of its walk.

    Each step takes ``step_time`` while the walk fits in ``roll_time``. A longer walk is sped
    up to last exactly ``roll_time``: its first step still takes ``step_time`` and each later
    one a little less, ``t_k = roll_time * (k / steps) ** p`` with
    ``p = log(roll_time / step_time) / log(steps)`` (p = 1, even steps, at the border).
    The last steps of a descent are the tiny ones near the bottom, so they pass fastest.
    """
    k = np.arange(steps + 1, dtype=float)
    if steps == 0:
        return k
    if steps * step_time <= roll_time:
        return k * step_time
    if roll_time <= step_time:
        return k * (roll_time / steps)
    power = math.log(roll_time / step_time) / math.log(steps)
    return roll_time * (k / steps) ** power


def steps_in_view(
    points: np.ndarray,
    values: np.ndarray,
    n_range: Sequence[float],
    e_range: Sequence[float],
    value_range: Sequence[float],
) -> int:
    """How many points of a walk, from the start, lie over the drawn hillside: inside the
    rectangle and with a value inside the axes. Once a walk has left, nothing after that
    counts, even if it comes back."""
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    values = np.asarray(values, dtype=float)
    inside = (
        np.isfinite(points).all(axis=1)
        & np.isfinite(values)
        & (points[:, 0] >= n_range[0]) & (points[:, 0] <= n_range[1])
        & (points[:, 1] >= e_range[0]) & (points[:, 1] <= e_range[1])
        & (values >= value_range[0]) & (values <= value_range[1])
    )
    outside = np.flatnonzero(~inside)
    return int(outside[0]) if outside.size else int(inside.size)


def subdivide_steps(points_ab: np.ndarray, pieces: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
    """Cut step k of a walk (from point k to point k + 1) into ``pieces[k]`` equal parts.

    Returns the points of all the parts in order, the walk's own points included, and the
    index of each walk point among them (the first is 0, the last the final index).
    """
    points_ab = np.asarray(points_ab, dtype=float).reshape(-1, 2)
    pieces = np.asarray(pieces, dtype=int)
    if len(pieces) != len(points_ab) - 1 or np.any(pieces < 1):
        raise ValueError("one count of at least 1 piece per step is needed")
    parts = [points_ab[:1]]
    for a, b, count in zip(points_ab[:-1], points_ab[1:], pieces):
        t = np.arange(1, count + 1)[:, None] / count
        parts.append(a + t * (b - a))
    marks = np.concatenate([[0], np.cumsum(pieces)])
    return np.vstack(parts), marks


def trail_points(hill: Any, points_ab: np.ndarray, piece: float = 0.15, most: int = 64) -> tuple[np.ndarray, np.ndarray]:
    """The points (m, 2) of a trail on the hillside ``hill`` through the walk ``points_ab``
    (k, 2), each step cut into pieces at most ``piece`` scene units long (at most ``most``
    per step) so that no chord cuts through or floats off the surface, and the index of
    each walk point among them. Where f is undefined between two steps (a hole), the trail
    goes straight over it."""
    points = np.asarray(points_ab, dtype=float).reshape(-1, 2)
    if len(points) == 1:
        return points, np.zeros(1, dtype=int)
    values = np.asarray(hill.field.evaluate(points[:, 0], points[:, 1]), dtype=float)
    ends = hill.to_scene(points[:, 0], points[:, 1], values)
    flat = hill.to_scene(points[:, 0], points[:, 1], np.zeros(len(points)))
    lengths = np.maximum(np.linalg.norm(np.diff(ends, axis=0), axis=1), np.linalg.norm(np.diff(flat, axis=0), axis=1))
    pieces = np.clip(np.ceil(np.nan_to_num(lengths, nan=most) / piece), 1, most).astype(int)
    dense, marks = subdivide_steps(points, pieces)
    keep = np.isfinite(np.asarray(hill.field.evaluate(dense[:, 0], dense[:, 1]), dtype=float))
    keep[marks] = True
    return dense[keep], np.cumsum(keep)[marks] - 1


def corners_of(path: VMobject) -> np.ndarray:
    """The corner points of a polyline made by ``set_points_as_corners``."""
    return np.vstack([path.get_start_anchors(), path.get_end_anchors()[-1:]])


def _corner_quads(corners: np.ndarray) -> np.ndarray:
    """The cubic Bézier points (4 per straight piece) of the polyline through ``corners``."""
    start, end = corners[:-1], corners[1:]
    return np.stack([start, (2 * start + end) / 3, (start + 2 * end) / 3, end], axis=1)


def point_along(corners: np.ndarray, x: float) -> np.ndarray:
    """The point at the fractional corner index ``x`` of a polyline (clamped to its ends)."""
    last = len(corners) - 1
    x = min(max(float(x), 0.0), float(last))
    j = min(int(math.floor(x)), max(last - 1, 0))
    if last == 0:
        return corners[0].copy()
    return corners[j] + (x - j) * (corners[j + 1] - corners[j])


def reveal_polyline(vmobject: VMobject, corners: np.ndarray, x: float, quads: np.ndarray | None = None) -> VMobject:
    """Make ``vmobject`` the polyline through ``corners`` from the first corner to the
    fractional corner index ``x`` (cheap: no new mobjects, one array per call)."""
    if quads is None:
        quads = _corner_quads(corners)
    last = len(corners) - 1
    x = min(max(float(x), 0.0), float(last))
    j = int(math.floor(x))
    if x <= 0 or last == 0:
        vmobject.points = np.zeros((0, 3))
        return vmobject
    whole = quads[:j].reshape(-1, 3)
    if j < last and x > j:
        tip = _corner_quads(np.array([corners[j], point_along(corners, x)]))[0]
        whole = np.vstack([whole, tip])
    vmobject.points = whole
    return vmobject


@dataclass
class Rider:
    """One walk drawn twice: a ball with a trail on the surface, and a marker with a path
    in the top view, plus the readout of f. :meth:`show` puts all of it at a (fractional)
    step of the walk.

    Attributes
    ----------
    path : DescentPath
        The walk.
    shown : int
        How many of its steps are drawn (the walk may leave the picture before its end).
    corners : (m, 3) array
        The trail's corners on the surface, every step cut into short pieces.
    marks : (shown + 1,) int array
        The index in ``corners`` of each point of the walk.
    ball_offset : (3,) array
        What to add to a trail corner to get the ball's centre (the ball sits on the surface).
    map_corners : (shown + 1, 3) array
        The walk's points in the top view.
    ball, trail, map_trail, marker, readout
        The mobjects :meth:`show` moves (the trails grow; the readout shows f at the last
        step reached, rounded to ``decimals`` as the scene shows it).
    decimals : int
        Digits after the point of the readout.
    facts : object
        What the scene knows about the walk (its captions are written from it).
    """

    path: DescentPath
    shown: int
    corners: np.ndarray
    marks: np.ndarray
    ball_offset: np.ndarray
    map_corners: np.ndarray
    ball: ShadedBall
    trail: VMobject
    map_trail: VMobject
    marker: Dot
    readout: LiveReadout
    decimals: int = 2
    facts: Any = None

    def __post_init__(self):
        self._quads = _corner_quads(self.corners) if len(self.corners) > 1 else np.zeros((0, 4, 3))
        self._map_quads = _corner_quads(self.map_corners) if len(self.map_corners) > 1 else np.zeros((0, 4, 3))

    def corner_index(self, step: float) -> float:
        """The fractional index in ``corners`` of the fractional ``step``."""
        step = min(max(float(step), 0.0), float(self.shown))
        k = min(int(math.floor(step)), max(self.shown - 1, 0))
        if self.shown == 0:
            return 0.0
        return float(self.marks[k] + (step - k) * (self.marks[k + 1] - self.marks[k]))

    def place(self) -> tuple[float, ...]:
        """Where the ball is in the lesson's coordinates: the walk's point at the step shown
        last (between two points while it rolls). For the picture facts:
        ``scene.name_in_picture("yellow ball", rider.ball, coords=rider.place)``."""
        step = getattr(self, "_step", 0.0)
        k = min(int(math.floor(step)), max(len(self.path.points) - 2, 0))
        points = np.asarray(self.path.points, dtype=float)
        if len(points) == 1:
            return tuple(float(c) for c in points[0])
        share = min(max(step - k, 0.0), 1.0)
        return tuple(float(c) for c in points[k] + share * (points[k + 1] - points[k]))

    def show(self, step: float) -> None:
        """Put the ball, the trails, the marker and the readout at ``step`` (0 .. shown)."""
        step = min(max(float(step), 0.0), float(self.shown))
        self._step = step
        x = self.corner_index(step)
        self.ball.place(point_along(self.corners, x) + self.ball_offset)
        reveal_polyline(self.trail, self.corners, x, self._quads)
        reveal_polyline(self.map_trail, self.map_corners, step, self._map_quads)
        self.marker.move_to(point_along(self.map_corners, step))
        reached = int(math.floor(step + 1e-9))
        self.readout.set_value(shown_value(float(self.path.values[reached]), self.decimals))


class RollDescent(Animation):
    """Walk riders along their steps by a shared clock: step k at ``times[k]`` seconds.

    The animation plays the clock from ``start`` to ``end`` seconds (its run time is their
    difference); a rider whose walk is over stays at its end. The clock sets the pace, so
    the animation's ``rate_func`` is not used (the camera may move smoothly meanwhile).
    ``step_readout``, if given, shows the clock's whole step.
    """

    def __init__(
        self,
        riders: Sequence[Rider],
        times: np.ndarray,
        start: float,
        end: float,
        step_readout: LiveReadout | None = None,
        **kwargs: Any,
    ):
        self.riders = list(riders)
        self.times = np.asarray(times, dtype=float)
        self.start, self.end = float(start), float(end)
        self.step_readout = step_readout
        kwargs.setdefault("run_time", max(self.end - self.start, 1e-3))
        super().__init__(self.riders[0].trail, **kwargs)

    def create_starting_mobject(self) -> Mobject:
        return Mobject()  # nothing to interpolate from: the riders are placed directly

    def step_at(self, alpha: float) -> float:
        """The clock's fractional step after the fraction ``alpha`` of the animation."""
        t = self.start + alpha * (self.end - self.start)
        return float(np.interp(t, self.times, np.arange(len(self.times), dtype=float)))

    def interpolate_mobject(self, alpha: float) -> None:
        step = self.step_at(alpha)
        for rider in self.riders:
            rider.show(step)
        if self.step_readout is not None:
            self.step_readout.set_value(min(int(math.floor(step + 1e-9)), len(self.times) - 1))
