"""The Backpropagation lesson: its numbers multiply as displayed, its captions claim only what
their facts hold, its settings are refused in one line, and its beats dry-run clean
(default, a saturated right guess, a saturated wrong guess)."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

import pytest

from mathcore import NeuronGraph
from scenes.kit.claims import claim_problems
from scenes.kit.phrases import ClaimError
from scenes.kit.spoken import spoken_problems
from scenes.kit.storyboard import dry_run, with_settings
from scenes.lessons.backprop import captions as words
from scenes.lessons.backprop.digits import show
from scenes.lessons.backprop.facts import GradientFacts, lesson_facts
from scenes.lessons.backprop.scene import Backpropagation, _chain_lines, _update_lines
from tests.fuzz.checks import caption_number_problems, chapter_problems, spoken_beat_problems

#: (w, b, x, y, learning_rate): the default, both labels, zeros, negative inputs, saturated
#: sigmoids (z = 30 and -30, right and wrong), a tiny and a large rate.
CASES = [
    (0.5, -1.0, 2.0, 1, 0.5),
    (0.5, -1.0, 2.0, 0, 0.5),
    (-1.3, 0.25, 0.7, 0, 1.0),
    (2.0, 0.1, -1.5, 1, 0.05),
    (0.0, 0.0, 0.0, 1, 0.1),
    (3.0, 0.0, 0.0, 0, 2.0),
    (10.0, 0.0, 3.0, 1, 0.5),
    (10.0, 0.0, 3.0, 0, 0.1),
    (-10.0, 0.0, 3.0, 1, 0.1),
    (-10.0, 0.0, 3.0, 0, 0.5),
    (1.234, -0.567, 8.9, 1, 0.001),
    (-7.5, 9.75, 0.4, 0, 3.0),
]

_SHOWN = r"-?(?:1/)?\d+(?:\.\d+)?(?: (?:million|billion|trillion))?"
_SCALES = {"million": 10**6, "billion": 10**9, "trillion": 10**12}


def read(text: str) -> Fraction:
    """A number as a learner reads it off the screen: ``-1/10.7 trillion``, ``0.250``."""
    sign = -1 if text.startswith("-") else 1
    text = text.lstrip("-")
    over = text.startswith("1/")
    words_ = text[2:].split() if over else text.split()
    value = Fraction(Decimal(words_[0])) * (_SCALES[words_[1]] if len(words_) == 2 else 1)
    return sign * (1 / value if over else value)


def _lines(facts) -> list:
    lines = words.intro_lines() + [words.forward_line(f) for f in facts.forward] + words.edges_lines(facts.edges)
    lines += [words.backward_line(b) for b in facts.backward] + [words.gradient_line(facts.gradient)]
    return lines + words.step_lines(facts.step) + [words.closing_line(facts.closing)]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_products_in_the_captions_multiply_as_displayed(case):
    """Every "A × B = C" (and "A - r × B = C") of a caption, read off the text: the shown
    factors give the shown result at its own figures, or the caption says "is about" and
    they give it within a few units of its last figure."""
    facts = lesson_facts(*case)
    checked = 0
    for line in _lines(facts):
        for match in re.finditer(rf"(?:({_SHOWN}) - )?({_SHOWN}) × \(?({_SHOWN})\)? (=|is about) ({_SHOWN})", line.text):
            old, a, b, relation, result = match.groups()
            made = read(a) * read(b)
            if old is not None:
                made = read(old) - made
            shown_made = show(Decimal(made.numerator) / Decimal(made.denominator)).text if made else "0"
            if relation == "=":
                assert shown_made == result, line.text
            else:
                assert shown_made != result, f"'is about' where the shown numbers give the result: {line.text}"
                assert abs(made - read(result)) <= abs(read(result)) * Fraction(2, 100) + Fraction(1, 10**6), line.text
            checked += 1
    assert checked == 4  # dL/dz, dL/dw, the steps of w and b
    z = re.search(rf"w = ({_SHOWN}), x = ({_SHOWN}) and b = ({_SHOWN}), z (=|≈) ({_SHOWN})\.", words.forward_line(facts.forward[0]).text)
    made = read(z[1]) * read(z[2]) + read(z[3])
    assert (show(Decimal(made.numerator) / Decimal(made.denominator)).text if made else "0") == z[5] or z[4] == "≈"


@pytest.mark.parametrize("case", CASES, ids=str)
def test_every_number_is_for_people_and_near_its_value(case):
    facts = lesson_facts(*case)
    graph = facts.graph
    for node in graph.nodes:
        for value in (node.exact, node.grad_exact):
            shown = show(value)
            assert not re.search(r"\de|^-?0\.0+$", shown.text), shown.text  # no exponent, no 0.00
            assert (shown.exact == 0) == (value == 0)
            exact = Fraction(str(float(value)))
            assert abs(shown.exact - exact) <= abs(exact) * Fraction(6, 1000), (node.name, shown.text, float(value))
    texts = [line.text for line in _lines(facts)]
    assert not caption_number_problems(texts)
    assert not [t for t in texts if re.search(r"(?<![\d.])-?0\.0+(?![\d])", t)], texts


@pytest.mark.parametrize("case", CASES, ids=str)
def test_captions_claim_only_what_their_facts_hold(case):
    facts = lesson_facts(*case)
    for line in _lines(facts):
        assert not claim_problems(line.text, line.facts), line.text
        assert not spoken_problems(line.text, line.spoken), line.spoken
    assert facts.gradient.matches
    w, b, x, y, _ = case
    assert (facts.graph.node("w").grad, facts.graph.node("b").grad) == NeuronGraph(w, b, x, y).gradient
    step = facts.step
    assert step.fell == (facts.after.node("L").value < facts.graph.node("L").value)
    assert "falls" in _lines(facts)[-2].text if step.fell else "rises" in _lines(facts)[-2].text or "stays" in _lines(facts)[-2].text


def test_the_panel_shows_the_numbers_of_the_captions():
    facts = lesson_facts(10.0, 0.0, 3.0, 0, 0.1)
    back = {b.node: b for b in facts.backward}
    z = back["z"]
    lines = _chain_lines("z", "s", z.result)
    assert lines[1] == r"= 10.7\text{ trillion} \cdot \frac{1}{10.7\text{ trillion}}" and lines[2] == "= 1.00"
    assert "10.7 trillion × 1/10.7 trillion = 1.00" in words.backward_line(z).text
    update = _update_lines("w", facts.step.w_product)
    assert update[1:] == (r"= 10.0 - 0.1 \cdot 3.00", "= 9.70")


def test_saturated_sigmoid_is_said_and_its_slopes_are_not_zero():
    right = lesson_facts(10.0, 0.0, 3.0, 1, 0.5)
    assert right.edges.saturated and right.closing.tiny and not right.closing.cancel
    assert right.backward[1].result.result.text == "-1/10.7 trillion"
    assert any("saturated" in line.text and "1/10.7 trillion" in line.text for line in words.edges_lines(right.edges))
    assert "change very little" in words.closing_line(right.closing).text
    wrong = lesson_facts(10.0, 0.0, 3.0, 0, 0.1)
    assert wrong.closing.cancel and "cancel" in words.closing_line(wrong.closing).text
    assert not lesson_facts(0.5, -1.0, 2.0, 1, 0.5).edges.saturated


def test_numbers_in_words_are_read_by_the_picture_check_reciprocals_are_not():
    """A readout of ``1.96 million`` names its quantity in the picture (so the ``s`` of
    "∂L/∂s = 1.96 million" is not read as s = 1.96: fuzz, seed 2); ``1/10.7 trillion`` cannot
    be read as one number and is left out."""
    assert show(1.96e6).plain and show(-1.07e13).plain and show(2.5).plain
    assert not show(9.4e-14).plain and not show(-0.0002).plain
    facts = lesson_facts(-5.0, -0.509, -3.0, 0, 0.1)
    assert facts.shown["s"][1].text == "1.96 million" and facts.shown["s"][1].plain


def test_the_gradient_line_needs_its_fact():
    facts = lesson_facts(0.5, -1.0, 2.0, 1, 0.5).gradient
    assert "∇L = (-1.00, -0.500)" in words.gradient_line(facts).text
    with pytest.raises(ClaimError):
        words.gradient_line(GradientFacts(facts.dw, facts.db, matches=False))


@pytest.mark.parametrize(
    "settings, words_",
    [
        ({"y": 2}, "Backpropagation.y = 2: must be >= 0 and <= 1"),
        ({"y": 0.5}, "expected a whole number"),
        ({"learning_rate": 0}, "learning_rate = 0"),
        ({"w": float("nan")}, "expected a finite number"),
        ({"x": 11}, "must be >= -10 and <= 10"),
        ({"w": 10, "x": 4}, "w*x + b = 39 is outside [-32, 32]"),
        ({"w": 3, "x": 10, "b": 0, "y": 0, "learning_rate": 2}, "the step takes w*x + b to"),
    ],
)
def test_bad_settings_are_refused_in_one_line(settings, words_):
    with pytest.raises(ValueError) as caught:
        with_settings(Backpropagation, **settings).validate()
    assert words_ in str(caught.value) and "\n" not in str(caught.value)


def test_settings_are_declared_with_bounds():
    params = Backpropagation.parameters()
    for name in ("w", "b", "x", "y", "learning_rate"):
        assert name in params
    assert "(>= 0 and <= 1)" in Backpropagation.__doc__ and "y : whole number = 1" in Backpropagation.__doc__


def test_dry_run_of_a_saturated_sigmoid_is_true_readable_and_laid_out():
    board = dry_run(Backpropagation, w=10.0, b=0.0, x=3.0, y=1)  # z = 30: slopes of 1/10.7 trillion
    assert not board.problems(), board.problems()
    assert not spoken_beat_problems(board), spoken_beat_problems(board)
    assert not chapter_problems(board) and not caption_number_problems(board.captions)
    assert [name for name, _ in board.chapters()] == [words.GRAPH_PART, words.FORWARD_PART, words.BACKWARD_PART, words.STEP_PART]
    captions = " ".join(board.captions)
    assert "1/10.7 trillion" in captions and "saturated" in captions and "0.00" not in captions
    assert 50 < board.duration < 150


# The one render of this lesson is the README's SureAndWrong (tests/test_readme.py).
