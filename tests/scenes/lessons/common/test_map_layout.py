"""Every hill lesson lays its hill out as a map: north up and east to the right on any top
view, north away (up the screen) and east to the right from the views the axes are read
from, and every part drawn on the hill (slices, arrows, contour maps, balls and trails) runs
the same ways. Geometry only: the scenes are built, never rendered."""

from __future__ import annotations

import functools

import numpy as np
import pytest
from manim import tempconfig

from scenes.lessons.gradient.scene import GradientOnHillside
from scenes.lessons.gradient_field.scene import TOP_VIEW, GradientField
from scenes.lessons.optimizer_race.scene import OptimizerRace
from scenes.lessons.partials.scene import PartialDerivatives
from scenes.lessons.rolling.scene import BallRollsToMinimum, MomentumRace
from scenes.parts.hill3d.hill_view import projector
from tests.golden import CACHED

DRY = {"dry_run": True, "disable_caching": True, "pixel_width": 160, "pixel_height": 90, "frame_rate": 4,
       "verbosity": "ERROR", "progress_bar": "none", **CACHED}
PX = 480 / 8  # pixels per scene unit at 480p

LESSONS = [PartialDerivatives, GradientOnHillside, GradientField, BallRollsToMinimum, MomentumRace, OptimizerRace]
ROLLING = (BallRollsToMinimum, MomentumRace, OptimizerRace)

#: The default, Himmelblau's four valleys, and a saddle on a range away from the origin.
FUNCTIONS = {
    "default": {},
    "himmelblau": {"function": "(n**2 + e - 11)**2 + (n + e**2 - 7)**2", "n_range": (-5.0, 5.0), "e_range": (-5.0, 5.0),
                   "point": (1.0, 1.0), "start": (-0.5, 0.5), "learning_rate": 0.01},
    "saddle_off_centre": {"function": "(n - 4)**2 - (e + 5)**2", "n_range": (1.0, 7.0), "e_range": (-8.0, -2.0),
                          "point": (5.0, -4.5), "start": (5.0, -4.5), "learning_rate": 0.1},
}


@functools.lru_cache(maxsize=None)
def _built(base, name):
    attributes = {k: v for k, v in FUNCTIONS[name].items() if k != "learning_rate" or base in ROLLING}
    if base is OptimizerRace and "learning_rate" in attributes:
        rate = attributes.pop("learning_rate")
        attributes["optimizers"] = (("sgd", rate), ("momentum", rate), ("adam", 0.1))
    variant = type(f"{base.__name__}_{name}", (base,), {"title": "", **attributes})
    with tempconfig(DRY):
        scene = variant()
        scene.setup()
    return scene


def _ways(scene, phi, theta, fit=None):
    """Where north and east run on screen (unit 2-D vectors) from the view phi, theta."""
    (n0, n1), (e0, e1) = scene.n_range, scene.e_range
    low = scene.axes.z_range[0]
    points = np.array([scene.flat_point(n0, e0, low), scene.flat_point(n1, e0, low), scene.flat_point(n0, e1, low)])
    shown = projector(phi, theta, fit or scene.view_fit)(points)[:, :2]
    north, east = shown[1] - shown[0], shown[2] - shown[0]
    return north / np.linalg.norm(north), east / np.linalg.norm(east)


def _top_view(scene, points):
    return projector(*TOP_VIEW, scene.view_fit)(np.asarray(points, dtype=float))[:, :2]


@pytest.mark.parametrize("name", list(FUNCTIONS))
@pytest.mark.parametrize("base", LESSONS, ids=lambda c: c.__name__)
def test_north_is_up_and_east_right_in_every_hill_lesson(base, name):
    scene = _built(base, name)
    north, east = _ways(scene, *TOP_VIEW)
    np.testing.assert_allclose(north, [0.0, 1.0], atol=1e-9)  # straight up on the top view
    np.testing.assert_allclose(east, [1.0, 0.0], atol=1e-9)  # straight to the right
    # From every view the axes are read from, north runs away (up the screen), east to the
    # right (but for the side views of PartialDerivatives' slices: test_walking_north_...).
    views = [(scene.phi, scene.theta)] if base is PartialDerivatives else scene.number_views()
    for phi, theta in views:
        north, east = _ways(scene, phi, theta)
        assert north[1] > 0.1 and east[0] > 0.5, (phi, theta, north, east)
    # The letters stand beyond the tips they name: n up-right of the floor's middle, e right.
    marks = scene.axis_marks
    marks.place(projector(scene.phi, scene.theta, scene.view_fit))
    middle = projector(scene.phi, scene.theta, scene.view_fit)(scene.flat_point(*(np.mean(r) for r in (scene.n_range, scene.e_range)), scene.axes.z_range[0])[None])[0]
    n_letter, e_letter = marks.letters[0].get_center(), marks.letters[1].get_center()
    assert n_letter[1] > middle[1] and e_letter[0] > middle[0]


@pytest.mark.parametrize("name", list(FUNCTIONS))
def test_walking_north_the_slice_runs_along_the_n_axis(name):
    scene = _built(PartialDerivatives, name)
    first, second = scene.slices
    for piece, along in ((first, 1), (second, 0)):  # screen y for the n slice, x for the e slice
        points = piece.plane.points
        corners = _top_view(scene, points[np.isclose(points[:, 2], points[:, 2].min())])  # its foot on the floor
        spread = np.ptp(corners, axis=0)
        assert spread[1 - along] < 1e-6 * spread[along] + 1e-9  # a line on the map: up (n) or across (e)
    # Side on: walking north runs to the right in the first slice's view, east in the second's.
    north, _ = _ways(scene, *scene.first_slice_view)
    _, east = _ways(scene, *scene.second_slice_view)
    assert north[0] > 0.9 and east[0] > 0.9


