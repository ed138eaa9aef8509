"""Tests of scenes/gradient.py: the pure helpers against mathcore, the arrows' geometry,
rejected configurations, and real renders of both scenes (default and Himmelblau)."""

from __future__ import annotations

import math
import textwrap

import numpy as np
import pytest
from manim import tempconfig

from mathcore import DomainError, ExpressionError, ScalarField
from scenes.kit import style
from scenes.gradient import GradientField, GradientOnHillside
from scenes.lessons.gradient.scene import turn_stops
from scenes.parts.hill3d.arrow_field import arrow_grid, arrow_lengths, grid_feet, level_tangent
from scenes.kit.numbers import number
from scenes.parts.hill3d.contours import contour_lines
from scenes.kit.storyboard import dry_run
from tests.golden import CACHED

#: Build or run a scene with every animation but few, small frames and no files.
DRY = {"dry_run": True, "disable_caching": True, "pixel_width": 160, "pixel_height": 90, "frame_rate": 4,
       "verbosity": "ERROR", "progress_bar": "none", **CACHED}

HIMMELBLAU = "(n**2 + e - 11)**2 + (n + e**2 - 7)**2"
BOWL = ScalarField("0.3*(n**2 + 2*e**2)", variables=("n", "e"))


# -- variants (short timings keep the renders fast) ---------------------------------------------
class QuickHillside(GradientOnHillside):
    read_time = 0.3
    orbit_time = 1.0
    turn_time = 2.0


class HimmelblauHillside(QuickHillside):
    function = HIMMELBLAU
    n_range = (-5.0, 5.0)
    e_range = (-5.0, 5.0)
    point = (1.0, 1.0)


class QuickField(GradientField):
    read_time = 0.3
    top_view_time = 1.0


class HimmelblauField(QuickField):
    function = HIMMELBLAU
    n_range = (-5.0, 5.0)
    e_range = (-5.0, 5.0)
    point = (1.0, 1.0)


def _built(scene_class):
    with tempconfig(DRY):
        scene = scene_class()
        scene.setup()
    return scene


def _shown(value: float, decimals: int = 2) -> str:
    return number(value, decimals)


def _direction(arrow) -> np.ndarray:
    step = arrow.get_end() - arrow.get_start()
    return step / np.linalg.norm(step)


def _map_direction(scene, arrow) -> np.ndarray:
    """The direction of an arrow on the map in (n, e) coordinates (the map runs north up)."""
    origin = scene.map.c2p(0.0, 0.0)
    basis = np.column_stack([(scene.map.c2p(1.0, 0.0) - origin)[:2], (scene.map.c2p(0.0, 1.0) - origin)[:2]])
    along = np.linalg.solve(basis, (arrow.get_end() - arrow.get_start())[:2])
    return along / np.linalg.norm(along)


# -- pure helpers -------------------------------------------------------------------------------
def test_turn_stops_are_steepest_then_level_with_mathcore_slopes():
    point = (1.5, 1.0)
    gradient = BOWL.gradient(point)
    stops = turn_stops(gradient)
    assert [kind for _, kind in stops] == ["steepest", "level"]
    assert stops[0][0] == pytest.approx(math.atan2(1.2, 0.9))
    assert stops[1][0] == pytest.approx(stops[0][0] + math.pi / 2)
    slopes = [BOWL.directional_derivative(point, (math.cos(t), math.sin(t))) for t, _ in stops]
    assert slopes[0] == pytest.approx(BOWL.steepest_slope(point)) == pytest.approx(1.5)
    assert slopes[1] == pytest.approx(0.0, abs=1e-12)


