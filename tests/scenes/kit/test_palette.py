"""One palette: distinct meanings, and contrast where things are drawn, in every theme."""

import colorsys
import itertools

import numpy as np
import pytest
from manim import ManimColor

from scenes.kit import style, theme

ON_HILL = {"ball": "BALL", "trail": "DESCENT", "tangent": "SLOPE", "gradient": "GRADIENT", "second racer": "MOMENTUM", "slice": "SECANT"}
#: Colours that are also text (readouts, formulas, status words), not only lines.
TEXT = ("INK", "MUTED", "FUNCTION", "SLOPE", "SECANT", "GRADIENT", "DESCENT", "BALL", "MOMENTUM", "STOPPED", "RACER_3", "RACER_4", "RACER_5")


@pytest.fixture(params=theme.THEMES)
def colours(request):
    return theme.palette(request.param)


def test_every_thing_drawn_on_the_hill_is_visible_on_every_shade_with_its_halo(colours):
    racers = {"third racer": "RACER_3", "fourth racer": "RACER_4", "fifth racer": "RACER_5"}
    for name, key in {**ON_HILL, "slice in ink": "INK", **racers}.items():
        color = colours[key]
        # the halo: HALO, or the background for a colour as dark as HALO (style.halo_for)
        halo = colours["HALO"] if style.contrast_ratio(color, colours["HALO"]) >= 3.0 else colours["BACKGROUND"]
        assert style.contrast_ratio(color, halo) >= 3.0, f"{name} is lost on its halo"
        for shade in style.hill_shades(colours["HILL"]):
            best = max(style.contrast_ratio(color, shade), style.contrast_ratio(halo, shade))
            assert best >= 3.0, f"{name} on hill shade {shade}"


def test_status_colours_are_distinct(colours):
    status = [colours[k].to_hex() for k in ("DESCENT", "SLOPE", "GRADIENT", "STOPPED")]  # converged, oscillating, diverged, stopped
    assert len(set(status)) == 4


def test_the_five_racers_differ(colours):
    racers = [colours[k].to_hex() for k in ("BALL", "MOMENTUM", "RACER_3", "RACER_4", "RACER_5")]
    assert len(set(racers)) == 5 and colours["HILL"].to_hex() not in racers


def test_racers_keep_apart_from_the_function_and_the_status_colours(colours):
    meanings = [np.array(colours[k].to_rgb()) for k in ("FUNCTION", "DESCENT", "SLOPE", "GRADIENT", "STOPPED")]
    for key in ("RACER_3", "RACER_4", "RACER_5"):
        racer = np.array(colours[key].to_rgb())
        assert min(np.linalg.norm(racer - m) for m in meanings) > 0.25, key
        assert min(np.linalg.norm(_lab(colours[key]) - _lab(colours[k])) for k in ("BALL", "MOMENTUM", "GRADIENT", "SLOPE")) >= 28, key


def test_racers_and_the_hill_differ(colours):
    for a, b in itertools.combinations([colours["BALL"], colours["MOMENTUM"], colours["FUNCTION"]], 2):
        assert a.to_hex() != b.to_hex()
    assert colours["HILL"].to_hex() not in {colours["BALL"].to_hex(), colours["MOMENTUM"].to_hex()}


def test_meanings_are_distinct_colours(colours):
    meanings = [colours[k].to_hex() for k in ("FUNCTION", "SLOPE", "SECANT", "GRADIENT", "DESCENT", "BALL", "INK", "MUTED")]
    assert len(set(meanings)) == len(meanings)


def test_text_in_any_palette_colour_reads_on_the_background(colours):
    for key in TEXT:
        assert style.contrast_ratio(colours[key], colours["BACKGROUND"]) >= 4.5, key


def test_lines_on_the_map_read_on_the_light_background():
    light = theme.palette("light")
    for color in light["CONTOUR_RAMP"]:
        assert style.contrast_ratio(color, light["BACKGROUND"]) >= 3.0
    # the dark theme's lowest contour tone is a little under 3:1 on its background (2.85):
    # the low levels are meant to recede; its middle and top tones are lines
    dark = theme.palette("dark")
    assert all(style.contrast_ratio(c, dark["BACKGROUND"]) >= 3.0 for c in dark["CONTOUR_RAMP"][1:])


def _lab(color: ManimColor) -> np.ndarray:
    rgb = np.array(color.to_rgb())
    linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]) @ linear
    f = np.cbrt(np.maximum(xyz / np.array([0.95047, 1.0, 1.08883]), 0.008856))
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def test_meanings_that_appear_together_are_far_apart(colours):
    # CIE76 distance; the dark theme's closest pair (slope and gradient) is 33
    keys = ("FUNCTION", "SLOPE", "SECANT", "GRADIENT", "DESCENT", "BALL")
    for a, b in itertools.combinations(keys, 2):
        assert np.linalg.norm(_lab(colours[a]) - _lab(colours[b])) >= 28, (a, b)


def _hue(color: ManimColor) -> float:
    return 360 * colorsys.rgb_to_hsv(*color.to_rgb())[0]


def test_the_light_theme_keeps_each_colours_hue():
    dark, light = theme.palette("dark"), theme.palette("light")
    for key in ("FUNCTION", "SLOPE", "SECANT", "GRADIENT", "DESCENT", "BALL", "MOMENTUM"):
        gap = abs(_hue(dark[key]) - _hue(light[key])) % 360
        assert min(gap, 360 - gap) <= 10, key  # darker, not another colour
    assert light["BACKGROUND"].to_hex() == "#FFFFFF"
    assert style.contrast_ratio(light["INK"], "#FFFFFF") >= 15


def test_use_theme_sets_the_palette_objects_in_place_and_back():
    before = {k: getattr(style, k) for k in theme.NAMES}
    copied = ManimColor(style.BALL)  # a colour made from the palette before a switch keeps its value
    dark_values = {k: v.to_hex(with_alpha=True) for k, v in before.items()}
    ramp = [c.to_hex() for c in style.HILL_RAMP + style.CONTOUR_RAMP]
    try:
        theme.use_theme("light")
        light = theme.palette("light")
        assert theme.current_theme() == "light"
        for key in theme.NAMES:
            assert getattr(style, key) is before[key]  # the same objects...
            assert getattr(style, key).to_hex() == light[key].to_hex(), key  # ...with the light values
        assert [c.to_hex() for c in style.CONTOUR_RAMP] == [c.to_hex() for c in light["CONTOUR_RAMP"]]
        assert style.status_color("converged").to_hex() == light["DESCENT"].to_hex()
        assert copied.to_hex() == "#F0E442"
        assert style.halo_for(style.INK) is style.BACKGROUND and style.halo_for(style.BALL) is style.HALO  # dark ink gets a white halo
    finally:
        theme.use_theme("dark")
    assert {k: getattr(style, k).to_hex(with_alpha=True) for k in theme.NAMES} == dark_values
    assert [c.to_hex() for c in style.HILL_RAMP + style.CONTOUR_RAMP] == ramp


@pytest.mark.parametrize("bad", ["Light", "sepia", "", None, 1, ("light",)])
def test_an_unknown_theme_is_refused_in_one_line(bad):
    with pytest.raises(ValueError) as error:
        theme.check_theme(bad, "GradientDescent1D.theme")
    assert str(error.value).startswith("GradientDescent1D.theme = ") and "choose dark or light" in str(error.value)
    with pytest.raises(ValueError):
        theme.use_theme(bad)
    assert theme.current_theme() == "dark"
