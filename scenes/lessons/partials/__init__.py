"""Partial derivatives (``PartialDerivatives``): at one point of the hillside, hold one input
and walk along the other; an upright plane cuts a curve whose tangent's slope is the partial
derivative, once for each input.

:mod:`.facts` holds the frozen records of the slices (no manim), :mod:`.captions` writes each
caption from them (pure), :mod:`.scene` draws the planes, curves and tangents and plays the beats.
"""
