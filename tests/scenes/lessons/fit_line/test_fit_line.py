"""FitALine: data refused before rendering, facts and captions over data sets (a clean line,
noise, outliers, two points, 200 points, mini-batches), a dry run (claims, pace, layout,
picture), the map's framing, and one small render."""

from __future__ import annotations

import math

import numpy as np
import pytest

from mathcore import line_fit, line_loss
from scenes.kit.storyboard import dry_run, with_settings
from scenes.lessons.common.fit_walk import map_ranges, shown_steps
from scenes.lessons.fit_line import captions as say
from scenes.lessons.fit_line.facts import start_facts
from scenes.lessons.fit_line.scene import FitALine
from scenes.parts.plot2d.data_plot import clip_segments
from scenes.kit.numbers import number
from tests.scenes.lessons.fit_cases import EXTREME_LINE_SETS, LINE_SETS, assert_told_truly, built_walk, quick_render, told


def _lines(data, **settings):
    return told("fit_line", line_loss, data, anchors=[line_fit(data)], **settings)


# -- refused before rendering, in one line naming the setting ----------------------------------
@pytest.mark.parametrize(
    ("settings", "words"),
    [
        ({"data": ((0.0, 1.0),)}, "FitALine.data"),
        ({"data": ((0.0, 1.0), (1.0, math.nan))}, "FitALine.data"),
        ({"data": ((0.0, 1.0), (1.0, 2.0, 3.0))}, "FitALine.data"),
        ({"data": ((1.0, 1.0), (1.0, 2.0))}, "two different x"),
        ({"data": tuple((float(i), 1.0) for i in range(201))}, "FitALine.data"),
        ({"batch_size": 0}, "FitALine.batch_size"),
        ({"batch_size": 13}, "FitALine.batch_size = 13"),
        ({"learning_rate": 0.0}, "FitALine.learning_rate"),
        ({"start": (math.inf, 0.0)}, "FitALine.start"),
    ],
)
def test_bad_settings_are_refused_in_one_line(settings, words):
    with pytest.raises(ValueError) as caught:
        with_settings(FitALine, **settings).validate()
    message = str(caught.value)
    assert words in message and "\n" not in message


# -- facts and captions over data sets, without manim -------------------------------------------
@pytest.mark.parametrize("name", sorted(LINE_SETS))
def test_every_caption_is_backed_by_its_facts(name):
    walk, shown, outcome, lines = _lines(LINE_SETS[name], start=(-1.0, 3.0), learning_rate=0.05, max_steps=300)
    assert_told_truly(lines)
    assert outcome.fell, name  # every one of these walks lowers the loss
    assert any(line.text.startswith("From L = ") for line in lines)


@pytest.mark.parametrize(("name", "settings"), [
    ("tiny", {"learning_rate": 1e-6, "tolerance": 1e-6}),  # every gradient is below the tolerance: no step
    ("tiny", {"learning_rate": 0.01, "tolerance": 1e-4, "start": (-1.0, 0.0)}),  # a float probe once called its end a saddle
    ("huge", {"learning_rate": 1e-6}),  # each step overshoots more
    ("huge", {"learning_rate": 1e-12, "max_steps": 50}),
])
def test_data_of_extreme_size_is_told_against_the_exact_least_squares_line(name, settings):
    data = EXTREME_LINE_SETS[name]
    walk, shown, outcome, lines = _lines(data, **settings)
    texts = " ".join(line.text for line in lines)
    assert outcome.best == line_fit(data) and outcome.kind == ("minimum" if outcome.at_best and shown == walk.path.steps else None)
    assert ("is the least-squares line" in texts) == (outcome.at_best and outcome.status == "converged")
    assert "gradient is 0" not in texts and "fits these points better" not in texts
    if walk.path.status in ("converged", "flat_start", "max_steps") and not outcome.at_best:
        assert f"The least-squares line has slope {number(outcome.best_w, 2)}" in texts
    assert_told_truly(lines)


def test_a_clean_line_is_found_exactly():
    walk, shown, outcome, lines = _lines(LINE_SETS["clean"], learning_rate=0.2, max_steps=500)
    assert (outcome.status, outcome.at_best, outcome.in_range) == ("converged", True, True)
    assert "w = 2.00, b = 1.00 is the least-squares line" in " ".join(line.text for line in lines)
    assert np.allclose(line_fit(LINE_SETS["clean"]), (2.0, 1.0))


def test_a_walk_that_runs_out_of_steps_says_so_and_names_the_best_line():
    walk, shown, outcome, lines = _lines(LINE_SETS["outliers"], start=(-1.0, 3.0), learning_rate=0.01, max_steps=20)
    texts = [line.text for line in lines]
    assert outcome.status == "max_steps" and not outcome.at_best
    best_w, best_b = line_fit(LINE_SETS["outliers"])
    assert "The walk has not settled after 20 steps." in texts
    assert f"slope {best_w:.2f}" in " ".join(texts) and "converged" not in " ".join(texts)


