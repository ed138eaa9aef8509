"""Spoken forms (scenes.kit.spoken): numbers, names, symbols and formulas as a voice says them,
and every lesson caption written with its spoken form.

The dry runs of every lesson over generated functions are the fuzz harness's
(tests/fuzz/checks.py: ``spoken_beat_problems`` in every run of tests/fuzz/test_fuzz.py, at no
extra cost: every beat spoken, speakable, and saying the numbers of its text); here the pieces,
that the check can fail, and that every lesson of the course is held to it.
"""

from __future__ import annotations

import doctest
import pickle
import random
import re
from decimal import Decimal
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scenes.kit import phrases, spoken
from scenes.kit.beats import NO_FACTS, BeatRecord, Line
from scenes.kit.numbers import number
from scenes.kit.pacing import split_caption
from scenes.kit.spoken import (
    Said,
    count,
    eq,
    formula_words,
    integer_words,
    name,
    num,
    number_text_words,
    number_words,
    numbers_in_text,
    partial,
    prime,
    said,
    said_parts,
    speak_text,
    speakable,
    split_spoken,
    spoken_of,
    spoken_problems,
    title_spoken,
)

#: What the brief forbids in anything a voice reads: digits and math glyphs.
_GLYPHS = re.compile(r"[0-9=^*/η∂∇−μΔ≈<>≥≤|×+]")


def _clean(text: str) -> bool:
    """The character rule: letters, spaces, basic punctuation; an apostrophe or hyphen only
    inside a word (tangent's, step-size), never a glyph."""
    return bool(re.fullmatch(r"[A-Za-z ,.;:!?()'\-]*", text)) and not _GLYPHS.search(text) and speakable(text)


# -- words back to numbers (the test's own reader, independent of the writer) ----------------------------
_UNITS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                     "fourteen fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if i > 1}
_SCALE = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}


def read_number(words: str) -> Decimal:
    """``'minus one thousand twenty five point zero five'`` -> Decimal('-1025.05')."""
    tokens = words.split()
    sign = -1 if tokens[:1] == ["minus"] else 1
    tokens = tokens[1:] if sign < 0 else tokens
    whole_tokens, frac_tokens = (tokens[: tokens.index("point")], tokens[tokens.index("point") + 1:]) if "point" in tokens else (tokens, [])
    scale = 1
    if frac_tokens and frac_tokens[-1] in _SCALE:  # "three point two billion"
        scale = _SCALE[frac_tokens.pop()]
    total, group = 0, 0
    for token in whole_tokens:
        if token in _UNITS:
            group += _UNITS[token]
        elif token in _TENS:
            group += _TENS[token]
        elif token == "hundred":
            group *= 100
        elif token in _SCALE:
            total += group * _SCALE[token]
            group = 0
        else:
            raise ValueError(f"not a number word: {token!r} in {words!r}")
    value = Decimal(total + group)
    if frac_tokens:
        value += Decimal("0." + "".join(str(_UNITS[t]) for t in frac_tokens))
    return sign * value * scale


# -- numbers ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "decimals", "words"),
    [
        (0, 2, "zero"),
        (-0.001, 2, "zero"),  # rounds to 0: never "minus zero"
        (1.624e-08, 2, "zero"),
        (0.05, 2, "zero point zero five"),
        (1.25, 2, "one point two five"),
        (1.2, 2, "one point two"),  # the value shown, as a teacher says it: no zeros at the end
        (-0.5, 3, "minus zero point five"),  # "-0.500"
        (2.0, 2, "two"),  # "2.00"
        (0.1, 2, "zero point one"),  # "0.10"
        (-0.885, 3, "minus zero point eight eight five"),
        (1.275, 2, "one point two eight"),  # rounded half away from zero, as shown
        (8.625, 2, "eight point six three"),
        (-0.125, 2, "minus zero point one three"),
        (1000000, 0, "one million"),
        (1000000, 2, "one million"),
        (1025, 0, "one thousand twenty five"),
        (119, 0, "one hundred nineteen"),
        (-2.5, 0, "minus three"),
        (999999999.996, 2, "one billion"),  # shown "1.0 billion"
        (3.2e9, 2, "three point two billion"),
        (-4.75e12, 2, "minus four point eight trillion"),
        (2e15, 2, "more than a thousand trillion"),
    ],
)
def test_a_number_is_said_as_it_is_shown(value, decimals, words):
    assert number_words(value, decimals) == words
    assert num(value, decimals) == number(value, decimals) and num(value, decimals).spoken == words


