"""One number formatter for screen and captions."""

import re

import pytest
from hypothesis import given, strategies as st

from scenes.kit.numbers import equation_digits, number, number_tex, relation, shown


@pytest.mark.parametrize(
    "value, decimals, text",
    [
        (1.624e-08, 2, "0"),
        (7.91e-17, 2, "0"),
        (-0.001, 2, "0"),
        (0.30000000000000004, 2, "0.30"),
        (-1.2, 2, "-1.20"),
        (1025.0, 2, "1025.00"),
        (3.2e9, 2, "3.2 billion"),
        (-4.5e12, 2, "-4.5 trillion"),
        (2.0, 0, "2"),
    ],
)
def test_number_writes_values_for_people(value, decimals, text):
    assert number(value, decimals) == text


@given(st.floats(allow_nan=False, allow_infinity=False, width=64), st.integers(0, 6))
def test_number_never_uses_scientific_notation(value, decimals):
    text = number(value, decimals)
    assert not re.search(r"\d[eE][-+]?\d", text)
    assert text != "-0" and not text.startswith("-0.0" + "0" * decimals)


def test_number_refuses_what_it_cannot_show():
    with pytest.raises(ValueError):
        number(float("nan"))
    with pytest.raises(ValueError):
        number(1.0, 400)


def test_number_tex_puts_words_in_text():
    assert number_tex(3.2e9) == r"\text{3.2 billion}"
    assert number_tex(-1.5) == "-1.50"


def test_equation_digits_finds_precision_at_which_the_update_checks():
    # w2 = w1 - eta * g with w1 = -1.2, eta = 0.05, g = 0.26 -> -1.213: at 2 decimals the
    # shown numbers give -1.21, the true result is -1.21 too.
    w1, eta, g = -1.2, 0.05, 0.2649
    w2 = w1 - eta * g
    digits, rel = equation_digits(lambda a, b, c: a - b * c, (w1, eta, g), w2, 2)
    left = shown(w1, digits) - shown(eta, digits) * shown(g, digits)
    assert rel == "=" and shown(left, digits) == shown(w2, digits)


def test_equation_digits_falls_back_to_approximately_equal():
    digits, rel = equation_digits(lambda a: a * 3, (1 / 3,), 1.0, 0, extra=0)
    assert (digits, rel) == (0, "≈")
    assert relation(0.0, 1.0, 0) == "≈"