@pytest.mark.parametrize(
    ("gradient", "expected"),
    [
        ((0.0, -1.0), [(0.0, "level"), (1.5 * math.pi, "steepest")]),  # the level way comes first
        ((-1.0, -1.0), [(1.25 * math.pi, "steepest"), (1.75 * math.pi, "level")]),
        ((0.0, 1.0), [(0.5 * math.pi, "steepest"), (math.pi, "level")]),
    ],
)
def test_turn_stops_lie_in_one_turn_in_order(gradient, expected):
    stops = turn_stops(gradient)
    assert [k for _, k in stops] == [k for _, k in expected]
    np.testing.assert_allclose([t for t, _ in stops], [t for t, _ in expected], atol=1e-12)
    assert all(0 <= t < 2 * math.pi for t, _ in stops)


def test_grid_feet_are_cell_centres():
    feet = grid_feet((-3.0, 3.0), (0.0, 2.0), 3)
    assert feet.shape == (9, 2)
    assert sorted(set(feet[:, 0])) == pytest.approx([-2.0, 0.0, 2.0])
    assert sorted(set(np.round(feet[:, 1], 12))) == pytest.approx([1 / 3, 1.0, 5 / 3])


def test_arrow_lengths_are_proportional_then_cut_off():
    magnitudes = np.array([0.0, 1.0, 2.0, 3.0, 4.0, 100.0, np.nan])
    lengths = arrow_lengths(magnitudes, cap=0.5, quantile=0.5)
    # The median of the finite magnitudes (2.5) maps to the cap.
    np.testing.assert_allclose(lengths[:3], magnitudes[:3] * 0.5 / 2.5)
    np.testing.assert_allclose(lengths[3:6], 0.5)
    assert np.isnan(lengths[6])
    order = np.argsort(magnitudes[:6])
    assert np.all(np.diff(lengths[:6][order]) >= 0)
    assert np.all(np.isnan(arrow_lengths(np.array([np.nan, np.inf]), cap=1.0)))


def test_level_tangent_of_a_circle_is_perpendicular_to_the_radius():
    circle = ScalarField("n**2 + e**2", variables=("n", "e"))
    lines = contour_lines(circle, (-2, 2), (-2, 2), level=1.0)
    for angle in np.linspace(0, 2 * math.pi, 7):
        point = (math.cos(angle), math.sin(angle))
        tangent, distance = level_tangent(lines, point)
        assert distance < 1e-3
        assert abs(np.dot(tangent, point)) < 0.02
        assert np.linalg.norm(tangent) == pytest.approx(1.0)


def test_arrow_grid_skips_flat_and_undefined_feet():
    field = ScalarField("log(n) + e**2", variables=("n", "e"))
    grid = arrow_grid(field, (-2.0, 2.0), (-2.0, 2.0), 4)
    assert np.all(grid.feet[:, 0] > 0)  # log(n) is undefined for n <= 0
    assert np.all(np.isfinite(grid.lengths)) and np.all(np.isfinite(grid.tips))
    bowl = arrow_grid(BOWL, (-3.0, 3.0), (-3.0, 3.0), 7)
    assert not np.any(np.all(bowl.feet == 0.0, axis=1))  # no arrow at the flat bottom
    np.testing.assert_allclose(bowl.gradients, [BOWL.gradient(f) for f in bowl.feet])
    assert bowl.capped and bowl.lengths.max() == pytest.approx(0.5 * 6 / 7)


