"""Tests of scenes/partials.py: the pure helpers, the geometry of the slices against mathcore,
rejected configurations, and real renders (default, Himmelblau, inputs named x and y)."""

from __future__ import annotations


import numpy as np
import pytest
from manim import DEGREES, MathTex, tempconfig

from mathcore import DomainError, ExpressionError, ScalarField
from scenes.kit import style
from scenes.kit.numbers import number
from scenes.parts.hill3d.fast3d import View, camera_rotation
from scenes.parts.hill3d.slice_plane import Redraw, SlicePlane, slice_runs
from scenes.lessons.partials.scene import PartialDerivatives
from scenes.lessons.partials.captions import compass, walk_words
from scenes.kit.storyboard import dry_run
from tests.golden import CACHED

#: Build or run a scene with every animation but few, small frames and no files.
DRY = {"dry_run": True, "disable_caching": True, "pixel_width": 160, "pixel_height": 90, "frame_rate": 4,
       "verbosity": "ERROR", "progress_bar": "none", **CACHED}

HIMMELBLAU = "(n**2 + e - 11)**2 + (n + e**2 - 7)**2"


# -- variants (short timings keep the renders fast) ---------------------------------------------
class QuickPartials(PartialDerivatives):
    sweep_time = 0.4
    draw_time = 0.3
    turn_time = 0.5


class HimmelblauPartials(QuickPartials):
    function = HIMMELBLAU
    n_range = (-5.0, 5.0)
    e_range = (-5.0, 5.0)
    point = (1.0, 1.0)


class XYPartials(QuickPartials):
    """Inputs named x and y (so the height is z); ∂z/∂x = 2x - y is 0 at the point."""

    title = ""
    variables = ("x", "y")
    function = "x**2 - x*y + 0.5*y**2"
    n_range = (-2.5, 2.5)
    e_range = (-2.5, 2.5)
    point = (1.0, 2.0)


def _built(scene_class) -> PartialDerivatives:
    with tempconfig(DRY):
        scene = scene_class()
        scene.setup()
    return scene


def _shown(value: float, decimals: int = 2) -> str:
    return number(value, decimals)


# -- pure helpers -------------------------------------------------------------------------------
def test_slice_runs_split_at_gaps_and_outside_the_window():
    values = np.array([np.nan, 1.0, 2.0, 3.0, 11.0, 4.0, np.nan, 5.0, 6.0, 7.0])
    runs = slice_runs(values, (0.0, 10.0))
    assert runs == [slice(1, 4), slice(7, 10)]  # the lone 4.0 cannot make a line
    assert slice_runs(np.array([1.0, 2.0]), (0.0, 10.0)) == [slice(0, 2)]
    assert slice_runs(np.array([np.nan, np.inf, -1.0]), (0.0, 10.0)) == []


def test_walk_words_use_the_compass_only_for_n_and_e():
    assert (walk_words("n", 0), walk_words("e", 1)) == ("north", "east")
    assert (compass("x", 0), walk_words("x", 0), walk_words("y", 1)) == (None, "along x", "along y")
    assert walk_words("e", 0) == "along e"  # east is the second input, not the first


def _view(phi=70, theta=-60):
    return View(camera_rotation(phi * DEGREES, theta * DEGREES), np.zeros(3), 20.0, 1.0, False,
                (10.0, 0.0, 0.0, -10.0, 80.0, 45.0), (160, 90), np.array([-7.0, -9.0, 10.0]))


def test_slice_plane_faces_tile_the_rectangle_with_an_outline():
    plane = SlicePlane([0, 0, 0], [4, 0, 0], [0, 0, 2], columns=8, rows=4, color=style.MOMENTUM, fill_opacity=0.25)
    assert plane.points.shape == (9 * 5, 3) and plane.faces.shape == (32, 4)
    assert np.allclose(plane.points[:, 1], 0) and plane.points[:, 0].max() == 4 and plane.points[:, 2].max() == 2
    # Every edge of the border is stroked exactly once: 2 * (8 + 4) edges.
    assert sum(bin(int(m)).count("1") for m in plane.outline) == 24
    batch = plane.faces_for_view(_view())
    assert len(batch) == 32
    np.testing.assert_allclose(batch.rgba[:, :3], np.tile(style.MOMENTUM.to_rgb(), (32, 1)))
    np.testing.assert_allclose(batch.rgba[:, 3], 0.25)
    plane.set_opacity(0.5)  # what FadeIn / FadeOut drive
    np.testing.assert_allclose(plane.faces_for_view(_view()).rgba[:, 3], 0.125)
    assert plane.set_opacity(0).faces_for_view(_view()) is None


