"""A ball for 3-D lessons: one shaded disc that always faces the camera.

A stock :class:`~manim.Sphere` is dozens of shaded faces, each re-projected and re-drawn per
frame. :class:`ShadedBall` is a single radial gradient (a highlight towards the light, a
darker rim) painted at the projected position of its centre and scaled by perspective. It
needs :class:`~scenes.parts.hill3d.fast3d.FastThreeDCamera` (the lesson 3-D base uses it) and is
moved like any mobject: ``ball.move_to(point)``, ``ball.place(point)``, updaters,
``TracedPath(ball.get_center)``, and :class:`RollAlong` (a cheap ``MoveAlongPath`` for
polylines such as :meth:`~scenes.parts.hill3d.hillside.HillsideMesh.path_on_surface`).
"""

from __future__ import annotations

import math
from typing import Any

import cairo
import numpy as np
from manim import BLACK, OUT, RIGHT, UP, WHITE, Animation, ManimColor, Mobject, VMobject, interpolate_color

from scenes.kit import style
from scenes.parts.hill3d.fast3d import FastSprite, View, project

__all__ = ["RollAlong", "ShadedBall"]


class ShadedBall(FastSprite):
    """A ball of ``radius`` scene units centred on its first point.

    Its points are the centre and the six ends of three radii, so ``scale``, ``move_to``,
    ``next_to`` and ``width`` behave as for a sphere of that size.

    Parameters
    ----------
    radius : float
        In scene units.
    color : colour
        The ball's colour (the lesson's ``BALL`` yellow by default).
    opacity : float
        Fill opacity.
    outline : float
        Opacity of a thin dark rim that separates the ball from a light background (0: none).
    halo : float
        Width of a dark ring (:data:`scenes.kit.style.HALO`) around the ball, as a share of its
        radius (0: none), so that it stands out on every shade of the hill.
    hidden_by_surface : bool
        False (default): the ball is drawn after the surface, so it is always seen.
        True: it is sorted with the surface's faces by its nearest point and a hill in
        front of it hides it (it should then float at least its radius above the surface).
    """

    def __init__(
        self,
        radius: float = 0.15,
        color: Any = style.BALL,
        opacity: float = 1.0,
        outline: float = 0.55,
        halo: float = 0.0,
        hidden_by_surface: bool = False,
        **kwargs: Any,
    ):
        super().__init__(**kwargs)
        self.shade_in_3d = bool(hidden_by_surface)
        self.color = ManimColor(color)
        self.opacity = float(opacity)
        self.outline = float(outline)
        self.halo = float(halo)
        offsets = radius * np.array([RIGHT, -RIGHT, UP, -UP, OUT, -OUT], dtype=float)
        self.points = np.vstack([np.zeros(3), offsets])

    @property
    def radius(self) -> float:
        """The radius in scene units."""
        return float(np.linalg.norm(self.points[1:] - self.points[0], axis=1).mean())

    def get_center(self) -> np.ndarray:
        return self.points[0].copy()

    def place(self, point: Any) -> ShadedBall:
        """Put the centre at the 3-D ``point`` (cheap; for updaters)."""
        self.points += np.asarray(point, dtype=float) - self.points[0]
        return self

    move_to_point3d = place

    # -- colour and opacity --------------------------------------------------------------------
    def set_color(self, color: Any = style.BALL, family: bool = True, **kwargs: Any) -> ShadedBall:
        self.color = ManimColor(color)
        return self

    def get_color(self) -> ManimColor:
        return self.color

    def interpolate_color(self, mobject1: Mobject, mobject2: Mobject, alpha: float) -> ShadedBall:
        self.color = interpolate_color(mobject1.color, mobject2.color, alpha)
        return super().interpolate_color(mobject1, mobject2, alpha)

    # -- drawing -------------------------------------------------------------------------------
    def depth_key(self, view: View) -> float:
        """The depth of the ball's nearest point (for sorting with the surface's faces)."""
        return float(((self.points[0] - view.frame_center) @ view.rotation.T)[2]) + self.radius

    def screen_disc(self, view: View, fixed_in_frame: bool = False) -> tuple[float, float, float] | None:
        """Centre x, y and radius of the disc in pixels, or None behind the camera."""
        center = self.points[0]
        side = view.rotation[0] if not fixed_in_frame else np.array([1.0, 0.0, 0.0])
        pair = np.vstack([center, center + self.radius * side])
        if fixed_in_frame:
            projected = pair
        else:
            projected, in_front = project(pair, view)
            if not in_front[0]:
                return None
        pixels = view.pixels(projected)
        radius = float(np.linalg.norm(projected[1, :2] - projected[0, :2])) * view.pixels_per_unit
        return float(pixels[0, 0]), float(pixels[0, 1]), radius

    def draw_sprite(self, ctx: cairo.Context, view: View, fixed_in_frame: bool = False) -> None:
        disc = self.screen_disc(view, fixed_in_frame)
        if disc is None or self.opacity <= 0:
            return
        x, y, r = disc
        width, height = view.pixel_size
        if r <= 0 or not (-r <= x <= width + r and -r <= y <= height + r):
            return
        # The highlight sits towards the light as seen from the camera.
        to_light = view.light_source - self.points[0]
        on_screen = (view.rotation @ to_light)[:2]
        xx, yx, xy, yy = view.to_pixels[:4]
        d = np.array([xx * on_screen[0] + xy * on_screen[1], yx * on_screen[0] + yy * on_screen[1]])
        d = d / max(float(np.linalg.norm(d)), 1e-9)
        hx, hy = x + 0.4 * r * d[0], y + 0.4 * r * d[1]
        base = self.color
        stops = [
            (0.0, interpolate_color(base, WHITE, 0.75)),
            (0.22, interpolate_color(base, WHITE, 0.25)),
            (0.65, base),
            (1.0, interpolate_color(base, BLACK, 0.5)),
        ]
        gradient = cairo.RadialGradient(hx, hy, 0.0, x, y, r)
        for offset, colour in stops:
            red, green, blue = colour.to_rgb()
            gradient.add_color_stop_rgba(offset, blue, green, red, self.opacity)  # cairo is BGRA
        ctx.save()
        ctx.identity_matrix()
        ctx.set_antialias(cairo.ANTIALIAS_DEFAULT)
        if self.halo > 0:
            ring = style.HALO.to_rgb()
            ctx.new_path()
            ctx.arc(x, y, r * (1 + self.halo), 0.0, 2 * math.pi)
            ctx.set_source_rgba(ring[2], ring[1], ring[0], self.opacity)
            ctx.fill()
        ctx.new_path()
        ctx.arc(x, y, r, 0.0, 2 * math.pi)
        ctx.set_source(gradient)
        if self.outline > 0:
            ctx.fill_preserve()
            rim = interpolate_color(base, BLACK, 0.75).to_rgb()
            ctx.set_source_rgba(rim[2], rim[1], rim[0], self.outline * self.opacity)
            ctx.set_line_width(max(1.0, 0.06 * r))
            ctx.stroke()
        else:
            ctx.fill()
        ctx.restore()