@given(st.floats(min_value=-1e11, max_value=1e11, allow_nan=False), st.integers(0, 6))
@settings(max_examples=200, deadline=None)
def test_number_words_read_back_to_the_number_shown(value, decimals):
    shown = number(value, decimals)
    words = number_words(value, decimals)
    assert _clean(words), words
    exact = Decimal(shown) if "illion" not in shown else Decimal(shown.split()[0]) * _SCALE[shown.split()[1]]
    assert read_number(words) == exact  # the value shown is the value heard
    fraction = words.split(" point ")[1].split() if " point " in words else []
    assert not fraction or [w for w in fraction if w not in _SCALE][-1] != "zero", words  # "1.20": "one point two"


@given(st.integers(-(10**15) + 1, 10**15 - 1))
@settings(max_examples=200, deadline=None)
def test_integer_words_read_back(n):
    assert read_number(integer_words(n)) == n


def test_bad_number_text_is_refused_in_one_line():
    for bad in ("1e-08", "abc", "1,000", ""):
        with pytest.raises(ValueError, match="not a number"):
            number_text_words(bad)
    with pytest.raises(TypeError):
        integer_words(1.5)
    with pytest.raises(TypeError):
        number_text_words(3)


def test_numbers_in_text_finds_signed_numbers_not_names_or_subtractions():
    assert numbers_in_text("Along -∇f = (-0.90, -1.20) the slope is 3; x1 - 2") == ["-0.90", "-1.20", "3", "2"]
    assert numbers_in_text("f = 3.2 billion, then 7") == ["3.2 billion", "7"]


# -- names and symbols ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("piece", "words"),
    [
        (name("η"), "eta"),
        (name("μ"), "mu"),
        (name("theta"), "theta"),
        (name("x_2"), "x two"),
        (name("w10"), "w ten"),
        (prime("f"), "f prime"),
        (prime("f", num(1.5)), "f prime of one point five"),
        (partial("f", "n"), "partial f by partial n"),
        (spoken.gradient("f"), "the gradient of f"),
        (spoken.gradient("f", minus=True), "minus the gradient of f"),
        (spoken.absolute(spoken.gradient("f")), "the length of the gradient of f"),
        (spoken.delta("x"), "delta x"),
        (spoken.derivative("x", "t"), "d x by d t"),
        (spoken.function_of("f", "n", "e"), "f of n and e"),
        (eq("v", num(0, 0), "≥"), "v is at least zero"),
        (eq("x", num(2.236), "≈"), "x is approximately two point two four"),
        (count(1, "step"), "one step"),
        (count(60, "step"), "sixty steps"),
    ],
)
def test_names_and_symbols_are_said_in_words(piece, words):
    assert piece.spoken == words
    assert _clean(piece.spoken)


def test_a_caption_is_said_from_the_same_pieces_it_is_written_from():
    text = said("The secant becomes the tangent. Its slope is the derivative: ", eq(prime("f", num(1.5, 1)), num(1.25), word="is"), ".")
    assert text == "The secant becomes the tangent. Its slope is the derivative: f'(1.5) = 1.25."
    assert text.spoken == "The secant becomes the tangent. Its slope is the derivative: f prime of one point five is one point two five."
    assert spoken_of(text) == text.spoken and spoken_problems(text, text.spoken) == []


def test_string_operations_drop_the_spoken_form_so_it_never_goes_stale():
    text = said("f falls to ", num(0.75), ".")
    for changed in (text + " More.", f"{text}", text.upper(), text.strip(), text[:5], text.replace("f", "g")):
        assert spoken_of(changed) is None
    assert spoken.capitalized(said("it reaches ", num(2.0))).spoken == "It reaches two"
    again = pickle.loads(pickle.dumps(text))
    assert isinstance(again, Said) and again == text and again.spoken == text.spoken


def test_plain_glyphs_are_guessed_and_marked_so_the_kit_falls_back():
    guessed = said("The slope is ", "-0.50", ".")
    assert guessed.guessed and spoken_of(guessed) is None
    assert guessed.spoken == "The slope is minus zero point five."  # still speakable
    with pytest.raises(ValueError, match="cannot say"):
        said(("η", "η"))  # a spoken form with a glyph is refused
    with pytest.raises(TypeError):
        said(1.5)  # a float needs its decimals: num(value, decimals)


def test_phrases_say_their_numbers_in_words_even_from_plain_number_text():
    facts = SimpleNamespace(fell=True, rose=False, slope=-2.0, status="max_steps")
    assert phrases.falls_to(facts, "0.75").spoken == "f falls to zero point seven five"
    assert phrases.falls_to(facts, num(0.75)).spoken == "f falls to zero point seven five"
    assert phrases.slope_sign(facts, "-2.00").spoken == "the slope minus two is negative"
    assert phrases.not_settled(facts, "60").spoken == "the walk has not settled after sixty steps"
    assert phrases.falls_to(facts, "0.75") == "f falls to 0.75"  # the text is unchanged