def test_a_learning_rate_too_large_diverges_and_is_cut_at_the_map():
    walk, shown, outcome, lines = _lines(LINE_SETS["noisy"], learning_rate=3.0)
    texts = " ".join(line.text for line in lines)
    assert outcome.status == "diverged" and not outcome.in_range and shown < walk.path.steps
    assert "diverged" in texts and "leaves the map" in texts and "least-squares" not in texts


def test_mini_batches_make_the_walk_noisy_and_the_count_is_true():
    data = LINE_SETS["many"]
    walk, shown, outcome, lines = _lines(data, learning_rate=0.05, batch_size=5, seed=7)
    values = walk.path.values[: shown + 1]
    rises = int(np.sum(np.diff(values) > 1e-12 * np.abs(values).max()))
    assert rises > 0 and walk.stochastic
    noise = [line for line in lines if line.text.startswith("L rose on")]
    assert noise and noise[0].text.startswith(f"L rose on {rises} of the {shown} steps")
    assert any("stochastic gradient descent" in line.text for line in lines)
    again, *_ = _lines(data, learning_rate=0.05, batch_size=5, seed=7)
    other, *_ = _lines(data, learning_rate=0.05, batch_size=5, seed=8)
    assert np.array_equal(again.path.points, walk.path.points) and not np.array_equal(other.path.points, walk.path.points)


def test_a_full_batch_is_plain_gradient_descent():
    walk, shown, outcome, lines = _lines(LINE_SETS["two"], batch_size=2)
    assert not walk.stochastic and not any("batch" in line.text for line in lines)


# -- the picture's pure parts ------------------------------------------------------------------
def test_the_map_holds_the_start_and_the_best_line_and_cuts_a_runaway_walk():
    w_range, b_range = map_ranges(np.array([[0.0, 0.0], [1.0, 1.0]]), [(0.0, 0.0), (2.0, 1.0)])
    assert w_range[0] < 0 < 2 < w_range[1] and b_range[0] < 0 < 1 < b_range[1]
    runaway = np.array([[0.0, 0.0], [3.0, -3.0], [-30.0, 30.0], [300.0, -300.0]])
    w_range, b_range = map_ranges(runaway, [(0.0, 0.0), (1.0, 1.0)])
    assert w_range[1] - w_range[0] < 30 and shown_steps(runaway, w_range, b_range) == 1


def test_segments_are_clipped_to_the_plot():
    a, b = clip_segments(np.array([[-1.0, 0.5], [0.5, -5.0]]), np.array([[2.0, 0.5], [0.5, 5.0]]), (0, 1), (0, 1))
    assert np.allclose(a, [[0.0, 0.5], [0.5, 0.0]]) and np.allclose(b, [[1.0, 0.5], [0.5, 1.0]])


# -- the whole lesson, without drawing ---------------------------------------------------------
def test_a_dry_run_has_no_problem_and_tells_the_walk_it_shows():
    board = dry_run(FitALine, data=LINE_SETS["two"], batch_size=1, seed=3, roll_time=2.0, theme="light")
    assert not board.problems(), board.problems()
    assert [name for name, _ in board.chapters()] == [say.DATA_PART, say.LOSS_PART, say.WALK_PART, say.END_PART]
    texts = board.captions
    assert any(t.startswith("Step 1: ") for t in texts) and any("stochastic gradient descent" in t for t in texts)
    assert any(t.startswith("The dark pink gaps are its residuals") for t in texts)  # as drawn on white, not the dark theme's pink


@pytest.mark.parametrize(("theme", "word"), [("dark", "pink"), ("light", "dark pink")])
def test_the_residuals_are_called_by_the_colour_they_are_drawn_in(theme, word):
    from scenes.kit import style
    from scenes.kit.theme import colour_word, use_theme

    try:
        use_theme(theme)
        drawn = colour_word(style.SECANT)  # DataPlot draws the gaps in SECANT
    finally:
        use_theme("dark")
    walk, *_ = built_walk(line_loss, LINE_SETS["two"])
    line = say.start_lines(start_facts(walk, 2, drawn))[1]
    assert drawn == word and line.text.startswith(f"The {word} gaps are its residuals") and line.spoken


@pytest.mark.render
def test_fit_a_line_renders_with_its_captions(render):
    r = quick_render(render, FitALine, data=LINE_SETS["clean"], learning_rate=0.2)
    assert any("least-squares line" in s for s in r.subcaptions())


def test_a_course_file_list_of_pairs_becomes_data():
    from course.registry import coerce

    annotation = FitALine.parameters()["data"][0]
    data = coerce([[0, 1.2], [1, 2.9]], annotation)
    assert data == ((0.0, 1.2), (1.0, 2.9)) and isinstance(data[0], tuple)
    with_settings(FitALine, data=data).check()
    assert coerce(None, FitALine.parameters()["batch_size"][0]) is None and coerce(4, FitALine.parameters()["batch_size"][0]) == 4
