"""The gradient field (``GradientField``): the hillside from straight above as a map (north
up, east to the right, contour lines), gradient arrows on a grid crossing the lines at right
angles, then turned round to -∇f, the way down.

:mod:`.facts` holds what the arrows show (no manim), :mod:`.captions` writes each caption
from it (pure), :mod:`.scene` draws the map and arrows and plays the beats.
"""
