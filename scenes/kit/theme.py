"""Themes: the palette of :mod:`scenes.kit.style` for a dark or a light (white) background.

A theme gives every named colour of the palette a value; the meanings stay the same (the
function is blue, a slope orange, the ball yellow, ...), only the tones move so that each
keeps its contrast on the theme's background:

- ``"dark"`` (the default): the Okabe-Ito colours on a near-black background, white text.
- ``"light"``: a white background, near-black text, and each Okabe-Ito colour darkened in
  its own hue until it reads as text on white (4.5:1): the function blue ``#0072B2``, the
  slope amber, the ball a dark yellow, each pair as far apart (CIE Lab) as in the dark theme. The contour lines take their tones from the
  theme's function blue (they are lines on the white map). The hillside keeps its sky blue
  (:data:`~scenes.kit.style.HILL`) and the dark halo under what is drawn on it: a surface
  is a stage of its own, and on a darker hill neither the darkened colours nor their halo
  would reach 3:1 on every shade (the palette test checks both themes).

A caption that names a colour takes the word from :func:`colour_word` (:data:`WORDS`), read
from the colour as drawn, so it names what the theme shows: "the yellow ball" on the dark
background is "the olive ball" on white.

A lesson chooses its theme with its ``theme`` setting (a class attribute, ``theme = "light"``
in a course file, ``--theme light`` on the command line); :meth:`scenes.kit.lesson.LessonMixin.setup`
calls :func:`use_theme` before the scene builds its cast, and the scene's end returns to the
dark theme. :func:`use_theme` sets the values of the palette's colour objects in place, so
every reference to them (``style.INK``, a default argument, a tuple made at import) follows.

>>> use_theme("light"); style.BACKGROUND.to_hex(), current_theme()
('#FFFFFF', 'light')
>>> use_theme("dark"); style.BACKGROUND.to_hex()
'#111318'
>>> check_theme("sepia", "TangentSlope.theme")
Traceback (most recent call last):
...
ValueError: TangentSlope.theme = 'sepia': unknown theme (choose dark or light)
"""

from __future__ import annotations

from typing import Any

from manim import BLACK, WHITE, ManimColor, interpolate_color

from scenes.kit import style

__all__ = ["NAMES", "THEMES", "WORDS", "check_theme", "colour_word", "current_theme", "palette", "use_theme"]

#: The theme names, the default first.
THEMES = ("dark", "light")

#: The named colours of :mod:`scenes.kit.style` a theme sets.
NAMES = ("FUNCTION", "SLOPE", "SECANT", "GRADIENT", "DESCENT", "BALL", "MOMENTUM", "INK", "MUTED", "BACKGROUND", "STOPPED", "HALO", "HILL",
         "RACER_3", "RACER_4", "RACER_5")

_HEX = {
    "dark": {
        "FUNCTION": "#56B4E9",
        "SLOPE": "#E69F00",
        "SECANT": "#CC79A7",
        "GRADIENT": "#D55E00",
        "DESCENT": "#009E73",
        "BALL": "#F0E442",
        "MOMENTUM": "#CC79A7",
        "INK": "#F2F2F2",
        "MUTED": "#8C8C8C",
        "BACKGROUND": "#111318",
        "STOPPED": "#BDBDBD",
        "HALO": "#111318",
        "HILL": "#56B4E9",
        "RACER_3": "#F2F2F2",  # the third to fifth racers of OptimizerRace: ink, lavender, salmon
        "RACER_4": "#B8A1FF",
        "RACER_5": "#FFA8A8",
    },
    "light": {
        "FUNCTION": "#0072B2",  # Okabe-Ito blue: the sky blue's own darker partner
        "SLOPE": "#A86400",  # amber: near the orange's hue, dark enough for text on white
        "SECANT": "#A8457F",
        "GRADIENT": "#C23B00",  # vermillion, redder than the slope's amber (as far apart as in the dark theme)
        "DESCENT": "#007A5A",
        "BALL": "#787800",  # a dark yellow: bright yellow vanishes on white; kept apart from the amber slope
        "MOMENTUM": "#A8457F",
        "INK": "#1A1A1A",
        "MUTED": "#666666",
        "BACKGROUND": "#FFFFFF",
        "STOPPED": "#767676",
        "HALO": "#111318",
        "HILL": "#56B4E9",  # the hillside stays sky blue: see the module's docstring
        "RACER_3": "#1A1A1A",  # ink, as in the dark theme (drawn on the hill over a white halo)
        "RACER_4": "#7A5AD8",  # violet
        "RACER_5": "#DC0050",  # crimson: a red kept apart from the vermillion gradient
    },
}

