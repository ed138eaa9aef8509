"""What the optimizer race draws, built from the rolling lessons' parts.

The race holds the rolling lessons' cast (:class:`~scenes.lessons.rolling.panel.RollingPanel`,
through :func:`~scenes.lessons.rolling.roll.build_cast`): for each racer a ball with its trail
on the hill, its path and marker on the contour map, and a readout of f, all in the racer's
colour (:data:`RACER_COLORS`). This module adds what a race needs: the walks from mathcore's
optimizers (:func:`race_walks`), the panel's line with the common start (:func:`start_tex`),
and a short label per racer in the title band saying how its walk ended, in the colour of
its status (:func:`status_labels`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from manim import DOWN, LEFT, RIGHT, UP, MathTex, Text, VGroup

from mathcore import DescentPath, DomainError, ScalarField
from mathcore.descent import descend
from mathcore.optimizers import make_optimizer

from scenes.kit import style
from scenes.kit.lesson import fit_width
from scenes.kit.numbers import number
from scenes.lessons.rolling.digits import exact_number, value_decimals

__all__ = ["RACER_COLORS", "race_walks", "readout_label", "start_tex", "status_labels"]

#: The racers' colours, in the order of the scene's ``optimizers``: the rolling lessons'
#: ball (yellow) and second runner (reddish purple), then white, lilac and salmon. None is a
#: status colour (green converged, orange oscillating, vermillion diverged, grey stopped)
#: or the hill's sky blue; each reads at 4.5:1 on the background (the tests check).
RACER_COLORS = (style.BALL, style.MOMENTUM, style.RACER_3, style.RACER_4, style.RACER_5)  # palette colours: they follow the theme

#: The smallest font size the readouts are given to fit the side panel.
_SMALLEST_PANEL = 24.0
#: Font size of the status labels in the title band.
LABEL_SIZE = 24
#: The least share of the title band's width the formula keeps beside the labels.
_FORMULA_SHARE = 0.35


def race_walks(scene: Any, field: ScalarField) -> list[DescentPath]:
    """mathcore's walk from ``scene.start`` for each ``(name, learning_rate)`` of
    ``scene.optimizers`` (:func:`mathcore.descent.descend`; errors name the scene's class)."""
    start = tuple(map(float, scene.start))
    try:
        return [
            descend(field, start, make_optimizer(name, float(rate)), max_steps=scene.max_steps, tolerance=scene.tolerance)
            for name, rate in scene.optimizers
        ]
    except DomainError as error:
        raise DomainError(f"{type(scene).__name__}.start = {scene.start!r}: {error}") from None


def fitted_panel_size(scene: Any, names: Sequence[str], paths: Sequence[DescentPath]) -> float:
    """The scene's ``panel_size``, or smaller (not below 24) when a racer's readout with the
    widest value its walk shows would not fit the side panel (long names: "AdaGrad 0.012 (2)")."""
    size = float(scene.panel_size)
    low, high = scene.value_range[:2]
    decimals = value_decimals(high - low, scene.decimals)
    values = [number(float(v), decimals) for path in paths for v in path.values if math.isfinite(float(v)) and low <= float(v) <= high]
    widest = max(values, key=len, default="0")
    room = scene.zones.side.width - 0.3
    width = max(MathTex(f"{readout_label(name)} {widest}", font_size=size).width for name in names)
    return size if width <= room else max(_SMALLEST_PANEL, size * room / width)


def readout_label(name: str) -> str:
    """The LaTeX label of a racer's readout: ``\\text{Adam}\\ f =``."""
    return rf"\text{{{name}}}\ f ="


def start_tex(var_tex: Sequence[str], start: Sequence[float]) -> list[str]:
    """The panel's one line: where every racer starts, as set."""
    n, e = var_tex
    a, b = (exact_number(float(v))[0] for v in start)
    return [rf"\text{{start: }} ({n}, {e}) = ({a},\ {b})"]


def status_labels(panel: Any, names: Sequence[str], colors: Sequence[Any], words: Sequence[str], statuses: Sequence[str]) -> VGroup:
    """One label per racer at the right of the title band, each shown when the racer's
    walk is over: its name in its colour and ``words`` in the colour of its walk's
    ``statuses``. Up to two rows; a third racer opens a second column, a fifth a third. The
    formula at the left of the band gives way (it shrinks) before the labels do."""
    title = panel.hill.zones.title
    labels = VGroup()
    for name, color, word, status in zip(names, colors, words, statuses):
        parts = [Text(f"{name}:", font=style.FONT, font_size=LABEL_SIZE, color=color),
                 Text(word, font=style.FONT, font_size=LABEL_SIZE, color=style.status_color(status))]
        labels.add(VGroup(*parts).arrange(RIGHT, buff=0.12, aligned_edge=DOWN))
    rows = 1 if len(labels) == 1 else 2
    columns = [VGroup(*labels[i:i + rows]).arrange(DOWN, aligned_edge=LEFT, buff=0.08) for i in range(0, len(labels), rows)]
    grid = VGroup(*columns).arrange(RIGHT, aligned_edge=UP, buff=0.4)
    if grid.height > title.height - 0.1:
        grid.scale_to_fit_height(title.height - 0.1)
    formula = panel.formula
    room = title.width - grid.width - 0.6
    if formula.width > room:
        formula.scale_to_fit_width(max(room, _FORMULA_SHARE * title.width))
        formula.move_to([title.left + formula.width / 2, (title.top + title.bottom) / 2, 0])
    fit_width(grid, title.right - formula.get_right()[0] - 0.4)
    grid.move_to([title.right - grid.width / 2, (title.top + title.bottom) / 2, 0])
    panel.labels = labels
    return labels
