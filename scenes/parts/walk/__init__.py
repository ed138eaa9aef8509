"""Drawn parts of a gradient-descent walk: the update equations and the visible part of a walk
(``descent_steps``, pure), the ball that rides a 1-D graph with its tangent and readouts
(``curve_rider``), and the rolling ball with its trails on a hillside and map (``descent_walk``).
"""
