"""Contour lines, contour levels and the top-view contour map."""

from __future__ import annotations

import time

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from manim import DL, UR, Scene, VMobject, tempconfig

from mathcore import DomainError, ScalarField
from scenes.kit import style
from scenes.parts.hill3d.contours import ContourMap, contour_levels, contour_lines
from tests.golden import CACHED

BOWL = "0.3*(n**2 + 2*e**2)"
HIMMELBLAU = "(n**2 + e - 11)**2 + (n + e**2 - 7)**2"
HIMMELBLAU_MINIMA = [(3.0, 2.0), (-2.805118, 3.131312), (-3.779310, -3.283186), (3.584428, -1.848126)]
SMALL = {"pixel_width": 320, "pixel_height": 180, "verbosity": "WARNING", **CACHED}


def field(text: str) -> ScalarField:
    return ScalarField(text, variables=("n", "e"))


def inside(polygon: np.ndarray, point) -> bool:
    """Ray casting: is ``point`` inside the closed polyline ``polygon``?"""
    x, y = point
    (x0, y0), (x1, y1) = polygon[:-1].T, polygon[1:].T
    crosses = (y0 > y) != (y1 > y)
    with np.errstate(divide="ignore", invalid="ignore"):
        at = x0 + (y - y0) * (x1 - x0) / (y1 - y0)
    return bool(np.count_nonzero(crosses & (at > x)) % 2)


def tangent_at(line: np.ndarray, i: int) -> np.ndarray:
    """The polyline's direction at point i: the derivative of the parabola through points
    i - 1, i, i + 1 (parametrised by chord length), second-order accurate for uneven steps."""
    h1, h2 = np.linalg.norm(line[i] - line[i - 1]), np.linalg.norm(line[i + 1] - line[i])
    return (h1**2 * line[i + 1] - h2**2 * line[i - 1] + (h2**2 - h1**2) * line[i]) / (h1 * h2 * (h1 + h2))


# -- contour_lines ---------------------------------------------------------------------------------
def test_contour_lines_circle_is_one_closed_ring_on_the_level():
    lines = contour_lines(field("n**2 + e**2"), (-2, 2), (-2, 2), 1.0)
    assert len(lines) == 1
    ring = lines[0]
    assert ring.shape[1] == 2 and len(ring) > 100
    np.testing.assert_array_equal(ring[0], ring[-1])
    assert np.abs(np.hypot(ring[:, 0], ring[:, 1]) - 1).max() < 1e-6
    angles = np.sort(np.arctan2(ring[:, 1], ring[:, 0]))
    assert np.diff(angles).max() < 0.1  # all the way round, no gap
    assert (np.linalg.norm(np.diff(ring, axis=0), axis=1) > 0).all()  # no repeated points


def test_contour_lines_linear_interpolation_alone_is_close():
    (ring,) = contour_lines(field("n**2 + e**2"), (-2, 2), (-2, 2), 1.0, refine=0)
    error = np.abs(np.hypot(ring[:, 0], ring[:, 1]) - 1).max()
    assert 1e-6 < error < 1e-3


@pytest.mark.parametrize(
    ("text", "a_range", "b_range", "levels"),
    [
        ("1/(n**2 + e**2)", (-1, 1), (-1, 1), [0.6, 2.0, 50.0, 1e3]),  # pole on a grid point
        ("1/(n**2 + e**2)", (-1, 1.1), (-1, 1.1), [2.0, 50.0, 1e3]),  # pole inside a cell
        ("log(n)", (-1, 2), (-1, 1), [-3.0, -1.0, 0.0, 0.5]),  # undefined for n <= 0
        ("sqrt(1 - n**2 - e**2)", (-1.5, 1.5), (-1.5, 1.5), [0.2, 0.9]),  # undefined outside a disc
    ],
)
def test_contour_lines_never_give_nan_near_a_pole_or_hole(text, a_range, b_range, levels):
    f = field(text)
    for level in levels:
        lines = contour_lines(f, a_range, b_range, level)
        assert lines, f"no line at {level}"
        for line in lines:
            assert np.isfinite(line).all()
            assert len(line) >= 2
            np.testing.assert_allclose(f(line[:, 0], line[:, 1]), level, rtol=1e-4)


def test_contour_lines_of_log_stop_at_the_domain():
    (line,) = contour_lines(field("log(n)"), (-1, 2), (-1, 1), -1.0)
    np.testing.assert_allclose(line[:, 0], np.exp(-1.0), rtol=1e-9)
    assert not np.array_equal(line[0], line[-1])  # open: a straight line across the box
    assert sorted([line[0, 1], line[-1, 1]]) == [-1.0, 1.0]


