"""OneNeuron: labelled data refused before rendering, facts and captions over data sets
(separable either way, overlapping, two points, 200 points), the decision point, a dry run
(claims, pace, layout, picture) and one small render."""

from __future__ import annotations

import math

import numpy as np
import pytest

from mathcore import neuron_loss
from scenes.kit.claims import claim_problems
from scenes.kit.storyboard import dry_run, with_settings
from scenes.lessons.neuron import captions as say
from scenes.lessons.neuron.facts import decision_point, separable, start_facts
from scenes.lessons.neuron.scene import OneNeuron
from mathcore.learning import neuron_fit
from scenes.kit.numbers import number
from tests.scenes.lessons.fit_cases import EXTREME_LABEL_SETS, LABEL_SETS, assert_told_truly, built_walk, quick_render, told


def _lines(data, **settings):
    return told("neuron", neuron_loss, data, **{"learning_rate": 1.0, "tolerance": 1e-4, **settings})


# -- refused before rendering, in one line naming the setting ----------------------------------
@pytest.mark.parametrize(
    ("settings", "words"),
    [
        ({"data": ((0.0, 0), (1.0, 2))}, "label 2"),
        ({"data": ((0.0, 0), (1.0, 0.5))}, "OneNeuron.data"),
        ({"data": ((0.0, 1),)}, "OneNeuron.data"),
        ({"data": ((math.nan, 1), (1.0, 0))}, "OneNeuron.data"),
        ({"data": ((0.0, 1), (1.0, 1), (2.0, 1))}, "both labels"),
        ({"batch_size": 15}, "OneNeuron.batch_size = 15"),
        ({"seed": -1}, "OneNeuron.seed"),
    ],
)
def test_bad_settings_are_refused_in_one_line(settings, words):
    with pytest.raises(ValueError) as caught:
        with_settings(OneNeuron, **settings).validate()
    message = str(caught.value)
    assert words in message and "\n" not in message


# -- facts and captions over data sets, without manim -------------------------------------------
def test_separable_and_decision_point():
    assert [separable(LABEL_SETS[k]) for k in ("separable", "separable_left", "overlapping", "two")] == [1, -1, 0, 1]
    assert decision_point(2.0, -1.0, 2) == 0.5 and decision_point(0.004, 1.0, 2) is None


@pytest.mark.parametrize("name", sorted(LABEL_SETS))
def test_every_caption_is_backed_by_its_facts(name):
    walk, shown, outcome, lines = _lines(LABEL_SETS[name])
    assert_told_truly(lines)
    assert outcome.fell, name


# -- extreme data: what the floats do is not what the loss does ---------------------------------
def test_separable_labels_at_a_million_underflow_to_zero_but_reach_no_minimum():
    """|x| near 1e6: one step makes L exactly 0.0 in floats and the gradient 0; mathcore stops
    ("converged") and its float probe calls the end a plateau or a minimum. The loss has no
    minimum: the captions say so, never "as low as it gets" nor that the walk converged."""
    walk, shown, outcome, lines = _lines(EXTREME_LABEL_SETS["separable_1e6"], learning_rate=2.0)
    texts = " ".join(line.text for line in lines)
    assert walk.path.values[-1] == 0.0 and walk.path.status == "converged"
    assert outcome.best is None and outcome.kind is None and not outcome.at_best
    assert "no (w, b) has the lowest L" in texts and "a steeper curve through the gap would still lower L" in texts
    assert "as low as it gets" not in texts and "converged" not in texts and "minimum" not in texts
    assert_told_truly(lines)


@pytest.mark.parametrize(("name", "start"), [("separable_1e6", (1000.0, 0.0)), ("separable_1e-6", (0.0, 0.0)), ("overlapping_1e-6", (0.0, 0.0)),
                                              ("overlapping_1e-6", (1.0, 0.0))])
def test_a_gradient_below_the_tolerance_is_not_called_zero_nor_the_best(name, start):
    """A start whose gradient is below the tolerance (a huge sure neuron, or data of size
    1e-6 where every gradient is tiny) takes no step; that is not "no neuron does better"."""
    data = EXTREME_LABEL_SETS[name]
    walk, shown, outcome, lines = _lines(data, start=start, learning_rate=2.0)
    texts = " ".join(line.text for line in lines)
    assert walk.path.steps == 0 and not outcome.at_best
    assert "already below the tolerance" in texts and "gradient is 0" not in texts and "does better" not in texts
    best = neuron_fit(data)
    if best is None:
        assert "no (w, b) has the lowest L" in texts
    else:
        assert f"L is lowest at (w, b) = ({number(best[0], 2)}, {number(best[1], 2)})" in texts
    assert_told_truly(lines)


def test_the_best_neuron_is_the_same_at_every_size_of_the_data():
    unit = ((-1.0, 0), (-0.5, 1), (0.5, 0), (1.0, 1))
    w, b = neuron_fit(unit)
    for name, size in (("overlapping_1e6", 1e6), ("overlapping_1e-6", 1e-6)):
        walk, shown, outcome, lines = _lines(EXTREME_LABEL_SETS[name], learning_rate=1e-6, max_steps=5)
        assert np.allclose((outcome.best[0] * size, outcome.best[1]), (w, b), rtol=1e-9, atol=1e-12)
        assert "as low as it gets" not in " ".join(line.text for line in lines)
        assert_told_truly(lines)


