"""Reusable pieces of lesson scenes: fitted axes, graphs, tangent lines, readouts.

For 3-D lessons: :mod:`~scenes.parts.hill3d.fast3d` (the fast 3-D camera), :mod:`~scenes.parts.hill3d.hillside`
(the hillside mesh), :mod:`~scenes.parts.hill3d.axes3d` (fast 3-D axes) and :mod:`~scenes.parts.hill3d.ball3d`
(the shaded ball and :class:`~scenes.parts.hill3d.ball3d.RollAlong`).
"""