# -- what the scene builds agrees with mathcore -------------------------------------------------
@pytest.mark.parametrize("scene_class", [PartialDerivatives, HimmelblauPartials, XYPartials])
def test_numbers_and_formulas_come_from_mathcore(scene_class):
    scene = _built(scene_class)
    field = ScalarField(scene_class.function, variables=scene_class.variables)
    n0, e0 = scene_class.point
    for k, name in enumerate(scene_class.variables):
        piece = scene.slices[k]
        exact = field.partial(name)
        assert piece.facts.shown == _shown(exact(n0, e0)) == _shown(field.gradient((n0, e0))[k])
        texts = [t for m in piece.readout.get_family() if isinstance(m, MathTex) for t in m.tex_strings]
        assert piece.facts.shown in texts
        assert any(exact.latex in t for t in texts) or not fits_in_panel(scene, exact.latex)
    assert scene.where[1].tex_strings[1] == _shown(field(n0, e0))
    assert scene.formula.tex_string.startswith(f"{scene.y_name} = ")


def fits_in_panel(scene, latex: str) -> bool:
    return MathTex(latex, font_size=style.READOUT_SIZE).width <= scene.zones.side.width


def test_default_point_has_two_different_nonzero_partials():
    scene = _built(PartialDerivatives)
    np.testing.assert_allclose(scene.facts.gradient, [0.9, 1.2])


@pytest.mark.parametrize("scene_class", [PartialDerivatives, HimmelblauPartials])
def test_slices_lie_on_the_surface_and_in_their_planes(scene_class):
    scene = _built(scene_class)
    n0, e0 = scene_class.point
    lift = 0.02 * scene.hill.up()
    for k, piece in enumerate(scene.slices):
        points = np.vstack([p.get_anchors() for p in piece.curve])  # handles lie on chords
        coords = np.array([scene.axes.p2c(p - lift) for p in points])
        held = coords[:, 1 - k]
        np.testing.assert_allclose(held, e0 if k == 0 else n0, atol=1e-9)
        np.testing.assert_allclose(coords[:, 2], scene.field(coords[:, 0], coords[:, 1]), rtol=1e-6, atol=1e-6)
        plane = np.array([scene.axes.p2c(p) for p in piece.plane.points])
        np.testing.assert_allclose(plane[:, 1 - k], e0 if k == 0 else n0, atol=1e-9)


@pytest.mark.parametrize("scene_class", [PartialDerivatives, HimmelblauPartials, XYPartials])
def test_tangents_pass_the_point_with_the_partial_as_slope_inside_the_box(scene_class):
    scene = _built(scene_class)
    n0, e0 = scene_class.point
    middle = scene.surface_point(n0, e0)
    low, high = scene.axes.z_range[:2]
    h = 1e-5
    for k, piece in enumerate(scene.slices):
        start, end = piece.tangent.get_start(), piece.tangent.get_end()
        a, b = scene.axes.p2c(start), scene.axes.p2c(end)
        assert low - 1e-9 <= min(a[2], b[2]) and max(a[2], b[2]) <= high + 1e-9  # cut to the drawn box
        assert np.linalg.norm(end - start) <= scene_class.tangent_length + 1e-9
        # The point lies on the segment.
        t = np.dot(middle - start, end - start) / np.dot(end - start, end - start)
        assert 0 < t < 1 and np.linalg.norm(start + t * (end - start) - middle) < 1e-9
        assert abs(b[1 - k] - a[1 - k]) < 1e-9
        slope = (b[2] - a[2]) / (b[k] - a[k])
        step = np.eye(2)[k] * h
        finite = (scene.field(n0 + step[0], e0 + step[1]) - scene.field(n0 - step[0], e0 - step[1])) / (2 * h)
        assert slope == pytest.approx(scene.facts.gradient[k], rel=1e-9, abs=1e-12) and slope == pytest.approx(finite, rel=1e-5, abs=1e-6)


def test_slices_and_tangents_have_their_own_colours_and_halos():
    scene = _built(PartialDerivatives)
    colours = {piece.curve[0].get_stroke_color().to_hex() for piece in scene.slices}
    tangent = scene.slices[0].tangent.get_stroke_color().to_hex()
    assert len(colours) == 2 and tangent not in colours and style.FUNCTION.to_hex() not in colours
    for piece in scene.slices:
        for line in (*piece.curve, piece.tangent):
            assert line.get_stroke_color(background=True).to_hex() == style.HALO.to_hex()
            assert line.get_stroke_width(background=True) > line.get_stroke_width()


