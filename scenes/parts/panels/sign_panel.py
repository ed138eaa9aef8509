"""The word for the sign of a slope, as the slope readout shows it: rising, falling or flat."""

from __future__ import annotations

from manim import LEFT, RIGHT, MathTex, Text, VGroup

from scenes.kit import style

__all__ = ["SignWords", "sign_word"]


def sign_word(shown_text: str | None) -> str | None:
    """``"rising"``, ``"falling"`` or ``"flat"`` for a slope as its readout shows it (so a
    slope shown as 0 is flat: word and number agree); None when no slope is shown."""
    if shown_text is None:
        return None
    value = float(shown_text)
    if value == 0:
        return "flat"
    return "rising" if value > 0 else "falling"


class SignWords(VGroup):
    """One pre-built line per sign (``rising  f'(x) > 0`` ...); only one is visible at a time."""

    def __init__(self, variable_tex: str):
        super().__init__()
        self.lines: dict[str, VGroup] = {}
        for word, relation in (("rising", ">"), ("falling", "<"), ("flat", "=")):
            text = Text(word, font=style.FONT, font_size=style.CAPTION_SIZE, color=style.INK)
            rule = MathTex(rf"f'({variable_tex}) {relation} 0", font_size=style.READOUT_SIZE, color=style.MUTED)
            line = VGroup(text, rule.next_to(text, RIGHT, buff=0.3))
            if self.lines:
                line.move_to(next(iter(self.lines.values())), aligned_edge=LEFT)
            self.lines[word] = line
            self.add(line)
        self.current: str | None = "unset"
        self.show(None)

    def show(self, shown_slope: str | None) -> None:
        """Show the word for the slope text ``shown_slope`` (nothing for None)."""
        word = sign_word(shown_slope)
        if word == self.current:
            return
        self.current = word
        for name, line in self.lines.items():
            line.set_opacity(1.0 if name == word else 0.0)