class RollAlong(Animation):
    """Move a mobject's centre along a polyline at constant speed (by arc length).

    ``MoveAlongPath`` measures the length of every curve of the path again in every frame
    (about 10 ms per frame for a 60-step descent path); this precomputes the lengths once.

    Parameters
    ----------
    mobject : Mobject
        What moves (a :class:`ShadedBall` is moved with its cheap :meth:`~ShadedBall.place`).
    path : VMobject or (k, 3) array
        A polyline (e.g. from ``HillsideMesh.path_on_surface``) or its corner points.
    """

    def __init__(self, mobject: Mobject, path: VMobject | np.ndarray, **kwargs: Any):
        if isinstance(path, VMobject):
            corners = np.vstack([path.get_start_anchors(), path.get_end_anchors()[-1:]])
        else:
            corners = np.asarray(path, dtype=float).reshape(-1, 3)
        if len(corners) == 0:
            raise ValueError("RollAlong needs a path with at least one point")
        lengths = np.linalg.norm(np.diff(corners, axis=0), axis=1)
        travelled = np.concatenate([[0.0], np.cumsum(lengths)])
        self.corners = corners
        self.fractions = travelled / travelled[-1] if travelled[-1] > 0 else np.zeros(len(corners))
        super().__init__(mobject, **kwargs)

    def point_at(self, alpha: float) -> np.ndarray:
        """The point reached after the fraction ``alpha`` of the path's length."""
        if len(self.corners) == 1 or self.fractions[-1] == 0:
            return self.corners[0].copy()
        return np.array([np.interp(alpha, self.fractions, self.corners[:, k]) for k in range(3)])

    def interpolate_mobject(self, alpha: float) -> None:
        point = self.point_at(self.rate_func(alpha))
        if isinstance(self.mobject, ShadedBall):
            self.mobject.place(point)
        else:
            self.mobject.move_to(point)
