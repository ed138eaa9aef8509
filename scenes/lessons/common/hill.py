"""The base of the 3-D lessons: the hillside y = f(n, e), laid out as a map and fitted to the frame.

Elevation y is a function of north n and east e. After :meth:`HillLesson.build`, a lesson has

* ``self.field``: the :class:`~mathcore.ScalarField` every number on screen comes from;
* ``self.axes``: the map's axes (north along the scene's y, east along its x, heights
  fitted to ``height_length``: :mod:`scenes.lessons.common.hill_axes`), n and e to one scale
  so that right angles in the n-e plane stay right;
* ``self.hill``: the fast :class:`~scenes.parts.hill3d.hillside.HillsideMesh` of the surface;
* ``self.axis_marks``: numbers on the three axes and the letters n, e and y at the tips
  (``self.axis_labels``; ``self.var_tex`` and ``self.y_name`` hold those names; the
  elevation is ``z`` when ``y`` is an input), pinned to the screen beside the axes;
* ``self.view_fit``: one zoom and screen offset that keep the hill inside its zone from every
  camera position of :meth:`HillLesson.camera_views` (:mod:`scenes.lessons.common.hill_camera`).
  Move the camera with :meth:`~HillLesson.set_view`, :meth:`~HillLesson.move_view` and
  :meth:`~HillLesson.orbit` (not ``move_camera``).

From straight above, north is up and east to the right, as on the lessons' 2-D maps; from
the start view north runs away up the screen and east to the right. The settings' checks
are in :mod:`scenes.lessons.common.hill_checks`. A teacher subclasses a lesson with other
settings (examples in :mod:`scenes.lessons.rolling.scene` and :mod:`scenes.lessons.partials.scene`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any, ClassVar

import numpy as np
import sympy
from manim import FadeIn, Mobject, UpdateFromAlphaFunc, smooth

from mathcore import ScalarField

from scenes.kit.layout import Box
from scenes.kit.lesson import FieldFormula, LessonScene3D
from scenes.kit.numbers import number
from scenes.kit.settings import Setting
from scenes.lessons.common import hill_axes, hill_camera
from scenes.lessons.common.hill_axes import map_axes, screen_corner
from scenes.lessons.common.hill_checks import checked_numbers, checked_point, fitted_value_range, is_real_number, is_whole_number
from scenes.parts.hill3d.axes3d import LessonAxes3D
from scenes.parts.hill3d.axis_labels import AxisLabels
from scenes.parts.hill3d.height_bands import face_values, low_lying, paint_height_bands
from scenes.parts.hill3d.hill_view import ViewFit, path_of_views, projector
from scenes.parts.hill3d.hillside import HillsideMesh

__all__ = ["HillLesson", "fitted_value_range", "is_real_number", "is_whole_number", "screen_corner"]


class HillLesson(LessonScene3D):
    """A lesson on the hillside y = f(n, e), laid out as a map; subclasses animate it.

    The hill is framed by the camera, not cropped by it: :meth:`camera_views` lists every
    camera position the scene uses (the camera moves between them in order), and one zoom
    and offset keeps the hill's box with its numbers inside :meth:`hill_zone` for all of them.
    """

    function: ClassVar[Annotated[FieldFormula, Setting("the elevation f, in the two variables", max_length=200)]] = "0.3*(n**2 + 2*e**2)"
    variables: ClassVar[Annotated[tuple[str, str], Setting("the names of the two inputs (north and east: e is East, not Euler's number)")]] = ("n", "e")
    n_range: ClassVar[Annotated[tuple[float, float], Setting("the range of the first input shown", low=-1e6, high=1e6, increasing=True, min_span=1e-6)]] = (-3.0, 3.0)
    e_range: ClassVar[Annotated[tuple[float, float], Setting("the range of the second input shown", low=-1e6, high=1e6, increasing=True, min_span=1e-6)]] = (-3.0, 3.0)
    resolution: ClassVar[Annotated[int, Setting("faces of the hillside mesh along each side", low=4, high=80)]] = 24
    decimals: ClassVar[Annotated[int, Setting("digits after the point in numbers read out", low=0, high=4)]] = 2
    phi: ClassVar[Annotated[float, Setting("the camera's starting tilt from straight down, in degrees", low=0, high=89)]] = 62.0
    theta: ClassVar[Annotated[float, Setting("the camera's starting turn about the vertical, in degrees", low=-360, high=360)]] = -60.0
    zoom: ClassVar[Annotated[float, Setting("the hill's size as a share of the largest that fits the stage", low=0.3, high=1.0)]] = 1.0
    read_time: ClassVar[Annotated[float, Setting("extra seconds of stillness after a caption has been read", low=0, high=5)]] = 1.6
    base_length: ClassVar[Annotated[float, Setting("scene length of the longer of the two input sides", low=2.0, high=8.0)]] = 5.8
    height_length: ClassVar[Annotated[float, Setting("scene length of the height axis", low=1.0, high=5.0)]] = 3.2
    #: Colour a low-lying hill (as Rosenbrock's valley) by the share of the ground below each
    #: face, so its low ground shows (a lesson's choice; :mod:`scenes.parts.hill3d.height_bands`).
    height_bands = False
    #: Keep the height axis's numbers first where numbers would overlap (a lesson's choice).
    height_numbers_first = False

    # -- configuration ----------------------------------------------------------------------
    @classmethod
    def validate(cls) -> None:
        """Every declared setting (:meth:`~scenes.kit.lesson.LessonMixin.validate`), the two
        variables first: two different names (a formula cannot be read without them)."""
        variables = cls.variables
        if isinstance(variables, (tuple, list)) and len(variables) == 2 and variables[0] == variables[1]:
            raise ValueError(f"{cls.__name__}.variables must be two different names; got {tuple(variables)!r}")
        super().validate()

    @classmethod
    def check(cls) -> None:
        """The function has finite values on the rectangle. Lessons add checks of their
        points (:meth:`check_point`)."""
        fitted_value_range(cls.make_field(), cls.n_range, cls.e_range)

    @classmethod
    def check_numbers(cls, limits: Sequence[tuple[str, float, float]], whole: bool = False) -> None:
        """``ValueError`` naming the attribute unless each ``(attribute, low, high)`` of
        ``limits`` is a number (``whole``: an int; never a bool) from low to high.
        (For settings not yet declared with :class:`~scenes.kit.settings.Setting`.)"""
        checked_numbers(cls, limits, whole)

    @classmethod
    def make_field(cls) -> ScalarField:
        return ScalarField(cls.function, variables=tuple(cls.variables))

    @classmethod
    def check_point(cls, attribute: str, point: Any = None) -> tuple[float, float]:
        """The class attribute ``attribute`` (or ``point``) as a point of the rectangle where
        the function and its gradient are finite and the height lies within the drawn heights
        (:func:`~scenes.lessons.common.hill_checks.checked_point`)."""
        value = getattr(cls, attribute) if point is None else point
        return checked_point(cls.__name__, attribute, value, cls.make_field(), cls.n_range, cls.e_range, cls.variables)

    @classmethod
    def value_name(cls) -> str:
        """The name of the elevation: ``y``, or ``z`` when ``y`` is one of the two inputs."""
        return next(name for name in ("y", "z", "h", "u") if name not in cls.variables)

    # -- build ------------------------------------------------------------------------------
    def build(self) -> None:
        """Check the settings (the ``manim`` command does not), then make the field, the axes,
        the hillside, the axis numbers and letters, and the framing of :meth:`camera_views`."""
        type(self).validate()
        self.field = self.make_field()
        self.value_range = fitted_value_range(self.field, self.n_range, self.e_range)
        self.axes = self.make_axes()
        self.hill = HillsideMesh(self.field, self.n_range, self.e_range, self.resolution, axes=self.axes)
        #: Whether the hill is coloured by share of the ground (``height_bands`` and low-lying).
        self.banded = bool(self.height_bands and low_lying(face_values(self.hill)))
        if self.banded:
            paint_height_bands(self.hill)
        #: LaTeX of the two inputs' names and the elevation's name, for labels and readouts.
        self.var_tex = tuple(sympy.latex(symbol) for symbol in self.field.symbols)
        self.y_name = self.value_name()
        #: The numbers on the axes and the axis letters, pinned beside their axes.
        self.axis_marks = AxisLabels.for_axes(self.axes, (*self.var_tex, self.y_name))
        #: The three axis letters (n, e and the elevation's name), a part of ``axis_marks``.
        self.axis_labels = self.axis_marks.letters
        self.view_fit = self.fit_camera()
        self.axis_marks.thin(
            [projector(p, t, self.view_fit) for p, t in path_of_views(self.number_views(), step=15.0)],
            first_axis=2 if self.height_numbers_first else None,
        )
        self._view = (float(self.phi), float(self.theta))

    def make_axes(self) -> LessonAxes3D:
        """The map's axes (:func:`~scenes.lessons.common.hill_axes.map_axes`), along the front
        edges of the box's floor seen from the start view."""
        return map_axes(self.n_range, self.e_range, self.value_range, self.base_length, self.height_length, (self.phi, self.theta))

    # -- framing ------------------------------------------------------------------------------
    def camera_views(self) -> list[tuple[float, float]]:
        """Every camera position (phi, theta in degrees) the scene uses, in the order the
        camera visits them (it moves from each to the next). Scenes that move the camera
        override this; the framing holds for all of them and for the way between."""
        return [(self.phi, self.theta)]

    def number_views(self) -> list[tuple[float, float]]:
        """The camera positions from which the axis numbers are seen (they must not overlap
        there): :meth:`camera_views`, unless a scene hides the numbers for part of its way."""
        return self.camera_views()

    def hill_zone(self) -> Box:
        """The part of the frame the hill (with its numbers) must stay in: the stage; a
        scene with a side panel returns ``self.zones.plot``."""
        return self.zones.stage

    def fit_camera(self, views: Sequence[tuple[float, float]] | None = None) -> ViewFit:
        """One zoom and offset that keep the hill inside :meth:`hill_zone`, shrunk by room
        for the axis numbers and letters, for every view of ``views`` (default
        :meth:`camera_views`) and the way between them."""
        views = self.camera_views() if views is None else views
        return hill_camera.fit_in_zone(self.frame_points(), views, self.hill_zone(), self.label_room(), self.zoom)

    def frame_points(self) -> np.ndarray:
        """The scene points that must stay in view: the hillside, the floor and the axes' tips."""
        return hill_axes.frame_points(self.axes, self.hill.points)

    def label_room(self) -> tuple[float, float]:
        """Room (across, up) left beside the hill for its axes' numbers and letters."""
        return hill_camera.label_room(self.axis_marks.labels)

    def camera_settings(self, phi: float, theta: float) -> dict[str, Any]:
        """Keyword arguments of ``set_camera_orientation`` for ``phi``, ``theta`` (degrees), framed."""
        return hill_camera.camera_settings(self.view_fit, phi, theta)

    def set_view(self, phi: float | None = None, theta: float | None = None) -> None:
        """Put the camera at ``phi``, ``theta`` (degrees; default the current ones) at once."""
        phi = self._view[0] if phi is None else float(phi)
        theta = self._view[1] if theta is None else float(theta)
        camera = self.renderer.camera
        hill_camera.point_camera(camera, self.view_fit, phi, theta)
        self._view = (phi, theta)
        self.axis_marks.place(camera.project_points)

    def set_start_view(self) -> None:
        """Point the camera as ``phi`` and ``theta`` say, framed by :meth:`fit_camera`."""
        self.set_view(self.phi, self.theta)

    def move_view(self, phi: float | None = None, theta: float | None = None, run_time: float = 2.0,
                  added_anims: Sequence[Any] = (), rate_func=smooth, fit: ViewFit | None = None) -> None:
        """Move the camera to ``phi``, ``theta`` (degrees), keeping the framing and the axis
        numbers beside their axes on the way; with ``fit`` (e.g. :meth:`fit_camera` of the
        last view alone), change to that framing on the way."""
        p0, t0 = self._view
        p1 = p0 if phi is None else float(phi)
        t1 = t0 if theta is None else float(theta)
        f0 = self.view_fit
        f1 = f0 if fit is None else fit

        def step(_, alpha: float) -> None:
            if f1 is not f0:
                self.view_fit = hill_camera.between(f0, f1, alpha)
            self.set_view(p0 + (p1 - p0) * alpha, t0 + (t1 - t0) * alpha)

        camera = self.renderer.camera
        self.play(UpdateFromAlphaFunc(camera._frame_center, step, rate_func=rate_func), *added_anims, run_time=run_time)
        self.view_fit = f1
        self.set_view(p1, t1)

    def orbit(self, turn: float, run_time: float, tilt: float | None = None, added_anims: Sequence[Any] = (), rate_func=smooth) -> None:
        """Walk the camera ``turn`` degrees around the hill (and to tilt ``phi`` if given)."""
        self.move_view(tilt, self._view[1] + turn, run_time=run_time, added_anims=added_anims, rate_func=rate_func)

    # -- helpers for construct() ------------------------------------------------------------
    def show_hill(self, run_time: float = 1.0) -> None:
        """Bring in the axes, their numbers and letters, and the hillside."""
        self.axis_marks.place(self.renderer.camera.project_points)
        self.pin(self.axis_marks)
        if run_time > 0:
            self.play(FadeIn(self.axes), FadeIn(self.hill), FadeIn(self.axis_marks), run_time=run_time)
        else:
            self.add(self.axes, self.hill, self.axis_marks)

    def surface_point(self, a: float, b: float, lift: float = 0.0) -> np.ndarray:
        """The scene point on the hillside above (a, b), raised by ``lift`` scene units."""
        return self.hill.point_at(a, b, lift)

    def flat_point(self, a: float, b: float, value: float) -> np.ndarray:
        """The scene point of (a, b) at height ``value`` (any point, on the surface or not)."""
        return np.asarray(self.axes.c2p(a, b, value), dtype=float)

    def pin_corner(self, mobject: Mobject, corner: np.ndarray, buff: float = 0.3) -> Mobject:
        """Fix ``mobject`` to the screen at ``corner`` (e.g. ``UL``), out of the captions' way."""
        mobject.to_corner(corner, buff=buff)
        self.pin(mobject)
        return mobject

    def number(self, value: float) -> str:
        """``value`` as shown on screen and in captions (:func:`scenes.kit.numbers.number` with
        ``decimals``)."""
        return number(value, self.decimals)
