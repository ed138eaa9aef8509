"""Tests of scenes/rolling.py: the pure helpers against mathcore's DescentPath, the checks of
validate(), and real renders (the ball ends where the DescentPath ends, the trail lies on
the surface, the numbers and captions come from mathcore)."""

from __future__ import annotations

import textwrap

import numpy as np
import pytest
from manim import VMobject, tempconfig

from mathcore import DomainError, ExpressionError, ScalarField, gradient_descent
from scenes import style
from scenes.parts.descent_walk import RollDescent, point_along, reveal_polyline, step_times, steps_in_view, subdivide_steps
from scenes.rolling import BallRollsToMinimum, MomentumRace, outcome_words, race_summary, readable
from tests.golden import CACHED

#: Run construct() with every animation but few, small frames and no files.
DRY = {"dry_run": True, "disable_caching": True, "pixel_width": 160, "pixel_height": 90, "frame_rate": 4,
       "verbosity": "ERROR", "progress_bar": "none", **CACHED}

HIMMELBLAU = "(n**2 + e - 11)**2 + (n + e**2 - 7)**2"
HIMMELBLAU_MINIMA = np.array([(3.0, 2.0), (-2.805118, 3.131312), (-3.779310, -3.283186), (3.584428, -1.848126)])


# -- variants (short timings keep the renders fast) -----------------------------------------------
class Quick:
    title = ""
    read_time = 0.2
    look_turn = 10.0
    step_time = 0.1
    roll_time = 1.5


class QuickRoll(Quick, BallRollsToMinimum):
    pass


class QuickRace(Quick, MomentumRace):
    roll_time = 2.0


class QuickFourValleys(Quick, BallRollsToMinimum):
    function = HIMMELBLAU
    n_range = (-5.0, 5.0)
    e_range = (-5.0, 5.0)
    start = (-0.5, 0.5)
    learning_rate = 0.01


class Diverging(Quick, BallRollsToMinimum):
    learning_rate = 2.0


class SaddleStart(Quick, BallRollsToMinimum):
    function = "n**2 - e**2"
    start = (0.0, 0.0)


class AtTheMinimum(Quick, BallRollsToMinimum):
    start = (0.0, 0.0)


def _dry(scene_class):
    with tempconfig(DRY):
        scene = scene_class()
        scene.render()
    return scene


def _surface_heights(scene, points, lift):
    """(value drawn, f there) for scene points raised ``lift`` above the hillside."""
    coords = np.array([scene.axes.p2c(p - lift * scene.hill.up()) for p in points])
    return coords[:, 2], scene.field(coords[:, 0], coords[:, 1])


def _all_finite(scene) -> bool:
    return all(np.all(np.isfinite(part.points)) for m in scene.mobjects for part in m.get_family())


# -- the step clock --------------------------------------------------------------------------------
def test_step_times_are_even_while_the_walk_fits():
    np.testing.assert_allclose(step_times(5, 0.4, 7.0), [0.0, 0.4, 0.8, 1.2, 1.6, 2.0])
    assert step_times(0, 0.4, 7.0).tolist() == [0.0]


def test_a_long_walk_takes_roll_time_with_a_full_first_step():
    times = step_times(116, 0.4, 7.0)
    assert times[0] == 0 and times[-1] == pytest.approx(7.0)
    assert times[1] == pytest.approx(0.4)
    gaps = np.diff(times)
    assert np.all(gaps > 0) and np.all(np.diff(gaps) < 0)  # later steps pass faster
    # At the border (steps * step_time == roll_time) both rules agree: even steps.
    np.testing.assert_allclose(step_times(10, 0.5, 5.0), np.arange(11) * 0.5)
    np.testing.assert_allclose(step_times(11, 0.5, 5.0)[1], 0.5)


# -- the part of a walk over the hill ---------------------------------------------------------------
def test_steps_in_view_stop_at_the_first_point_off_the_hill():
    field = ScalarField("0.3*(n**2 + 2*e**2)", variables=("n", "e"))
    path = gradient_descent(field, (2.5, 2.0), learning_rate=2.0, max_steps=200)
    assert path.status == "diverged"
    count = steps_in_view(path.points, path.values, (-3, 3), (-3, 3), (0, 10))
    # (2.5, 2) -> (-0.5, -2.8) -> (0.1, 3.92): e leaves (-3, 3) at the third point.
    assert count == 2 and abs(path.points[2, 1]) > 3
    points, values = [[0, 0], [0, 9], [0, 0]], [0.0, 0.0, 0.0]
    assert steps_in_view(points, values, (-1, 1), (-1, 1), (0, 1)) == 1  # coming back does not count
    assert steps_in_view([[0, 0], [0.5, 0.5]], [0.0, 5.0], (-1, 1), (-1, 1), (0, 1)) == 1  # too high
    assert steps_in_view([[0, 0], [0.5, 0.5]], [0.0, 0.5], (-1, 1), (-1, 1), (0, 1)) == 2


