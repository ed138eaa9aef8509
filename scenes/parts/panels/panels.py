"""Text of the 3-D lessons in its zones: the formula in the title band, readouts in a
column in the side panel, both kept to a readable size.

Readable means measured, not assumed: :func:`smallest_glyph_px` is the height at 480p of the
smallest letter or digit of a formula, exponents and fractions included (bars such as minus
signs and fraction rules, and dots, are not letters). A formula is readable when that is at
least :data:`READABLE_GLYPH_PX`. :func:`place_formula` puts the formula in the title band when
it is readable there, else in the side panel; :func:`formula_lines` breaks a long formula at its
top-level plus and minus signs.

The hill is fitted to the plot zone (:meth:`scenes.lessons.common.hill.HillLesson.hill_zone`), so text laid
out here never sits over the surface and needs no plate.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from manim import DOWN, LEFT, MathTex, Mobject, VGroup, config

from scenes.kit import style
from scenes.kit.lesson import fit_width
from scenes.kit.layout import Box

__all__ = [
    "READABLE_GLYPH_PX",
    "fit_box",
    "fits",
    "formula_line",
    "formula_lines",
    "place_formula",
    "panel_column",
    "readable",
    "smallest_glyph_px",
    "split_terms",
]

#: Space between a zone's edge and its text.
MARGIN = 0.15

#: The smallest letter or digit of a formula, in pixels at 480p (an exponent's "2" at the
#: readout size is about 10 px; a script within a script, about 5 px, is not readable).
READABLE_GLYPH_PX = 8.0

#: Pixels of height of the 480p picture.
PICTURE_PX = 480


def smallest_glyph_px(mobject: Mobject) -> float:
    """The height in pixels at 480p of the smallest letter or digit of ``mobject`` (a formula
    as drawn now). Rules (minus signs, fraction bars: wider than twice their height), commas
    and brackets (narrower than 0.42 of their height; a narrow i or l is never a formula's only
    letter at its level) and dots (under 0.3 of the middle glyph height) are skipped."""
    px = PICTURE_PX / config.frame_height
    sizes = [(g.height * px, g.width * px) for g in mobject.family_members_with_points() if not g.submobjects]
    if not sizes:
        return float("inf")
    middle = float(np.median([h for h, _ in sizes]))
    letters = [h for h, w in sizes if 0.42 * h <= w <= 2 * h and h >= 0.3 * middle]
    return min(letters) if letters else float("inf")


def readable(mobject: Mobject, least: float = READABLE_GLYPH_PX) -> bool:
    """Is every letter and digit of ``mobject`` at least ``least`` pixels tall at 480p?"""
    return smallest_glyph_px(mobject) >= least - 1e-9


def split_terms(latex: str) -> list[str]:
    """``latex`` cut before each plus or minus sign at its top level (outside braces and
    ``\left(...\right)``), signs kept with their terms; a leading minus stays with the first.

    >>> split_terms("- a^{2} + b - {c + d}")
    ['- a^{2}', '+ b', '- {c + d}']
    """
    terms, depth, start, k = [], 0, 0, 0
    while k < len(latex):
        if latex.startswith(r"\left", k) or latex[k] == "{":
            depth += 1
        elif latex.startswith(r"\right", k) or latex[k] == "}":
            depth -= 1
        elif depth == 0 and latex[k] in "+-" and latex[start:k].strip():
            terms.append(latex[start:k].strip())
            start = k
        k += 6 if latex.startswith((r"\left", r"\right"), k) else 1
    terms.append(latex[start:].strip())
    return [t for t in terms if t]


def formula_lines(head: str, latex: str, width: float, font_size: float = style.READOUT_SIZE, color=style.INK) -> VGroup | None:
    """``head latex`` (e.g. ``\frac{\partial y}{\partial n} =`` and a formula) as few lines as
    fit ``width`` readable: the formula is broken at its top-level signs, each further line
    indented. The first line's first part is ``head`` (to colour it). None when some term
    alone cannot be read in ``width``."""
    terms = split_terms(latex)

    def tex(k: int, parts: list[str]) -> str:
        return (f"{head} " if k == 0 else r"\quad ") + " ".join(parts)

    def line(k: int, parts: list[str]) -> MathTex:  # the head is the first line's first part
        pieces = (head, " ".join(parts)) if k == 0 else (r"\quad " + " ".join(parts),)
        return MathTex(*pieces, font_size=font_size, color=color)

    lines: list[list[str]] = []
    current: list[str] = []
    for term in terms:
        if current and MathTex(tex(len(lines), [*current, term]), font_size=font_size).width > width:
            lines.append(current)
            current = [term]
        else:
            current.append(term)
    lines.append(current)
    group = VGroup(*(line(k, parts) for k, parts in enumerate(lines)))
    group.arrange(DOWN, aligned_edge=LEFT, buff=0.15)
    fit_width(group, width)
    return group if readable(group) else None


def place_formula(name: str, latex: str, zones, color=style.FUNCTION) -> tuple[Mobject, bool]:
    """The formula ``name = latex`` in the title band when it is readable there, else sized
    for the side panel (put it first in the panel's column), on one line or broken over
    several (:func:`formula_lines`) to stay readable. Returns it and whether it goes in the
    panel."""
    formula = formula_line(name, latex, zones.title, color)
    if readable(formula):
        return formula, False
    size = style.READOUT_SIZE
    formula = MathTex(f"{name} = {latex}", font_size=size, color=color)
    smallest = smallest_glyph_px(formula)
    if smallest < READABLE_GLYPH_PX:  # a fraction's exponent: a little larger than the readouts
        size *= READABLE_GLYPH_PX / smallest * 1.01
        formula = MathTex(f"{name} = {latex}", font_size=size, color=color)
    width = zones.side.width - 2 * MARGIN
    if formula.width > width:
        broken = formula_lines(f"{name} =", latex, width, font_size=size, color=color)
        if broken is not None:
            return broken, True
    fit_width(formula, width)
    return formula, True


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
    stay readable: see :func:`fits`); a column too tall first closes its gaps (down to 0.15),
    then is shrunk."""
    for item in items:
        fit_width(item, zone.width - 2 * MARGIN)
    room = zone.height - 2 * MARGIN
    tall = sum(item.height for item in items)
    if len(items) > 1 and tall + buff * (len(items) - 1) > room:
        buff = max(0.15, min(buff, (room - tall) / (len(items) - 1)))
    column = VGroup(*items).arrange(DOWN, aligned_edge=LEFT, buff=buff)
    fit_box(column, zone.width - 2 * MARGIN, room)
    return column.move_to([zone.left + MARGIN + column.width / 2, zone.top - MARGIN - column.height / 2, 0.0])