@pytest.mark.parametrize("level", [-0.5, 8.01, np.nan, np.inf])
def test_contour_lines_level_outside_the_values_gives_nothing(level):
    assert contour_lines(field("n**2 + e**2"), (-2, 2), (-2, 2), level) == []


def test_contour_lines_undefined_everywhere_gives_nothing():
    assert contour_lines(field("log(-n**2 - 1)"), (-1, 1), (-1, 1), 0.0) == []


@pytest.mark.parametrize(("centre", "near"), [(0.5, [(1, -1), (-1, 1)]), (-0.5, [(-1, -1), (1, 1)])])
def test_contour_lines_saddle_cell_follows_its_centre(centre, near):
    # One cell, corners +1, -1, +1, -1 (a saddle): only the centre says which corners are joined.
    f = field(f"n*e + {centre}*exp(-40*(n**2 + e**2))")
    lines = contour_lines(f, (-1, 1), (-1, 1), 0.0, resolution=1)
    assert len(lines) == 2
    midpoints = sorted(tuple(np.sign(line.mean(axis=0))) for line in lines)
    assert midpoints == sorted(tuple(map(float, corner)) for corner in near)


def test_contour_lines_rectangular_resolution_and_text_field():
    lines = contour_lines("x**2 + y**2", (-2, 2), (-1, 1), 0.25, resolution=(40, 10), variables=("x", "y"))
    assert len(lines) == 1 and np.abs(np.hypot(*lines[0].T) - 0.5).max() < 1e-6


def test_contour_lines_refuse_bad_input():
    with pytest.raises(ValueError, match="a_range"):
        contour_lines(field(BOWL), (1, -1), (-1, 1), 0.5)
    with pytest.raises(ValueError, match="resolution"):
        contour_lines(field(BOWL), (-1, 1), (-1, 1), 0.5, resolution=0)
    with pytest.raises(TypeError, match="ScalarField"):
        contour_lines(3.0, (-1, 1), (-1, 1), 0.5)


FIELDS = [BOWL, HIMMELBLAU, "sin(n)*cos(e)", "n**2 + e**3 - 2*e", "log(n) + e**2"]


@settings(max_examples=30, deadline=None)
@given(text=st.sampled_from(FIELDS), fraction=st.floats(0.1, 0.9))
def test_gradient_crosses_contour_lines_at_right_angles(text, fraction):
    """Checked wherever the grid can resolve the line: at least 3 cells from any flat point
    (|gradient| >= 3 h |Hessian|, where a level through a saddle crosses itself) and bending
    slowly (curvature radius >= 4 cells). Plain linear interpolation (refine=0) fails this."""
    f = field(text)
    a_range, b_range, cells = ((0.2, 4.0) if "log" in text else (-4.0, 4.0)), (-4.0, 4.0), 96
    h = 8.0 / cells
    _, _, values = f.grid(a_range, b_range, cells + 1)
    level = np.nanmin(values) + fraction * (np.nanmax(values) - np.nanmin(values))
    checked = 0
    for line in contour_lines(f, a_range, b_range, level, resolution=cells):
        for i in range(1, len(line) - 1):
            gradient, hessian = f.gradient(line[i]), f.hessian(line[i])
            g = np.linalg.norm(gradient)
            if g < 3 * h * np.linalg.norm(hessian, 2):
                continue
            (fxx, fxy), (_, fyy) = hessian
            curvature = abs(fxx * gradient[1] ** 2 - 2 * fxy * gradient[0] * gradient[1] + fyy * gradient[0] ** 2) / g**3
            if curvature * h > 0.25:
                continue
            tangent = tangent_at(line, i)
            cosine = abs(tangent @ gradient) / (np.linalg.norm(tangent) * g)
            assert cosine < 0.03, (line[i], cosine)
            checked += 1
    assert checked > 0


# -- contour_levels --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "box"),
    [(BOWL, (-3, 3)), (HIMMELBLAU, (-5, 5)), ("1/(n**2 + e**2)", (-2, 2)), ("log(n)", (-1, 2)), ("sin(3*n)*e", (-2, 2))],
)
def test_contour_levels_increase_inside_the_finite_values(text, box):
    f = field(text)
    levels = contour_levels(f, 8, box, box)
    _, _, values = f.grid(box, box, 97)
    finite = values[np.isfinite(values)]
    assert levels.shape == (8,)
    assert np.all(np.diff(levels) > 0)
    assert finite.min() < levels[0] and levels[-1] < finite.max()
    for level in levels:  # every level is drawn: none squashed against a pole's tail
        assert contour_lines(f, box, box, level)


