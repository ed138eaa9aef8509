"""An upright cutting plane drawn among the hill's faces, and an animation that redraws.

A partial derivative walks along one input with the other held: an upright plane through
the hill at the held value shows the curve it cuts. :class:`SlicePlane` is that plane as a
grid of small faces, painted by the fast camera in the same depth sort as the hill, so the
hill hides the part of the plane behind it and the plane the part of the hill behind it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from manim import Animation, ManimColor, Mobject

from scenes.kit import style
from scenes.parts.hill3d.face_painter import FaceBatch
from scenes.parts.hill3d.fast3d import FastMesh, View, project

__all__ = ["Redraw", "SlicePlane", "slice_runs"]


def slice_runs(values: np.ndarray, window: Sequence[float]) -> list[slice]:
    """The runs of consecutive samples whose values are finite and inside ``window``
    (low, high): the pieces of a slice curve that lie on the drawn surface. A run needs two
    samples to make a line.

    >>> slice_runs(np.array([0.0, 1.0, np.nan, 2.0, 3.0, 9.0]), (0.0, 5.0))
    [slice(0, 2, None), slice(3, 5, None)]
    """
    values = np.asarray(values, dtype=float)
    inside = np.isfinite(values) & (values >= window[0]) & (values <= window[1])
    edges = np.flatnonzero(np.diff(np.concatenate([[0], inside.astype(int), [0]])))
    return [slice(int(start), int(stop)) for start, stop in zip(edges[::2], edges[1::2]) if stop - start >= 2]


class SlicePlane(FastMesh):
    """A translucent upright rectangle, painted by the fast camera among the hill's faces.

    It is a grid of small faces (not one big one) so that the painter's sort by face centre
    hides the part of the plane behind the hill and the part of the hill behind the plane,
    and its outline is stroked on the border faces.

    Parameters
    ----------
    corner : (3,) array
        One corner, in scene units.
    along, up : (3,) arrays
        The two sides from ``corner`` (scene vectors).
    columns, rows : int
        Faces along ``along`` and along ``up``.
    color : colour
        Fill and outline.
    fill_opacity : float
        Opacity of the fill (the outline is drawn at ``line_opacity``); ``opacity`` fades both.
    line_opacity : float
        Opacity of the outline.
    stroke_width : float
        Outline width in manim stroke-width units.
    """

    def __init__(
        self,
        corner: Sequence[float],
        along: Sequence[float],
        up: Sequence[float],
        columns: int = 24,
        rows: int = 12,
        color: Any = style.SLOPE,
        fill_opacity: float = 0.22,
        line_opacity: float = 0.8,
        stroke_width: float = 2.0,
        **kwargs: Any,
    ):
        super().__init__(**kwargs)
        self.color = ManimColor(color)
        self.fill_opacity, self.line_opacity = float(fill_opacity), float(line_opacity)
        self.stroke_width = float(stroke_width)
        self.shade_in_3d = False
        s = np.linspace(0.0, 1.0, columns + 1)
        t = np.linspace(0.0, 1.0, rows + 1)
        tt, ss = np.meshgrid(t, s, indexing="ij")  # (rows + 1, columns + 1)
        corner, along, up = (np.asarray(v, dtype=float) for v in (corner, along, up))
        self.points = (corner + ss.reshape(-1, 1) * along + tt.reshape(-1, 1) * up).reshape(-1, 3)
        r, c = np.meshgrid(np.arange(rows), np.arange(columns), indexing="ij")
        r, c = r.ravel(), c.ravel()
        first = r * (columns + 1) + c
        self.faces = np.stack([first, first + 1, first + columns + 2, first + columns + 1], axis=1)
        # Outline bits: edge 0 runs along the bottom, 1 up the right, 2 along the top, 3 down the left.
        self.outline = (r == 0) * 1 + (c == columns - 1) * 2 + (r == rows - 1) * 4 + (c == 0) * 8

    @property
    def rgb(self) -> np.ndarray:
        """The plane's colour as three floats from 0 to 1."""
        return np.array(ManimColor(self.color).to_rgb(), dtype=float)

    def set_color(self, color: Any = style.SLOPE, family: bool = True, **kwargs: Any) -> SlicePlane:
        self.color = ManimColor(color)
        return self

    def get_color(self) -> ManimColor:
        return self.color

    def faces_for_view(self, view: View, fixed_in_frame: bool = False) -> FaceBatch | None:
        if self.opacity <= 0:
            return None
        if fixed_in_frame:
            projected, in_front = self.points.copy(), np.ones(len(self.points), dtype=bool)
        else:
            projected, in_front = project(self.points, view)
        keep = in_front[self.faces].all(axis=1)
        faces = self.faces[keep]
        count = len(faces)
        if not count:
            return None
        # Sharp fills: neighbouring translucent faces then tile without darker seams.
        return FaceBatch(
            polygons=view.pixels(projected)[faces],
            depth=projected[:, 2][faces].mean(axis=1),
            rgba=np.tile(np.append(self.rgb, self.fill_opacity * self.opacity), (count, 1)),
            smooth=np.zeros(count, dtype=bool),
            lines=self.outline[keep],
            line_rgba=np.tile(np.append(self.rgb, self.line_opacity * self.opacity), (count, 1)),
            line_width=np.full(count, self.stroke_width * 0.01 * view.pixels_per_unit),
        )


class Redraw(Animation):
    """Nothing changes, but ``mobject`` and all added after it are redrawn in every frame.

    Manim draws the mobjects before the first animated one once, as a still background.
    A plane fading in must be sorted with the hill's faces in each frame, so the hill (and
    the axes, sorted with it) must be redrawn too: play ``Redraw(axes)`` alongside.
    """

    def create_starting_mobject(self) -> Mobject:
        return Mobject()  # nothing to interpolate from

    def interpolate_mobject(self, alpha: float) -> None:
        pass
