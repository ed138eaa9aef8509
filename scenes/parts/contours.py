"""Contour lines of a hillside and the top-view map that shows them.

A contour line (level curve) joins the points (a, b) where f(a, b) has one value: seen from
above, the rings of a bowl or the valleys of Himmelblau's function. The gradient crosses
every contour line at a right angle, which is what the lessons' top views show.

* :func:`contour_lines` traces the lines of one level by marching squares, vectorised in
  numpy over the cells of a grid: each grid edge whose ends lie on both sides of the level
  gets one crossing point (linear interpolation, then a few regula-falsi steps on f along
  the edge), each cell joins its crossings by a table of 16 cases, and the segments are
  chained into polylines. A cell with an undefined corner (a pole, or outside the domain
  as ``log(n)`` for n <= 0) is skipped, so no point is ever NaN; a saddle cell (two
  opposite corners above the level) is decided by f at the cell's centre.
* :func:`contour_levels` picks well spread levels for a map.
* :class:`ContourMap` is the map itself: a small framed :class:`~manim.Axes` with the
  contour lines coloured from dark (low) to light (high), ready to pin as an inset.

Example
-------
::

    hill = ScalarField("0.3*(n**2 + 2*e**2)", variables=("n", "e"))
    rings = contour_lines(hill, (-3, 3), (-3, 3), level=1.0)   # [array of shape (k, 2)]
    descent = gradient_descent(hill, (2.5, 2.0), learning_rate=0.3)
    inset = ContourMap(hill, (-3, 3), (-3, 3), width=2.5).to_corner(UR)
    inset.add(inset.path(descent.points), inset.marker(*descent.points[-1]))
    self.add_fixed_in_frame_mobjects(inset)                      # in a 3-D scene
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from manim import BLACK, DOWN, LEFT, WHITE, Axes, Dot, ManimColor, MathTex, Rectangle, VGroup, VMobject, interpolate_color

from mathcore import ScalarField
from mathcore.sampling import robust_range

from .. import style

__all__ = ["CONTOUR_RAMP", "REFINE_STEPS", "ContourMap", "contour_levels", "contour_lines"]

#: The function's sky blue from a dark tone (low levels) to a pale one (high levels).
CONTOUR_RAMP: tuple[ManimColor, ...] = (
    interpolate_color(style.FUNCTION, BLACK, 0.45),
    style.FUNCTION,
    interpolate_color(style.FUNCTION, WHITE, 0.55),
)

#: Regula-falsi steps that move each crossing onto the level (6 reach machine precision even
#: next to a pole, where the linear guess is off by a few percent).
REFINE_STEPS = 6

# Marching squares. Corners of a cell: 0 = (a0, b0), 1 = (a1, b0), 2 = (a1, b1), 3 = (a0, b1);
# edges: 0 bottom (corners 0-1), 1 right (1-2), 2 top (2-3), 3 left (3-0). The case of a cell
# is the sum of 2**k over its corners k above the level; each case joins up to two pairs of
# edges. Saddle cases 5 and 10 are listed for a centre below the level: with the centre
# above, case 5 joins its edges as case 10 does and vice versa.
_NO = (-1, -1)
_SEGMENTS = np.array(
    [
        (_NO, _NO), ((3, 0), _NO), ((0, 1), _NO), ((3, 1), _NO),
        ((1, 2), _NO), ((3, 0), (1, 2)), ((0, 2), _NO), ((3, 2), _NO),
        ((2, 3), _NO), ((0, 2), _NO), ((0, 1), (2, 3)), ((1, 2), _NO),
        ((1, 3), _NO), ((0, 1), _NO), ((3, 0), _NO), (_NO, _NO),
    ],
    dtype=int,
)  # fmt: skip


def _as_field(field: ScalarField | str, variables: Sequence[str]) -> ScalarField:
    if isinstance(field, ScalarField):
        return field
    if isinstance(field, str):
        return ScalarField(field, variables=variables)
    raise TypeError(f"field must be a ScalarField or its formula as text, not {type(field).__name__}")


def _check_range(name: str, bounds: Sequence[float]) -> tuple[float, float]:
    low, high = float(bounds[0]), float(bounds[1])
    if not (np.isfinite(low) and np.isfinite(high) and low < high):
        raise ValueError(f"{name} must be two finite numbers, low < high; got {tuple(bounds)!r}")
    return low, high


def _cells(resolution: int | tuple[int, int]) -> tuple[int, int]:
    na, nb = (resolution, resolution) if isinstance(resolution, (int, np.integer)) else resolution
    if int(na) < 1 or int(nb) < 1:
        raise ValueError(f"resolution must be at least 1 cell each way, got {resolution!r}")
    return int(na), int(nb)


def _sample(field: ScalarField, a_range, b_range, resolution) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The grid's a values, b values and f on it (rows along b), ``resolution`` cells each way."""
    na, nb = _cells(resolution)
    a = np.linspace(*_check_range("a_range", a_range), na + 1)
    b = np.linspace(*_check_range("b_range", b_range), nb + 1)
    return a, b, np.asarray(field.evaluate(a[None, :], b[:, None]), dtype=float)


