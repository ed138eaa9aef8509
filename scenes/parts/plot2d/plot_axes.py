"""Axes of a 2-D plot with their numbers outside the plotting box, so no graph crosses them.

A graph, a tangent and a moving point are all clipped to the plotting box (the axes' x and y
ranges). Putting the tick numbers along the outside of the box's bottom and left edges (as a
framed plot does) means nothing drawn in the box can run over a number, whatever the
function. The zero lines are still drawn when zero lies in a range. Numbers are written by
:func:`scenes.kit.numbers.number` (no ``-0``, no scientific notation) in a size that is at least
14 px tall at 480p.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from manim import DOWN, LEFT, RIGHT, UP, Axes, Line, MathTex, Text, VGroup

from scenes.kit import style
from scenes.kit.layout import Box
from scenes.kit.numbers import number
from scenes.parts.plot2d.axes import nice_range

__all__ = ["PlotAxes", "Scale", "TICK_SIZE", "scale_for", "tick_labels"]

#: Font size of tick numbers: a digit is about 0.25 frame units, 15 px at 480p.
TICK_SIZE = 24
#: The most decimals a tick number gets.
MAX_TICK_DECIMALS = 6


@dataclass(frozen=True)
class Scale:
    """One axis from ``start`` to ``stop``, with a tick at every multiple of ``step`` between."""

    start: float
    stop: float
    step: float

    @property
    def decimals(self) -> int:
        """Decimals that write every tick exactly (0.25 -> 2)."""
        places = 0
        while places < MAX_TICK_DECIMALS and abs(self.step * 10**places - round(self.step * 10**places)) > 1e-9 * 10**places:
            places += 1
        return places

    @property
    def ticks(self) -> list[float]:
        first = math.ceil(self.start / self.step - 1e-9)
        last = math.floor(self.stop / self.step + 1e-9)
        return [float(f"{k * self.step:.12g}") for k in range(first, last + 1)]

    def as_range(self) -> list[float]:
        return [self.start, self.stop, self.step]


def scale_for(low: float, high: float, ticks: int = 5, pad: float = 0.05) -> Scale:
    """A :class:`Scale` over ``[low, high]`` widened by ``pad`` of its span each side, with
    a round step (1, 2 or 5 x 10^k) giving about ``ticks`` ticks. A range of no width is
    widened to one unit each side."""
    span = high - low
    if span < 1e-9 * max(1.0, abs(low), abs(high)):
        low, high, span, pad = low - 1.0, high + 1.0, 2.0, 0.0
    step = nice_range(low, high, ticks=ticks, pad=0.0)[2]
    return Scale(low - pad * span, high + pad * span, step)


def tick_labels(values: Sequence[float], decimals: int, color=style.MUTED) -> list[Text]:
    """One text per value, written as a learner reads numbers."""
    return [Text(number(v, decimals), font=style.FONT, font_size=TICK_SIZE, color=color) for v in values]


class PlotAxes(Axes):
    """Axes filling ``zone`` less room for their numbers and labels.

    The plotting box (:attr:`box`) spans the two scales exactly; x numbers sit under its
    bottom edge, y numbers left of its left edge, the x label right of the box, the y label
    above it. Usable wherever manim's :class:`~manim.Axes` is (``c2p``, ``x_range``...).
    """

    def __init__(self, x: Scale, y: Scale, zone: Box, x_label: str = "x", y_label: str = "y"):
        x_numbers = tick_labels(x.ticks, x.decimals)
        y_numbers = tick_labels(y.ticks, y.decimals)
        x_tex = MathTex(x_label, font_size=style.LABEL_SIZE, color=style.INK)
        y_tex = MathTex(y_label, font_size=style.LABEL_SIZE, color=style.INK)
        gap = 0.15
        left = zone.left + max(n.width for n in y_numbers) + 2 * gap
        right = zone.right - x_tex.width - x_numbers[-1].width / 2 - 2 * gap
        bottom = zone.bottom + max(n.height for n in x_numbers) + 2 * gap
        half_number = max(n.height for n in y_numbers) / 2  # the top number reaches above the box
        top = zone.top - y_tex.height - gap - half_number
        if right - left < 1.0 or top - bottom < 1.0:
            raise ValueError(f"no room for a plot in {zone}")
        super().__init__(
            x_range=x.as_range(),
            y_range=y.as_range(),
            x_length=right - left,
            y_length=top - bottom,
            tips=False,
            axis_config={"color": style.MUTED, "stroke_width": 2, "include_ticks": False},
        )
        corner = np.asarray(self.c2p(x.start, y.start), dtype=float)
        self.shift(np.array([left, bottom, 0.0]) - corner)
        self.box = Box(left, right, bottom, top)
        self.scales = (x, y)
        frame = VGroup(
            Line([left, bottom, 0], [right, bottom, 0], color=style.MUTED, stroke_width=2),
            Line([left, bottom, 0], [left, top, 0], color=style.MUTED, stroke_width=2),
        )
        marks = VGroup()
        for value, text in zip(x.ticks, x_numbers):
            px = float(self.c2p(value, y.start)[0])
            marks.add(Line([px, bottom, 0], [px, bottom - 0.1, 0], color=style.MUTED, stroke_width=2))
            text.next_to([px, bottom - 0.1, 0], DOWN, buff=0.06)
        for value, text in zip(y.ticks, y_numbers):
            py = float(self.c2p(x.start, value)[1])
            marks.add(Line([left, py, 0], [left - 0.1, py, 0], color=style.MUTED, stroke_width=2))
            text.next_to([left - 0.1, py, 0], LEFT, buff=0.06)
        x_tex.next_to([right + x_numbers[-1].width / 2, x_numbers[-1].get_center()[1], 0], RIGHT, buff=gap)
        y_tex.next_to([left, top + half_number, 0], UP, buff=gap / 2)
        self.numbers = VGroup(*x_numbers, *y_numbers)
        self.axis_labels = VGroup(x_tex, y_tex)
        self.add(frame, marks, self.numbers, self.axis_labels)


def inside(box: Box, point) -> bool:
    """True if the screen ``point`` lies in ``box``."""
    return box.left - 1e-9 <= point[0] <= box.right + 1e-9 and box.bottom - 1e-9 <= point[1] <= box.top + 1e-9


def clamp_decimals(value: float) -> int:
    """Decimals that show about two significant digits of ``value`` (0 to 6)."""
    if value == 0 or not math.isfinite(value):
        return 0
    return int(min(MAX_TICK_DECIMALS, max(0, 1 - math.floor(math.log10(abs(value))))))
