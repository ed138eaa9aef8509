"""What the two gradient lessons share: a point on the hill, its facts, the formula
``f(n, e) = ...`` in the title band, and the side panel for readouts (the hill is fitted to
the plot zone left of it)."""

from __future__ import annotations

from typing import Annotated, ClassVar

from scenes.lessons.common.hill import HillLesson
from scenes.kit.layout import Box
from scenes.parts.panels.panels import formula_line
from scenes.kit.settings import Setting
from scenes.lessons.common.point_facts import point_facts

__all__ = ["GradientLesson"]


class GradientLesson(HillLesson):
    """A hill lesson about the gradient at ``point`` (see :mod:`scenes.lessons.gradient.scene`)."""

    point: ClassVar[Annotated[tuple[float, float], Setting("the point (n0, e0) the lesson stands at", low=-1e6, high=1e6)]] = (1.5, 1.0)

    @classmethod
    def check(cls) -> None:
        """The hill's checks, then ``point`` (inside the ranges, f and its slopes defined)."""
        super().check()
        cls.check_point("point")

    def hill_zone(self) -> Box:
        return self.zones.plot

    def build(self) -> None:
        super().build()
        self.n_tex, self.e_tex = self.var_tex
        self.f_tex = rf"f({self.n_tex}, {self.e_tex})"
        self.facts = point_facts(self.field, self.point, self.decimals, self.n_range, self.e_range)
        self.formula = formula_line(self.f_tex, self.field.latex, self.zones.title)

    def f_text(self) -> str:
        """``f(n, e)`` in plain text, for captions."""
        return f"f({self.variables[0]}, {self.variables[1]})"

    def partial_tex(self, k: int) -> str:
        """``∂f/∂n`` (k = 0) or ``∂f/∂e`` (k = 1) in LaTeX."""
        return rf"\frac{{\partial f}}{{\partial {(self.n_tex, self.e_tex)[k]}}}"

    def show_formula(self) -> None:
        """Fade in the formula, pinned to the screen."""
        from manim import FadeIn

        self.pin(self.formula)
        self.play(FadeIn(self.formula), run_time=0.5)
