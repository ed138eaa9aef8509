"""Settings for every lesson scene, drawn at random within what the scene declares.

A scenario is a scene class and the settings of one run: a generated function with the range
that shows it, a point or start inside that range, and a few other settings drawn from their
declared bounds (:class:`scenes.kit.settings.Setting`). :func:`scenarios` is seeded, so a
failure reproduces from its seed alone.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from scenes.kit.settings import setting_of
from tests.fuzz.functions import curve_formula, field_formula, in_variables

__all__ = ["SCENES", "Scenario", "scenarios"]


@dataclass(frozen=True)
class Scenario:
    """One run to try: which scene, its settings, and the seed that made them."""

    scene: str
    settings: dict[str, Any]
    seed: int

    def __str__(self) -> str:
        shown = ", ".join(f"{key}={value!r}" for key, value in self.settings.items())
        return f"{self.scene}(seed {self.seed}: {shown})"


def _inside(rng: random.Random, span: tuple[float, float], margin: float = 0.1) -> float:
    low, high = span
    pad = margin * (high - low)
    return round(rng.uniform(low + pad, high - pad), 1)


def _declared(scene: type, name: str, rng: random.Random) -> float:
    """A value of the float setting ``name`` within its declared bounds (rounded)."""
    annotation, _ = scene.parameters()[name]
    setting = setting_of(annotation)
    low = setting.low if setting.low is not None else 0.0
    high = setting.high if setting.high is not None else low + 10
    return round(rng.uniform(low, high), 2)


def _tangent(rng: random.Random, scene: type) -> dict[str, Any]:
    text, span = curve_formula(rng)
    return {"function": in_variables(text, "x"), "x_range": span, "x0": _inside(rng, span), "sweep_time": _declared(scene, "sweep_time", rng)}


def _speed(rng: random.Random, scene: type) -> dict[str, Any]:
    text, span = curve_formula(rng)
    return {"position": in_variables(text, "t"), "t_range": span, "sweep_run_time": _declared(scene, "sweep_run_time", rng)}


def _descent(rng: random.Random, scene: type) -> dict[str, Any]:
    text, span = curve_formula(rng)
    starts = tuple(sorted({_inside(rng, span) for _ in range(rng.randint(1, 2))}))
    return {
        "function": in_variables(text, "w"),
        "w_range": span,
        "starts": starts,
        "learning_rate": rng.choice((0.01, 0.05, 0.1, 0.3, 0.8)),
        "steps": rng.randint(1, 4),
        "move_time": _declared(scene, "move_time", rng),
    }


def _rates(rng: random.Random, scene: type) -> dict[str, Any]:
    text, span = curve_formula(rng)
    rates = tuple(sorted({rng.choice((0.005, 0.02, 0.1, 0.3, 0.9, 1.5)) for _ in range(4)}))
    return {"function": in_variables(text, "w"), "w_range": span, "start": _inside(rng, span), "learning_rates": rates}


def _hill(rng: random.Random, scene: type, key: str) -> dict[str, Any]:
    made = field_formula(rng)
    n_range, e_range = made.ranges
    settings = {
        "function": in_variables(made.text, "n", "e"),
        "n_range": n_range,
        "e_range": e_range,
        key: (_inside(rng, n_range), _inside(rng, e_range)),
    }
    if key == "start":
        settings["learning_rate"] = rng.choice((0.001, 0.01, 0.05, 0.1, 0.3))
    return settings


#: Each lesson scene (by name) and how to draw its settings.
SCENES: dict[str, Callable[[random.Random, type], dict[str, Any]]] = {
    "TangentSlope": _tangent,
    "PositionToSpeed": _speed,
    "GradientDescent1D": _descent,
    "LearningRates": _rates,
    "PartialDerivatives": lambda rng, scene: _hill(rng, scene, "point"),
    "GradientOnHillside": lambda rng, scene: _hill(rng, scene, "point"),
    "GradientField": lambda rng, scene: _hill(rng, scene, "point"),
    "BallRollsToMinimum": lambda rng, scene: _hill(rng, scene, "start"),
    "MomentumRace": lambda rng, scene: _hill(rng, scene, "start"),
}


def scenarios(scene_name: str, count: int, seed: int = 0) -> Iterator[Scenario]:
    """``count`` scenarios of ``scene_name``, the i-th made from the seed ``seed + i``."""
    from course.registry import scene_classes

    scene = scene_classes()[scene_name]
    for i in range(count):
        rng = random.Random(f"{scene_name}-{seed + i}")
        yield Scenario(scene_name, SCENES[scene_name](rng, scene), seed + i)
