"""The settings of the optimizer race, declared once (type, bounds, one line of doc).

``optimizers`` is a list of 1 to 5 ``(name, learning_rate)`` pairs: a name of
:data:`mathcore.optimizers.OPTIMIZERS` and a learning rate within the bounds every walking
lesson declares (:data:`scenes.lessons.common.walk_settings.LearningRate`). The type and the
rates' bounds are checked by the settings system; the names by the scene's ``check`` (an
unknown name is refused in one line that lists the known ones). A course file writes it as
``optimizers = [["sgd", 0.02], ["adam", 0.1]]``. Nothing here imports manim.
"""

from __future__ import annotations

from typing import Annotated

from mathcore.optimizers import OPTIMIZERS

from scenes.kit.settings import Setting, setting_of
from scenes.lessons.common.walk_settings import LearningRate

__all__ = ["MAX_RACERS", "Optimizers", "check_names"]

#: The most racers one hill shows (each with its colour, trail, readout and label).
MAX_RACERS = 5

_RATE = setting_of(LearningRate)

Optimizers = Annotated[
    tuple[tuple[str, float], ...],
    Setting(
        f"the racers: (name, learning rate) pairs, 1 to {MAX_RACERS}; names: {', '.join(OPTIMIZERS)}; each rate",
        low=_RATE.low,
        high=_RATE.high,
        items=(1, MAX_RACERS),
    ),
]


def check_names(where: str, optimizers: tuple[tuple[str, float], ...]) -> None:
    """``ValueError`` naming ``where`` (``"OptimizerRace.optimizers"``) for a name that is
    not one of mathcore's optimizers.

    >>> check_names("Race.optimizers", (("sgd", 0.1), ("adamw", 0.1)))
    Traceback (most recent call last):
    ...
    ValueError: Race.optimizers: racer 2 'adamw': unknown optimizer 'adamw'; choose one of: sgd, momentum, nesterov, adagrad, rmsprop, adam
    """
    for index, (name, _rate) in enumerate(optimizers, start=1):
        if name not in OPTIMIZERS:
            known = ", ".join(OPTIMIZERS)
            raise ValueError(f"{where}: racer {index} {name!r}: unknown optimizer {name!r}; choose one of: {known}")
