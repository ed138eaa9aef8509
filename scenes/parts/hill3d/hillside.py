"""The hillside y = f(n, e) as one fast mesh: sampled by mathcore, painted by the fast camera.

:class:`HillsideMesh` samples a :class:`~mathcore.ScalarField` on a grid (see
:mod:`~scenes.parts.hill3d.hill_grid`: where f is undefined or leaves the value window the surface
has a hole with a clean rim, never a spike or a wall across a pole) and hands its faces to
:class:`~scenes.parts.hill3d.fast3d.FastThreeDCamera`, which projects, shades, depth-sorts and
paints all of them in one numpy + pycairo pass. A camera orbit over a 24 x 24 hillside then
costs less than encoding the video.

The look: faces coloured along a ramp of the function's sky blue by height, lit like
manim's 3-D shading (with smoothed normals and two-sided light), no seams between faces,
anti-aliased outlines, and thin grid lines at round values of n and e: the slices a partial
derivative walks along.

Example
-------
::

    class Hill(LessonScene3D):          # films with FastThreeDCamera
        def construct(self):
            axes = LessonAxes3D(x_range=(-2, 2, 1), y_range=(-2, 2, 1), z_range=(0, 4, 1))
            hill = HillsideMesh("0.3*(n**2 + 2*e**2)", (-2, 2), (-2, 2), axes=axes)
            ball = ShadedBall(radius=0.12).place(hill.point_at(1.5, 1.0, lift=0.12))
            self.set_camera_orientation(phi=65 * DEGREES, theta=-60 * DEGREES)
            self.add(axes, hill, ball)
            self.move_camera(theta=30 * DEGREES, run_time=4)

Limitations: faces are sorted by their centres (painter's algorithm), which is right for
the gentle grids of a lesson but can misorder long thin faces that cross. Other 3-D
mobjects (stock ``ThreeDAxes`` pieces, ``Arrow3D``) are sorted with the faces as whole
objects by their centre, as :class:`~manim.ThreeDCamera` sorts them among a stock
surface's faces; :class:`~scenes.parts.hill3d.axes3d.LessonAxes3D` is sorted piece by piece. Flat
mobjects (a trail from :meth:`HillsideMesh.path_on_surface`, text, a
:class:`~scenes.parts.hill3d.ball3d.ShadedBall` unless ``hidden_by_surface=True``) are painted
after the surface and so are always seen, even behind a hill. The mesh is drawn only by
:class:`~scenes.parts.hill3d.fast3d.FastThreeDCamera` (a plain ``ThreeDScene`` shows nothing).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from manim import ManimColor, Mobject, VMobject

from mathcore import DomainError, ScalarField

from scenes.kit import style
from scenes.parts.hill3d.face_painter import FaceBatch
from scenes.parts.hill3d.fast3d import FastMesh, View, project, shade
from scenes.parts.hill3d.hill_grid import sample_hill

__all__ = ["HEIGHT_RAMP", "HillsideMesh"]

#: The function's colour from a deep valley tone to the summit tone (the palette's, so it
#: follows the scene's theme: :mod:`scenes.kit.theme`).
HEIGHT_RAMP: tuple[ManimColor, ...] = style.HILL_RAMP

Scale = Callable[[np.ndarray], np.ndarray]


class HillsideMesh(FastMesh):
    """The graph of y = f(a, b) over a rectangle, as a shaded mesh of quadrilaterals.

    The first variable runs along the scene's x axis, the second along y, the value up z
    (through ``axes.c2p`` when axes are given).

    Parameters
    ----------
    field : ScalarField or str
        The function; text is parsed by mathcore with ``variables``.
    a_range, b_range : (float, float)
        The rectangle of the two variables.
    resolution : int or (int, int)
        Faces along a and b (as for :class:`~manim.Surface`): 24 means 24 x 24 faces.
    axes : LessonAxes3D or ThreeDAxes, optional
        Maps (a, b, value) to the scene with ``c2p``; its ``z_range`` is also the default
        value window.
    x_scale, y_scale, z_scale : callable, optional
        Without axes: vectorised maps from a, b and the value to scene x, y, z (identity).
    value_range : (float, float), optional
        The surface is cut off where f leaves this window (a pole is cut flat at its top).
        Default: the axes' z range; without axes, no limit unless a pole's tails run off.
    colors : sequence of colours
        The ramp from the lowest to the highest value; one colour for a single colour.
    opacity : float
        Fill opacity of the faces.
    shading : float
        Strength of the light (1 is manim's ``get_shaded_rgb``; 0 turns it off).
    grid_step : float or (float, float), optional
        Draw grid lines where a (and b) is a multiple of this step: the lines of constant n
        and constant e that a partial derivative walks along. Default: a round step that
        falls on the faces' edges, giving about 4 to 8 lines each way; 0 for no lines.
    grid_stroke_width : float
        Width of the grid lines, in manim stroke-width units.
    variables : (str, str)
        The variable names when ``field`` is text.
    """

    def __init__(
        self,
        field: ScalarField | str,
        a_range: Sequence[float],
        b_range: Sequence[float],
        resolution: int | tuple[int, int] = 24,
        *,
        axes: Any = None,
        x_scale: Scale | None = None,
        y_scale: Scale | None = None,
        z_scale: Scale | None = None,
        value_range: Sequence[float] | None = None,
        colors: Sequence[Any] = HEIGHT_RAMP,
        opacity: float = 1.0,
        shading: float = 0.8,
        grid_step: float | tuple[float, float] | None = None,
        grid_stroke_width: float = 1.2,
        variables: Sequence[str] = ("n", "e"),
        **kwargs: Any,
    ):
        super().__init__(**kwargs)
        self.field = field if isinstance(field, ScalarField) else ScalarField(field, variables=variables)
        self.axes = axes
        self._scales = (x_scale, y_scale, z_scale)
        self.opacity = float(opacity)
        self.shading = float(shading)
        self.two_sided = True
        self.grid_stroke_width = float(grid_stroke_width)
        na, nb = (resolution, resolution) if isinstance(resolution, int) else resolution
        if na < 1 or nb < 1:
            raise ValueError(f"resolution must be at least 1 face each way, got {resolution!r}")
        self._build(tuple(map(float, a_range)), tuple(map(float, b_range)), int(na), int(nb), value_range)
        self._mark_grid_lines(grid_step)
        self.set_colors_by_value(*colors)

    # -- construction -------------------------------------------------------------------------
    def _build(self, a_range, b_range, na: int, nb: int, value_range) -> None:
        if value_range is None and self.axes is not None and getattr(self.axes, "z_range", None) is not None:
            value_range = tuple(self.axes.z_range[:2])
        grid = sample_hill(self.field, a_range, b_range, (na, nb), value_range)
        self.grid = grid
        self.faces = grid.faces
        self.neighbors = grid.neighbors
        self.ab = grid.ab
        self.values = grid.values
        self.value_range = grid.value_range
        self.points = self.to_scene(self.ab[:, 0], self.ab[:, 1], self.values)

    def _mark_grid_lines(self, grid_step) -> None:
        """Which face edges lie on a grid line: (F, 4) booleans, edges as in ``neighbors``."""
        steps = grid_step if isinstance(grid_step, tuple) else (grid_step, grid_step)
        on_a = _grid_edges(self.grid.a_edges, steps[0])  # columns that carry a line of constant a
        on_b = _grid_edges(self.grid.b_edges, steps[1])
        r, c, side = self.grid.rows[:, None], self.grid.cols[:, None], self.grid.edge_labels
        lines = np.select(
            [side == 0, side == 1, side == 2, side == 3],
            [on_b[r], on_a[np.minimum(c + 1, len(on_a) - 1)], on_b[np.minimum(r + 1, len(on_b) - 1)], on_a[c]],
            default=False,
        )
        self.on_grid_line = lines.astype(bool)

    def to_scene(self, a: Any, b: Any, value: Any) -> np.ndarray:
        """Scene points (N, 3) of (a, b, value) triples, through the axes or the scales."""
        a, b, value = (np.atleast_1d(np.asarray(x, dtype=float)) for x in (a, b, value))
        if self.axes is not None:
            return np.asarray(self.axes.c2p(a, b, value), dtype=float).reshape(3, -1).T
        maps = [s if s is not None else (lambda x: x) for s in self._scales]
        return np.column_stack([np.broadcast_to(m(x), a.shape) for m, x in zip(maps, (a, b, value))])

    # -- lesson helpers -------------------------------------------------------------------------
    def up(self) -> np.ndarray:
        """The scene direction in which values grow (``OUT`` unless the axes are turned)."""
        step = self.to_scene([0.0, 0.0], [0.0, 0.0], [0.0, 1.0])
        direction = step[1] - step[0]
        length = float(np.linalg.norm(direction))
        return direction / length if np.isfinite(length) and length > 0 else np.array([0.0, 0.0, 1.0])

    def point_at(self, a: float, b: float, lift: float = 0.0) -> np.ndarray:
        """The scene point on the surface above (a, b), raised by ``lift`` scene units."""
        value = self.field(a, b)
        if not np.isfinite(value):
            raise DomainError(f"{self.field.text!r} is undefined at ({a:g}, {b:g})")
        return self.to_scene(a, b, value)[0] + lift * self.up()

    def path_on_surface(
        self, points_ab: np.ndarray, lift: float = 0.02, color: Any = style.DESCENT, stroke_width: float = 4
    ) -> VMobject:
        """A polyline through the surface points above ``points_ab`` (k, 2), raised by
        ``lift``, e.g. a descent path (undefined points are skipped)."""
        pts = np.asarray(points_ab, dtype=float).reshape(-1, 2)
        values = np.asarray(self.field.evaluate(pts[:, 0], pts[:, 1]), dtype=float)
        keep = np.isfinite(values)
        path = VMobject(stroke_color=color, stroke_width=stroke_width)
        scene = self.to_scene(pts[keep, 0], pts[keep, 1], values[keep]) + lift * self.up()
        if len(scene) >= 2:
            path.set_points_as_corners(scene)
        return path

    def flattened(self, value: float | None = None) -> HillsideMesh:
        """A copy lying flat at ``value`` (default: the lowest value): transform it into the hill."""
        flat = self.copy()
        level = float(np.min(self.values)) if value is None else float(value)
        flat.points = self.to_scene(self.ab[:, 0], self.ab[:, 1], np.full(len(self.ab), level))
        return flat

    # -- colour and opacity (what FadeIn / Transform interpolate) ----------------------------
    def set_colors_by_value(self, *colors: Any) -> HillsideMesh:
        """Colour faces along a ramp from the lowest to the highest value."""
        ramp = np.array([ManimColor(c).to_rgb() for c in colors], dtype=float)
        face_values = self.values[self.faces].mean(axis=1)
        if len(self.grid.cut_faces):  # pieces of a cut cell share the colour of the cell
            face_values[self.grid.cut_faces] = self.values[self.grid.cut_polygons].mean(axis=1)
        low, high = float(np.min(self.values)), float(np.max(self.values))
        t = (face_values - low) / (high - low) if high > low else np.zeros_like(face_values)
        stops = np.linspace(0.0, 1.0, len(ramp))
        self.face_rgb = np.column_stack([np.interp(t, stops, ramp[:, k]) for k in range(3)])
        self.color = ManimColor(colors[len(colors) // 2])
        return self

    def set_color(self, color: Any = style.HILL, family: bool = True, **kwargs: Any) -> HillsideMesh:
        return self.set_colors_by_value(color)

    def get_color(self) -> ManimColor:
        return self.color

    def interpolate_color(self, mobject1: Mobject, mobject2: Mobject, alpha: float) -> HillsideMesh:
        if mobject1.face_rgb.shape == mobject2.face_rgb.shape == self.face_rgb.shape:
            self.face_rgb = (1 - alpha) * mobject1.face_rgb + alpha * mobject2.face_rgb
        return super().interpolate_color(mobject1, mobject2, alpha)

    def align_points_with_larger(self, larger_mobject: Mobject) -> HillsideMesh:
        raise ValueError("a HillsideMesh only transforms into a mesh with the same grid and holes")

    # -- drawing --------------------------------------------------------------------------------
    def face_normals(self) -> np.ndarray:
        """Unit normals (F, 3) for shading, smoothed: each face takes the mean of its corners'
        normals, and a corner's normal is the area-weighted mean of the faces around it, so
        the light changes gently from face to face instead of in facets."""
        key = self.points.tobytes()
        if getattr(self, "_normals_key", None) == key:
            return self._normals
        p = self.points[self.faces]
        area = np.cross(p[:, 2] - p[:, 0], p[:, 3] - p[:, 1])  # twice the area vector
        corner = np.zeros_like(self.points)
        for k in range(4):
            for axis in range(3):
                corner[:, axis] += np.bincount(self.faces[:, k], weights=area[:, axis], minlength=len(self.points))
        corner /= np.maximum(np.linalg.norm(corner, axis=1, keepdims=True), 1e-12)
        n = corner[self.faces].sum(axis=1)
        if len(self.grid.cut_faces):  # the pieces of a cut cell are lit as one polygon
            n[self.grid.cut_faces] = corner[self.grid.cut_polygons].sum(axis=1)
        length = np.linalg.norm(n, axis=1, keepdims=True)
        self._normals = np.divide(n, length, out=np.zeros_like(n), where=length > 0)
        self._normals_key = key
        return self._normals

    def faces_for_view(self, view: View, fixed_in_frame: bool = False) -> FaceBatch | None:
        if self.opacity <= 0 or len(self.faces) == 0:
            return None
        if fixed_in_frame:
            projected, in_front = self.points.copy(), np.ones(len(self.points), dtype=bool)
        else:
            projected, in_front = project(self.points, view)
        pixels = view.pixels(projected)
        faces = self.faces
        poly = pixels[faces]  # (F, 4, 2)
        width, height = view.pixel_size
        lo, hi = poly.min(axis=1), poly.max(axis=1)
        shown = in_front[faces].all(axis=1) & (hi[:, 0] >= 0) & (lo[:, 0] <= width) & (hi[:, 1] >= 0) & (lo[:, 1] <= height)
        if not shown.any():
            return None
        # Which way each face turns on screen; an outline runs where that flips or a face is missing.
        x, y = poly[..., 0], poly[..., 1]
        turn = np.sign((x * np.roll(y, -1, axis=1) - np.roll(x, -1, axis=1) * y).sum(axis=1))
        nb = self.neighbors
        present = nb >= 0
        nb_safe = np.where(present, nb, 0)
        nb_ok = present & shown[nb_safe] & (turn[nb_safe] == turn[:, None])
        smooth = ~nb_ok.all(axis=1)
        centers = self.points[faces].mean(axis=1)
        if len(self.grid.cut_faces):
            centers[self.grid.cut_faces] = self.points[self.grid.cut_polygons].mean(axis=1)
        rgb = self.face_rgb
        if self.shading > 0:
            eye = view.eye if (self.two_sided and not fixed_in_frame) else None
            rgb = shade(rgb, centers, self.face_normals(), view.light_source, eye, self.shading)
        poly, smooth, rgb = poly[shown], smooth[shown], rgb[shown]
        depth = projected[:, 2][faces[shown]].mean(axis=1)
        lines, line_rgba, line_width = self._grid_strokes(shown, nb_safe, present, projected, rgb, view)
        rgba = np.column_stack([rgb, np.full(len(rgb), self.opacity)])
        return FaceBatch(poly, depth, rgba, smooth, lines, line_rgba, line_width)

    def _grid_strokes(self, shown, nb_safe, present, projected, rgb, view):
        """Per shown face: a bit mask of the grid-line edges it strokes, their colour, width.

        Each edge is stroked by the later-painted (nearer) of its two faces, so the face on
        the other side never paints over half of the line."""
        count = int(shown.sum())
        width = np.full(count, self.grid_stroke_width * 0.01 * view.pixels_per_unit)
        if self.grid_stroke_width <= 0 or not self.on_grid_line.any():
            return np.zeros(count, dtype=int), np.zeros((count, 4)), width
        depth = projected[:, 2][self.faces].mean(axis=1)
        mine_depth, other_depth = depth[:, None], depth[nb_safe]
        later = (mine_depth > other_depth) | ((mine_depth == other_depth) & (np.arange(len(self.faces))[:, None] > nb_safe))
        mine = self.on_grid_line & (~(present & shown[nb_safe]) | later)
        lines = (mine.astype(int) << np.arange(4)).sum(axis=1)[shown]
        line_rgba = np.column_stack([rgb * 0.72, np.full(count, self.opacity)])
        return lines, line_rgba, width


def _grid_edges(edges: np.ndarray, step: float | None) -> np.ndarray:
    """Booleans: which of the sorted grid coordinates ``edges`` carry a grid line."""
    count = len(edges) - 1
    h = (edges[-1] - edges[0]) / count if count else 0.0
    if step is not None and step <= 0 or h <= 0:
        return np.zeros(len(edges), dtype=bool)
    if step is None:
        step = _auto_step(edges[0], h, count)
        if step is None:  # no round step falls on the edges: every k-th edge instead
            stride = max(1, round(count / 6))
            return (np.arange(len(edges)) % stride) == 0
    ratio = edges / step
    return np.abs(ratio - np.round(ratio)) <= 1e-6 * max(1.0, float(np.max(np.abs(ratio))))


def _auto_step(start: float, h: float, count: int) -> float | None:
    """A step of 1, 2, 2.5 or 5 x 10^k that lands on the grid's edges, 3 to 8 lines across
    (the one closest to 5 lines)."""
    span = h * count
    best, best_gap = None, np.inf
    for exponent in range(-6, 7):
        for mantissa in (1, 2, 2.5, 5):
            step = mantissa * 10.0**exponent
            stride, lines = step / h, span / step
            if not 3 <= lines <= 8 or abs(stride - round(stride)) > 1e-6:
                continue
            if abs(start / step - round(start / step)) > 1e-6:
                continue
            if abs(lines - 5) < best_gap:
                best, best_gap = step, abs(lines - 5)
    return best

