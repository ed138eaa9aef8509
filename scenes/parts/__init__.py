"""Reusable pieces of lesson scenes: fitted axes, graphs, tangent lines, readouts.

For 3-D lessons: :mod:`~scenes.parts.fast3d` (the fast 3-D camera), :mod:`~scenes.parts.hillside`
(the hillside mesh), :mod:`~scenes.parts.axes3d` (fast 3-D axes) and :mod:`~scenes.parts.ball3d`
(the shaded ball and :class:`~scenes.parts.ball3d.RollAlong`).
"""
