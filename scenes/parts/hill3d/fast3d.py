"""A 3-D camera that draws many-faced surfaces in one tight numpy + pycairo pass.

Manim's Cairo renderer draws a stock :class:`~manim.Surface` as hundreds of separate
``VMobject`` faces: every frame of a moving camera re-projects, re-shades and re-draws
each face through the generic Bézier path code, which makes an orbit about 15x slower
than a scene without the surface. :class:`FastThreeDCamera` is a
:class:`~manim.ThreeDCamera` that, in addition to everything it already draws, knows two
kinds of mobjects that draw themselves cheaply:

* :class:`FastMesh` (e.g. :class:`~scenes.parts.hill3d.hillside.HillsideMesh`): its faces are
  projected, shaded and depth-sorted with numpy, then painted far to near in one tight
  pycairo loop. The faces of all meshes in the frame are sorted together (a tangent plane
  cuts through a hill correctly), and the other 3-D mobjects (``shade_in_3d``: axes lines,
  ``Arrow3D``, ``Sphere``...) are slotted into that order by the depth of their reference
  point, just as :class:`~manim.ThreeDCamera` sorts them among a stock surface's faces.
  Flat mobjects (text, a trail, a ball that is not depth-tested) come after, in scene order.
* :class:`FastSprite` (e.g. :class:`~scenes.parts.hill3d.ball3d.ShadedBall`): a flat picture
  drawn at the projected position of a 3-D point, facing the camera.

The projection here mirrors :meth:`ThreeDCamera.project_points` exactly (tested), and the
shading follows :func:`manim.utils.color.get_shaded_rgb`.

While the camera moves, a caption or title pinned to the screen that has not changed is
painted from a cached picture (:mod:`~scenes.parts.hill3d.overlay_cache`) instead of being redrawn.

Use :class:`FastThreeDScene` (or ``camera_class=FastThreeDCamera``); the lesson base
:class:`~scenes.kit.lesson.LessonScene3D` already does.
"""

from __future__ import annotations

import itertools as it
from dataclasses import dataclass
from typing import Any

import cairo
import numpy as np
from manim import Mobject, ThreeDCamera, ThreeDScene
from manim.constants import DEGREES

from scenes.parts.hill3d.face_painter import FaceBatch, paint_faces, sort_faces
from scenes.parts.hill3d.overlay_cache import OverlayCache

__all__ = [
    "FastMesh",
    "FastSprite",
    "FastThreeDCamera",
    "FastThreeDScene",
    "View",
    "camera_rotation",
    "project",
    "shade",
]


def camera_rotation(phi: float, theta: float, gamma: float = 0.0) -> np.ndarray:
    """The 3x3 rotation :meth:`ThreeDCamera.generate_rotation_matrix` builds for these angles."""
    a = -theta - 90 * DEGREES
    rz = np.array([[np.cos(a), -np.sin(a), 0.0], [np.sin(a), np.cos(a), 0.0], [0.0, 0.0, 1.0]])
    c, s = np.cos(-phi), np.sin(-phi)
    rx = np.array([[1.0, 0.0, 0.0], [0.0, c, -s], [0.0, s, c]])
    g = np.array([[np.cos(gamma), -np.sin(gamma), 0.0], [np.sin(gamma), np.cos(gamma), 0.0], [0.0, 0.0, 1.0]])
    return g @ rx @ rz


