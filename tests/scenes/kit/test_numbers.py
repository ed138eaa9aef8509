"""One number formatter for screen and captions."""

import math
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


# -- rounding half away from zero, on the exact value ----------------------------------------

from decimal import Decimal
from fractions import Fraction

import numpy as np
import sympy

from scenes.kit.numbers import exact_decimal, rounded


@pytest.mark.parametrize(
    "value, decimals, text",
    [
        (1.275, 2, "1.28"),  # binary 1.27499999... : Python's round and format give 1.27
        (4.275, 2, "4.28"),
        (8.625, 2, "8.63"),  # exactly 8.625 in binary: round-half-even gives 8.62
        (-8.625, 2, "-8.63"),
        (0.125, 2, "0.13"),
        (-0.125, 2, "-0.13"),
        (2.5, 0, "3"),
        (-2.5, 0, "-3"),
        (0.005, 2, "0.01"),
        (-0.005, 2, "-0.01"),
        (0.0049999, 2, "0"),
        (1.0005, 3, "1.001"),
    ],
)
def test_number_rounds_halves_away_from_zero_as_by_hand(value, decimals, text):
    assert number(value, decimals) == text
    assert shown(value, decimals) == float(text)


@pytest.mark.parametrize(
    "value, decimals, text",
    [
        (Fraction(1, 8), 2, "0.13"),
        (Fraction(-1, 8), 2, "-0.13"),
        (Fraction(2, 3), 2, "0.67"),
        (Decimal("1.275"), 2, "1.28"),
        (sympy.Rational(51, 40), 2, "1.28"),  # 1.275
        (sympy.sqrt(2), 3, "1.414"),
        (sympy.Integer(-3), 1, "-3.0"),
        (7, 2, "7.00"),
        (np.float64(8.625), 2, "8.63"),
        (sympy.Float(1.275), 2, "1.28"),  # its printed digits, not its binary expansion
        (sympy.Float("-2.5e-20"), 2, "0"),
        (sympy.pi * 1000, 3, "3141.593"),
        (np.float32(1.275), 2, "1.28"),  # float32's own shortest form, not 1.27499997615814...
        (np.int64(-4), 0, "-4"),
    ],
)
def test_number_takes_exact_values(value, decimals, text):
    assert number(value, decimals) == text


@pytest.mark.parametrize("value", [-0.0, -1e-9, -0.004, -0.0049, 1e-300, -5e-324, Fraction(-1, 1000)])
def test_a_value_that_rounds_to_zero_is_zero_without_sign(value):
    assert number(value, 2) == "0"
    assert str(rounded(value, 2)) == "0.00"
    assert math.copysign(1.0, shown(value, 2)) == 1.0


def test_values_near_the_word_boundaries_round_before_choosing_the_word():
    assert number(999_999_999.996, 2) == "1.0 billion"
    assert number(999_999_999.994, 2) == "999999999.99"
    assert number(999.96e9) == "1.0 trillion"
    assert number(-999.96e9) == "-1.0 trillion"
    assert number(1.25e9) == "1.3 billion"  # half away from zero in words too


def test_exact_decimal_reads_floats_at_their_shortest_form():
    assert exact_decimal(1.275) == Decimal("1.275")
    assert exact_decimal(0.1 + 0.2) == Decimal("0.30000000000000004")
    with pytest.raises(ValueError):
        exact_decimal(float("inf"))
    with pytest.raises(ValueError):
        exact_decimal(sympy.sqrt(-1))
    with pytest.raises(TypeError):
        exact_decimal(True)


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False), st.integers(0, 6))
def test_number_round_trips_to_the_shown_value(value, decimals):
    text = number(value, decimals)
    if "illion" in text:
        return
    assert float(text) == shown(value, decimals)
    assert abs(Decimal(text) - Decimal(repr(value))) <= Decimal(1).scaleb(-decimals) / 2
    assert text == "0" or len(text.split(".")[1] if "." in text else "") == decimals


@given(st.integers(-10**9, 10**9), st.integers(1, 6))
def test_number_rounds_exact_halves_away_from_zero(whole, decimals):
    # whole / 10**decimals plus half a unit in the last place: a half, written as a learner writes it.
    half = Decimal(whole).scaleb(-decimals) + Decimal(5).scaleb(-decimals - 1)
    value = float(half)
    if Decimal(repr(value)) != half:  # this half has no float whose shortest form it is
        return
    away = whole + 1 if half > 0 else whole  # -0.25 -> -0.3 (whole = -3); 0.35 -> 0.4 (whole = 3)
    assert rounded(value, decimals) == Decimal(away).scaleb(-decimals)


@given(st.floats(allow_nan=False, allow_infinity=False), st.integers(0, 6))
def test_number_is_plain_and_symmetric_for_every_float(value, decimals):
    text = number(value, decimals)
    assert not re.search(r"\d[eE]", text) and "inf" not in text and "nan" not in text
    assert not re.fullmatch(r"-0(\.0*)?", text)
    mirrored = number(-value, decimals)
    if text == "0":
        assert mirrored == "0"
    elif "thousand trillion" not in text:
        assert {text, mirrored} == {text.lstrip("-"), "-" + text.lstrip("-")}


def test_equation_digits_does_the_sum_as_a_learner_does_it():
    # -2.90 - 0.05 (-0.70) = -2.865 exactly, -2.8649999999999998 in floats: by hand it rounds
    # to -2.87, so "w1 = -2.87" checks at 2 decimals.
    digits, rel = equation_digits(lambda w, eta, g: w - eta * g, (-2.9, 0.05, -0.7), -2.87, 2, extra=0)
    assert (digits, rel) == (2, "=")


def test_equation_digits_accepts_a_compute_that_needs_floats():
    assert equation_digits(lambda a: math.sqrt(a), (4.0,), 2.0, 2) == (2, "=")
