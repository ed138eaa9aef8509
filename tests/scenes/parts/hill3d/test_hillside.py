"""The fast 3-D hillside: projection, depth order, holes, shading, and a real small render."""

from __future__ import annotations

import numpy as np
import pytest
from manim import DEGREES, DOWN, ORIGIN, UP, Text, ThreeDCamera, TracedPath, config, linear, tempconfig
from manim.utils.color import get_shaded_rgb

from mathcore import DomainError, ScalarField
from scenes.kit import style
from scenes.kit.lesson import LessonScene3D
from scenes.parts.hill3d.axes3d import LessonAxes3D
from scenes.parts.hill3d.ball3d import RollAlong, ShadedBall
from scenes.parts.hill3d.fast3d import FastThreeDCamera, camera_rotation, project, shade
from scenes.parts.hill3d.hill_grid import sample_hill
from scenes.parts.hill3d.hillside import HillsideMesh, _auto_step
from scenes.kit.beats import NO_FACTS

SMALL = {"pixel_width": 320, "pixel_height": 180, "verbosity": "WARNING"}


def _camera(cls, phi, theta, gamma=0.0, zoom=1.0, focal=20.0, center=ORIGIN, exponential=False):
    camera = cls(exponential_projection=exponential)
    camera.set_phi(phi)
    camera.set_theta(theta)
    camera.set_gamma(gamma)
    camera.set_zoom(zoom)
    camera.set_focal_distance(focal)
    camera.frame_center = center
    camera.reset_rotation_matrix()
    return camera


# -- projection ---------------------------------------------------------------------------------
@pytest.mark.parametrize("exponential", [False, True])
def test_projection_matches_three_d_camera(exponential):
    rng = np.random.default_rng(7)
    with tempconfig(SMALL):
        for _ in range(12):
            phi, theta, gamma = rng.uniform(0, np.pi), rng.uniform(-np.pi, np.pi), rng.uniform(-0.5, 0.5)
            zoom, focal = rng.uniform(0.5, 2.0), rng.uniform(5, 30)
            center = rng.uniform(-1, 1, 3)
            stock = _camera(ThreeDCamera, phi, theta, gamma, zoom, focal, center, exponential)
            fast = _camera(FastThreeDCamera, phi, theta, gamma, zoom, focal, center, exponential)
            points = rng.uniform(-4, 4, (50, 3))
            ours, in_front = project(points, fast.view())
            np.testing.assert_allclose(ours, stock.project_points(points.copy()), rtol=1e-12, atol=1e-12)
            assert in_front.all()
            np.testing.assert_allclose(camera_rotation(phi, theta, gamma), stock.get_rotation_matrix(), atol=1e-12)


def test_points_behind_the_eye_are_flagged():
    with tempconfig(SMALL):
        camera = _camera(FastThreeDCamera, 0.0, -90 * DEGREES, focal=5.0)  # looking down the z axis
        _, in_front = project(np.array([[0, 0, 0], [0, 0, 4.9], [0, 0, 6.0]]), camera.view())
    assert in_front.tolist() == [True, True, False]


def test_pixels_follow_the_cairo_frame():
    with tempconfig(SMALL):
        camera = _camera(FastThreeDCamera, 0.0, -90 * DEGREES)
        view = camera.view()
        corners = np.array([[-config.frame_width / 2, config.frame_height / 2, 0], [config.frame_width / 2, -config.frame_height / 2, 0]])
        np.testing.assert_allclose(view.pixels(corners), [[0, 0], [320, 180]], atol=1e-9)


# -- depth order --------------------------------------------------------------------------------
def _plane(height: float, color, size: float = 1.0) -> HillsideMesh:
    return HillsideMesh(
        f"{height} + 0*n", (-size, size), (-size, size), 4, colors=[color], shading=0, grid_step=0, value_range=(-5, 5)
    )