def test_subdivide_steps_keeps_the_walk_points_at_their_marks():
    points = np.array([[0.0, 0.0], [1.0, 0.0], [1.0, 3.0]])
    dense, marks = subdivide_steps(points, [2, 3])
    assert marks.tolist() == [0, 2, 5]
    np.testing.assert_allclose(dense[marks], points)
    np.testing.assert_allclose(dense, [[0, 0], [0.5, 0], [1, 0], [1, 1], [1, 2], [1, 3]])
    with pytest.raises(ValueError):
        subdivide_steps(points, [1, 0])


def test_reveal_polyline_ends_where_point_along_says():
    corners = np.array([[0.0, 0, 0], [1, 0, 0], [1, 2, 0]])
    line = VMobject()
    assert len(reveal_polyline(line, corners, 0.0).points) == 0
    reveal_polyline(line, corners, 1.5)
    np.testing.assert_allclose(line.points[-1], point_along(corners, 1.5))
    np.testing.assert_allclose(point_along(corners, 1.5), [1, 1, 0])
    reveal_polyline(line, corners, 2.0)
    np.testing.assert_allclose(line.points[[0, -1]], corners[[0, -1]])
    assert len(line.points) == 8  # two straight cubic pieces
    np.testing.assert_allclose(point_along(corners, 9.0), corners[-1])


def test_outcome_words_say_what_mathcore_found():
    field = ScalarField("0.3*(n**2 + 2*e**2)", variables=("n", "e"))
    path = gradient_descent(field, (2.5, 2.0), learning_rate=0.25, max_steps=200)
    assert outcome_words(path, path.steps) == f"converged after {path.steps} steps at (0.00, 0.00)"
    diverged = gradient_descent(field, (2.5, 2.0), learning_rate=2.0, max_steps=200)
    assert outcome_words(diverged, 1) == f"diverged at step {diverged.steps}; leaves the picture after step 1"
    assert outcome_words(gradient_descent(field, (0.0, 0.0)), 0) == "already at a minimum: no step to take"
    saddle = gradient_descent(ScalarField("n**2 - e**2", variables=("n", "e")), (0.0, 0.0))
    assert saddle.status == "flat_start" and outcome_words(saddle, 0) == "flat start: the gradient is zero here"


def test_race_summary_compares_the_step_counts():
    field = ScalarField(MomentumRace.function, variables=("n", "e"))
    plain = gradient_descent(field, (2.5, 2.0), learning_rate=0.45)
    heavy = gradient_descent(field, (2.5, 2.0), learning_rate=0.45, momentum=0.6)
    text = race_summary(plain, heavy)
    assert text.startswith(f"Plain descent needed {plain.steps} steps; with momentum 0.6 it needed {heavy.steps} steps.")
    assert f"{plain.steps / heavy.steps:.1f} times fewer" in text
    stuck = gradient_descent(field, (2.5, 2.0), learning_rate=0.45, max_steps=20)
    assert "20 steps and did not settle (max steps)" in race_summary(stuck, heavy)


def test_default_race_lets_momentum_win_clearly():
    field = ScalarField(MomentumRace.function, variables=("n", "e"))
    settings = dict(learning_rate=MomentumRace.learning_rate, max_steps=MomentumRace.max_steps)
    plain = gradient_descent(field, MomentumRace.start, **settings)
    heavy = gradient_descent(field, MomentumRace.start, momentum=MomentumRace.momentum, **settings)
    assert plain.status == heavy.status == "converged"
    assert heavy.steps * 2 < plain.steps


def test_readable_lightens_only_dark_colours():
    assert readable(style.BALL) == style.BALL and readable(style.DESCENT) == style.DESCENT
    lighter = readable(style.MOMENTUM)
    assert lighter != style.MOMENTUM and sum(lighter.to_rgb()) > sum(style.MOMENTUM.to_rgb())


