"""Choosing the learning rate: the same walk with one to four step sizes, side by side.

Each panel draws its walk as a zig-zag of points on the curve, labelled with its eta and,
when the walk is over, the status mathcore reports (in its colour) and a few words on it.
Captions come from the walks' facts (:mod:`scenes.lessons.learning_rates.captions`): a panel is "downhill"
only if its shown steps lowered f, and the closing caption names a best rate only when one
converged. Render with ``manim -qh scenes/learning_rates.py LearningRates`` (also
importable from :mod:`scenes.lessons.descent.scene`).
"""

from __future__ import annotations

import math
from typing import Annotated, ClassVar

from manim import DOWN, LEFT, RIGHT, UP, Create, FadeIn, MathTex, ShowIncreasingSubsets, Text, VGroup, Write, linear

from scenes.kit import style
from scenes.kit.lesson import Play, fit_in_band, fit_width, rendered_from
from scenes.lessons.descent.facts import outcome_facts, walk_facts
from scenes.lessons.learning_rates.facts import intro_facts, panel_facts, rates_facts
from scenes.lessons.common.descent_lesson import DescentLesson, descent_view, formula_tex, variable_tex
from scenes.kit.layout import Box
from scenes.parts.plot2d.plot_axes import PlotAxes, Scale
from scenes.parts.walk.descent_steps import STATUS_WORDS, format_rate
from scenes.parts.plot2d.graph import graph_of
from scenes.parts.panels.rate_panel import RatePanel
from scenes.kit.beats import NO_FACTS, Line
from scenes.lessons.learning_rates.captions import (
    ends_part, intro_line, panel_caption, panel_note, rate_outcome_caption, setup_part, summary_captions, walks_part,
)
from scenes.kit.settings import Setting, setting_of
from scenes.lessons.common.walk_settings import LearningRate

__all__ = ["LearningRates"]

_RATE = setting_of(LearningRate)
#: One to four learning rates, each within the bounds of the shared :data:`LearningRate`.
_RATES = Setting("one to four learning rates, one per panel", low=_RATE.low, high=_RATE.high, items=(1, 4))


def few_ticks(scale: Scale, most: int = 3) -> Scale:
    """``scale`` with the smallest round step (1, 2 or 5 x 10^k, no finer than its own) that
    leaves at most ``most`` ticks (at least two): a panel is short, and five numbers up its
    side would touch."""
    exponent = math.floor(math.log10(scale.step))
    candidates = sorted(m * 10.0**e for e in range(exponent, exponent + 3) for m in (1, 2, 5) if m * 10.0**e >= scale.step * (1 - 1e-9))
    for step in candidates:
        shorter = Scale(scale.start, scale.stop, float(f"{step:.12g}"))
        if len(shorter.ticks) <= most:
            return shorter if len(shorter.ticks) >= 2 else scale
    return scale