@dataclass(frozen=True)
class View:
    """What a frame's camera does to a 3-D point, as plain numbers (no manim objects).

    Attributes
    ----------
    rotation : (3, 3) array
        The camera's rotation matrix.
    frame_center : (3,) array
        The point the camera looks at.
    focal_distance, zoom : float
        As on :class:`~manim.ThreeDCamera`.
    exponential : bool
        ``ThreeDCamera.exponential_projection``.
    to_pixels : (6,) tuple
        The cairo matrix ``(xx, yx, xy, yy, x0, y0)`` from projected frame units to pixels.
    pixel_size : (int, int)
        Width and height of the picture in pixels.
    light_source : (3,) array
        The point light that shades surfaces.
    """

    rotation: np.ndarray
    frame_center: np.ndarray
    focal_distance: float
    zoom: float
    exponential: bool
    to_pixels: tuple[float, float, float, float, float, float]
    pixel_size: tuple[int, int]
    light_source: np.ndarray

    @property
    def eye(self) -> np.ndarray:
        """Where the camera is, in scene coordinates."""
        return self.frame_center + self.rotation.T @ np.array([0.0, 0.0, self.focal_distance])

    @property
    def pixels_per_unit(self) -> float:
        """Pixels per scene unit on screen (before perspective)."""
        xx, yx = self.to_pixels[0], self.to_pixels[1]
        return float(np.hypot(xx, yx))

    def pixels(self, projected: np.ndarray) -> np.ndarray:
        """Pixel coordinates (N, 2) of projected points (N, >=2)."""
        xx, yx, xy, yy, x0, y0 = self.to_pixels
        x, y = projected[:, 0], projected[:, 1]
        return np.stack([xx * x + xy * y + x0, yx * x + yy * y + y0], axis=1)


def project(points: np.ndarray, view: View) -> tuple[np.ndarray, np.ndarray]:
    """Project ``points`` (N, 3) as :meth:`ThreeDCamera.project_points` does.

    Returns ``(projected, in_front)``: the projected points (x, y scaled by perspective, z the
    depth along the view axis, larger is nearer) and a mask of the points in front of the eye.
    """
    focal = view.focal_distance
    rotated = (np.asarray(points, dtype=float) - view.frame_center) @ view.rotation.T
    zs = rotated[:, 2]
    gap = focal - zs
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        if view.exponential:
            factor = np.exp(zs / focal)
            behind = zs < 0
            factor[behind] = focal / gap[behind]
            in_front = np.ones(len(zs), dtype=bool)
        else:
            factor = focal / gap
            factor[gap < 0] = 10**6
            in_front = gap > 1e-6 * max(focal, 1.0)
    rotated[:, :2] *= (factor * view.zoom)[:, None]
    return rotated, in_front


def shade(
    rgb: np.ndarray,
    centers: np.ndarray,
    normals: np.ndarray,
    light_source: np.ndarray,
    eye: np.ndarray | None = None,
    strength: float = 1.0,
) -> np.ndarray:
    """Light or darken face colours as :func:`manim.utils.color.get_shaded_rgb` does, vectorised.

    ``light = 0.5 * cos(angle to the light)**3`` (halved when negative) is added to each
    colour. With ``eye`` given, each normal is first turned towards the eye (two-sided faces:
    the underside of a hill seen from below is lit as an underside). ``strength`` scales
    the added light.
    """
    normals = np.asarray(normals, dtype=float)
    if eye is not None:
        facing = np.einsum("ij,ij->i", normals, eye - centers)
        normals = np.where((facing < 0)[:, None], -normals, normals)
    to_sun = light_source - centers
    to_sun = to_sun / np.maximum(np.linalg.norm(to_sun, axis=1, keepdims=True), 1e-12)
    light = 0.5 * np.einsum("ij,ij->i", normals, to_sun) ** 3
    light = np.where(light < 0, 0.5 * light, light) * strength
    return np.clip(rgb + light[:, None], 0.0, 1.0)


class _Fading:
    """Opacity for the fast mobjects, so ``FadeIn``/``FadeOut``/``Transform`` work on them."""

    opacity: float = 1.0

    def set_opacity(self, opacity: float, family: bool = True):
        self.opacity = float(opacity)
        return self

    def get_opacity(self) -> float:
        return self.opacity

    def fade(self, darkness: float = 0.5, family: bool = True):
        self.opacity = self.opacity * (1.0 - darkness)
        return self

    def interpolate_color(self, mobject1: Mobject, mobject2: Mobject, alpha: float):
        self.opacity = (1 - alpha) * mobject1.opacity + alpha * mobject2.opacity
        return self


class FastMesh(_Fading, Mobject):
    """Base of mobjects whose faces :class:`FastThreeDCamera` paints itself.

    A subclass implements :meth:`faces_for_view`. Its ``points`` are its vertices, so the
    usual ``shift``/``scale``/``rotate``/``move_to``/``Transform`` work on it.
    """

    def faces_for_view(self, view: View, fixed_in_frame: bool = False) -> FaceBatch | None:
        raise NotImplementedError


