"""Fitting a line to data by gradient descent on its loss.

``facts.py`` holds the frozen records written from mathcore's walk on the loss (no manim),
``captions.py`` the pure functions that write the lesson's lines from them, ``scene.py`` the
scene :class:`FitALine` (rendered from ``scenes/learning.py``). What it shares with the
neuron lesson lives in :mod:`scenes.lessons.common` (``data_fit``, ``fit_walk``,
``fit_facts``, ``fit_captions``).
"""
