"""Contact-sheet tile labels: a TrueType font with Greek letters, lines wrapped by pixel width."""

from __future__ import annotations

from PIL import ImageFont

from scenes.kit import storyboard
from scenes.kit.storyboard import LABEL_SIZE, label_font, wrap_to_width
from scenes.kit.beats import NO_FACTS


def ink(font, text: str) -> bytes:
    return bytes(font.getmask(text))


def test_label_font_draws_greek_letters_and_spaces():
    font = label_font()
    assert isinstance(font, ImageFont.FreeTypeFont) and font.size == LABEL_SIZE
    missing = ink(font, "\U0010fffd")  # no font has this: the "missing" box, if any
    for letter in "ημ∇":
        assert ink(font, letter) != missing and any(ink(font, letter))
    assert font.getlength("a b") > font.getlength("ab") + 2


def test_label_font_falls_back_cleanly_without_fonts(monkeypatch):
    monkeypatch.setattr(storyboard, "LABEL_FONTS", ("/nonexistent/font.ttf",))
    monkeypatch.setattr("shutil.which", lambda name: None)
    font = label_font(14)
    assert font.getlength("step 3") > 0  # PIL's own scalable font


def test_wrap_to_width_keeps_lines_inside_the_tile():
    font = label_font()
    text = "12. η = 1.1, left to run, each step overshoots more than the last: it diverges."
    lines = wrap_to_width(text, font, 200)
    assert " ".join(lines) == text and len(lines) > 1
    assert all(font.getlength(line) <= 200 for line in lines)


def test_a_contact_sheet_tile_shows_the_end_of_its_beat(tmp_path):
    # The last frame drawn is one frame short of the end of the last animation: a square
    # fading out under the first caption still showed, half there.
    import numpy as np
    from manim import WHITE, FadeOut, Square
    from PIL import Image

    from scenes.kit.lesson import LessonScene
    from scenes.kit.storyboard import contact_sheet

    class Fade(LessonScene):
        def construct(self):
            square = Square(side_length=3, color=WHITE, fill_opacity=1).shift([0, 1, 0])
            self.add(square)
            self.caption("A square, then none.", facts=NO_FACTS)
            self.wait(2)  # read: the next caption follows the fade at once
            self.play(FadeOut(square), run_time=0.4)
            self.caption("Nothing here.", facts=NO_FACTS)

    out = tmp_path / "sheet.png"
    contact_sheet(Fade, out, columns=2, width=160)
    tile = np.asarray(Image.open(out).convert("L"))[: 90, :160]
    assert tile[20:50, 60:100].max() < 40  # where the square was: background, not grey
