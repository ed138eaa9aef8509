"""The lesson scenes in the order the lesson teaches them.

``make video`` renders every entry; benchmarks and the course build read the same list.
An entry is added here when its scene lands.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["LESSON", "LessonEntry", "SCENE_MODULES"]


@dataclass(frozen=True)
class LessonEntry:
    """One scene of the lesson: where it lives and what it teaches."""

    module: str  # dotted module path, e.g. "scenes.derivative"
    scene: str  # class name
    topic: str  # one line for listings
    three_d: bool = False  # rendered with a 3-D camera

    @property
    def path(self) -> str:
        """The file, relative to the project root, for the ``manim`` command."""
        return self.module.replace(".", "/") + ".py"


LESSON: tuple[LessonEntry, ...] = (
    LessonEntry("scenes.derivative", "TangentSlope", "the derivative is the slope of the tangent"),
    LessonEntry("scenes.speed", "PositionToSpeed", "speed is the slope of position"),
    LessonEntry("scenes.descent", "GradientDescent1D", "walking downhill in one variable: w2 = w1 - eta f'(w1)"),
    LessonEntry("scenes.learning_rates", "LearningRates", "too small, good, too large, far too large: the learning rate"),
    LessonEntry("scenes.partials", "PartialDerivatives", "partial derivatives: the slopes of the hillside walking north and walking east", three_d=True),
    LessonEntry("scenes.gradient", "GradientOnHillside", "the gradient: the steepest way up, its length the steepest slope; against it, the way down", three_d=True),
    LessonEntry("scenes.gradient", "GradientField", "contour lines seen from above and gradient arrows crossing them at right angles", three_d=True),
    LessonEntry("scenes.rolling", "BallRollsToMinimum", "a ball rolls down the hillside along gradient descent to the minimum", three_d=True),
    LessonEntry("scenes.rolling", "MomentumRace", "plain gradient descent against momentum, from the same start", three_d=True),
    LessonEntry("scenes.optimizers", "OptimizerRace", "optimizers race downhill from one start: plain, momentum, adaptive", three_d=True),
    LessonEntry("scenes.learning", "FitALine", "learning is descent on a loss: fitting a line to data, step by step"),
    LessonEntry("scenes.learning", "OneNeuron", "one neuron learns to separate labelled points by descending its loss"),
    LessonEntry("scenes.backprop", "Backpropagation", "backpropagation is the chain rule: local slopes multiply into the gradient"),
)

#: Every module that holds lesson scenes (a course may use any scene class in them).
SCENE_MODULES: tuple[str, ...] = tuple(dict.fromkeys(entry.module for entry in LESSON))
