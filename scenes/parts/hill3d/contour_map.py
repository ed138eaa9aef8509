"""The top-view map of a hillside: :class:`ContourMap`, framed axes with the contour lines
(:func:`~scenes.parts.hill3d.contours.contour_lines`) coloured from dark (low) to light (high),
optionally drawn as maps are (north up, east to the right) with tick numbers readable at 480p.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
from manim import DOWN, LEFT, RIGHT, UP, Axes, Dot, Line, ManimColor, MathTex, Rectangle, VGroup, VMobject, interpolate_color

from mathcore import ScalarField
from mathcore.level_sets import REFINE_STEPS, check_range

from scenes.kit import style
from scenes.kit.numbers import number
from scenes.parts.hill3d.contours import _as_field, _sample, _trace, contour_levels
from scenes.parts.plot2d.axes import READABLE_NUMBER_SIZE, READABLE_TICK_SIZE, nice_range

__all__ = ["CONTOUR_RAMP", "TICK_NUMBER_SIZE", "ContourMap"]

#: Font size of the map's tick numbers: digits 14 px tall at 480p.
TICK_NUMBER_SIZE = READABLE_NUMBER_SIZE

#: Length of a tick mark on the map's edge (14 px at 480p).
TICK_LENGTH = 2 * READABLE_TICK_SIZE

#: The function's colour from a dark tone (low levels) to a pale one (high levels) (the
#: palette's, so it follows the scene's theme: :mod:`scenes.kit.theme`).
CONTOUR_RAMP: tuple[ManimColor, ...] = style.CONTOUR_RAMP



class ContourMap(VGroup):
    """A top-view map of y = f(a, b): framed axes with the contour lines, low levels dark.

    Parameters
    ----------
    field : ScalarField or str
        The function; text is parsed by mathcore with ``variables``.
    a_range, b_range : (float, float)
        The rectangle shown: a along the scene's x, b along its y.
    width : float
        Width of the map's box in scene units.
    height : float, optional
        Height of the box; default from the ranges' aspect (equal units on both axes).
    levels : int or sequence of float
        How many levels to draw (placed by :func:`contour_levels`), or the levels themselves
        (sorted; repeated and non-finite ones dropped).
    resolution : int
        Cells of the marching-squares grid each way.
    variables : (str, str)
        The variable names when ``field`` is text.
    axis_labels : bool
        Label the box's bottom edge with a's name and its left edge with b's name (LaTeX).
    stroke_width : float
        Width of the contour lines.
    colors : sequence of colours
        The ramp from the lowest level's colour to the highest's.
    label_size : float, optional
        Font size of the axis labels; default :data:`style.LABEL_SIZE` scaled down with a
        box smaller than 4 units (to no less than 75 %, still readable at 480p).
    background_opacity : float
        Opacity of the background behind the map (so it reads as an inset over a 3-D scene).
    north_up : bool
        Draw it as a map is drawn: a (north) up the box, b (east) to the right; default a to
        the right and b up.
    tick_numbers : bool
        Short ticks and their numbers on the left and bottom edges (digits
        :data:`TICK_NUMBER_SIZE`: 14 px tall at 480p), at round steps of each range.
    label_at_end : bool
        Put the bottom edge's label at the right end of that edge, beside the box's lower
        right corner (where an axis ends), instead of under its middle: the map then takes
        no more height than its box and the bottom numbers, for a crowded panel.

    Attributes
    ----------
    field : ScalarField
    axes : Axes
        The coordinate system (faint guide lines where a = 0 and b = 0, no ticks).
    lines : VGroup
        One VMobject per level (its polylines as subpaths), from the lowest level up.
    levels : (L,) array
        The levels drawn.
    background, frame : Rectangle
    labels : VGroup
        The axis labels (empty without ``axis_labels``).
    ticks : VGroup
        The tick marks and their numbers (empty without ``tick_numbers``); ``ticks.values``
        lists (axis name, value) of each number, in the order of its submobjects.
    """

    def __init__(
        self,
        field: ScalarField | str,
        a_range: Sequence[float],
        b_range: Sequence[float],
        *,
        width: float = 4.0,
        height: float | None = None,
        levels: int | Sequence[float] = 8,
        resolution: int = 96,
        variables: Sequence[str] = ("n", "e"),
        axis_labels: bool = True,
        stroke_width: float = 2.0,
        colors: Sequence[Any] = CONTOUR_RAMP,
        label_size: float | None = None,
        background_opacity: float = 0.9,
        north_up: bool = False,
        tick_numbers: bool = False,
        label_at_end: bool = False,
        **kwargs: Any,
    ):
        super().__init__(**kwargs)
        self.field = _as_field(field, variables)
        self.a_range = check_range("a_range", a_range)
        self.b_range = check_range("b_range", b_range)
        (a0, a1), (b0, b1) = self.a_range, self.b_range
        if height is None:
            height = width * (b1 - b0) / (a1 - a0)
        if not (width > 0 and height > 0):
            raise ValueError(f"width and height must be positive, got {width}, {height}")
        a, b, values = _sample(self.field, self.a_range, self.b_range, resolution)
        if isinstance(levels, (int, np.integer)):
            self.levels = contour_levels(values, int(levels))
        else:
            chosen = np.asarray(levels, dtype=float).ravel()
            self.levels = np.unique(chosen[np.isfinite(chosen)])

        self.north_up = bool(north_up)
        across, upward = ((b0, b1), (a0, a1)) if self.north_up else ((a0, a1), (b0, b1))
        self.axes = Axes(
            x_range=[across[0], across[1], across[1] - across[0]],
            y_range=[upward[0], upward[1], upward[1] - upward[0]],
            x_length=width,
            y_length=height,
            tips=False,
            axis_config={"color": style.MUTED, "stroke_width": 1.0, "stroke_opacity": 0.5, "include_ticks": False},
        )
        centre = self._axes_point(0.5 * (a0 + a1), 0.5 * (b0 + b1))
        self.background = Rectangle(width=width, height=height, stroke_width=0).move_to(centre)
        self.background.set_fill(style.BACKGROUND, opacity=background_opacity)
        self.frame = Rectangle(width=width, height=height, stroke_color=style.MUTED, stroke_width=1.5).move_to(centre)

        ramp = [ManimColor(c) for c in colors]
        self.lines = VGroup()
        for k, level in enumerate(self.levels):
            t = k / (len(self.levels) - 1) if len(self.levels) > 1 else 0.5
            line = VMobject(stroke_color=_ramp_color(ramp, t), stroke_width=stroke_width, fill_opacity=0)
            line.level = float(level)
            corners = [self._to_scene(poly) for poly in _trace(self.field, a, b, values, float(level), REFINE_STEPS)]
            line.set_points(_polylines_as_beziers(corners))
            self.lines.add(line)

        self.ticks = VGroup()
        self.ticks.values = []
        if tick_numbers:
            self._add_ticks()
        self.labels = VGroup()
        if axis_labels:
            if label_size is None:
                label_size = style.LABEL_SIZE * float(np.clip(min(width, height) / 4, 0.75, 1.0))
            a_name, b_name = self.field.variables
            bottom, left = (b_name, a_name) if self.north_up else (a_name, b_name)
            edge = VGroup(self.frame, self.ticks)
            under = MathTex(bottom, font_size=label_size, color=style.INK)
            if label_at_end:  # beside the lower right corner, level with the bottom numbers
                row = VGroup(self.frame, *(m for m in self.ticks.submobjects[1::2] if m.get_top()[1] < self.frame.get_bottom()[1]))
                under.next_to(row.get_corner(DOWN + RIGHT), RIGHT, buff=0.12)  # past the last number too
                under.set_y((self.frame.get_bottom()[1] + row.get_bottom()[1]) / 2 if len(row) > 1 else self.frame.get_bottom()[1])
            else:
                under.next_to(edge, DOWN, buff=0.1)
            self.labels.add(under, MathTex(left, font_size=label_size, color=style.INK).next_to(edge, LEFT, buff=0.12))
            if self.north_up:  # keep the order (a's label, b's label)
                self.labels.submobjects.reverse()
        self.add(self.background, self.axes, self.lines, self.frame, *([self.ticks] if tick_numbers else []), self.labels)

    def _add_ticks(self) -> None:
        """Ticks inside the left and bottom edges with their numbers outside, at round steps."""
        a_name, b_name = self.field.variables
        sides = [(0, a_name, self.a_range), (1, b_name, self.b_range)]
        for axis, name, (low, high) in sides:
            step = nice_range(low, high, ticks=4, pad=0.0)[2]
            decimals = max(0, -math.floor(math.log10(step) + 1e-9)) if step < 1 else 0
            values = np.arange(math.ceil(low / step - 1e-9), math.floor(high / step + 1e-9) + 1) * step
            vertical = (axis == 0) == self.north_up  # this variable runs up the box
            for value in values:
                at = self.c2p(value, self.b_range[0]) if axis == 0 else self.c2p(self.a_range[0], value)
                if vertical:
                    at = np.array([self.frame.get_left()[0], at[1], 0.0])
                    mark = Line(at, at + TICK_LENGTH * RIGHT, stroke_color=style.MUTED, stroke_width=2)
                else:
                    at = np.array([at[0], self.frame.get_bottom()[1], 0.0])
                    mark = Line(at, at + TICK_LENGTH * UP, stroke_color=style.MUTED, stroke_width=2)
                text = MathTex(number(float(value), decimals), font_size=TICK_NUMBER_SIZE, color=style.INK)
                text.next_to(at, LEFT if vertical else DOWN, buff=0.1)
                if any(_overlap(text, other) for other in self.ticks.submobjects[1::2]):
                    continue  # e.g. both axes' numbers at the low corner: the first one stays
                self.ticks.add(mark, text)
                self.ticks.values.append((name, float(value)))

    def _axes_point(self, a: float, b: float) -> np.ndarray:
        """The point of the axes at (a, b), whichever way the map is turned."""
        return np.asarray(self.axes.c2p(b, a) if self.north_up else self.axes.c2p(a, b), dtype=float)

    def tick_numbers(self) -> list[Any]:
        """The number mobjects of the ticks, in the order of ``ticks.values``."""
        return list(self.ticks.submobjects[1::2])

    # -- coordinates ------------------------------------------------------------------------
    def _to_scene(self, ab: np.ndarray) -> np.ndarray:
        """Scene points (k, 3) of (a, b) rows, through the axes wherever the map now is."""
        (a0, a1), (b0, b1) = self.a_range, self.b_range
        origin = self._axes_point(a0, b0)
        along_a = (self._axes_point(a1, b0) - origin) / (a1 - a0)
        along_b = (self._axes_point(a0, b1) - origin) / (b1 - b0)
        ab = np.asarray(ab, dtype=float).reshape(-1, 2)
        return origin + (ab[:, :1] - a0) * along_a + (ab[:, 1:] - b0) * along_b

    def c2p(self, a: float, b: float) -> np.ndarray:
        """The scene point (3,) of the coordinates (a, b) on the map."""
        return self._to_scene(np.array([[a, b]]))[0]

    # -- marks on the map ---------------------------------------------------------------------
    def path(self, points_ab: np.ndarray, color: Any = style.DESCENT, stroke_width: float = 3) -> VMobject:
        """A polyline through ``points_ab`` (k, 2) on the map, e.g. a descent path.

        Non-finite points are skipped and the others clipped to the map's box. With fewer
        than two points left the VMobject is empty. Over a 3-D scene, pin it in the frame
        as the map is pinned."""
        ab = np.asarray(points_ab, dtype=float).reshape(-1, 2)
        ab = ab[np.isfinite(ab).all(axis=1)]
        ab = np.column_stack([np.clip(ab[:, 0], *self.a_range), np.clip(ab[:, 1], *self.b_range)])
        path = VMobject(stroke_color=color, stroke_width=stroke_width, fill_opacity=0)
        if len(ab) >= 2:
            path.set_points_as_corners(self._to_scene(ab))
        return path

    def marker(self, a: float, b: float, color: Any = style.BALL, radius: float = 0.06) -> Dot:
        """A dot at (a, b) on the map, e.g. the ball seen from above."""
        return Dot(self.c2p(a, b), radius=radius, color=color)


def _overlap(first: Any, second: Any, pad: float = 0.04) -> bool:
    """Do the boxes of two mobjects, each grown by ``pad``, overlap?"""
    return bool(
        first.get_left()[0] - pad < second.get_right()[0] + pad and second.get_left()[0] - pad < first.get_right()[0] + pad
        and first.get_bottom()[1] - pad < second.get_top()[1] + pad and second.get_bottom()[1] - pad < first.get_top()[1] + pad
    )


def _ramp_color(ramp: Sequence[ManimColor], t: float) -> ManimColor:
    """The colour at ``t`` in [0, 1] along a ramp of colours."""
    if len(ramp) == 1:
        return ramp[0]
    x = t * (len(ramp) - 1)
    k = min(int(x), len(ramp) - 2)
    return interpolate_color(ramp[k], ramp[k + 1], x - k)


def _polylines_as_beziers(polylines: Sequence[np.ndarray]) -> np.ndarray:
    """Cubic Bézier control points (4 per straight segment) of polylines, one subpath each."""
    pieces = []
    for p in polylines:
        if len(p) < 2:
            continue
        start, end = p[:-1], p[1:]
        pieces.append(np.stack([start, (2 * start + end) / 3, (start + 2 * end) / 3, end], axis=1).reshape(-1, 3))
    return np.concatenate(pieces) if pieces else np.zeros((0, 3))
