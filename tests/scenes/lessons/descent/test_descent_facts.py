"""Facts of the one-variable descent lessons follow the mathematics, not float rounding.

Whether a step lowered or raised f is judged by :class:`ValueChange` (float resolution
scaled to the function, then sympy's exact sign), over a family of functions: one and two
minima, a plateau, a steep bowl, a pole, a walk that diverges at once, tiny and huge values.
Also: the shape of the packages (facts and captions import no manim, no caption literal in
a scene module, each setting declared once).
"""

from __future__ import annotations

import ast
import re
from decimal import Decimal
import subprocess
import sys
import typing
from pathlib import Path

import numpy as np
import pytest

from mathcore import Curve, gradient_descent
from mathcore.numeric import exact_change
from scenes.kit.settings import setting_of
from scenes.lessons.common.descent_lesson import descent_view
from scenes.lessons.common.value_change import ValueChange
from scenes.lessons.common.walk_settings import WALK_SETTINGS, LearningRate
from scenes.lessons.descent.facts import outcome_facts, step_facts, walk_facts
from scenes.lessons.learning_rates.captions import panel_caption
from scenes.parts.walk.descent_steps import visible_count
from tests.scenes.lessons.scene_source import caption_problems

ROOT = Path(__file__).resolve().parents[4]

#: (function, start, learning rates, w_range).
FAMILY = [
    ("cosh(w) - 1", 2.5, (0.02, 0.3, 1.0), (-2.5, 4.5)),  # float cancellation near the minimum
    ("(w - 1)**2 + 0.5", 3.0, (0.25, 1.0, 1.1), (-2.0, 4.0)),  # one minimum; bounce; overshoot
    ("w**4 - 3*w**2 + w", 1.9, (0.05, 0.2), (-2.0, 2.0)),  # two minima
    ("1/(1 + exp(-w))", 2.0, (1.0, 50.0), (-8.0, 8.0)),  # plateau
    ("100*w**2", 3.0, (0.001, 0.011), (-2.0, 4.0)),  # steep
    ("1/w + w", 0.5, (0.1, 0.6), (-3.0, 4.0)),  # a pole
    ("w**2", 3.0, (100.0,), (-2.0, 4.0)),  # diverges at once
    ("1e-6*w**2", 3.0, (0.25, 1e5), (-2.0, 4.0)),  # tiny values
    ("1e6*w**2", 3.0, (1e-7, 4e-7), (-2.0, 4.0)),  # huge values
    ("exp(-w**2) + 1", 3.0, (0.5,), (-4.0, 4.0)),  # f near its floor: changes at the last bits
    ("sqrt(w)", 3.0, (0.5, 5.0), (0.0, 4.0)),  # the walk leaves the domain
]
IDS = [f"{f[0]}@{f[1]}" for f in FAMILY]


def _walks(function, start, rates, w_range, max_steps=60):
    curve = Curve(function, variable="w")
    x_range, y_range = descent_view(curve, w_range, [start])
    judge = ValueChange.for_view(curve, x_range)
    for rate in rates:
        yield curve, x_range, y_range, judge, gradient_descent(curve, start, rate, max_steps=max_steps, tolerance=1e-8)


@pytest.mark.parametrize("case", FAMILY, ids=IDS)
def test_a_step_falls_or_rises_as_f_does_mathematically(case):
    """Each shown step's fell/rose is the sign of f(new) - f(old) in exact arithmetic; a
    float difference lost in rounding is not counted as "no change" or as the wrong way."""
    for curve, _, _, judge, path in _walks(*case):
        for step in range(1, min(path.steps, 60) + 1):
            facts = step_facts(path, step, 2, judge)
            truth = exact_change(curve, path.points[step - 1, 0], path.points[step, 0])
            assert (facts.fell, facts.rose) == (truth < 0, truth > 0), (case[0], path.learning_rate, step)


