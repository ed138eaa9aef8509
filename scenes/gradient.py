"""The gradient: the steepest way up a hillside, and straight across its contour lines.

Elevation y = f(n, e) has one slope per direction. The two partial slopes, the components
of the gradient, add up tip to tail to one arrow in the n-e plane, and that arrow is the
direction in which the hill climbs fastest, as steeply as its length says.

* :class:`GradientOnHillside` stands at a point of the hillside, builds the gradient from
  the two partial slopes, then turns a direction arrow once around the point while the
  slope in that direction is read out: largest along the gradient (equal to ``|∇f|``),
  zero at right angles to it, and ``-|∇f|`` the opposite way: the way down.
* :class:`GradientField` looks at the same hill from straight above: contour lines like a
  hiking map, gradient arrows on a grid crossing them at right angles, then flipped to
  ``-∇f``, the way down.

Every number on screen comes from :class:`mathcore.ScalarField` (``gradient``,
``steepest_slope``, ``directional_derivative``). Render with::

    manim -qh scenes/gradient.py GradientOnHillside GradientField

A variant is a subclass::

    class FourValleys(GradientOnHillside):
        function = "(n**2 + e - 11)**2 + (n + e**2 - 7)**2"   # Himmelblau's function
        n_range = (-5.0, 5.0)
        e_range = (-5.0, 5.0)
        point = (1.0, 1.0)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import ClassVar

import numpy as np
from manim import (
    DEGREES,
    DOWN,
    LEFT,
    ORIGIN,
    OUT,
    PI,
    RIGHT,
    UL,
    UR,
    Arrow,
    Create,
    FadeIn,
    FadeOut,
    GrowArrow,
    LaggedStart,
    MathTex,
    Transform,
    VGroup,
    VMobject,
    ValueTracker,
    config,
    linear,
)

from mathcore import DomainError
from scenes import style
from scenes.base import fit_width
from scenes.hill import HillLesson
from scenes.parts.ball3d import ShadedBall
from scenes.parts.arrow_field import ArrowGrid, arrow_grid, flat_arrow, level_tangent
from scenes.parts.contours import ContourMap, contour_levels, contour_lines
from scenes.parts.live_number import LiveReadout

__all__ = ["GradientField", "GradientOnHillside", "turn_stops"]

TAU = 2 * math.pi


# -- pure helpers (no manim state; tested on their own) -------------------------------------------
def turn_stops(gradient: Sequence[float]) -> list[tuple[float, str]]:
    """Where an arrow turning once around a point, from angle 0 (along the first variable)
    counter-clockwise, should pause: along the gradient (``"steepest"``) and a quarter turn
    further (``"level"``, slope zero), as angles in [0, 2π) in the order the turn meets them.
    """
    g = np.asarray(gradient, dtype=float)
    steepest = math.atan2(g[1], g[0]) % TAU
    level = (steepest + PI / 2) % TAU
    return sorted([(steepest, "steepest"), (level, "level")])


def _on_panel(mobject):
    """Give ``mobject`` a dark backing so that it reads over the hillside."""
    return mobject.add_background_rectangle(color=style.BACKGROUND, opacity=0.85, buff=0.08)


# -- what both scenes share --------------------------------------------------------------------
class _GradientLesson(HillLesson):
    """The formula in the corner, the variables' LaTeX names, the point attribute."""

    point: ClassVar[tuple[float, float]] = (1.5, 1.0)

    @classmethod
    def validate(cls) -> None:
        """The hill's checks, then ``point``."""
        super().validate()
        cls.check_point("point")

    def build(self) -> None:
        super().build()
        self.n_tex, self.e_tex = self.var_tex
        self.f_tex = rf"f({self.n_tex}, {self.e_tex})"

    def make_formula(self, width: float, two_lines: bool = False) -> VMobject:
        """``f(n, e) = ...`` in the top left corner, at most ``width`` wide, on a panel;
        with ``two_lines`` the formula goes under ``f(n, e) =``."""
        if two_lines:
            name = MathTex(f"{self.f_tex} =", font_size=34, color=style.FUNCTION)
            body = MathTex(self.field.latex, font_size=34, color=style.FUNCTION)
            formula = VGroup(name, body).arrange(DOWN, aligned_edge=LEFT, buff=0.2)
            body.shift(0.3 * RIGHT)
        else:
            formula = MathTex(f"{self.f_tex} =", self.field.latex, font_size=34, color=style.FUNCTION)
        fit_width(formula, width)
        formula.to_corner(UL, buff=0.3)
        return _on_panel(formula)

    def f_text(self) -> str:
        """``f(n, e)`` in plain text, for captions."""
        return f"f({self.variables[0]}, {self.variables[1]})"

    def partial_tex(self, k: int) -> str:
        """``∂f/∂n`` (k = 0) or ``∂f/∂e`` (k = 1) in LaTeX."""
        return rf"\frac{{\partial f}}{{\partial {(self.n_tex, self.e_tex)[k]}}}"

    def show_formula(self) -> None:
        """Fade in the formula, pinned to the screen."""
        self.pin(self.formula)
        self.play(FadeIn(self.formula), run_time=0.5)


