"""Numbers cheap enough to change on every frame of a 60 fps render.

Manim's :class:`~manim.DecimalNumber` rebuilds its digits on every ``set_value`` from a
cache of typeset characters, but it deep-copies each cached character, and that copy
dominates a frame when a few readouts change 60 times a second. :class:`LiveDecimal` keeps
one outline per character and font size and makes each digit a plain
:class:`~manim.VMobject` holding a copy of those points: the same shapes, laid out by the
same code, for a fraction of the cost.
"""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np
from manim import DecimalNumber, VMobject

from scenes.parts.panels.readouts import Readout

__all__ = ["LiveDecimal", "LiveReadout"]


class LiveDecimal(DecimalNumber):
    """A :class:`~manim.DecimalNumber` whose ``set_value`` works in place.

    Takes the same arguments and looks the same. While the number of characters stays the
    same (``1.25`` -> ``-3.50`` is 4 -> 5: not the same), ``set_value`` only moves points:
    each character is a slot whose points are replaced by the cached outline of the new
    character, laid out as ``DecimalNumber`` lays it out. Otherwise (and with units,
    ellipses or background rectangles) it rebuilds, without deep copies.
    """

    _outlines: ClassVar[dict[tuple[str, float], np.ndarray]] = {}
    _shapes: ClassVar[dict[tuple[str, float], tuple[np.ndarray, float, float]]] = {}

    def set_value(self, number: float) -> LiveDecimal:
        text = self._get_num_string(number) if not isinstance(number, complex) else None
        if (
            text is None
            or len(text) != len(self.submobjects)
            or self.unit is not None
            or self.show_ellipsis
            or self.include_background_rectangle
        ):
            return super().set_value(number)
        self.number = number
        # The box of the digits now, from their points (cheaper than manim's boundary walk).
        points = np.vstack([slot.points for slot in self.submobjects])
        low_corner, high_corner = points.min(axis=0), points.max(axis=0)
        scale = (high_corner[1] - low_corner[1]) / self.initial_height
        direction = np.sign(np.asarray(self.edge_to_fix, dtype=float))
        anchor = (low_corner + high_corner) / 2 + direction * (high_corner - low_corner) / 2
        buff = self.digit_buff_per_font_unit * self._font_size
        shapes = [self._shape(ch) for ch in text]
        # Left to right with bottoms aligned; a minus sits halfway up the next character,
        # a comma hangs half below the line (as DecimalNumber does it).
        lefts, bottoms, x = [], [], 0.0
        for i, (ch, (_, width, height)) in enumerate(zip(text, shapes)):
            lefts.append(x)
            if ch == "-" and i + 1 < len(text):
                bottoms.append(shapes[i + 1][2] / 2 - height)
            elif ch == ",":
                bottoms.append(-height / 2)
            else:
                bottoms.append(0.0)
            x += width + buff
        low = min(bottoms)
        high = max(b + s[2] for b, s in zip(bottoms, shapes))
        right = lefts[-1] + shapes[-1][1]
        centre = np.array([right / 2, (low + high) / 2, 0.0])
        half = np.array([right / 2, (high - low) / 2, 0.0])
        edge = centre + direction * half
        for slot, (outline, _, _), left, bottom in zip(self.submobjects, shapes, lefts, bottoms):
            slot.points = anchor + scale * (outline + np.array([left, bottom, 0.0]) - edge)
        self.initial_height = high - low
        return self

    def right_edge(self) -> float:
        """The x coordinate of the number's right edge (cheap: from the digits' points)."""
        return float(max(slot.points[:, 0].max() for slot in self.submobjects if slot.points.size))

    def _shape(self, string: str) -> tuple[np.ndarray, float, float]:
        """The outline of ``string`` moved to have its lower left corner at the origin,
        with its width and height, at this number's font size."""
        key = (string, float(self._font_size))
        shape = LiveDecimal._shapes.get(key)
        if shape is None:
            outline = self._string_to_mob(string).points
            if outline.size:
                low, high = outline.min(axis=0), outline.max(axis=0)
                shape = (outline - np.array([low[0], low[1], 0.0]), float(high[0] - low[0]), float(high[1] - low[1]))
            else:
                shape = (outline, 0.0, 0.0)
            LiveDecimal._shapes[key] = shape
        return shape

    def _string_to_mob(self, string: str, mob_class: Any = None, **kwargs: Any) -> VMobject:
        if (mob_class is not None and mob_class is not self.mob_class) or kwargs:
            return super()._string_to_mob(string, mob_class, **kwargs)
        key = (string, float(self._font_size))
        outline = LiveDecimal._outlines.get(key)
        if outline is None:
            typeset = super()._string_to_mob(string)
            parts = [m.points for m in typeset.family_members_with_points()]
            outline = np.vstack(parts) if parts else np.zeros((0, 3))
            LiveDecimal._outlines[key] = outline
        glyph = VMobject(stroke_width=0, fill_opacity=1.0)
        glyph.points = outline.copy()
        return glyph


class LiveReadout(Readout):
    """A :class:`~scenes.parts.panels.readouts.Readout` whose number is a :class:`LiveDecimal`.

    Same arguments, look and behaviour as ``Readout`` (the digits have the same outlines,
    in the same place, and are written by :func:`scenes.kit.numbers.number`: ``0``, never
    ``0.00`` or ``-0.00``); use it for readouts that change on every frame.
    """

    def make_number(self, value: float, decimals: int, color: Any, font_size: float) -> LiveDecimal:
        return LiveDecimal(
            value,
            num_decimal_places=decimals,
            include_sign=False,
            group_with_commas=False,
            font_size=font_size,
            color=color,
        )
