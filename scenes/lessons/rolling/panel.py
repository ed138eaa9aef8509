"""The cast around the rolling hill: formula, top view, rule, readouts, balls and labels.

:class:`RollingPanel` is mixed into :class:`scenes.lessons.rolling.scene.BallRollsToMinimum` (before
:class:`~scenes.lessons.common.hill.HillLesson`). :meth:`~RollingPanel.build_panel` makes, for each walk the
scene names in ``walks()``, a :class:`~scenes.parts.walk.descent_walk.Rider` (ball with a dark
halo, trail on the surface over a halo stroke, path and marker in the top view, readout of
f) with its facts (:func:`scenes.lessons.rolling.facts.walk_facts`), and lays the still parts out in
the frame's zones: the formula at the left of the title band, the outcome labels at its
right; the top view, the update rule and the readouts in the side panel (the hill keeps to
the plot zone left of it, :meth:`hill_zone`).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from manim import DOWN, LEFT, RIGHT, ManimColor, MathTex, Mobject, Text, VGroup

from scenes.kit import style
from scenes.kit.lesson import fit_width
from scenes.parts.hill3d.ball3d import ShadedBall
from scenes.parts.hill3d.contours import ContourMap
from scenes.parts.walk.descent_walk import Rider, corners_of, steps_in_view, trail_points
from scenes.parts.hill3d.halo import halo_ball, with_halo
from scenes.parts.panels.live_number import LiveReadout
from scenes.lessons.rolling.captions import exact_number
from scenes.lessons.rolling.facts import walk_facts

__all__ = ["COLOUR_NAMES", "RollingPanel", "colour_name"]

#: How the captions name the colours of the balls.
COLOUR_NAMES = {style.BALL.to_hex(): "Yellow", style.MOMENTUM.to_hex(): "Purple", style.DESCENT.to_hex(): "Green"}
#: The dark ring around a ball, as a share of its radius.
BALL_HALO = 0.2
#: Each further ball is drawn this much larger than the one before, under it, so that
#: balls on the same spot show as rings.
RING_SCALE = 0.4
_GAP = 0.25


def colour_name(colour: Any) -> str:
    """The word the captions use for a ball of ``colour``."""
    return COLOUR_NAMES.get(ManimColor(colour).to_hex(), "The other")


class RollingPanel:
    """Builds and lays out the rolling lessons' cast (see the module docstring)."""

    def build_panel(self) -> None:
        zones = self.zones
        self.formula = MathTex(f"{self.y_name} = {self.field.latex}", font_size=self.panel_size + 4, color=style.FUNCTION)
        fit_width(self.formula, 0.55 * zones.title.width)
        if self.formula.height > zones.title.height - 0.1:
            self.formula.scale_to_fit_height(zones.title.height - 0.1)
        self.formula.move_to([zones.title.left + self.formula.width / 2, (zones.title.top + zones.title.bottom) / 2, 0])
        self.rule = self.make_rule()
        self.step_readout = LiveReadout(r"\text{step}", 0, decimals=0, font_size=self.panel_size)
        walks = self.walks()
        shown = [self.steps_shown(path) for path, *_ in walks]
        readouts = [
            LiveReadout(label, float(path.values[0]), self.digits.values, color=ball, font_size=self.panel_size)
            for (path, ball, _, label) in walks
        ]
        self.readouts = VGroup(self.step_readout, *readouts).arrange(DOWN, aligned_edge=LEFT, buff=0.22)
        self.inset = self.make_inset()
        side = zones.side
        stack = VGroup(self.inset, self.rule, self.readouts)
        room = side.height - self.rule.height - self.readouts.height - 2 * _GAP
        if self.inset.height > room:  # the map's letters reach past its square
            self.inset.scale(room / self.inset.height)
        self.inset.move_to([side.right - self.inset.width / 2, side.top - self.inset.height / 2, 0])
        self.rule.next_to(self.inset, DOWN, buff=_GAP).align_to([side.left + 0.1, 0, 0], LEFT)
        self.readouts.next_to(self.rule, DOWN, buff=_GAP).align_to([side.left + 0.1, 0, 0], LEFT)
        self.pin(*stack)
        self.pin(self.formula)
        self.riders = [
            self.make_rider(index, path, ball, trail, readout, count)
            for index, ((path, ball, trail, _), readout, count) in enumerate(zip(walks, readouts, shown))
        ]
        for rider in self.riders:
            rider.show(0)
        self.labels = self.make_labels()

    def hill_zone(self):
        """The hill keeps left of the side panel."""
        return self.zones.plot

    def steps_shown(self, path) -> int:
        """How many steps of ``path`` lie over the drawn hill, from the start."""
        count = steps_in_view(path.points, path.values, self.n_range, self.e_range, self.value_range[:2])
        return max(count - 1, 0)

    def make_rule(self) -> VGroup:
        """The update rule with eta's value (and mu's, when the scene has momentum)."""
        n, e = self.var_tex
        size = self.panel_size
        eta = exact_number(self.learning_rate)[0]
        lines = [MathTex(r"\mathbf{w} \leftarrow \mathbf{w} - \eta\,\nabla f(\mathbf{w})", font_size=size, color=style.BALL)]
        values = rf"\mathbf{{w}} = ({n}, {e}),\ \eta = {eta}"
        momentum = getattr(self, "momentum", None)
        if momentum is not None:
            lines += [
                MathTex(r"\mathbf{v} \leftarrow \mu\,\mathbf{v} - \eta\,\nabla f(\mathbf{w})", font_size=size, color=style.MOMENTUM),
                MathTex(r"\mathbf{w} \leftarrow \mathbf{w} + \mathbf{v}", font_size=size, color=style.MOMENTUM),
            ]
            values += rf",\ \mu = {exact_number(momentum)[0]}"
        lines.append(MathTex(values, font_size=size - 2, color=style.INK))
        rule = VGroup(*lines).arrange(DOWN, aligned_edge=LEFT, buff=0.14)
        return fit_width(rule, self.zones.side.width - 0.2)

    def make_inset(self) -> ContourMap:
        """The top view, as large as the side panel allows next to the rule and readouts."""
        side = self.zones.side
        room = side.height - self.rule.height - self.readouts.height - 2 * _GAP
        size = max(1.0, min(self.inset_size, side.width, room))
        (n0, n1), (e0, e1) = self.n_range, self.e_range
        scale = size / max(n1 - n0, e1 - e0)
        return ContourMap(
            self.field, self.n_range, self.e_range,
            width=scale * (n1 - n0), height=scale * (e1 - e0), variables=self.variables,
        )

    def make_rider(self, index: int, path, ball_color, trail_color, readout: LiveReadout, shown: int) -> Rider:
        """A ball (larger for each later walk), its trail on the surface over a halo, its
        path and marker in the top view, its readout and its facts."""
        points = np.asarray(path.points[: shown + 1], dtype=float)
        dense, marks = trail_points(self.hill, points)
        width = 4 + 2 * index  # later trails wider, drawn under: a border where walks coincide
        trail = self.hill.path_on_surface(dense, lift=self.trail_lift, color=trail_color, stroke_width=width)
        single = len(dense) == 1
        corners = self.hill.point_at(*dense[0], lift=self.trail_lift)[None, :] if single else corners_of(trail)
        with_halo(trail, always=True)
        map_trail = self.inset.path(points, color=trail_color, stroke_width=3)
        map_corners = self.inset.c2p(*points[0])[None, :] if len(points) == 1 else corners_of(map_trail)
        radius = self.ball_radius * (1 + RING_SCALE * index)
        rider = Rider(
            path=path,
            shown=shown,
            corners=corners,
            marks=np.asarray(marks, dtype=int),
            ball_offset=(radius - self.trail_lift) * self.hill.up(),
            map_corners=map_corners,
            ball=halo_ball(ShadedBall(radius=radius, color=ball_color), BALL_HALO),
            trail=trail,
            map_trail=map_trail,
            marker=self.inset.marker(*points[0], color=ball_color, radius=0.07 * (1 + RING_SCALE * index)),
            readout=readout,
            decimals=self.digits.values,
        )
        rider.facts = walk_facts(path, self.field, self.n_range, self.e_range, shown)
        self.pin(map_trail, rider.marker)
        return rider

    def make_labels(self) -> VGroup:
        """One label per ball saying how its walk ended, in the status colour, at the right
        of the title band (pinned; each is shown when its walk is over)."""
        title = self.zones.title
        labels = VGroup(*(
            Text(self.label_text(i), font=style.FONT, font_size=24, color=style.status_color(r.facts.status))
            for i, r in enumerate(self.riders)
        ))
        labels.arrange(DOWN, aligned_edge=RIGHT, buff=0.1)
        fit_width(labels, title.right - self.formula.get_right()[0] - 0.4)
        if labels.height > title.height - 0.1:
            labels.scale_to_fit_height(title.height - 0.1)
        labels.move_to([title.right - labels.width / 2, (title.top + title.bottom) / 2, 0])
        self.pin(labels)
        return labels

    def order_for_roll(self) -> None:
        """Put the scene's mobjects in a drawing order that keeps the rolling frames cheap.

        While the camera moves, the fast camera paints each run of consecutive, unchanged,
        pinned mobjects from one cached picture and takes a new picture whenever a run's
        members change. So the still blocks (formula, labels, rule and readout labels; the
        caption; the top view) are kept apart by what changes (the axis numbers, which follow
        the camera; the digits of the step count). Trails (with their halos) go under the
        balls, and later (larger) balls under earlier ones, so that balls on one spot show
        as rings. The groups do not overlap on screen, so the picture is the same in any order.
        """
        readouts = [*(r.readout for r in self.riders), self.step_readout]
        shown = set(self.get_mobject_family_members())
        still = [self.formula, *(m for m in self.labels if m in shown), self.rule, *(r.label for r in readouts)]
        caption = [self._caption_mobject] if self._caption_mobject is not None else []
        order: list[Mobject] = [*still, self.axis_marks, *caption, self.step_readout.number, self.inset]
        order += [r.map_trail for r in self.riders] + [r.marker for r in reversed(self.riders)]
        order += [r.trail for r in reversed(self.riders)] + [r.readout.number for r in self.riders]
        order += [r.ball for r in reversed(self.riders)]
        self.add(*order)

    def label_text(self, index: int) -> str:  # pragma: no cover - scenes override
        raise NotImplementedError

    def walks(self) -> list[tuple[Any, Any, Any, str]]:  # pragma: no cover - scenes override
        raise NotImplementedError
