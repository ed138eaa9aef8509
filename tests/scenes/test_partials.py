"""Tests of scenes/partials.py: the pure helpers, the geometry of the slices against mathcore,
rejected configurations, and real renders (default, Himmelblau, inputs named x and y)."""

from __future__ import annotations

import textwrap

import numpy as np
import pytest
import sympy
from manim import DEGREES, tempconfig

from mathcore import DomainError, ExpressionError, ScalarField
from scenes import style
from scenes.parts.fast3d import View, camera_rotation
from scenes.partials import PartialDerivatives, SlicePlane, compass, slice_runs, tangent_caption, walk_words
from tests.golden import CACHED

#: Build or run a scene with every animation but few, small frames and no files.
DRY = {"dry_run": True, "disable_caching": True, "pixel_width": 160, "pixel_height": 90, "frame_rate": 4,
       "verbosity": "ERROR", "progress_bar": "none", **CACHED}

HIMMELBLAU = "(n**2 + e - 11)**2 + (n + e**2 - 7)**2"


# -- variants (short timings keep the renders fast) ---------------------------------------------
class QuickPartials(PartialDerivatives):
    read_time = 0.3
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
    text = f"{value:.{decimals}f}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text


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


def test_tangent_caption_names_the_trend_and_the_flat_case():
    assert tangent_caption("y", "n", "0.90", "north").endswith("∂y/∂n = 0.90: walking north, the ground rises.")
    assert "the ground falls" in tangent_caption("y", "e", "-38.00", "east")
    flat = tangent_caption("z", "x", "0.00", "along x")
    assert "∂z/∂x = 0.00" in flat and "flat" in flat and "rises" not in flat and "falls" not in flat
    for text in (flat, tangent_caption("y", "n", "-123456.00", "north")):
        assert len(textwrap.wrap(text, PartialDerivatives.caption_width)) <= 2


# -- the cutting plane --------------------------------------------------------------------------
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
        assert piece.shown == _shown(exact(n0, e0)) == _shown(field.gradient((n0, e0))[k])
        assert piece.readout.tex_strings[-1] == piece.shown
        assert sympy.latex(exact.expr) in piece.readout.tex_strings
    assert scene.summary.tex_strings[2] == scene.slices[0].shown and scene.summary.tex_strings[6] == scene.slices[1].shown
    assert scene.formula[2].tex_strings[1] == _shown(field(n0, e0))


def test_default_point_has_two_different_nonzero_partials():
    scene = _built(PartialDerivatives)
    slopes = scene.slopes
    assert np.all(np.abs(slopes) > 0.3) and abs(slopes[0] - slopes[1]) > 0.2
    np.testing.assert_allclose(slopes, [0.9, 1.2])


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


@pytest.mark.parametrize("scene_class", [PartialDerivatives, HimmelblauPartials])
def test_tangents_touch_the_point_with_the_partial_as_slope(scene_class):
    scene = _built(scene_class)
    n0, e0 = scene_class.point
    middle = scene.surface_point(n0, e0)
    h = 1e-5
    for k, piece in enumerate(scene.slices):
        start, end = piece.tangent.get_start(), piece.tangent.get_end()
        np.testing.assert_allclose((start + end) / 2, middle, atol=1e-9)
        assert np.linalg.norm(end - start) == pytest.approx(scene_class.tangent_length)
        # In coordinates: rise over run along input k is the partial, and it matches a finite difference.
        a, b = scene.axes.p2c(start), scene.axes.p2c(end)
        assert abs(b[1 - k] - a[1 - k]) < 1e-9
        slope = (b[2] - a[2]) / (b[k] - a[k])
        step = np.eye(2)[k] * h
        finite = (scene.field(n0 + step[0], e0 + step[1]) - scene.field(n0 - step[0], e0 - step[1])) / (2 * h)
        assert slope == pytest.approx(scene.slopes[k], rel=1e-9) and slope == pytest.approx(finite, rel=1e-5, abs=1e-6)


def test_other_variable_names_flow_into_labels():
    scene = _built(XYPartials)
    assert scene.y_name == "z"
    assert [label.tex_string for label in scene.axis_labels] == ["x", "y", "z"]
    assert scene.formula[0].tex_string.startswith("z = ")
    assert scene.slices[0].readout.tex_strings[0] == r"\frac{\partial z}{\partial x}"
    assert [piece.shown for piece in scene.slices] == ["0.00", "1.00"]  # 2x - y and y - x at (1, 2)


# -- bad configurations are rejected, naming the class and attribute --------------------------
def _variant(**attributes):
    return type("Bad", (PartialDerivatives,), attributes)


@pytest.mark.parametrize(
    ("attributes", "error", "match"),
    [
        ({"point": (4.0, 0.0)}, ValueError, r"Bad\.point = \(4\.0, 0\.0\) must lie in n_range"),
        ({"point": (1.0,)}, ValueError, r"Bad\.point must be two numbers"),
        ({"point": "here"}, ValueError, r"Bad\.point must be two numbers"),
        ({"function": "1/(n - 1)", "point": (1.0, 0.0)}, DomainError, r"Bad\.point: .* undefined at \(1, 0\)"),
        # Defined, but its slopes are not: the cone's tip.
        ({"function": "sqrt(n**2 + e**2)", "point": (0.0, 0.0)}, DomainError, r"Bad\.point: .*slopes are undefined"),
        # Defined, but far above the drawn heights (the hill is cut off there).
        ({"function": "1/(n**2 + e**2 + 0.001)", "point": (0.0, 0.0)}, DomainError, r"Bad\.point = .*outside the drawn range"),
        ({"function": "n +* e"}, ExpressionError, r"n \+\* e"),
        ({"function": "n + q"}, ExpressionError, "q"),
        ({"first_slice_view": (200.0, 0.0)}, ValueError, r"Bad\.first_slice_view"),
        ({"second_slice_view": (70.0,)}, ValueError, r"Bad\.second_slice_view must be two numbers"),
        ({"tangent_length": 0.0}, ValueError, r"Bad\.tangent_length"),
        ({"turn_time": -1.0}, ValueError, r"Bad\.turn_time"),
        ({"sweep_time": True}, ValueError, r"Bad\.sweep_time"),
    ],
)
def test_validate_rejects_bad_settings(attributes, error, match):
    bad = _variant(**attributes)
    with pytest.raises(error, match=match):
        bad.validate()
    with pytest.raises(error):  # also when the manim command builds the scene
        _built(bad)