def test_contour_levels_ignore_a_pole_tail():
    f = field("1/(n**2 + e**2)")
    levels = contour_levels(f, 8, (-2, 2), (-2, 2))
    _, _, values = f.grid((-2, 2), (-2, 2), 97)
    assert levels[-1] < np.nanquantile(values, 0.995)
    assert levels[-1] < 0.05 * np.nanmax(values)  # not spread up the pole (576 at the corners' neighbours)


def test_contour_levels_ring_a_bowl_evenly():
    levels = contour_levels(field("n**2 + e**2"), 6, (-1, 1), (-1, 1))
    radii = np.sqrt(levels)  # the minimum 0 is on the grid
    np.testing.assert_allclose(np.diff(radii), radii[0], rtol=1e-9)
    np.testing.assert_allclose(levels[-1], 2.0 * (6 / 7) ** 2)
    even = contour_levels(field("n**2 + e**2"), 3, (-1, 1), (-1, 1), spacing=1)
    np.testing.assert_allclose(even, [0.5, 1.0, 1.5])


def test_contour_levels_ring_each_minimum_of_himmelblau():
    f = field(HIMMELBLAU)
    levels = contour_levels(f, 8, (-5, 5), (-5, 5))
    assert levels[0] < 13.3  # below the lowest saddle (3.385, 0.074), f = 13.31
    rings = contour_lines(f, (-5, 5), (-5, 5), levels[0])
    assert len(rings) == 4
    for ring in rings:
        np.testing.assert_array_equal(ring[0], ring[-1])
        assert sum(inside(ring, minimum) for minimum in HIMMELBLAU_MINIMA) == 1
    assert all(sum(inside(ring, m) for ring in rings) == 1 for m in HIMMELBLAU_MINIMA)


def test_contour_levels_from_values_and_bad_input():
    values = np.array([np.nan, np.inf, -np.inf, 0.0, 1.0, 2.0, 3.0, 4.0])
    np.testing.assert_allclose(contour_levels(values, 3, spacing=1), [1.0, 2.0, 3.0])
    assert contour_levels(np.ones(10), 4).size == 0
    with pytest.raises(DomainError):
        contour_levels(np.full(5, np.nan))
    with pytest.raises(ValueError, match="count"):
        contour_levels(values, 0)
    with pytest.raises(ValueError, match="a_range"):
        contour_levels(field(BOWL), 4)


# -- ContourMap ------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def bowl_map():
    with tempconfig(SMALL):
        return ContourMap(BOWL, (-3, 3), (-2, 2), width=3.0)


def test_map_c2p_maps_range_corners_to_box_corners(bowl_map):
    np.testing.assert_allclose(bowl_map.c2p(-3, -2), bowl_map.frame.get_corner(DL), atol=1e-9)
    np.testing.assert_allclose(bowl_map.c2p(3, 2), bowl_map.frame.get_corner(UR), atol=1e-9)
    assert bowl_map.frame.width == pytest.approx(3.0)
    assert bowl_map.frame.height == pytest.approx(2.0)  # the ranges' aspect
    moved = bowl_map.copy().scale(0.5).shift([2.0, 1.0, 0.0])
    np.testing.assert_allclose(moved.c2p(3, 2), moved.frame.get_corner(UR), atol=1e-9)
    np.testing.assert_allclose(moved.c2p(0, 0), moved.frame.get_center(), atol=1e-9)


def test_map_lines_lie_on_their_levels_and_darken_downwards(bowl_map):
    f = bowl_map.field
    assert len(bowl_map.lines) == len(bowl_map.levels) == 8
    lum = []
    for line, level in zip(bowl_map.lines, bowl_map.levels):
        anchors = line.points[::4]
        a = (anchors[:, 0] - bowl_map.c2p(0, 0)[0]) * 6 / 3.0
        b = (anchors[:, 1] - bowl_map.c2p(0, 0)[1]) * 6 / 3.0
        np.testing.assert_allclose(f(a, b), level, rtol=1e-5)
        lum.append(np.mean(line.get_stroke_color().to_rgb()))
    assert np.all(np.diff(lum) > 0)
    assert sum(len(line.points) for line in bowl_map.lines) < 20_000


def test_map_labels_sit_outside_the_box(bowl_map):
    a_label, b_label = bowl_map.labels
    assert a_label.tex_string == "n" and b_label.tex_string == "e"
    assert a_label.get_top()[1] < bowl_map.frame.get_bottom()[1]
    assert b_label.get_right()[0] < bowl_map.frame.get_left()[0]
    assert 0.05 < a_label.height < 0.3


