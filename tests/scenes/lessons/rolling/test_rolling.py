"""Tests of scenes/rolling.py and its walk parts: the step clock and trail helpers against
mathcore's DescentPath, the checks of validate(), dry runs of a family of functions (every
beat's claims, pace and layout), and real renders (the ball ends where the DescentPath
ends, the trail lies on the surface, the numbers and captions come from the facts)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from manim import VMobject, tempconfig

from mathcore import DomainError, ExpressionError, ScalarField, gradient_descent
from scenes.kit import style
from scenes.parts.walk.descent_walk import RollDescent, point_along, reveal_polyline, step_times, steps_in_view, subdivide_steps
from scenes.lessons.rolling.scene import BallRollsToMinimum, MomentumRace
from scenes.kit.theme import use_theme
from scenes.lessons.rolling.panel import colour_name
from scenes.kit.storyboard import dry_run
from tests.golden import CACHED

#: Run construct() with every animation but few, small frames and no files.
DRY = {"dry_run": True, "disable_caching": True, "pixel_width": 160, "pixel_height": 90, "frame_rate": 4,
       "verbosity": "ERROR", "progress_bar": "none", **CACHED}

HIMMELBLAU = "(n**2 + e - 11)**2 + (n + e**2 - 7)**2"
BOOTH = "(n + 2*e - 7)**2 + (2*n + e - 5)**2"
HIMMELBLAU_MINIMA = np.array([(3.0, 2.0), (-2.805118, 3.131312), (-3.779310, -3.283186), (3.584428, -1.848126)])


# -- variants (short timings keep the renders fast) -----------------------------------------------
class Quick:
    title = ""
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


def _dry(scene_class):
    with tempconfig(DRY):
        scene = scene_class()
        scene.render()
    return scene


def _surface_heights(scene, points, lift):
    """(value drawn, f there) for scene points raised ``lift`` above the hillside."""
    coords = np.array([scene.axes.p2c(p - lift * scene.hill.up()) for p in points])
    return coords[:, 2], scene.field(coords[:, 0], coords[:, 1])


def _label_text(label) -> str:
    """The words of an outcome label (the racer's name, then the status words)."""
    return " ".join(part.original_text for part in label)


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
    np.testing.assert_allclose(step_times(10, 0.5, 5.0), np.arange(11) * 0.5)
    np.testing.assert_allclose(step_times(11, 0.5, 5.0)[1], 0.5)


# -- the part of a walk over the hill ---------------------------------------------------------------
def test_steps_in_view_stop_at_the_first_point_off_the_hill():
    field = ScalarField("0.3*(n**2 + 2*e**2)", variables=("n", "e"))
    path = gradient_descent(field, (2.5, 2.0), learning_rate=2.0, max_steps=200)
    assert path.status == "diverged"
    count = steps_in_view(path.points, path.values, (-3, 3), (-3, 3), (0, 10))
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


def test_each_ball_has_its_own_colour_name_and_readable_colour():
    assert (colour_name(style.BALL), colour_name(style.MOMENTUM)) == ("Yellow", "Pink")
    use_theme("light")  # the light theme's ball is drawn olive: the captions say so
    try:
        assert (colour_name(style.BALL), colour_name(style.MOMENTUM)) == ("Olive", "Dark pink")
    finally:
        use_theme("dark")
    assert style.MOMENTUM != style.FUNCTION
    for colour in (style.BALL, style.MOMENTUM):
        assert style.contrast_ratio(colour, style.BACKGROUND) >= 4.5  # readouts in the ball's colour


# -- validate() names the bad setting in one line ------------------------------------------------------
@pytest.mark.parametrize(
    ("settings", "error", "message"),
    [
        ({"function": "n +* 2"}, ExpressionError, r"Bad\.function"),
        ({"start": (4.0, 0.0)}, ValueError, r"Bad\.start = \(4\.0, 0\.0\) must lie in n_range"),
        ({"start": (math.nan, 0.0)}, ValueError, r"Bad\.start"),
        ({"start": "here"}, ValueError, r"Bad\.start"),
        ({"function": "log(n) + e**2", "n_range": (-2.0, 2.0), "start": (-1.0, 0.0)}, DomainError, r"Bad\.start"),
        ({"function": "1/(n**2 + e**2 + 0.0001)", "start": (0.0, 0.01)}, DomainError, r"Bad\.start = .*outside the drawn range"),
        ({"learning_rate": -1}, ValueError, r"Bad\.learning_rate = -1"),
        ({"learning_rate": 0}, ValueError, r"Bad\.learning_rate = 0"),
        ({"learning_rate": math.nan}, ValueError, r"Bad\.learning_rate = nan"),
        ({"learning_rate": "fast"}, ValueError, r"Bad\.learning_rate"),
        ({"max_steps": 0}, ValueError, r"Bad\.max_steps"),
        ({"max_steps": 10**6}, ValueError, r"Bad\.max_steps"),
        ({"max_steps": 2.5}, ValueError, r"Bad\.max_steps"),
        ({"tolerance": -1e-8}, ValueError, r"Bad\.tolerance"),
        ({"roll_time": -1.0}, ValueError, r"Bad\.roll_time"),
        ({"roll_time": 1e9}, ValueError, r"Bad\.roll_time"),
        ({"ball_radius": math.nan}, ValueError, r"Bad\.ball_radius"),
    ],
)
def test_validate_names_the_bad_setting(settings, error, message):
    bad = type("Bad", (BallRollsToMinimum,), settings)
    with pytest.raises(error, match=message) as caught:
        bad.validate()
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("momentum", [1.0, -0.1, math.nan, "lots"])
def test_validate_rejects_bad_momentum(momentum):
    bad = type("Bad", (MomentumRace,), {"momentum": momentum})
    with pytest.raises(ValueError, match=r"Bad\.momentum"):
        bad.validate()


def test_the_settings_bound_the_clip_length():
    """The longest roll and the most steps any accepted setting allows stay under 3 minutes."""
    settings = BallRollsToMinimum.parameters()
    assert settings["roll_time"][0].__metadata__[0].high <= 60
    assert settings["max_steps"][0].__metadata__[0].high <= 5000
    times = step_times(5000, 10.0, 60.0)
    assert times[-1] <= 60.0


# -- dry runs of the function family: claims, pace and layout of every beat ---------------------------
# (more functions, and the race, are checked without manim in test_rolling_beats.py; a dry run
# takes 20-30 s here, so only the cases whose scene flow differs run in full)
FAMILY = [
    pytest.param(BallRollsToMinimum, {}, ("Rolling down into a valley", "rolls downhill", "reached a minimum"), id="default"),
    pytest.param(BallRollsToMinimum, {"function": "100*(n**2 + e**2)"},
                 ("A walk that diverges", "would land off the map at n = -122.50, e = -98.00: the ball stays put.", "diverged after 2 steps"), id="steep"),
    pytest.param(BallRollsToMinimum, {"function": BOOTH, "n_range": (-5.0, 5.0), "e_range": (-5.0, 5.0), "start": (-4.0, 4.0),
                                      "learning_rate": 0.05, "fit_walk": False},
                 ("A first step out of the picture", "would land off the map at n = -1.90, e = 5.50: the ball stays put.",
                  "all 196 steps, lies off the map"), id="booth pinned: told as drawn"),
    pytest.param(BallRollsToMinimum, {"function": BOOTH, "n_range": (-5.0, 5.0), "e_range": (-5.0, 5.0), "start": (-4.0, 4.0),
                                      "learning_rate": 0.05},
                 ("rolls downhill", "reached a minimum after 196 steps, at n = 1.00, e = 3.00"), id="booth widened to hold the walk"),
    pytest.param(MomentumRace, {"function": "n**2 + 10*e**2", "start": (-2.5, 1.5)},
                 ("the walks part after 2 steps, off the map",), id="race that parts off the map"),
    pytest.param(MomentumRace, {"momentum": 0.0},
                 ("both take the same steps", "Both balls reached a minimum", "momentum changes nothing"), id="racers coincide"),
]


@pytest.mark.parametrize(("scene_class", "settings", "phrases"), FAMILY)
def test_every_beat_is_true_and_paced(scene_class, settings, phrases):
    board = dry_run(scene_class, **settings)
    assert board.problems() == []
    assert board.duration < 180
    text = " ".join(board.captions)
    assert all(phrase in text for phrase in phrases), text
    assert "the minimum" not in text.lower() and "e-0" not in text
    if scene_class is MomentumRace and settings.get("momentum", 0.6) != 0:
        assert "one walk" not in text and "same steps" not in text and "changes nothing" not in text
    if "fit_walk" in settings:
        assert "reached" not in text and "minimum" not in text
    if settings.get("function") == "100*(n**2 + e**2)":
        assert "rolls" not in text


# -- real renders --------------------------------------------------------------------------------------
def _check_ball_and_trail(scene, rider):
    """The ball ends where the shown walk ends; every corner of its trail lies on the surface."""
    end = rider.path.points[rider.shown]
    radius = rider.ball.radius
    np.testing.assert_allclose(rider.ball.get_center(), scene.hill.point_at(*end, lift=radius), atol=1e-9)
    corners = np.vstack([rider.trail.get_start_anchors(), rider.trail.get_end_anchors()[-1:]])
    drawn, true = _surface_heights(scene, corners, scene.trail_lift)
    np.testing.assert_allclose(drawn, true, rtol=1e-9, atol=1e-9 * max(1.0, float(np.max(np.abs(true)))))
    if len(corners) > 1:
        drawn, true = _surface_heights(scene, (corners[1:] + corners[:-1]) / 2, scene.trail_lift)
        z_unit = scene.height_length / (scene.axes.z_range[1] - scene.axes.z_range[0])
        assert np.max(np.abs(drawn - true)) * z_unit < 0.01
    assert rider.trail.get_stroke_color(background=True).to_hex() == style.HALO.to_hex()  # a halo under the trail
    assert rider.trail.get_stroke_width(background=True) > rider.trail.get_stroke_width()
    assert rider.ball.halo > 0
    np.testing.assert_allclose(rider.marker.get_center(), scene.panel.inset.c2p(*end), atol=1e-9)
    if len(rider.map_trail.points):
        np.testing.assert_allclose(rider.map_trail.points[-1], scene.panel.inset.c2p(*end), atol=1e-9)


def _readout_text(readout) -> str:
    number = readout.number
    return number._get_num_string(number.number)


@pytest.mark.render
def test_ball_rolls_to_a_minimum(render):
    r = render(QuickRoll)
    assert r.movie.exists() and r.movie.stat().st_size > 0
    scene = r.scene
    path = scene.path
    expected = gradient_descent(scene.field, QuickRoll.start, learning_rate=0.25, max_steps=200, tolerance=1e-8)
    np.testing.assert_array_equal(path.points, expected.points)
    assert path.status == "converged" and scene.riders[0].shown == path.steps
    _check_ball_and_trail(scene, scene.riders[0])
    assert _readout_text(scene.riders[0].readout) == "0"  # a value that rounds to zero shows as 0
    assert _readout_text(scene.panel.step_readout) == str(path.steps)
    label = scene.panel.labels[0]
    assert _label_text(label) == f"converged after {path.steps} steps at (0, 0)"
    assert label[-1].color.to_hex() == style.status_color("converged").to_hex()
    subs = r.subcaptions()
    assert "A ball starts at n = 2.50, e = 2.00, where f = 4.28." in subs
    assert f"The ball reached a minimum after {path.steps} steps, at n = 0, e = 0, where f = 0." in subs
    assert subs[-1] == f"In {path.steps} steps f fell from 4.28 to 0."


@pytest.mark.render
def test_himmelblau_ball_ends_in_one_of_the_four_valleys(render):
    r = render(QuickFourValleys)
    scene = r.scene
    path = scene.path
    assert path.status == "converged"
    assert np.linalg.norm(HIMMELBLAU_MINIMA - path.final_point, axis=1).min() < 1e-4
    _check_ball_and_trail(scene, scene.riders[0])
    assert _label_text(scene.panel.labels[0]) == f"converged after {path.steps} steps at (-2.81, 3.13)"
    assert any("reached a minimum" in s and "n = -2.81, e = 3.13" in s for s in r.subcaptions())
    low, high = scene.axes.z_range[:2]
    assert high >= 500 and np.all((scene.hill.values >= low) & (scene.hill.values <= high))


@pytest.mark.render
def test_momentum_race_counts_come_from_mathcore(render):
    r = render(QuickRace)
    scene = r.scene
    settings = dict(learning_rate=QuickRace.learning_rate, max_steps=QuickRace.max_steps)
    plain = gradient_descent(scene.field, QuickRace.start, **settings)
    heavy = gradient_descent(scene.field, QuickRace.start, momentum=QuickRace.momentum, **settings)
    assert (scene.path.steps, scene.momentum_path.steps) == (plain.steps, heavy.steps)
    for rider in scene.riders:
        _check_ball_and_trail(scene, rider)
    plain_ball, heavy_ball = (rider.ball for rider in scene.riders)
    assert heavy_ball.radius > plain_ball.radius  # a ring around the plain ball where they meet
    order = scene.mobjects
    assert order.index(heavy_ball) < order.index(plain_ball)
    assert [_label_text(label) for label in scene.panel.labels] == [
        f"yellow: converged after {plain.steps} steps at (0, 0)",
        f"pink: converged after {heavy.steps} steps at (0, 0)",
    ]
    for label, colour in zip(scene.panel.labels, (style.BALL, style.MOMENTUM)):  # name in the racer's colour
        assert label[0].color.to_hex() == colour.to_hex()
        assert label[1].color.to_hex() == style.status_color("converged").to_hex()
    subs = r.subcaptions()
    assert subs[-1] == f"Plain steps needed {plain.steps}; with momentum 0.6, {heavy.steps}. That is 2.8 times fewer."
    first = next(i for i, s in enumerate(subs) if s.startswith("Pink reached a minimum"))
    second = next(i for i, s in enumerate(subs) if s.startswith("Yellow reached a minimum"))
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
                                   scene.hill.point_at(*rider.path.points[k], lift=rider.ball.radius), atol=1e-9)
        assert rider.readout.number.number == pytest.approx(round(rider.path.values[k], 2))