def contour_lines(
    field: ScalarField | str,
    a_range: Sequence[float],
    b_range: Sequence[float],
    level: float,
    resolution: int | tuple[int, int] = 96,
    *,
    refine: int = REFINE_STEPS,
    variables: Sequence[str] = ("n", "e"),
) -> list[np.ndarray]:
    """The contour lines f(a, b) = ``level`` over a rectangle, as polylines.

    Parameters
    ----------
    field : ScalarField or str
        The function; text is parsed by mathcore with ``variables``.
    a_range, b_range : (float, float)
        The rectangle of the two variables.
    level : float
        The value the lines keep.
    resolution : int or (int, int)
        Cells of the marching-squares grid along a and b.
    refine : int
        Regula-falsi steps (Illinois variant) that move each crossing from the linear guess
        onto the level; 0 keeps the linear interpolation between the grid values.
    variables : (str, str)
        The variable names when ``field`` is text.

    Returns
    -------
    list of (k, 2) arrays
        The (a, b) points of each line, all finite; a closed line ends with its first point
        repeated. An empty list when f never crosses ``level`` in the rectangle.
    """
    field = _as_field(field, variables)
    a, b, values = _sample(field, a_range, b_range, resolution)
    return _trace(field, a, b, values, float(level), refine)


def _trace(field: ScalarField, a: np.ndarray, b: np.ndarray, z: np.ndarray, level: float, refine: int) -> list[np.ndarray]:
    """Marching squares on the sampled grid ``z[row (b), column (a)]``."""
    if not np.isfinite(level):
        return []
    nb, na = z.shape[0] - 1, z.shape[1] - 1
    finite = np.isfinite(z)
    above = finite & (z > level)
    low, high = slice(None, -1), slice(1, None)
    corners = [(low, low), (low, high), (high, high), (high, low)]  # (row, column) of corners 0..3
    case = sum(above[r, c].astype(int) << k for k, (r, c) in enumerate(corners))
    valid = np.logical_and.reduce([finite[r, c] for r, c in corners]) & (case > 0) & (case < 15)
    rows, cols = np.nonzero(valid)
    if rows.size == 0:
        return []
    case = case[rows, cols]
    saddle = np.flatnonzero((case == 5) | (case == 10))
    if saddle.size:  # decide by the value at the cell's centre (the corners' mean if undefined)
        r, c = rows[saddle], cols[saddle]
        centre = np.asarray(field.evaluate(0.5 * (a[c] + a[c + 1]), 0.5 * (b[r] + b[r + 1])), dtype=float)
        mean = 0.25 * (z[r, c] + z[r, c + 1] + z[r + 1, c + 1] + z[r + 1, c])
        centre = np.where(np.isfinite(centre), centre, mean)
        case[saddle] = np.where(centre > level, 15 - case[saddle], case[saddle])
    # Global ids of the cell's edges: horizontal edges first, then vertical ones.
    vertical = (nb + 1) * na
    left = vertical + rows * (na + 1) + cols
    edge_ids = np.stack([rows * na + cols, left + 1, (rows + 1) * na + cols, left], axis=1)
    pairs = _SEGMENTS[case]  # (cells, 2 segments, 2 edges)
    used = pairs[:, :, 0] >= 0
    cell = np.broadcast_to(np.arange(len(case))[:, None], used.shape)[used]
    segments = np.stack([edge_ids[cell, pairs[used][:, 0]], edge_ids[cell, pairs[used][:, 1]]], axis=1)
    nodes, local = np.unique(segments, return_inverse=True)
    local = local.reshape(-1, 2)
    points = _crossings(field, a, b, z, nodes, vertical, level, refine)
    tolerance = 1e-9 * max(a[1] - a[0], b[1] - b[0])  # crossings on a grid point meet there
    lines = []
    for chain in _chains(local, len(nodes)):
        line = points[chain]
        line = line[np.r_[True, np.abs(np.diff(line, axis=0)).max(axis=1) > tolerance]]
        if len(line) >= 2:
            lines.append(line)
    return lines


