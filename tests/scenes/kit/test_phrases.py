"""Phrase functions make claims by construction: each refuses facts that do not establish
its words, and the words it returns pass the claim checker with the facts it accepted."""

from __future__ import annotations

from types import SimpleNamespace as F

import pytest

from scenes.kit import phrases as p
from scenes.kit.claims import claim_problems

# (phrase, facts it accepts, facts it must refuse)
CASES = [
    (lambda f: p.falls_to(f, "0.75"), F(fell=True), [F(fell=False), F(fell=None), F(rose=True)]),
    (lambda f: p.falls_to(f, "2", subject="f", tense="past"), F(fell=True), [F(fell=False)]),
    (lambda f: p.rises_to(f, "9.00"), F(rose=True), [F(rose=False), F(fell=True)]),
    (lambda f: "Step 2: " + p.f_change(f, "1.50"), F(fell=True, rose=False), [F(fell=True, rose=True), F(fell=True)]),
    (lambda f: p.f_change(f, "1.50"), F(fell=False, rose=True), [F(rose=True)]),
    (lambda f: p.f_change(f, "1.50"), F(fell=False, rose=False), [F()]),
    (lambda f: p.slope_sign(f, "-2.00"), F(slope=-2.0), [F(), F(slope=None)]),
    (lambda f: p.slope_sign(f, "0.54"), F(slope=0.54), [F()]),
    (lambda f: p.flat_here(f), F(slope=0.0), [F(slope=0.3), F(slope=-1e-300), F(slope=None), F()]),
    (lambda f: p.flat_here(f, subject="the curve"), F(slope=0), [F(slope=1e-12)]),
    (lambda f: p.converged(f), F(status="converged"), [F(status=s) for s in ("diverged", "max_steps", "oscillating", "flat_start")]),
    (lambda f: p.converged(f, "it", "present"), F(status="converged"), [F(status="diverged"), F()]),
    (lambda f: p.diverged(f, "It", "present"), F(status="diverged"), [F(status=s) for s in ("converged", "max_steps", "oscillating")]),
    (lambda f: p.oscillates(f), F(status="oscillating"), [F(status=s) for s in ("converged", "diverged", "max_steps")]),
    (lambda f: p.not_settled(f, "60"), F(status="max_steps"), [F(status=s) for s in ("converged", "diverged")]),
    (lambda f: p.walk_outcome(f), F(status="diverged"), [F(status="left_domain"), F(status="flat_start"), F()]),
    (lambda f: p.walk_outcome(f), F(status="max_steps"), [F(status=None)]),
    (lambda f: p.walk_outcome(f, "The ball", "present"), F(status="converged", visible=True), [F(visible=True), F(status="converged")]),
    (
        lambda f: p.reached_minimum(f, "n = 1.00, e = 3.00", subject="The ball"),
        F(kind="minimum", in_range=True, visible=frozenset({"ball", "minimum"})),
        [
            F(kind="saddle", in_range=True, visible=True),
            F(kind="minimum", in_range=False, visible=True),
            F(kind="minimum", visible=True),
            F(kind=None, in_range=True, visible=True),
            F(kind="minimum", in_range=True, visible=frozenset({"minimum"})),
            F(kind="minimum", in_range=True),
        ],
    ),
    (
        lambda f: p.reached_minimum(f, "w = 1"),
        F(kind="minimum", in_range=True, visible=frozenset({"ball", "minimum"})),
        [F(kind="minimum", in_range=True, visible=frozenset({"ball"})), F(kind="minimum", in_range=True, visible=False)],
    ),
    (lambda f: p.reached_minimum(f), F(kind="minimum", in_range=True, visible=True), [F(kind="maximum", in_range=True, visible=True)]),
    (lambda f: p.moves(f), F(moved=True, visible=True), [F(moved=False, visible=True), F(visible=True), F(moved=True, visible=False)]),
    (lambda f: p.moves(f, "w", "moves right"), F(moved=True), [F(moved=False)]),
    (lambda f: p.moves(f, "each racer", "rolls"), F(moved=True, visible={"racers"}), [F(moved=None, visible=True), F(moved=True)]),
    (lambda f: p.stays_put(f, "The yellow ball"), F(moved=False, visible={"yellow ball"}), [F(moved=True, visible=True), F(moved=False, visible={"purple ball"})]),
    (lambda f: p.watch(f, "panel"), F(visible=frozenset({"panel"})), [F(visible=frozenset({"map"})), F(visible=False), F()]),
    (lambda f: p.watch(f, "yellow ball"), F(visible=True), [F(visible=frozenset({"ball"}))]),
]


@pytest.mark.parametrize("phrase, good, bad", CASES)
def test_a_phrase_refuses_facts_that_do_not_establish_it(phrase, good, bad):
    for facts in bad:
        with pytest.raises(p.ClaimError):
            phrase(facts)


@pytest.mark.parametrize("phrase, good, bad", CASES)
def test_a_phrase_and_the_checker_agree(phrase, good, bad):
    words = phrase(good)
    assert isinstance(words, str) and words
    sentence = words[0].upper() + words[1:] + "."
    assert claim_problems(sentence, good) == [], sentence


#: Phrases that choose their words from the facts: other facts give other words, so the
#: words made from the good facts need not be wrong for the bad ones.
CHOOSERS = {3, 4, 5, 6, 7, 15, 16, 17}

#: Facts a phrase refuses though its words are not false for them, so the net lets them
#: pass: "has not settled after 60 steps" is said only of a walk stopped at its step limit
#: (a diverged walk has not settled either), and "reached a minimum" only with ``in_range``
#: known (the checker flags only an ``in_range`` known to be False).
STRICTER = [(14, F(status="diverged")), (18, F(kind="minimum", visible=True))]


@pytest.mark.parametrize("index", [i for i in range(len(CASES)) if i not in CHOOSERS])
def test_the_checker_flags_the_words_with_facts_the_phrase_refuses(index):
    """The net under the phrases: the words a phrase makes from good facts are flagged with
    each set of facts the phrase refuses."""
    phrase, good, bad = CASES[index]
    words = phrase(good)
    for facts in bad:
        if (index, facts) in STRICTER:
            continue
        assert claim_problems(words[0].upper() + words[1:] + ".", facts), (words, facts)


def test_a_sentence_built_from_phrases():
    step = F(fell=True, rose=False, slope=-2.0, moved=True)
    text = f"Step 1: {p.slope_sign(step, '-2.00')}, so {p.moves(step, 'w', 'moves right')} and {p.falls_to(step, '0.75')}."
    assert text == "Step 1: the slope -2.00 is negative, so w moves right and f falls to 0.75."
    assert claim_problems(text, step) == []


def test_tense_is_checked():
    with pytest.raises(ValueError):
        p.converged(F(status="converged"), tense="future")
