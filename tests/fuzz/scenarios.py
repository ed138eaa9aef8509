"""Settings for every lesson scene, drawn at random within what the scene declares.

A scenario is a scene class and the settings of one run: a generated function with the range
that shows it, a point or start inside that range, and a few other settings drawn from their
declared bounds (:class:`scenes.kit.settings.Setting`). :func:`scenarios` is seeded, so a
failure reproduces from its seed alone.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from scenes.kit.settings import setting_of
from tests.fuzz.functions import curve_formula, field_formula, in_variables

__all__ = ["SCENES", "Scenario", "scene_class", "scenarios"]


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


def _line_data(rng: random.Random) -> tuple[tuple[float, float], ...]:
    """2 to 200 points near a random line: clean, noisy, or with outliers, at a random scale."""
    count = rng.choice((2, 3, 8, 20, 60, 200))
    scale = rng.choice((0.1, 1.0, 5.0))
    low = round(rng.uniform(-4, 1), 1) * scale
    xs = sorted({round(rng.uniform(low, low + rng.uniform(1, 6) * scale), 2) for _ in range(count)})
    if len(xs) < 2:
        xs = [low, low + scale]
    slope, intercept = round(rng.uniform(-2, 2), 2), round(rng.uniform(-3, 3), 2)
    noise = rng.choice((0.0, 0.2, 1.0)) * scale
    data = [(x, round(slope * x + intercept + rng.gauss(0, noise) if noise else slope * x + intercept, 3)) for x in xs]
    if rng.random() < 0.3:  # outliers
        for i in rng.sample(range(len(data)), max(1, len(data) // 10)):
            data[i] = (data[i][0], round(data[i][1] + rng.choice((-1, 1)) * rng.uniform(5, 20) * scale, 3))
    return tuple(data)


def _label_data(rng: random.Random) -> tuple[tuple[float, float], ...]:
    """2 to 200 labelled points, separable (either side) or overlapping, both labels present."""
    count = rng.choice((2, 3, 8, 20, 60, 200))
    xs = sorted({round(rng.uniform(-4, 4), 2) for _ in range(count)})
    cut = rng.uniform(xs[0], xs[-1]) if len(xs) > 1 else 0.0
    right = rng.choice((0, 1))
    if rng.random() < 0.5:  # separable at cut
        labels = [right if x > cut else 1 - right for x in xs]
    else:  # overlapping: labels drawn from a sigmoid of random steepness
        steep = rng.uniform(0.5, 3)
        labels = [int(rng.random() < 1 / (1 + math.exp(-steep * (x - cut)))) for x in xs]
    if len(set(labels)) < 2:
        labels[0], labels[-1] = 0, 1
    return tuple((x, label) for x, label in zip(xs, labels))


def _fit(rng: random.Random, scene: type, data: tuple) -> dict[str, Any]:
    size = rng.choice((None, None, 1, 2, 5, 16))
    return {
        "data": data,
        "start": (round(rng.uniform(-3, 3), 1), round(rng.uniform(-3, 3), 1)),
        "learning_rate": rng.choice((0.01, 0.05, 0.1, 0.3, 1.0, 3.0)),
        "batch_size": None if size is None else min(size, len(data)),
        "seed": rng.randint(0, 1000),
        "steps_told": rng.randint(0, 4),
        "roll_time": _declared(scene, "roll_time", rng),
    }


#: Learning rates per optimizer family, as a share of the range's longer side for the
#: adaptive rules (their steps are about eta long, whatever the slope) and as plain rates
#: for the others (their steps are eta times the slope).
_PLAIN_RATES = (0.001, 0.01, 0.05, 0.1, 0.3, 0.9)
_ADAPTIVE_SHARES = (0.002, 0.01, 0.03, 0.1, 0.3)


def _race(rng: random.Random, scene: type) -> dict[str, Any]:
    """A hill, a start and 1 to 5 racers drawn from mathcore's optimizers (a racer may be
    drawn twice: coinciding walks), each with a rate within the declared bounds."""
    from mathcore import OPTIMIZERS

    settings = _hill(rng, scene, "start")
    del settings["learning_rate"]
    n_range, e_range = settings["n_range"], settings["e_range"]
    span = max(n_range[1] - n_range[0], e_range[1] - e_range[0])
    racers = []
    for _ in range(rng.randint(1, 5)):
        if racers and rng.random() < 0.15:
            racers.append(rng.choice(racers))
            continue
        name = rng.choice(tuple(OPTIMIZERS))
        if name in ("adagrad", "rmsprop", "adam"):
            rate = float(f"{rng.choice(_ADAPTIVE_SHARES) * span:.2g}")
        else:
            rate = rng.choice(_PLAIN_RATES)
        racers.append((name, min(max(rate, 1e-6), 100.0)))
    settings["optimizers"] = tuple(racers)
    settings["max_steps"] = rng.choice((50, 150, 300))
    return settings


def _backprop(rng: random.Random, scene: type) -> dict[str, Any]:
    """One input of one neuron: w, b and x within their bounds (x often small, now and then a
    saturated sigmoid, or a w*x + b out of range: refused), a label, a learning rate."""

    def pick(span: float) -> float:
        return round(rng.uniform(-span, span), rng.choice((0, 1, 2, 3)))

    return {
        "w": pick(rng.choice((1.0, 3.0, 10.0))),
        "b": pick(rng.choice((1.0, 10.0))),
        "x": pick(rng.choice((1.0, 4.0, 10.0))),
        "y": rng.randint(0, 1),
        "learning_rate": rng.choice((0.001, 0.01, 0.1, 0.5, 1.0, 3.0, 10.0)),
    }


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
    "FitALine": lambda rng, scene: _fit(rng, scene, _line_data(rng)),
    "OneNeuron": lambda rng, scene: _fit(rng, scene, _label_data(rng)),
    "OptimizerRace": _race,
    "Backpropagation": _backprop,
}

#: Where a scene not (yet) in the course catalog is found.
_HOMES = {"FitALine": "scenes.learning", "OneNeuron": "scenes.learning", "OptimizerRace": "scenes.optimizers", "Backpropagation": "scenes.backprop"}


def scene_class(name: str) -> type:
    """The lesson scene class ``name``: from the course's catalog, else from its render file."""
    from course.registry import scene_classes

    found = scene_classes().get(name)
    if found is None and name in _HOMES:
        import importlib

        found = getattr(importlib.import_module(_HOMES[name]), name)
    if found is None:
        raise KeyError(name)
    return found


def scenarios(scene_name: str, count: int, seed: int = 0) -> Iterator[Scenario]:
    """``count`` scenarios of ``scene_name``, the i-th made from the seed ``seed + i``."""
    scene = scene_class(scene_name)
    for i in range(count):
        rng = random.Random(f"{scene_name}-{seed + i}")
        yield Scenario(scene_name, SCENES[scene_name](rng, scene), seed + i)
