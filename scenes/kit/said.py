"""Caption text that knows how a voice says it (pure; no manim; part of :mod:`scenes.kit.spoken`).

:class:`Said` is a caption text (a ``str``) that also carries its spoken form and the pieces
it was built from; :func:`said` joins pieces; :func:`num`, :func:`name`, :func:`prime`,
:func:`partial`, :func:`gradient`, :func:`eq` ... are the pieces; :func:`split_spoken` gives
each on-screen part of a caption its share of the spoken form; :func:`spoken_problems` says
what is wrong with a spoken form (glyphs, a number of the text not said).

    >>> t = said("At ", name("w"), " = ", num(1.5), ", ", prime("f", num(1.5)), " = ", num(1.25), ".")
    >>> str(t), t.spoken
    ("At w = 1.50, f'(1.50) = 1.25.", 'At w equals one point five, f prime of one point five equals one point two five.')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from scenes.kit.numbers import number
from scenes.kit.spoken_words import (
    _RELATIONS,
    integer_words,
    name_words,
    number_text_words,
    numbers_in_text,
    speak_text,
    speakable,
    unspeakable,
)

__all__ = [
    "Said",
    "absolute",
    "capitalized",
    "count",
    "delta",
    "derivative",
    "eq",
    "function_of",
    "gradient",
    "name",
    "num",
    "num_text",
    "partial",
    "prime",
    "relation",
    "said",
    "said_parts",
    "split_spoken",
    "spoken_at_cuts",
    "spoken_of",
    "spoken_problems",
    "title_spoken",
]

# -- said text ----------------------------------------------------------------------------------------------
class Said(str):
    """Caption text that knows how a voice says it.

    ``spoken`` is the spoken form; ``pieces`` the (text, spoken, plain) parts it was built
    from (plain: the spoken is the text); ``guessed`` True when some piece's spoken form was
    converted from its glyphs (:func:`speak_text`) rather than written from its values.

    >>> s = Said("η = 0.3", "eta equals zero point three")
    >>> s == "η = 0.3", s.spoken
    (True, 'eta equals zero point three')
    >>> (s + ".").__class__.__name__
    'str'
    """

    spoken: str
    pieces: tuple[tuple[str, str, bool], ...]
    guessed: bool

    def __new__(cls, text: str, spoken: str, pieces: Sequence[tuple[str, str, bool]] | None = None, guessed: bool = False):
        if not isinstance(text, str) or not isinstance(spoken, str):
            raise TypeError(f"Said needs text and its spoken form as text, got {text!r}, {spoken!r}")
        self = super().__new__(cls, text)
        self.spoken = spoken
        self.pieces = tuple(pieces) if pieces is not None else ((str(text), spoken, False),)
        self.guessed = bool(guessed)
        return self

    def __getnewargs__(self):  # (pickle and copy: str's own would drop the spoken form)
        return (str(self), self.spoken, self.pieces, self.guessed)

    # repr is the text's: a Said reads as the caption it is (messages, doctests)


def _join_spoken(parts: Iterable[str]) -> str:
    """Spoken pieces joined: a space where two words would run together, spaces collapsed."""
    out = ""
    for part in parts:
        if not part:
            continue
        if out and out[-1].isalnum() and part[0].isalnum():
            out += " "
        out += part
    out = " ".join(out.split())
    return re.sub(r" ([,.;:!?)])", r"\1", out)


def said(*pieces: Any) -> Said:
    """Caption text built from ``pieces``, with its spoken form built from the same pieces.

    A piece is plain text (said as written: words), a :class:`Said` (a number, a name, a
    symbol), a ``(text, spoken)`` pair, a whole number (a count: ``3`` is said "three") or
    None (skipped). Plain text a voice cannot say is converted by :func:`speak_text` and the
    result marked ``guessed``.

    >>> said("Step ", 3, ": ", name("η"), " = ", num(0.3, 1)).spoken
    'Step three: eta equals zero point three'
    """
    flat: list[tuple[str, str, bool]] = []
    guessed = False
    for piece in pieces:
        if piece is None:
            continue
        if isinstance(piece, Said):
            flat.extend(piece.pieces)
            guessed |= piece.guessed
        elif isinstance(piece, str):
            if speakable(piece):
                flat.append((piece, piece, True))
            else:
                flat.append((piece, speak_text(piece), False))
                guessed = True
        elif isinstance(piece, tuple) and len(piece) == 2 and all(isinstance(p, str) for p in piece):
            text, spoken = piece
            if not speakable(spoken):
                raise ValueError(f"spoken form {spoken!r} of {text!r} has glyphs a voice cannot say: {unspeakable(spoken)}")
            flat.append((text, spoken, text == spoken))
        elif isinstance(piece, int) and not isinstance(piece, bool):
            flat.append((str(piece), integer_words(piece), False))
        else:
            raise TypeError(f"said() takes text, Said, (text, spoken) pairs and whole numbers, not {piece!r}")
    merged: list[tuple[str, str, bool]] = []
    for piece in flat:  # neighbouring plain pieces are one: a word is never cut between pieces
        if merged and piece[2] and merged[-1][2]:
            merged[-1] = (merged[-1][0] + piece[0], merged[-1][1] + piece[1], True)
        else:
            merged.append(piece)
    text = "".join(p[0] for p in merged)
    return Said(text, _join_spoken(p[1] for p in merged), merged, guessed)


def spoken_of(text: Any) -> str | None:
    """The spoken form written with ``text`` (a :class:`Said`), or None: plain text, or a
    spoken form that had to be guessed from glyphs (the kit then falls back)."""
    if isinstance(text, Said) and not text.guessed:
        return text.spoken
    return None


def capitalized(text: str) -> str:
    """``text`` with its first letter in upper case, its spoken form too (a Said stays one)."""
    if not isinstance(text, Said):
        return text[:1].upper() + text[1:]
    first, *rest = text.pieces or (("", "", True),)
    head = (first[0][:1].upper() + first[0][1:], first[1][:1].upper() + first[1][1:], first[2])
    pieces = [head, *rest]
    return Said(text[:1].upper() + text[1:], _join_spoken(p[1] for p in pieces), pieces, text.guessed)


#: A voice's pace at rate 1 for estimates, in words a second: a little under the 150 to 170

def split_spoken(text: str, spoken: str | None, parts: Sequence[str]) -> list[str | None]:
    """The spoken form of each of ``parts``, the pieces ``text`` is shown in on screen
    (:func:`scenes.kit.pacing.split_caption` cuts at sentence ends, commas or spaces).

    One part: ``[spoken]``. Several: a :class:`Said` whose spoken form is ``spoken`` is cut
    between the same words (a cut inside a number or a symbol puts it whole in the part
    where it begins); otherwise each part is None (the kit falls back).

    >>> t = said("Step ", 1, ": w moves left. ", name("η"), " is ", num(0.5, 1), ".")
    >>> split_spoken(t, t.spoken, ["Step 1: w moves left.", "η is 0.5."])
    ['Step one: w moves left.', 'eta is zero point five.']
    """
    parts = list(parts)
    if len(parts) <= 1:
        return [spoken] * len(parts)
    if not isinstance(text, Said) or spoken is None or spoken != text.spoken:
        return [None] * len(parts)
    cuts, total = [], 0
    for part in parts[:-1]:
        total += sum(not c.isspace() for c in part)
        cuts.append(total)
    return spoken_at_cuts(text, cuts)


def spoken_at_cuts(text: Said, cuts: Sequence[int]) -> list[str | None]:
    """The spoken form of each piece of ``text`` cut after ``cuts[0]``, ``cuts[1]`` ...
    characters that are not spaces (rising): a number or symbol cut inside goes whole to the
    piece where it begins. None for a piece with nothing speakable.

    >>> t = said("Step ", 1, ": w moves left.")
    >>> spoken_at_cuts(t, [0, 6]), spoken_at_cuts(t, [6])
    ([None, 'Step one:', 'w moves left.'], ['Step one:', 'w moves left.'])
    """
    result = [_join_spoken(p[1] for p in pieces) for pieces in _pieces_at_cuts(text, cuts)]
    return [r if r.strip() and speakable(r) else None for r in result]


def _pieces_at_cuts(text: Said, cuts: Sequence[int]) -> list[list[tuple[str, str, bool]]]:
    """``text``'s pieces, cut after ``cuts`` characters that are not spaces (see
    :func:`spoken_at_cuts`): plain pieces cut between their characters, others kept whole."""
    cuts = list(cuts)
    if cuts and cuts[0] <= 0:
        return [[], *_pieces_at_cuts(text, cuts[1:])]
    out: list[list[tuple[str, str, bool]]] = [[] for _ in range(len(cuts) + 1)]
    index, seen = 0, 0
    for piece_text, piece_spoken, plain in text.pieces:
        size = sum(not c.isspace() for c in piece_text)
        if not plain:
            out[index].append((piece_text, piece_spoken, plain))
            seen += size
            while index < len(cuts) and seen >= cuts[index]:
                index += 1
            continue
        start = 0
        for position, c in enumerate(piece_text):
            if c.isspace():
                continue
            if index < len(cuts) and seen >= cuts[index]:
                bit = piece_text[start:position]
                out[index].append((bit, bit, True))
                start = position
                index += 1
            seen += 1
        bit = piece_text[start:]
        out[index].append((bit, bit, True))
        while index < len(cuts) and seen >= cuts[index] and index < len(out) - 1:
            index += 1
    return out


# -- numbers, names and symbols as Said pieces ---------------------------------------------------------------
def num(value: Any, decimals: int = 2) -> Said:
    """``value`` as :func:`~scenes.kit.numbers.number` shows it, and in words.

    >>> num(1.275), num(1.275).spoken, num(1.624e-08).spoken
    ('1.28', 'one point two eight', 'zero')
    """
    return num_text(number(value, decimals))


def num_text(text: str) -> Said:
    """A number already written by :func:`~scenes.kit.numbers.number` (or a setting shown
    as given, ``"0.005"``), with its words; ``ValueError`` if ``text`` is not such a number."""
    return Said(text, number_text_words(text))


def count(n: int, noun: str | None = None, plural: str | None = None) -> Said:
    """A whole number in figures and in words, with ``noun`` after it (plural unless 1).

    >>> count(60, "step").spoken, str(count(1, "step"))
    ('sixty steps', '1 step')
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"count needs a whole number, got {n!r}")
    if noun is None:
        return Said(str(n), integer_words(n))
    word = noun if n == 1 else (plural or noun + "s")
    return said(Said(str(n), integer_words(n)), f" {word}")



