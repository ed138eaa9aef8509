"""A ball that rides a graph from one point of a walk to the next, with what follows it.

:class:`CurveRider` owns the ball, its drop line to the axis, the tangent and the live
readouts of w, f'(w) and f(w). One :class:`~manim.ValueTracker` drives them: during a
move the scene animates the tracker and only these mobjects are redrawn per frame (they
are the last in the scene's list), over a still image of everything else.
"""

from __future__ import annotations

import numpy as np
from manim import UP, Axes, Dot, Line, ValueTracker, VMobject

from mathcore import Curve, DescentPath

from scenes.kit import style
from scenes.parts.plot2d.tangent import SlopeLine, clip_segment

__all__ = ["CurveRider"]

_ORIGIN = np.zeros(3)


class CurveRider:
    """The ball on ``curve`` drawn on ``axes`` and what follows it.

    Parameters
    ----------
    axes, curve
        Where the ball rides.
    readouts : tuple
        The live readouts (:class:`~scenes.parts.panels.live_number.LiveReadout`) of w, f(w), f'(w).
    """

    def __init__(self, axes: Axes, curve: Curve, readouts: tuple):
        self.axes, self.curve = axes, curve
        self.w_readout, self.value_readout, self.slope_readout = readouts
        self.ball = Dot(radius=0.11, color=style.BALL).set_z_index(3)
        self.tangent = SlopeLine(axes, (0.0, 0.0), 0.0, length=2.2, color=style.SLOPE, stroke_width=5)
        self.drop = Line(_ORIGIN, _ORIGIN + UP, color=style.MUTED, stroke_width=2)
        self.alpha = ValueTracker(0.0)
        self._route = lambda alpha: (0.0, 0.0, 0.0)
        self._cache = (None, None)

    # -- state --------------------------------------------------------------------------------
    def at(self, w: float, f: float) -> np.ndarray:
        """Scene point of the graph point (w, f)."""
        return self.axes.coords_to_point(w, f)

    def place(self) -> tuple[float, float]:
        """Where the ball is drawn, as (w, f) on the axes. For the picture facts:
        ``scene.name_in_picture("ball", rider.ball, coords=rider.place)``."""
        w, f = self.axes.point_to_coords(self.ball.get_center())[:2]
        return float(w), float(f)

    def state(self):
        """(w, f, slope or None) of the ball now, computed once per frame."""
        alpha = self.alpha.get_value()
        if self._cache[0] != alpha:
            self._cache = (alpha, self._route(alpha))
        return self._cache[1]

    def route(self, path: DescentPath, step: int) -> None:
        """Route the ball from point ``step - 1`` to point ``step`` of ``path``: along the
        curve when it is defined and in view all the way, else straight (no tangent)."""
        (w0,), (w1,) = path.points[step - 1], path.points[step]
        f0, f1 = float(path.values[step - 1]), float(path.values[step])
        s0, s1 = float(path.gradients[step - 1, 0]), float(path.gradients[step, 0])
        ws = np.linspace(w0, w1, 65)
        fs, slopes = self.curve(ws), self.curve.derivative(ws)
        y_low, y_high = self.axes.y_range[:2]
        along = bool(np.all(np.isfinite(fs)) and np.all((fs >= y_low) & (fs <= y_high)) and np.all(np.isfinite(slopes)))

        def route(alpha: float):
            if alpha <= 0:
                return w0, f0, s0
            if alpha >= 1:
                return w1, f1, s1
            w = w0 + alpha * (w1 - w0)
            if along:
                return w, float(self.curve(w)), float(self.curve.derivative(w))
            return w, f0 + alpha * (f1 - f0), None

        self._route = route
        self._cache = (None, None)
        self.alpha.set_value(0.0)

    def rest_at(self, path: DescentPath, index: int) -> None:
        """Put the ball and what follows it on point ``index`` of ``path``, now."""
        w, f, s = float(path.points[index, 0]), float(path.values[index]), float(path.gradients[index, 0])
        self._route = lambda alpha: (w, f, s)
        self._cache = (None, None)
        self.alpha.set_value(0.0)
        self.attach()
        for mobject in self.riders():
            mobject.update()
        self.detach()

    # -- updaters -----------------------------------------------------------------------------
    def attach(self) -> None:
        """Make the riders follow ``alpha``."""
        def ball(m):
            w, f, _ = self.state()
            m.move_to(self.at(w, f))

        def drop(m):
            w, f, _ = self.state()
            # Corners, not put_start_and_end_on: the line may have zero length (f = 0).
            m.set_points_as_corners([self.at(w, f), self.axes.x_axis.number_to_point(w)])

        def tangent(m):
            w, f, slope = self.state()
            if slope is None:
                m.set_stroke(opacity=0)
                return
            m.move_onto((w, f), slope)
            piece = self._clipped(m)
            if piece is None:
                m.set_stroke(opacity=0)
            else:
                m.put_start_and_end_on(*piece).set_stroke(opacity=1)

        def readout(which):
            def update(m):
                value = self.state()[which]
                if value is not None:
                    m.show(value)  # as scenes.kit.numbers writes it: 0, never -0.00
            return update

        self.ball.add_updater(ball)
        self.drop.add_updater(drop)
        self.tangent.add_updater(tangent)
        self.w_readout.add_updater(readout(0))
        self.value_readout.add_updater(readout(1))
        self.slope_readout.add_updater(readout(2))

    def _clipped(self, line: VMobject):
        """The part of ``line`` inside the axes' plotting box (``axes.box`` when the axes have
        one, e.g. :class:`~scenes.parts.plot2d.plot_axes.PlotAxes`): the tangent never runs
        out over the tick numbers. None when no part of it (longer than a dot) is inside."""
        box = getattr(self.axes, "box", None)
        start, end = line.get_start(), line.get_end()
        if box is None:
            return start, end
        piece = clip_segment(start, end, (box.left, box.right, box.bottom, box.top))
        if piece is None or np.linalg.norm(piece[1] - piece[0]) < 0.05:
            return None
        return piece

    def detach(self) -> None:
        for mobject in self.riders():
            mobject.clear_updaters()

    def riders(self) -> tuple[VMobject, ...]:
        """What follows the ball; during a move they are the only mobjects redrawn per frame."""
        return (self.drop, self.tangent, self.ball, self.w_readout, self.value_readout, self.slope_readout)
