"""The scenes that ``bench_surfaces.py`` times: the same 4-second camera orbit over
nothing, over a stock :class:`~manim.Surface` and over a :class:`HillsideMesh`.

Each is rendered on its own by ``python -m manim`` in a fresh process.
"""

from __future__ import annotations

import sys
from pathlib import Path

from manim import DEGREES, Dot, Surface, ThreeDAxes, ThreeDScene, TracedPath, linear

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mathcore import ScalarField, gradient_descent  # noqa: E402
from scenes.kit import style  # noqa: E402
from scenes.kit.lesson import LessonScene3D  # noqa: E402
from scenes.parts.hill3d.axes3d import LessonAxes3D  # noqa: E402
from scenes.parts.hill3d.ball3d import RollAlong, ShadedBall  # noqa: E402
from scenes.parts.hill3d.fast3d import FastThreeDScene  # noqa: E402
from scenes.parts.hill3d.hillside import HillsideMesh  # noqa: E402
from scenes.kit.beats import NO_FACTS  # noqa: E402

FIELD = ScalarField("0.3*(n**2 + 2*e**2) + 0.4*sin(2*n)*cos(e)", variables=("n", "e"))
RANGE = (-2.0, 2.0)
SECONDS = 4.0


def orbit(scene: ThreeDScene) -> None:
    """The same orbit in every scene: a quarter turn and a tilt, at constant speed."""
    scene.move_camera(phi=55 * DEGREES, theta=30 * DEGREES, run_time=SECONDS, rate_func=linear)


def start(scene: ThreeDScene) -> None:
    scene.camera.background_color = style.BACKGROUND
    scene.set_camera_orientation(phi=70 * DEGREES, theta=-60 * DEGREES)


def axes() -> ThreeDAxes:
    return ThreeDAxes(x_range=(-2, 2, 1), y_range=(-2, 2, 1), z_range=(-1, 4, 1), x_length=6, y_length=6, z_length=4)


class MinimalOrbit(ThreeDScene):
    """The floor: a dot and the orbit (what every frame costs without a surface)."""

    def construct(self):
        start(self)
        self.add(Dot())
        orbit(self)


def stock_surface(resolution: int, ax: ThreeDAxes) -> Surface:
    return Surface(lambda u, v: ax.c2p(u, v, FIELD(u, v)), u_range=RANGE, v_range=RANGE, resolution=resolution)


class StockSurface24(ThreeDScene):
    """manim's own Surface, 24 x 24 faces (checkerboard), the same orbit."""

    def construct(self):
        start(self)
        self.add(stock_surface(24, axes()))
        orbit(self)


class FastMesh24(FastThreeDScene):
    """The HillsideMesh, 24 x 24 faces, the same orbit."""

    resolution = 24

    def construct(self):
        start(self)
        self.add(HillsideMesh(FIELD, RANGE, RANGE, self.resolution, axes=axes()))
        orbit(self)


class FastMesh48(FastMesh24):
    """The HillsideMesh, 48 x 48 faces."""

    resolution = 48


class FastLesson(LessonScene3D):
    """What a lesson shows: axes with labels, the hill (default resolution, 24 x 24), a ball
    rolling down its descent path with a trail, a caption fixed in the frame; the camera
    orbits while the ball rolls."""

    def construct(self):
        start(self)
        ax = LessonAxes3D(x_range=(-2, 2, 1), y_range=(-2, 2, 1), z_range=(-1, 4, 1), x_length=6, y_length=6, z_length=4)
        hill = HillsideMesh(FIELD, RANGE, RANGE, axes=ax)
        path = gradient_descent(FIELD, (1.6, 1.4), learning_rate=0.08, max_steps=60)
        track = hill.path_on_surface(path.points, lift=0.1)
        ball = ShadedBall(radius=0.12).place(track.points[0])
        trail = TracedPath(ball.get_center, stroke_color=style.DESCENT, stroke_width=4)
        labels = ax.axis_labels("n", "e", "y")
        self.add_fixed_orientation_mobjects(*labels)
        self.add(ax, hill, trail, ball, labels)
        self.caption("The ball rolls downhill while we walk around the hill.", run_time=0, facts=NO_FACTS)
        self.move_camera(
            phi=55 * DEGREES,
            theta=30 * DEGREES,
            run_time=SECONDS,
            rate_func=linear,
            added_anims=[RollAlong(ball, track, run_time=SECONDS, rate_func=linear)],
        )
