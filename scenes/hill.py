"""The base of the 3-D lessons: the hillside y = f(n, e), fitted to the frame.

Elevation y is a function of north n and east e. :class:`HillLesson` turns the class
attributes ``function``, ``variables``, ``n_range`` and ``e_range`` into

* ``self.field``: the :class:`~mathcore.ScalarField` every number on screen comes from;
* ``self.axes``: :class:`~scenes.parts.axes3d.LessonAxes3D` whose vertical scale fits the
  function's values on the range (Himmelblau's function reaches hundreds and still fits),
  with n and e drawn to the same scale so that right angles in the n-e plane stay right;
* ``self.hill``: the fast :class:`~scenes.parts.hillside.HillsideMesh` of the surface;
* ``self.axis_labels``: the letters n, e and y at the tips of the axes (``self.var_tex`` and
  ``self.y_name`` hold those names, for readouts; the elevation is called ``z`` when ``y`` is
  an input).

The lesson scenes (:mod:`scenes.partials`, :mod:`scenes.gradient`, :mod:`scenes.rolling`)
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
from typing import Any, ClassVar

import numpy as np
import sympy
from manim import DEGREES, FadeIn, Mobject, smooth

from mathcore import DomainError, ScalarField

from .base import FieldFormula, LessonScene3D
from .parts.axes import nice_range
from .parts.axes3d import LessonAxes3D
from .parts.hillside import HillsideMesh

__all__ = ["HillLesson", "fitted_value_range", "is_real_number", "is_whole_number"]

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

    Class attributes
    ----------------
    function : str
        The elevation, in the two ``variables`` (default: a smooth valley with one minimum).
    variables : (str, str)
        The names of the two inputs: north and east by default. In ``("n", "e")`` the
        letter ``e`` is East, not Euler's number.
    n_range, e_range : (float, float)
        The rectangle of the two inputs shown (the first variable, then the second).
    resolution : int
        Faces of the hillside mesh along each side (4 to 80).
    decimals : int
        Digits after the point in the numbers read out.
    phi, theta : float
        The camera's starting tilt from straight down and its turn about the vertical, in
        degrees (manim's ``set_camera_orientation``).
    zoom : float
        The camera's zoom (1 shows about 14 x 8 scene units).
    read_time : float
        Seconds of stillness after a caption, for reading.
    title, subtitle, caption_width
        See :class:`~scenes.base.LessonMixin`.
    """

    function: ClassVar[FieldFormula] = "0.3*(n**2 + 2*e**2)"
    variables: ClassVar[tuple[str, str]] = ("n", "e")
    n_range: ClassVar[tuple[float, float]] = (-3.0, 3.0)
    e_range: ClassVar[tuple[float, float]] = (-3.0, 3.0)
    resolution: ClassVar[int] = 24
    decimals: ClassVar[int] = 2
    phi: ClassVar[float] = 62.0
    theta: ClassVar[float] = -60.0
    zoom: ClassVar[float] = 1.0
    read_time: ClassVar[float] = 1.6

    #: Scene lengths of the longer of the n-e sides and of the vertical axis.
    base_length: ClassVar[float] = 5.8
    height_length: ClassVar[float] = 3.2

    # -- configuration ----------------------------------------------------------------------
    @classmethod
    def validate(cls) -> None:
        """Raise ``ValueError`` unless the hillside can be drawn: the function parses in the
        two variables, the ranges are finite and ordered, and the function has finite values
        on the rectangle. Lessons add checks of their points."""
        cls._check_hill_settings()
        super().validate()
        field = cls.make_field()
        fitted_value_range(field, cls.n_range, cls.e_range)

    @classmethod
    def _check_hill_settings(cls) -> None:
        name = cls.__name__
        variables = cls.variables
        if (
            isinstance(variables, str)
            or not isinstance(variables, Sequence)
            or len(variables) != 2
            or not all(isinstance(v, str) for v in variables)
        ):
            raise ValueError(f"{name}.variables must be two names such as ('n', 'e'); got {variables!r}")
        if variables[0] == variables[1]:
            raise ValueError(f"{name}.variables must be two different names; got {variables!r}")
        for attribute in ("n_range", "e_range"):
            _check_interval(name, attribute, getattr(cls, attribute))
        cls.check_numbers((("resolution", 4, 80), ("decimals", 0, 6)), whole=True)
        cls.check_numbers((("phi", 0, 180), ("theta", -360, 360), ("zoom", 0.2, 5), ("read_time", 0, 60)))

    @classmethod
    def check_numbers(cls, limits: Sequence[tuple[str, float, float]], whole: bool = False) -> None:
        """``ValueError`` naming the attribute unless each ``(attribute, low, high)`` of
        ``limits`` is a number (``whole``: an int; never a bool) from low to high."""
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
                f"{name}.{attribute} = {tuple(value)!r}: the height there, {height:.4g}, is outside the drawn range "
                f"{low:g} to {high:g} (the hill is cut off there); choose a point away from the pole"
            )
        return a, b

    @classmethod
    def value_name(cls) -> str:
        """The name of the elevation: ``y``, or ``z`` when ``y`` is one of the two inputs."""
        return next(name for name in ("y", "z", "h", "u") if name not in cls.variables)

    # -- build ------------------------------------------------------------------------------
    def build(self) -> None:
        """Check the settings (a scene rendered by the ``manim`` command is not validated
        before), then make the field, the fitted axes, the hillside and the axis letters."""
        type(self).validate()
        self.field = self.make_field()
        self.value_range = fitted_value_range(self.field, self.n_range, self.e_range)
        self.axes = self.make_axes()
        self.hill = HillsideMesh(self.field, self.n_range, self.e_range, self.resolution, axes=self.axes)
        #: LaTeX of the two inputs' names and the elevation's name, for labels and readouts.
        self.var_tex = tuple(sympy.latex(symbol) for symbol in self.field.symbols)
        self.y_name = self.value_name()
        self.axis_labels = self.axes.axis_labels(*self.var_tex, self.y_name)

    def make_axes(self) -> LessonAxes3D:
        """Axes with n and e to one scale and the values fitted to ``height_length``,
        centred on the scene's origin."""
        (n0, n1), (e0, e1) = self.n_range, self.e_range
        unit = self.base_length / max(n1 - n0, e1 - e0)
        axes = LessonAxes3D(
            x_range=(n0, n1, _tick_step(n1 - n0)),
            y_range=(e0, e1, _tick_step(e1 - e0)),
            z_range=self.value_range,
            x_length=unit * (n1 - n0),
            y_length=unit * (e1 - e0),
            z_length=self.height_length,
        )
        low, high = self.value_range[:2]
        centre = axes.c2p((n0 + n1) / 2, (e0 + e1) / 2, (low + high) / 2)
        axes.shift(-centre)
        return axes

    # -- helpers for construct() ------------------------------------------------------------
    def set_start_view(self) -> None:
        """Point the camera as ``phi``, ``theta`` and ``zoom`` say."""
        self.set_camera_orientation(phi=self.phi * DEGREES, theta=self.theta * DEGREES, zoom=self.zoom)

    def show_hill(self, run_time: float = 1.0) -> None:
        """Bring in the axes, their letters and the hillside."""
        self.add_fixed_orientation_mobjects(*self.axis_labels)
        if run_time > 0:
            self.play(FadeIn(self.axes), FadeIn(self.hill), FadeIn(self.axis_labels), run_time=run_time)
        else:
            self.add(self.axes, self.hill, self.axis_labels)

    def surface_point(self, a: float, b: float, lift: float = 0.0) -> np.ndarray:
        """The scene point on the hillside above (a, b), raised by ``lift`` scene units."""
        return self.hill.point_at(a, b, lift)

    def flat_point(self, a: float, b: float, value: float) -> np.ndarray:
        """The scene point of (a, b) at height ``value`` (any point, on the surface or not)."""
        return np.asarray(self.axes.c2p(a, b, value), dtype=float)

    def orbit(self, turn: float, run_time: float, tilt: float | None = None, added_anims: Sequence[Any] = (), rate_func=smooth) -> None:
        """Walk the camera ``turn`` degrees around the hill (and to tilt ``phi`` if given)."""
        target: dict[str, float] = {"theta": self.camera.get_theta() + turn * DEGREES}
        if tilt is not None:
            target["phi"] = tilt * DEGREES
        self.move_camera(**target, run_time=run_time, rate_func=rate_func, added_anims=list(added_anims))

    def pin_corner(self, mobject: Mobject, corner: np.ndarray, buff: float = 0.3) -> Mobject:
        """Fix ``mobject`` to the screen at ``corner`` (e.g. ``UL``), out of the captions' way."""
        mobject.to_corner(corner, buff=buff)
        self.pin(mobject)
        return mobject

    def number(self, value: float) -> str:
        """``value`` as shown on screen (``decimals`` places, no minus zero)."""
        text = f"{value:.{self.decimals}f}"
        return text[1:] if text.startswith("-") and float(text) == 0 else text


def _tick_step(span: float) -> float:
    return nice_range(0.0, span, ticks=4, pad=0.0)[2]


def is_real_number(value: Any) -> bool:
    """A finite int or float setting (``True`` is not a number here)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def is_whole_number(value: Any) -> bool:
    """An int setting (``True`` is not a count here)."""
    return isinstance(value, int) and not isinstance(value, bool)


def _check_interval(name: str, attribute: str, value: Any) -> tuple[float, float]:
    try:
        low, high = (float(v) for v in value)
    except (TypeError, ValueError):
        raise ValueError(f"{name}.{attribute} must be two numbers (low, high); got {value!r}") from None
    if not (math.isfinite(low) and math.isfinite(high) and low < high):
        raise ValueError(f"{name}.{attribute} must be finite with low < high; got {value!r}")
    return low, high
