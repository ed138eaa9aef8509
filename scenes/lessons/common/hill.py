"""The base of the 3-D lessons: the hillside y = f(n, e), fitted to the frame.

Elevation y is a function of north n and east e. :class:`HillLesson` turns the class
attributes ``function``, ``variables``, ``n_range`` and ``e_range`` into

* ``self.field``: the :class:`~mathcore.ScalarField` every number on screen comes from;
* ``self.axes``: :class:`~scenes.parts.hill3d.axes3d.LessonAxes3D` whose vertical scale fits the
  function's values on the range (Himmelblau's function reaches hundreds and still fits),
  with n and e drawn to the same scale so that right angles in the n-e plane stay right;
* ``self.hill``: the fast :class:`~scenes.parts.hill3d.hillside.HillsideMesh` of the surface;
* ``self.axis_marks``: numbers on the three axes (the height axis carries values, so a steep
  hill and a gentle one read differently) and ``self.axis_labels``, the letters n, e and y at
  the tips (``self.var_tex`` and ``self.y_name`` hold those names, for readouts; the
  elevation is called ``z`` when ``y`` is an input), pinned to the screen at a readable size
  beside the axes, which run along the front edges of the box, off the surface;
* ``self.view_fit``: one zoom and screen offset that keep the hill inside the stage (or the
  plot left of a side panel) from every camera position of :meth:`HillLesson.camera_views`.
  Move the camera with :meth:`~HillLesson.set_view`, :meth:`~HillLesson.move_view` and
  :meth:`~HillLesson.orbit` (not ``move_camera``), which keep that framing and the numbers
  beside their axes.

Anything drawn on the hill goes over a dark halo (:mod:`scenes.parts.hill3d.halo`).

The lesson scenes (:mod:`scenes.lessons.partials.scene`, :mod:`scenes.lessons.gradient.scene`, :mod:`scenes.lessons.rolling.scene`)
subclass it, and so can a teacher::

    class FourValleys(BallRollsToMinimum):
        function = "(n**2 + e - 11)**2 + (n + e**2 - 7)**2"   # Himmelblau's function
        n_range = (-5.0, 5.0)
        e_range = (-5.0, 5.0)
        start = (0.5, -0.5)
        learning_rate = 0.01
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Annotated, Any, ClassVar

import numpy as np
import sympy
from manim import DEGREES, FadeIn, Mobject, UpdateFromAlphaFunc, smooth

from mathcore import DomainError, ScalarField

from scenes.kit.lesson import FieldFormula, LessonScene3D
from scenes.kit.layout import Box
from scenes.kit.numbers import number
from scenes.parts.plot2d.axes import nice_range
from scenes.parts.hill3d.axes3d import LessonAxes3D
from scenes.parts.hill3d.axis_labels import AxisLabels
from scenes.parts.hill3d.fast3d import camera_rotation
from scenes.parts.hill3d.hill_view import ViewFit, box_corners, fit_views, frame_center_for, path_of_views, projector
from scenes.parts.hill3d.height_bands import face_values, low_lying, paint_height_bands
from scenes.parts.hill3d.hillside import HillsideMesh
from scenes.kit.settings import Setting

__all__ = ["HillLesson", "fitted_value_range", "is_real_number", "is_whole_number", "screen_corner"]

#: Samples each way when fitting the vertical scale.
_FIT_SAMPLES = 81


def fitted_value_range(field: ScalarField, n_range: Sequence[float], e_range: Sequence[float], ticks: int = 5) -> tuple[float, float, float]:
    """``(low, high, step)`` of round numbers that holds the values of ``field`` on the
    rectangle (ignoring the runaway tails of a pole). The range starts at 0 when every value
    is positive and small next to its span, as elevations usually are, so the floor of the
    axes is sea level.

    Raises :class:`~mathcore.DomainError` when the field has no finite value there.
    """
    low, high = field.value_range(n_range, e_range, _FIT_SAMPLES)
    if 0 <= low <= 0.25 * (high - low):
        low = 0.0
    elif -0.25 * (high - low) <= high <= 0:
        high = 0.0
    return nice_range(low, high, ticks=ticks, pad=0.0)


class HillLesson(LessonScene3D):
    """A lesson on the hillside y = f(n, e); subclasses animate it.

    The hill is framed by the camera, not cropped by it: :meth:`camera_views` lists every
    camera position the scene uses (in order; the camera moves between them), and one zoom
    and screen offset is fitted (:func:`~scenes.parts.hill3d.hill_view.fit_views`) so that the
    hill's box with its numbers stays inside :meth:`hill_zone` (the stage, or the plot left
    of a side panel) for all of them. Move the camera with :meth:`set_view`,
    :meth:`move_view` and :meth:`orbit`, which keep that framing and the axis numbers beside
    their axes. The height axis carries values, so a steep hill and a gentle one read
    differently; the axes run along the edges of the box, off the surface.
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
    #: Lay the hill out as a map is (north along the scene's y, east along x), so that seen
    #: from straight above north is up and east to the right (a lesson's choice, not a setting).
    geographic = False
    #: Colour a low-lying hill (half its ground in the lowest 15 % of its span, as
    #: Rosenbrock's valley) by the share of the ground below each face, so its low ground shows
    #: (a lesson's choice; see :mod:`scenes.parts.hill3d.height_bands`). The height axis stays linear.
    height_bands = False
    #: Keep the height axis's numbers first when numbers would overlap in some view (the
    #: floor's give way), so the height axis carries several values (a lesson's choice).
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
        check, kind = (is_whole_number, "whole number") if whole else (is_real_number, "number")
        for attribute, low, high in limits:
            value = getattr(cls, attribute)
            if not check(value) or not low <= value <= high:
                raise ValueError(f"{cls.__name__}.{attribute} must be a {kind} from {low:g} to {high:g}; got {value!r}")

    @classmethod
    def make_field(cls) -> ScalarField:
        return ScalarField(cls.function, variables=tuple(cls.variables))

    @classmethod
    def check_point(cls, attribute: str, point: Any = None) -> tuple[float, float]:
        """The class attribute ``attribute`` (or ``point``) as a point of the rectangle where
        the function and its gradient are finite and the height lies within the drawn heights
        (not cut off near a pole); ``ValueError`` (or ``DomainError``) naming it otherwise."""
        name = cls.__name__
        value = getattr(cls, attribute) if point is None else point
        try:
            a, b = (float(v) for v in value)
        except (TypeError, ValueError):
            raise ValueError(f"{name}.{attribute} must be two numbers ({cls.variables[0]}, {cls.variables[1]}); got {value!r}") from None
        inside = cls.n_range[0] <= a <= cls.n_range[1] and cls.e_range[0] <= b <= cls.e_range[1]
        if not (math.isfinite(a) and math.isfinite(b)) or not inside:
            raise ValueError(
                f"{name}.{attribute} = {value!r} must lie in n_range {tuple(cls.n_range)!r} and e_range {tuple(cls.e_range)!r}"
            )
        field = cls.make_field()
        if not (np.isfinite(field(a, b)) and np.all(np.isfinite(field.gradient((a, b))))):
            raise DomainError(f"{name}.{attribute}: {field.text!r} or its slopes are undefined at ({a:g}, {b:g})")
        low, high = fitted_value_range(field, cls.n_range, cls.e_range)[:2]
        height = float(field(a, b))
        if not low <= height <= high:
            raise DomainError(
                f"{name}.{attribute} = {tuple(value)!r}: the height there, {number(height, 2)}, is outside the drawn range "
                f"{number(low, 2)} to {number(high, 2)} (the hill is cut off there); choose a point away from the pole"
            )
        return a, b

    @classmethod
    def value_name(cls) -> str:
        """The name of the elevation: ``y``, or ``z`` when ``y`` is one of the two inputs."""
        return next(name for name in ("y", "z", "h", "u") if name not in cls.variables)

    # -- build ------------------------------------------------------------------------------
    def build(self) -> None:
        """Check the settings (a scene rendered by the ``manim`` command is not validated
        before), then make the field, the fitted axes, the hillside, the axis numbers and
        letters, and the framing for every camera position of :meth:`camera_views`."""
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
        """Axes with n and e to one scale and the values fitted to ``height_length``,
        centred on the scene's origin. Seen from the start view, n and e run along the two
        front edges of the box's floor and the height axis stands at its left corner, so the
        axes, their numbers and letters stay off the surface."""
        (n0, n1), (e0, e1) = self.n_range, self.e_range
        unit = self.base_length / max(n1 - n0, e1 - e0)
        low, high = self.value_range[:2]
        left, near = (screen_corner(self.phi, self.theta, way, self.geographic) for way in ("left", "near"))
        ns, es = (n0, n1), (e0, e1)
        axes = LessonAxes3D(
            x_range=(n0, n1, _tick_step(n1 - n0)),
            y_range=(e0, e1, _tick_step(e1 - e0)),
            z_range=self.value_range,
            x_length=unit * (n1 - n0),
            y_length=unit * (e1 - e0),
            z_length=self.height_length,
            tick_size=0.12,
            cross=(ns[left[0]], es[left[1]], low),
            axis_lines=((n0, es[near[1]], low), (ns[near[0]], e0, low), (ns[left[0]], es[left[1]], low)),
            geographic=self.geographic,
        )
        centre = axes.c2p((n0 + n1) / 2, (e0 + e1) / 2, (low + high) / 2)
        axes.shift(-centre)
        return axes

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
        zone = self.hill_zone()
        across, up = self.label_room()
        inner = Box(zone.left + across, zone.right - across, zone.bottom + up, zone.top - up)
        fit = fit_views(self.frame_points(), self.camera_views() if views is None else views, inner, centre=np.zeros(3))
        return ViewFit(fit.zoom * self.zoom, fit.offset, fit.centre)

    def frame_points(self) -> np.ndarray:
        """The scene points that must stay in view: the hillside (every few of its
        points), the floor's corners and the tips of the axes."""
        low = np.array([self.axes.x_range[0], self.axes.y_range[0], self.axes.z_range[0]])
        high = np.array([self.axes.x_range[1], self.axes.y_range[1], self.axes.z_range[1]])
        floor = box_corners(low, high)[:4]  # z at its low end
        tips = np.array([self.axes.axis_end(k) + self.axes.tip_length * _unit(self.axes, k) for k in range(3)])
        return np.vstack([self.axes.c2p(floor).T, tips, self.hill.points[:: max(1, len(self.hill.points) // 2000)]])

    def label_room(self) -> tuple[float, float]:
        """Room left beside and above/below the hill for the numbers and letters beside its
        axes: (across, up) in screen units."""
        widest = max(label.width for label in self.axis_marks.labels)
        tallest = max(label.height for label in self.axis_marks.labels)
        return 0.2 + max(widest, 0.4), 0.2 + tallest

    def camera_settings(self, phi: float, theta: float) -> dict[str, Any]:
        """Keyword arguments of ``set_camera_orientation`` for the view ``phi``, ``theta``
        (degrees) with the fitted zoom and the hill in its place on screen."""
        fit = self.view_fit
        return {
            "phi": phi * DEGREES,
            "theta": theta * DEGREES,
            "zoom": fit.zoom,
            "frame_center": frame_center_for(phi, theta, fit.centre, fit.offset),
        }

    def set_view(self, phi: float | None = None, theta: float | None = None) -> None:
        """Put the camera at ``phi``, ``theta`` (degrees; default the current ones) at once."""
        phi = self._view[0] if phi is None else float(phi)
        theta = self._view[1] if theta is None else float(theta)
        settings = self.camera_settings(phi, theta)
        camera = self.renderer.camera
        camera.set_phi(settings["phi"])
        camera.set_theta(settings["theta"])
        camera.set_zoom(settings["zoom"])
        camera.frame_center = settings["frame_center"]
        camera.reset_rotation_matrix()  # project_points reads the stored matrix
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
                self.view_fit = _between(f0, f1, alpha)
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


def screen_corner(phi: float, theta: float, way: str = "left", geographic: bool = False) -> tuple[int, int]:
    """Which floor corner of the box, as (0 or 1 for the low or high end of n, the same
    for e), is furthest ``"left"`` on screen, or ``"near"``est the camera (ties go right),
    seen from ``phi``, ``theta`` (degrees). ``geographic``: n runs along the scene's y and
    e along its x (:class:`~scenes.parts.hill3d.axes3d.LessonAxes3D`)."""
    rotation = camera_rotation(phi * DEGREES, theta * DEGREES)
    right, toward = rotation[0], rotation[2]  # the screen's x axis and the way to the eye
    n_axis, e_axis = (1, 0) if geographic else (0, 1)

    def along(c, v) -> float:
        return (2 * c[0] - 1) * v[n_axis] + (2 * c[1] - 1) * v[e_axis]

    corners = [(i, j) for i in (0, 1) for j in (0, 1)]
    if way == "left":
        return min(corners, key=lambda c: along(c, right))
    return max(corners, key=lambda c: (round(along(c, toward), 9), along(c, right)))


def _between(a: ViewFit, b: ViewFit, alpha: float) -> ViewFit:
    """The framing ``alpha`` of the way from ``a`` to ``b`` (zoom changes geometrically)."""
    zoom = a.zoom * (b.zoom / a.zoom) ** alpha
    offset = tuple((1 - alpha) * x + alpha * y for x, y in zip(a.offset, b.offset))
    return ViewFit(zoom, offset, a.centre)


def _unit(axes: LessonAxes3D, k: int) -> np.ndarray:
    direction = axes.points[1 + k] - axes.points[0]
    return direction / np.linalg.norm(direction)


def _tick_step(span: float) -> float:
    return nice_range(0.0, span, ticks=4, pad=0.0)[2]


def is_real_number(value: Any) -> bool:
    """A finite int or float setting (``True`` is not a number here)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def is_whole_number(value: Any) -> bool:
    """An int setting (``True`` is not a count here)."""
    return isinstance(value, int) and not isinstance(value, bool)
