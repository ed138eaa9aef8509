"""The learning-rate lesson: the same walk with one to four step sizes, side by side.

``facts.py`` holds its frozen records (no manim), ``captions.py`` the pure functions that
write its lines from them, ``scene.py`` the scene :class:`LearningRates` (rendered from
``scenes/learning_rates.py``).
"""
