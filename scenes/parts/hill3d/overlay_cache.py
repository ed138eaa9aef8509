"""Reuse the picture of still, screen-fixed mobjects (captions, titles) while the camera moves.

When a 3-D camera moves, manim redraws every mobject in every frame, including a caption
pinned to the screen that has not changed: about 50 glyph outlines, 5 ms per 1080p frame.
:class:`OverlayCache` keeps a cropped cairo picture of each such mobject and paints it in one
call while its points and colours stay the same. A mobject that changes (fading in, a live
number) is drawn directly, as before; the first frame it holds still, its picture is taken.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import cairo
import numpy as np
from manim import Mobject, VMobject

__all__ = ["OverlayCache"]

_STYLE = ("fill_rgbas", "stroke_rgbas", "background_stroke_rgbas", "sheen_direction")
_SCALARS = ("stroke_width", "background_stroke_width", "sheen_factor", "joint_type", "cap_style")


def signature(members: list[Mobject]) -> tuple:
    """Everything that changes how ``members`` look: points, colours, widths."""
    parts: list[Any] = []
    for m in members:
        parts.append(id(m))
        parts.append(m.points.tobytes())
        for name in _STYLE:
            value = getattr(m, name, None)
            parts.append(value.tobytes() if isinstance(value, np.ndarray) else value)
        for name in _SCALARS:
            parts.append(getattr(m, name, None))
    return tuple(parts)


@dataclass(slots=True)
class _Picture:
    key: tuple
    surface: cairo.ImageSurface | None = None
    data: np.ndarray | None = None  # keeps the surface's pixels alive
    x: int = 0
    y: int = 0


class OverlayCache:
    """Cropped pictures of runs of screen-fixed VMobjects that did not change since the
    last frame; the members that did change are drawn directly.

    It has slots and no ``__dict__``, so manim's play-call hashing (which walks the camera's
    attributes) sees only its type, not run-dependent pictures and object ids.
    """

    __slots__ = ("_last", "_pictures", "_scratch", "_seen", "_used")

    def __init__(self) -> None:
        self._last: dict[int, tuple] = {}  # member id -> its look in the last frame
        self._pictures: dict[tuple, _Picture] = {}  # member ids of a run -> picture
        self._scratch: np.ndarray | None = None
        self._seen: set[int] = set()
        self._used: set[tuple] = set()

    @staticmethod
    def eligible(mobject: Mobject, fixed_in_frame: set) -> bool:
        """Whether ``mobject`` may be drawn from a picture: a flat VMobject pinned to the screen."""
        return (
            isinstance(mobject, VMobject)
            and mobject in fixed_in_frame
            and not getattr(mobject, "shade_in_3d", False)
            and mobject.get_background_image() is None
        )

    def draw(self, camera: Any, members: list[Mobject], pixel_array: np.ndarray) -> None:
        """Draw the consecutive eligible ``members``, from pictures where they held still."""
        looks = [signature([m]) for m in members]
        still = [self._last.get(id(m)) == look for m, look in zip(members, looks)]
        self._last.update((id(m), look) for m, look in zip(members, looks))
        self._seen.update(id(m) for m in members)
        start = 0
        while start < len(members):
            stop = start
            while stop < len(members) and still[stop] == still[start]:
                stop += 1
            part = members[start:stop]
            if still[start]:
                self._paint_picture(camera, part, tuple(looks[start:stop]), pixel_array)
            else:
                camera.display_multiple_vectorized_mobjects(part, pixel_array)
            start = stop

    def end_frame(self) -> None:
        """Forget the members and pictures this frame did not show."""
        self._last = {k: v for k, v in self._last.items() if k in self._seen}
        self._pictures = {k: v for k, v in self._pictures.items() if k in self._used}
        self._seen, self._used = set(), set()

    def _paint_picture(self, camera: Any, members: list[Mobject], key: tuple, pixel_array: np.ndarray) -> None:
        ids = tuple(id(m) for m in members)
        self._used.add(ids)
        picture = self._pictures.get(ids)
        if picture is None or picture.key != key:
            picture = self._take(camera, members, key, pixel_array)
            self._pictures[ids] = picture
        if picture.surface is None:
            return
        ctx = camera.get_cairo_context(pixel_array)
        ctx.save()
        ctx.identity_matrix()
        ctx.set_source_surface(picture.surface, picture.x, picture.y)
        ctx.paint()
        ctx.restore()

    def _take(self, camera: Any, members: list[Mobject], key: tuple, pixel_array: np.ndarray) -> _Picture:
        if self._scratch is None or self._scratch.shape != pixel_array.shape:
            # Kept for the camera's life: the camera caches a cairo context per array id.
            self._scratch = np.zeros_like(pixel_array)
        scratch = self._scratch
        scratch.fill(0)
        camera.display_multiple_vectorized_mobjects(members, scratch)
        alpha = scratch[..., 3]
        rows = np.flatnonzero(alpha.any(axis=1))
        cols = np.flatnonzero(alpha.any(axis=0))
        picture = _Picture(key)
        if len(rows) == 0:
            return picture
        y0, y1, x0, x1 = int(rows[0]), int(rows[-1]) + 1, int(cols[0]), int(cols[-1]) + 1
        data = np.ascontiguousarray(scratch[y0:y1, x0:x1])
        stride = cairo.ImageSurface.format_stride_for_width(cairo.FORMAT_ARGB32, x1 - x0)
        if stride == 4 * (x1 - x0):  # always for ARGB32
            picture.surface = cairo.ImageSurface.create_for_data(data.data, cairo.FORMAT_ARGB32, x1 - x0, y1 - y0, stride)
            picture.data, picture.x, picture.y = data, x0, y0
        return picture