@pytest.mark.parametrize("case", FAMILY, ids=IDS)
def test_walk_and_outcome_counts_add_up_to_the_mathematics(case):
    for curve, x_range, y_range, judge, path in _walks(*case):
        in_view = visible_count(path.points, path.values, x_range[:2], y_range[:2])
        shown = max(0, min(60, in_view - 1))
        walk = walk_facts(path, shown, in_view, 2, judge)
        truths = [exact_change(curve, path.points[i, 0], path.points[i + 1, 0]) for i in range(shown)]
        assert walk.fell_steps == truths.count(-1) and walk.rose_steps == truths.count(1)
        outcome = outcome_facts(curve, path, 1e-8, x_range, curve.critical_points(x_range[:2]), 2, judge)
        if path.steps and np.isfinite(path.values[-1]):
            truth = exact_change(curve, path.points[0, 0], path.points[-1, 0])
            assert (outcome.fell, outcome.rose) == (truth < 0, truth > 0)


def test_cosh_walk_goes_down_at_every_step_shown():
    """The issue's example: η = 0.3 on cosh(w) - 1 from 2.5: all 52 steps go down (the floats
    of the last three are equal or rise by a bit)."""
    (curve, x_range, y_range, judge, path), = _walks("cosh(w) - 1", 2.5, (0.3,), (-2.5, 4.5))
    floats = np.diff(path.values)
    assert np.sum(floats < 0) < path.steps  # the floats alone would miscount
    walk = walk_facts(path, path.steps, path.steps + 1, 2, judge)
    assert walk.fell_steps == path.steps == 52 and walk.rose_steps == 0
    assert panel_caption(walk) == "η = 0.3: every step shown goes downhill, by η times the slope."


def test_a_change_nothing_can_resolve_is_neither_a_fall_nor_a_rise():
    """A jump to the mirror point of an even function changes f by exactly nothing."""
    curve = Curve("w**2", variable="w")
    path = gradient_descent(curve, 1.0, 1.0, max_steps=2, tolerance=1e-8)
    facts = step_facts(path, 1, 2, ValueChange.for_view(curve, (-2, 2)))
    assert not facts.fell and not facts.rose and facts.moved


def test_without_a_judge_float_noise_is_no_rise():
    """Callers without the curve still get changes at the function's resolution: the last
    bit of cosh(w) - 1 flipping is not "f rose"."""
    curve = Curve("cosh(w) - 1", variable="w")
    path = gradient_descent(curve, 2.5, 0.3, max_steps=60, tolerance=1e-8)
    assert not any(step_facts(path, k, 2).rose for k in range(1, path.steps + 1))


# -- the shape of the packages ---------------------------------------------------------------
PURE = [
    "scenes.lessons.descent.facts",
    "scenes.lessons.descent.captions",
    "scenes.lessons.learning_rates.facts",
    "scenes.lessons.learning_rates.captions",
    "scenes.lessons.common.value_change",
    "scenes.lessons.common.walk_settings",
]


def test_facts_and_captions_never_import_manim():
    code = "import sys, importlib\n" + "".join(f"importlib.import_module({m!r})\n" for m in PURE)
    code += "print('manim' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("module", ["scenes/lessons/descent/scene.py", "scenes/lessons/learning_rates/scene.py"])
def test_scene_modules_hold_no_caption_text(module):
    """Every caption comes from a captions function: ``self.caption`` and ``self.beat`` never
    get a literal, and each line comes with its facts."""
    assert caption_problems(ROOT / module) == []


@pytest.mark.parametrize("scene_name", ["GradientDescent1D", "LearningRates"])
def test_walk_settings_are_the_shared_declarations(scene_name):
    from scenes.lessons.descent.scene import GradientDescent1D, LearningRates

    scene = {"GradientDescent1D": GradientDescent1D, "LearningRates": LearningRates}[scene_name]
    parameters = scene.parameters()
    for name, declared in WALK_SETTINGS.items():
        if name in parameters:
            assert setting_of(parameters[name][0]) is setting_of(declared), name
    if "learning_rates" in parameters:
        rates = setting_of(parameters["learning_rates"][0])
        assert (rates.low, rates.high) == (setting_of(LearningRate).low, setting_of(LearningRate).high)
    assert {"max_steps", "tolerance", "decimals", "read_time"} <= set(parameters)
    assert typing.get_origin(parameters["max_steps"][0]) is typing.Annotated


