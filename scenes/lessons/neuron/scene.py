"""One neuron learns: a sigmoid curve over labelled points, walking down its cross-entropy.

:class:`OneNeuron` shows points with labels 0 and 1 (at heights 0 and 1; label 0 as rings,
label 1 as dots) and the neuron's curve s = sigmoid(w x + b), with a dashed line at its
decision point x = -b / w where s = 1/2. On the right, the contour map of the loss L(w, b),
the mean cross-entropy; a ball at (w, b) walks down it by mathcore's gradient descent, and
the curve and its decision point move with it. Labels that one x splits cleanly have no
lowest loss: the walk makes w grow, and the captions say so. Render with::

    manim -qh scenes/learning.py OneNeuron

A variant is a subclass::

    class PassFail(OneNeuron):
        data = ((1, 0), (2, 0), (3, 0), (4, 1), (5, 0), (6, 1), (7, 1), (8, 1))
        learning_rate = 0.5
"""

from __future__ import annotations

from typing import ClassVar

import numpy as np
from manim import Create, FadeIn, VGroup, VMobject, Write

from mathcore import neuron_loss

from scenes.kit import style
from scenes.kit.beats import NO_FACTS
from scenes.kit.lesson import rendered_from
from scenes.lessons.common.data_fit import DataFitLesson, LabelledData, ParameterStart
from scenes.lessons.common.fit_captions import MapFacts
from scenes.lessons.common.walk_settings import LearningRate, Tolerance
from scenes.lessons.neuron import captions as say
from scenes.lessons.neuron.facts import LossFacts, data_facts, decision_point, outcome_facts, start_facts
from scenes.parts.plot2d.plot_axes import Scale

__all__ = ["OneNeuron"]

#: Fourteen points whose labels overlap between x = -1 and x = 1: the loss has a lowest point.
NEURON_DATA = (
    (-3.0, 0), (-2.5, 0), (-2.0, 0), (-1.6, 0), (-1.2, 0), (-0.8, 1), (-0.4, 0),
    (0.0, 1), (0.4, 0), (0.8, 1), (1.2, 1), (1.8, 1), (2.4, 1), (3.0, 1),
)

#: Length of a dash of the decision line, in data units of the plot's height.
DASH = 0.06


@rendered_from("scenes.learning")
class OneNeuron(DataFitLesson):
    """A sigmoid neuron fitted to labelled points by gradient descent on the cross-entropy.

    The story: the labelled points; the neuron at its start and its decision point; the
    loss and its map over (w, b); the rule; ``steps_told`` steps one by one, then the rest of
    the walk; where it ended (for cleanly split labels: why w keeps growing) and where the
    neuron now splits the labels.
    """

    title = "One neuron learns"
    subtitle = "Gradient descent on the cross-entropy"
    data: ClassVar[LabelledData] = NEURON_DATA
    start: ClassVar[ParameterStart] = (0.0, 0.0)
    learning_rate: ClassVar[LearningRate] = 2.0
    tolerance: ClassVar[Tolerance] = 1e-4
    labelled = True
    residuals = False
    curve_name = "curve"
    samples = 80

    loss_of = staticmethod(neuron_loss)  # mathcore's exact loss: the mean cross-entropy over (w, b)

    def model(self, w: float, b: float):
        return lambda xs: 0.5 * (1.0 + np.tanh(0.5 * (w * xs + b)))  # sigmoid(w x + b), without overflow

    def data_scales(self, data: np.ndarray) -> tuple[Scale, Scale]:
        return self.x_scale(float(data[:, 0].min()), float(data[:, 0].max())), Scale(-0.15, 1.15, 0.5)

    def formula_tex(self) -> str:
        return r"s = \sigma(w\,x + b), \quad L(w, b) = -\tfrac{1}{n} \textstyle\sum_i \left[y_i \log s_i + (1 - y_i) \log(1 - s_i)\right]"

    def make_extras(self) -> VGroup:
        self.decision = VMobject(stroke_color=style.BALL, stroke_width=3, fill_opacity=0)
        self.name_in_picture("decision point", self.decision)
        return VGroup(self.decision)

    def show_extras(self, w: float, b: float) -> None:
        x = decision_point(w, b, self.decimals)
        if x is None:
            self.decision.set_points(np.zeros((0, 3)))
            return
        low, high = self.plot.y_range
        tops = np.arange(low, high, 2 * DASH)
        self.plot._set_segments(self.decision, np.column_stack([np.full_like(tops, x), tops]),
                                np.column_stack([np.full_like(tops, x), np.minimum(tops + DASH, high)]))

    # -- construct ----------------------------------------------------------------------------
    def construct(self) -> None:
        d = self.decimals
        self.begin_part(say.DATA_PART)
        self.play_title_card(facts=NO_FACTS)
        first, second = say.data_lines(data_facts(self.walk))
        self.show(first, Create(self.plot.axes), FadeIn(self.plot.dots), run_time=1.2)
        self.show(second)
        first, second = say.start_lines(start_facts(self.walk, d))
        self.show(first, Create(self.plot.curve), FadeIn(self.w_readout), FadeIn(self.b_readout))
        self.show(second, FadeIn(self.decision), run_time=0.5)
        self.begin_part(say.LOSS_PART)
        first, second = say.loss_line(LossFacts(float(self.walk.path.values[0]), d))
        self.show(first, Write(self.formula), run_time=1.0)
        self.show(second, FadeIn(self.loss_readout), run_time=0.5)
        self.add(self.trail)
        self.show(say.map_line(MapFacts("neuron")), FadeIn(self.map), FadeIn(self.map_title), FadeIn(self.ball), FadeIn(self.step_readout),
                  FadeIn(self.eta), run_time=1.0)
        self.walk_down()
        self.tell_end(say.END_PART, say.outcome_lines(outcome_facts(self.walk, self.judge, self.shown, d, self.learning_rate)))
