"""The gradient-descent lesson in one variable: step against the slope, one update at a time.

``facts.py`` holds its frozen records from mathcore's walks (no manim), ``captions.py`` the
pure functions that write its lines from them, ``scene.py`` the scene
:class:`GradientDescent1D` (rendered from ``scenes/descent.py``).
"""