def name(text: str) -> Said:
    """A name as shown and as said (``name("η")``: "η", "eta")."""
    return Said(text, name_words(text))


def _as_said(piece: Any) -> Said:
    if isinstance(piece, Said):
        return piece
    if isinstance(piece, str):
        return name(piece) if re.fullmatch(r"[^\W\d_][\w]*", piece) else said(piece)
    return said(piece)


def function_of(f: str, *args: Any) -> Said:
    """``f(x)`` / ``f(n, e)``: "f of x", "f of n and e" (``args``: names or Said pieces).

    >>> function_of("f", "n", "e").spoken
    'f of n and e'
    """
    items = [_as_said(a) for a in args]
    inner = said(*[p for k, a in enumerate(items) for p in ((", " if k else None), a)])
    spoken_args = " and ".join(a.spoken for a in items) if len(items) <= 2 else ", ".join(a.spoken for a in items[:-1]) + " and " + items[-1].spoken
    return Said(f"{f}({inner})", _join_spoken([name_words(f), "of", spoken_args]), guessed=inner.guessed)


def prime(f: str = "f", arg: Any = None) -> Said:
    """``f'`` or ``f'(arg)``: "f prime", "f prime of one point five"."""
    if arg is None:
        return Said(f"{f}'", f"{name_words(f)} prime")
    inner = _as_said(arg)
    return Said(f"{f}'({inner})", f"{name_words(f)} prime of {inner.spoken}", guessed=inner.guessed)