def test_scene_classes_stay_short():
    for module in ("scenes/lessons/descent/scene.py", "scenes/lessons/learning_rates/scene.py"):
        tree = ast.parse((ROOT / module).read_text())
        for node in tree.body:
            if isinstance(node, ast.ClassDef):
                assert node.end_lineno - node.lineno + 1 <= 250, (module, node.name)


def test_the_ending_of_walks_that_diverge_at_once_is_one_caption():
    """Seen on the contact sheet of learning_rate = 100: "From both starts, left to run," was
    split from its clause into a caption of its own."""
    from scenes.kit.pacing import LINE_WIDTH, split_caption
    from scenes.lessons.descent.captions import outcome_lines

    curve = Curve("(w - 1)**2 + 0.5", variable="w")
    x_range = (-2.0, 4.0)
    paths = [gradient_descent(curve, s, 100.0, max_steps=200, tolerance=1e-8) for s in (-1.0, 3.0)]
    outcomes = [outcome_facts(curve, p, 1e-8, x_range, curve.critical_points(x_range), 2) for p in paths]
    for text, _ in outcome_lines(outcomes):
        assert len(split_caption(text, LINE_WIDTH)) == 1, text


@pytest.mark.parametrize("case", FAMILY, ids=IDS)
def test_no_ending_caption_is_cut_after_its_lead(case):
    """Each part of a "left to run" caption is a whole sentence (seen on 1e-6*w**2: "From
    w = 3.00, left to run," stood alone before "after 200 steps it is still creeping ...")."""
    from scenes.kit.pacing import LINE_WIDTH, split_caption
    from scenes.lessons.descent.captions import outcome_lines

    walks = list(_walks(*case, max_steps=200))
    curve, x_range = walks[0][0], walks[0][1]
    critical = curve.critical_points(x_range[:2])
    outcomes = [outcome_facts(curve, path, 1e-8, x_range, critical, 2, judge) for _, _, _, judge, path in walks]
    for group in ([o] for o in outcomes):
        for text, _ in outcome_lines(group):
            for part in split_caption(text, LINE_WIDTH):
                assert part.rstrip()[-1] in ".!?", (text, part)


@pytest.mark.parametrize(("function", "starts", "rate"), [("w**4 - 2*w**2", (0.0, 0.001), 0.5), ("(w - 1)**2 + 0.5", (-0.0004, 3.0), 0.1)])
def test_a_start_near_another_reads_differently_and_a_walk_ends_where_its_last_step_said(function, starts, rate):
    """Starts at 0 and 0.001 were both "w = 0"; a walk's last step said "to 0.008" and its
    summary "w = 0.01"; the w readout must be able to show both."""
    from scenes.lessons.descent.captions import start_caption, step_caption, walk_caption
    from scenes.lessons.descent.facts import start_facts, walk_digits
    from scenes.kit.numbers import number

    curve = Curve(function, variable="w")
    paths = [gradient_descent(curve, s, rate, max_steps=50) for s in starts]
    said = [start_caption(start_facts(curve, p, 1e-8, (-2.0, 4.0), 2, first=i == 0)) for i, p in enumerate(paths)]
    assert said[0].split(" at ")[1] != said[1].split(" at ")[1], said
    for path in paths:
        digits = walk_digits(path, 3, 2)
        if path.steps >= 3:
            last = re.search(r"moves \w+, to (-?[\d.]*\d)", step_caption(step_facts(path, 3, 2))).group(1)
            summary = walk_caption(walk_facts(path, 3, 10, 2))
            assert f"w = {last} " in summary, (last, summary)
            shown = Decimal(number(path.points[3, 0], digits))  # the readout: as many digits or more
            assert digits >= len(last.partition(".")[2]) and shown.quantize(Decimal(last)) == Decimal(last)


def test_a_slope_below_every_digit_shown_is_almost_0_not_0():
    """(w - 1)**4 from 0.001, step 2: the slope -3.2e-8 was "the slope is 0, negative"."""
    from scenes.lessons.descent.captions import step_caption

    path = gradient_descent(Curve("(w - 1)**4", variable="w"), 0.001, 0.25, max_steps=5)
    text = step_caption(step_facts(path, 2, 2))
    assert "the slope is almost 0, negative" in text, text
