"""What the two gradient lessons share: a point on the hill, its facts, the formula
``f(n, e) = ...`` in the title band, and the side panel for readouts (the hill is fitted to
the plot zone left of it)."""

from __future__ import annotations

from typing import Annotated, ClassVar

from scenes.lessons.common.hill import HillLesson
from scenes.kit.layout import Box
from scenes.parts.panels.panels import place_formula
from scenes.kit.settings import Setting
from scenes.lessons.common.point_facts import point_facts

__all__ = ["GradientLesson"]


class GradientLesson(HillLesson):
    """A hill lesson about the gradient at ``point`` (see :mod:`scenes.lessons.gradient.scene`)."""

    height_bands = True  # a low-lying hill shows its valley floor
    height_numbers_first = True  # the height axis keeps several values
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
        #: The formula: in the title band when readable there, else first in the side panel
        #: (``formula_in_panel``: the lesson puts it at the head of its panel's column).
        self.formula, self.formula_in_panel = place_formula(self.f_tex, self.field.latex, self.zones)

    def panel_head(self) -> list:
        """What goes first in the side panel's column: the formula, when it is there."""
        return [self.formula] if self.formula_in_panel else []

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
