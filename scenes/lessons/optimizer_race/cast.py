"""What the optimizer race draws, built from the rolling lessons' parts.

The race holds the rolling lessons' cast (:class:`~scenes.lessons.rolling.panel.RollingPanel`,
through :func:`~scenes.lessons.rolling.roll.build_cast`): for each racer a ball with its trail
on the hill, its path and marker on the contour map, and a readout of f, all in the racer's
colour (:data:`RACER_COLORS`). This module adds what a race needs: the walks from mathcore's
optimizers (:func:`race_walks`), the panel's line with the common start (:func:`start_tex`),
and a short label beside each readout saying how the racer's walk ended, in the colour of
its status (:func:`status_labels`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from manim import ManimColor, Text, VGroup

from mathcore import DescentPath, DomainError, ScalarField
from mathcore.descent import descend
from mathcore.optimizers import make_optimizer

from scenes.kit import style
from scenes.lessons.rolling.digits import exact_number

__all__ = ["RACER_COLORS", "race_walks", "readout_label", "start_tex", "status_labels"]

#: The racers' colours, in the order of the scene's ``optimizers``: the rolling lessons'
#: ball (yellow) and second runner (reddish purple), then white, lilac and salmon. None is a
#: status colour (green converged, orange oscillating, vermillion diverged, grey stopped)
#: or the hill's sky blue; each reads at 4.5:1 on the background (the tests check).
RACER_COLORS = (style.BALL, style.MOMENTUM, ManimColor("#F2F2F2"), ManimColor("#B8A1FF"), ManimColor("#FFA8A8"))

#: Font size of the status labels beside the readouts, and their gap to the widest readout.
LABEL_SIZE = 24
_GAP = 0.35


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


def readout_label(name: str) -> str:
    """The LaTeX label of a racer's readout: ``\\text{Adam}\\ f =``."""
    return rf"\text{{{name}}}\ f ="


def start_tex(var_tex: Sequence[str], start: Sequence[float]) -> list[str]:
    """The panel's one line: where every racer starts, as set."""
    n, e = var_tex
    a, b = (exact_number(float(v))[0] for v in start)
    return [rf"\text{{start: }} ({n}, {e}) = ({a},\ {b})"]


def status_labels(panel: Any, words: Sequence[str], statuses: Sequence[str]) -> VGroup:
    """One label per racer on the row of its readout, in a column right of the widest
    readout (shrunk to fit the side panel): ``words`` in the colour of each walk's
    ``statuses`` (shown when the walk is over)."""
    side = panel.hill.zones.side
    labels = VGroup(*(Text(w, font=style.FONT, font_size=LABEL_SIZE, color=style.status_color(s)) for w, s in zip(words, statuses)))
    left = max(r.readout.get_right()[0] for r in panel.riders) + _GAP
    room = side.right - 0.05 - left
    widest = max(label.width for label in labels)
    if widest > room > 0:
        labels.scale(room / widest)
    for rider, label in zip(panel.riders, labels):
        label.move_to([left + label.width / 2, rider.readout.get_center()[1], 0])
    panel.labels = labels
    return labels