def _crossings(field, a, b, z, edges, vertical, level, refine) -> np.ndarray:
    """Where f = ``level`` on each grid edge in ``edges`` (ids as in :func:`_trace`)."""
    na = len(a) - 1
    is_v = edges >= vertical
    h_id, v_id = edges, edges - vertical
    r0 = np.where(is_v, v_id // (na + 1), h_id // na)
    c0 = np.where(is_v, v_id % (na + 1), h_id % na)
    r1, c1 = r0 + is_v, c0 + ~is_v
    z0, z1 = z[r0, c0], z[r1, c1]
    p0, p1 = np.column_stack([a[c0], b[r0]]), np.column_stack([a[c1], b[r1]])
    # Orient every edge from its end below the level (g <= 0) to its end above (g > 0).
    flip = z0 > level
    p0, p1 = np.where(flip[:, None], p1, p0), np.where(flip[:, None], p0, p1)
    g_low, g_high = np.where(flip, z1, z0) - level, np.where(flip, z0, z1) - level
    t_low, t_high = np.zeros(len(edges)), np.ones(len(edges))
    t = -g_low / (g_high - g_low)
    last = np.zeros(len(edges), dtype=int)  # which end moved last: -1 the low one, +1 the high one
    for _ in range(refine):  # the Illinois variant of regula falsi: no end stays put for long
        point = p0 + t[:, None] * (p1 - p0)
        g = np.asarray(field.evaluate(point[:, 0], point[:, 1]), dtype=float) - level
        active = np.isfinite(g) & (g != 0) & (t_high > t_low)
        if not active.any():
            break
        below, upper = active & (g < 0), active & (g > 0)
        g_high = np.where(below & (last == -1), 0.5 * g_high, g_high)
        g_low = np.where(upper & (last == 1), 0.5 * g_low, g_low)
        t_low, g_low = np.where(below, t, t_low), np.where(below, g, g_low)
        t_high, g_high = np.where(upper, t, t_high), np.where(upper, g, g_high)
        last = np.where(below, -1, np.where(upper, 1, last))
        t = np.where(active, t_low - g_low * (t_high - t_low) / (g_high - g_low), t)
    return p0 + t[:, None] * (p1 - p0)


def _chains(segments: np.ndarray, count: int) -> list[np.ndarray]:
    """Join segments between nodes into chains of node indices: open ones end to end, closed
    ones with their first node repeated. Every node has one or two segments."""
    ends = segments.ravel()
    others = segments[:, ::-1].ravel()
    order = np.argsort(ends, kind="stable")
    degree = np.bincount(ends, minlength=count)
    first = np.concatenate([[0], np.cumsum(degree)[:-1]])
    neighbours = np.full((count, 2), -1)
    neighbours[:, 0] = others[order[first]]
    two = degree == 2
    neighbours[two, 1] = others[order[first[two] + 1]]
    links = neighbours.tolist()
    seen = [False] * count
    chains: list[np.ndarray] = []
    starts = np.concatenate([np.flatnonzero(degree == 1), np.arange(count)]).tolist()
    for start in starts:  # open chains first (from an end), then the loops left over
        if seen[start]:
            continue
        chain, previous, node = [start], -1, start
        seen[start] = True
        while True:
            x, y = links[node]
            step = y if x == previous else x
            if step < 0:
                break
            if step == start:
                chain.append(start)
                break
            chain.append(step)
            seen[step] = True
            previous, node = node, step
        if len(chain) >= 2:
            chains.append(np.array(chain))
    return chains


def contour_levels(
    field_or_values: ScalarField | str | np.ndarray,
    count: int = 8,
    a_range: Sequence[float] | None = None,
    b_range: Sequence[float] | None = None,
    *,
    resolution: int = 96,
    spacing: float = 2.0,
    variables: Sequence[str] = ("n", "e"),
) -> np.ndarray:
    """``count`` well spread levels for a contour map.

    The rule: take the span [low, high] of the finite sampled values, ignoring the tails
    when a pole makes them run off (:func:`mathcore.sampling.robust_range`: then the central
    98 % of the values), and put level k (k = 1 .. count) at

        low + (high - low) * (k / (count + 1)) ** spacing.

    With the default ``spacing = 2`` the levels crowd towards the minimum: around a
    quadratic bowl their rings are evenly spaced in distance, and a function with a large
    range such as Himmelblau's (0 to about 900 on [-5, 5]^2) still gets a first level low
    enough (about 11) to ring each of its four minima separately. ``spacing = 1`` spaces the
    levels evenly in value.

    Parameters
    ----------
    field_or_values : ScalarField, str or array
        The function (sampled over ``a_range`` x ``b_range``) or values already sampled.
    count : int
        How many levels.
    a_range, b_range : (float, float)
        The rectangle to sample a function over (required with a function).
    resolution : int
        Cells of the sampling grid each way.
    spacing : float
        The exponent of the rule above, > 0.
    variables : (str, str)
        The variable names when the function is text.

    Returns
    -------
    (count,) array
        Strictly increasing levels strictly inside (low, high); empty if f is constant.

    Raises
    ------
    DomainError
        If no sampled value is finite.
    """
    if count < 1:
        raise ValueError(f"count must be at least 1, got {count}")
    if not spacing > 0:
        raise ValueError(f"spacing must be positive, got {spacing}")
    if isinstance(field_or_values, (ScalarField, str)):
        if a_range is None or b_range is None:
            raise ValueError("a_range and b_range are needed to sample a function")
        values = _sample(_as_field(field_or_values, variables), a_range, b_range, resolution)[2]
    else:
        values = np.asarray(field_or_values, dtype=float)
    low, high = robust_range(values)  # raises DomainError when no value is finite
    if not high > low:
        return np.zeros(0)
    t = (np.arange(1, count + 1) / (count + 1)) ** float(spacing)
    return low + (high - low) * t


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
        **kwargs: Any,
    ):
        super().__init__(**kwargs)
        self.field = _as_field(field, variables)
        self.a_range = _check_range("a_range", a_range)
        self.b_range = _check_range("b_range", b_range)
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

        self.axes = Axes(
            x_range=[a0, a1, a1 - a0],
            y_range=[b0, b1, b1 - b0],
            x_length=width,
            y_length=height,
            tips=False,
            axis_config={"color": style.MUTED, "stroke_width": 1.0, "stroke_opacity": 0.5, "include_ticks": False},
        )
        centre = self.axes.c2p(0.5 * (a0 + a1), 0.5 * (b0 + b1))
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

        self.labels = VGroup()
        if axis_labels:
            if label_size is None:
                label_size = style.LABEL_SIZE * float(np.clip(min(width, height) / 4, 0.75, 1.0))
            a_name, b_name = self.field.variables
            a_label = MathTex(a_name, font_size=label_size, color=style.INK).next_to(self.frame, DOWN, buff=0.1)
            b_label = MathTex(b_name, font_size=label_size, color=style.INK).next_to(self.frame, LEFT, buff=0.12)
            self.labels.add(a_label, b_label)
        self.add(self.background, self.axes, self.lines, self.frame, self.labels)

    # -- coordinates ------------------------------------------------------------------------
    def _to_scene(self, ab: np.ndarray) -> np.ndarray:
        """Scene points (k, 3) of (a, b) rows, through the axes wherever the map now is."""
        (a0, a1), (b0, b1) = self.a_range, self.b_range
        origin = np.asarray(self.axes.c2p(a0, b0), dtype=float)
        along_a = (np.asarray(self.axes.c2p(a1, b0), dtype=float) - origin) / (a1 - a0)
        along_b = (np.asarray(self.axes.c2p(a0, b1), dtype=float) - origin) / (b1 - b0)
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