@pytest.mark.parametrize("phi,theta", [(0, -90), (50, -60), (70, 30), (130, 10)])
@pytest.mark.parametrize("near_first", [True, False])
def test_a_far_face_is_never_painted_over_a_near_one(phi, theta, near_first):
    red, blue = "#FF0000", "#0000FF"
    with tempconfig(SMALL):
        camera = _camera(FastThreeDCamera, phi * DEGREES, theta * DEGREES)
        top, bottom = _plane(1.0, red), _plane(-1.0, blue)
        eye = camera.view().eye
        near, far = (top, bottom) if eye[2] > 0 else (bottom, top)
        camera.capture_mobjects([near, far] if near_first else [far, near])
        x, y = camera.view().pixels(project(near.get_center()[None], camera.view())[0])[0]
        pixel = camera.pixel_array[int(y), int(x)]
    expected = (255, 0, 0) if near is top else (0, 0, 255)
    assert tuple(int(v) for v in pixel[:3]) == expected, (phi, theta, pixel)


def test_faces_of_two_meshes_interleave():
    """A tilted plane through a flat one: each shows where it is nearer."""
    with tempconfig(SMALL):
        camera = _camera(FastThreeDCamera, 60 * DEGREES, -90 * DEGREES)
        flat = _plane(0.0, "#0000FF", size=2)
        tilted = HillsideMesh("n", (-2, 2), (-2, 2), 8, colors=["#FF0000"], shading=0, grid_step=0, value_range=(-5, 5))
        camera.capture_mobjects([flat, tilted])
        view = camera.view()
        probe = np.array([[1.5, 0, 1.5], [-1.5, 0, 0.0]])  # tilted plane in front at n>0; flat in front at n<0
        px = view.pixels(project(probe, view)[0]).astype(int)
        colours = [tuple(int(v) for v in camera.pixel_array[y, x][:3]) for x, y in px]
    assert colours[0] == (255, 0, 0)
    assert colours[1] == (0, 0, 255)


@pytest.mark.parametrize("hidden", [True, False])
def test_a_ball_under_the_surface_is_hidden_only_when_asked(hidden):
    with tempconfig(SMALL):
        camera = _camera(FastThreeDCamera, 30 * DEGREES, -90 * DEGREES)
        roof = _plane(1.0, "#0000FF", size=2)
        ball = ShadedBall(radius=0.3, hidden_by_surface=hidden).place([0, 0, -1.0])
        camera.capture_mobjects([ball, roof])
        view = camera.view()
        x, y = ball.screen_disc(view)[:2]
        r, g, b = (int(v) for v in camera.pixel_array[int(y), int(x)][:3])
    assert ((r, g, b) == (0, 0, 255)) == hidden, (r, g, b)


# -- holes: poles and undefined regions ----------------------------------------------------------
def test_a_pole_is_cut_off_at_the_window_not_drawn_as_a_spike():
    field = ScalarField("1/(n**2 + e**2)", variables=("n", "e"))
    grid = sample_hill(field, (-2, 2), (-2, 2), (24, 24), value_range=(0, 4))
    assert np.all(np.isfinite(grid.values)) and grid.values.max() <= 4 + 1e-6
    radius = np.hypot(grid.ab[:, 0], grid.ab[:, 1])
    assert radius.min() >= 0.5 - 1e-6  # 1/r^2 = 4 at r = 0.5
    rim = np.isclose(grid.values, 4, atol=1e-6)
    assert rim.sum() >= 8 and np.allclose(radius[rim], 0.5, atol=1e-6)


def test_a_sign_changing_pole_leaves_a_gap():
    field = ScalarField("1/n", variables=("n", "e"))
    grid = sample_hill(field, (-2, 2.1), (-1, 1), (25, 4), value_range=(-5, 5))
    signs = np.sign(grid.ab[grid.faces][..., 0])
    assert np.all(signs == signs[:, :1]), "a face spans the pole"


def test_the_undefined_part_of_sqrt_is_left_out_with_a_clean_rim():
    field = ScalarField("sqrt(1 - n**2 - e**2)", variables=("n", "e"))
    grid = sample_hill(field, (-1.5, 1.5), (-1.5, 1.5), (16, 16))
    radius = np.hypot(grid.ab[:, 0], grid.ab[:, 1])
    assert np.all(np.isfinite(grid.values))
    assert radius.max() <= 1 + 1e-6
    assert np.sum(radius > 1 - 1e-6) >= 16  # rim points found by bisection lie on the circle


