"""Partial derivatives: two slopes at one point of the hillside y = f(n, e).

Hold east fixed and walk north: an upright plane at ``e = e0`` cuts the hill along a curve,
and the slope of that curve's tangent at the point is ∂y/∂n. Hold north fixed and walk east:
the plane ``n = n0`` cuts a second curve, whose tangent's slope is ∂y/∂e.
:class:`PartialDerivatives` draws both cuts, turns the camera to look at each from its side,
and reads both numbers out. Every number comes from mathcore
(:meth:`~mathcore.ScalarField.gradient` and :meth:`~mathcore.ScalarField.partial`); every
formula is ``sympy.latex`` of mathcore's exact expressions. Render with::

    manim -qh scenes/partials.py PartialDerivatives

A variant is a subclass::

    class FourValleyPartials(PartialDerivatives):
        function = "(n**2 + e - 11)**2 + (n + e**2 - 7)**2"   # Himmelblau's function
        n_range = (-5.0, 5.0)
        e_range = (-5.0, 5.0)
        point = (1.0, 1.0)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np
import sympy
from manim import (
    DEGREES,
    DOWN,
    LEFT,
    ManimColor,
    RIGHT,
    UL,
    UR,
    Animation,
    Create,
    DashedLine,
    FadeIn,
    FadeOut,
    Line,
    MathTex,
    Mobject,
    VGroup,
    config,
)

from scenes import style
from scenes.base import fit_width
from scenes.hill import HillLesson
from scenes.parts.ball3d import ShadedBall
from scenes.parts.face_painter import FaceBatch
from scenes.parts.fast3d import FastMesh, View, project

__all__ = ["PartialDerivatives", "Redraw", "Slice", "SlicePlane", "compass", "slice_runs", "tangent_caption", "walk_words"]

#: Samples along each slice curve.
_SLICE_SAMPLES = 161


# -- pure helpers ---------------------------------------------------------------------------------
def slice_runs(values: np.ndarray, window: Sequence[float]) -> list[slice]:
    """The runs of consecutive samples whose values are finite and inside ``window``
    (low, high): the pieces of a slice curve that lie on the drawn surface. A run needs two
    samples to make a line.

    >>> slice_runs(np.array([0.0, 1.0, np.nan, 2.0, 3.0, 9.0]), (0.0, 5.0))
    [slice(0, 2, None), slice(3, 5, None)]
    """
    values = np.asarray(values, dtype=float)
    inside = np.isfinite(values) & (values >= window[0]) & (values <= window[1])
    edges = np.flatnonzero(np.diff(np.concatenate([[0], inside.astype(int), [0]])))
    return [slice(int(start), int(stop)) for start, stop in zip(edges[::2], edges[1::2]) if stop - start >= 2]


def compass(variable: str, index: int) -> str | None:
    """The lesson's compass word for input ``index``: "north" for the first variable when
    it is called ``n``, "east" for the second when it is called ``e``; None otherwise."""
    return {(0, "n"): "north", (1, "e"): "east"}.get((index, variable))


def walk_words(variable: str, index: int) -> str:
    """How a caption says "in the direction of growing ``variable``": "north", "east", or
    "along x" for inputs without a compass word."""
    return compass(variable, index) or f"along {variable}"


def tangent_caption(value_name: str, variable: str, shown: str, walk: str) -> str:
    """The caption for the tangent of a slice: its slope ``shown`` (already formatted, as
    on screen) and what it means for someone walking ``walk``."""
    slope = f"∂{value_name}/∂{variable} = {shown}"
    if float(shown) == 0:
        return f"The tangent at the point is level, {slope}: the slice is flat here, and 0 is still a slope."
    trend = "rises" if float(shown) > 0 else "falls"
    return f"The tangent to that curve at the point has slope {slope}: walking {walk}, the ground {trend}."


# -- the cutting plane ----------------------------------------------------------------------------
class SlicePlane(FastMesh):
    """A translucent upright rectangle, painted by the fast camera among the hill's faces.

    It is a grid of small faces (not one big one) so that the painter's sort by face centre
    hides the part of the plane behind the hill and the part of the hill behind the plane,
    and its outline is stroked on the border faces.

    Parameters
    ----------
    corner : (3,) array
        One corner, in scene units.
    along, up : (3,) arrays
        The two sides from ``corner`` (scene vectors).
    columns, rows : int
        Faces along ``along`` and along ``up``.
    color : colour
        Fill and outline.
    fill_opacity : float
        Opacity of the fill (the outline is drawn at ``line_opacity``); ``opacity`` fades both.
    line_opacity : float
        Opacity of the outline.
    stroke_width : float
        Outline width in manim stroke-width units.
    """

    def __init__(
        self,
        corner: Sequence[float],
        along: Sequence[float],
        up: Sequence[float],
        columns: int = 24,
        rows: int = 12,
        color: Any = style.SLOPE,
        fill_opacity: float = 0.22,
        line_opacity: float = 0.8,
        stroke_width: float = 2.0,
        **kwargs: Any,
    ):
        super().__init__(**kwargs)
        self.color = ManimColor(color)
        self.fill_opacity, self.line_opacity = float(fill_opacity), float(line_opacity)
        self.stroke_width = float(stroke_width)
        self.shade_in_3d = False
        s = np.linspace(0.0, 1.0, columns + 1)
        t = np.linspace(0.0, 1.0, rows + 1)
        tt, ss = np.meshgrid(t, s, indexing="ij")  # (rows + 1, columns + 1)
        corner, along, up = (np.asarray(v, dtype=float) for v in (corner, along, up))
        self.points = (corner + ss.reshape(-1, 1) * along + tt.reshape(-1, 1) * up).reshape(-1, 3)
        r, c = np.meshgrid(np.arange(rows), np.arange(columns), indexing="ij")
        r, c = r.ravel(), c.ravel()
        first = r * (columns + 1) + c
        self.faces = np.stack([first, first + 1, first + columns + 2, first + columns + 1], axis=1)
        # Outline bits: edge 0 runs along the bottom, 1 up the right, 2 along the top, 3 down the left.
        self.outline = (r == 0) * 1 + (c == columns - 1) * 2 + (r == rows - 1) * 4 + (c == 0) * 8

    @property
    def rgb(self) -> np.ndarray:
        """The plane's colour as three floats from 0 to 1."""
        return np.array(ManimColor(self.color).to_rgb(), dtype=float)

    def set_color(self, color: Any = style.SLOPE, family: bool = True, **kwargs: Any) -> SlicePlane:
        self.color = ManimColor(color)
        return self

    def get_color(self) -> ManimColor:
        return self.color

    def faces_for_view(self, view: View, fixed_in_frame: bool = False) -> FaceBatch | None:
        if self.opacity <= 0:
            return None
        if fixed_in_frame:
            projected, in_front = self.points.copy(), np.ones(len(self.points), dtype=bool)
        else:
            projected, in_front = project(self.points, view)
        keep = in_front[self.faces].all(axis=1)
        faces = self.faces[keep]
        count = len(faces)
        if not count:
            return None
        # Sharp fills: neighbouring translucent faces then tile without darker seams.
        return FaceBatch(
            polygons=view.pixels(projected)[faces],
            depth=projected[:, 2][faces].mean(axis=1),
            rgba=np.tile(np.append(self.rgb, self.fill_opacity * self.opacity), (count, 1)),
            smooth=np.zeros(count, dtype=bool),
            lines=self.outline[keep],
            line_rgba=np.tile(np.append(self.rgb, self.line_opacity * self.opacity), (count, 1)),
            line_width=np.full(count, self.stroke_width * 0.01 * view.pixels_per_unit),
        )


