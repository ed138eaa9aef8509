"""The gradient field: the hill from straight above, contour lines and gradient arrows.

The lesson scene is :class:`GradientField`, rendered from ``scenes/gradient.py`` (``manim -qh
scenes/gradient.py GradientField``); see :mod:`scenes.lessons.gradient.scene` for the lesson on
one point.
"""

from __future__ import annotations

from typing import Annotated, ClassVar

import numpy as np
from manim import ORIGIN, PI, RIGHT, Arrow, Create, FadeIn, FadeOut, GrowArrow, LaggedStart, MathTex, Transform, VGroup, VMobject

from mathcore import DomainError
from scenes.kit import style
from scenes.kit.lesson import Play, rendered_from
from scenes.kit.beats import NO_FACTS, Line
from scenes.lessons.gradient_field.captions import (
    arrows_caption,
    arrows_part,
    down_part,
    hill_part,
    flip_caption,
    intro_caption,
    map_caption,
    pattern_caption,
    right_angle_caption,
)
from scenes.lessons.gradient_field.facts import field_facts
from scenes.lessons.common.gradient_lesson import GradientLesson
from scenes.kit.layout import Box
from scenes.parts.hill3d.axis_labels import LETTER_FONT_SIZE
from scenes.parts.hill3d.arrow_field import ArrowGrid, arrow_grid, flat_arrow, level_tangent, right_angle_mark
from scenes.parts.hill3d.contours import ContourMap, contour_levels, contour_lines
from scenes.parts.hill3d.hill_view import projector
from scenes.parts.panels.panels import panel_column
from scenes.kit.settings import Setting

__all__ = ["GradientField", "GradientFieldLesson", "TOP_VIEW"]

#: The camera straight above: the hill is laid out as a map (as in every hill lesson:
#: :mod:`scenes.lessons.common.hill_axes`), so n (north) runs up the screen and e (east) to the right.
TOP_VIEW = (0.0, -90.0)

#: Side of the right-angle mark on screen (0.3 units: 18 px at 480p).
MARK_SIDE = 0.3