# -- the hillside scene: what it builds agrees with mathcore -----------------------------------
@pytest.mark.parametrize("scene_class", [GradientOnHillside, HimmelblauHillside])
def test_hillside_arrows_start_at_the_point_and_lie_level(scene_class):
    scene = _built(scene_class)
    field = ScalarField(scene_class.function, variables=scene_class.variables)
    g = field.gradient(scene_class.point)
    assert scene.steepest == pytest.approx(field.steepest_slope(scene_class.point))
    base = scene.base
    np.testing.assert_allclose(base, scene.surface_point(*scene_class.point, lift=scene.ball.radius))
    arrows = {"gradient": (scene.gradient_arrow, g), "descent": (scene.descent_arrow, -g),
              "n": (scene.n_arrow, (g[0], 0.0)), "e": (scene.e_arrow, (0.0, g[1]))}
    for name, (arrow, vector) in arrows.items():
        np.testing.assert_allclose(arrow.get_start(), base, atol=1e-9, err_msg=name)
        points = np.vstack([m.points for m in arrow.family_members_with_points()])
        np.testing.assert_allclose(points[:, 2], base[2], atol=1e-9, err_msg=name)  # flat in the level plane
        # In coordinates the arrow is the slope vector, to the common scale.
        step = (scene.axes.p2c(arrow.get_end()) - scene.axes.p2c(arrow.get_start()))[:2]
        np.testing.assert_allclose(step * scene.unit / scene.scale, vector, rtol=1e-9, atol=1e-9, err_msg=name)
    assert np.linalg.norm(scene.gradient_arrow.get_end() - base) == pytest.approx(scene_class.arrow_length)
    # Tip to tail: the n arrow's tip plus the e arrow's vector is the gradient's tip.
    tail_to_tip = scene.n_arrow.get_end() + (scene.e_arrow.get_end() - scene.e_arrow.get_start())
    np.testing.assert_allclose(tail_to_tip, scene.gradient_arrow.get_end(), atol=1e-9)


def test_hillside_readouts_show_mathcore_numbers():
    scene = _built(GradientOnHillside)
    assert scene.gradient_readout.tex_string.endswith("(0.90,\\ 1.20)")
    assert scene.length_readout.tex_string.endswith("= 1.50")
    assert [m.tex_string.split("= ")[-1] for m in scene.partial_readouts] == ["0.90", "1.20"]


# -- the field scene: arrows cross the contour lines at right angles ----------------------------
@pytest.mark.parametrize("scene_class", [GradientField, HimmelblauField])
def test_field_arrows_cross_contour_lines_at_right_angles(scene_class):
    scene = _built(scene_class)
    field = ScalarField(scene_class.function, variables=scene_class.variables)
    assert len(scene.arrows) == len(scene.feet) >= scene_class.grid**2 // 2
    for arrow, down, foot in zip(scene.arrows, scene.down_arrows, scene.feet):
        np.testing.assert_allclose(arrow.get_start(), scene.map.c2p(*foot), atol=1e-9)
        np.testing.assert_allclose(down.get_start(), scene.map.c2p(*foot), atol=1e-9)
        lines = contour_lines(field, scene_class.n_range, scene_class.e_range, float(field(*foot)), resolution=160)
        tangent, distance = level_tangent(lines, foot)
        assert distance < 0.02
        along = _map_direction(scene, arrow)
        assert abs(np.dot(along, tangent)) < 0.03, foot
        # Uphill: the arrow points where f grows; the flipped one where it falls.
        uphill = field.gradient(foot) / np.linalg.norm(field.gradient(foot))
        assert np.dot(along, uphill) > 0.999
        assert np.dot(_map_direction(scene, down), uphill) < -0.999


@pytest.mark.parametrize("scene_class", [GradientField, HimmelblauField])
def test_field_arrow_lengths_follow_the_steepness(scene_class):
    scene = _built(scene_class)
    drawn = np.array([np.linalg.norm(a.get_end() - a.get_start()) for a in scene.arrows])
    order = np.argsort(scene.magnitudes, kind="stable")
    assert np.all(np.diff(drawn[order]) >= -1e-9)  # steeper: never shorter
    spacing = (scene_class.n_range[1] - scene_class.n_range[0]) / scene_class.grid * scene.unit
    assert drawn.max() <= scene_class.arrow_cap * spacing + 1e-9  # inside its own cell: no overlap
    below_cap = drawn < scene_class.arrow_cap * spacing - 1e-9
    ratios = drawn[below_cap] / scene.magnitudes[below_cap]
    np.testing.assert_allclose(ratios, ratios[0], rtol=1e-9)  # proportional to |∇f| up to the cap


