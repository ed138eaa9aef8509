"""Number readouts that update in place (cheap per frame, unlike rebuilding MathTex)."""

from __future__ import annotations

from manim import RIGHT, DecimalNumber, MathTex, VGroup

from scenes.kit import style

__all__ = ["Readout"]


class Readout(VGroup):
    """A LaTeX label followed by a live number, e.g. ``slope = 1.25``.

    Parameters
    ----------
    label : str
        LaTeX for the part before the number, e.g. ``r"f'(x_0) ="``.
    value : float
        The starting number.
    decimals : int
        Digits after the decimal point.
    color : ManimColor
        Colour of the number (the label stays in ink).
    """

    def __init__(self, label: str, value: float = 0.0, decimals: int = 2, color=style.INK, font_size: float = style.READOUT_SIZE):
        self.label = MathTex(label, font_size=font_size, color=style.INK)
        self.number = DecimalNumber(
            value,
            num_decimal_places=decimals,
            include_sign=False,
            group_with_commas=False,  # 1025.00, as scenes.kit.numbers writes it
            font_size=font_size,
            color=color,
        )
        super().__init__(self.label, self.number)
        self.number.next_to(self.label, RIGHT, buff=0.15)
        # Sit the digits on the label's baseline: a label with a descender, such as the
        # parenthesis in f'(x), reaches lower than the baseline. A typeset "0" after the
        # label shows where the baseline is.
        probe = MathTex(label, "0", font_size=font_size)
        baseline = self.label.get_bottom()[1] + probe[1].get_bottom()[1] - probe[0].get_bottom()[1]
        self.number.shift([0, baseline - self.number.get_bottom()[1], 0])

    def set_value(self, value: float) -> Readout:
        """Show ``value``, keeping the number's left edge where it was."""
        left = self.number.get_left()
        self.number.set_value(value)
        self.number.move_to(left, aligned_edge=[-1, 0, 0])
        return self
