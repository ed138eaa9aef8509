"""3-D axes that the fast camera paints in the same pass as the hillside.

Manim's :class:`~manim.ThreeDAxes` is about 80 separately shaded pieces, each costing the
generic path code (and a bounding-box search for its shading) in every frame of a moving
camera: about 65 ms per 1080p frame, three times the cost of encoding that frame.
:class:`LessonAxes3D` draws the same picture (three axes, ticks, arrow tips) as a few dozen
line segments and triangles handed to :class:`~scenes.parts.hill3d.fast3d.FastThreeDCamera`,
which sorts them with the surface's faces segment by segment, so the part of an axis under
a hill is hidden and the part in front of it is not.

It maps coordinates like manim's axes: ``c2p(x, y, z)`` (also on arrays, giving (3, N)),
``p2c``, ``x_range``/``y_range``/``z_range``, and the axes cross at the coordinate origin (or
the nearest end of a range that leaves out 0), which lies at the scene's ``ORIGIN`` until the
axes are moved.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from manim import OUT, RIGHT, UP, ManimColor, MathTex, Mobject, VGroup, interpolate_color

from scenes.kit import style
from scenes.parts.hill3d.face_painter import FaceBatch
from scenes.parts.hill3d.fast3d import FastMesh, View, project

__all__ = ["LessonAxes3D"]


class LessonAxes3D(FastMesh):
    """Three axes with ticks and arrow tips, drawn fast in 3-D.

    Parameters
    ----------
    x_range, y_range, z_range : (min, max, step)
        Coordinate ranges and the tick step of each axis.
    x_length, y_length, z_length : float
        Lengths on screen, in scene units.
    color : colour
        Lines, ticks and tips (muted grey by default).
    stroke_width : float
        Line width in manim stroke-width units.
    tick_size : float
        Half-length of a tick, in scene units.
    tip_length : float
        Length of the arrow tips, in scene units (0 for none).
    pieces : int
        Segments per axis, for sorting with a surface's faces (more: finer occlusion).
    cross : (x, y, z), optional
        Where the axes cross, in coordinates (each clamped to its range). Default: the
        origin, or the nearest end of a range that leaves out 0. A corner of the box keeps
        the axes, their numbers and letters off the surface.
    axis_lines : three (x, y, z), optional
        For each axis, a point (in coordinates) its line runs through, when the axes should
        not all pass through ``cross``: e.g. the two floor axes along the front edges of the
        box and the height axis up its left corner. Default: all through ``cross``.
    geographic : bool
        Lay the axes out as a map is (the default, as every hill lesson does): the first axis
        (north) along the scene's y, the second (east) along its x, the third up. Seen from
        straight above (``phi = 0, theta = -90``) north is then up and east to the right, as
        on a map. False: manim's layout, the first along x and the second along y.
    """

    def __init__(
        self,
        x_range: Sequence[float] = (-2, 2, 1),
        y_range: Sequence[float] = (-2, 2, 1),
        z_range: Sequence[float] = (0, 4, 1),
        x_length: float = 6.0,
        y_length: float = 6.0,
        z_length: float = 4.0,
        color: Any = style.MUTED,
        stroke_width: float = 2.0,
        tick_size: float = 0.08,
        tip_length: float = 0.25,
        pieces: int = 16,
        cross: Sequence[float] | None = None,
        axis_lines: Sequence[Sequence[float]] | None = None,
        geographic: bool = True,
        **kwargs: Any,
    ):
        super().__init__(**kwargs)
        ranges = [list(map(float, r)) for r in (x_range, y_range, z_range)]
        for name, r in zip("xyz", ranges):
            if len(r) != 3 or not r[0] < r[1] or not r[2] > 0:
                raise ValueError(f"{name}_range must be (min, max, step) with min < max and step > 0, got {r!r}")
        self.x_range, self.y_range, self.z_range = ranges
        self.color = ManimColor(color)
        self.stroke_width = float(stroke_width)
        self.tick_size = float(tick_size)
        self.tip_length = float(tip_length)
        self.pieces = max(1, int(pieces))
        self.shade_in_3d = False
        wanted = (0.0, 0.0, 0.0) if cross is None else tuple(float(c) for c in cross)
        self.cross = np.array([min(max(c, r[0]), r[1]) for c, r in zip(wanted, ranges)])
        units = [length / (r[1] - r[0]) for length, r in zip((x_length, y_length, z_length), ranges)]
        self.geographic = bool(geographic)
        first, second = (UP, RIGHT) if self.geographic else (RIGHT, UP)
        basis = np.array([units[0] * first, units[1] * second, units[2] * OUT], dtype=float)
        lines = np.tile(self.cross, (3, 1)) if axis_lines is None else np.array(axis_lines, dtype=float).reshape(3, 3)
        #: For each axis, a point (coordinates) on its line.
        self.lines = np.array([[min(max(c, r[0]), r[1]) for c, r in zip(line, ranges)] for line in lines])
        # Points: the crossing, one coordinate unit along each axis, then both ends of each axis.
        anchor = np.zeros(3)
        ends = []
        for k, r in enumerate(ranges):
            for value in r[:2]:
                coords = self.lines[k].copy()
                coords[k] = value
                ends.append(anchor + basis.T @ (coords - self.cross))
        self.points = np.vstack([anchor, anchor + basis, np.array(ends)])

    # -- coordinates ----------------------------------------------------------------------------
    def _frame(self) -> tuple[np.ndarray, np.ndarray]:
        anchor = self.points[0]
        return anchor, self.points[1:4] - anchor  # rows: scene vector per unit of x, y, z

    def coords_to_point(self, *coords: Any) -> np.ndarray:
        """Scene point(s) of coordinates: ``c2p(x, y, z)`` gives (3,), arrays give (3, N)."""
        if len(coords) == 1:
            coords = tuple(np.asarray(coords[0], dtype=float).T)
        values = [np.asarray(c, dtype=float) for c in coords] + [np.zeros(())] * (3 - len(coords))
        anchor, basis = self._frame()
        scalar = all(v.ndim == 0 for v in values)
        flat = np.broadcast_arrays(*[np.atleast_1d(v).ravel() for v in values])
        offsets = np.stack([v - c for v, c in zip(flat, self.cross)])  # (3, N)
        result = anchor[:, None] + basis.T @ offsets
        return result[:, 0] if scalar else result

    c2p = coords_to_point

    def point_to_coords(self, point: Any) -> np.ndarray:
        """Coordinates (x, y, z) of a scene point."""
        anchor, basis = self._frame()
        return np.linalg.solve(basis.T, np.asarray(point, dtype=float) - anchor) + self.cross

    p2c = point_to_coords

    def get_origin(self) -> np.ndarray:
        """Where the axes cross."""
        return self.points[0].copy()

    def axis_labels(self, x_label: str = "n", y_label: str = "e", z_label: str = "y", buff: float = 0.35) -> VGroup:
        """LaTeX labels just beyond the three tips. Pin them to face the camera with
        ``scene.add_fixed_orientation_mobjects(*labels)``."""
        labels = VGroup()
        for k, text in enumerate((x_label, y_label, z_label)):
            label = MathTex(text, font_size=style.LABEL_SIZE, color=style.INK)
            end = self.points[4 + 2 * k + 1]
            direction = self.points[1 + k] - self.points[0]
            direction = direction / np.linalg.norm(direction)
            labels.add(label.move_to(end + (self.tip_length + buff) * direction))
        return labels

    def tick_values(self, axis: int) -> np.ndarray:
        """The coordinates of the ticks on axis ``axis`` (0, 1, 2): multiples of its step."""
        low, high, step = (self.x_range, self.y_range, self.z_range)[axis]
        return np.arange(np.ceil(low / step - 1e-9), np.floor(high / step + 1e-9) + 1) * step

    def axis_end(self, axis: int) -> np.ndarray:
        """The scene point at the far end of axis ``axis`` (where its arrow tip starts)."""
        return self.points[5 + 2 * axis].copy()

    # -- drawing --------------------------------------------------------------------------------
    def set_color(self, color: Any = style.MUTED, family: bool = True, **kwargs: Any) -> LessonAxes3D:
        self.color = ManimColor(color)
        return self

    def get_color(self) -> ManimColor:
        return self.color

    def segments(self) -> np.ndarray:
        """The line pieces and ticks as (S, 2, 3) scene points."""
        anchor, basis = self._frame()
        out = []
        for k, r in enumerate((self.x_range, self.y_range, self.z_range)):
            start, stop = self.points[4 + 2 * k], self.points[5 + 2 * k]
            t = np.linspace(0.0, 1.0, self.pieces + 1)[:, None]
            line = start + t * (stop - start)
            out.append(np.stack([line[:-1], line[1:]], axis=1))
            # Ticks across the axis: x ticks along y, y ticks along x, z ticks along x.
            across = basis[1] if k == 0 else basis[0]
            across = self.tick_size * across / np.linalg.norm(across)
            ticks = self.tick_values(k)
            if len(ticks):
                coords = np.tile(self.lines[k], (len(ticks), 1))
                coords[:, k] = ticks
                centers = self.coords_to_point(coords).T
                out.append(np.stack([centers - across, centers + across], axis=1))
        return np.concatenate(out)

    def faces_for_view(self, view: View, fixed_in_frame: bool = False) -> FaceBatch | None:
        if self.opacity <= 0:
            return None
        segments = self.segments()
        count = len(segments)
        flat = segments.reshape(-1, 3)
        if fixed_in_frame:
            projected, in_front = flat.copy(), np.ones(len(flat), dtype=bool)
        else:
            projected, in_front = project(flat, view)
        pixels = view.pixels(projected).reshape(count, 2, 2)
        depth = projected[:, 2].reshape(count, 2).mean(axis=1)
        keep = in_front.reshape(count, 2).all(axis=1)
        polygons = np.concatenate([pixels, pixels[:, 1:], pixels[:, 1:]], axis=1)[keep]  # (S, 4, 2)
        rgb = np.array(self.color.to_rgb(), dtype=float)
        width = self.stroke_width * 0.01 * view.pixels_per_unit
        n = len(polygons)
        batch = FaceBatch(
            polygons=polygons,
            depth=depth[keep],
            rgba=np.zeros((n, 4)),
            smooth=np.ones(n, dtype=bool),
            lines=np.ones(n, dtype=int),
            line_rgba=np.tile(np.append(rgb, self.opacity), (n, 1)),
            line_width=np.full(n, width),
        )
        tips = self._tips(view, fixed_in_frame, rgb)
        return FaceBatch.concatenate([batch, tips]) if tips is not None else batch

    def _tips(self, view: View, fixed_in_frame: bool, rgb: np.ndarray) -> FaceBatch | None:
        """Arrow tips as flat triangles facing the camera, foreshortened with their axis."""
        if self.tip_length <= 0:
            return None
        anchor, basis = self._frame()
        ends = self.points[[5, 7, 9]]
        units = basis / np.linalg.norm(basis, axis=1, keepdims=True)
        apexes = ends + self.tip_length * units
        side = view.rotation[0] if not fixed_in_frame else RIGHT
        wings = ends + 0.35 * self.tip_length * side
        pts = np.vstack([ends, apexes, wings])
        if fixed_in_frame:
            projected, in_front = pts.copy(), np.ones(len(pts), dtype=bool)
        else:
            projected, in_front = project(pts, view)
        px = view.pixels(projected)
        base, apex, wing = px[:3], px[3:6], px[6:]
        axis_dir = apex - base
        half = np.linalg.norm(wing - base, axis=1, keepdims=True)
        normal = np.stack([-axis_dir[:, 1], axis_dir[:, 0]], axis=1)
        normal = normal / np.maximum(np.linalg.norm(normal, axis=1, keepdims=True), 1e-9)
        polygons = np.stack([base + half * normal, apex, base - half * normal, base - half * normal], axis=1)
        keep = in_front[:3] & in_front[3:6]
        depth = projected[:, 2][:3]
        n = int(keep.sum())
        return FaceBatch(
            polygons=polygons[keep],
            depth=depth[keep],
            rgba=np.tile(np.append(rgb, self.opacity), (n, 1)),
            smooth=np.ones(n, dtype=bool),
            lines=np.zeros(n, dtype=int),
            line_rgba=np.zeros((n, 4)),
            line_width=np.zeros(n),
        )

    def interpolate_color(self, mobject1: Mobject, mobject2: Mobject, alpha: float) -> LessonAxes3D:
        self.color = interpolate_color(mobject1.color, mobject2.color, alpha)
        return super().interpolate_color(mobject1, mobject2, alpha)