class Redraw(Animation):
    """Nothing changes, but ``mobject`` and all added after it are redrawn in every frame.

    Manim draws the mobjects before the first animated one once, as a still background.
    A plane fading in must be sorted with the hill's faces in each frame, so the hill (and
    the axes, sorted with it) must be redrawn too: play ``Redraw(axes)`` alongside.
    """

    def create_starting_mobject(self) -> Mobject:
        return Mobject()  # nothing to interpolate from

    def interpolate_mobject(self, alpha: float) -> None:
        pass


@dataclass
class Slice:
    """What the scene draws for one partial derivative (one variable varies, the other is held).

    Attributes
    ----------
    index : int
        0 for the first variable (the plane holds the second fixed), 1 for the second.
    slope : float
        The partial derivative at the point, from ``field.gradient``.
    shown : str
        ``slope`` as written on screen.
    plane, curve, tangent : Mobject
        The cutting plane, the curve it cuts from the hill, the tangent at the point.
    readout : MathTex
        ``∂y/∂n = <exact derivative> = <value>``.
    """

    index: int
    slope: float
    shown: str
    plane: SlicePlane
    curve: VGroup
    tangent: Line
    readout: MathTex


class PartialDerivatives(HillLesson):
    """The two partial derivatives at a point of the hillside, as the slopes of two slices.

    The scene shows the hill and the point with its elevation, then for each variable: an
    upright plane that holds the other variable fixed sweeps in, the curve it cuts from the
    hill is drawn, the camera turns to look at it side on, and the tangent at the point
    appears with the value of the partial derivative. It ends with both values side by side.

    Class attributes
    ----------------
    point : (float, float)
        The point (n0, e0); f and both partial derivatives must be defined there
        (``DomainError`` otherwise) and its elevation must lie in the drawn height range.
    first_slice_view, second_slice_view : (float, float)
        The camera's (phi, theta) in degrees while the first slice (the second variable
        held fixed: looking along the second variable, about theta = -90) and the second
        slice (looking along the first variable, about theta = 0) are shown.
    tangent_length : float
        Length of each tangent line, in scene units.
    sweep_time : float
        Seconds for a plane to sweep in.
    draw_time : float
        Seconds to draw a slice curve, and a tangent.
    turn_time : float
        Seconds for each turn of the camera.
    function, variables, n_range, e_range, resolution, decimals, phi, theta, zoom, read_time
        See :class:`~scenes.hill.HillLesson`.
    title, subtitle, caption_width
        See :class:`~scenes.base.LessonMixin`.
    """

    title: ClassVar[str] = "Partial derivatives"
    subtitle: ClassVar[str] = "One slope for each direction"
    point: ClassVar[tuple[float, float]] = (1.5, 1.0)
    first_slice_view: ClassVar[tuple[float, float]] = (72.0, -82.0)
    second_slice_view: ClassVar[tuple[float, float]] = (78.0, -25.0)
    tangent_length: ClassVar[float] = 2.2
    sweep_time: ClassVar[float] = 1.2
    draw_time: ClassVar[float] = 1.0
    turn_time: ClassVar[float] = 2.0

    # -- configuration ----------------------------------------------------------------------
    @classmethod
    def validate(cls) -> None:
        """Also check ``point`` (inside the ranges, f and its slopes defined, its height in
        the drawn range), the views, the tangent length and the timings."""
        super().validate()
        name = cls.__name__
        cls.check_point("point")
        for attribute in ("first_slice_view", "second_slice_view"):
            view = getattr(cls, attribute)
            try:
                phi, theta = (float(v) for v in view)
            except (TypeError, ValueError):
                raise ValueError(f"{name}.{attribute} must be two numbers (phi, theta) in degrees; got {view!r}") from None
            if not (0 <= phi <= 180 and -360 <= theta <= 360):
                raise ValueError(f"{name}.{attribute} = {view!r}: phi must be 0 to 180 and theta -360 to 360")
        cls.check_numbers((("tangent_length", 0.1, 10), ("sweep_time", 0, 60), ("draw_time", 0, 60), ("turn_time", 0, 60)))

    # -- build ------------------------------------------------------------------------------
    def build(self) -> None:
        super().build()
        self.n0, self.e0 = (float(v) for v in self.point)
        self.elevation = float(self.field(self.n0, self.e0))
        self.slopes = self.field.gradient((self.n0, self.e0))
        self.formula = self.make_formula()
        self.ball = ShadedBall(radius=0.1).place(self.surface_point(self.n0, self.e0))
        floor = self.flat_point(self.n0, self.e0, self.axes.cross[2])
        self.drop = DashedLine(floor, self.surface_point(self.n0, self.e0), color=style.MUTED, stroke_width=2, dash_length=0.08)
        self.slices = [self.make_slice(k) for k in (0, 1)]
        self.stack_readouts()
        self.summary = self.make_summary()

    def make_formula(self) -> VGroup:
        """``y = f(n, e)`` over the point and its elevation, pinned top left."""
        v0, v1 = self.var_tex
        y = self.y_name
        function = MathTex(f"{y} = {self.field.latex}", font_size=style.READOUT_SIZE, color=style.FUNCTION)
        where = MathTex(
            rf"({v0}, {v1}) = ({self.number(self.n0)}, {self.number(self.e0)})",
            font_size=style.READOUT_SIZE,
            color=style.INK,
        )
        height = MathTex(f"{y} =", self.number(self.elevation), font_size=style.READOUT_SIZE, color=style.INK)
        height[1].set_color(style.BALL)
        group = VGroup(function, where, height).arrange(DOWN, aligned_edge=LEFT, buff=0.2)
        fit_width(group, config.frame_width / 2 - 0.6)
        return group.to_corner(UL, buff=0.3)

    def partial_tex(self, index: int) -> str:
        """LaTeX of ∂y/∂(variable ``index``)."""
        return rf"\frac{{\partial {self.y_name}}}{{\partial {self.var_tex[index]}}}"

    def make_slice(self, index: int) -> Slice:
        """The plane, curve, tangent and readout of the partial derivative in variable ``index``."""
        color = style.SLOPE if index == 0 else style.MOMENTUM
        (n_lo, n_hi), (e_lo, e_hi) = self.n_range, self.e_range
        low, high = self.axes.z_range[:2]
        if index == 0:  # e held at e0, n varies
            corner = self.flat_point(n_lo, self.e0, low)
            along = self.flat_point(n_hi, self.e0, low) - corner
            samples = np.column_stack([np.linspace(n_lo, n_hi, _SLICE_SAMPLES), np.full(_SLICE_SAMPLES, self.e0)])
        else:  # n held at n0, e varies
            corner = self.flat_point(self.n0, e_lo, low)
            along = self.flat_point(self.n0, e_hi, low) - corner
            samples = np.column_stack([np.full(_SLICE_SAMPLES, self.n0), np.linspace(e_lo, e_hi, _SLICE_SAMPLES)])
        up = self.flat_point(self.n0, self.e0, high) - self.flat_point(self.n0, self.e0, low)
        rows = max(4, round(self.resolution * np.linalg.norm(up) / max(np.linalg.norm(along), 1e-9)))
        plane = SlicePlane(corner, along, up, columns=self.resolution, rows=rows, color=color)
        values = self.field.evaluate(samples[:, 0], samples[:, 1])
        curve = VGroup(
            *(self.hill.path_on_surface(samples[run], lift=0.02, color=color, stroke_width=5) for run in slice_runs(values, (low, high)))
        )
        # A dark rim keeps the curve readable on the light hill whatever its colour.
        curve.set_stroke(color=style.BACKGROUND, width=9, opacity=0.6, background=True)
        slope = float(self.slopes[index])
        return Slice(index, slope, self.number(slope), plane, curve, self.make_tangent(index, slope), self.make_readout(index, slope))

    def make_tangent(self, index: int, slope: float) -> Line:
        """The tangent of slice ``index`` at the point: direction (1, 0, ∂y/∂n) (or
        (0, 1, ∂y/∂e)) in coordinates, mapped to the scene through the axes."""
        step = np.eye(2)[index]
        origin = self.flat_point(self.n0, self.e0, self.elevation)
        direction = self.flat_point(self.n0 + step[0], self.e0 + step[1], self.elevation + slope) - origin
        direction /= np.linalg.norm(direction)
        half = 0.5 * self.tangent_length * direction
        return Line(origin - half, origin + half, color=style.SLOPE, stroke_width=6)

    def make_readout(self, index: int, slope: float) -> MathTex:
        """``∂y/∂n = <sympy latex of the exact partial> = <value>``; the value in the slope colour."""
        expr = self.field.partial(self.variables[index]).expr
        pieces = [self.partial_tex(index), "="]
        if not expr.is_number:
            pieces += [sympy.latex(expr), "="]
        pieces.append(self.number(slope))
        tex = MathTex(*pieces, font_size=style.READOUT_SIZE, color=style.INK)
        tex[-1].set_color(style.SLOPE)
        return tex

    def stack_readouts(self) -> None:
        """Both readouts in the top right corner, one under the other, right-aligned."""
        readouts = VGroup(*(s.readout for s in self.slices)).arrange(DOWN, aligned_edge=RIGHT, buff=0.25)
        fit_width(readouts, config.frame_width / 2 - 0.6)
        readouts.to_corner(UR, buff=0.3)

    def make_summary(self) -> MathTex:
        """Both values side by side, ``∂y/∂n = 0.90, ∂y/∂e = 1.20``, pinned top right."""
        s0, s1 = self.slices
        tex = MathTex(
            self.partial_tex(0), "=", s0.shown, r",\quad", self.partial_tex(1), "=", s1.shown,
            font_size=style.READOUT_SIZE, color=style.INK,
        )
        tex[2].set_color(style.SLOPE)
        tex[6].set_color(style.SLOPE)
        fit_width(tex, config.frame_width / 2 - 0.6)
        return tex.to_corner(UR, buff=0.3)

    # -- construct ----------------------------------------------------------------------------
    def construct(self) -> None:
        self.set_start_view()
        self.play_title_card()
        self.show_the_point()
        for piece in self.slices:
            self.show_slice(piece)
        self.conclude()

    def show_the_point(self) -> None:
        """The hill, its formula, then the point and its elevation."""
        v0, v1 = self.variables
        y = self.y_name
        named = [f"{compass(v, k)} {v}" if compass(v, k) else v for k, v in enumerate(self.variables)]
        self.caption(f"The height {y} depends on two inputs, {named[0]} and {named[1]}: the hillside {y} = f({v0}, {v1}).")
        self.pin(self.formula[0])
        self.show_hill(run_time=1.0)
        self.play(FadeIn(self.formula[0]), run_time=0.5)
        self.wait(self.read_time)
        self.caption(
            f"Stand at {v0} = {self.number(self.n0)}, {v1} = {self.number(self.e0)}. "
            f"The height there is {y} = {self.number(self.elevation)}."
        )
        self.pin(self.formula[1], self.formula[2])
        self.play(FadeIn(self.ball, scale=0.5), Create(self.drop), FadeIn(self.formula[1]), FadeIn(self.formula[2]), run_time=0.8)
        self.add_foreground_mobjects(self.ball)  # over the curves and tangents drawn later
        self.wait(self.read_time)

    def show_slice(self, piece: Slice) -> None:
        """Sweep in the plane of one partial derivative, cut its curve, turn to look at it,
        then draw the tangent and read out the slope."""
        k = piece.index
        held, moving = self.variables[1 - k], self.variables[k]
        held_value = self.number(self.e0 if k == 0 else self.n0)
        walk = walk_words(moving, k)
        y = self.y_name
        second = " a second plane cuts a second curve" if k == 1 else " an upright plane cuts the hill along a curve"
        self.caption(f"{'Now hold' if k == 1 else 'Hold'} {held} at {held_value} and walk {walk}:{second}.")
        if k == 1:
            first = self.slices[0]
            self.play(FadeOut(first.plane), _dim(first.curve, 0.35), Redraw(self.axes), run_time=0.6)
        start = self.flat_point(*((self.n0, self.e_range[0]) if k == 0 else (self.n_range[1], self.e0)), 0.0)
        shift = self.flat_point(self.n0, self.e0, 0.0) - start
        self.play(FadeIn(piece.plane, shift=shift), Redraw(self.axes), run_time=self.sweep_time)
        self.play(Create(piece.curve), run_time=self.draw_time)
        phi, theta = (self.first_slice_view if k == 0 else self.second_slice_view)
        self.move_camera(phi=phi * DEGREES, theta=theta * DEGREES, run_time=self.turn_time)
        self.wait(self.read_time * 0.5)
        self.caption(tangent_caption(y, moving, piece.shown, walk))
        self.pin(piece.readout)
        self.play(Create(piece.tangent), FadeIn(piece.readout), run_time=self.draw_time)
        self.wait(self.read_time)

    def conclude(self) -> None:
        """Back to the first view with both slices, and both values side by side."""
        v0, v1 = self.variables
        y = self.y_name
        last = self.slices[1]
        self.play(FadeOut(last.plane), _dim(self.slices[0].curve, 1.0), Redraw(self.axes), run_time=0.6)
        self.caption(f"Each partial derivative holds the other input still and asks how fast {y} changes.")
        self.move_camera(phi=self.phi * DEGREES, theta=self.theta * DEGREES, run_time=self.turn_time)
        self.wait(self.read_time)
        s0, s1 = self.slices
        self.caption(
            f"So ∂{y}/∂{v0} = {s0.shown} is the slope walking {walk_words(v0, 0)}, "
            f"and ∂{y}/∂{v1} = {s1.shown} the slope walking {walk_words(v1, 1)}."
        )
        self.pin(self.summary)
        self.play(FadeOut(s0.readout), FadeOut(s1.readout), FadeIn(self.summary), run_time=0.6)
        self.wait(self.read_time * 1.5)
        self.clear_caption()
        self.wait(self.read_time)


def _dim(curve: VGroup, opacity: float) -> Animation:
    """Fade a slice curve (and its dark rim) to ``opacity``."""
    return curve.animate.set_stroke(opacity=opacity).set_stroke(opacity=0.6 * opacity, background=True)