def test_flat_point_is_valid_and_captioned_as_flat():
    """At the bottom of the valley both slices are flat: no NaN, a level tangent, honest captions."""

    class AtTheBottom(QuickPartials):
        title = ""
        point = (0.0, 0.0)

    AtTheBottom.validate()
    with tempconfig(DRY):
        scene = AtTheBottom()
        scene.render()
    assert [piece.shown for piece in scene.slices] == ["0.00", "0.00"]
    for piece in scene.slices:
        assert abs(piece.tangent.get_end()[2] - piece.tangent.get_start()[2]) < 1e-12  # level
    for mobject in scene.mobjects:
        for part in mobject.family_members_with_points():
            assert np.all(np.isfinite(part.points)), part


# -- real renders -------------------------------------------------------------------------------
def _check_render(r, scene_class):
    """The captions tell the story in order with mathcore's numbers; the end state is right."""
    assert r.movie.exists() and r.movie.stat().st_size > 0
    subs = r.subcaptions()
    scene = r.scene
    field = ScalarField(scene_class.function, variables=scene_class.variables)
    (n0, e0), (v0, v1), y = scene_class.point, scene_class.variables, scene.y_name
    d0, d1 = (_shown(field.partial(v)(n0, e0)) for v in (v0, v1))
    expected = [
        f"the hillside {y} = f({v0}, {v1})",
        f"Stand at {v0} = {_shown(n0)}, {v1} = {_shown(e0)}. The height there is {y} = {_shown(field(n0, e0))}.",
        f"Hold {v1} at {_shown(e0)} and walk {walk_words(v0, 0)}",
        f"∂{y}/∂{v0} = {d0}",
        f"Now hold {v0} at {_shown(n0)} and walk {walk_words(v1, 1)}",
        f"∂{y}/∂{v1} = {d1}",
        f"So ∂{y}/∂{v0} = {d0} is the slope walking {walk_words(v0, 0)}, and ∂{y}/∂{v1} = {d1} the slope walking {walk_words(v1, 1)}.",
    ]
    positions = [next(i for i, s in enumerate(subs) if e in s) for e in expected]
    assert positions == sorted(positions), subs
    assert all(len(textwrap.wrap(s, scene_class.caption_width)) <= 2 for s in subs)
    # The end: back at the starting view, both planes gone, the summary and both tangents on screen.
    assert scene.camera.get_phi() == pytest.approx(scene_class.phi * DEGREES)
    assert scene.camera.get_theta() == pytest.approx(scene_class.theta * DEGREES)
    on_screen = scene.mobjects
    assert scene.summary in on_screen and all(p.tangent in on_screen for p in scene.slices)
    assert not any(p.plane in on_screen for p in scene.slices) and not any(p.readout in on_screen for p in scene.slices)
    np.testing.assert_allclose(scene.ball.get_center(), scene.surface_point(n0, e0))
    return subs


@pytest.mark.render
def test_default_renders_with_both_partials(render):
    subs = _check_render(render(QuickPartials), QuickPartials)
    assert subs[0] == "Partial derivatives: One slope for each direction"
    assert any("∂y/∂n = 0.90: walking north, the ground rises." in s for s in subs)
    assert any("∂y/∂e = 1.20: walking east, the ground rises." in s for s in subs)


@pytest.mark.render
def test_himmelblau_renders_with_its_partials(render):
    subs = _check_render(render(HimmelblauPartials), HimmelblauPartials)
    # (n^2 + e - 11) = -9 and (n + e^2 - 7) = -5 at (1, 1): 4n(-9) + 2(-5) and 2(-9) + 4e(-5).
    assert any("∂y/∂n = -46.00: walking north, the ground falls." in s for s in subs)
    assert any("∂y/∂e = -38.00: walking east, the ground falls." in s for s in subs)
    assert any("y = 106.00" in s for s in subs)


@pytest.mark.render
def test_inputs_named_x_and_y_render_with_their_names(render):
    subs = _check_render(render(XYPartials), XYPartials)
    assert "north" not in " ".join(subs) and "east" not in " ".join(subs)
    assert any("The tangent at the point is level, ∂z/∂x = 0.00" in s for s in subs)
    assert any("∂z/∂y = 1.00: walking along y, the ground rises." in s for s in subs)


def test_redraw_makes_the_hill_redrawn_while_a_plane_fades_in():
    """Without Redraw the hill would sit in the still background and the fading plane would be
    painted over all of it, then pop behind it when the animation ends."""
    from manim import FadeIn

    from scenes.partials import Redraw

    scene = _built(PartialDerivatives)
    plane = scene.slices[0].plane
    scene.add(scene.axes, scene.hill, plane)
    assert scene.hill not in scene.get_moving_mobjects(FadeIn(plane))
    moving = scene.get_moving_mobjects(FadeIn(plane), Redraw(scene.axes))
    assert scene.axes in moving and scene.hill in moving
