"""The facts and captions of the rolling lessons, for a family of functions, without manim.

Each case is a walk mathcore really takes; its facts come from scenes.lessons.rolling.facts and every
caption from scenes.lessons.rolling.captions. The claim checker (scenes.kit.claims) must find nothing a
caption says that its facts do not establish, and each case checks what matters for it.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

from mathcore import ScalarField, gradient_descent
from scenes.kit.claims import claim_problems
from scenes.kit.spoken import spoken_problems
from scenes.kit.pacing import split_caption
from scenes.lessons.common.hill import fitted_value_range
from scenes.parts.walk.descent_walk import steps_in_view
from scenes.lessons.rolling.captions import (
    Digits,
    exact_number,
    hill_lines,
    outcome_label,
    outcome_lines,
    race_roll_line,
    race_rule_lines,
    race_start_lines,
    race_subtitle,
    race_summary,
    roll_line,
    rule_lines,
    start_lines,
    summary_line,
    title_for,
    value_decimals,
)
from scenes.lessons.rolling.facts import SAME_SHARE, changed, parting_step, point_change, race_facts, walk_facts
from scenes.lessons.rolling.framing import framed_ranges

HIMMELBLAU = "(n**2 + e - 11)**2 + (n + e**2 - 7)**2"
NAMES = ("Yellow", "Pink")
BOOTH = "(n + 2*e - 7)**2 + (2*n + e - 5)**2"


def _walk(function, start=(2.5, 2.0), rate=0.25, momentum=0.0, n_range=(-3.0, 3.0), e_range=(-3.0, 3.0), steps=200, fit=False):
    field = ScalarField(function, variables=("n", "e"))
    path = gradient_descent(field, start, learning_rate=rate, momentum=momentum, max_steps=steps)
    if fit:  # as the scene does with fit_walk (the race frames both walks, but one is enough here)
        n_range, e_range = framed_ranges([path.points], n_range, e_range)
    low, high, _ = fitted_value_range(field, n_range, e_range)
    shown = max(steps_in_view(path.points, path.values, n_range, e_range, (low, high)) - 1, 0)
    return path, walk_facts(path, field, n_range, e_range, shown), Digits(2, value_decimals(high - low))


def _race(function, momentum=0.6, **kwargs):
    plain, pf, digits = _walk(function, **kwargs)
    heavy, hf, _ = _walk(function, momentum=momentum, **kwargs)
    n_range, e_range = kwargs.get("n_range", (-3.0, 3.0)), kwargs.get("e_range", (-3.0, 3.0))
    span = max(n_range[1] - n_range[0], e_range[1] - e_range[0])
    return race_facts(pf, hf, plain, heavy, span, tuple(f"{n} ball" for n in NAMES)), digits


def _lesson_lines(facts, digits):
    lines = [title_for(facts), *hill_lines(("n", "e"), "y"), *start_lines(facts, digits), *rule_lines("0.25"),
             roll_line(facts, digits), *outcome_lines(facts, digits), summary_line(facts, digits)]
    return [line for line in lines if line is not None]


def _race_lines(race, digits):
    lines = [*race_start_lines(race, digits, NAMES), *race_rule_lines(race, NAMES, "0.45", "0.6"), race_roll_line(race),
             *outcome_lines(race.plain, digits, NAMES[0]), *outcome_lines(race.heavy, digits, NAMES[1]), race_summary(race, "0.6")]
    return [line for line in lines if line is not None]


def _text(lines) -> str:
    return " ".join(line.text for line in lines)


FAMILY = [
    pytest.param({"function": "0.3*(n**2 + 2*e**2)"}, id="default bowl"),
    pytest.param({"function": HIMMELBLAU, "n_range": (-5.0, 5.0), "e_range": (-5.0, 5.0), "start": (-0.5, 0.5), "rate": 0.01}, id="himmelblau"),
    pytest.param({"function": "n**2 - e**2"}, id="saddle"),
    pytest.param({"function": "n**2 - e**2", "start": (2.5, 0.0)}, id="to the saddle point"),
    pytest.param({"function": "100*(n**2 + e**2)"}, id="steep"),
    pytest.param({"function": "sin(n)*cos(e)"}, id="egg crate"),
    pytest.param({"function": "0.5*n + 0.2*e"}, id="plane"),
    pytest.param({"function": "1e-4*(n**2 + e**2)"}, id="tiny"),
    pytest.param({"function": "0.3*(n**2 + 2*e**2)", "start": (0.0, 0.0)}, id="flat start at the minimum"),
    pytest.param({"function": "n**2 - e**2", "start": (0.0, 0.0)}, id="flat start on a saddle"),
    pytest.param({"function": "0.3*(n**2 + 2*e**2)", "rate": 3.2}, id="overshoots off the map"),
    pytest.param({"function": "n**2 + e**2", "rate": 1.0}, id="oscillating"),
    pytest.param({"function": "n**4 + e**4", "start": (1.0, 1.0), "rate": 0.05, "steps": 20}, id="runs out of steps"),
    pytest.param({"function": "n**4 + e**4", "start": (1.0, 1.0)}, id="one step to the bottom"),
    pytest.param({"function": "-(n**2 + e**2)", "start": (0.5, 0.3)}, id="a hilltop"),
    pytest.param({"function": "log(n) + e**2", "n_range": (0.1, 3.0), "start": (2.0, 1.0), "rate": 0.9}, id="a pole"),
    pytest.param({"function": "1e4*(n**2 + e**2)", "rate": 1e-5}, id="huge values"),
    pytest.param({"function": BOOTH, "n_range": (-5.0, 5.0), "e_range": (-5.0, 5.0), "start": (-4.0, 4.0), "rate": 0.05},
                 id="first step just off the map"),
    pytest.param({"function": "n**2 + 10*e**2", "start": (-2.5, 1.5), "rate": 0.45}, id="diverges at once"),
    pytest.param({"function": "(n**2 - 1)**2 + e**2", "start": (0.2, 1.0), "rate": 0.1}, id="two minima"),
    pytest.param({"function": "tanh(n) + 0.01*e**2", "start": (2.8, 1.0), "rate": 0.5}, id="plateau"),
]


@pytest.mark.parametrize("fit", [False, True], ids=["as given", "widened"])
@pytest.mark.parametrize("case", FAMILY)
def test_the_walk_told_is_the_walk_shown(case, fit):
    """Whatever the function, start and framing: an ending is told only of a walk drawn to
    its end; a walk that leaves the map is told up to there and said to leave."""
    _, facts, digits = _walk(**case, fit=fit)
    lines = _lesson_lines(facts, digits)
    text = _text(lines)
    endings = ("reached a minimum", "comes to rest", "stopped after", "at rest", "started at a minimum")
    if facts.shown < facts.steps:
        assert not any(words in text for words in endings), text
        assert "off the map" in text or "left the map" in text or "leaves the picture" in text, text
        for line in lines[1:]:  # what the walk did after leaving is said to happen off the map
            if any(w in line.text for w in ("diverged", "used all", "bouncing", "cannot go on", f"{facts.steps} steps")):
                assert "beyond the map" in line.text.lower() or "off the map" in line.text.lower(), line.text
    if "rolls" in text:
        assert facts.moved and facts.shown > 0


@pytest.mark.parametrize("case", FAMILY)
def test_no_caption_claims_what_its_facts_do_not_establish(case):
    _, facts, digits = _walk(**case)
    lines = _lesson_lines(facts, digits)
    race, digits = _race(**{k: v for k, v in case.items()})
    lines += _race_lines(race, digits)
    problems = [p for line in lines for p in claim_problems(line.text, line.facts)]
    assert problems == []
    assert [p for line in lines for p in spoken_problems(line.text, line.spoken)] == []  # every line said, numbers in words
    text = _text(lines)
    assert not re.search(r"\d[eE][-+]?\d", text), text  # no scientific notation
    assert "the minimum" not in text.lower()  # one of possibly several: "a minimum"


def test_the_default_walk_reaches_a_minimum_and_says_so():
    _, facts, digits = _walk("0.3*(n**2 + 2*e**2)")
    assert title_for(facts).text == "Rolling down into a valley"
    assert "rolls downhill" in roll_line(facts, digits).text
    assert _text(outcome_lines(facts, digits)) == "The ball reached a minimum after 116 steps, at n = 0, e = 0, where f = 0."
    assert summary_line(facts, digits).text == "In 116 steps f fell from 4.28 to 0."
    assert outcome_label(facts, digits) == "converged after 116 steps at (0, 0)"


def test_a_walk_that_leaves_at_once_never_says_the_ball_rolls():
    _, facts, digits = _walk("100*(n**2 + e**2)")
    assert facts.shown == 0 and not facts.moved and facts.status == "diverged"
    line = roll_line(facts, digits).text
    assert line == "The first step would land off the map at n = -122.50, e = -98.00: the ball stays put."
    assert len(split_caption(line)) == 1  # one caption: the point is never cut in two
    assert title_for(facts).text == "A walk that diverges"
    assert _text(outcome_lines(facts, digits, first_step_told=True)).startswith(
        "Beyond the map, the walk diverged after 2 steps: each step overshot farther")
    assert _text(outcome_lines(facts, digits, "Yellow")).startswith("Yellow's first step lands off the map. Beyond the map, the walk diverged")
    assert summary_line(facts, digits) is None
    assert outcome_label(facts, digits) == "diverged after 2 steps; first step off the map"


def test_a_saddle_walk_title_follows_the_facts():
    _, facts, digits = _walk("n**2 - e**2")
    assert facts.status == "diverged" and facts.shown == 1
    assert "minimum" not in title_for(facts).text
    assert roll_line(facts, digits).text == "In one step the ball rolls downhill, then it leaves the picture."
    words = _text(outcome_lines(facts, digits))
    assert words.startswith("The ball left the map after 1 step. Beyond the map, the walk diverged after 17 steps: f kept falling")


def test_a_minimum_outside_the_range_is_said_to_be_outside():
    _, facts, digits = _walk("sin(n)*cos(e)")
    assert facts.kind == "minimum" and not facts.in_range and facts.shown < facts.steps
    words = _text(outcome_lines(facts, digits))
    assert words == "The ball left the map after 9 steps. The rest of the walk, 59 more steps, lies off the map and is not shown."
    assert summary_line(facts, digits).text == "In the 9 steps drawn f fell from -0.25 to -0.98."
    assert outcome_label(facts, digits) == "off the map after 9 steps"
    assert title_for(facts).text == "A walk that leaves the picture"


def test_a_plane_has_no_minimum_to_name():
    _, facts, digits = _walk("0.5*n + 0.2*e")
    assert facts.status == "max_steps" and facts.kind is None
    words = _text(_lesson_lines(facts, digits))
    assert "minimum" not in words and "The ball left the map after 44 steps." in words
    assert "the slope is still 0.54" in words


def test_a_tiny_function_shows_its_digits_and_does_not_claim_a_roll():
    _, facts, digits = _walk("1e-4*(n**2 + e**2)")
    assert digits.values == 5 and not facts.moved
    assert roll_line(facts, digits).text == (
        "The slope is only 0.00064, so each step is tiny: after 200 steps the ball is only 0.032 from its start.")
    assert summary_line(facts, digits).text == "In 200 steps f fell from 0.00103 to 0.00100."
    # It says how far, not whether a pixel changed: the picture check must not judge it either way
    # (fuzz seed 114: a roll of about one pixel was checked as "moved = False").
    assert roll_line(facts, digits).facts.moved is None


def test_moved_is_told_three_ways_as_the_picture_can_show_it():
    # Far (over 1% of the map, 3 pixels and more): moved; exactly still: not moved; between
    # (fuzz seed 114, 0.011 on a map 6 wide: about a pixel, which the picture may count or not):
    # neither, so no caption claims a move or staying put.
    _, rolls, _ = _walk("0.3*(n**2 + 2*e**2)")
    _, creeps, digits = _walk("0.001*(0.8*sin(n)*cos(1.1*e) + 0.1*(n**2 + e**2))", start=(-1.0, -1.8), rate=0.05)
    _, still, _ = _walk("0.3*(n**2 + e**2)", start=(0.0, 0.0))
    assert rolls.moved is True and still.moved is False and creeps.moved is None
    assert 0 < creeps.distance < 0.01 * 6
    line = roll_line(creeps, digits)
    assert line.text.endswith("after 200 steps the ball is only 0.011 from its start.")
    assert line.facts.moved is None and not claim_problems(line.text, line.facts)


@pytest.mark.parametrize(("function", "words", "title"), [
    ("0.3*(n**2 + 2*e**2)", "The ball started at a minimum: with zero slope there is no step to take.",
     "A ball already at rest"),
    ("n**2 - e**2", "The slope is zero at the start, which is a saddle: descent has no way to go.", "A flat start: no way down"),
])
def test_a_flat_start_says_why_nothing_happens(function, words, title):
    _, facts, digits = _walk(function, start=(0.0, 0.0))
    assert roll_line(facts, digits) is None and summary_line(facts, digits) is None
    assert _text(outcome_lines(facts, digits)) == words
    assert title_for(facts).text == title


@pytest.mark.parametrize(("function", "start", "words"), [
    # the slope at the start is 2e-9, under the tolerance but not zero
    ("1e-6*(n**2 - e**2)", (0.001, 0.0), "At the start, the slope is already below the tolerance: descent takes no step."),
    ("1e-6*(n**2 + e**2)", (0.001, 0.0), "At the start, the slope is already below the tolerance: descent takes no step."),
])
def test_a_start_flat_only_within_the_tolerance_is_not_said_to_have_zero_slope(function, start, words):
    _, facts, digits = _walk(function, start=start)
    assert facts.steps == 0 and facts.end_slope != 0
    assert _text(outcome_lines(facts, digits)) == words
    assert "zero" not in outcome_label(facts, digits)


def test_one_allowed_step_is_not_all_1_step():
    _, facts, digits = _walk(BOOTH, start=(-2.0, 2.0), steps=1)
    assert "used its one step; at the end the slope is still" in _text(outcome_lines(facts, digits))


def test_walk_ending_on_a_saddle_names_it():
    _, facts, digits = _walk("n**2 - e**2", start=(2.5, 0.0))
    assert facts.status == "converged" and facts.kind == "saddle"
    assert title_for(facts).text == "A walk that comes to rest"
    assert "on a saddle at n = 0, e = 0: flat, but not a minimum" in _text(outcome_lines(facts, digits))


def test_racers_that_coincide_are_said_to_coincide():
    race, digits = _race("0.1*n**2 + 2*e**2", momentum=0.0, rate=0.45)
    assert race.coincide and race.visible
    words = _text(race_rule_lines(race, NAMES, "0.45", "0"))
    assert "With μ = 0, Pink keeps none of its last step: both take the same steps." in words
    assert race_summary(race, "0").text == "Both walks took the same 188 steps: with μ = 0 momentum changes nothing here."
    assert race_subtitle(race, "0") == "With μ = 0 the two walks are one"


def test_the_default_race_compares_step_counts():
    race, digits = _race("0.1*n**2 + 2*e**2", rate=0.45)
    assert not race.coincide
    assert race_summary(race, "0.6").text == "Plain steps needed 188; with momentum 0.6, 67. That is 2.8 times fewer."
    assert race_subtitle(race, "0.6") == "Plain steps against steps that remember"


def test_himmelblau_race_says_when_momentum_is_slower():
    race, _ = _race(HIMMELBLAU, n_range=(-5.0, 5.0), e_range=(-5.0, 5.0), start=(-0.5, 0.5), rate=0.01)
    assert race.heavy.steps > race.plain.steps
    assert race_summary(race, "0.6").text.endswith("Here momentum needed more.")


def test_a_race_without_steps_says_neither_ball_moves():
    race, _ = _race("0.3*(n**2 + 2*e**2)", start=(0.0, 0.0))
    assert race_roll_line(race) is None
    assert "Neither ball has a step to take" in _text(race_rule_lines(race, NAMES, "0.25", "0.6"))
    assert race_summary(race, "0.6").text == "Neither ball took a step."


def test_value_decimals_read_three_significant_digits():
    assert value_decimals(4.28) == 2 and value_decimals(180.0) == 2
    assert value_decimals(0.0018) == 5 and value_decimals(1e-12) == 6
    assert value_decimals(0.0) == 2 and value_decimals(float("nan")) == 2


def test_exact_number_writes_a_setting_as_given():
    assert exact_number(0.25) == ("0.25", True)
    assert exact_number(0.005) == ("0.005", True)
    assert exact_number(3.0) == ("3", True)
    assert exact_number(1 / 3) == ("0.333333", False)
    assert exact_number(1e-7) == ("0", False)


def test_digits_write_points_values_and_small_quantities():
    digits = Digits(2, 5)
    assert digits.at((1.624e-08, -2.0), ("n", "e")) == "n = 0, e = -2.00"
    assert digits.pair((3.14159, 2.0)) == "(3.14, 2.00)"
    assert digits.value(7.91e-17) == "0"
    assert digits.small(0.00064) == "0.00064" and digits.small(0.54) == "0.54"


def test_a_first_step_just_off_the_map_is_told_as_drawn():
    """Booth from (-4, 4) with eta 0.05 on (-5, 5) x (-5, 5): step 1 lands at e = 5.5. The
    ball never moves on the map, so nothing may say it reached the minimum (issue 13)."""
    _, facts, digits = _walk(BOOTH, start=(-4.0, 4.0), rate=0.05, n_range=(-5.0, 5.0), e_range=(-5.0, 5.0))
    assert facts.status == "converged" and facts.shown == 0 and facts.steps == 196
    assert roll_line(facts, digits).text == "The first step would land off the map at n = -1.90, e = 5.50: the ball stays put."
    words = _text(_lesson_lines(facts, digits))
    assert "minimum" not in words and "reached" not in words
    assert "The rest of the walk, all 196 steps, lies off the map and is not shown." in words
    assert title_for(facts).text == "A first step out of the picture"
    assert outcome_label(facts, digits) == "first step off the map"
    assert facts.shown_status == "left_map"


def test_walks_that_part_after_step_two_are_not_one_walk():
    """n**2 + 10*e**2 from (-2.5, 1.5), eta 0.45: after step 2 plain is at n = -0.025,
    momentum at n = 1.325; both diverge at step 4. Two walks, whatever the picture shows."""
    race, digits = _race("n**2 + 10*e**2", start=(-2.5, 1.5), rate=0.45)
    assert not race.coincide and race.parted_at == 2
    assert race.plain.steps == race.heavy.steps == 4
    words = _text(_race_lines(race, digits))
    assert "same" not in words and "changes nothing" not in words
    assert race_subtitle(race, "0.6") != "Two balls, one walk"
    assert race_summary(race, "0.6").text == (
        "Plain descent ended after 4 steps, momentum after 4 steps: the walks part after 2 steps, off the map.")


@pytest.mark.parametrize("gap", [0.0, 0.004, 0.02])
def test_the_same_walk_is_decided_within_a_pixel_of_the_range(gap):
    """Walks closer than a pixel (a thousandth of the longer side) are one walk; farther,
    two, and the step where they part is told."""
    a = np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 1.0]])
    b = a + np.array([[0.0, 0.0], [0.0, 0.0], [gap, 0.0]])
    assert parting_step(a, b, SAME_SHARE * 6.0) == (None if gap <= 0.006 else 2)
    assert parting_step(a, a[:2], 1.0) == 2  # one walk ends, the other goes on


@pytest.mark.parametrize(("before", "after", "scale", "expected"), [
    (1.0, 1.0 + 1e-16, 1.0, 0),  # float noise is neither a fall nor a rise
    (2.0, 2.0 - 4e-16, 1.0, 0),
    (1e-6, 0.9e-6, 1e-6, -1),  # a tiny function still falls
    (1e8, 1e8 - 1.0, 1e8, -1),  # a huge one too
    (0.0, 1e-20, 10.0, 0),
])
def test_fell_and_rose_ignore_float_noise(before, after, scale, expected):
    assert changed(before, after, scale) == expected


def test_framed_ranges_widen_to_hold_the_walk_within_a_bound():
    walk = np.array([[-4.0, 4.0], [-1.9, 5.5], [1.0, 3.0]])
    assert framed_ranges([walk], (-5.0, 5.0), (-5.0, 5.0)) == ((-5.0, 5.0), (-5.0, 6.0))
    far = np.array([[0.0, 0.0], [0.0, 100.0]])
    assert framed_ranges([far], (-3.0, 3.0), (-3.0, 3.0)) == ((-3.0, 3.0), (-3.0, 3.0))
    assert framed_ranges([np.array([[0.0, 0.0], [np.nan, 1.0]])], (-3.0, 3.0), (-3.0, 3.0)) == ((-3.0, 3.0), (-3.0, 3.0))


def test_a_fall_below_float_resolution_is_decided_exactly():
    """cosh(n) + cosh(e) - 2 from (1e-7, 1e-7): f falls from about 1e-14 to 0, below what
    floats resolve at the size of f on the map (about 18): the floats alone say neither,
    sympy's exact sign says it fell."""
    field = ScalarField("cosh(n) + cosh(e) - 2", variables=("n", "e"))
    path = gradient_descent(field, (1e-7, 1e-7), learning_rate=0.3, max_steps=200, tolerance=1e-12)
    scale = 2 * math.cosh(3.0) - 2
    assert changed(path.values[0], path.values[-1], scale) == 0
    assert point_change(field, path, 0, path.steps, scale) == -1
    facts = walk_facts(path, field, (-3.0, 3.0), (-3.0, 3.0), path.steps)
    assert facts.fell and not facts.rose