def test_other_variable_names_flow_into_labels():
    scene = _built(XYPartials)
    assert scene.y_name == "z"
    assert [label.tex_string for label in scene.axis_labels] == ["x", "y", "z"]
    assert scene.formula.tex_string.startswith("z = ")
    assert [piece.facts.shown for piece in scene.slices] == ["0", "1.00"]  # 2x - y and y - x at (1, 2)
    assert [piece.facts.slope for piece in scene.slices] == [0.0, 1.0]


# -- bad configurations are rejected, naming the class and attribute --------------------------
def _variant(**attributes):
    return type("Bad", (PartialDerivatives,), attributes)


@pytest.mark.parametrize(
    ("attributes", "error", "match"),
    [
        ({"point": (9.0, 0.0)}, ValueError, r"Bad\.point = \(9\.0, 0\.0\) must lie in n_range"),
        ({"point": (1.0,)}, ValueError, r"Bad\.point"),
        ({"point": "here"}, ValueError, r"Bad\.point"),
        ({"point": (float("nan"), 0.0)}, ValueError, r"Bad\.point"),
        ({"function": "log(n) + e", "point": (-1.0, 0.0)}, DomainError, r"Bad\.point"),
        ({"function": "n +* e"}, ExpressionError, r"Bad\.function"),
        ({"tangent_length": 0}, ValueError, r"Bad\.tangent_length"),
        ({"sweep_time": -1}, ValueError, r"Bad\.sweep_time"),
        ({"first_slice_view": (200.0, 0.0)}, ValueError, r"Bad\.first_slice_view"),
        ({"second_slice_view": (70.0,)}, ValueError, r"Bad\.second_slice_view"),
        ({"decimals": 400}, ValueError, r"Bad\.decimals"),
        ({"caption_width": 0}, ValueError, r"Bad\.caption_width"),
    ],
)
def test_validate_rejects_bad_settings(attributes, error, match):
    with pytest.raises(error, match=match) as info:
        _variant(**attributes).validate()
    assert "\n" not in str(info.value)


# -- the story, without drawing: every caption true, paced and clear of the layout ------------
def test_himmelblau_story_is_true_paced_and_laid_out():
    board = dry_run(HimmelblauPartials)
    assert board.problems() == []
    text = " ".join(board.captions)
    # (n^2 + e - 11) = -9 and (n + e^2 - 7) = -5 at (1, 1): 4n(-9) + 2(-5) and 2(-9) + 4e(-5).
    assert "slope, ∂y/∂n = -46.00, is negative: walking north, the ground falls." in text
    assert "slope, ∂y/∂e = -38.00, is negative: walking east, the ground falls." in text
    assert "The height there is y = 106.00." in text


def test_a_saddle_point_says_flat_and_saddle():
    board = dry_run(QuickPartials, function="n**2 - e**2", point=(0.0, 0.0))
    assert board.problems() == []
    assert any("The tangent is flat here, ∂y/∂n = 0" in c for c in board.captions)
    assert any("saddle" in c for c in board.captions)


# -- one real render ------------------------------------------------------------------------
@pytest.mark.render
def test_inputs_named_x_and_y_render_with_their_names(render):
    r = render(XYPartials)
    assert r.movie.exists() and r.movie.stat().st_size > 0
    subs = " ".join(r.subcaptions())
    assert "north" not in subs and "east" not in subs
    assert "The tangent is flat here, ∂z/∂x = 0: walking along x" in subs
    assert "∂z/∂y = 1.00, is positive: walking along y, the ground rises." in subs
    scene = r.scene
    assert scene.camera.get_phi() == pytest.approx(XYPartials.phi * DEGREES)
    assert all(p.tangent in scene.mobjects for p in scene.slices) and not any(p.plane in scene.mobjects for p in scene.slices)


def test_redraw_makes_the_hill_redrawn_while_a_plane_fades_in():
    """Without Redraw the hill would sit in the still background and the fading plane would be
    painted over all of it, then pop behind it when the animation ends."""
    from manim import FadeIn

    scene = _built(PartialDerivatives)
    plane = scene.slices[0].plane
    scene.add(scene.axes, scene.hill, plane)
    assert scene.hill not in scene.get_moving_mobjects(FadeIn(plane))
    moving = scene.get_moving_mobjects(FadeIn(plane), Redraw(scene.axes))
    assert scene.axes in moving and scene.hill in moving
