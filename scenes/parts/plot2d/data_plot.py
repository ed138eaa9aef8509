"""A plot of data points with a model's curve and its residuals, redrawn cheaply every frame.

:class:`DataPlot` holds framed axes (:class:`~scenes.parts.plot2d.plot_axes.PlotAxes`, numbers
outside the box), the data as dots, the model's curve (a line ``y = w x + b`` or a sigmoid)
and, optionally, the residuals: a vertical segment from each point to the curve. The curve
and the residuals are each one :class:`~manim.VMobject` whose points are replaced in place
(:meth:`DataPlot.show_model`), so a moving line over 200 points costs a few numpy operations
per frame. Everything is clipped to the plotting box: a steep line ends at the box's edge.

The model's values come from the caller (the lesson evaluates its model from mathcore's
(w, b)); this part only draws.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from manim import Circle, VGroup, VMobject

from scenes.kit import style
from scenes.kit.layout import Box
from scenes.parts.plot2d.plot_axes import PlotAxes, Scale

__all__ = ["DataPlot", "clip_segments", "row_offsets"]

#: Share of the plot's height a crowded row of labelled points spreads over each way.
ROW_SPREAD = 0.045
#: The golden ratio's fraction: successive points of a row get offsets far apart.
_GOLDEN = 0.6180339887498949


def row_offsets(xs: np.ndarray, rows: np.ndarray, radius: float, spread: float) -> np.ndarray:
    """Vertical offsets (scene units) that spread a crowded row of dots into a thin band:
    dots of one row (same ``rows`` value) whose screen ``xs`` lie closer than a dot's width
    (the median gap) get offsets up to ``spread`` each way, in a fixed low-discrepancy order
    along x (the same data, the same picture); a row with room keeps its dots on the line.

    >>> row_offsets(np.array([0.0, 1.0, 2.0]), np.zeros(3), 0.1, 0.3).tolist()
    [0.0, 0.0, 0.0]
    >>> off = row_offsets(np.linspace(0, 1, 50), np.zeros(50), 0.1, 0.3)
    >>> bool(np.abs(off).max() <= 0.3 and np.ptp(off) > 0.5)
    True
    """
    xs, rows = np.asarray(xs, dtype=float), np.asarray(rows)
    offsets = np.zeros(len(xs))
    for row in np.unique(rows):
        members = np.flatnonzero(rows == row)
        if len(members) < 3:
            continue
        order = members[np.argsort(xs[members], kind="stable")]
        if np.median(np.diff(xs[order])) >= 2.0 * radius:
            continue
        offsets[order] = spread * (2.0 * ((np.arange(len(order)) * _GOLDEN) % 1.0) - 1.0)
    return offsets


def clip_segments(starts: np.ndarray, ends: np.ndarray, x_range: Sequence[float], y_range: Sequence[float]) -> tuple[np.ndarray, np.ndarray]:
    """The parts of the segments ``starts[i] -> ends[i]`` ((k, 2) arrays) inside the box
    ``x_range`` x ``y_range`` (Liang-Barsky); segments wholly outside are dropped.

    >>> a, b = clip_segments(np.array([[0.0, 0.0], [5.0, 5.0]]), np.array([[2.0, 4.0], [6.0, 6.0]]), (0, 4), (0, 2))
    >>> a.tolist(), b.tolist()
    ([[0.0, 0.0]], [[1.0, 2.0]])
    """
    p0, p1 = np.asarray(starts, dtype=float).reshape(-1, 2), np.asarray(ends, dtype=float).reshape(-1, 2)
    d = p1 - p0
    t0, t1 = np.zeros(len(p0)), np.ones(len(p0))
    keep = np.isfinite(p0).all(axis=1) & np.isfinite(p1).all(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        for axis, (low, high) in enumerate((x_range, y_range)):
            for q, r in ((-d[:, axis], p0[:, axis] - low), (d[:, axis], high - p0[:, axis])):
                parallel = q == 0
                keep &= ~(parallel & (r < 0))
                t = np.where(parallel, 0.0, r / np.where(parallel, 1.0, q))
                entering = (q < 0) & ~parallel
                leaving = (q > 0) & ~parallel
                t0 = np.where(entering, np.maximum(t0, t), t0)
                t1 = np.where(leaving, np.minimum(t1, t), t1)
    keep &= t0 <= t1
    return (p0 + t0[:, None] * d)[keep], (p0 + t1[:, None] * d)[keep]


class DataPlot(VGroup):
    """Data points, a model's curve and its residuals on framed axes in ``zone``.

    Parameters
    ----------
    data : sequence of (x, y)
        The points.
    x, y : Scale
        The axes' ranges and tick steps.
    zone : Box
        Where the plot (with its numbers and labels) must fit.
    residuals : bool
        Draw the vertical gap from each point to the curve.
    hollow : callable, optional
        ``hollow(y)`` True draws that point as a ring (e.g. label 0), else a filled dot.
    rows : bool
        The points lie in a few rows (labels 0 and 1): where a row is crowded (many points,
        dots touching) its dots are spread up and down a little (:func:`row_offsets`) and
        drawn see-through, so that 200 points read as points and not as a bar.
    """

    def __init__(self, data: Sequence[Sequence[float]], x: Scale, y: Scale, zone: Box, *, x_label: str = "x",
                 y_label: str = "y", residuals: bool = True, hollow: Callable[[float], bool] | None = None, rows: bool = False,
                 **kwargs: Any):
        super().__init__(**kwargs)
        self.axes = PlotAxes(x, y, zone, x_label=x_label, y_label=y_label)
        self.data = np.asarray(data, dtype=float).reshape(-1, 2)
        self.x_range, self.y_range = (x.start, x.stop), (y.start, y.stop)
        origin = np.asarray(self.axes.c2p(x.start, y.start), dtype=float)
        self._origin = origin
        self._per = np.array([
            (np.asarray(self.axes.c2p(x.stop, y.start), dtype=float) - origin)[0] / (x.stop - x.start),
            (np.asarray(self.axes.c2p(x.start, y.stop), dtype=float) - origin)[1] / (y.stop - y.start),
        ])
        radius = 0.07 if len(self.data) <= 30 else 0.05 if len(self.data) <= 80 else 0.035
        # Two mobjects for all the points (filled dots, rings): cheap to copy and fade.
        ring = Circle(radius=radius).points
        centres = self.to_screen(self.data)
        self.offsets = np.zeros(len(self.data))
        if rows:
            spread = ROW_SPREAD * abs(self._per[1]) * (y.stop - y.start)
            self.offsets = row_offsets(centres[:, 0], self.data[:, 1], radius, spread)
            centres[:, 1] += self.offsets
        crowded = bool(np.any(self.offsets))
        rings = np.array([hollow is not None and hollow(py) for py in self.data[:, 1]], dtype=bool)
        self.filled = VMobject(stroke_width=0, fill_color=style.INK, fill_opacity=0.7 if crowded else 1.0)
        self.rings = VMobject(stroke_color=style.INK, stroke_width=1.5 if crowded else 2.5, stroke_opacity=0.8 if crowded else 1.0, fill_opacity=0)
        for mobject, chosen in ((self.filled, centres[~rings]), (self.rings, centres[rings])):
            if len(chosen):
                mobject.set_points((chosen[:, None, :] + ring[None, :, :]).reshape(-1, 3))
        self.dots = VGroup(self.filled, self.rings)
        self.curve = VMobject(stroke_color=style.BALL, stroke_width=4, fill_opacity=0)
        many = len(self.data) > 40  # thinner gaps, so 200 of them do not hide the points
        self.gaps = VMobject(stroke_color=style.SECANT, stroke_width=1.2 if many else 2.5, stroke_opacity=0.7 if many else 1.0, fill_opacity=0)
        self.residuals = residuals
        self.add(self.axes, self.dots)

    def to_screen(self, xy: np.ndarray) -> np.ndarray:
        """Scene points (k, 3) of data coordinates (k, 2)."""
        xy = np.asarray(xy, dtype=float).reshape(-1, 2)
        out = np.zeros((len(xy), 3))
        out[:, 0] = self._origin[0] + (xy[:, 0] - self.x_range[0]) * self._per[0]
        out[:, 1] = self._origin[1] + (xy[:, 1] - self.y_range[0]) * self._per[1]
        return out

    def _set_segments(self, mobject: VMobject, starts: np.ndarray, ends: np.ndarray) -> None:
        a, b = clip_segments(starts, ends, self.x_range, self.y_range)
        a, b = self.to_screen(a), self.to_screen(b)
        if not len(a):
            mobject.set_points(np.zeros((0, 3)))
            return
        mobject.set_points(np.stack([a, (2 * a + b) / 3, (a + 2 * b) / 3, b], axis=1).reshape(-1, 3))

    def show_model(self, model: Callable[[np.ndarray], np.ndarray], samples: int = 2) -> None:
        """Redraw the curve ``y = model(x)`` (sampled at ``samples`` x values across the
        plot; 2 for a straight line) and the residuals from each point to it."""
        xs = np.linspace(self.x_range[0], self.x_range[1], max(int(samples), 2))
        with np.errstate(all="ignore"):
            ys = np.asarray(model(xs), dtype=float)
        pts = np.column_stack([xs, ys])
        self._set_segments(self.curve, pts[:-1], pts[1:])
        if self.residuals:
            with np.errstate(all="ignore"):
                fitted = np.asarray(model(self.data[:, 0]), dtype=float)
            self._set_segments(self.gaps, self.data, np.column_stack([self.data[:, 0], fitted]))
