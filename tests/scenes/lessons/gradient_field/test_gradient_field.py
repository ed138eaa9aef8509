"""GradientField drawn the way maps are: north up, east to the right, tick numbers readable at
480p, and the right-angle mark sitting on the contour line at the arrow's foot (for a family
of functions: bowl, tight rings, Himmelblau, saddle, Rosenbrock's curved valley)."""

from __future__ import annotations

import numpy as np
import pytest
from manim import tempconfig

from mathcore import ScalarField
from scenes.gradient import GradientField
from scenes.lessons.gradient_field.captions import map_caption
from scenes.lessons.gradient_field.scene import MARK_SIDE, TOP_VIEW
from scenes.parts.hill3d.arrow_field import point_along, right_angle_mark
from scenes.parts.hill3d.contours import contour_lines
from scenes.parts.hill3d.hill_view import projector
from tests.golden import CACHED

DRY = {"dry_run": True, "disable_caching": True, "pixel_width": 160, "pixel_height": 90, "frame_rate": 4,
       "verbosity": "ERROR", "progress_bar": "none", **CACHED}

#: Pixels per scene unit at 854 x 480 (the frame is 8 units tall).
PX = 480 / 8

HIMMELBLAU = "(n**2 + e - 11)**2 + (n + e**2 - 7)**2"
ROSENBROCK = "100*(e - n**2)**2 + (1 - n)**2"

#: (function, ranges, foot): feet where the contour curves gently, tightly (a small ring), at
#: a saddle's crossing lines, in Himmelblau's wells and across Rosenbrock's bent valley.
FEET = [
    ("0.3*(n**2 + 2*e**2)", ((-3, 3), (-3, 3)), (1.5, 1.0)),
    ("n**2 + e**2", ((-3, 3), (-3, 3)), (0.25, 0.1)),
    ("n**2 + e**2", ((-3, 3), (-3, 3)), (-0.3, -0.2)),
    (HIMMELBLAU, ((-5, 5), (-5, 5)), (1.0, 1.0)),
    (HIMMELBLAU, ((-5, 5), (-5, 5)), (-3.2, 2.4)),
    ("n**2 - e**2", ((-3, 3), (-3, 3)), (1.0, 0.4)),
    (ROSENBROCK, ((-2, 2), (-1, 3)), (-1.0, 1.0)),
    (ROSENBROCK, ((-2, 2), (-1, 3)), (0.5, 0.6)),
]


@pytest.mark.parametrize(("function", "ranges", "foot"), FEET)
def test_right_angle_mark_corner_lies_on_the_level_set(function, ranges, foot):
    """The mark's corner on the contour side is on the level set within a pixel of the map
    (the map shows ``unit`` scene units per unit of n; the mark is MARK_SIDE long on screen)."""
    field = ScalarField(function, variables=("n", "e"))
    level = float(field(*foot))
    lines = contour_lines(field, *ranges, level)
    nearest = min(lines, key=lambda line: np.min(np.linalg.norm(line - np.asarray(foot), axis=1)))
    up = np.asarray(field.gradient(foot), dtype=float)
    up /= np.linalg.norm(up)
    for unit in (0.6, 1.0, 2.0):  # scene units per unit of n (maps of several sizes)
        side = MARK_SIDE / unit
        corners = right_angle_mark(nearest, foot, up, side)
        on_line = corners[0]
        off = abs(float(field(*on_line)) - level) / np.linalg.norm(field.gradient(on_line))
        assert off * unit * PX < 1.0, (function, foot, unit)
        drawn = float(np.dot(corners[-1] - np.asarray(foot), up))  # the side, smaller on a tight ring
        assert side / 8 - 1e-12 <= drawn <= side + 1e-12
        np.testing.assert_allclose(corners[-1], np.asarray(foot) + drawn * up, atol=1e-12)  # back onto the arrow
        assert abs(np.dot(corners[1] - corners[0], up) - drawn) < 1e-12  # out parallel to the arrow
        chord = (on_line - np.asarray(foot)) / np.linalg.norm(on_line - np.asarray(foot))
        assert abs(np.dot(chord, up)) < 0.35  # the contour leaves the foot across the arrow