def test_a_caption_split_on_screen_is_spoken_in_the_same_parts():
    text = said("So ", eq(partial("y", "n"), num(0.9)), " is the slope walking north, and ", eq(partial("y", "e"), num(1.2)), " the slope walking east.")
    parts = split_caption(text)
    assert len(parts) == 2
    first, second = split_spoken(text, text.spoken, parts)
    assert first == "So partial y by partial n equals zero point nine is the slope walking north,"
    assert second == "and partial y by partial e equals one point two the slope walking east."
    assert [spoken_of(p) for p in said_parts(text, parts)] == [first, second]
    assert split_spoken("plain text. Two", None, ["plain text.", "Two"]) == [None, None]


@given(st.lists(st.sampled_from(["word", "the slope", 7, 1.25, -0.5, 1200.0, "η", "f'", "x"]), min_size=1, max_size=14))
@settings(max_examples=150, deadline=None)
def test_every_split_of_a_said_caption_says_every_number_of_its_part(items):
    pieces = []
    for k, item in enumerate(items):
        if k and isinstance(item, (int, float)) and isinstance(items[k - 1], (int, float)):
            pieces.append("and ")  # "1.25 7" is heard as one number, 1.257: the check flags it (below)
        if isinstance(item, float):
            pieces.append(num(item))
        elif item == "η":
            pieces.append(name("η"))
        elif item == "f'":
            pieces.append(prime("f"))
        else:
            pieces.append(item)
        pieces.append(", " if len(pieces) % 6 == 0 else " ")
    text = said(*pieces[:-1], ".")
    parts = split_caption(text, width=20)
    for part, words in zip(parts, split_spoken(text, text.spoken, parts)):
        assert words is not None and spoken_problems(part, words) == [], (part, words)


# -- formulas ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("formula", "variables", "words"),
    [
        ("x**3 - 3*x", ("x",), "x cubed minus three x"),
        ("0.5*x^2", ("x",), "zero point five x squared"),
        ("x**2 + 2*x + 1", ("x",), "x squared plus two x plus one"),
        ("-(x + 1)/2", ("x",), "minus the quantity x plus one over two"),
        ("exp(-x**2)", ("x",), "e to the power minus x squared"),
        ("sqrt(x)", ("x",), "the square root of x"),
        ("1/x", ("x",), "one over x"),
        ("x**-2", ("x",), "x to the power minus two"),
        ("2^w", ("w",), "two to the power w"),
        ("sin(x) + cos(2*x)", ("x",), "sine of x plus cosine of two x"),
        ("abs(x - 1)", ("x",), "the absolute value of x minus one"),
        ("sigmoid(x)", ("x",), "sigmoid of x"),
        ("pi*x", ("x",), "pi times x"),
        ("e**x", ("x",), "e to the power x"),
        ("0.3*(n**2 + 2*e**2)", ("n", "e"), "zero point three times the quantity n squared plus two e squared"),
        ("(n - 1)**2 + 100*(e - n**2)**2", ("n", "e"), "the quantity n minus one squared plus one hundred times the quantity e minus n squared squared"),
        ("1e-3*x", ("x",), "zero point zero zero one x"),
    ],
)
def test_a_formula_is_said_as_typed(formula, variables, words):
    assert formula_words(formula, variables) == words


_ATOMS = ["x", "2", "0.5", "3", "pi", "e", "1e-3", "12.75"]
_FUNCTIONS = ["sin", "cos", "tan", "exp", "log", "sqrt", "abs", "tanh", "sigmoid", "relu", "softplus", "atan"]


def _formula(rng: random.Random, depth: int = 0) -> str:
    if depth > 3 or rng.random() < 0.3:
        return rng.choice(_ATOMS)
    kind = rng.randrange(5)
    if kind == 0:
        return f"{rng.choice(_FUNCTIONS)}({_formula(rng, depth + 1)})"
    if kind == 1:
        return f"-{_formula(rng, depth + 1)}"
    if kind == 2:
        return f"({_formula(rng, depth + 1)})"
    return f"{_formula(rng, depth + 1)} {rng.choice(['+', '-', '*', '/', '**', '^'])} {_formula(rng, depth + 1)}"


@given(st.integers(0, 10**6))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_formula_the_parser_accepts_is_said_in_words(seed):
    from mathcore.expressions import ExpressionError

    text = _formula(random.Random(seed))
    try:
        words = formula_words(text)
    except ExpressionError:
        return  # refused by the parser (a 0 ** -1, a huge power ...): not a formula to say
    assert words and _clean(words), (text, words)