def test_a_walk_that_leaves_the_picture_is_drawn_up_to_where_it_leaves():
    scene = _dry(type("Diverging", (Quick, BallRollsToMinimum), {"learning_rate": 2.0}))
    rider = scene.riders[0]
    assert rider.path.status == "diverged" and rider.shown == 1 < rider.path.steps
    _check_ball_and_trail(scene, rider)
    assert _label_text(scene.panel.labels[0]) == f"diverged after {rider.path.steps} steps; off the map after 1 step"
    assert scene.panel.labels[0][-1].color.to_hex() == style.status_color("diverged").to_hex()
    assert _all_finite(scene)


@pytest.mark.parametrize(("function", "status"), [("n**2 - e**2", "flat_start"), ("0.3*(n**2 + 2*e**2)", "converged")])
def test_a_flat_start_draws_no_trail(function, status):
    scene = _dry(type("Flat", (Quick, BallRollsToMinimum), {"function": function, "start": (0.0, 0.0)}))
    rider = scene.riders[0]
    assert rider.path.status == status and rider.path.steps == 0 and rider.shown == 0
    assert len(rider.trail.points) == 0 and len(rider.map_trail.points) == 0
    np.testing.assert_allclose(rider.ball.get_center(), scene.hill.point_at(0.0, 0.0, lift=rider.ball.radius), atol=1e-12)
    assert _all_finite(scene)


