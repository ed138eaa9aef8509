"""What the line and neuron lessons share: data on one side, the loss map on the other.

:class:`DataFitLesson` (not a lesson itself) declares the settings of a model fitted to data
once (``data``, ``start``, the walk's ``learning_rate``, ``max_steps``, ``tolerance`` from
:mod:`scenes.lessons.common.walk_settings`, ``batch_size`` and ``seed`` for stochastic steps,
``steps_told``, ``move_time``, ``roll_time``), checks them before anything renders, asks
mathcore for the walk (:mod:`scenes.lessons.common.fit_walk`) and builds the cast:

* left, the data and the model's curve (:class:`~scenes.parts.plot2d.data_plot.DataPlot`), the
  curve in the ball's colour: it is the ball's (w, b) seen as a model;
* right, the contour map of the loss L over (w, b)
  (:class:`~scenes.parts.hill3d.contour_map.ContourMap`), the ball at (w, b) and its trail;
* far right, the readouts: step, w, b and L, and η.

:meth:`DataFitLesson.walk_to` moves everything together along mathcore's path (the ball, the
trail, the curve, the residuals, the readouts). A lesson supplies the loss (``loss_of``), how to
draw its model (``model``) and the data plot's axes (``data_scales``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Annotated, Any, ClassVar

import numpy as np
from manim import DOWN, LEFT, UP, Animation, Dot, MathTex, VGroup, VMobject

from scenes.kit import style
from scenes.kit.beats import Line
from scenes.kit.layout import Box
from scenes.kit.lesson import LessonScene, caption_parts, fit_in_band, fit_width
from scenes.kit.numbers import number
from scenes.kit.settings import Setting
from scenes.kit.spoken import said_parts
from scenes.lessons.common import fit_captions as say
from scenes.lessons.common.fit_facts import Judge, noise_facts, roll_facts, rule_facts, step_facts
from scenes.lessons.common.fit_walk import FitWalk, map_ranges, shown_steps, walk_data
from scenes.lessons.common.walk_settings import Decimals, LearningRate, MaxSteps, ReadTime, Tolerance
from scenes.parts.hill3d.contour_map import ContourMap
from scenes.parts.panels.live_number import LiveReadout
from scenes.parts.panels.readouts import Readout
from scenes.parts.plot2d.data_plot import DataPlot
from scenes.parts.plot2d.plot_axes import Scale, scale_for, tick_labels
from scenes.parts.walk.descent_steps import format_rate

__all__ = ["BatchSize", "Data", "DataFitLesson", "LabelledData", "ParameterStart", "Seed", "check_data"]

#: (x, y) pairs: the data a model is fitted to.
Data = Annotated[tuple[tuple[float, float], ...], Setting("the data: 2 to 200 (x, y) pairs of finite numbers", low=-1e6, high=1e6, items=(2, 200))]
#: (x, label) pairs with labels 0 or 1.
LabelledData = Annotated[tuple[tuple[float, float], ...], Setting("the data: 2 to 200 (x, label) pairs, labels 0 or 1, both labels present", low=-1e6, high=1e6, items=(2, 200))]
#: Where the walk of (w, b) starts.
ParameterStart = Annotated[tuple[float, float], Setting("the (w, b) the walk starts from", low=-1e3, high=1e3)]
#: Points per step; None uses every point (plain gradient descent).
BatchSize = Annotated[int | None, Setting("points in each step's random mini-batch (none: every point, plain gradient descent)", low=1, high=200)]
#: The seed of the mini-batches.
Seed = Annotated[int, Setting("seed of the random mini-batches (the same seed, the same walk)", low=0, high=2**31 - 1)]
StepsTold = Annotated[int, Setting("steps told one by one before the rest of the walk rolls", low=0, high=4)]
MoveTime = Annotated[float, Setting("seconds for one step told by itself", low=0.1, high=3.0)]
RollTime = Annotated[float, Setting("seconds for the rest of the walk", low=0.5, high=30.0)]
Levels = Annotated[int, Setting("how many contour lines on the map", low=3, high=20)]


def check_data(where: str, data: Any, loss_of: Callable[[Any], Any], labels: bool = False) -> tuple[tuple[float, float], ...]:
    """``data`` as a tuple of float pairs, or a ``ValueError`` naming ``where`` and the point
    (mathcore's check of the data: finite numbers, 2 to 200 points, labels 0 or 1); the x
    values must differ (a line or a neuron needs two different x), and labelled data needs
    both labels."""
    try:
        loss_of(data)
    except (ValueError, TypeError) as error:
        raise ValueError(f"{where}: {error}") from None
    pairs = tuple((float(x), float(y)) for x, y in data)
    if len({x for x, _ in pairs}) < 2:
        raise ValueError(f"{where}: every point has x = {pairs[0][0]:g}; the model needs at least two different x")
    if labels and len({y for _, y in pairs}) < 2:
        raise ValueError(f"{where}: every label is {pairs[0][1]:g}; the neuron needs points of both labels")
    return pairs


class _Walking(Animation):
    """Moves a :class:`DataFitLesson`'s cast from step ``begin`` to step ``end`` of its walk
    (fractions: part way along a step)."""

    def __init__(self, scene: DataFitLesson, begin: float, end: float, **kwargs: Any):
        self.scene, self.begin_at, self.end_at = scene, float(begin), float(end)
        super().__init__(scene.moving, **kwargs)

    def create_starting_mobject(self):
        return self.mobject  # no copy: the state is drawn from the walk, not from a snapshot

    def interpolate_mobject(self, alpha: float) -> None:
        self.scene.set_state(self.begin_at + self.rate_func(alpha) * (self.end_at - self.begin_at))


class DataFitLesson(LessonScene):
    """The base of the lessons that fit a model to data (not a lesson itself)."""

    captions_last = True  # a large still cast: a caption swap redraws only the captions

    data: ClassVar[Data] = ((0.0, 1.0), (1.0, 3.0))
    start: ClassVar[ParameterStart] = (0.0, 0.0)
    learning_rate: ClassVar[LearningRate] = 0.1
    max_steps: ClassVar[MaxSteps] = 200
    tolerance: ClassVar[Tolerance] = 1e-6
    batch_size: ClassVar[BatchSize] = None
    seed: ClassVar[Seed] = 0
    steps_told: ClassVar[StepsTold] = 2
    move_time: ClassVar[MoveTime] = 0.8
    roll_time: ClassVar[RollTime] = 6.0
    levels: ClassVar[Levels] = 9
    decimals: ClassVar[Decimals] = 2
    read_time: ClassVar[ReadTime] = 0.3

    labelled = False  # labels 0/1 (the neuron)
    x_label, y_label = "x", "y"
    residuals = True
    curve_name = "line"  # what the model's curve is called in the facts' ``visible``
    samples = 2  # points of the model's curve across the plot (2: a straight line)

    # -- checks -------------------------------------------------------------------------------
    @classmethod
    def check(cls) -> None:
        """The data (through mathcore), and a batch no larger than the data."""
        data = check_data(f"{cls.__name__}.data", cls.data, cls.loss_of, cls.labelled)
        if cls.batch_size is not None and cls.batch_size > len(data):
            raise ValueError(f"{cls.__name__}.batch_size = {cls.batch_size}: larger than the data ({len(data)} points)")

    # -- hooks of a lesson ----------------------------------------------------------------------
    @staticmethod
    def loss_of(data: Any) -> Any:
        """The loss of ``data`` over ("w", "b"): mathcore's line_loss or neuron_loss."""
        raise NotImplementedError

    def model(self, w: float, b: float) -> Callable[[np.ndarray], np.ndarray]:
        """The model's y for x values, at parameters (w, b)."""
        raise NotImplementedError

    def data_scales(self, data: np.ndarray) -> tuple[Scale, Scale]:
        """The data plot's x and y axes."""
        raise NotImplementedError

    def x_scale(self, low: float, high: float) -> Scale:
        """The data plot's x axis over ``[low, high]``: a round step whose tick numbers fit
        side by side under the plot (data near a million has wide numbers: fewer ticks)."""
        room = 0.7 * self.data_zone.width
        for ticks in (5, 4, 3, 2):
            scale = scale_for(low, high, ticks)
            numbers = tick_labels(scale.ticks, scale.decimals)
            if sum(n.width for n in numbers) + 0.3 * len(numbers) <= room:
                break
        return scale

    def anchors(self) -> list[Sequence[float]]:
        """Points of (w, b) the map must hold besides the start (the best fit, the end)."""
        return [self.walk.path.points[-1]]

    def make_extras(self) -> VGroup:
        """What else moves with (w, b) on the data plot (the neuron's decision point)."""
        return VGroup()

    def show_extras(self, w: float, b: float) -> None:
        """Redraw :meth:`make_extras`'s cast for (w, b)."""

    def formula_tex(self) -> str:
        """The loss as LaTeX, shown in the title band."""
        raise NotImplementedError

    # -- build --------------------------------------------------------------------------------
    def build(self) -> None:
        type(self).check()
        self.pairs = np.array(check_data(type(self).__name__, self.data, type(self).loss_of, self.labelled))
        self.walk: FitWalk = walk_data(self.pairs.tolist(), type(self).loss_of, self.start, self.learning_rate,
                                       self.max_steps, self.tolerance, self.batch_size, self.seed)
        path = self.walk.path
        self.w_range, self.b_range = map_ranges(path.points, [self.start, *self.anchors()])
        self.shown = shown_steps(path.points, self.w_range, self.b_range)
        self.told = min(self.steps_told, self.shown)
        self.judge = Judge.on_map(self.walk, self.w_range, self.b_range)
        stage = self.zones.stage
        zone = self.data_zone = Box(stage.left, -0.9, stage.bottom + 0.05, stage.top - 0.1)
        x, y = self.data_scales(self.pairs)
        hollow = (lambda v: v == 0) if self.labelled else None
        self.plot = DataPlot(self.pairs, x, y, zone, x_label=self.x_label, y_label=self.y_label, residuals=self.residuals, hollow=hollow,
                             rows=self.labelled)
        self.formula = fit_in_band(MathTex(self.formula_tex(), font_size=40, color=style.INK), self.zones.title)
        self.map = ContourMap(self.walk.loss, self.w_range, self.b_range, width=3.5, height=3.5, levels=self.levels,
                              resolution=64, variables=("w", "b"), tick_numbers=True, background_opacity=0.0)
        self.map.move_to([1.95, -0.15, 0])
        self.map_title = MathTex("L(w, b)", font_size=style.LABEL_SIZE, color=style.INK).next_to(self.map.frame, UP, buff=0.15)
        self.trail = VMobject(stroke_color=style.DESCENT, stroke_width=3, fill_opacity=0)
        self.ball = Dot(self.map.c2p(*path.points[0]), radius=0.09, color=style.BALL, stroke_color=style.BACKGROUND, stroke_width=2)
        self.readouts = self.make_readouts()
        self.extras = self.make_extras()
        self.moving = VGroup(self.plot.curve, self.plot.gaps, self.extras, self.trail, self.ball, *self.live)
        self._state = -1.0
        self.set_state(0.0)
        self.name_in_picture("ball", self.ball, coords=lambda: tuple(self.current))
        self.name_in_picture("map", self.map.lines)
        self.name_in_picture("trail", self.trail)
        self.name_in_picture(self.curve_name, self.plot.curve)
        self.name_in_picture("residuals", self.plot.gaps)
        self.name_in_picture("η", self.eta, says=format_rate(self.learning_rate))

    def make_readouts(self) -> VGroup:
        """step, w, b, L and η, stacked right of the map."""
        d = self.decimals
        self.step_readout = Readout(r"\text{step}", 0, decimals=0)
        self.w_readout = LiveReadout("w =", 0, d, color=style.BALL)
        self.b_readout = LiveReadout("b =", 0, d, color=style.BALL)
        self.loss_readout = LiveReadout("L =", 0, d, color=style.FUNCTION)
        self.eta = MathTex(rf"\eta = {format_rate(self.learning_rate)}", font_size=style.READOUT_SIZE, color=style.INK)
        self.live = (self.step_readout, self.w_readout, self.b_readout, self.loss_readout)
        # Sized for the widest number each will show on the walk drawn (then set to the start).
        shown = self.walk.path.points[: self.shown + 1], self.walk.path.values[: self.shown + 1]
        widest = [max(column, key=lambda v: len(number(float(v), d))) for column in (shown[0][:, 0], shown[0][:, 1], shown[1])]
        for readout, value in zip(self.live, (self.shown, *widest)):
            readout.set_value(float(value))
        group = VGroup(self.step_readout, self.w_readout, self.b_readout, self.loss_readout, self.eta)
        group.arrange(DOWN, aligned_edge=LEFT, buff=0.32)
        right = self.zones.stage.right
        fit_width(group, right - 4.3 - 0.05)
        return group.move_to([4.3, self.map.frame.get_top()[1], 0], aligned_edge=LEFT + UP)

    # -- the walk -------------------------------------------------------------------------------
    def set_state(self, t: float) -> None:
        """Put the cast at step ``t`` of the walk (a fraction: part way along a step): the
        ball and the model between two points, the readouts at the last step reached."""
        t = float(np.clip(t, 0.0, self.shown))
        if t == self._state:
            return
        self._state = t
        points = self.walk.path.points
        k = int(np.floor(t + 1e-9))
        here = points[k] if k >= self.shown else points[k] + (t - k) * (points[k + 1] - points[k])
        self.current = here
        self.ball.move_to(self.map.c2p(*here))
        trail = np.vstack([points[: k + 1], here[None, :]]) if t > k else points[: k + 1]
        if len(trail) >= 2:
            self.trail.set_points_as_corners(self.map._to_scene(trail))
        else:
            self.trail.set_points(np.zeros((0, 3)))
        self.plot.show_model(self.model(float(here[0]), float(here[1])), self.samples)
        self.show_extras(float(here[0]), float(here[1]))
        reached = self.walk.path
        self.step_readout.set_value(k)
        self.w_readout.set_value(float(reached.points[k, 0]))
        self.b_readout.set_value(float(reached.points[k, 1]))
        self.loss_readout.set_value(float(reached.values[k]))

    def walk_to(self, end: float, run_time: float) -> None:
        """Play the walk from where the cast is to step ``end``."""
        self.to_end(*self.moving)
        self.play(_Walking(self, self._state, end, run_time=run_time))

    def say(self, line: Line | None, run_time: float = 0.4) -> None:
        """Caption ``line`` (nothing for None)."""
        if line is not None:
            self.caption(line, run_time=run_time)

    def show(self, line: Line, *animations: Any, run_time: float = 0.8) -> None:
        """Caption ``line`` and play ``animations`` while its first part is up (a line too
        long for one caption is shown in parts: what it names is drawn from the first), then
        hold until it has been read."""
        parts = said_parts(line.text, caption_parts(line.text, self.caption_width))  # each with its share of the words
        self.say(line if len(parts) == 1 else Line(parts[0], line.facts))
        if animations:
            self.play(*animations, run_time=run_time)
        for part in parts[1:]:
            self.hold()
            self.say(Line(part, line.facts))
        self.hold()

    def tell_end(self, part: str, lines: Sequence[Line]) -> None:
        """The last part: how the walk ended (``lines``, from the lesson's outcome facts),
        then a still moment without a caption."""
        self.begin_part(part)
        for line in lines:
            self.say(line)
        self.clear_caption()
        self.wait(self.read_time)

    def walk_down(self) -> None:
        """The rule, the steps told one by one, the rest of the walk, and its noise."""
        self.begin_part(say.WALK_PART)
        for line in say.rule_line(rule_facts(self.walk, self.learning_rate)):
            self.say(line)
        self.hold()
        for step in range(1, self.told + 1):
            self.say(say.step_line(step_facts(self.walk, self.judge, step, self.decimals), self.caption_width), run_time=0)
            self.walk_to(step, self.move_time)
            self.hold(self.read_time)
        line = say.roll_line(roll_facts(self.walk, self.judge, self.told, self.shown, self.decimals))
        if line is not None:
            self.say(line)
            self.walk_to(self.shown, self.roll_time)
            self.hold()
        self.say(say.noise_line(noise_facts(self.walk, self.judge, self.shown)))
