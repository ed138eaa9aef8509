"""Number readouts that update in place (cheap per frame, unlike rebuilding MathTex).

A readout writes its number as :func:`scenes.kit.numbers.number` writes it in captions:
rounded half away from zero, ``0`` for a value that rounds to zero (never ``0.00`` or
``-0.00``). It says what it shows, for the facts of the picture
(:mod:`scenes.kit.picture`): :attr:`Readout.fact_name` names the quantity (``"f"``,
``"step"``, ``"η"``) and :attr:`Readout.shown_text` is the number as drawn.
"""

from __future__ import annotations

import math
import re
import weakref
from typing import Any

from manim import RIGHT, DecimalNumber, MathTex, VGroup

from scenes.kit import style
from scenes.kit.numbers import number, rounded
from scenes.kit.picture import READOUT_REF

__all__ = ["DIGITS_BELOW", "Readout", "plain_name"]

#: Values from here on are not drawn (a readout hides its number): a caption says "more
#: than a thousand trillion", and a row of 16 or more digits reads as nothing.
DIGITS_BELOW = 1e15

#: LaTeX commands for letters, as a caption writes them.
_LETTERS = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "Delta": "Δ", "epsilon": "ε",
    "eta": "η", "theta": "θ", "lambda": "λ", "mu": "μ", "nu": "ν", "pi": "π", "rho": "ρ",
    "sigma": "σ", "tau": "τ", "phi": "φ", "omega": "ω", "nabla": "∇", "partial": "∂",
}  # fmt: skip


def plain_name(label: str) -> str:
    """The quantity a readout's LaTeX label names, in a caption's words.

    ``r"\\text{step}"`` -> ``"step"``, ``"f(w) ="`` -> ``"f(w)"``, ``r"\\eta ="`` -> ``"η"``,
    ``r"\\text{slope this way} ="`` -> ``"slope this way"``.

    >>> plain_name(r"\\text{step}"), plain_name("f'(x_0) ="), plain_name(r"\\eta =")
    ('step', "f'(x0)", 'η')
    >>> plain_name(r"\\Delta y / \\Delta x ="), plain_name(r"|\\nabla f| =")
    ('Δy / Δx', '|∇f|')
    """
    text = re.sub(r"\\(?:text|mathrm|mathit|operatorname)\s*\{([^{}]*)\}", r"\1", label)
    text = re.sub(r"\\([A-Za-z]+)\s*", lambda m: _LETTERS.get(m.group(1), ""), text)  # "\\Delta x" is Δx
    text = re.sub(r"\\[,;:! ]", " ", text)
    text = text.replace("{", "").replace("}", "").replace("_", "")
    return " ".join(text.strip().rstrip("=:").split())


class Readout(VGroup):
    """A LaTeX label followed by a live number, e.g. ``slope = 1.25``.

    Parameters
    ----------
    label : str
        LaTeX for the part before the number, e.g. ``r"f'(x_0) ="``.
    value : float
        The starting number.
    decimals : int
        Digits after the decimal point (a value that rounds to zero shows as ``0``).
    color : ManimColor
        Colour of the number (the label stays in ink).
    font_size : float
        Size of label and number.
    fact_name : str, optional
        The quantity this readout shows, as captions name it (``"f"``); by default the
        label in plain words (:func:`plain_name`).

    Attributes
    ----------
    shown_text : str or None
        The number as drawn now (``"1.28"``, ``"0"``), None while hidden.
    """

    def __init__(
        self,
        label: str,
        value: float = 0.0,
        decimals: int = 2,
        color: Any = style.INK,
        font_size: float = style.READOUT_SIZE,
        fact_name: str | None = None,
    ):
        self.label = MathTex(label, font_size=font_size, color=style.INK)
        self.number = self.make_number(value, decimals, color, font_size)
        super().__init__(self.label, self.number)
        self.decimals = decimals
        self.fact_name = plain_name(label) if fact_name is None else fact_name
        self.shown_text: str | None = None
        setattr(self.number, READOUT_REF, weakref.ref(self))  # found in the picture facts by its digits
        self.number.next_to(self.label, RIGHT, buff=0.15)
        # Sit the digits on the label's baseline: a label with a descender, such as the
        # parenthesis in f'(x), reaches lower than the baseline. A typeset "0" after the
        # label shows where the baseline is.
        probe = MathTex(label, "0", font_size=font_size)
        baseline = self.label.get_bottom()[1] + probe[1].get_bottom()[1] - probe[0].get_bottom()[1]
        self.number.shift([0, baseline - self.number.get_bottom()[1], 0])
        self.show(value)

    def make_number(self, value: float, decimals: int, color: Any, font_size: float) -> DecimalNumber:
        """The number mobject (a :class:`~manim.DecimalNumber`; live readouts make a cheaper one)."""
        return DecimalNumber(
            value,
            num_decimal_places=decimals,
            include_sign=False,
            group_with_commas=False,  # 1025.00, as scenes.kit.numbers writes it
            font_size=font_size,
            color=color,
        )

    def show(self, value: Any) -> bool:
        """Show ``value`` as :func:`scenes.kit.numbers.number` writes it; hide the number if
        ``value`` is not finite or too large to draw (:data:`DIGITS_BELOW`). A value that
        captions write in words (``3.2 billion``) is drawn as its whole number
        (``3200000000``): a readout changes on every frame and draws digits only. The left
        edge stays put. Returns True if the text on screen
        changed (nothing is redone if not)."""
        finite = value is not None and math.isfinite(float(value)) and abs(float(value)) < DIGITS_BELOW
        text = number(value, self.decimals) if finite else None
        if text is not None and any(c.isalpha() for c in text):
            text = f"{rounded(value, 0):f}"  # digits only: a billion is drawn as its whole number
        if text == self.shown_text:
            return False
        self.shown_text = text
        live = self.number
        if text is None:
            live.set_fill(opacity=0.0)
            return True
        if live.get_fill_opacity() < 1.0:
            live.set_fill(opacity=1.0)
        live.num_decimal_places = len(text.partition(".")[2])  # "0" has none
        left = live.get_left()
        live.set_value(float(text))  # the float of a short decimal prints back as the same digits
        live.move_to(left, aligned_edge=[-1, 0, 0])
        return True

    def set_value(self, value: Any) -> Readout:
        """Show ``value`` (as :meth:`show`), keeping the number's left edge where it was."""
        self.show(value)
        return self
