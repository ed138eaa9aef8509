"""Colour words: what captions call a colour is what each theme draws (scenes.kit.theme.WORDS)."""

from __future__ import annotations

import pytest

from scenes.kit import style
from scenes.kit.theme import NAMES, THEMES, WORDS, _HEX, colour_word, use_theme


@pytest.mark.parametrize("theme", THEMES)
def test_every_palette_colour_has_one_word_and_equal_values_share_it(theme):
    assert set(WORDS[theme]) == set(NAMES)
    by_value: dict[str, set[str]] = {}
    for key in NAMES:
        by_value.setdefault(_HEX[theme][key].upper(), set()).add(WORDS[theme][key])
    assert all(len(words) == 1 for words in by_value.values()), by_value


@pytest.mark.parametrize("theme", THEMES)
def test_the_five_racers_have_five_words_read_from_what_is_drawn(theme):
    from scenes.lessons.optimizer_race.cast import RACER_COLORS

    try:
        use_theme(theme)
        words = [colour_word(c) for c in RACER_COLORS]
    finally:
        use_theme("dark")
    assert len(RACER_COLORS) == 5 and len(set(words)) == 5, words
    assert words == [WORDS[theme][k] for k in ("BALL", "MOMENTUM", "RACER_3", "RACER_4", "RACER_5")]


def test_the_light_themes_ball_is_not_called_yellow():
    assert colour_word("BALL", "dark") == "yellow" and colour_word("BALL", "light") == "olive"
    try:
        use_theme("light")
        assert colour_word(style.BALL) == "olive" and colour_word(style.INK) == "black"
    finally:
        use_theme("dark")
    assert colour_word(style.BALL) == "yellow"


@pytest.mark.parametrize("bad", ["#123456", "not a colour", 12])
def test_a_colour_outside_the_palette_has_no_word(bad):
    with pytest.raises(ValueError) as caught:
        colour_word(bad)
    assert "\n" not in str(caught.value)
