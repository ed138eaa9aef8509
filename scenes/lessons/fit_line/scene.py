"""Fitting a line: the loss of the data is a landscape over (w, b), and descent walks it.

:class:`FitALine` shows the data and a line y = w x + b on the left, with the residuals (how
far the line misses each point), and the contour map of the loss L(w, b), the mean of the
squared residuals, on the right. A ball at (w, b) walks down the map by mathcore's gradient
descent and the line moves with it; the readouts show w, b and the falling L. With
``batch_size`` set, each step uses a seeded random mini-batch (stochastic gradient descent)
and the captions count the steps that raised the full loss. Render with::

    manim -qh scenes/learning.py FitALine

A variant is a subclass::

    class Heights(FitALine):
        data = ((150, 52), (160, 58), (165, 63), (170, 66), (180, 75))
        learning_rate = 0.0001
"""

from __future__ import annotations

from typing import ClassVar

import numpy as np
from manim import Create, FadeIn, Write

from mathcore import line_fit, line_loss

from scenes.kit.beats import NO_FACTS
from scenes.kit.lesson import rendered_from
from scenes.kit.theme import colour_word
from scenes.lessons.common.data_fit import Data, DataFitLesson, ParameterStart
from scenes.lessons.common.fit_captions import MapFacts
from scenes.lessons.common.walk_settings import LearningRate
from scenes.lessons.fit_line import captions as say
from scenes.lessons.fit_line.facts import LossFacts, data_facts, outcome_facts, start_facts
from scenes.parts.plot2d.plot_axes import Scale, scale_for

__all__ = ["FitALine"]

#: Twelve points near the line y = 0.6 x + 1.5, with some noise.
LINE_DATA = (
    (-3.0, -0.2), (-2.5, 0.4), (-2.0, 0.1), (-1.5, 0.9), (-1.0, 0.7), (-0.5, 1.5),
    (0.0, 1.2), (0.5, 2.0), (1.0, 2.3), (1.5, 2.2), (2.0, 2.9), (3.0, 3.1),
)


@rendered_from("scenes.learning")
class FitALine(DataFitLesson):
    """A line fitted to data by gradient descent on the mean squared residual.

    The story: the data; the start's line and its residuals; the loss and its map over
    (w, b); the rule (plain, or on random mini-batches); ``steps_told`` steps one by one,
    then the rest of the walk; how noisy it was (mini-batches); where it ended, against the
    least-squares line.
    """

    title = "Fitting a line"
    subtitle = "Gradient descent on the loss of the data"
    data: ClassVar[Data] = LINE_DATA
    start: ClassVar[ParameterStart] = (-1.0, 3.0)
    learning_rate: ClassVar[LearningRate] = 0.15

    loss_of = staticmethod(line_loss)  # mathcore's exact loss: the mean of (w x + b - y)^2

    def model(self, w: float, b: float):
        return lambda xs: w * xs + b

    def data_scales(self, data: np.ndarray) -> tuple[Scale, Scale]:
        return self.x_scale(float(data[:, 0].min()), float(data[:, 0].max())), scale_for(float(data[:, 1].min()), float(data[:, 1].max()))

    def anchors(self):
        return [line_fit(self.walk.data)]

    def formula_tex(self) -> str:
        return r"L(w, b) = \tfrac{1}{n} \textstyle\sum_i \left(w\,x_i + b - y_i\right)^2"

    # -- construct ----------------------------------------------------------------------------
    def construct(self) -> None:
        d = self.decimals
        self.begin_part(say.DATA_PART)
        self.play_title_card(facts=NO_FACTS)
        self.show(say.data_line(data_facts(self.walk)), Create(self.plot.axes), FadeIn(self.plot.dots), run_time=1.2)
        first, second = say.start_lines(start_facts(self.walk, d, colour_word(self.plot.gaps.get_stroke_color())))
        self.show(first, Create(self.plot.curve), FadeIn(self.w_readout), FadeIn(self.b_readout))
        self.show(second, Create(self.plot.gaps))
        self.begin_part(say.LOSS_PART)
        self.show(say.loss_line(LossFacts(float(self.walk.path.values[0]), d)), Write(self.formula), FadeIn(self.loss_readout), run_time=1.0)
        self.add(self.trail)
        self.show(say.map_line(MapFacts()), FadeIn(self.map), FadeIn(self.map_title), FadeIn(self.ball), FadeIn(self.step_readout),
                  FadeIn(self.eta), run_time=1.0)
        self.walk_down()
        self.tell_end(say.END_PART, say.outcome_lines(outcome_facts(self.walk, self.judge, self.shown, d, self.learning_rate)))