def test_point_along_walks_round_a_closed_line():
    circle = np.column_stack([np.cos(np.linspace(0, 2 * np.pi, 200)), np.sin(np.linspace(0, 2 * np.pi, 200))])
    end = point_along(circle, (1.0, 0.0), (0.0, 1.0), np.pi / 2)
    np.testing.assert_allclose(end, (0.0, 1.0), atol=1e-3)
    back = point_along(circle, (1.0, 0.0), (0.0, -1.0), np.pi / 2)  # past the closing point
    np.testing.assert_allclose(back, (0.0, -1.0), atol=1e-3)
    open_line = np.array([[0.0, 0.0], [1.0, 0.0]])
    np.testing.assert_allclose(point_along(open_line, (0.5, 0.0), (1.0, 0.0), 5.0), (1.0, 0.0))


class HimmelblauField(GradientField):
    function = HIMMELBLAU
    n_range = (-5.0, 5.0)
    e_range = (-5.0, 5.0)
    point = (1.0, 1.0)


class SaddleField(GradientField):
    function = "n**2 - e**2"
    point = (1.0, 0.5)


class RosenbrockField(GradientField):
    function = ROSENBROCK
    n_range = (-2.0, 2.0)
    e_range = (-1.0, 3.0)
    point = (-1.0, 1.0)


def _built(scene_class):
    with tempconfig(DRY):
        scene = scene_class()
        scene.setup()
    return scene


@pytest.mark.parametrize("scene_class", [GradientField, HimmelblauField, SaddleField, RosenbrockField])
def test_map_has_north_up_east_right_and_readable_tick_numbers(scene_class):
    scene = _built(scene_class)
    n0, e0 = (r[0] for r in (scene_class.n_range, scene_class.e_range))
    north = scene.map.c2p(n0 + 1, e0) - scene.map.c2p(n0, e0)
    east = scene.map.c2p(n0, e0 + 1) - scene.map.c2p(n0, e0)
    assert north[1] > 0 and abs(north[0]) < 1e-9 and east[0] > 0 and abs(east[1]) < 1e-9
    # The hill seen from the top view runs the same ways, so it turns into the map in place.
    seen = projector(*TOP_VIEW, scene.top_fit)(np.array([scene.flat_point(n0, e0, 0), scene.flat_point(n0 + 1, e0, 0), scene.flat_point(n0, e0 + 1, 0)]))
    assert seen[1, 1] - seen[0, 1] > 0 and seen[2, 0] - seen[0, 0] > 0
    names = [name for name, _ in scene.map.ticks.values]
    assert names.count("n") >= 3 and names.count("e") >= 2
    numbers = scene.map.tick_numbers()
    for k, first in enumerate(numbers):  # no number runs into another (the corner keeps one)
        for second in numbers[k + 1:]:
            apart = (first.get_right()[0] <= second.get_left()[0] or second.get_right()[0] <= first.get_left()[0]
                     or first.get_top()[1] <= second.get_bottom()[1] or second.get_top()[1] <= first.get_bottom()[1])
            assert apart, (first.tex_string, second.tex_string)
    for (name, value), text in zip(scene.map.ticks.values, scene.map.tick_numbers()):
        assert text.height * PX >= 13.5, (name, value)  # digits about 14 px tall at 480p
        anchor = scene.map.c2p(value, e0) if name == "n" else scene.map.c2p(n0, value)
        if name == "n":
            assert abs(text.get_center()[1] - anchor[1]) < 1e-6 and text.get_right()[0] < scene.map.frame.get_left()[0]
        else:
            assert abs(text.get_center()[0] - anchor[0]) < 1e-6 and text.get_top()[1] < scene.map.frame.get_bottom()[1]
    box = scene.zones.plot
    assert box.left <= scene.map.get_left()[0] and scene.map.get_right()[0] <= box.right
    assert box.bottom <= scene.map.get_bottom()[1] and scene.map.get_top()[1] <= box.top
    # The mark drawn on screen starts on the contour line (within a pixel).
    field = scene.field
    foot = scene.feet[scene.marked]
    corner = scene.mark_corners[0]
    off = abs(float(field(*corner)) - float(field(*foot))) / np.linalg.norm(field.gradient(corner))
    assert off * scene.unit * PX < 1.0
    np.testing.assert_allclose(scene.right_angle.get_anchors()[0], scene.map.c2p(*corner), atol=1e-9)


def test_map_caption_names_the_ways_the_map_runs():
    assert "north up and east to the right" in map_caption(("n", "e"))
    assert "x up and y to the right" in map_caption(("x", "y"))