@rendered_from("scenes.gradient")
class GradientField(GradientLesson):
    """The hill from straight above: contour lines, and gradient arrows crossing them.

    The hill is laid out as a map is (north up the screen, east to the right, seen from
    above: :mod:`scenes.lessons.common.hill_axes`). The camera rises from the
    hillside to look straight down, and the hill gives way to its contour map (lines of equal
    height, levels equally spaced in height; tick numbers on both edges), laid over the
    hill's footprint. Gradient arrows grow on a grid of points: length
    proportional to |∇f|, cut off at ``arrow_cap`` of the grid spacing so that they do not
    overlap; none where f or its slopes are undefined or the ground is flat. At the arrow
    nearest ``point`` the contour line through its foot is drawn with a right-angle mark.
    Last the arrows turn round to -∇f, the way down.
    """

    title = "The gradient field"
    subtitle = "Seen from above, straight across the contour lines"
    grid: ClassVar[Annotated[int, Setting("arrows along each side", low=3, high=20)]] = 7
    levels: ClassVar[Annotated[int, Setting("how many contour lines", low=2, high=30)]] = 10
    arrow_cap: ClassVar[Annotated[float, Setting("the longest arrow as a share of the grid spacing", low=0.2, high=1.0)]] = 0.5
    shortest_arrow: ClassVar[Annotated[float, Setting("arrows shorter than this share of the spacing are left out", low=0.0, high=0.5)]] = 0.12
    top_view_time: ClassVar[Annotated[float, Setting("seconds for the camera to rise to the top view", low=0.1, high=20)]] = 2.5

    @classmethod
    def check(cls) -> None:
        """The lesson's checks, and that some arrow is drawn."""
        super().check()
        if not len(cls.arrow_grid().feet):
            raise DomainError(
                f"{cls.__name__}: {cls.function!r} is flat or undefined at every point of the "
                f"{cls.grid} x {cls.grid} grid; there is no arrow to draw"
            )

    @classmethod
    def arrow_grid(cls) -> ArrowGrid:
        """The arrows of the field for this configuration (see :func:`arrow_grid`)."""
        return arrow_grid(cls.make_field(), cls.n_range, cls.e_range, cls.grid, cls.arrow_cap, cls.shortest_arrow)

    def camera_views(self) -> list[tuple[float, float]]:
        return [(self.phi, self.theta)]  # the top view has a framing of its own (top_fit)

    # -- build ------------------------------------------------------------------------------
    def build(self) -> None:
        super().build()
        #: The framing from straight above: the map then fills the plot zone.
        self.top_fit = self.fit_camera([TOP_VIEW])
        self.map = self.make_map()
        self.unit = float(np.linalg.norm(self.map.c2p(1.0, 0.0) - self.map.c2p(0.0, 0.0)))
        grid = self.arrow_grid()
        self.feet, self.gradients, self.magnitudes = grid.feet, grid.gradients, grid.magnitudes
        self.field_facts = field_facts(grid.magnitudes, grid.capped)
        self.tips = grid.tips
        self.arrows = VGroup(*(self.field_arrow(f, t, style.GRADIENT) for f, t in zip(self.feet, self.tips)))
        self.down_arrows = VGroup(*(self.field_arrow(f, 2 * f - t, style.DESCENT) for f, t in zip(self.feet, self.tips)))
        self.marked = int(np.argmin(np.linalg.norm(self.feet - np.asarray(self.point, dtype=float), axis=1)))
        self.level_line, self.right_angle = self.make_right_angle(self.marked)
        self.legend = self.make_legend(r"\nabla f", style.GRADIENT)
        self.down_legend = self.make_legend(r"-\nabla f", style.DESCENT)

    def make_map(self) -> ContourMap:
        """The contour map, levels equally spaced in height, pinned over the hill as the top
        view shows it (its footprint at mid-height)."""
        (n0, n1), (e0, e1) = self.n_range, self.e_range
        middle_height = sum(self.axes.z_range[:2]) / 2
        corners = np.array([self.flat_point(a, b, middle_height) for a in (n0, n1) for b in (e0, e1)])
        shown = projector(*TOP_VIEW, self.top_fit)(corners)
        width, height = np.ptp(shown[:, 0]), np.ptp(shown[:, 1])
        levels = contour_levels(self.field, self.levels, self.n_range, self.e_range, spacing=1.0, variables=self.variables)
        contour_map = ContourMap(
            self.field, self.n_range, self.e_range, width=width, height=height, levels=levels,
            variables=self.variables, north_up=True, tick_numbers=True, label_size=LETTER_FONT_SIZE,
        )
        middle = np.array([shown[:, 0].mean(), shown[:, 1].mean(), 0.0])
        contour_map.shift(middle - contour_map.c2p((n0 + n1) / 2, (e0 + e1) / 2))
        return _keep_inside(contour_map, self.zones.plot)

    def field_arrow(self, foot: np.ndarray, tip: np.ndarray, color) -> Arrow:
        return flat_arrow(self.map.c2p(*foot), self.map.c2p(*tip), color, stroke_width=3.5, tip_length=0.16, tip_ratio=0.5)

    def make_right_angle(self, index: int) -> tuple[VMobject, VMobject]:
        """The contour line through the foot of arrow ``index`` and a right-angle mark
        between it and the arrow (both drawn from the traced line, not assumed)."""
        foot = self.feet[index]
        lines = contour_lines(self.field, self.n_range, self.e_range, float(self.field(*foot)), variables=self.variables)
        nearest = min(lines, key=lambda line: level_tangent([line], foot)[1])
        level_line = self.map.path(nearest, color=style.INK, stroke_width=3)
        up = self.gradients[index] / self.magnitudes[index]
        self.mark_corners = right_angle_mark(nearest, foot, up, MARK_SIDE / self.unit)
        mark = VMobject(stroke_color=style.INK, stroke_width=3.5).set_points_as_corners([self.map.c2p(*p) for p in self.mark_corners])
        return level_line, mark

    def make_legend(self, tex: str, color) -> VGroup:
        """A short arrow and its name, at the top of the side panel (pinned to the screen)."""
        sample = flat_arrow(ORIGIN, 0.7 * RIGHT, color, stroke_width=4, tip_length=0.16)
        name = MathTex(tex, font_size=style.READOUT_SIZE, color=color).next_to(sample, RIGHT, buff=0.2)
        return panel_column([*self.panel_head(), VGroup(sample, name)], self.zones.side)[-1]

    # -- construct ----------------------------------------------------------------------------
    def construct(self) -> None:
        self.set_start_view()
        self.begin_part(hill_part())
        self.play_title_card(facts=NO_FACTS)
        self.caption(intro_caption(self.variables), run_time=0, facts=NO_FACTS)
        self.show_hill(run_time=0.8)
        self.show_formula()
        # From above the height axis shrinks to a point: its numbers go as the camera rises.
        self.move_view(*TOP_VIEW, run_time=self.top_view_time, fit=self.top_fit, added_anims=[FadeOut(self.axis_marks)])
        self.pin(self.map)
        self.beat(Line(map_caption(self.variables), NO_FACTS), FadeOut(self.hill), FadeOut(self.axes), FadeIn(self.map), run_time=1.0)
        self.show_arrows()
        self.mark_right_angle()
        self.beat(Line(pattern_caption(self.field_facts), self.field_facts), FadeOut(self.level_line), FadeOut(self.right_angle), run_time=0.5)
        self.flip()
        self.clear_caption()
        self.wait(0.5)

    def show_arrows(self) -> None:
        self.pin(self.legend, *self.arrows)
        self.beat(Line(arrows_caption(self.field_facts), self.field_facts), LaggedStart(*(GrowArrow(a) for a in self.arrows), lag_ratio=0.02),
                  FadeIn(self.legend), run_time=2.0, part=arrows_part())

    def mark_right_angle(self) -> None:
        self.pin(self.level_line, self.right_angle)
        self.beat(Line(right_angle_caption(), NO_FACTS), Play(Create(self.level_line), run_time=1.0), Play(Create(self.right_angle), run_time=0.5))

    def flip(self) -> None:
        self.pin(self.down_legend)
        turns = [Transform(a, d, path_arc=PI) for a, d in zip(self.arrows, self.down_arrows)]
        self.beat(Line(flip_caption(self.field_facts), self.field_facts), *turns, FadeOut(self.legend), FadeIn(self.down_legend),
                  run_time=1.5, part=down_part())


def _keep_inside(mobject: ContourMap, zone: Box, margin: float = 0.1) -> ContourMap:
    """Shrink ``mobject`` (about its map's centre) and move it so that it lies in ``zone``."""
    room = (zone.width - 2 * margin, zone.height - 2 * margin)
    if mobject.width > room[0] or mobject.height > room[1]:
        mobject.scale(min(room[0] / mobject.width, room[1] / mobject.height), about_point=mobject.frame.get_center())
    dx = max(0.0, zone.left + margin - mobject.get_left()[0]) - max(0.0, mobject.get_right()[0] - (zone.right - margin))
    dy = max(0.0, zone.bottom + margin - mobject.get_bottom()[1]) - max(0.0, mobject.get_top()[1] - (zone.top - margin))
    return mobject.shift([dx, dy, 0.0])


#: The old name of the lesson's base (GradientField is the lesson itself now).
GradientFieldLesson = GradientField