@rendered_from("scenes.learning_rates")
class LearningRates(DescentLesson):
    """The same walk with one to four learning rates, in a grid of small graphs.

    Each panel draws its walk as a zig-zag of points on the curve, labelled with its eta,
    then how the walk ended. A walk that leaves the panel's view is drawn up to its last
    point inside, with an arrow to the edge where it leaves.
    """

    title = "Choosing the learning rate"
    subtitle = "Same start, same rule: only the step size changes"
    w_range = (-2.5, 4.5)
    max_steps = 60
    start: ClassVar[Annotated[float, Setting("where every walk starts", low=-1e6, high=1e6)]] = 3.0
    learning_rates: ClassVar[Annotated[tuple[float, ...], _RATES]] = (
        0.02, 0.3, 1.0, 1.1,
    )
    steps: ClassVar[Annotated[int, Setting("the most updates drawn per panel", low=0, high=200)]] = 60
    walk_time: ClassVar[Annotated[float, Setting("seconds to draw one panel's walk (at most)", low=0.2, high=10.0)]] = 3.0

    @classmethod
    def starts_to_check(cls) -> list[tuple[str, float]]:
        return [("start", float(cls.start))]

    def build(self) -> None:
        type(self).check()
        self.curve = self.make_curve()
        self.name = self.curve.variable
        self.var_tex = variable_tex(self.curve)
        self.paths = [self.descend(self.curve, self.start, lr) for lr in self.learning_rates]
        self.x_range, self.y_range = descent_view(self.curve, self.w_range, [float(self.start)], ticks=5, y_ticks=2)
        self.formula = MathTex(f"f({self.var_tex}) =", formula_tex(self.curve), font_size=34, color=style.FUNCTION)
        fit_in_band(self.formula, self.zones.title).move_to([0, self.zones.title.top - 0.35, 0])  # shrunk if tall
        self.panels = [self.make_panel(i, path) for i, path in enumerate(self.paths)]
        self.critical = self.curve.critical_points(self.x_range[:2])
        self.judge = self.value_change(self.curve, self.x_range)
        self.walks = [walk_facts(p.path, p.shown, p.shown_points, self.decimals, self.judge) for p in self.panels]
        self.outcomes = [
            outcome_facts(self.curve, p, self.tolerance, self.x_range, self.critical, self.decimals, self.judge) for p in self.paths
        ]

    # -- panels -------------------------------------------------------------------------------
    def cell_box(self, index: int) -> Box:
        """Grid cell ``index`` of the stage (row by row; one row for one or two rates)."""
        stage, count = self.zones.stage, len(self.learning_rates)
        rows, cols = (1 if count <= 2 else 2), (1 if count == 1 else 2)
        row, col = divmod(index, cols)
        width, height = stage.width / cols, stage.height / rows
        left, top = stage.left + col * width, stage.top - row * height
        return Box(left + 0.1, left + width - 0.1, top - height + 0.05, top - 0.05)

    def make_panel(self, index: int, path) -> RatePanel:
        cell = self.cell_box(index)
        header = MathTex(rf"\eta = {format_rate(path.learning_rate)}", font_size=30, color=style.INK)
        header.move_to([cell.left + 0.15, cell.top, 0], aligned_edge=LEFT + UP)
        box = Box(cell.left, cell.right, cell.bottom + 0.4, header.get_bottom()[1] - 0.1)
        # Numbers outside the plotting box: no curve or walk crosses one. No y label (a thin
        # space, no ink): the formula above names the function, and a panel has little height.
        axes = PlotAxes(Scale(*self.x_range), few_ticks(Scale(*self.y_range)), box, x_label=self.var_tex, y_label=r"\,")
        graph = graph_of(axes, self.curve, self.x_range[:2], style.FUNCTION, stroke_width=3)
        return RatePanel(axes, graph, header, path, self.steps)

    def outcome_labels(self, index: int) -> VGroup:
        """The status word (beside eta, in its colour) and a few words under the panel."""
        panel, outcome = self.panels[index], self.outcomes[index]
        word = Text(STATUS_WORDS[outcome.status], font=style.FONT, font_size=26, color=style.status_color(outcome.status))
        word.next_to(panel.header, RIGHT, buff=0.35).align_to(panel.header, DOWN).shift(0.03 * DOWN)
        note = Text(panel_note(outcome, self.walks[index]), font=style.FONT, font_size=22, color=style.INK)
        cell = self.cell_box(index)
        fit_width(note, cell.width - 0.2)
        note.move_to([cell.left + cell.width / 2, cell.bottom + 0.17, 0])
        return VGroup(word, note)

    # -- construct ----------------------------------------------------------------------------
    def construct(self) -> None:
        count = len(self.panels)
        self.begin_part(setup_part(count))
        self.play_title_card(facts=NO_FACTS)
        intro = intro_facts(self.name, self.start, len(self.panels), self.decimals)
        self.beat(Line(intro_line(intro), intro), Play(Write(self.formula), *(Create(p.axes) for p in self.panels), run_time=1.2),
                  Play(*(Create(p.graph) for p in self.panels), *(FadeIn(p.header) for p in self.panels),
                       *(FadeIn(p.ball, scale=0.5) for p in self.panels), run_time=1.0))
        self.begin_part(walks_part(count))
        for index in range(len(self.panels)):
            self.run_panel(index)
        self.begin_part(ends_part(count))
        facts = rates_facts(self.outcomes, self.walks, self.max_steps)
        for text in summary_captions(facts, len(self.outcomes)):
            self.beat(Line(text, facts))
        self.clear_caption()
        self.wait(self.read_time)  # the last frame holds everything (and is the golden frame)

    def run_panel(self, index: int) -> None:
        panel, walk = self.panels[index], self.walks[index]
        facts = panel_facts(walk)
        self.caption(Line(panel_caption(facts), facts))  # up while the walk is drawn (the ball rides its tip)
        if panel.shown:
            zigzag, dots = panel.walk()
            panel.trail.add(zigzag, dots)
            # One polyline drawn at constant speed in corners: each step takes the same time,
            # the ball rides the tip and a dot appears as the tip reaches each new point.
            self.add(panel.ball)
            panel.ball.add_updater(lambda ball: ball.move_to(zigzag.get_end()))
            self.play(Create(zigzag), ShowIncreasingSubsets(dots), run_time=min(0.6 * panel.shown, self.walk_time), rate_func=linear)
            panel.ball.clear_updaters()
            self.add(panel.ball)
        arrow = panel.exit_arrow()
        if arrow is not None:
            self.play(Create(arrow), run_time=0.5)
            panel.trail.add(arrow)
        self.play(FadeIn(self.outcome_labels(index)), run_time=0.4)
        outcome = self.outcomes[index]
        self.beat(Line(rate_outcome_caption(outcome), outcome))
