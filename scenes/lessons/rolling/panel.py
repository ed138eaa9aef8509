"""The cast around the rolling hill: formula, top view, rule, readouts, balls and labels.

:class:`RollingPanel` is a part the rolling scenes hold (``self.panel``). What it needs is
stated, not assumed: the hill it draws on (any object with the attributes of
:class:`PanelHill`; a :class:`~scenes.lessons.common.hill.HillLesson` after its ``build``
has them), the walks as :class:`Racer` records, how it looks (:class:`PanelLook`) and the
digits. It makes, for each racer, a :class:`~scenes.parts.walk.descent_walk.Rider` (ball with
a dark halo, trail on the surface, path and marker in the top view, readout of f) and lays
the still parts out in the frame's zones: the formula at the left of the title band, the
outcome labels at its right; the top view, the update rule and the readouts in the side
panel. It never adds anything to a scene: the scene pins :attr:`RollingPanel.pinned` and
plays the parts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np
from manim import DOWN, LEFT, RIGHT, CapStyleType, LineJointType, ManimColor, MathTex, Mobject, Text, VGroup, VMobject

from mathcore import DescentPath, ScalarField

from scenes.kit import style
from scenes.kit.layout import Zones
from scenes.kit.theme import colour_word
from scenes.kit.lesson import fit_width
from scenes.lessons.rolling.captions import Digits
from scenes.parts.hill3d.axis_labels import LETTER_FONT_SIZE
from scenes.parts.hill3d.ball3d import ShadedBall
from scenes.parts.hill3d.contours import ContourMap
from scenes.parts.hill3d.halo import halo_ball, with_halo
from scenes.parts.hill3d.hillside import HillsideMesh
from scenes.parts.panels.live_number import LiveReadout
from scenes.parts.walk.descent_walk import Rider, corners_of, steps_in_view, trail_points

__all__ = ["COLOUR_NAMES", "PanelHill", "PanelLook", "Racer", "RollingPanel", "colour_name", "steps_shown"]

#: How the captions name the colours of the balls, as they are seen (the Okabe-Ito
#: "reddish purple" reads as pink).
COLOUR_NAMES = {style.BALL.to_hex(): "Yellow", style.MOMENTUM.to_hex(): "Pink", style.DESCENT.to_hex(): "Green"}
#: The dark ring around a ball, as a share of its radius.
BALL_HALO = 0.2
#: Each further ball is drawn this much larger than the one before, under it, so that
#: balls on the same spot show as rings.
RING_SCALE = 0.4
_GAP = 0.25
#: The map's letters n and e as large as the hill's axis letters (lower case: 9 px at 480p).
MAP_LETTER_SIZE = LETTER_FONT_SIZE


def colour_name(colour: Any) -> str:
    """The word the captions use for a ball of ``colour``, as the scene's theme draws it
    (:func:`scenes.kit.theme.colour_word`: the yellow ball of the dark theme is the olive
    ball of the light one), capitalised to begin a sentence."""
    try:
        return colour_word(colour).capitalize()
    except ValueError:  # a colour the palette does not have (a subclass's own)
        return COLOUR_NAMES.get(ManimColor(colour).to_hex(), "The other")


class PanelHill(Protocol):
    """What :class:`RollingPanel` reads from the hill it draws on (a built HillLesson)."""

    field: ScalarField
    hill: HillsideMesh
    n_range: tuple[float, float]
    e_range: tuple[float, float]
    value_range: tuple[float, float, float]
    var_tex: tuple[str, str]
    y_name: str
    zones: Zones


@dataclass(frozen=True)
class Racer:
    """One walk to draw: mathcore's walk, the steps of it drawn, the ball's colour (its
    trail, marker and readout share it) and the readout's label (LaTeX)."""

    path: DescentPath
    shown: int
    color: Any
    label: str = "f ="


@dataclass(frozen=True)
class PanelLook:
    """Sizes of the panel (the scene's settings of the same names)."""

    panel_size: float = 34
    inset_size: float = 2.8
    ball_radius: float = 0.14
    trail_lift: float = 0.02


def steps_shown(path: DescentPath, hill: PanelHill) -> int:
    """How many steps of ``path`` lie over the drawn hill, from the start."""
    count = steps_in_view(path.points, path.values, hill.n_range, hill.e_range, hill.value_range[:2])
    return max(count - 1, 0)