def test_labels_of_both_kinds_at_the_split_have_no_lowest_loss_either():
    walk, shown, outcome, lines = _lines(EXTREME_LABEL_SETS["tie"], learning_rate=2.0)
    texts = " ".join(line.text for line in lines)
    assert (outcome.separable, outcome.clean, outcome.split_at) == (1, False, 0.0) and outcome.kind is None
    assert "Points of both labels sit at x = 0" in texts and "cleanly" not in texts and "as low as it gets" not in texts
    assert_told_truly(lines)


@pytest.mark.parametrize("name", ["separable", "separable_left", "two"])
def test_separable_labels_have_no_lowest_loss_and_w_grows(name):
    walk, shown, outcome, lines = _lines(LABEL_SETS[name], start=(0.5 * separable(LABEL_SETS[name]), 0.0))
    texts = " ".join(line.text for line in lines)
    assert outcome.separable and outcome.grew and outcome.status != "converged"
    assert abs(walk.path.points[-1, 0]) > 3  # w keeps growing
    assert "no (w, b) has the lowest L" in texts and "as low as it gets" not in texts
    assert "has not settled after 200 steps" in texts


def test_overlapping_labels_reach_the_lowest_loss():
    walk, shown, outcome, lines = _lines(LABEL_SETS["overlapping"], max_steps=500)
    texts = " ".join(line.text for line in lines)
    assert (outcome.separable, outcome.status, outcome.kind) == (0, "converged", "minimum")
    assert "as low as it gets" in texts and "no (w, b)" not in texts
    x = decision_point(outcome.w, outcome.b, 2)
    assert f"decision point at x = {x:.2f}" in texts


def test_a_flat_start_says_why_no_point_is_told_apart():
    walk, shown, outcome, lines = _lines(LABEL_SETS["overlapping"])
    assert lines[1].text.startswith("With w = 0, s is the same at every x")
    moved = say.start_lines(start_facts(built_walk(neuron_loss, LABEL_SETS["two"], start=(2.0, -1.0))[0], 2))
    assert moved[1].text.startswith("The dashed line marks x = 0.50")


def test_mini_batches_of_a_neuron_are_told_as_stochastic():
    walk, shown, outcome, lines = _lines(LABEL_SETS["many"], batch_size=8, seed=2)
    assert walk.stochastic and any("stochastic gradient descent" in line.text for line in lines)
    rises = int(np.sum(np.diff(walk.path.values[: shown + 1]) > 1e-12))
    noise = next(line.text for line in lines if line.text.startswith(("L rose on", "Even with", "No step")))
    assert (f"L rose on {rises} of" in noise) if rises else not noise.startswith("L rose")


# -- the whole lesson, without drawing ---------------------------------------------------------
def test_a_dry_run_of_separable_labels_has_no_problem():
    """Near a million: the loss underflows to 0 in one step, and the x numbers are wide
    (fewer ticks, so they do not overlap)."""
    board = dry_run(OneNeuron, data=EXTREME_LABEL_SETS["separable_1e6"], roll_time=2.0)
    assert not board.problems(), board.problems()
    assert [name for name, _ in board.chapters()] == [say.DATA_PART, say.LOSS_PART, say.WALK_PART, say.END_PART]
    assert any("no (w, b) has the lowest L" in t for t in board.captions)


@pytest.mark.render
def test_one_neuron_renders_with_its_captions(render):
    r = quick_render(render, OneNeuron, data=LABEL_SETS["overlapping"], max_steps=60)
    assert any("decision point" in s for s in r.subcaptions())


def test_a_step_too_small_to_see_claims_no_move():
    """Fuzz (OneNeuron seed 0): a mini-batch step of a thousandth of the map was told as a
    move the picture did not show; now it is 'too small a step to see' with moved None."""
    from scenes.lessons.common import fit_captions
    from scenes.lessons.common.fit_facts import step_facts

    data = ((-3.59, 1), (-3.47, 1), (-0.3, 1), (0.07, 1), (2.02, 1), (2.03, 1), (2.7, 0), (3.38, 0))
    walk, shown, judge = built_walk(neuron_loss, data, start=(-1.5, 0.2), learning_rate=0.05, batch_size=1, seed=582)
    facts = [step_facts(walk, judge, k, 2) for k in range(1, 5)]
    tiny = [f for f in facts if f.moved is not True]
    assert tiny and all(f.moved is None for f in tiny)
    for f in facts:
        line = fit_captions.step_line(f)
        assert ("too small" in line.text) == (f.moved is not True) and not claim_problems(line.text, line.facts)


@pytest.mark.parametrize(("data", "words"), [("[[0, 0], [1, 2]]", "label 2"), ("[[0, 1]]", "2 to 200"), ("[[0, 0], [1, nan]]", "finite")])
def test_a_course_file_with_bad_data_is_refused_in_one_line(tmp_path, data, words):
    from course.course_file import CourseError, load_course

    path = tmp_path / "course.toml"
    path.write_text(f'title = "t"\n[[clips]]\nid = "n"\ntitle = "n"\nscene = "OneNeuron"\n[clips.params]\ndata = {data}\n', encoding="utf-8")
    with pytest.raises(CourseError) as caught:
        load_course(path)
    message = str(caught.value)
    assert "params.data" in message and words in message and "\n" not in message
