"""The gradient at a point (``GradientOnHillside``): the two partial slopes add up tip to tail
to the gradient, the steepest way up; an arrow turning around the point reads the slope in
every direction, and -∇f is the way down.

:mod:`.facts` holds the frozen records of each pause of the turn (no manim), :mod:`.captions`
writes each caption from the facts (pure), :mod:`.scene` draws and plays the beats.
"""