def _fuzz_cases(seed: int = 13, count: int = 24):
    """Seeded functions of the kinds teachers use, with starts and rates within the settings."""
    rng = np.random.default_rng(seed)
    shapes = [
        "{a}*n**2 + {b}*e**2", "{a}*(n - {c})**2 + {b}*(e + {c})**2 + {a}*n*e", "(n**2 - {c}**2)**2 + {b}*e**2",
        "{a}*n**2 - {b}*e**2", "-{a}*exp(-(n**2 + e**2)) + {b}*0.01*(n**2 + e**2)", "{a}*sin(n)*cos(e)",
        "(n + 2*e - 7)**2 + (2*n + e - 5)**2", "0.26*(n**2 + e**2) - 0.48*n*e", "2*n**2 - 1.05*n**4 + n**6/6 + n*e + e**2",
        "{a}*1e-4*(n**2 + e**2)", "{a}*1e4*(n**2 + e**2)",
    ]
    for k in range(count):
        shape = shapes[k % len(shapes)]
        a, b, c = (float(np.round(v, 2)) for v in rng.uniform([0.1, 0.1, 0.5], [3.0, 3.0, 2.0]))
        start = tuple(float(np.round(v, 2)) for v in rng.uniform(-2.8, 2.8, 2))
        rate = float(np.round(10 ** rng.uniform(-3, 0), 4))
        yield pytest.param({"function": shape.format(a=a, b=b, c=c), "start": start, "rate": rate, "steps": 150}, id=f"fuzz{k}")


@pytest.mark.parametrize("fit", [False, True], ids=["as given", "widened"])
@pytest.mark.parametrize("case", list(_fuzz_cases()))
def test_fuzzed_walks_are_told_as_drawn(case, fit):
    """Seeded functions, starts and rates: no caption claims what its facts do not hold,
    and an ending is told only of a walk drawn to its end (the race too)."""
    _, facts, digits = _walk(**case, fit=fit)
    lines = _lesson_lines(facts, digits)
    race, race_digits = _race(**case)
    lines += _race_lines(race, race_digits)
    problems = [p for line in lines for p in claim_problems(line.text, line.facts)]
    assert problems == []
    assert [p for line in lines for p in spoken_problems(line.text, line.spoken)] == []  # every line said, numbers in words
    text = _text(lines)
    assert not re.search(r"\d[eE][-+]?\d", text), text
    if facts.shown < facts.steps:
        assert "The ball reached a minimum" not in text
    if race.coincide:
        assert race.parted_at is None
    else:
        assert "one walk" not in race_subtitle(race, "0.6") and "changes nothing" not in text
