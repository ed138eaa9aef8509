"""Text of the 3-D lessons in its zones: the formula in the title band, readouts in a
column in the side panel, both kept to a readable size.

The hill is fitted to the plot zone (:meth:`scenes.lessons.common.hill.HillLesson.hill_zone`), so text laid
out here never sits over the surface and needs no plate.
"""

from __future__ import annotations

from collections.abc import Sequence

from manim import DOWN, LEFT, MathTex, Mobject, VGroup

from scenes.kit import style
from scenes.kit.lesson import fit_width
from scenes.kit.layout import Box

__all__ = ["fit_box", "fits", "formula_line", "panel_column"]

#: Space between a zone's edge and its text.
MARGIN = 0.15


def fit_box(mobject: Mobject, width: float, height: float) -> Mobject:
    """Shrink ``mobject`` to fit ``width`` x ``height`` (never enlarge it)."""
    fit_width(mobject, width)
    if mobject.height > height:
        mobject.scale_to_fit_height(height)
    return mobject


def formula_line(name: str, latex: str, zone: Box, color=style.FUNCTION) -> MathTex:
    """``name = latex`` in one line at the top left of ``zone`` (the title band)."""
    formula = MathTex(f"{name} = {latex}", font_size=style.READOUT_SIZE, color=color)
    fit_box(formula, zone.width - 2 * MARGIN, zone.height - 2 * MARGIN)
    return formula.move_to([zone.left + MARGIN + formula.width / 2, (zone.top + zone.bottom) / 2, 0.0])


def fits(mobject: Mobject, zone: Box, least: float = 0.8) -> bool:
    """True if ``mobject`` fits across ``zone`` at ``least`` of its size or more."""
    return mobject.width * least <= zone.width - 2 * MARGIN


def panel_column(items: Sequence[Mobject], zone: Box, buff: float = 0.35) -> VGroup:
    """``items`` one under the other, left-aligned, at the top left of ``zone`` (the side
    panel). An item wider than the panel is shrunk on its own (keep items short enough to
    stay readable: see :func:`fits`); the column is shrunk if it is too tall."""
    for item in items:
        fit_width(item, zone.width - 2 * MARGIN)
    column = VGroup(*items).arrange(DOWN, aligned_edge=LEFT, buff=buff)
    fit_box(column, zone.width - 2 * MARGIN, zone.height - 2 * MARGIN)
    return column.move_to([zone.left + MARGIN + column.width / 2, zone.top - MARGIN - column.height / 2, 0.0])
