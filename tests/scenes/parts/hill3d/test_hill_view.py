"""Framing a hillside through the camera: every view the scene uses stays in its zone,
and the axis numbers are readable, apart and beside their axes."""

from __future__ import annotations

import numpy as np
import pytest

from scenes.lessons.common.hill import HillLesson, screen_corner
from scenes.kit.layout import ZONES, Box
from scenes.parts.hill3d.axis_labels import tick_decimals
from scenes.parts.hill3d.hill_view import box_corners, fit_views, path_of_views, projected_box, projector

HIMMELBLAU = "(n**2 + e - 11)**2 + (n + e**2 - 7)**2"
MIN_DIGIT_HEIGHT = 14 / 480 * 8  # 14 px at 480p, in scene units


class Orbiting(HillLesson):
    def camera_views(self):
        return [(75.0, self.theta - 120.0), (self.phi, self.theta), (80.0, -90.0), (78.0, -25.0)]


class SidePanel(HillLesson):
    def hill_zone(self):
        return self.zones.plot


def _variant(base, **attributes):
    return type(base.__name__, (base,), attributes)


FAMILY = [
    {},
    {"function": HIMMELBLAU, "n_range": (-5.0, 5.0), "e_range": (-5.0, 5.0)},
    {"function": "n**2 - e**2"},
    {"function": "0.5*n + 0.2*e"},
    {"function": "100*(n**2 + e**2)"},
    {"function": "1e-4*(n**2 + e**2)"},
    {"function": "sin(n)*cos(e)"},
    {"function": "0.3*x**2 + 0.6*y**2", "variables": ("x", "y"), "n_range": (-3.0, 3.0), "e_range": (-1.0, 1.0)},
]


def _built(cls):
    scene = cls.__new__(cls)
    HillLesson.build(scene)
    return scene


def _box(mobject) -> Box:
    return Box(mobject.get_left()[0], mobject.get_right()[0], mobject.get_bottom()[1], mobject.get_top()[1])


@pytest.mark.parametrize("base", [HillLesson, Orbiting, SidePanel])
@pytest.mark.parametrize("attributes", FAMILY, ids=lambda a: a.get("function", "default"))
def test_the_hill_stays_in_its_zone_from_every_view_and_labels_are_readable(base, attributes):
    scene = _built(_variant(base, **attributes))
    zone = scene.hill_zone()
    for phi, theta in path_of_views(scene.camera_views()):
        project = projector(phi, theta, scene.view_fit)
        shown = project(scene.hill.points)
        assert zone.left <= shown[:, 0].min() and shown[:, 0].max() <= zone.right
        assert zone.bottom <= shown[:, 1].min() and shown[:, 1].max() <= zone.top
        scene.axis_marks.place(project)
        for label in scene.axis_marks.labels:
            assert _box(label).inside(zone, tolerance=0.05), (phi, theta, label.tex_string)
    # At the start view no two labels overlap, and digits are at least 14 px tall.
    scene.axis_marks.place(projector(scene.phi, scene.theta, scene.view_fit))
    boxes = [_box(label) for label in scene.axis_marks.labels]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not a.overlaps(b)
    numbers = [label for label in scene.axis_marks.labels if any(c.isdigit() for c in label.tex_string)]
    assert len(numbers) >= 4  # the height axis carries values
    assert min(label.height for label in numbers) >= MIN_DIGIT_HEIGHT


def test_the_height_axis_tells_steep_from_gentle():
    gentle = _built(_variant(HillLesson, function="0.3*(n**2 + e**2)"))
    steep = _built(_variant(HillLesson, function="100*(n**2 + e**2)"))

    def top_number(scene):
        values = [float(label.tex_string) for label in scene.axis_marks.labels if label.tex_string.replace(".", "").isdigit()]
        return max(values)

    assert top_number(steep) >= 100 * top_number(gentle) / 2


def test_the_fit_fills_the_zone_for_one_view():
    scene = _built(HillLesson)
    union = projected_box(scene.frame_points(), scene.phi, scene.theta, scene.view_fit.zoom, scene.view_fit.centre, scene.view_fit.offset)
    zone = scene.hill_zone()
    across, up = scene.label_room()
    assert union.width >= 0.9 * (zone.width - 2 * across) or union.height >= 0.9 * (zone.height - 2 * up)


def test_a_smaller_zoom_setting_shrinks_the_fit():
    full = _built(HillLesson).view_fit.zoom
    assert _built(_variant(HillLesson, zoom=0.5)).view_fit.zoom == pytest.approx(0.5 * full)


def test_fit_views_puts_a_box_inside_an_off_centre_zone():
    corners = box_corners((-3, -2, -1), (3, 2, 1))
    zone = Box(-6.0, 1.0, -2.0, 3.0)
    fit = fit_views(corners, [(60, -60), (70, 30)], zone)
    for phi, theta in path_of_views([(60, -60), (70, 30)]):
        assert projected_box(corners, phi, theta, fit.zoom, fit.centre, fit.offset).inside(zone, tolerance=1e-9)


def test_path_of_views_fills_in_the_way_between():
    path = path_of_views([(60, -60), (60, 0)], step=10)
    assert path[0] == (60.0, -60.0) and path[-1] == (60.0, 0.0) and len(path) == 7


def test_axes_run_along_the_front_edges_and_the_height_axis_at_the_left_corner():
    # The hill is a map (n along the scene's y, e along x); the start view looks from the
    # south-south-east: the south-west corner is leftmost, the south-east one nearest.
    assert screen_corner(62, -60, "left") == (0, 0)
    assert screen_corner(62, -60, "near") == (0, 1)
    assert screen_corner(62, -60, "near", geographic=False) == (1, 0)  # manim's layout: n along x
    assert screen_corner(62, 120, "left") == (1, 1)  # from the north-north-west: the north-east corner
    with pytest.raises(ValueError, match="way must be"):
        screen_corner(62, -60, "right")
    scene = _built(HillLesson)
    lines = scene.axes.lines
    assert tuple(lines[0][1:]) == (3.0, 0.0)  # n along the east edge e = 3 (the right front)
    assert lines[1][0] == -3.0  # e along the south edge n = -3 (the front)
    assert tuple(lines[2][:2]) == (-3.0, -3.0)  # the height axis at the south-west corner


@pytest.mark.parametrize(("step", "decimals"), [(1.0, 0), (2.5, 1), (0.0005, 4), (200.0, 0), (0.25, 2)])
def test_tick_decimals(step, decimals):
    assert tick_decimals(step) == decimals


def test_zones_match_the_layout():
    assert SidePanel.hill_zone(_built(SidePanel)) == ZONES.plot