def test_map_path_skips_undefined_points_and_clips_to_the_box(bowl_map):
    path = bowl_map.path(np.array([[0.0, 0.0], [np.nan, 1.0], [1.0, 1.0], [np.inf, 0.0], [9.0, -9.0]]))
    assert isinstance(path, VMobject)
    corners = np.asarray(path.get_anchors())[[0, 1, -1]]
    np.testing.assert_allclose(corners, [bowl_map.c2p(0, 0), bowl_map.c2p(1, 1), bowl_map.c2p(3, -2)], atol=1e-9)
    assert np.isfinite(path.points).all()
    assert path.get_stroke_color() == style.DESCENT
    assert len(bowl_map.path(np.array([[0.0, 0.0], [np.nan, 0.0]])).points) == 0


def test_map_marker_sits_on_its_point(bowl_map):
    dot = bowl_map.marker(1.5, -1.0)
    np.testing.assert_allclose(dot.get_center(), bowl_map.c2p(1.5, -1.0), atol=1e-9)
    assert dot.width == pytest.approx(0.12)
    assert dot.get_fill_color() == style.BALL


def test_map_builds_fast_with_given_levels():
    with tempconfig(SMALL):
        ContourMap(HIMMELBLAU, (-5, 5), (-5, 5))  # compiles the labels once
        start = time.perf_counter()
        himmelblau = ContourMap(HIMMELBLAU, (-5, 5), (-5, 5), resolution=96, levels=8)
        elapsed = time.perf_counter() - start
        chosen = ContourMap("x*y", (-1, 1), (-1, 1), levels=[0.5, -0.5, np.nan, 0.1, 0.5], variables=("x", "y"), axis_labels=False)
    assert elapsed < 0.5
    assert len(himmelblau.submobjects) == 5 and len(himmelblau.lines) == 8
    np.testing.assert_allclose(chosen.levels, [-0.5, 0.1, 0.5])
    assert len(chosen.labels) == 0 and chosen.field.variables == ("x", "y")


def test_map_refuses_bad_input():
    with pytest.raises(ValueError, match="b_range"):
        ContourMap(BOWL, (-1, 1), (2, 2), axis_labels=False)
    with pytest.raises(ValueError, match="width"):
        ContourMap(BOWL, (-1, 1), (-1, 1), width=0, axis_labels=False)


@pytest.mark.render
def test_map_draws_its_lines_in_a_small_frame():
    with tempconfig(SMALL):
        scene = Scene()
        contour_map = ContourMap(HIMMELBLAU, (-5, 5), (-5, 5), width=4.0)
        scene.add(contour_map)
        scene.renderer.update_frame(scene)
        frame = scene.renderer.get_frame()[:, :, :3].astype(int)
    height, width = frame.shape[:2]
    box = frame[int(height * 0.2) : int(height * 0.8), int(width * 0.3) : int(width * 0.7)]
    blue = (box[..., 2] > box[..., 0] + 40) & (box[..., 2] > 90)
    assert blue.mean() > 0.03  # the contour lines
    np.testing.assert_allclose(frame[height // 2, 3], [0, 0, 0], atol=2)  # outside the map


def test_a_map_with_its_east_label_at_the_end_takes_no_more_height_than_its_numbers():
    with tempconfig(SMALL):
        middle = ContourMap(BOWL, (-3, 3), (-2, 2), width=2.0, height=3.0, levels=3, north_up=True, tick_numbers=True)
        ended = ContourMap(BOWL, (-3, 3), (-2, 2), width=2.0, height=3.0, levels=3, north_up=True, tick_numbers=True, label_at_end=True)
    frame = ended.frame
    north, east = ended.labels  # in the order (a's label, b's label)
    assert east.tex_string == "e" and north.tex_string == "n"
    numbers_below = [m for (name, _), m in zip(ended.ticks.values, ended.tick_numbers()) if name == "e"]
    assert east.get_left()[0] > frame.get_right()[0]  # beside the lower right corner
    assert all(east.get_left()[0] > m.get_right()[0] for m in numbers_below)  # clear of the last number
    assert min(m.get_bottom()[1] for m in numbers_below) - 1e-9 <= east.get_center()[1] <= frame.get_bottom()[1]
    assert ended.get_bottom()[1] == pytest.approx(min(m.get_bottom()[1] for m in numbers_below))  # no lower than the numbers
    assert ended.height < middle.height - 0.2 and ended.width > middle.width  # height traded for width
    assert middle.labels[1].get_top()[1] < middle.frame.get_bottom()[1]  # the default: under the edge
