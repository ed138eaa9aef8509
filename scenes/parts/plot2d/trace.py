"""A graph that is drawn as time runs: its traced part grows with the variable, in place.

:class:`TracedGraph` keeps the full graph (the pieces made by
:func:`~scenes.parts.plot2d.graph.graph_of`) as a model and shows only the part left of a given
value of the variable, with :meth:`~manim.VMobject.pointwise_become_partial`. Nothing is
created per frame, so an updater that calls :meth:`TracedGraph.reveal_to` stays cheap.
"""

from __future__ import annotations

import numpy as np
from manim import Axes, VGroup, VMobject

__all__ = ["TracedGraph"]


class TracedGraph(VGroup):
    """The part of ``full`` (a group of graph pieces on ``axes``) left of a variable value.

    Parameters
    ----------
    axes : Axes
        The axes the pieces were drawn on; the variable is read along their x axis.
    full : VGroup
        The complete graph, one polyline per continuous piece (as from ``graph_of``).
        It is kept as the model and is not added to the scene by this object.
    """

    def __init__(self, axes: Axes, full: VGroup):
        super().__init__()
        self.axes = axes
        self.full = full
        self._anchor_xs: list[np.ndarray] = []
        for model in full.submobjects:
            piece = VMobject()
            piece.match_style(model)
            self.add(piece)
            # A polyline's anchors: the start of every cubic, and the very last point.
            anchors = np.append(model.points[::4, 0], model.points[-1, 0])
            self._anchor_xs.append(anchors)
        self.value = -np.inf
        self.reveal_to(-np.inf)

    def reveal_to(self, value: float) -> TracedGraph:
        """Show the graph for variable values up to ``value`` (all of it for ``inf``)."""
        self.value = float(value)
        screen_x = float(self.axes.c2p(value, 0)[0]) if np.isfinite(value) else float(value)
        for piece, model, anchors in zip(self.submobjects, self.full.submobjects, self._anchor_xs):
            if screen_x <= anchors[0]:
                piece.clear_points()
            elif screen_x >= anchors[-1]:
                piece.set_points(model.points)
            else:
                index = float(np.interp(screen_x, anchors, np.arange(anchors.size)))
                piece.pointwise_become_partial(model, 0.0, index / (anchors.size - 1))
        return self