# -- validate() names the bad setting ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("settings", "error", "message"),
    [
        ({"function": "n +* 2"}, ExpressionError, r"Bad\.function"),
        ({"start": (4.0, 0.0)}, ValueError, r"Bad\.start = \(4\.0, 0\.0\) must lie in n_range"),
        ({"start": "here"}, ValueError, r"Bad\.start"),
        ({"function": "log(n) + e**2", "n_range": (-2.0, 2.0), "start": (-1.0, 0.0)}, DomainError, r"Bad\.start"),
        ({"function": "1/(n**2 + e**2 + 0.0001)", "start": (0.0, 0.01)}, DomainError, r"Bad\.start = .*outside the drawn range"),
        ({"learning_rate": 0}, ValueError, r"Bad\.learning_rate .*got 0"),
        ({"learning_rate": "fast"}, ValueError, r"Bad\.learning_rate"),
        ({"max_steps": 0}, ValueError, r"Bad\.max_steps"),
        ({"max_steps": 2.5}, ValueError, r"Bad\.max_steps"),
        ({"tolerance": -1e-8}, ValueError, r"Bad\.tolerance"),
        ({"roll_time": -1.0}, ValueError, r"Bad\.roll_time"),
        ({"ball_radius": float("nan")}, ValueError, r"Bad\.ball_radius"),
    ],
)
def test_validate_names_the_bad_setting(settings, error, message):
    bad = type("Bad", (BallRollsToMinimum,), settings)
    with pytest.raises(error, match=message):
        bad.validate()


@pytest.mark.parametrize("momentum", [1.0, -0.1, "lots"])
def test_validate_rejects_bad_momentum(momentum):
    bad = type("Bad", (MomentumRace,), {"momentum": momentum})
    with pytest.raises(ValueError, match=r"Bad\.momentum"):
        bad.validate()


def test_validate_accepts_the_defaults_and_himmelblau():
    for scene_class in (BallRollsToMinimum, MomentumRace, QuickFourValleys, SaddleStart, AtTheMinimum, Diverging):
        scene_class.validate()


# -- real renders --------------------------------------------------------------------------------------
def _check_ball_and_trail(scene, rider):
    """The ball ends where the shown walk ends; every corner of its trail lies on the surface."""
    end = rider.path.points[rider.shown]
    np.testing.assert_allclose(rider.ball.get_center(), scene.hill.point_at(*end, lift=scene.ball_radius), atol=1e-9)
    corners = np.vstack([rider.trail.get_start_anchors(), rider.trail.get_end_anchors()[-1:]])
    drawn, true = _surface_heights(scene, corners, scene.trail_lift)
    np.testing.assert_allclose(drawn, true, rtol=1e-9, atol=1e-9 * max(1.0, float(np.max(np.abs(true)))))
    # Between corners too: the pieces are short, so no chord cuts through or floats off the hill.
    if len(corners) > 1:
        drawn, true = _surface_heights(scene, (corners[1:] + corners[:-1]) / 2, scene.trail_lift)
        z_unit = scene.height_length / (scene.axes.z_range[1] - scene.axes.z_range[0])
        assert np.max(np.abs(drawn - true)) * z_unit < 0.01
    np.testing.assert_allclose(corners[[0, -1]], [scene.hill.point_at(*rider.path.points[0], lift=scene.trail_lift),
                                                  scene.hill.point_at(*end, lift=scene.trail_lift)], atol=1e-9)
    # The top view's path ends at the same point, with its marker.
    np.testing.assert_allclose(rider.marker.get_center(), scene.inset.c2p(*end), atol=1e-9)
    np.testing.assert_allclose(rider.map_trail.points[-1], scene.inset.c2p(*end), atol=1e-9)


def _readout_text(readout) -> str:
    number = readout.number
    return number._get_num_string(number.number)


@pytest.mark.render
def test_ball_rolls_to_the_minimum(render):
    r = render(QuickRoll)
    assert r.movie.exists() and r.movie.stat().st_size > 0
    scene = r.scene
    path = scene.path
    expected = gradient_descent(scene.field, QuickRoll.start, learning_rate=0.25, max_steps=200, tolerance=1e-8)
    np.testing.assert_array_equal(path.points, expected.points)
    assert path.status == "converged" and scene.riders[0].shown == path.steps
    _check_ball_and_trail(scene, scene.riders[0])
    assert _readout_text(scene.riders[0].readout) == "0.00" and scene.number(path.final_value) == "0"
    assert _readout_text(scene.step_readout) == str(path.steps)
    assert scene.labels[0].original_text == f"converged after {path.steps} steps at (0, 0)"
    subs = r.subcaptions()
    assert "A ball starts at n = 2.50, e = 2.00, where f = 4.28." in subs[2]
    assert " ".join(subs).count(path.message[:40]) == 1
    assert subs[-1] == f"In {path.steps} steps f fell from 4.28 to 0."
    assert all(len(textwrap.wrap(s, scene.caption_width)) <= 2 for s in subs)