# -- scene 1: the gradient at a point of the hillside -----------------------------------------
class GradientOnHillside(_GradientLesson):
    """At a point of the hillside: two partial slopes, their sum the gradient, and the slope
    in every direction around the point.

    The camera first walks around the hill to show its shape. A ball marks ``point``; the
    slopes along n and along e appear as two arrows in the level plane through the point
    (orange), which add up tip to tail to the gradient arrow (vermillion). A direction arrow
    (yellow) then turns once around the point with the slope in its direction read out,
    pausing where it lines up with the gradient (slope |∇f|) and where it is at right angles
    to it (slope 0). Last the arrow opposite to the gradient (green): the way down, slope
    -|∇f|. All arrows share one scale, fitted so the gradient arrow is ``arrow_length`` long.

    Class attributes
    ----------------
    point : (float, float)
        Where to stand. The gradient there must not be zero: a flat point has no steepest
        direction (``ValueError`` from :meth:`validate`).
    arrow_length : float
        Length of the gradient arrow in scene units (the other arrows to the same scale).
    direction_length : float
        Length of the turning direction arrow (a unit direction) in scene units.
    orbit_turn, orbit_tilt, orbit_time
        The opening walk around the hill: degrees of turn, the tilt it starts from
        (``phi`` it ends at) and seconds.
    close_zoom : float
        The camera's zoom for the close-up on the point, which it then keeps in the
        middle of the screen (``zoom`` for no close-up).
    turn_time : float
        Seconds for the direction arrow's full turn (pauses not counted).
    function, variables, n_range, e_range, phi, theta, zoom, resolution, decimals, read_time
        See :class:`~scenes.hill.HillLesson`.
    title, subtitle, caption_width
        See :class:`~scenes.base.LessonMixin`.
    """

    title: ClassVar[str] = "The gradient"
    subtitle: ClassVar[str] = "The steepest way up, from two partial slopes"
    point: ClassVar[tuple[float, float]] = (1.5, 1.0)
    arrow_length: ClassVar[float] = 1.6
    direction_length: ClassVar[float] = 1.15
    orbit_turn: ClassVar[float] = 120.0
    orbit_tilt: ClassVar[float] = 75.0
    orbit_time: ClassVar[float] = 4.0
    close_zoom: ClassVar[float] = 1.5
    turn_time: ClassVar[float] = 5.0

    @classmethod
    def validate(cls) -> None:
        """Also check that the point is not flat and lies on the drawn hill, and the sizes
        and timings."""
        super().validate()
        name = cls.__name__
        a, b = (float(v) for v in cls.point)
        field = cls.make_field()
        gradient = field.gradient((a, b))
        if not field.steepest_slope((a, b)) >= 0.5 * 10.0**-cls.decimals:
            shown = f"{gradient[0]:.{cls.decimals}f}, {gradient[1]:.{cls.decimals}f}"
            raise ValueError(
                f"{name}.point = {tuple(cls.point)!r}: no steepest direction at a flat point "
                f"(the gradient there is ({shown})); choose a point on a slope"
            )
        cls.check_numbers((
            ("arrow_length", 0.3, 4.0), ("direction_length", 0.3, 4.0), ("orbit_turn", -720, 720),
            ("orbit_tilt", 0, 180), ("orbit_time", 0, 60), ("close_zoom", 0.2, 5), ("turn_time", 0.5, 120),
        ))  # fmt: skip

    # -- build ------------------------------------------------------------------------------
    def build(self) -> None:
        super().build()
        self.formula = self.make_formula(5.2)
        a, b = self.point_ab = tuple(float(v) for v in self.point)
        self.gradient = self.field.gradient(self.point_ab)
        self.steepest = self.field.steepest_slope(self.point_ab)
        self.ball = ShadedBall(radius=0.1)
        self.base = self.surface_point(a, b, lift=self.ball.radius)  # arrows start at the ball's centre
        self.ball.place(self.base)
        origin = self.flat_point(0.0, 0.0, 0.0)
        self.n_hat, self.e_hat = (v / np.linalg.norm(v) for v in (self.flat_point(1.0, 0.0, 0.0) - origin, self.flat_point(0.0, 1.0, 0.0) - origin))
        self.unit = float(np.linalg.norm(self.flat_point(1.0, 0.0, 0.0) - origin))  # scene units per unit of n or e
        self.scale = self.arrow_length / self.steepest  # scene units per unit of slope
        g = self.gradient
        self.n_arrow = self.vector_arrow((g[0], 0.0), style.SLOPE)
        self.e_arrow = self.vector_arrow((0.0, g[1]), style.SLOPE)
        self.gradient_arrow = self.vector_arrow(g, style.GRADIENT, stroke_width=6)
        self.descent_arrow = self.vector_arrow(-g, style.DESCENT, stroke_width=6)
        self.gradient_label = self.tip_label(r"\nabla f", g, style.GRADIENT)
        # Above the middle of its arrow: past the tip it would sit among the axes in the valley.
        self.descent_label = MathTex(r"-\nabla f", font_size=style.LABEL_SIZE, color=style.DESCENT)
        self.descent_label.move_to(self.plane_point(-0.55 * g) + 0.32 * self.hill.up())
        _on_panel(self.descent_label)
        self.angle = ValueTracker(0.0)
        self.direction_arrow = flat_arrow(self.base, self.base + self.direction_length * self.n_hat, style.BALL, stroke_width=5)
        self.direction_arrow.turned = 0.0
        self.tilt = VMobject(stroke_color=style.SLOPE, stroke_width=3)
        self.readouts = self.make_readouts()

    def vector_arrow(self, vector: Sequence[float], color, stroke_width: float = 5.0) -> Arrow | None:
        """An arrow from the point for a slope vector (components along n and e), to the
        lesson's scale; None when too short to see."""
        end = self.plane_point(vector)
        if np.linalg.norm(end - self.base) < 0.05:
            return None
        return flat_arrow(self.base, end, color, stroke_width=stroke_width)

    def plane_point(self, vector: Sequence[float]) -> np.ndarray:
        """The scene point at the slope vector ``vector`` (n and e parts) from the point, to
        the lesson's scale, in the level plane through the point."""
        return self.base + self.scale * (vector[0] * self.n_hat + vector[1] * self.e_hat)

    def tip_label(self, tex: str, vector: Sequence[float], color) -> MathTex:
        """A label just beyond the tip of the arrow for ``vector``, facing the camera."""
        v = np.asarray(vector, dtype=float)
        spot = self.plane_point(v * (1 + 0.28 / self.arrow_length))
        return _on_panel(MathTex(tex, font_size=style.LABEL_SIZE, color=color).move_to(spot + 0.12 * OUT))

    def make_readouts(self) -> VGroup:
        """The slopes at the point (pinned to the screen): the partial slopes and the
        gradient under the formula, the steepest slope and the live slope top right."""
        n = self.number
        g = self.gradient
        self.partial_readouts = VGroup(
            MathTex(rf"{self.partial_tex(0)} = {n(g[0])}", font_size=style.READOUT_SIZE, color=style.SLOPE),
            MathTex(rf"{self.partial_tex(1)} = {n(g[1])}", font_size=style.READOUT_SIZE, color=style.SLOPE),
        ).arrange(RIGHT, buff=0.5)
        self.gradient_readout = MathTex(rf"\nabla f = ({n(g[0])},\ {n(g[1])})", font_size=style.READOUT_SIZE, color=style.GRADIENT)
        left = VGroup(self.partial_readouts, self.gradient_readout).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        left.next_to(self.formula, DOWN, buff=0.35, aligned_edge=LEFT)
        self.length_readout = MathTex(rf"|\nabla f| = {n(self.steepest)}", font_size=style.READOUT_SIZE, color=style.INK)
        # Laid out with the widest number it will show, so that it never runs off the frame.
        self.slope_readout = LiveReadout(r"\text{slope this way} =", -self.steepest, self.decimals, color=style.BALL)
        right = VGroup(self.length_readout, self.slope_readout).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        right.to_corner(UR, buff=0.3)
        for readout in (*self.partial_readouts, self.gradient_readout, self.length_readout, self.slope_readout):
            _on_panel(readout)  # readable over the hill
        return VGroup(left, right)

    def slope_towards(self, angle: float) -> float:
        """The slope at the point in the direction ``angle`` (from the n axis towards e)."""
        return self.field.directional_derivative(self.point_ab, (math.cos(angle), math.sin(angle)))

    # -- per-frame updaters (cheap: rotate one arrow, reset one line, set one number) --------
    def _follow_angle(self) -> None:
        axis = np.cross(self.n_hat, self.e_hat)

        def turn(arrow):
            t = self.angle.get_value()
            arrow.rotate(t - arrow.turned, axis=axis, about_point=self.base)
            arrow.turned = t

        def tilt(line):
            t = self.angle.get_value()
            run = self.direction_length / self.unit  # the arrow's length, in units of n and e
            a, b = self.point_ab
            end = self.flat_point(a + run * math.cos(t), b + run * math.sin(t), self.field(a, b) + run * self.slope_towards(t))
            line.set_points_as_corners([self.base, end + self.ball.radius * self.hill.up()])

        def read(readout):
            readout.set_value(self.slope_towards(self.angle.get_value()))

        self.direction_arrow.add_updater(turn)
        self.tilt.add_updater(tilt)
        self.slope_readout.add_updater(read)
        for mobject in (self.direction_arrow, self.tilt, self.slope_readout):
            mobject.update()

    def turn_to(self, angle: float) -> None:
        """Turn the direction arrow on to ``angle`` at the lesson's turning speed."""
        share = abs(angle - self.angle.get_value()) / TAU
        if share > 1e-9:
            self.play(self.angle.animate.set_value(angle), run_time=max(0.3, self.turn_time * share), rate_func=linear)

    # -- construct ----------------------------------------------------------------------------
    def construct(self) -> None:
        self.set_camera_orientation(phi=self.orbit_tilt * DEGREES, theta=(self.theta - self.orbit_turn) * DEGREES, zoom=self.zoom)
        self.play_title_card()
        self.caption(f"The hillside of {self.f_text()}. Walk around it to see its shape.", run_time=0)
        self.show_hill(run_time=1.0)
        self.show_formula()
        self.orbit(self.orbit_turn, self.orbit_time, tilt=self.phi)
        self.show_point()
        self.build_gradient()
        self.turn_around()
        self.show_way_down()
        self.clear_caption()
        self.wait(self.read_time * 0.6)


    def show_point(self) -> None:
        n, e = self.variables
        a, b = self.point_ab
        self.caption(f"Stand at the point {n} = {self.number(a)}, {e} = {self.number(b)} on the slope.")
        self.move_camera(zoom=self.close_zoom, frame_center=self.base, added_anims=[FadeIn(self.ball, scale=0.5)], run_time=1.5)
        self.wait(self.read_time * 0.5)

    def build_gradient(self) -> None:
        """The two partial slopes as arrows, then tip to tail, then their sum."""
        n, e = self.variables
        g = self.gradient
        self.caption(
            f"Along {n} alone the slope is ∂f/∂{n} = {self.number(g[0])}; "
            f"along {e} alone it is ∂f/∂{e} = {self.number(g[1])}."
        )
        self.pin(self.partial_readouts)
        grow = [GrowArrow(a) for a in (self.n_arrow, self.e_arrow) if a is not None]
        self.play(*grow, FadeIn(self.partial_readouts), run_time=1.0)
        self.wait(self.read_time)
        self.caption(f"Put them tip to tail: together they make one arrow in the {n}-{e} plane, the gradient ∇f.")
        if self.n_arrow is not None and self.e_arrow is not None:
            self.play(self.e_arrow.animate.shift(self.n_arrow.get_end() - self.base), run_time=0.8)
        self.add_fixed_orientation_mobjects(self.gradient_label)
        self.pin(self.gradient_readout)
        self.play(GrowArrow(self.gradient_arrow), FadeIn(self.gradient_label), FadeIn(self.gradient_readout), run_time=1.0)
        self.wait(self.read_time)
        self.caption(f"Its length, |∇f| = {self.number(self.steepest)}, is the steepest slope at this point.")
        self.pin(self.length_readout)
        components = [FadeOut(a) for a in (self.n_arrow, self.e_arrow) if a is not None]
        self.play(FadeIn(self.length_readout), *components, run_time=0.6)
        self.wait(self.read_time)

    def turn_around(self) -> None:
        """One full turn of the direction arrow, pausing along and across the gradient."""
        self.caption("Now turn an arrow once around the point. The thin line tilts as the hill does that way; the readout gives its slope.")
        self._follow_angle()
        self.pin(self.slope_readout)
        self.add(self.angle)
        self.play(GrowArrow(self.direction_arrow), Create(self.tilt), FadeIn(self.slope_readout), run_time=0.8)
        self.wait(self.read_time * 0.5)
        for stop, kind in turn_stops(self.gradient):
            self.turn_to(stop)
            slope = self.number(self.slope_towards(stop))
            if kind == "steepest":
                self.caption(f"Lined up with the gradient: slope {slope}, the largest of all, equal to |∇f|.")
            else:
                self.caption(f"At right angles to the gradient: slope {slope}. This way the path stays level.")
            self.wait(self.read_time)
            self.clear_caption()
        self.turn_to(TAU)
        self.caption(f"All the way round the slope stays between -{self.number(self.steepest)} and {self.number(self.steepest)}.")
        self.wait(self.read_time)

    def show_way_down(self) -> None:
        """The arrow opposite to the gradient: the way down."""
        down = math.atan2(-self.gradient[1], -self.gradient[0]) % TAU
        self.turn_to(TAU + (down + PI) % TAU - PI)  # the shorter way round
        g = -self.gradient
        self.caption(
            f"Opposite to the gradient, -∇f = ({self.number(g[0])}, {self.number(g[1])}), the slope is "
            f"{self.number(self.slope_towards(down))}: the steepest way down."
        )
        self.add_fixed_orientation_mobjects(self.descent_label)
        self.play(GrowArrow(self.descent_arrow), FadeIn(self.descent_label), run_time=1.0)
        self.wait(self.read_time)
        for mobject in (self.direction_arrow, self.tilt, self.slope_readout):
            mobject.clear_updaters()