class FastSprite(_Fading, Mobject):
    """Base of mobjects drawn as one flat picture at a projected point (see ShadedBall)."""

    def draw_sprite(self, ctx: cairo.Context, view: View, fixed_in_frame: bool = False) -> None:
        raise NotImplementedError

    def depth_key(self, view: View) -> float:
        """Depth used when the sprite is sorted with mesh faces (``shade_in_3d`` True)."""
        return float(((self.get_center() - view.frame_center) @ view.rotation.T)[2])


class FastThreeDCamera(ThreeDCamera):
    """A :class:`~manim.ThreeDCamera` that also paints :class:`FastMesh` and :class:`FastSprite`.

    Everything else is drawn exactly as by :class:`~manim.ThreeDCamera`. In each frame the
    faces of all meshes are painted first, depth-sorted together; then the other mobjects in
    :class:`~manim.ThreeDCamera`'s order. Sprites are drawn in that order like any mobject.
    """

    def get_cairo_context(self, pixel_array: np.ndarray) -> cairo.Context:
        """The cairo context of ``pixel_array``, mapping frame units to pixels with the
        frame's centre in the middle.

        manim's :class:`~manim.Camera` also shifts the picture by ``frame_center``'s x and y.
        :meth:`ThreeDCamera.project_points` has already centred 3-D points on
        ``frame_center``, so that shift would move them twice, and move the screen-fixed
        captions and panels off their places: a 3-D camera here never shifts.
        """
        cached = self.get_cached_cairo_context(pixel_array)
        if cached:
            return cached
        pw, ph = self.pixel_width, self.pixel_height
        fw, fh = self.frame_width, self.frame_height
        surface = cairo.ImageSurface.create_for_data(pixel_array.data, cairo.FORMAT_ARGB32, pw, ph)
        ctx = cairo.Context(surface)
        ctx.scale(pw, ph)
        ctx.set_matrix(cairo.Matrix(pw / fw, 0, 0, -(ph / fh), pw / 2, ph / 2))
        self.cache_cairo_context(pixel_array, ctx)
        return ctx

    def view(self) -> View:
        """The current camera as a :class:`View` (call after ``reset_rotation_matrix``)."""
        ctx = self.get_cairo_context(self.pixel_array)
        m = ctx.get_matrix()
        return View(
            rotation=np.array(self.get_rotation_matrix(), dtype=float),
            frame_center=np.array(self.frame_center, dtype=float),
            focal_distance=float(self.get_focal_distance()),
            zoom=float(self.get_zoom()),
            exponential=bool(self.exponential_projection),
            to_pixels=(m.xx, m.yx, m.xy, m.yy, m.x0, m.y0),
            pixel_size=(int(self.pixel_width), int(self.pixel_height)),
            light_source=np.array(self.light_source.points[0], dtype=float),
        )

    #: Reuse pictures of still, screen-fixed mobjects (captions) while the camera moves.
    cache_overlays: bool = True

    # -- screen-fixed mobjects ----------------------------------------------------------------
    # ThreeDCamera fixes the family a mobject has when it is pinned. A readout that rebuilds
    # its digits (1.50 -> -1.50 has one more character) would show the new ones in 3-D, so
    # the pinned roots are remembered and their present families fixed in every frame.
    def add_fixed_in_frame_mobjects(self, *mobjects: Mobject) -> None:
        super().add_fixed_in_frame_mobjects(*mobjects)
        self.pinned_roots = [*getattr(self, "pinned_roots", []), *mobjects]

    def remove_fixed_in_frame_mobjects(self, *mobjects: Mobject) -> None:
        super().remove_fixed_in_frame_mobjects(*mobjects)
        self.pinned_roots = [m for m in getattr(self, "pinned_roots", []) if all(m is not r for r in mobjects)]

    def refresh_fixed_in_frame(self) -> None:
        """Fix in frame whatever the pinned mobjects hold now (digits rebuilt since)."""
        for root in getattr(self, "pinned_roots", ()):
            self.fixed_in_frame_mobjects.update(root.get_family())

    def capture_mobjects(self, mobjects: Any, **kwargs: Any) -> None:
        self.reset_rotation_matrix()
        self.refresh_fixed_in_frame()
        # ThreeDCamera's order: 3-D mobjects (shade_in_3d) far to near, then the others.
        mobjects = self.get_mobjects_to_display(mobjects, **kwargs)
        meshes = [m for m in mobjects if isinstance(m, FastMesh)]
        if meshes:
            others = [m for m in mobjects if not isinstance(m, FastMesh)]
            solids = [m for m in others if getattr(m, "shade_in_3d", False)]
            self.display_meshes(meshes, solids, self.pixel_array)
            mobjects = [m for m in others if not getattr(m, "shade_in_3d", False)]
        if self.cache_overlays:
            self.display_with_overlays(mobjects, self.pixel_array)
        else:
            self.display_in_order(mobjects, self.pixel_array)

    def display_with_overlays(self, mobjects: list[Mobject], pixel_array: np.ndarray) -> None:
        """Draw ``mobjects`` in order; runs of still, screen-fixed ones from cached pictures."""
        if not hasattr(self, "overlay_cache"):
            self.overlay_cache = OverlayCache()
        fixed = self.fixed_in_frame_mobjects
        for pinned, group in it.groupby(mobjects, lambda m: OverlayCache.eligible(m, fixed)):
            if pinned:
                self.overlay_cache.draw(self, list(group), pixel_array)
            else:
                self.display_in_order(list(group), pixel_array)
        self.overlay_cache.end_frame()

    def display_in_order(self, mobjects: list[Mobject], pixel_array: np.ndarray) -> None:
        """Draw ``mobjects`` in the given order, runs of one kind at a time."""
        for kind, group in it.groupby(mobjects, self._kind):
            if kind is FastSprite:
                self.display_sprites(list(group), pixel_array)
            else:
                self.display_funcs[kind](list(group), pixel_array)

    def _kind(self, mobject: Mobject) -> type:
        if isinstance(mobject, FastSprite):
            return FastSprite
        return self.type_or_raise(mobject)

    def display_meshes(self, meshes: list[FastMesh], solids: list[Mobject], pixel_array: np.ndarray) -> None:
        """Paint the faces of ``meshes`` far to near, with the 3-D mobjects ``solids`` slotted
        in by the depth of their reference point (as ThreeDCamera sorts them)."""
        view = self.view()
        batches = [m.faces_for_view(view, m in self.fixed_in_frame_mobjects) for m in meshes]
        batches = [b for b in batches if b is not None and len(b)]
        ctx = self.get_cairo_context(pixel_array)
        if not batches:
            self.display_in_order(solids, pixel_array)
            return
        faces = sort_faces(FaceBatch.concatenate(batches))
        keys = np.array([self.depth_key(m, view) for m in solids], dtype=float)
        order = np.argsort(keys, kind="stable")
        cuts = np.searchsorted(faces.depth, keys[order], side="right")
        start = 0
        for cut, index in zip(cuts.tolist(), order.tolist()):
            if cut > start:
                paint_faces(ctx, faces.take(slice(start, cut)))
                start = cut
            self.display_in_order([solids[index]], pixel_array)
        paint_faces(ctx, faces.take(slice(start, len(faces))))

    def depth_key(self, mobject: Mobject, view: View) -> float:
        """How near ``mobject`` is to the eye, on the scale of the faces' depth."""
        if isinstance(mobject, FastSprite):
            return mobject.depth_key(view)
        point = np.asarray(mobject.get_z_index_reference_point(), dtype=float)
        return float(((point - view.frame_center) @ view.rotation.T)[2])

    def display_sprites(self, sprites: list[FastSprite], pixel_array: np.ndarray) -> None:
        view = self.view()
        ctx = self.get_cairo_context(pixel_array)
        for sprite in sprites:
            sprite.draw_sprite(ctx, view, sprite in self.fixed_in_frame_mobjects)


class FastThreeDScene(ThreeDScene):
    """A :class:`~manim.ThreeDScene` filmed by :class:`FastThreeDCamera`."""

    def __init__(self, camera_class: type = FastThreeDCamera, **kwargs: Any):
        super().__init__(camera_class=camera_class, **kwargs)