def partial(of: str, by: str) -> Said:
    """``∂f/∂n``: "partial f by partial n"."""
    return Said(f"∂{of}/∂{by}", f"partial {name_words(of)} by partial {name_words(by)}")


def derivative(of: str, by: str) -> Said:
    """``dx/dt``: "d x by d t"."""
    return Said(f"d{of}/d{by}", f"d {name_words(of)} by d {name_words(by)}")


def delta(of: str) -> Said:
    """``Δx``: "delta x"."""
    return Said(f"Δ{of}", f"delta {name_words(of)}")


def gradient(of: str = "f", minus: bool = False) -> Said:
    """``∇f`` ("the gradient of f"), or ``-∇f`` ("minus the gradient of f")."""
    text = f"{'-' if minus else ''}∇{of}"
    return Said(text, f"{'minus ' if minus else ''}the gradient of {name_words(of)}")


def absolute(inner: Said) -> Said:
    """``|∇f|``: "the length of the gradient of f" (a vector); ``|x|``: "the size of x"."""
    word = "the length of" if str(inner).lstrip("-").startswith("∇") else "the size of"
    return Said(f"|{inner}|", f"{word} {inner.spoken}")


def relation(symbol: str, word: str | None = None) -> Said:
    """`` = `` and its kin, with spaces around: "equals", "is approximately", "is greater
    than", "is at least" ... (``word`` to say it otherwise: ``relation("=", "is")``)."""
    if symbol not in _RELATIONS:
        raise ValueError(f"no spoken form for the relation {symbol!r}")
    return said((f" {symbol} ", f" {word or _RELATIONS[symbol]} "))


def title_spoken(title: str, subtitle: str = "") -> str:
    """The spoken form of a title card, ``title: subtitle``: each part's own spoken form when
    it was written with one (:class:`Said`), else the author's free text converted
    (:func:`speak_text`), since a title is typed, not written from facts."""
    parts = [spoken_of(t) or speak_text(t) for t in (title, subtitle) if t]
    return ": ".join(p for p in parts if p) or "a lesson"


