"""Paint many faces fast: one numpy sort, then one tight pycairo loop.

A :class:`FaceBatch` holds faces already projected to pixels, with their depth and colours.
:func:`paint_faces` paints them in order with one path and one fill per face. Inner faces are
filled without anti-aliasing, so neighbours tile the picture exactly and no background
shows through between them; faces on an outline are filled a second time, anti-aliased,
which softens the outline without opening seams. Grid lines are stroked right after their
face, so nearer faces cover them as they should.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

import cairo
import numpy as np

__all__ = ["FaceBatch", "paint_faces", "sort_faces"]


@dataclass
class FaceBatch:
    """Faces ready to paint, one row per face.

    Attributes
    ----------
    polygons : (F, K, 2) array
        Corners in pixels (K corners; shorter polygons repeat their last corner).
    depth : (F,) array
        Larger is nearer the eye.
    rgba : (F, 4) array
        Fill colour, 0..1; a row with alpha 0 is not filled (a line segment, say).
    smooth : (F,) bool array
        Anti-alias this face (it lies on an outline). Every opaque face is first filled
        without anti-aliasing, which tiles the mesh with no seams at all; a smooth face is
        then filled again, anti-aliased, to soften its outline.
    lines : (F,) int array
        Bit ``i`` set: stroke the edge from corner ``i`` to corner ``i + 1`` after the fill.
    line_rgba : (F, 4) array
        Colour of those strokes.
    line_width : (F,) array
        Their width in pixels.
    """

    polygons: np.ndarray
    depth: np.ndarray
    rgba: np.ndarray
    smooth: np.ndarray
    lines: np.ndarray
    line_rgba: np.ndarray
    line_width: np.ndarray

    def __len__(self) -> int:
        return len(self.depth)

    def take(self, index: Any) -> FaceBatch:
        """The faces at ``index`` (a slice, mask or index array)."""
        return FaceBatch(*(getattr(self, f.name)[index] for f in fields(self)))

    @staticmethod
    def concatenate(batches: list[FaceBatch]) -> FaceBatch:
        k = max(b.polygons.shape[1] for b in batches)
        columns = {f.name: [getattr(b, f.name) for b in batches] for f in fields(FaceBatch)}
        columns["polygons"] = [_pad_corners(p, k) for p in columns["polygons"]]
        return FaceBatch(**{name: np.concatenate(parts) for name, parts in columns.items()})


def _pad_corners(polygons: np.ndarray, k: int) -> np.ndarray:
    if polygons.shape[1] == k:
        return polygons
    extra = np.repeat(polygons[:, -1:, :], k - polygons.shape[1], axis=1)
    return np.concatenate([polygons, extra], axis=1)


def sort_faces(batch: FaceBatch) -> FaceBatch:
    """The faces of ``batch`` ordered far to near (the order a painter paints them)."""
    return batch.take(np.argsort(batch.depth, kind="stable"))


def _cairo_rgba(rgba: np.ndarray) -> list:
    # The pixel array is RGBA but cairo writes ARGB32 (BGRA in memory): swap red and blue.
    return np.column_stack([rgba[:, 2], rgba[:, 1], rgba[:, 0], rgba[:, 3]]).tolist()


def paint_faces(ctx: cairo.Context, batch: FaceBatch) -> None:
    """Paint the faces of ``batch`` in the order given: one path and one fill per face, then
    the face's grid-line edges, if any, as one stroke."""
    if len(batch) == 0:
        return
    count, corners = batch.polygons.shape[:2]
    coords = batch.polygons.reshape(count, 2 * corners).tolist()
    colours = _cairo_rgba(batch.rgba)
    smooth = batch.smooth.tolist()
    lines = batch.lines.tolist()
    line_colours = _cairo_rgba(batch.line_rgba)
    line_widths = batch.line_width.tolist()

    ctx.save()
    ctx.identity_matrix()
    ctx.new_path()
    ctx.set_line_cap(cairo.LINE_CAP_BUTT)
    move_to, line_to, fill, fill_preserve, stroke = ctx.move_to, ctx.line_to, ctx.fill, ctx.fill_preserve, ctx.stroke
    set_source, set_antialias, set_line_width = ctx.set_source_rgba, ctx.set_antialias, ctx.set_line_width
    sharp, soft = cairo.ANTIALIAS_NONE, cairo.ANTIALIAS_DEFAULT
    current = None  # the context's anti-aliasing: True soft, False sharp
    rows = zip(coords, colours, smooth, lines, line_colours, line_widths)
    if corners == 4:  # the common case, unrolled
        for (x0, y0, x1, y1, x2, y2, x3, y3), colour, aa, mask, line_colour, width in rows:
            if colour[3] > 0:  # rows with a clear fill are lines only
                set_source(*colour)
                move_to(x0, y0)
                line_to(x1, y1)
                line_to(x2, y2)
                line_to(x3, y3)
                if aa:
                    if colour[3] >= 1:  # a sharp fill under the soft one: no seam by any neighbour
                        if current is not False:
                            set_antialias(sharp)
                        fill_preserve()
                    set_antialias(soft)
                    current = True
                elif current is not False:
                    set_antialias(sharp)
                    current = False
                fill()  # fill closes the path itself
            if mask:
                if current is not True:
                    set_antialias(soft)
                    current = True
                set_source(*line_colour)
                set_line_width(width)
                if mask & 1:
                    move_to(x0, y0)
                    line_to(x1, y1)
                if mask & 2:
                    move_to(x1, y1)
                    line_to(x2, y2)
                if mask & 4:
                    move_to(x2, y2)
                    line_to(x3, y3)
                if mask & 8:
                    move_to(x3, y3)
                    line_to(x0, y0)
                stroke()
        ctx.restore()
        return
    for xy, colour, aa, mask, line_colour, width in rows:
        if colour[3] > 0:
            set_source(*colour)
            move_to(xy[0], xy[1])
            for j in range(2, 2 * corners, 2):
                line_to(xy[j], xy[j + 1])
            if aa:
                if colour[3] >= 1:
                    if current is not False:
                        set_antialias(sharp)
                    fill_preserve()
                set_antialias(soft)
                current = True
            elif current is not False:
                set_antialias(sharp)
                current = False
            fill()
        if mask:
            if current is not True:
                set_antialias(soft)
                current = True
            set_source(*line_colour)
            set_line_width(width)
            for edge in range(corners):
                if mask >> edge & 1:
                    a, b = 2 * edge, 2 * ((edge + 1) % corners)
                    move_to(xy[a], xy[a + 1])
                    line_to(xy[b], xy[b + 1])
            stroke()
    ctx.restore()
