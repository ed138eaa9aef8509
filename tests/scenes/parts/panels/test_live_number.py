"""LiveDecimal draws exactly what DecimalNumber draws, without rebuilding on every frame."""

from __future__ import annotations

import numpy as np
import pytest
from manim import DOWN, UP, DecimalNumber, Scene, tempconfig

from scenes.parts.panels.live_number import LiveDecimal, LiveReadout
from scenes.parts.panels.readouts import Readout

SEQUENCES = [
    [1.25, -3.5, 2.75, -1562.57, -1234.56, 0.001, -0.001, 9.99],  # lengths change and stay
    [12.5, 99.99, -9.25, -1.0],  # same length throughout: in place only
]


def drawn(number_class, values) -> np.ndarray:
    class Numbers(Scene):
        def construct(self):
            big = number_class(values[0], num_decimal_places=2, font_size=40, color="#E69F00").shift(UP)
            big.scale(1.3)  # scaled after creation: set_value must keep the size
            small = number_class(0.0, num_decimal_places=1, font_size=30).shift(DOWN)
            for value in values:
                big.set_value(value)
                small.set_value(value / 3)
            self.add(big, small)

    with tempconfig({"pixel_width": 427, "pixel_height": 240, "dry_run": True, "verbosity": "WARNING"}):
        scene = Numbers()
        scene.render()
        return scene.renderer.get_frame().copy()


@pytest.mark.parametrize("values", SEQUENCES)
def test_live_decimal_draws_the_same_pixels_as_decimal_number(values):
    expected, got = drawn(DecimalNumber, values), drawn(LiveDecimal, values)
    assert (expected[..., :3] > 0).any()  # something is drawn
    np.testing.assert_array_equal(got, expected)


def test_live_decimal_keeps_value_and_left_edge():
    number = LiveDecimal(1.0, num_decimal_places=2)
    left = number.get_left()
    number.set_value(-2.5)
    assert number.get_value() == -2.5
    np.testing.assert_allclose(number.get_left(), left, atol=1e-9)
    assert number.right_edge() == pytest.approx(number.get_right()[0])


def test_live_readout_looks_like_readout():
    plain, live = Readout("v =", -2.5, color="#E69F00"), LiveReadout("v =", -2.5, color="#E69F00")
    assert isinstance(live.number, LiveDecimal)
    np.testing.assert_allclose(live.number.get_center(), plain.number.get_center(), atol=1e-9)
    assert live.number.get_fill_color() == plain.number.get_fill_color()
    live.set_value(3.25)
    assert live.number.get_value() == 3.25


def drawn_text(readout: Readout) -> str:
    """The characters the readout's number draws, as manim writes them."""
    number = readout.number
    return number._get_num_string(number.get_value())


@pytest.mark.parametrize("cls", [Readout, LiveReadout])
@pytest.mark.parametrize("value", [0.0, -0.0, -0.0001, 1e-12, -0.004])
def test_a_readout_shows_zero_as_0_through_set_value_too(cls, value):
    # GradientOnHillside and the rolling panel call set_value: it showed "0.00" and "-0.00".
    readout = cls("f =", 1.0)
    readout.set_value(value)
    assert readout.shown_text == "0" and drawn_text(readout) == "0"
    assert len(readout.number.submobjects) == 1


@pytest.mark.parametrize("cls", [Readout, LiveReadout])
def test_a_readout_rounds_as_the_captions_do(cls):
    readout = cls("f =", 0.0)
    for value, text in [(1.275, "1.28"), (8.625, "8.63"), (-0.125, "-0.13"), (2.0, "2.00"), (3.2e9, "3200000000")]:
        readout.set_value(value)
        assert readout.shown_text == text and drawn_text(readout) == text
    readout.set_value(float("nan"))
    assert readout.shown_text is None and readout.number.get_fill_opacity() == 0.0
    readout.set_value(-1.5)
    assert readout.shown_text == "-1.50" and readout.number.get_fill_opacity() == 1.0


def test_a_readout_starts_as_it_will_be_shown():
    assert Readout("f =", 0.0).shown_text == "0"
    assert LiveReadout(r"\text{step}", 3, decimals=0).shown_text == "3"


@pytest.mark.parametrize(
    "label, name",
    [(r"\text{step}", "step"), ("f(w) =", "f(w)"), (r"\eta =", "η"), (r"\text{slope this way} =", "slope this way"), ("x_0 =", "x0")],
)
def test_a_readout_names_its_quantity_from_its_label(label, name):
    assert Readout(label, 0.0).fact_name == name
    assert Readout(label, 0.0, fact_name="f").fact_name == "f"


@pytest.mark.parametrize("cls", [Readout, LiveReadout])
def test_a_readout_hides_what_it_cannot_draw_and_shows_it_again(cls):
    readout = cls("f =", 1.0)
    for value in (1e15, -3e17, 1e300, float("inf"), float("-inf")):
        readout.set_value(value)
        assert readout.shown_text is None and readout.number.get_fill_opacity() == 0.0
    readout.set_value(999_999_999_999_999.0 / 10)  # just under: digits (no exponent, no words)
    assert readout.shown_text == "100000000000000" and drawn_text(readout) == "100000000000000"
    readout.set_value(5e-324)
    assert readout.shown_text == "0" and readout.number.get_fill_opacity() == 1.0
