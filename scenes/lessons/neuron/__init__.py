"""One sigmoid neuron learning labelled points by gradient descent on its cross-entropy.

``facts.py`` holds the frozen records written from mathcore's walk (no manim),
``captions.py`` the pure functions that write the lesson's lines, ``scene.py`` the scene
:class:`OneNeuron` (rendered from ``scenes/learning.py``). What it shares with the line lesson
lives in :mod:`scenes.lessons.common` (``data_fit``, ``fit_walk``, ``fit_facts``, ``fit_captions``).
"""