# -- scene 2: the top view ----------------------------------------------------------------------
class GradientField(_GradientLesson):
    """The hill from straight above: contour lines, and gradient arrows crossing them.

    The camera rises from the hillside to look straight down, and the hill gives way to its
    contour map (lines of equal height, levels equally spaced in height as on a hiking map).
    Gradient arrows grow on a grid of points: length proportional to |∇f|, cut off at
    ``arrow_cap`` of the grid spacing so that they do not overlap; none where f or its
    slopes are undefined or the ground is flat. At the arrow nearest ``point`` the contour
    line through its foot is drawn with a right-angle mark. Last the arrows turn round to
    -∇f, the way down.

    The scene is a :class:`~scenes.hill.HillLesson` filmed from above (the camera at
    ``phi = 0`` sees the plane z = 0 exactly as a 2-D scene does), so that it takes the same
    attributes and checks as the hillside scenes and can start from the hillside itself.

    Class attributes
    ----------------
    point : (float, float)
        The right angle is marked at the grid arrow nearest to this point.
    grid : int
        Arrows along each side (3 to 20).
    levels : int
        How many contour lines (2 to 30).
    arrow_cap : float
        The longest arrow as a fraction of the grid spacing (0.2 to 1; up to 0.5 every arrow
        stays in its own cell of the grid, so none overlap or leave the map).
    shortest_arrow : float
        Arrows shorter than this fraction of the grid spacing are left out (too short to
        show a direction): the ground is nearly flat there.
    top_view_time : float
        Seconds for the camera to rise from the hillside to the top view.
    function, variables, n_range, e_range, phi, theta, zoom, resolution, decimals, read_time
        See :class:`~scenes.hill.HillLesson` (``phi``, ``theta``: the opening view).
    title, subtitle, caption_width
        See :class:`~scenes.base.LessonMixin`.
    """

    title: ClassVar[str] = "The gradient field"
    subtitle: ClassVar[str] = "Seen from above, straight across the contour lines"
    grid: ClassVar[int] = 7
    levels: ClassVar[int] = 10
    arrow_cap: ClassVar[float] = 0.5
    shortest_arrow: ClassVar[float] = 0.12
    top_view_time: ClassVar[float] = 2.5

    #: How far the map sits above the centre of the screen, clear of the captions.
    map_raise: ClassVar[float] = 0.55

    @classmethod
    def validate(cls) -> None:
        """Also check the grid, level count and arrow sizes, and that some arrow is drawn."""
        super().validate()
        cls.check_numbers((("grid", 3, 20), ("levels", 2, 30)), whole=True)
        cls.check_numbers((("arrow_cap", 0.2, 1.0), ("shortest_arrow", 0.0, 0.5), ("top_view_time", 0, 30)))
        if not len(cls.arrow_grid().feet):
            raise DomainError(
                f"{cls.__name__}: {cls.function!r} is flat or undefined at every point of the "
                f"{cls.grid} x {cls.grid} grid; there is no arrow to draw"
            )

    @classmethod
    def arrow_grid(cls) -> ArrowGrid:
        """The arrows of the field for this configuration (see :func:`arrow_grid`)."""
        return arrow_grid(cls.make_field(), cls.n_range, cls.e_range, cls.grid, cls.arrow_cap, cls.shortest_arrow)

    # -- build ------------------------------------------------------------------------------
    def build(self) -> None:
        super().build()
        self.map = self.make_map()
        self.formula = self.make_formula(config.frame_width / 2 + self.map.get_left()[0] - 0.6, two_lines=True)
        self.unit = self.axes_unit()
        grid = self.arrow_grid()
        self.feet, self.gradients, self.magnitudes, self.lengths, self.capped = (
            grid.feet, grid.gradients, grid.magnitudes, grid.lengths, grid.capped
        )
        self.tips = grid.tips
        self.arrows = VGroup(*(self.field_arrow(f, t, style.GRADIENT) for f, t in zip(self.feet, self.tips)))
        self.down_arrows = VGroup(*(self.field_arrow(f, 2 * f - t, style.DESCENT) for f, t in zip(self.feet, self.tips)))
        self.marked = int(np.argmin(np.linalg.norm(self.feet - np.asarray(self.point, dtype=float), axis=1)))
        self.level_line, self.right_angle = self.make_right_angle(self.marked)
        self.legend = self.make_legend(r"\nabla f", style.GRADIENT)
        self.down_legend = self.make_legend(r"-\nabla f", style.DESCENT)

    def axes_unit(self) -> float:
        """Scene units per unit of n (and of e) on the map."""
        return float(np.linalg.norm(self.map.c2p(1.0, 0.0) - self.map.c2p(0.0, 0.0)))

    def make_map(self) -> ContourMap:
        """The contour map, levels equally spaced in height, lying under the hill's footprint."""
        (n0, n1), (e0, e1) = self.n_range, self.e_range
        levels = contour_levels(self.field, self.levels, self.n_range, self.e_range, spacing=1.0, variables=self.variables)
        width = float(np.linalg.norm(self.flat_point(n1, e0, 0.0) - self.flat_point(n0, e0, 0.0)))
        height = float(np.linalg.norm(self.flat_point(n0, e1, 0.0) - self.flat_point(n0, e0, 0.0)))
        contour_map = ContourMap(self.field, self.n_range, self.e_range, width=width, height=height, levels=levels, variables=self.variables)
        centre = self.flat_point((n0 + n1) / 2, (e0 + e1) / 2, 0.0)
        contour_map.shift(np.array([centre[0], centre[1], 0.0]) - contour_map.c2p((n0 + n1) / 2, (e0 + e1) / 2))
        return contour_map

    def field_arrow(self, foot: np.ndarray, tip: np.ndarray, color) -> Arrow:
        return flat_arrow(self.map.c2p(*foot), self.map.c2p(*tip), color, stroke_width=3.5, tip_length=0.14, tip_ratio=0.5)

    def make_right_angle(self, index: int) -> tuple[VMobject, VMobject]:
        """The contour line through the foot of arrow ``index`` and a right-angle mark
        between it and the arrow (both drawn from the traced line, not assumed)."""
        foot = self.feet[index]
        lines = contour_lines(self.field, self.n_range, self.e_range, float(self.field(*foot)))
        tangent, _ = level_tangent(lines, foot)
        nearest = min(lines, key=lambda line: level_tangent([line], foot)[1])
        level_line = self.map.path(nearest, color=style.INK, stroke_width=3)
        up = self.gradients[index] / self.magnitudes[index]
        side = 0.2 / self.unit
        corner = [foot + side * tangent, foot + side * (tangent + up), foot + side * up]
        mark = VMobject(stroke_color=style.INK, stroke_width=2.5).set_points_as_corners([self.map.c2p(*p) for p in corner])
        return level_line, mark

    def make_legend(self, tex: str, color) -> VGroup:
        """A short arrow and its name, right of the map (pinned to the screen)."""
        sample = flat_arrow(ORIGIN, 0.7 * RIGHT, color, stroke_width=4, tip_length=0.16)
        name = MathTex(tex, font_size=style.READOUT_SIZE, color=color).next_to(sample, RIGHT, buff=0.2)
        legend = VGroup(sample, name)
        legend.move_to([config.frame_width / 2 - 1.8, 1.2, 0])
        return legend

    # -- construct ----------------------------------------------------------------------------
    def construct(self) -> None:
        self.set_start_view()
        self.play_title_card()
        self.caption(f"The hillside of {self.f_text()} again. Now look at it from straight above.", run_time=0)
        self.show_hill(run_time=0.8)
        self.show_formula()
        # From far away (a long focal distance) the top view has no perspective: the
        # hill's outline then matches the map's.
        self.move_camera(
            phi=0.0, theta=-90 * DEGREES, focal_distance=200.0, frame_center=[0.0, -self.map_raise, 0.0], run_time=self.top_view_time
        )
        self.caption("From above, each line joins points of equal height, as on a hiking map.")
        self.play(FadeOut(self.hill), FadeOut(self.axes), FadeOut(self.axis_labels), FadeIn(self.map), run_time=1.0)
        self.wait(self.read_time)
        self.show_arrows()
        self.mark_right_angle()
        self.explain()
        self.flip()
        self.clear_caption()
        self.wait(self.read_time)

    def show_arrows(self) -> None:
        cut = " (the longest are cut short so they do not overlap)" if self.capped else ""
        self.caption(f"At points of a grid, draw the gradient ∇f as an arrow, as long as the slope{cut}.")
        self.pin(self.legend)
        self.play(LaggedStart(*(GrowArrow(a) for a in self.arrows), lag_ratio=0.02), FadeIn(self.legend), run_time=2.0)
        self.wait(self.read_time)

    def mark_right_angle(self) -> None:
        self.caption("Each arrow crosses the contour line through its foot at a right angle.")
        self.play(Create(self.level_line), run_time=1.0)
        self.play(Create(self.right_angle), run_time=0.5)
        self.wait(self.read_time)

    def explain(self) -> None:
        self.caption("The arrows point uphill, straight across the lines, longest where the lines crowd together.")
        self.wait(self.read_time * 1.5)
        self.play(FadeOut(self.level_line), FadeOut(self.right_angle), run_time=0.5)

    def flip(self) -> None:
        self.caption("Turn every arrow round: -∇f points straight downhill, the way down.")
        self.pin(self.down_legend)
        turns = [Transform(a, d, path_arc=PI) for a, d in zip(self.arrows, self.down_arrows)]
        self.play(*turns, FadeOut(self.legend), FadeIn(self.down_legend), run_time=1.5)
        self.wait(self.read_time)