def test_a_function_undefined_everywhere_is_a_clear_error():
    with pytest.raises(DomainError, match="nothing to draw"):
        HillsideMesh("sqrt(-1 - n**2)", (-1, 1), (-1, 1), 4)


def test_mesh_points_are_all_finite_for_log():
    mesh = HillsideMesh("log(n) + e", (-1, 2), (-1, 1), 12)
    assert np.all(np.isfinite(mesh.points)) and mesh.ab[:, 0].min() > 0


# -- shading ------------------------------------------------------------------------------------
def test_shading_matches_manims_get_shaded_rgb():
    rng = np.random.default_rng(3)
    rgb = rng.uniform(0.2, 0.6, (40, 3))
    centres = rng.uniform(-2, 2, (40, 3))
    normals = rng.normal(size=(40, 3))
    normals /= np.linalg.norm(normals, axis=1, keepdims=True)
    light = np.array([-7.0, -9.0, 10.0])
    ours = shade(rgb, centres, normals, light)
    stock = np.array([get_shaded_rgb(c, p, n, light) for c, p, n in zip(rgb, centres, normals)])
    np.testing.assert_allclose(ours, np.clip(stock, 0, 1), atol=1e-12)


def test_shading_is_monotone_in_the_angle_to_the_light():
    angles = np.linspace(0, np.pi, 50)
    normals = np.column_stack([np.sin(angles), np.zeros_like(angles), np.cos(angles)])
    centres = np.zeros((50, 3))
    light = np.array([0.0, 0.0, 100.0])
    brightness = shade(np.full((50, 3), 0.4), centres, normals, light).sum(axis=1)
    assert np.all(np.diff(brightness) <= 1e-12)
    assert brightness[0] > brightness[-1]


def test_two_sided_shading_lights_the_side_the_eye_sees():
    up, down = np.array([[0, 0, 1.0]]), np.array([[0, 0, -1.0]])
    light = np.array([0.0, 0.0, 10.0])
    seen_from_above = shade(np.full((1, 3), 0.4), np.zeros((1, 3)), down, light, eye=np.array([0, 0, 5.0]))
    np.testing.assert_allclose(seen_from_above, shade(np.full((1, 3), 0.4), np.zeros((1, 3)), up, light))


# -- grid lines, animation, cache -----------------------------------------------------------------
def test_grid_lines_fall_on_round_values():
    assert _auto_step(-2.0, 1 / 6, 24) == 1.0
    mesh = HillsideMesh("n*e", (-2, 2), (-2, 2), 24)
    on_left = mesh.on_grid_line[:, 3]
    assert set(np.round(mesh.ab[mesh.faces[on_left, 0], 0], 9)) == {-2.0, -1.0, 0.0, 1.0}


def test_mesh_and_ball_fade_and_follow_a_path():
    mesh = HillsideMesh("n**2 + e**2", (-1, 1), (-1, 1), 6)
    faded = mesh.copy().fade(1)
    mid = mesh.copy().interpolate(faded, mesh, 0.25)
    assert mid.opacity == pytest.approx(0.25)
    ball = ShadedBall(radius=0.2)
    roll = RollAlong(ball, np.array([[0, 0, 0], [2, 0, 0], [2, 2, 0]]), rate_func=linear)
    roll.begin()
    roll.interpolate(0.75)
    np.testing.assert_allclose(ball.get_center(), [2, 1, 0])
    assert ball.radius == pytest.approx(0.2)


def _frames_with_and_without_cache(make_script):
    """Frames of the script ``make_script()`` returns (steps: a list of mobjects, or a
    function called before drawing that returns one), drawn with and without the cache."""
    results = []
    for cached in (False, True):
        script = make_script()
        camera = _camera(FastThreeDCamera, 60 * DEGREES, -60 * DEGREES)
        camera.cache_overlays = cached
        frames = []
        for step in script:
            mobjects = step() if callable(step) else step
            camera.add_fixed_in_frame_mobjects(*[m for m in mobjects if isinstance(m, Text)])
            camera.reset()
            camera.capture_mobjects(mobjects)
            frames.append(camera.pixel_array.astype(int))
        results.append(frames)
    return results