def test_panel_digits_are_readable_at_480p():
    """Digits in the side panel are at least 14 px tall at 480p (0.235 scene units)."""
    with tempconfig(DRY):
        scene = QuickRace()
        scene.setup()
    panel = scene.panel
    digits = [panel.step_readout.number, *(r.readout.number for r in scene.riders), panel.rule[-1]]
    for mobject in digits:
        assert mobject.height >= 0.235, mobject
    for mobject in (panel.inset, panel.rule, panel.readouts):
        box = mobject.get_critical_point([-1, -1, 0]), mobject.get_critical_point([1, 1, 0])
        side = scene.zones.side
        assert side.left - 0.02 <= box[0][0] and box[1][0] <= side.right + 0.02
        assert side.bottom - 0.02 <= box[0][1] and box[1][1] <= side.top + 0.02


# -- shape and looks -----------------------------------------------------------------------------------
@pytest.mark.parametrize("scene_class", [BallRollsToMinimum, MomentumRace])
def test_at_most_five_project_classes_in_the_mro(scene_class):
    """Composition over layers: the panel is a part the scene holds, not a base class."""
    ours = [k for k in scene_class.__mro__ if k.__module__.startswith("scenes")]
    assert len(ours) <= 5, ours


def test_each_racer_has_a_clean_trail_in_its_own_colour_and_labels_in_status_colours():
    scene = _dry(type("Parting", (Quick, MomentumRace), {"function": "n**2 + 10*e**2", "start": (-2.5, 1.5), "learning_rate": 0.05}))
    colours = (style.BALL, style.MOMENTUM)
    for rider, colour in zip(scene.riders, colours):
        for trail in (rider.trail, rider.map_trail):
            assert trail.get_stroke_color().to_hex() == colour.to_hex()  # not green: green means converged
            assert trail.get_fill_opacity() == 0 and trail.joint_type.name == "ROUND"  # no spiky mitred zigzags
        assert rider.readout.number.color.to_hex() == colour.to_hex()
    status = set(style.STATUS_COLORS.values())
    assert all(c.to_hex() not in {s.to_hex() for s in status} for c in colours)  # a racer never looks like a status
    for label, rider in zip(scene.panel.labels, scene.riders):
        assert label[-1].color.to_hex() == style.status_color(rider.facts.shown_status).to_hex()


