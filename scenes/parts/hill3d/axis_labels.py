"""Numbers and letters of 3-D axes, pinned to the screen and kept beside their axes.

Text drawn in 3-D turns and shrinks with the camera and floats over the surface. Here each
label is pinned to the screen at a constant, readable size (digits >= 14 px tall at 480p)
and placed, for the camera of the moment, just outside the hill's box: beside its tick, on
the side of the axis away from the box. :meth:`AxisLabels.place` puts every label where the
camera shows its anchor; :meth:`AxisLabels.follow` is an animation that keeps them there
while the camera moves.

The layout check (:mod:`scenes.kit.layout`) takes pinned text as it is drawn, so the boxes it
checks are the boxes the learner sees.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from manim import MathTex, Mobject, UpdateFromFunc, VGroup

from scenes.kit import style
from scenes.kit.numbers import number_tex

__all__ = ["AxisLabels", "TICK_FONT_SIZE", "LETTER_FONT_SIZE", "Anchor", "tick_decimals"]

#: Font size of tick numbers: digits 0.243 units tall, 14.6 px at 480p.
TICK_FONT_SIZE = 34
#: Font size of the axis letters.
LETTER_FONT_SIZE = 40
#: Gap between a label and the point it labels, in screen units.
GAP = 0.12


@dataclass(frozen=True)
class Anchor:
    """Where a label belongs: a scene point and the scene direction pointing away from the box."""

    point: tuple[float, float, float]
    away: tuple[float, float, float]


def tick_decimals(step: float, most: int = 6) -> int:
    """The fewest decimals that write every multiple of ``step`` exactly (at most ``most``).

    >>> tick_decimals(2.5), tick_decimals(500.0), tick_decimals(0.0005)
    (1, 0, 4)
    """
    for decimals in range(most + 1):
        if abs(round(step, decimals) - step) <= 1e-9 * max(1.0, abs(step)):
            return decimals
    return most


class AxisLabels(VGroup):
    """Pinned labels (tick numbers and axis letters) that follow 3-D anchors on screen.

    The group holds two groups: :attr:`numbers` and :attr:`letters` (the three axis
    letters, in axis order).

    Parameters
    ----------
    entries : sequence of (MathTex, Anchor)
        Each label and where it belongs; the last three are the axis letters.
    """

    def __init__(self, entries: Sequence[tuple[Mobject, Anchor]]):
        labels = [label for label, _ in entries]
        self.numbers = VGroup(*labels[:-3])
        self.letters = VGroup(*labels[-3:])
        super().__init__(self.numbers, self.letters)
        self.labels = labels
        self.anchors = [anchor for _, anchor in entries]

    @classmethod
    def for_axes(cls, axes, letters: Sequence[str], skip_corner: bool = True) -> AxisLabels:
        """Tick numbers on the three axes of a :class:`~scenes.parts.hill3d.axes3d.LessonAxes3D`
        and the ``letters`` (LaTeX) beyond their tips. The n and e numbers at the corner
        where the axes cross are left to the height axis (``skip_corner``)."""
        _, basis = axes._frame()
        units = basis / np.linalg.norm(basis, axis=1, keepdims=True)
        low = np.array([r[0] for r in (axes.x_range, axes.y_range, axes.z_range)])
        high = np.array([r[1] for r in (axes.x_range, axes.y_range, axes.z_range)])
        middle = (low + high) / 2
        entries: list[tuple[Mobject, Anchor]] = []
        axis_of: list[int] = []
        lines = getattr(axes, "lines", np.tile(axes.cross, (3, 1)))
        foot = lines[2]  # where the height axis stands
        for k, r in enumerate((axes.x_range, axes.y_range, axes.z_range)):
            if k < 2:  # away from the box, across the floor
                side = 1 - k
                away = units[side] * (1.0 if lines[k][side] >= middle[side] else -1.0)
            else:  # the height axis: away from the box's middle, level
                away = sum(units[j] * (1.0 if lines[k][j] >= middle[j] else -1.0) for j in (0, 1))
                away = away / np.linalg.norm(away)
            decimals = tick_decimals(r[2])
            for value in axes.tick_values(k):
                coords = lines[k].copy()
                coords[k] = value
                if skip_corner and k < 2 and _on_another_axis(coords, k, lines):
                    continue
                label = MathTex(number_tex(float(value), decimals), font_size=TICK_FONT_SIZE, color=style.MUTED)
                entries.append((label, Anchor(tuple(axes.c2p(*coords)), tuple(away))))
                axis_of.append(k)
        for k, text in enumerate(letters):
            tip = axes.axis_end(k) + axes.tip_length * units[k]
            label = MathTex(text, font_size=LETTER_FONT_SIZE, color=style.INK)
            entries.append((label, Anchor(tuple(tip), tuple(units[k]))))
        marks = cls(entries)
        marks.axis_of = axis_of
        return marks

    def place(self, project: Callable[[np.ndarray], np.ndarray]) -> AxisLabels:
        """Move every label beside its anchor as ``project`` (scene points (N, 3) to screen
        points (N, >=2), e.g. ``camera.project_points``) shows it."""
        points = np.array([a.point for a in self.anchors], dtype=float)
        ahead = points + 0.2 * np.array([a.away for a in self.anchors], dtype=float)
        at, to = project(points)[:, :2], project(ahead)[:, :2]
        direction = to - at
        length = np.linalg.norm(direction, axis=1, keepdims=True)
        direction = np.where(length > 1e-9, direction / np.maximum(length, 1e-9), [0.0, -1.0])
        for label, spot, d in zip(self.labels, at, direction):
            reach = 0.5 * (label.width * abs(d[0]) + label.height * abs(d[1]))
            centre = spot + (GAP + reach) * d
            label.move_to([centre[0], centre[1], 0.0])
        return self

    def thin(self, projections: Sequence[Callable[[np.ndarray], np.ndarray]], keep: int = 3, first_axis: int | None = None) -> AxisLabels:
        """Leave out tick numbers that would overlap a number or letter kept before them in
        any of ``projections`` (the views a scene uses): the letters (the last ``keep``
        labels) first, then the numbers in order. With ``first_axis`` (e.g. 2, the height
        axis, whose values tell a steep hill from a gentle one) the numbers take turns instead,
        one axis after the other starting with ``first_axis``, each axis its two ends first:
        every axis keeps its range and the height axis several values."""
        count = len(self.labels)
        numbers = list(range(count - keep))
        axis_of = getattr(self, "axis_of", None)
        if first_axis is not None and axis_of is not None and len(axis_of) == len(numbers):
            numbers = _taking_turns(numbers, axis_of, first_axis)
        order = list(range(count - keep, count)) + numbers
        boxes = []
        for project in projections:
            self.place(project)
            boxes.append([_box(label) for label in self.labels])
        kept: list[int] = []
        for index in order:
            if all(not _overlap(view[index], view[j]) for view in boxes for j in kept):
                kept.append(index)
        kept.sort()
        if axis_of is not None and len(axis_of) == count - keep:
            self.axis_of = [axis_of[i] for i in kept if i < count - keep]
        self.labels = [self.labels[i] for i in kept]
        self.anchors = [self.anchors[i] for i in kept]
        self.numbers.submobjects = self.labels[:-keep]
        return self

    def follow(self, camera) -> UpdateFromFunc:
        """An animation that keeps the labels beside their anchors while ``camera`` moves."""
        return UpdateFromFunc(self, lambda labels: labels.place(camera.project_points))


def _taking_turns(numbers: list[int], axis_of: Sequence[int], first_axis: int) -> list[int]:
    """The label indices ``numbers`` in turns over their axes (``first_axis`` first, then the
    others in order), each axis giving its two ends first, then its middle numbers in order.

    >>> _taking_turns([0, 1, 2, 3, 4, 5, 6], [0, 0, 0, 2, 2, 2, 2], 2)
    [3, 0, 6, 2, 4, 1, 5]
    """
    axes = sorted(set(axis_of), key=lambda k: (k != first_axis, k))
    queues = []
    for k in axes:
        mine = [i for i in numbers if axis_of[i] == k]
        queues.append(mine[:1] + mine[-1:] + mine[1:-1] if len(mine) > 1 else mine)
    order: list[int] = []
    while any(queues):
        for queue in queues:
            if queue:
                order.append(queue.pop(0))
    return order


def _on_another_axis(coords: np.ndarray, k: int, lines: np.ndarray) -> bool:
    """True if the point ``coords`` of axis ``k`` lies on the line of another axis."""
    for j, line in enumerate(lines):
        if j == k:
            continue
        others = [i for i in range(3) if i != j]
        if np.allclose(coords[others], line[others], rtol=1e-9, atol=1e-9):
            return True
    return False


def _box(mobject: Mobject) -> tuple[float, float, float, float]:
    return (mobject.get_left()[0] - 0.06, mobject.get_right()[0] + 0.06, mobject.get_bottom()[1] - 0.04, mobject.get_top()[1] + 0.04)


def _overlap(a, b) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[2], b[2])
