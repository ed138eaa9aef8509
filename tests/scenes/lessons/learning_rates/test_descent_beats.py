"""The captions of GradientDescent1D and LearningRates against their facts, for a family of
functions, without manim: every caption's claims are established by its facts, no number
is in scientific notation, and each shown update equation checks at its shown precision."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pytest

from mathcore import Curve, gradient_descent
from scenes.kit.claims import claim_problems
from scenes.kit.spoken import spoken_of, spoken_problems
from scenes.lessons.descent.captions import (
    intro_caption,
    outcome_caption,
    start_caption,
    step_caption,
    summary_captions,
    summary_facts,
    walk_caption,
)
from scenes.lessons.descent.facts import outcome_facts, shape_facts, start_facts, step_facts, walk_facts
from scenes.lessons.common.descent_lesson import descent_view
from scenes.parts.walk.descent_steps import update_equation, update_numbers, visible_count
from scenes.lessons.learning_rates.captions import intro_caption as rates_intro
from scenes.lessons.learning_rates.captions import panel_caption, panel_note, rates_facts
from scenes.lessons.learning_rates.facts import panel_facts
from scenes.lessons.learning_rates.captions import summary_captions as rates_summary

#: (function, variable, w_range, starts, learning rates): one and two minima, no minimum, a
#: steep bowl, a plateau, a pole, tiny and huge values, a start on the minimum.
FAMILY = [
    ("(w - 1)**2 + 0.5", "w", (-2.0, 4.0), (-1.0, 3.0), (0.02, 0.25, 1.0, 1.1)),
    ("w**4 - 3*w**2 + w", "w", (-2.0, 2.0), (-1.8, 1.9), (0.05, 0.2)),
    ("softplus(-2*w) + 0.1*w**2", "w", (-3.0, 4.0), (-2.5,), (0.05, 1.0, 9.0, 12.0)),
    ("0.1*x**4 - x**2", "x", (-4.0, 4.0), (-3.5, 0.5), (0.1, 1.0)),
    ("w**3", "w", (-1.5, 1.5), (1.0, 0.0), (0.1, 0.5)),
    ("100*w**2", "w", (-2.0, 4.0), (-1.0, 3.0), (0.25, 0.001)),
    ("1/(1 + exp(-w))", "w", (-8.0, 8.0), (-7.0, 2.0), (1.0, 50.0)),
    ("1/w + w", "w", (-3.0, 4.0), (0.5, 3.0), (0.1, 0.6, 3.0)),
    ("1e-6*w**2", "w", (-2.0, 4.0), (3.0,), (0.25, 1e5)),
    ("1e6*(w - 1)**2", "w", (-2.0, 4.0), (3.0,), (1e-7, 0.25)),
    ("(w - 1)**2 + 0.5", "w", (-2.0, 4.0), (1.0, 3.0), (0.25,)),
    ("w**4 - 3*w**2", "w", (-2.5, 2.5), (-2.2, 0.3, 0.0), (0.02,)),
    ("sqrt(w)", "w", (0.0, 4.0), (3.0,), (0.5, 2.0, 5.0)),
    ("-w**2", "w", (-2.0, 2.0), (0.5, 0.0), (0.1,)),
]
IDS = [f[0] for f in FAMILY]
SCIENTIFIC = re.compile(r"\d[eE][+-]?\d")


def _walks(function, variable, w_range, starts, rates, max_steps=200):
    curve = Curve(function, variable=variable)
    x_range, y_range = descent_view(curve, w_range, list(starts))
    critical = curve.critical_points(x_range[:2])
    for start in starts:
        for rate in rates:
            path = gradient_descent(curve, start, rate, max_steps=max_steps, tolerance=1e-8)
            in_view = visible_count(path.points, path.values, x_range[:2], y_range[:2])
            yield curve, x_range, critical, path, in_view


def _check(text, facts):
    assert claim_problems(text, facts) == [], text
    assert spoken_problems(text, spoken_of(text)) == [], text  # said from the same values, numbers in words
    assert not SCIENTIFIC.search(text), text
    assert not re.search(r"\b(nan|inf)\b", text.lower()), text


@pytest.mark.parametrize("case", FAMILY, ids=IDS)
def test_every_caption_is_backed_by_its_facts(case):
    function, variable, w_range, starts, rates = case
    steps = []
    for curve, x_range, critical, path, in_view in _walks(*case):
        shape = shape_facts(variable, critical, x_range)
        _check(intro_caption(shape), shape)
        start = start_facts(curve, path, 1e-8, x_range, 2)
        _check(start_caption(start), start)
        shown = max(0, min(6, in_view - 1))
        for k in range(1, shown + 1):
            facts = step_facts(path, k, 2)
            steps.append(facts)
            _check(step_caption(facts), facts)
        walk = walk_facts(path, shown, in_view, 2)
        text = walk_caption(walk)
        if text is not None:
            _check(text, walk)
        _check(panel_caption(walk), panel_facts(walk))
        outcome = outcome_facts(curve, path, 1e-8, x_range, critical, 2)
        _check(outcome_caption(outcome, "From here, left to run,"), outcome)
        assert not SCIENTIFIC.search(panel_note(outcome, walk))
    summary = summary_facts(variable, rates[0], steps)
    for text in summary_captions(summary):
        _check(text, summary)


@pytest.mark.parametrize("case", FAMILY, ids=IDS)
def test_the_minimum_is_named_only_when_reached_and_in_view(case):
    for curve, x_range, critical, path, _ in _walks(*case):
        outcome = outcome_facts(curve, path, 1e-8, x_range, critical, 2)
        text = outcome_caption(outcome, "Left to run,")
        if "minimum" in text and "a minimum outside" not in text and "toward" not in text:
            assert outcome.kind == "minimum" and outcome.in_range, text
            nearest = min(critical, key=lambda p: abs(p.x - outcome.w_end))
            assert nearest.kind == "minimum" and x_range[0] <= nearest.x <= x_range[1], text


@pytest.mark.parametrize("case", FAMILY, ids=IDS)
def test_every_update_equation_checks_at_its_shown_precision(case):
    for _, _, _, path, _ in _walks(*case):
        for k in range(1, min(path.steps, 6) + 1):
            pieces = update_equation(path, k, "w", 2)
            if pieces[12] != "=":
                continue
            w_old, slope, w_new = (Decimal(pieces[i].strip("()")) for i in (7, 11, 13))
            digits = len(pieces[13].partition(".")[2])
            by_hand = w_old - Decimal(repr(path.learning_rate)) * slope  # exact, halves away from zero
            assert by_hand.quantize(Decimal(1).scaleb(-digits), ROUND_HALF_UP) == w_new, pieces


def test_the_issue_equation_is_written_at_a_precision_where_it_checks():
    # -1.2037 - 0.05 * 0.2649 = -1.2169: at two digits "-1.20 - 0.05 (0.26) = -1.22" is false.
    numbers = update_numbers(-1.2037, 0.05, 0.2649, -1.2037 - 0.05 * 0.2649, 2)
    assert (numbers.w_old, numbers.slope, numbers.w_new, numbers.relation) == ("-1.204", "0.26", "-1.217", "=")
    # Numbers written in words cannot add up exactly: approximately equal.
    assert update_numbers(3.0, 1e-3, -4e12, 4e9, 2).relation == "≈"


def test_default_captions_read_as_the_lesson():
    curve = Curve("(w - 1)**2 + 0.5", variable="w")
    left = gradient_descent(curve, -1.0, 0.25, max_steps=200)
    assert step_caption(step_facts(left, 1, 2)) == "Step 1: the slope is -4.00, negative, so w moves right, to 0. f falls to 1.50."
    start = start_facts(curve, left, 1e-8, (-2.0, 4.0), 2)
    assert start_caption(start) == "Start at w = -1.00. The slope is -4.00, negative: f falls toward larger w."
    outcome = outcome_facts(curve, left, 1e-8, (-2.0, 4.0), curve.critical_points((-2.0, 4.0)), 2)
    assert outcome_caption(outcome, "Left to run,") == "Left to run, it reaches the minimum at w = 1.00 after 29 steps."


def test_a_climbing_walk_is_never_called_downhill():
    curve = Curve("(w - 1)**2 + 0.5", variable="w")
    path = gradient_descent(curve, 3.0, 1.1, max_steps=60)
    walk = walk_facts(path, 3, 4, 2)
    assert walk.rose_steps == 3 and "downhill" not in panel_caption(walk) and "climbs" in panel_caption(walk)
    text = step_caption(step_facts(path, 1, 2))
    assert "rises" in text and "overshot" in text
    summary = summary_facts("w", 1.1, [step_facts(path, k, 2) for k in (1, 2, 3)])
    assert all("downhill" not in t for t in summary_captions(summary))


def test_learning_rates_summary_names_a_best_rate_only_when_one_converged():
    curve = Curve("(w - 1)**2 + 0.5", variable="w")
    paths = [gradient_descent(curve, 3.0, lr, max_steps=60) for lr in (0.02, 0.3, 1.0, 1.1)]
    x_range, critical = (-3.0, 5.0), curve.critical_points((-3.0, 5.0))
    outcomes = [outcome_facts(curve, p, 1e-8, x_range, critical, 2) for p in paths]
    walks = [walk_facts(p, min(60, p.steps), p.steps + 1, 2) for p in paths]
    facts = rates_facts(outcomes, walks, 60)
    texts = rates_summary(facts, 4)
    assert texts[0] == "η = 0.3 works best here: it converges in 22 steps." and len(texts) == 2
    for text in texts:
        assert claim_problems(text, facts) == []
    none = rates_facts(outcomes[:1], walks[:1], 60)
    assert rates_summary(none, 1) == ["This rate gets to a flat point within 60 steps."] or "converge" not in rates_summary(none, 1)[0]
    assert rates_intro("w", 3.0, 4, 2) == "One function, one start at w = 3.00, four learning rates η."


def test_numbers_never_reach_a_learner_in_scientific_notation():
    curve = Curve("1e-6*w**2", variable="w")
    path = gradient_descent(curve, 1.56e-7 * 0 + 3.0, 1e5, max_steps=200)
    outcome = outcome_facts(curve, path, 1e-8, (-2.0, 4.0), curve.critical_points((-2.0, 4.0)), 2)
    text = outcome_caption(outcome, "Left to run,")
    assert not SCIENTIFIC.search(text) and np.isfinite(outcome.w_end)