def test_a_walk_widened_into_view_is_drawn_whole():
    """Booth from (-4, 4), eta 0.05: the view grows to e = 6 and the ball rolls all 196 steps."""
    settings = {"function": BOOTH, "n_range": (-5.0, 5.0), "e_range": (-5.0, 5.0), "start": (-4.0, 4.0), "learning_rate": 0.05}
    scene = _dry(type("Booth", (Quick, BallRollsToMinimum), settings))
    assert scene.e_range == (-5.0, 6.0) and scene.n_range == (-5.0, 5.0)
    assert type(scene).e_range == (-5.0, 5.0)  # the class keeps the teacher's setting
    rider = scene.riders[0]
    assert rider.shown == rider.path.steps == 196
    _check_ball_and_trail(scene, rider)
    pinned = _dry(type("BoothPinned", (Quick, BallRollsToMinimum), {**settings, "fit_walk": False}))
    assert pinned.riders[0].shown == 0 and _readout_text(pinned.panel.step_readout) == "0"


def test_no_scene_class_over_250_lines():
    import ast
    from pathlib import Path

    import scenes.lessons.rolling.scene as home

    tree = ast.parse(Path(home.__file__).read_text())
    sizes = {node.name: node.end_lineno - node.lineno + 1 for node in tree.body if isinstance(node, ast.ClassDef)}
    assert set(sizes) == {"RollingLesson", "BallRollsToMinimum", "MomentumRace"}
    assert max(sizes.values()) <= 250, sizes


def test_the_panel_needs_only_what_its_contract_states():
    """RollingPanel is built from an object with just the PanelHill attributes (not a scene)."""
    from types import SimpleNamespace

    from scenes.lessons.rolling.panel import PanelHill, PanelLook, Racer, RollingPanel

    with tempconfig(DRY):
        scene = QuickRoll()
        scene.setup()
    hill = SimpleNamespace(**{name: getattr(scene, name) for name in PanelHill.__annotations__})
    panel = RollingPanel(hill, [Racer(scene.path, 3, style.BALL)], PanelLook(), scene.digits, ["w", "values"])
    assert len(panel.riders) == 1 and panel.riders[0].shown == 3
    assert set(map(id, panel.pinned)) >= {id(panel.inset), id(panel.rule), id(panel.readouts), id(panel.formula)}
