"""Manim scenes that animate what :mod:`mathcore` computes, one lesson topic per module.

Every scene is configured by class attributes; a variant is a subclass::

    from scenes.lessons.derivative.scene import TangentSlope

    class CubicTangent(TangentSlope):
        function = "x**3 - 3*x"
"""