def test_the_fuzz_formulas_are_said_in_words():
    from tests.fuzz.functions import curve_formula, field_formula

    for seed in range(25):
        text, _ = curve_formula(random.Random(seed))
        words = formula_words(text.replace("X", "x"))
        assert _clean(words), (text, words)
        field = field_formula(random.Random(seed)).text.replace("N", "n").replace("E", "e")
        assert _clean(formula_words(field, ("n", "e"))), field


# -- the last resort -------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("f'(1.5) = 1.25", "f prime of one point five equals one point two five"),
        ("η = 0.3, μ = 0.9", "eta equals zero point three, mu equals zero point nine"),
        ("Along -∇f = (-0.90, 1.20)", "Along minus the gradient of f equals (minus zero point nine, one point two)"),
        ("∂y/∂n = 0.90", "partial y by partial n equals zero point nine"),
        ("v = dx/dt ≥ 0", "v equals d x by d t is at least zero"),
        ("|∇f| = 2", "the length of the gradient of f equals two"),
        ("new point = old point − η × gradient", "new point equals old point minus eta times gradient"),
        ("Δy / Δx", "delta y over delta x"),
        ("the tangent's slope", "the tangent's slope"),
    ],
)
def test_text_without_a_spoken_form_is_converted_as_a_last_resort(text, words):
    assert speak_text(text) == words
    assert Line(text, NO_FACTS).said == words
    assert BeatRecord(text, NO_FACTS, 0.0).said == words


@given(st.text(max_size=80))
@settings(max_examples=150, deadline=None)
def test_the_last_resort_always_gives_speakable_text(text):
    assert _clean(speak_text(text))


def test_a_line_takes_the_spoken_form_its_text_was_written_with():
    text = said("Start at ", eq("w", num(-1.0)), ".")
    line = Line(text, NO_FACTS)
    assert line.spoken == "Start at w equals minus one." == line.said
    assert Line(text, NO_FACTS, spoken="Start here.").spoken == "Start here."  # given explicitly wins
    assert title_spoken("Momentum", said("With ", eq("μ", num(0, 0)), " the two walks are one")) == "Momentum: With mu equals zero the two walks are one"
    assert title_spoken("Rolling to f(n, e)") == "Rolling to f of n and e"


# -- the check, and the lessons ---------------------------------------------------------------------------------
def test_the_spoken_check_can_fail():
    assert spoken_problems("w = 1.25", None)  # no spoken form: the kit would convert the text
    assert spoken_problems("w = 1.25", "w = one point two five")  # a glyph
    assert spoken_problems("w = 1.25", "w equals one point two")  # a number not said
    assert spoken_problems("from 1 to 2", "from two to one")  # out of order
    assert not spoken_problems("from 1 to 2", "from one to two")
    assert spoken_problems("f = 1.20", "f equals one point two five")  # a longer number heard
    assert spoken_problems("w = 1", "w equals twenty one")
    assert spoken_problems("w = 5", "w equals one point five")
    assert spoken_problems("1.25 7", "one point two five seven")  # heard as 1.257
    assert not spoken_problems("(1.25, 7) and 20 1", "one point two five, seven and twenty, one")


def test_every_lesson_of_the_course_is_checked_for_its_spoken_forms_in_the_fuzz_runs():
    """No lesson caption relies on the fallback: every lesson of the course is in the fuzz
    harness's SPOKEN set, so each of its beats must carry a spoken form in every fuzz run."""
    from scenes.catalog import LESSON
    from tests.fuzz.checks import SPOKEN
    from tests.fuzz.scenarios import SCENES

    missing = sorted({entry.scene for entry in LESSON} - SPOKEN)
    assert not missing, (
        f"lessons {missing} are not in tests/fuzz/checks.py SPOKEN: write their captions with "
        "scenes.kit.spoken.said() (see the module's docstring), then add them"
    )
    assert SPOKEN <= set(SCENES)  # each is fuzzed


def test_the_doctests_of_the_spoken_modules():
    from scenes.kit import said as said_module, spoken_formulas, spoken_timing, spoken_words

    tried = 0
    for module in (spoken, spoken_words, spoken_formulas, said_module, spoken_timing):
        result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
        assert result.failed == 0, module.__name__
        tried += result.attempted
    assert tried > 20


def test_every_name_of_the_spoken_module_is_importable_from_it():
    """The split into four modules kept ``scenes.kit.spoken`` whole."""
    for name_ in spoken.__all__:
        assert getattr(spoken, name_) is not None, name_
    assert {"Said", "said", "num", "narrated_parts", "speech_seconds", "formula_words", "speak_text", "split_spoken"} <= set(spoken.__all__)