@pytest.mark.parametrize("name", list(FUNCTIONS))
def test_gradient_arrows_point_the_way_the_slopes_say(name):
    scene = _built(GradientOnHillside, name)
    g = scene.gradient
    base, tip = _top_view(scene, [scene.base, scene.plane_point(g)])
    way = tip - base
    assert np.sign(way[1]) == np.sign(g[0]) and np.sign(way[0]) == np.sign(g[1])  # north up, east right
    assert abs(np.arctan2(way[1], way[0]) - np.arctan2(g[0], g[1])) < 1e-6  # and at the gradient's angle
    field = _built(GradientField, name)
    for foot, tip in zip(field.feet[::5], field.tips[::5]):
        drawn = field.map.c2p(*tip) - field.map.c2p(*foot)
        assert np.allclose([drawn[1], drawn[0]] / np.linalg.norm(drawn[:2]), (tip - foot) / np.linalg.norm(tip - foot), atol=1e-9)


@pytest.mark.parametrize("name", list(FUNCTIONS))
@pytest.mark.parametrize("base", ROLLING, ids=lambda c: c.__name__)
def test_the_trail_on_the_hill_and_on_the_map_run_the_same_way(base, name):
    scene = _built(base, name)
    inset = scene.panel.inset
    (n0, n1), (e0, e1) = scene.n_range, scene.e_range
    north, east = inset.c2p(n1, e0) - inset.c2p(n0, e0), inset.c2p(n0, e1) - inset.c2p(n0, e0)
    assert north[1] > 0 and abs(north[0]) < 1e-9 and east[0] > 0 and abs(east[1]) < 1e-9
    moved = 0
    for rider in scene.panel.riders:
        on_hill = _top_view(scene, rider.corners[rider.marks[[0, -1]]])
        hill_way, map_way = on_hill[1] - on_hill[0], rider.map_corners[-1, :2] - rider.map_corners[0, :2]
        if np.linalg.norm(map_way) * PX < 3:  # a walk of less than 3 px on the map: no way to compare
            continue
        moved += 1
        cosine = hill_way @ map_way / (np.linalg.norm(hill_way) * np.linalg.norm(map_way))
        assert cosine > 0.98, (rider.path.points[[0, -1]], hill_way, map_way)
        np.testing.assert_allclose(rider.map_corners[0, :2], inset.c2p(*rider.path.points[0])[:2], atol=1e-9)
    assert moved or name == "himmelblau"  # some walk is compared (the defaults all move)


@pytest.mark.parametrize("name", list(FUNCTIONS))
@pytest.mark.parametrize("base", ROLLING, ids=lambda c: c.__name__)
def test_the_inset_map_has_readable_tick_numbers_inside_the_panel(base, name):
    scene = _built(base, name)
    panel, zones = scene.panel, scene.zones
    inset = panel.inset
    frame = inset.frame
    names = [axis for axis, _ in inset.ticks.values]
    assert names.count("n") >= 2 and names.count("e") >= 2  # both edges carry numbers
    numbers = inset.tick_numbers()
    boxes = [(m.get_left()[0], m.get_right()[0], m.get_bottom()[1], m.get_top()[1]) for m in numbers]
    for k, a in enumerate(boxes):
        for b in boxes[k + 1:]:
            assert a[1] <= b[0] or b[1] <= a[0] or a[3] <= b[2] or b[3] <= a[2], "two tick numbers overlap"
    for (axis, value), text, mark in zip(inset.ticks.values, numbers, inset.ticks.submobjects[0::2]):
        assert text.height * PX >= 13.5, (axis, value)  # digits 14 px tall at 480p
        anchor = inset.c2p(value, scene.e_range[0]) if axis == "n" else inset.c2p(scene.n_range[0], value)
        if axis == "n":  # left of the box, level with its tick: never over the paths or balls
            assert text.get_right()[0] < frame.get_left()[0] and abs(text.get_center()[1] - anchor[1]) < 1e-6
        else:  # below the box, under its tick
            assert text.get_top()[1] < frame.get_bottom()[1] and abs(text.get_center()[0] - anchor[0]) < 1e-6
        for end in (mark.get_start(), mark.get_end()):  # the tick mark stays on the box
            assert frame.get_left()[0] - 1e-6 <= end[0] <= frame.get_right()[0] + 1e-6
            assert frame.get_bottom()[1] - 1e-6 <= end[1] <= frame.get_top()[1] + 1e-6
    for letter in inset.labels:  # n and e, lower case, still 9 px tall, clear of every number
        assert letter.height * PX >= 9
        box = (letter.get_left()[0], letter.get_right()[0], letter.get_bottom()[1], letter.get_top()[1])
        for a in boxes:
            assert a[1] <= box[0] or box[1] <= a[0] or a[3] <= box[2] or box[3] <= a[2], f"{letter.tex_string} runs into a number"
    side = zones.side
    assert side.left - 1e-6 <= inset.get_left()[0] and inset.get_right()[0] <= side.right + 1e-6
    assert side.bottom - 1e-6 <= inset.get_bottom()[1] and inset.get_top()[1] <= side.top + 1e-6
    for below in (panel.rule, panel.readouts):  # the rule and readouts below it, clear of it
        assert below.get_top()[1] < inset.get_bottom()[1]