def eq(left: Any, right: Any, symbol: str = "=", word: str | None = None) -> Said:
    """``left = right`` (or another :func:`relation`), each side a name, a Said or a count.

    >>> eq("w", num(1.5)).spoken, eq(prime("f", num_text("2")), num(0.5), word="is").spoken
    ('w equals one point five', 'f prime of two is zero point five')
    """
    return said(_as_said(left), relation(symbol, word), _as_said(right))


def spoken_problems(text: str, spoken: str | None) -> list[str]:
    """What is wrong with ``spoken`` as the spoken form of caption ``text``: missing (None:
    the kit would fall back to converting the text), glyphs a voice cannot say, or a number
    of the text not said, in order (each number of ``text`` in words, :func:`number_text_words`:
    the value shown, trailing zeros after the point not said). A number counts as said only
    whole: "one point two" is not said inside "one point two five" or "twenty one point two".

    >>> spoken_problems("f = 1.25", "f equals one point two five")
    []
    >>> spoken_problems("f = 1.25 at w = 2", "f equals one point two at w equals two")
    ["'f = 1.25 at w = 2': the number 1.25 (one point two five) is not said in order"]
    >>> spoken_problems("f = 1.20", "f equals one point two five")
    ["'f = 1.20': the number 1.20 (one point two) is not said in order"]
    """
    if spoken is None:
        return [f"{text!r} has no spoken form (the kit would convert the text)"]
    problems = []
    bad = unspeakable(spoken)
    if bad:
        problems.append(f"{text!r}: spoken {spoken!r} has glyphs {''.join(dict.fromkeys(bad))!r}")
    heard = re.findall(r"[a-z]+|[,;:.!?()]", spoken.lower())
    at = 0
    for token in numbers_in_text(str(text)):
        words = re.findall(r"[a-z]+", number_text_words(token))
        found = _whole_number_at(heard, words, at)
        if found < 0:
            problems.append(f"{text!r}: the number {token} ({' '.join(words)}) is not said in order")
        else:
            at = found + len(words)
    return problems


_DIGITS = frozenset("zero one two three four five six seven eight nine".split())
_TENS_WORDS = frozenset("twenty thirty forty fifty sixty seventy eighty ninety".split())
_SCALE_WORDS = frozenset("hundred thousand million billion trillion".split())


def _whole_number_at(heard: list[str], words: list[str], start: int) -> int:
    """Where ``words`` (a number in words) first stands whole in ``heard`` from ``start``: not
    the start of a longer number ("one point two" in "one point two five", "two" in "two
    hundred") nor its end ("five" in "one point five", "one" in "twenty one"); -1 if nowhere."""
    size = len(words)
    for i in range(start, len(heard) - size + 1):
        if heard[i : i + size] != words:
            continue
        before = heard[i - 1] if i > 0 else ""
        after = heard[i + size] if i + size < len(heard) else ""
        longer = (
            after in _SCALE_WORDS
            or after == "point"
            or ("point" in words and after in _DIGITS)
            or (words[-1] in _TENS_WORDS and after in _DIGITS - {"zero"})
            or before == "point"
            or before in _SCALE_WORDS
            or (before in _TENS_WORDS and words[0] in _DIGITS - {"zero"})
        )
        if not longer:
            return i
    return -1


def said_parts(text: str, parts: Sequence[str]) -> list[str]:
    """``parts`` (``text`` cut for the screen) each with its share of ``text``'s spoken form
    (:func:`split_spoken`): a :class:`Said` where there is one, built from its share of
    ``text``'s pieces (so it can be cut again between them), else the plain part.

    >>> first, second = said_parts(said("Step ", 1, ": w moves to ", num(0.5), "."), ["Step 1:", "w moves to 0.50."])
    >>> second.spoken, [p[0] for p in second.pieces]
    ('w moves to zero point five.', ['w moves to ', '0.50', '.'])
    """
    spoken = split_spoken(text, spoken_of(text), parts)
    if not isinstance(text, Said) or all(words is None for words in spoken):
        return [Said(part, words) if words is not None else part for part, words in zip(parts, spoken)]
    cuts, total = [], 0
    for part in parts[:-1]:
        total += sum(not c.isspace() for c in part)
        cuts.append(total)
    out: list[str] = []
    for part, words, pieces in zip(parts, spoken, _pieces_at_cuts(text, cuts)):
        if words is None:
            out.append(part)
            continue
        pieces = [p for p in pieces if p[0]]
        if pieces:  # the part's own text at its ends (no space left over from the cut)
            pieces[0] = (pieces[0][0].lstrip(), pieces[0][1].lstrip() if pieces[0][2] else pieces[0][1], pieces[0][2])
            pieces[-1] = (pieces[-1][0].rstrip(), pieces[-1][1].rstrip() if pieces[-1][2] else pieces[-1][1], pieces[-1][2])
        same = "".join(p[0] for p in pieces).split() == part.split()
        out.append(Said(part, words, pieces, text.guessed) if same else Said(part, words))
    return out