class RollingPanel:
    """The rolling lessons' cast (see the module docstring).

    Parameters
    ----------
    hill : PanelHill
        The hill drawn on: field, mesh, ranges, names and the frame's zones.
    racers : sequence of Racer
        The walks; the first is drawn on top, each later ball larger beneath.
    look : PanelLook
        Sizes.
    digits : Digits
        How numbers are written.
    rule : sequence of str
        The update rule's lines (LaTeX), the last one the settings' values.
    """

    def __init__(self, hill: PanelHill, racers: Sequence[Racer], look: PanelLook, digits: Digits, rule: Sequence[str]):
        self.hill, self.look, self.digits = hill, look, digits
        zones = hill.zones
        size = look.panel_size
        self.formula = MathTex(f"{hill.y_name} = {hill.field.latex}", font_size=size + 4, color=style.FUNCTION)
        fit_width(self.formula, 0.55 * zones.title.width)
        if self.formula.height > zones.title.height - 0.1:
            self.formula.scale_to_fit_height(zones.title.height - 0.1)
        self.formula.move_to([zones.title.left + self.formula.width / 2, (zones.title.top + zones.title.bottom) / 2, 0])
        self.rule = self.make_rule(rule, [r.color for r in racers])
        self.step_readout = LiveReadout(r"\text{step}", 0, decimals=0, font_size=size)
        readouts = [
            LiveReadout(r.label, float(r.path.values[0]), digits.values, color=r.color, font_size=size) for r in racers
        ]
        self.readouts = VGroup(self.step_readout, *readouts).arrange(DOWN, aligned_edge=LEFT, buff=0.22)
        self.inset = self.make_inset()
        side = zones.side
        room = side.height - self.rule.height - self.readouts.height - 2 * _GAP
        shrink = min(room / self.inset.height, side.width / self.inset.width)
        if shrink < 1:  # a crowded panel even at the smallest box: the map as a whole shrinks
            self.inset.scale(shrink)
        self.inset.move_to([side.right - self.inset.width / 2, side.top - self.inset.height / 2, 0])
        self.rule.next_to(self.inset, DOWN, buff=_GAP).align_to([side.left + 0.1, 0, 0], LEFT)
        self.readouts.next_to(self.rule, DOWN, buff=_GAP).align_to([side.left + 0.1, 0, 0], LEFT)
        self.riders = [self.make_rider(i, racer, readout) for i, (racer, readout) in enumerate(zip(racers, readouts))]
        for rider in self.riders:
            rider.show(0)
        self.labels = VGroup()

    @property
    def pinned(self) -> list[Mobject]:
        """What stays fixed to the screen (the scene pins these)."""
        parts = [self.inset, self.rule, self.readouts, self.formula, self.labels]
        return parts + [m for r in self.riders for m in (r.map_trail, r.marker)]

    def make_rule(self, lines: Sequence[str], colors: Sequence[Any]) -> VGroup:
        """The update rule: one line per equation (the first racer's colour for the plain
        rule, the second's for the momentum rule), then the values in ink."""
        size = self.look.panel_size
        *rules, values = lines
        tinted = [MathTex(text, font_size=size, color=colors[0] if i == 0 else colors[-1]) for i, text in enumerate(rules)]
        rule = VGroup(*tinted, MathTex(values, font_size=size - 2, color=style.INK)).arrange(DOWN, aligned_edge=LEFT, buff=0.14)
        return fit_width(rule, self.hill.zones.side.width - 0.2)

    def make_inset(self) -> ContourMap:
        """The top view as a map (north up, east to the right, tick numbers on both edges),
        its box as large as the side panel allows next to the rule and readouts with its
        numbers and letters beside it (the numbers left of and below the box, n at the left,
        e at the right end of the bottom edge)."""
        side = self.hill.zones.side
        room = side.height - self.rule.height - self.readouts.height - 2 * _GAP
        size = max(1.0, min(self.look.inset_size, side.width, room))
        inset = self.map_of(size)
        across, up = inset.width - inset.frame.width, inset.height - inset.frame.height
        fitted = max(1.0, min(self.look.inset_size, side.width - across, room - up))
        return self.map_of(fitted) if fitted < size - 1e-6 else inset

    def map_of(self, size: float) -> ContourMap:
        """The top view with the longer side of its box ``size`` long."""
        hill = self.hill
        (n0, n1), (e0, e1) = hill.n_range, hill.e_range
        scale = size / max(n1 - n0, e1 - e0)
        return ContourMap(
            hill.field, hill.n_range, hill.e_range, width=scale * (e1 - e0), height=scale * (n1 - n0),
            variables=tuple(hill.field.variables), north_up=True, tick_numbers=True,
            label_size=MAP_LETTER_SIZE, label_at_end=True,
        )

    def make_rider(self, index: int, racer: Racer, readout: LiveReadout) -> Rider:
        """A ball (larger for each later racer), its trail on the surface over a halo (a
        clean polyline in the ball's colour, round joints, no fill), its path and marker in
        the top view, and its readout."""
        hill, look = self.hill.hill, self.look
        points = np.asarray(racer.path.points[: racer.shown + 1], dtype=float)
        dense, marks = trail_points(hill, points)
        width = 4 + 2 * index  # later trails wider, drawn under: a border where walks coincide
        trail = clean_line(hill.path_on_surface(dense, lift=look.trail_lift, color=racer.color, stroke_width=width))
        single = len(dense) == 1
        corners = hill.point_at(*dense[0], lift=look.trail_lift)[None, :] if single else corners_of(trail)
        with_halo(trail, always=True)
        map_trail = clean_line(self.inset.path(points, color=racer.color, stroke_width=3 + index))
        with_halo(map_trail, extra=2.0, always=True)
        map_corners = self.inset.c2p(*points[0])[None, :] if len(points) == 1 else corners_of(map_trail)
        radius = look.ball_radius * (1 + RING_SCALE * index)
        return Rider(
            path=racer.path,
            shown=racer.shown,
            corners=corners,
            marks=np.asarray(marks, dtype=int),
            ball_offset=(radius - look.trail_lift) * hill.up(),
            map_corners=map_corners,
            ball=halo_ball(ShadedBall(radius=radius, color=racer.color), BALL_HALO),
            trail=trail,
            map_trail=map_trail,
            marker=self.inset.marker(*points[0], color=racer.color, radius=0.07 * (1 + RING_SCALE * index)),
            readout=readout,
            decimals=self.digits.values,
        )

    def make_labels(self, labels: Sequence[tuple[str, Any, str, Any]]) -> VGroup:
        """One label per ball saying how its walk ended, at the right of the title band:
        each ``(name, name colour, words, status colour)`` is the racer's name in its
        colour (none for an empty name) and the words in the colour of the walk's status.
        Each is shown when its walk is over."""
        title = self.hill.zones.title
        rows = []
        for name, name_color, words, status_color in labels:
            parts = [Text(name, font=style.FONT, font_size=24, color=name_color)] if name else []
            parts.append(Text(words, font=style.FONT, font_size=24, color=status_color))
            rows.append(VGroup(*parts).arrange(RIGHT, buff=0.12, aligned_edge=DOWN))
        group = VGroup(*rows).arrange(DOWN, aligned_edge=RIGHT, buff=0.1)
        fit_width(group, title.right - self.formula.get_right()[0] - 0.4)
        if group.height > title.height - 0.1:
            group.scale_to_fit_height(title.height - 0.1)
        group.move_to([title.right - group.width / 2, (title.top + title.bottom) / 2, 0])
        self.labels = group
        return group

    def roll_order(self, before: Sequence[Mobject], visible: set[Mobject]) -> list[Mobject]:
        """A drawing order that keeps the rolling frames cheap (the scene adds it).

        While the camera moves, the fast camera paints each run of consecutive, unchanged,
        pinned mobjects from one cached picture and takes a new picture whenever a run's
        members change. So the still blocks (formula, labels, rule and readout labels;
        ``before``, e.g. the axis numbers and the caption; the top view) are kept apart by
        what changes (the digits). Trails (with their halos) go under the balls, and later
        (larger) balls under earlier ones, so that balls on one spot show as rings. The
        groups do not overlap on screen, so the picture is the same in any order.
        ``visible``: the mobjects in the scene now (labels not yet shown stay out).
        """
        readouts = [*(r.readout for r in self.riders), self.step_readout]
        still = [self.formula, *(m for m in self.labels if m in visible), self.rule, *(r.label for r in readouts)]
        order: list[Mobject] = [*still, *before, self.step_readout.number, self.inset]
        order += [r.map_trail for r in self.riders] + [r.marker for r in reversed(self.riders)]
        order += [r.trail for r in reversed(self.riders)] + [r.readout.number for r in self.riders]
        return order + [r.ball for r in reversed(self.riders)]


def clean_line(path: VMobject) -> VMobject:
    """``path`` as a clean polyline: no fill, round joints and caps (a zigzag walk's sharp
    turns would otherwise grow mitred spikes as long as ten stroke widths)."""
    path.set_fill(opacity=0)
    path.joint_type = LineJointType.ROUND
    path.cap_style = CapStyleType.ROUND
    return path
