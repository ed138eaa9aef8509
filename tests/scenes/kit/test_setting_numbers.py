"""Setting values and limits are written as a teacher reads them: no ``1e-08``, no ``1e+06``."""

from __future__ import annotations

import math
import random
import re

import pytest

from scenes.kit.settings import Setting, plain_number, value_text

SCIENTIFIC = re.compile(r"\d[eE][+-]?\d")


@pytest.mark.parametrize(
    "x, grouped, text",
    [
        (1e-08, True, "0.00000001 (10^-8)"),
        (1e-08, False, "0.00000001"),
        (1e-15, True, "0.000000000000001 (10^-15)"),
        (2e-15, True, "0.000000000000002"),
        (1e-06, True, "0.000001"),
        (-1e-07, True, "-0.0000001 (10^-7)"),
        (1e6, True, "1,000,000"),
        (1e6, False, "1000000"),
        (-1e4, True, "-10,000"),
        (0.1, True, "0.1"),
        (1 / 3, True, "0.3333333333333333"),
        (0.0, True, "0"),
        (1.5e20, False, "150000000000000000000"),
    ],
)
def test_plain_number(x, grouped, text):
    assert plain_number(x, grouped=grouped) == text


def test_plain_values_read_back_as_the_same_number():
    rng = random.Random(7)
    for _ in range(2000):
        x = rng.choice((-1, 1)) * 10 ** rng.uniform(-300, 300) * rng.random()
        text = plain_number(x, grouped=False)
        assert not SCIENTIFIC.search(text), text
        assert float(text) == x, (x, text)  # the shortest digits, nothing lost


@pytest.mark.parametrize(
    "value, text",
    [
        (1e-08, "0.00000001"),
        ((-3.0, 3.0), "(-3.0, 3.0)"),
        ((("sgd", 1e-06), ("adam", 0.1)), "(('sgd', 0.000001), ('adam', 0.1))"),
        ((1e-07,), "(0.0000001,)"),
        ([1e-09, 2], "[0.000000001, 2]"),
        ("x**2 + 1e-8", "'x**2 + 1e-8'"),  # text stays as typed
        (None, "None"),
        (math.inf, "inf"),
        (1e300, "1e+300"),  # what was typed, not 301 digits cut short in a message
    ],
)
def test_value_text(value, text):
    assert value_text(value) == text


def test_limits_and_refusals_use_the_same_words():
    tolerance = Setting("flat", low=1e-15, high=1.0)
    assert tolerance.limits_text(float) == "number, >= 0.000000000000001 (10^-15) and <= 1"
    span = Setting("range", low=-1e6, high=1e6, increasing=True, min_span=1e-6)
    assert span.limits_text(tuple[float, float]) == "list of 2 numbers, each number >= -1,000,000 and <= 1,000,000, increasing, at least 0.000001 wide"
    from scenes.kit.settings import SettingError, check_value
    from typing import Annotated

    with pytest.raises(SettingError) as error:
        check_value("Scene.tolerance", Annotated[float, tolerance], 1e-20)
    assert str(error.value) == "Scene.tolerance = 0.00000000000000000001: must be >= 0.000000000000001 (10^-15) and <= 1"
    with pytest.raises(SettingError) as error:
        check_value("Scene.n_range", Annotated[tuple[float, float], span], (0.0, 1e-7))
    assert str(error.value).endswith("the range must span at least 0.000001")
    assert not SCIENTIFIC.search(str(error.value))
