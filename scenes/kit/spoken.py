"""Spoken forms: how a voice says what a caption shows (pure; no manim).

A narrated lesson speaks every caption. A voice must not read the glyphs ("f'(1.5) = 1.25",
"η", "∂f/∂n", "-0.88"): numbers and symbols are said as a person says them ("f prime of one
point five is one point two five", "eta", "partial f by partial n", "minus zero point eight
eight"). The caption functions write the spoken form *alongside* the text, from the same
values, with the builders here:

- :class:`Said` is a caption text (a ``str``) that also carries its spoken form
  (``.spoken``) and the pieces it was built from, so a caption split in two on screen is
  spoken in the same two parts (:func:`split_spoken`). Anything that treats it as text sees
  the text; any string operation (``+``, an f-string, ``.strip()``) gives plain text again,
  without a spoken form, so a spoken form never goes stale.
- :func:`said` joins pieces: plain words (as they are), :class:`Said` pieces (a number from
  :func:`num`, a name from :func:`name`, a symbol from :func:`prime`, :func:`partial`,
  :func:`gradient`, ...), ``(text, spoken)`` pairs and whole numbers (counts, in words).
  A plain piece a voice cannot say (digits, symbols) is converted by :func:`speak_text` and
  the result marked *guessed*; :func:`spoken_of` then gives None, so the kit falls back to
  converting the whole text and the tests list the caption.

Numbers are said as a teacher says the value :func:`scenes.kit.numbers.number` shows (the
same rounding): the whole part in words, then the digits after the point one by one without
the zeros that end them ("-0.500" is "minus zero point five", "1.20" is "one point two",
"2.00" is "two"), a minus as "minus", large values as the words they are shown with ("3.2
billion" is "three point two billion"). The rule lives in one place,
:func:`~scenes.kit.spoken_words.number_text_words`.

:func:`formula_words` says a formula as typed (``x**3 - 3*x``: "x cubed minus three x") for
any expression the parser accepts; :func:`speak_text` is the last resort for text written
without a spoken form. Both always return speakable text (:func:`speakable`): ASCII letters,
spaces and basic punctuation, no digits and no math symbols.

The names live in four modules, all importable from here: :mod:`scenes.kit.spoken_words`
(what a voice can say; numbers, names and glyphs in words), :mod:`scenes.kit.spoken_formulas`
(formulas in words), :mod:`scenes.kit.said` (:class:`Said`, :func:`said` and the pieces) and
:mod:`scenes.kit.spoken_timing` (how long speech takes; a long caption's narrated pieces).

    >>> num(-0.885, 3).spoken
    'minus zero point eight eight five'
    >>> t = said("At ", name("w"), " = ", num(1.5), ", ", prime("f", num(1.5)), " = ", num(1.25), ".")
    >>> str(t), t.spoken
    ("At w = 1.50, f'(1.50) = 1.25.", 'At w equals one point five, f prime of one point five equals one point two five.')
    >>> formula_words("x**3 - 3*x")
    'x cubed minus three x'
"""

from __future__ import annotations

from scenes.kit.said import (
    Said,
    absolute,
    capitalized,
    count,
    delta,
    derivative,
    eq,
    function_of,
    gradient,
    name,
    num,
    num_text,
    partial,
    prime,
    relation,
    said,
    said_parts,
    split_spoken,
    spoken_of,
    spoken_problems,
    title_spoken,
)
from scenes.kit.spoken_formulas import expression_words, formula_words
from scenes.kit.spoken_timing import WORDS_PER_SECOND, narrated_parts, speech_seconds
from scenes.kit.spoken_words import (
    integer_words,
    name_words,
    number_text_words,
    number_words,
    numbers_in_text,
    speak_text,
    speakable,
    unspeakable,
)

__all__ = [
    "Said",
    "WORDS_PER_SECOND",
    "narrated_parts",
    "speech_seconds",
    "absolute",
    "count",
    "delta",
    "derivative",
    "formula_words",
    "function_of",
    "gradient",
    "integer_words",
    "name",
    "name_words",
    "num",
    "num_text",
    "number_text_words",
    "number_words",
    "numbers_in_text",
    "partial",
    "prime",
    "relation",
    "said",
    "said_parts",
    "speak_text",
    "speakable",
    "split_spoken",
    "spoken_of",
    "spoken_problems",
    "unspeakable",
    "capitalized",
    "eq",
    "expression_words",
    "title_spoken",
]