def test_right_angle_mark_sits_at_the_marked_foot():
    scene = _built(GradientField)
    foot = scene.feet[scene.marked]
    assert np.linalg.norm(foot - np.array(GradientField.point)) <= np.min(
        np.linalg.norm(scene.feet - np.array(GradientField.point), axis=1)) + 1e-12
    corners = scene.right_angle.get_anchors()
    start = scene.map.c2p(*foot)
    across, along = (leg / np.linalg.norm(leg) for leg in (corners[0] - start, corners[-1] - start))
    assert abs(np.dot(across, along)) < 0.21  # about square: the first leg follows the traced contour line
    np.testing.assert_allclose(along, _direction(scene.arrows[scene.marked]), atol=1e-9)  # one leg along the arrow


# -- bad configuration fails before anything is drawn, naming the attribute -------------------
def _variant(base, **attributes):
    return type("Bad", (base,), attributes)


@pytest.mark.parametrize(
    ("base", "attributes", "error", "match"),
    [
        (GradientOnHillside, {"orbit_tilt": 95}, ValueError, r"Bad\.orbit_tilt"),
        (GradientOnHillside, {"decimals": 400}, ValueError, r"Bad\.decimals"),
        (GradientOnHillside, {"point": (float("nan"), 0.0)}, ValueError, r"Bad\.point"),
        (GradientOnHillside, {"point": (9.0, 0.0)}, ValueError, r"Bad\.point"),
        (GradientOnHillside, {"function": "log(n) + e", "point": (-1.0, 1.0)}, DomainError, r"Bad\.point.*undefined"),
        (GradientOnHillside, {"function": "n +* 2"}, ExpressionError, r"Bad\.function"),
        (GradientOnHillside, {"function": "1/n + e", "point": (0.01, 1.0)}, DomainError, r"Bad\.point.*outside the drawn range"),
        (GradientOnHillside, {"turn_time": 0}, ValueError, r"Bad\.turn_time"),
        (GradientOnHillside, {"arrow_length": "long"}, ValueError, r"Bad\.arrow_length"),
        (GradientField, {"grid": 2}, ValueError, r"Bad\.grid"),
        (GradientField, {"levels": 8.0}, ValueError, r"Bad\.levels"),
        (GradientField, {"arrow_cap": 2.0}, ValueError, r"Bad\.arrow_cap"),
        (GradientField, {"point": (0.0, 5.0)}, ValueError, r"Bad\.point"),
        (GradientField, {"function": "n**2 - n**2 + 1 + 0*e"}, DomainError, r"Bad: .*flat or undefined at every point"),
    ],
)
def test_validate_rejects_bad_settings(base, attributes, error, match):
    bad = _variant(base, **attributes)
    with pytest.raises(error, match=match):
        bad.validate()
    with pytest.raises(error):  # also when the manim command builds the scene
        _built(bad)


def test_defaults_and_himmelblau_are_valid():
    for scene_class in (GradientOnHillside, GradientField, HimmelblauHillside, HimmelblauField):
        scene_class.validate()


# -- real renders -------------------------------------------------------------------------------
def _in_order(subs: list[str], expected: list[str]) -> None:
    positions = [next(i for i, s in enumerate(subs) if e in s) for e in expected]
    assert positions == sorted(positions), subs


