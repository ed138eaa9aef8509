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