def test_the_caption_picture_looks_like_the_caption():
    def make_script():
        hill = _plane(0.0, style.FUNCTION, 2)
        first = Text("A still caption over a moving hill", font_size=28).to_edge(UP)
        second = Text("Then another one", font_size=28).to_edge(UP)
        moving = Text("0.00", font_size=28).to_edge(UP)

        def step_moving():
            moving.shift(0.2 * DOWN)  # a pinned number that moves every frame
            return [hill, moving]

        # The first frame draws, the second takes the picture, the third reuses it; then the
        # caption changes; a pinned mobject that moves is never painted from a stale picture.
        return [[hill, first]] * 3 + [[hill, second]] * 3 + [step_moving] * 3

    with tempconfig(SMALL):
        direct, cached = _frames_with_and_without_cache(make_script)
    for k, (a, b) in enumerate(zip(direct, cached)):
        assert np.abs(a - b).max() <= 2, k


# -- a real render ----------------------------------------------------------------------------------
class HillOrbit(LessonScene3D):
    def construct(self):
        self.set_camera_orientation(phi=65 * DEGREES, theta=-60 * DEGREES, zoom=0.8)
        axes = LessonAxes3D(x_range=(-2, 2, 1), y_range=(-2, 2, 1), z_range=(0, 4, 1))
        hill = HillsideMesh("0.3*(n**2 + 2*e**2)", (-2, 2), (-2, 2), 16, axes=axes)
        track = hill.path_on_surface(np.array([[1.8, 1.2], [1.0, 0.6], [0.4, 0.2], [0.0, 0.0]]), lift=0.12)
        self.ball = ShadedBall(radius=0.15).place(track.points[0])
        trail = TracedPath(self.ball.get_center, stroke_color=style.DESCENT, stroke_width=3)
        self.add(axes, hill, trail, self.ball)
        self.caption("The ball rolls to the bottom of the bowl.", run_time=0, facts=NO_FACTS)
        self.move_camera(theta=10 * DEGREES, run_time=1, rate_func=linear, added_anims=[RollAlong(self.ball, track, run_time=1)])


def test_a_small_orbit_renders_with_hill_ball_and_caption(render):
    result = render(HillOrbit)
    assert result.movie.exists() and result.movie.stat().st_size > 0
    assert result.subcaptions() == ["The ball rolls to the bottom of the bowl."]
    result.scene.renderer.update_frame(result.scene)  # the final state (the movie ends a frame earlier)
    frame = result.scene.renderer.get_frame()
    camera = result.scene.camera
    x, y = camera.view().pixels(project(result.scene.ball.get_center()[None], camera.view())[0])[0].astype(int)
    r, g, b = (int(v) for v in frame[y, x, :3])
    assert r > 150 and g > 150 and b < 140, (r, g, b)  # the ball's yellow at its place
    blue = (frame[..., 2] > frame[..., 0] + 40).sum()
    assert blue > 0.05 * frame.shape[0] * frame.shape[1]  # the hill covers part of the frame


def test_pinned_mobjects_stay_pinned_when_their_parts_are_rebuilt():
    from manim import Dot, VGroup

    with tempconfig(SMALL):
        camera = FastThreeDCamera()
        readout, other = VGroup(Dot()), VGroup(Dot())
        camera.add_fixed_in_frame_mobjects(readout, other)
        new_digit = Dot()
        readout.add(new_digit)  # a number that gained a character
        assert new_digit not in camera.fixed_in_frame_mobjects
        camera.capture_mobjects([readout, other])
        assert new_digit in camera.fixed_in_frame_mobjects
        camera.remove_fixed_in_frame_mobjects(readout)
        readout.add(later := Dot())
        camera.capture_mobjects([readout, other])
        assert later not in camera.fixed_in_frame_mobjects and new_digit not in camera.fixed_in_frame_mobjects
        assert set(other.get_family()) <= camera.fixed_in_frame_mobjects