def _check_hillside(r, scene_class) -> None:
    assert r.movie.exists() and r.movie.stat().st_size > 0
    subs = r.subcaptions()
    scene = r.scene
    field = ScalarField(scene_class.function, variables=scene_class.variables)
    point = scene_class.point
    g, steepest = field.gradient(point), field.steepest_slope(point)
    n, e = scene_class.variables
    along = field.directional_derivative(point, g)
    across = field.directional_derivative(point, (-g[1], g[0]))
    down = field.directional_derivative(point, -g)
    _in_order(subs, [
        f"Stand at the point {n} = {_shown(point[0])}, {e} = {_shown(point[1])}",
        f"∂f/∂{n} = {_shown(g[0])}; along {e} alone it is ∂f/∂{e} = {_shown(g[1])}",
        "Tip to tail",
        f"|∇f| = {_shown(steepest)}",
        f"Lined up with the gradient, the slope is {_shown(along)}",
        f"At right angles to the gradient: slope {_shown(across)}",
        f"between -{_shown(steepest)} and {_shown(steepest)}",
        f"Along -∇f = ({_shown(-g[0])}, {_shown(-g[1])}) the slope is {_shown(down)}",
    ])
    assert _shown(along) == _shown(steepest) and _shown(across) == "0" and _shown(down) == _shown(-steepest)
    assert all(len(textwrap.wrap(s, scene_class.caption_width)) <= 2 for s in subs)
    # The end: the direction arrow points down the hill from the point, the readout says so.
    t = scene.angle.get_value()
    np.testing.assert_allclose([math.cos(t), math.sin(t)], -g / steepest, atol=1e-9)
    np.testing.assert_allclose(scene.direction_arrow.get_start(), scene.base, atol=1e-9)
    step = (scene.axes.p2c(scene.direction_arrow.get_end()) - scene.axes.p2c(scene.base))[:2]
    np.testing.assert_allclose(step / np.linalg.norm(step), -g / steepest, atol=1e-6)
    assert scene.slope_readout.number.number == pytest.approx(down)
    # Its digits were rebuilt when the sign changed: they too stay pinned to the screen.
    assert set(scene.slope_readout.family_members_with_points()) <= scene.camera.fixed_in_frame_mobjects
    assert scene.descent_arrow in scene.mobjects and scene.gradient_arrow in scene.mobjects


@pytest.mark.render
def test_hillside_renders_its_story(render):
    _check_hillside(render(QuickHillside), QuickHillside)


def test_a_flat_point_says_no_direction_is_steepest():
    board = dry_run(QuickHillside, function="n**2 - e**2", point=(0.0, 0.0))
    assert board.problems() == []
    text = " ".join(board.captions)
    assert "At a flat point, no way is steepest" in text  # the title card follows the facts
    assert "saddle" in text and "no direction is steepest" in text and "steepest way down" not in text


def test_himmelblau_hillside_story_is_true_paced_and_laid_out():
    board = dry_run(HimmelblauHillside)
    assert board.problems() == []
    assert any("∂f/∂n = -46.00; along e alone it is ∂f/∂e = -38.00" in c for c in board.captions)


def _check_field(r, scene_class) -> None:
    assert r.movie.exists() and r.movie.stat().st_size > 0
    subs = r.subcaptions()
    scene = r.scene
    _in_order(subs, ["again. Now look at it from straight above", "it is a map, north up and east to the right", "draw ∇f as an arrow",
                     "at a right angle", "point uphill", "-∇f points straight downhill"])
    assert all(len(textwrap.wrap(s, scene_class.caption_width)) <= 2 for s in subs)
    assert scene.camera.get_phi() == pytest.approx(0.0)  # the top view
    # The arrows were turned round: each now points down the hill from its foot.
    field = ScalarField(scene_class.function, variables=scene_class.variables)
    for arrow, foot in zip(scene.arrows, scene.feet):
        np.testing.assert_allclose(arrow.get_start(), scene.map.c2p(*foot), atol=1e-6)
        uphill = field.gradient(foot) / np.linalg.norm(field.gradient(foot))
        assert np.dot(_map_direction(scene, arrow), uphill) < -0.999
        assert arrow.get_color() == style.DESCENT
    assert scene.hill not in scene.mobjects and scene.map in scene.mobjects


def test_a_plane_field_says_every_arrow_is_the_same():
    board = dry_run(QuickField, function="0.5*n + 0.2*e")
    assert board.problems() == []
    assert any("Every arrow is the same" in c for c in board.captions)


@pytest.mark.render
def test_himmelblau_field_renders_its_story(render):
    _check_field(render(HimmelblauField), HimmelblauField)
