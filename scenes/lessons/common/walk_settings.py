"""The settings of a gradient-descent walk, declared once for every lesson that walks.

A setting that means one thing is declared once (type, bounds, one line of doc) and every
scene that uses it annotates its class attribute with the same declaration::

    from scenes.lessons.common.walk_settings import LearningRate, MaxSteps

    class MyWalk(LessonScene):
        learning_rate: ClassVar[LearningRate] = 0.25
        max_steps: ClassVar[MaxSteps] = 200

The one-variable descent lessons (:mod:`scenes.lessons.common.descent_lesson`) use all of
them; the rolling lessons may import them too. Nothing here imports manim.

``read_time`` means one thing everywhere it is declared with :data:`ReadTime`: seconds of
stillness *after* a caption has been read (its reading time, :mod:`scenes.kit.pacing`),
before the scene goes on.
"""

from __future__ import annotations

from typing import Annotated

from scenes.kit.settings import Setting

__all__ = ["Decimals", "LearningRate", "MaxSteps", "ReadTime", "Tolerance", "WALK_SETTINGS"]

#: eta in the update ``w <- w - eta * f'(w)`` (or the gradient, for two variables).
LearningRate = Annotated[float, Setting("the learning rate eta in w <- w - eta * slope", low=1e-6, high=100.0)]

#: How many updates mathcore may make to find how a walk ends.
MaxSteps = Annotated[int, Setting("the most updates mathcore makes to find how a walk ends", low=1, high=5_000)]

#: A slope (or gradient length) this small counts as flat: the walk has converged.
Tolerance = Annotated[float, Setting("a slope this small counts as flat: the walk has converged", low=1e-15, high=1.0)]

#: Digits after the point in readouts and captions (more where a number needs them).
Decimals = Annotated[int, Setting("digits after the point in readouts and captions (more where a number needs them)", low=0, high=4)]

#: Seconds of stillness after a caption has been read.
ReadTime = Annotated[float, Setting("extra seconds of stillness after a caption has been read", low=0.0, high=1.5)]

#: Every declaration here by the attribute name the lessons give it.
WALK_SETTINGS = {
    "learning_rate": LearningRate,
    "max_steps": MaxSteps,
    "tolerance": Tolerance,
    "decimals": Decimals,
    "read_time": ReadTime,
}
