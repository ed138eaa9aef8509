"""One palette: distinct meanings, and contrast where things are drawn."""

import itertools

from scenes.kit import style

ON_HILL = {"ball": style.BALL, "trail": style.DESCENT, "tangent": style.SLOPE, "gradient": style.GRADIENT,
           "second racer": style.MOMENTUM, "slice": style.SECANT}


def test_every_thing_drawn_on_the_hill_is_visible_on_every_shade_with_its_halo():
    for name, color in ON_HILL.items():
        assert style.contrast_ratio(color, style.HALO) >= 3.0, f"{name} is lost on its halo"
        for shade in style.hill_shades():
            best = max(style.contrast_ratio(color, shade), style.contrast_ratio(style.HALO, shade))
            assert best >= 3.0, f"{name} on hill shade {shade}"


def test_status_colours_are_distinct():
    colours = {style.status_color(s).to_hex() for s in ("converged", "oscillating", "diverged", "max_steps")}
    assert len(colours) == 4


def test_racers_and_the_hill_differ():
    for a, b in itertools.combinations([style.BALL, style.MOMENTUM, style.FUNCTION], 2):
        assert a.to_hex() != b.to_hex()


def test_text_on_the_background_reads():
    assert style.contrast_ratio(style.INK, style.BACKGROUND) >= 4.5
    assert style.contrast_ratio(style.MUTED, style.BACKGROUND) >= 4.5
