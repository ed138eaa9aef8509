"""Data sets and the lines of a walk down a loss, for the tests of FitALine and OneNeuron.

:func:`walk_lines` writes every line the lessons' walk part says (rule, steps told, roll,
noise) from mathcore's walk, without manim, the way
:meth:`scenes.lessons.common.data_fit.DataFitLesson.walk_down` does.
"""

from __future__ import annotations

import numpy as np

from scenes.lessons.common import fit_captions as say
from scenes.lessons.common.fit_facts import Judge, noise_facts, roll_facts, rule_facts, step_facts
from scenes.lessons.common.fit_walk import map_ranges, shown_steps, walk_data

_RNG = np.random.default_rng(2026)
_X200 = np.linspace(-4.0, 4.0, 200)

#: (x, y) data sets: a clean line, a noisy one, outliers, two points, 200 points.
LINE_SETS = {
    "clean": tuple((float(x), float(2 * x + 1)) for x in np.arange(-2.0, 2.01, 0.5)),
    "noisy": tuple((float(x), float(0.6 * x + 1.5 + _RNG.normal(0, 0.4))) for x in np.linspace(-3, 3, 15)),
    "outliers": ((-2.0, -1.0), (-1.0, 0.1), (0.0, 0.9), (1.0, 2.1), (2.0, 3.0), (1.5, 9.0), (-1.5, -7.0)),
    "two": ((0.0, 1.0), (1.0, 3.0)),
    "many": tuple((float(x), float(-0.5 * x + 2 + _RNG.normal(0, 0.6))) for x in _X200),
}

#: (x, label) data sets: separable either way, overlapping, two points, 200 points.
LABEL_SETS = {
    "separable": ((-2.0, 0), (-1.0, 0), (-0.5, 0), (0.5, 1), (1.0, 1), (2.0, 1)),
    "separable_left": ((-2.0, 1), (-1.0, 1), (1.0, 0), (2.0, 0)),
    "overlapping": ((-3.0, 0), (-2.0, 0), (-1.0, 1), (-0.5, 0), (0.0, 1), (0.5, 0), (1.0, 1), (2.0, 1), (3.0, 1)),
    "two": ((0.0, 0), (1.0, 1)),
    "many": tuple((float(x), int(_RNG.random() < 1 / (1 + np.exp(-1.5 * x)))) for x in _X200),
}

#: The same shapes at the data's extreme sizes (|x| up to 1e6, down to 1e-6): a loss that
#: underflows to 0, gradients below any tolerance, and labels parted at one x with points
#: of both labels on it.
EXTREME_LABEL_SETS = {
    "separable_1e6": ((-1e6, 0), (-5e5, 0), (5e5, 1), (1e6, 1)),
    "separable_1e-6": ((-1e-6, 1), (-5e-7, 1), (5e-7, 0), (1e-6, 0)),
    "overlapping_1e-6": ((-1e-6, 0), (-5e-7, 1), (5e-7, 0), (1e-6, 1)),
    "overlapping_1e6": ((-1e6, 0), (-5e5, 1), (5e5, 0), (1e6, 1)),
    "tie": ((-1.0, 0), (0.0, 0), (0.0, 1), (1.0, 1)),
}
EXTREME_LINE_SETS = {
    "tiny": tuple((x * 1e-6, (0.5 * x + 0.3 + 0.1 * (-1) ** i) * 1e-6) for i, x in enumerate((-1, -0.5, 0, 0.5, 1))),
    "huge": tuple((x * 1e6, (0.5 * x + 0.3 + 0.1 * (-1) ** i) * 1e6) for i, x in enumerate((-1, -0.5, 0, 0.5, 1))),
}


def built_walk(loss_of, data, start=(0.0, 0.0), learning_rate=0.1, max_steps=200, tolerance=1e-6, batch_size=None, seed=0, anchors=()):
    """The walk, its map, the steps shown and the judge of L, as a lesson builds them."""
    walk = walk_data(data, loss_of, start, learning_rate, max_steps, tolerance, batch_size, seed)
    w_range, b_range = map_ranges(walk.path.points, [start, *anchors] if anchors else [start, walk.path.points[-1]])
    shown = shown_steps(walk.path.points, w_range, b_range)
    return walk, shown, Judge.on_map(walk, w_range, b_range)


def told(lesson, loss_of, data, **settings):
    """Every line ``lesson`` (a lessons package: ``captions``, ``facts``) says of ``data``
    without manim, and its walk: (walk, shown, outcome facts, lines)."""
    import importlib

    say = importlib.import_module(f"scenes.lessons.{lesson}.captions")
    facts = importlib.import_module(f"scenes.lessons.{lesson}.facts")
    rate = settings.setdefault("learning_rate", 0.1)
    walk, shown, judge = built_walk(loss_of, data, **settings)
    lines = say.start_lines(facts.start_facts(walk, 2)) + walk_lines(walk, shown, judge, rate)
    outcome = facts.outcome_facts(walk, judge, shown, 2, rate)
    return walk, shown, outcome, lines + say.outcome_lines(outcome)


def assert_told_truly(lines):
    """Every line is backed by its facts, has a spoken form and no float notation."""
    from scenes.kit.claims import claim_problems
    from scenes.kit.spoken import spoken_problems

    for line in lines:
        assert not claim_problems(line.text, line.facts), line.text
        assert "e-" not in line.text and "e+" not in line.text, line.text
        assert not spoken_problems(line.text, line.spoken), line.text


def walk_lines(walk, shown, judge, learning_rate, told=2, decimals=2):
    """Every line of the walk part, in order."""
    lines = list(say.rule_line(rule_facts(walk, learning_rate)))
    told = min(told, shown)
    lines += [say.step_line(step_facts(walk, judge, k, decimals)) for k in range(1, told + 1)]
    lines += [say.roll_line(roll_facts(walk, judge, told, shown, decimals)), say.noise_line(noise_facts(walk, judge, shown))]
    return [line for line in lines if line is not None]


def quick_render(render, lesson, **settings):
    """A short, small render of ``lesson`` with ``settings`` (one step told, a 1 s roll, no
    title card): the movie exists and is not empty; returns the render's result."""
    quick = type(f"Quick{lesson.__name__}", (lesson,), {"steps_told": 1, "roll_time": 1.0, "title": "", **settings})
    result = render(quick, frame_rate=4)
    assert result.movie.exists() and result.movie.stat().st_size > 0
    return result