#: What each colour is called in words (captions, narration), as it is seen in each theme:
#: the light theme's ball is a dark yellow, an olive, not the yellow of the dark theme, and
#: its third racer is black, not white. Colours of the same value have the same word;
#: the racers' five words differ in each theme (the palette test checks both).
WORDS = {
    "dark": {
        "FUNCTION": "blue", "SLOPE": "orange", "SECANT": "pink", "GRADIENT": "red", "DESCENT": "green", "BALL": "yellow",
        "MOMENTUM": "pink", "INK": "white", "MUTED": "grey", "BACKGROUND": "black", "STOPPED": "light grey", "HALO": "black",
        "HILL": "blue", "RACER_3": "white", "RACER_4": "lilac", "RACER_5": "salmon",
    },
    "light": {
        "FUNCTION": "blue", "SLOPE": "amber", "SECANT": "dark pink", "GRADIENT": "red", "DESCENT": "green", "BALL": "olive",
        "MOMENTUM": "dark pink", "INK": "black", "MUTED": "grey", "BACKGROUND": "white", "STOPPED": "dark grey", "HALO": "black",
        "HILL": "sky blue", "RACER_3": "black", "RACER_4": "violet", "RACER_5": "crimson",
    },
}

_current = "dark"


def colour_word(colour: Any, theme: str | None = None) -> str:
    """The word for ``colour`` in ``theme`` (the current one by default): ``colour`` is a
    palette name (``"BALL"``) or a colour of the palette (``style.BALL``), read by its value
    in that theme. A colour that is no palette colour is a ``ValueError``.

    >>> colour_word("BALL", "dark"), colour_word("BALL", "light"), colour_word(style.SECANT, "dark")
    ('yellow', 'olive', 'pink')
    """
    theme = check_theme(current_theme() if theme is None else theme)
    words = WORDS[theme]
    if isinstance(colour, str) and colour in words:
        return words[colour]
    try:
        value = ManimColor(colour).to_hex().upper()
    except Exception:  # noqa: BLE001 - manim raises several kinds for a bad colour
        raise ValueError(f"{colour!r} is not a colour") from None
    for key, hex_value in _HEX[theme].items():
        if hex_value.upper() == value:
            return words[key]
    raise ValueError(f"{value} is not a colour of the {theme} theme's palette, so it has no word")


def check_theme(name: Any, where: str = "theme") -> str:
    """``name`` if it is a theme, else a one-line ``ValueError`` naming ``where``."""
    if not isinstance(name, str) or name not in THEMES:
        raise ValueError(f"{where} = {name!r}: unknown theme (choose {' or '.join(THEMES)})")
    return name


def palette(name: str) -> dict[str, Any]:
    """The colours of theme ``name`` (new objects; the style module is not touched): each of
    :data:`NAMES`, and ``HILL_RAMP`` and ``CONTOUR_RAMP`` (low to high values)."""
    check_theme(name)
    colours: dict[str, Any] = {key: ManimColor(value) for key, value in _HEX[name].items()}
    function, hill = colours["FUNCTION"], colours["HILL"]
    # The hillside from a deep valley tone to its sky blue, in both themes.
    colours["HILL_RAMP"] = (interpolate_color(hill, BLACK, 0.6), interpolate_color(hill, BLACK, 0.25), hill)
    # Contour lines, low levels dark, high levels pale; on white the palest must still be a
    # line (3:1), so the light ramp ends at the sky blue, darkened.
    colours["CONTOUR_RAMP"] = (
        interpolate_color(function, BLACK, 0.45),
        function,
        interpolate_color(function, WHITE, 0.55),
    ) if name == "dark" else (
        interpolate_color(function, BLACK, 0.5),
        function,
        interpolate_color(ManimColor(_HEX["dark"]["FUNCTION"]), BLACK, 0.2),
    )
    return colours


def _set(target: ManimColor, value: ManimColor) -> None:
    # A new array (not written into the old one): colours copied from the palette earlier
    # (``ManimColor(style.BALL)`` shares its array) keep the value they were made with.
    target._internal_value = value._internal_value.copy()


def use_theme(name: str) -> None:
    """Make ``name`` the palette of :mod:`scenes.kit.style` (its colour objects, in place)."""
    global _current
    colours = palette(name)
    for key in NAMES:
        _set(getattr(style, key), colours[key])
    for key in ("HILL_RAMP", "CONTOUR_RAMP"):
        for target, value in zip(getattr(style, key), colours[key]):
            _set(target, value)
    _current = name


def current_theme() -> str:
    """The theme the palette holds now."""
    return _current