@pytest.mark.render
def test_himmelblau_ball_ends_in_one_of_the_four_valleys(render):
    r = render(QuickFourValleys)
    scene = r.scene
    path = scene.path
    assert path.status == "converged"
    gaps = np.linalg.norm(HIMMELBLAU_MINIMA - path.final_point, axis=1)
    assert gaps.min() < 1e-4
    _check_ball_and_trail(scene, scene.riders[0])
    a, b = (scene.number(v) for v in path.final_point)
    assert scene.labels[0].original_text == f"converged after {path.steps} steps at ({a}, {b})"
    assert float(_readout_text(scene.riders[0].readout)) == float(scene.number(path.final_value))
    assert any(path.message[:30] in s for s in r.subcaptions())
    # The vertical scale fits Himmelblau's hundreds: the whole hill lies inside the axes.
    low, high = scene.axes.z_range[:2]
    assert high >= 500 and np.all((scene.hill.values >= low) & (scene.hill.values <= high))


@pytest.mark.render
def test_momentum_race_counts_come_from_mathcore(render):
    r = render(QuickRace)
    scene = r.scene
    field = scene.field
    plain = gradient_descent(field, QuickRace.start, learning_rate=QuickRace.learning_rate, max_steps=QuickRace.max_steps)
    heavy = gradient_descent(field, QuickRace.start, learning_rate=QuickRace.learning_rate, momentum=QuickRace.momentum,
                             max_steps=QuickRace.max_steps)
    assert (scene.path.steps, scene.momentum_path.steps) == (plain.steps, heavy.steps)
    np.testing.assert_array_equal(scene.momentum_path.points, heavy.points)
    for rider in scene.riders:
        _check_ball_and_trail(scene, rider)
    assert [label.original_text for label in scene.labels] == [
        f"plain: converged after {plain.steps} steps at (0, 0)",
        f"momentum 0.6: converged after {heavy.steps} steps at (0, 0)",
    ]
    assert _readout_text(scene.step_readout) == str(plain.steps)
    subs = r.subcaptions()
    assert subs[-1] == race_summary(plain, heavy)
    # The faster ball is labelled first, then the other finishes.
    first = next(i for i, s in enumerate(subs) if s.startswith("The ball with momentum: reached"))
    second = next(i for i, s in enumerate(subs) if s.startswith("The plain ball: reached"))
    assert first < second


def test_riders_keep_one_step_pace():
    """Step k of both walks is shown at the same moment of the race."""
    with tempconfig(DRY):
        scene = QuickRace()
        scene.setup()
    roll = RollDescent(scene.riders, scene.times, 0.0, float(scene.times[-1]))
    k = 10
    alpha = scene.times[k] / scene.times[-1]
    assert roll.step_at(alpha) == pytest.approx(k)
    roll.interpolate_mobject(alpha)
    for rider in scene.riders:
        np.testing.assert_allclose(rider.ball.get_center(),
                                   scene.hill.point_at(*rider.path.points[k], lift=scene.ball_radius), atol=1e-9)
        assert rider.readout.number.number == pytest.approx(float(scene.number(rider.path.values[k])))


# -- statuses other than converged are told honestly (dry runs: every animation, no files) -------------
def test_diverging_walk_is_drawn_up_to_where_it_leaves():
    scene = _dry(Diverging)
    rider = scene.riders[0]
    assert rider.path.status == "diverged" and rider.shown == 1 < rider.path.steps
    _check_ball_and_trail(scene, rider)
    assert scene.labels[0].original_text == f"diverged at step {rider.path.steps}; leaves the picture after step 1"
    assert _readout_text(rider.readout) == scene.number(rider.path.values[1])
    assert _all_finite(scene)


@pytest.mark.parametrize(("scene_class", "status", "words"), [
    (SaddleStart, "flat_start", "flat start: the gradient is zero here"),
    (AtTheMinimum, "converged", "already at a minimum: no step to take"),
])
def test_a_flat_start_says_so(scene_class, status, words):
    scene = _dry(scene_class)
    rider = scene.riders[0]
    assert rider.path.status == status and rider.path.steps == 0 and rider.shown == 0
    assert scene.labels[0].original_text == words
    assert len(rider.trail.points) == 0 and len(rider.map_trail.points) == 0
    np.testing.assert_allclose(rider.ball.get_center(), scene.hill.point_at(0.0, 0.0, lift=scene.ball_radius), atol=1e-12)
    assert _all_finite(scene)


def test_outcome_words_of_a_walk_that_runs_out_of_steps():
    field = ScalarField(HIMMELBLAU, variables=("n", "e"))
    path = gradient_descent(field, (0.0, 0.0), learning_rate=0.005, momentum=0.8, max_steps=200)
    assert path.status == "max_steps"
    assert outcome_words(path, path.steps) == "max steps: stopped after 200 steps at (3.00, 2.00)"
