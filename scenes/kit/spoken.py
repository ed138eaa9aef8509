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

Numbers are said as :func:`scenes.kit.numbers.number` shows them (the same rounding): the
whole part in words, the digits after the point one by one, as shown ("1.20" is "one point
two zero"), a minus as "minus", large values as the words they are shown with ("3.2 billion"
is "three point two billion").

:func:`formula_words` says a formula as typed (``x**3 - 3*x``: "x cubed minus three x") for
any expression the parser accepts; :func:`speak_text` is the last resort for text written
without a spoken form. Both always return speakable text (:func:`speakable`): ASCII letters,
spaces and basic punctuation, no digits and no math symbols.

    >>> num(-0.885, 3).spoken
    'minus zero point eight eight five'
    >>> t = said("At ", name("w"), " = ", num(1.5), ", ", prime("f", num(1.5)), " = ", num(1.25), ".")
    >>> str(t), t.spoken
    ("At w = 1.50, f'(1.50) = 1.25.", 'At w equals one point five zero, f prime of one point five zero equals one point two five.')
    >>> formula_words("x**3 - 3*x")
    'x cubed minus three x'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from scenes.kit.numbers import number
from scenes.kit.pacing import split_caption

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

# -- what a voice can say ----------------------------------------------------------------------------
_SPEAKABLE = re.compile(r"[A-Za-z ,.;:!?()'\-]*")


def unspeakable(text: str) -> list[str]:
    """The characters of ``text`` a voice would have to read as glyphs: anything but ASCII
    letters, spaces and ``, . ; : ! ? ( )``; an apostrophe or hyphen not between two letters
    (``f'`` or ``-1``, unlike ``tangent's`` or ``step-size``).

    >>> unspeakable("the tangent's slope"), unspeakable("f' = -0.5")
    ([], ["'", '=', '-', '0', '.', '5'])
    """
    bad = []
    for i, c in enumerate(text):
        if c in "'-":
            if not (0 < i < len(text) - 1 and text[i - 1].isascii() and text[i - 1].isalpha() and text[i + 1].isascii() and text[i + 1].isalpha()):
                bad.append(c)
        elif not _SPEAKABLE.fullmatch(c):
            bad.append(c)
        elif c == "." and 0 < i < len(text) - 1 and text[i - 1].isdigit():
            bad.append(c)
    return bad


def speakable(text: str) -> bool:
    """True if a voice can say ``text`` as it is (see :func:`unspeakable`)."""
    return isinstance(text, str) and not unspeakable(text)


# -- numbers ----------------------------------------------------------------------------------------------
_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (10**3, "thousand"))


def _below_thousand(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    words = [f"{_ONES[hundreds]} hundred"] if hundreds else []
    if rest >= 20:
        tens, ones = divmod(rest, 10)
        words.append(_TENS[tens] + (f" {_ONES[ones]}" if ones else ""))
    elif rest or not hundreds:
        words.append(_ONES[rest])
    return " ".join(words)


def integer_words(n: int) -> str:
    """A whole number in words: ``integer_words(1025)`` is ``'one thousand twenty five'``,
    ``-3`` is ``'minus three'``. From a thousand trillion on, the digits are said one by one.

    >>> integer_words(0), integer_words(115), integer_words(2_000_040)
    ('zero', 'one hundred fifteen', 'two million forty')
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"integer_words needs a whole number, got {n!r}")
    if n < 0:
        return "minus " + integer_words(-n)
    if n >= 10**15:
        return _digit_words(str(n))
    words = []
    for scale, word in _SCALES:
        if n >= scale:
            words.append(f"{_below_thousand(n // scale)} {word}")
            n %= scale
    if n or not words:
        words.append(_below_thousand(n))
    return " ".join(words)


def _digit_words(digits: str) -> str:
    return " ".join(_ONES[int(d)] for d in digits)


_NUMBER_TEXT = re.compile(r"(-?)(\d+)(?:\.(\d+))?(?: (billion|trillion))?")
_HUGE_WORDS = ("more than a thousand trillion", "less than minus a thousand trillion")


def number_text_words(text: str) -> str:
    """A number as :func:`~scenes.kit.numbers.number` writes it, in words: the whole part in
    words, the digits after the point one by one, as shown.

    >>> number_text_words("-1.20"), number_text_words("3.2 billion"), number_text_words("0.05")
    ('minus one point two zero', 'three point two billion', 'zero point zero five')
    """
    if not isinstance(text, str):
        raise TypeError(f"a number text must be text, got {type(text).__name__}")
    if text in _HUGE_WORDS:
        return text
    match = _NUMBER_TEXT.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"not a number as numbers.number() writes one: {text!r}")
    sign, whole, frac, scale = match.groups()
    words = ("minus " if sign else "") + integer_words(int(whole))
    if frac:
        words += " point " + _digit_words(frac)
    return words + (f" {scale}" if scale else "")


def number_words(value: Any, decimals: int = 2) -> str:
    """``value`` in words, as :func:`~scenes.kit.numbers.number` shows it with ``decimals``."""
    return number_text_words(number(value, decimals))


def numbers_in_text(text: str) -> list[str]:
    """The numbers written in ``text`` (as :func:`~scenes.kit.numbers.number` writes them), in
    order; a minus counts when it stands before the digits (``-1.20``, ``(0.50, -1.00)``), not
    in ``x - 1``. Digits inside a name (``x1``) are not numbers.

    >>> numbers_in_text("From w = -1.00 to 2.5 billion, step 3; x1")
    ['-1.00', '2.5 billion', '3']
    """
    found = re.finditer(r"(?<![\w.])-?\d+(?:\.\d+)?(?: (?:billion|trillion)\b)?", text.replace("−", "-"))
    return [m.group() for m in found]


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
#: words a minute the narrators speak the lessons' lines at, so an estimate errs long.
WORDS_PER_SECOND = 140 / 60


def speech_seconds(words: str, rate: float = 1.0) -> float:
    """About how long a voice at ``rate`` takes to say ``words`` (a spoken form).

    >>> round(speech_seconds("w two equals w one minus eta times f prime of w one"), 2)
    5.57
    """
    return len(words.split()) / (WORDS_PER_SECOND * rate)


def narrated_parts(text: str, spoken: str | None, parts: Sequence[str], longest: float, width: int,
                   rate: float = 1.0) -> tuple[list[str], list[str | None]]:
    """``parts`` (the pieces ``text`` is shown in) and their spoken forms, with each part whose
    speech would keep it on screen longer than ``longest`` seconds cut into one-line pieces
    (then half-line ones), so that a narrated caption is no longer up than a silent one
    (numbers said in words take longer to hear than to read).

    >>> t = said("At ", eq("t", num(1.0, 2)), " s the object stops for an instant at ", eq("x", num(4.0, 2)), " m and turns.")
    >>> narrated_parts(t, t.spoken, [str(t)], 6.75, 42)
    (['At t = 1.00 s the object stops for', 'an instant at x = 4.00 m and turns.'], ['At t equals one point zero zero s the object stops for', 'an instant at x equals four point zero zero m and turns.'])
    """
    parts = list(parts)
    for cut_width in (width, max(width // 2, 12)):
        spoken_parts = split_spoken(text, spoken, parts)
        shorter: list[str] = []
        for part, words in zip(parts, spoken_parts):
            heard = words if words is not None else speak_text(part)
            pieces = split_caption(part, cut_width, 1) if speech_seconds(heard, rate) > longest else [part]
            shorter.extend(pieces)
        if shorter == parts:
            break
        parts = shorter
    return parts, split_spoken(text, spoken, parts)


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
    spoken_parts: list[list[str]] = [[] for _ in parts]
    index, seen = 0, 0
    for piece_text, piece_spoken, plain in text.pieces:
        size = sum(not c.isspace() for c in piece_text)
        if not plain:
            spoken_parts[index].append(piece_spoken)
            seen += size
            while index < len(cuts) and seen >= cuts[index]:
                index += 1
            continue
        start = 0
        for position, c in enumerate(piece_text):
            if c.isspace():
                continue
            if index < len(cuts) and seen >= cuts[index]:
                spoken_parts[index].append(piece_text[start:position])
                start = position
                index += 1
            seen += 1
        spoken_parts[index].append(piece_text[start:])
        while index < len(cuts) and seen >= cuts[index] and index < len(parts) - 1:
            index += 1
    result = [_join_spoken(p) for p in spoken_parts]
    return [r if r.strip() and speakable(r) else None for r in result]


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


_GREEK = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "zeta": "ζ", "eta": "η", "theta": "θ",
    "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "omicron": "ο", "pi": "π", "rho": "ρ",
    "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
}
_GREEK_WORDS = {glyph: word for word, glyph in _GREEK.items()}
_GREEK_WORDS.update({glyph.upper(): f"capital {word}" for word, glyph in _GREEK.items()})
_GREEK_WORDS.update({"ς": "sigma", "ϕ": "phi", "ϑ": "theta", "ϵ": "epsilon"})


def name_words(text: str) -> str:
    """A name (a variable, a Greek letter) as said: ``η`` "eta", ``x1`` "x one", ``x_2``
    "x two", ``theta`` "theta", ``dE`` "d E". Always speakable.

    >>> name_words("η"), name_words("x_10"), name_words("w2")
    ('eta', 'x ten', 'w two')
    """
    if not isinstance(text, str) or not text:
        raise ValueError(f"a name must be non-empty text, got {text!r}")
    words = []
    for token in re.findall(r"[^\W\d_]+|\d+", text):
        if token.isdigit():
            words.append(integer_words(int(token)) if len(token) < 16 else _digit_words(token))
        elif all(c in _GREEK_WORDS for c in token):
            words.extend(_GREEK_WORDS[c] for c in token)
        else:
            words.append(_ascii_words(token))
    spoken = " ".join(w for w in words if w)
    return spoken if spoken and speakable(spoken) else "a name"


def _ascii_words(token: str) -> str:
    """Letters of any script as ASCII where they have one (é: e), Greek by name, others dropped."""
    out = []
    for c in token:
        if c in _GREEK_WORDS:
            out.append(f" {_GREEK_WORDS[c]} ")
            continue
        base = unicodedata.normalize("NFKD", c).encode("ascii", "ignore").decode()
        out.append(base if base.isalpha() else " ")
    return " ".join("".join(out).split())


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


_RELATIONS = {
    "=": "equals",
    "≈": "is approximately",
    "≠": "is not equal to",
    ">": "is greater than",
    "<": "is less than",
    "≥": "is at least",
    "≤": "is at most",
}


def relation(symbol: str, word: str | None = None) -> Said:
    """`` = `` and its kin, with spaces around: "equals", "is approximately", "is greater
    than", "is at least" ... (``word`` to say it otherwise: ``relation("=", "is")``)."""
    if symbol not in _RELATIONS:
        raise ValueError(f"no spoken form for the relation {symbol!r}")
    return said((f" {symbol} ", f" {word or _RELATIONS[symbol]} "))


# -- formulas -----------------------------------------------------------------------------------------------
_FUNCTION_WORDS = {
    "sin": "sine of", "cos": "cosine of", "tan": "tangent of", "asin": "arcsine of", "acos": "arccosine of",
    "atan": "arctangent of", "sinh": "hyperbolic sine of", "cosh": "hyperbolic cosine of",
    "tanh": "hyperbolic tangent of", "log": "the natural log of", "Abs": "the absolute value of",
    "sigmoid": "sigmoid of", "relu": "relu of", "softplus": "softplus of", "sign": "the sign of",
    "exp": "e to the power", "asinh": "inverse hyperbolic sine of", "acosh": "inverse hyperbolic cosine of",
    "atanh": "inverse hyperbolic tangent of", "cot": "cotangent of", "sec": "secant of", "csc": "cosecant of",
}


def formula_words(text: str, variables: Iterable[str] = ("x",)) -> str:
    """A formula as typed (``text``, checked by the lesson parser), in words.

    >>> formula_words("0.5*x^2 - sin(x)/2")
    'zero point five x squared minus sine of x over two'
    >>> formula_words("0.3*(n**2 + 2*e**2)", ("n", "e"))
    'zero point three times the quantity n squared plus two e squared'
    """
    from mathcore.formula_text import display_expression

    return expression_words(display_expression(text, tuple(variables)))


def expression_words(expr: Any) -> str:
    """A sympy expression in words (terms in the order the tree holds them); any node this
    walker does not know is said by :func:`speak_text` of its printed form. Always speakable."""
    try:
        words = _Walker().words(expr)
    except (RecursionError, ValueError, TypeError, AttributeError):
        words = speak_text(str(expr))
    words = " ".join(words.split())
    return words if speakable(words) and words else speak_text(words) or "a formula"


class _Walker:
    def words(self, e: Any) -> str:
        import sympy

        if e.is_Symbol:
            return name_words(e.name)
        if e is sympy.S.Exp1:
            return "e"
        if e is sympy.S.Pi:
            return "pi"
        if e is sympy.S.ImaginaryUnit:
            return "i"
        if e in (sympy.S.Infinity, sympy.S.NegativeInfinity, sympy.S.ComplexInfinity):
            return {sympy.S.Infinity: "infinity", sympy.S.NegativeInfinity: "minus infinity"}.get(e, "complex infinity")
        if e is sympy.S.NaN:
            return "not a number"
        if e.is_Integer:
            return integer_words(int(e))
        if e.is_Rational:
            return f"{integer_words(int(e.p))} over {integer_words(int(e.q))}"
        if e.is_Float:
            return _float_words(e)
        if e.is_Add:
            return self.add(e)
        if e.is_Mul:
            return self.mul(e)
        if e.is_Pow:
            return self.power(e)
        if isinstance(e, sympy.Function) or getattr(e, "is_Function", False):
            return self.function(e)
        if getattr(e, "is_Relational", False):
            return f"{self.words(e.lhs)} {_RELATIONS.get(e.rel_op, 'compared with')} {self.words(e.rhs)}"
        return speak_text(str(e))

    def _negated(self, e: Any) -> Any | None:
        """``-e`` when ``e`` is written with a leading minus (a negative number, -1 * ...)."""
        import sympy

        if e.is_Number and e.is_negative:
            return -e
        if e.is_Mul and e.args and e.args[0].is_Number and e.args[0].is_negative:
            first = -e.args[0]
            rest = e.args[1:]
            if first == 1:
                return rest[0] if len(rest) == 1 else sympy.Mul(*rest, evaluate=False)
            return sympy.Mul(first, *rest, evaluate=False)
        return None

    def add(self, e: Any) -> str:
        out = []
        for k, term in enumerate(e.args):
            negated = self._negated(term)
            if negated is not None:
                out.append(("minus " if k else "minus ") + self.grouped(negated, add_ok=True))
            else:
                out.append(("plus " if k else "") + self.words(term))
        return " ".join(out)

    def grouped(self, e: Any, add_ok: bool = False) -> str:
        """``e`` as a factor: a sum inside a product or a power is "the quantity ..."."""
        if e.is_Add and not add_ok:
            return "the quantity " + self.words(e)
        return self.words(e)

    def mul(self, e: Any) -> str:
        import sympy

        negated = self._negated(e)
        if negated is not None:
            return "minus " + self.grouped(negated)
        top, bottom = [], []
        for factor in e.args:
            if factor.is_Pow and factor.exp.is_Number and factor.exp.is_negative:
                power = -factor.exp
                bottom.append(factor.base if power == 1 else sympy.Pow(factor.base, power, evaluate=False))
            elif factor.is_Rational and not factor.is_Integer and factor.p == 1:
                bottom.append(sympy.Integer(factor.q))
            else:
                top.append(factor)
        words = self.product(top) if top else "one"
        if bottom:
            under = self.product(bottom)
            words = f"{words} over {under}"
        return words

    def product(self, factors: list) -> str:
        out = ""
        previous = None
        for factor in factors:
            part = self.grouped(factor)
            if previous is None:
                out = part
            elif previous.is_Number and (factor.is_Symbol or (factor.is_Pow and factor.base.is_Symbol)):
                out += " " + part  # "three x", "zero point five x squared"
            else:
                out += " times " + part
            previous = factor
        return out

    def power(self, e: Any) -> str:
        import sympy

        base, exp = e.base, e.exp
        if base is sympy.S.Exp1:
            return f"e to the power {self.grouped(exp, add_ok=True)}"
        if exp == sympy.Rational(1, 2):
            return f"the square root of {self.grouped(base, add_ok=True)}"
        if exp == sympy.Rational(1, 3):
            return f"the cube root of {self.grouped(base, add_ok=True)}"
        if exp == -1:
            return f"one over {self.grouped(base)}"
        below = self.grouped(base) if not (base.is_Pow or base.is_Mul or (base.is_Number and base.is_negative)) else "the quantity " + self.words(base)
        if exp == 2:
            return f"{below} squared"
        if exp == 3:
            return f"{below} cubed"
        return f"{below} to the power {self.grouped(exp, add_ok=True)}"

    def function(self, e: Any) -> str:
        fname = type(e).__name__
        args = [self.words(a) for a in e.args]
        if fname == "exp":
            return f"e to the power {args[0]}"
        if fname == "log" and len(args) == 2:
            return f"the log to base {args[1]} of {args[0]}"
        lead = _FUNCTION_WORDS.get(fname) or f"{name_words(fname)} of"
        return f"{lead} {' and '.join(args)}"


def _float_words(value: Any) -> str:
    """A float of a formula at its shortest decimal form, in words (no exponent)."""
    text = format(Decimal(repr(float(value))), "f")
    sign = "minus " if text.startswith("-") else ""
    whole, _, frac = text.lstrip("-").partition(".")
    frac = frac.rstrip("0")
    words = sign + integer_words(int(whole))
    return words + (" point " + _digit_words(frac) if frac else "")


# -- the last resort: text written without a spoken form ------------------------------------------------------
_SYMBOL_WORDS = {
    "=": " equals ", "≈": " is approximately ", "≠": " is not equal to ", "≥": " is at least ", "≤": " is at most ",
    ">": " is greater than ", "<": " is less than ", "×": " times ", "·": " times ", "*": " times ", "÷": " divided by ",
    "/": " over ", "^": " to the power ", "−": " minus ", "+": " plus ", "→": " to ", "←": " from ", "±": " plus or minus ",
    "√": " the square root of ", "%": " percent ", "°": " degrees ", "&": " and ", "∞": " infinity ", "∑": " the sum of ",
    "Σ": " the sum of ", "∈": " in ", "²": " squared ", "³": " cubed ", "½": " one half ", "…": "...", "–": ", ", "—": ", ",
    "“": "", "”": "", "‘": "", "’": "'", '"': "", "[": " (", "]": ") ", "{": " (", "}": ") ", "|": " ", "#": " number ",
    "@": " at ", "~": " about ", "_": " ", "\\": " ",
}


def speak_text(text: str) -> str:
    """Text written without a spoken form, converted for a voice (the last resort: a caption
    function should write its spoken form itself). Numbers, Greek letters, primes, partials,
    gradients and relations become words; any other glyph is dropped. Always speakable.

    >>> speak_text("f'(1.5) = 1.25, η = 0.3")
    'f prime of one point five equals one point two five, eta equals zero point three'
    >>> speak_text("Along -∇f the slope is ∂f/∂n; |∇f| = 2")
    'Along minus the gradient of f the slope is partial f by partial n; the length of the gradient of f equals two'
    """
    if not isinstance(text, str):
        raise TypeError(f"speak_text needs text, got {type(text).__name__}")
    t = text.replace("−", "-")
    t = re.sub(r"\|\s*(-?)∇\s*(\w+)\s*\|", lambda m: f" the length of {'minus ' if m[1] else ''}the gradient of {m[2]} ", t)
    t = re.sub(r"\|([^|]{1,40})\|", r" the size of \1 ", t)
    t = re.sub(r"(?<![\w)])-\s*∇\s*(\w+)", r" minus the gradient of \1 ", t)
    t = re.sub(r"∇\s*(\w+)", r" the gradient of \1 ", t)
    t = re.sub(r"∂\s*(\w+)\s*/\s*∂\s*(\w+)", r" partial \1 by partial \2 ", t)
    t = re.sub(r"\bd([A-Za-z])\s*/\s*d([A-Za-z])\b", r" d \1 by d \2 ", t)
    t = re.sub(r"[ΔΔ]\s*", " delta ", t)
    t = t.replace("∂", " partial ").replace("∇", " the gradient of ")
    t = re.sub(r"(\w)''", r"\1 double prime ", t)
    t = re.sub(r"(?<![A-Za-z])([A-Za-z])'(?![A-Za-z])", r"\1 prime ", t)
    t = re.sub(r"\b([A-Za-z]|sin|cos|tan|exp|log|ln|sqrt)\s*(prime\s*)?\(([^()]{0,40})\)", _call_words, t)
    t = re.sub(r"\b([A-Za-z]+)(\d+)\b", lambda m: f"{m[1]} {integer_words(int(m[2])) if len(m[2]) < 16 else _digit_words(m[2])}", t)
    t = re.sub(r"(?<![\w.])-?\d+(?:\.\d+)?(?: (?:billion|trillion)\b)?", lambda m: f" {number_text_words(m.group())} ", t)
    t = re.sub(r"\d+", lambda m: f" {_digit_words(m.group())} ", t)  # digits left (1.2.3, 5x)
    t = re.sub(r"\s-\s", " minus ", f" {t} ")
    t = "".join(_SYMBOL_WORDS.get(c, f" {_GREEK_WORDS[c]} " if c in _GREEK_WORDS else c) for c in t)
    t = "".join(c if (c.isascii() or c in "'") else " " + _ascii_words(c) + " " for c in t)
    t = "".join(c if _SPEAKABLE.fullmatch(c) else " " for c in t)
    t = re.sub(r"(?<![A-Za-z])['\-]|['\-](?![A-Za-z])", " ", t)
    t = " ".join(t.split())
    t = re.sub(r" ([,.;:!?)])", r"\1", t)
    t = re.sub(r"\( ", "(", t)
    t = re.sub(r"\(\)", "", t)
    t = " ".join(t.split())
    return t if speakable(t) else "".join(c for c in t if speakable(c))


def _call_words(m: re.Match) -> str:
    fname, primed, args = m[1], m[2], m[3]
    parts = [a.strip() for a in args.split(",") if a.strip()]
    said_args = " and ".join(parts) if parts else ""
    lead = {"sin": "sine", "cos": "cosine", "tan": "tangent", "exp": "exp", "log": "log", "ln": "log", "sqrt": "the square root"}.get(fname, fname)
    return f" {lead} {'prime ' if primed else ''}of {said_args} "


def title_spoken(title: str, subtitle: str = "") -> str:
    """The spoken form of a title card, ``title: subtitle``: each part's own spoken form when
    it was written with one (:class:`Said`), else the author's free text converted
    (:func:`speak_text`), since a title is typed, not written from facts."""
    parts = [spoken_of(t) or speak_text(t) for t in (title, subtitle) if t]
    return ": ".join(p for p in parts if p) or "a lesson"


def eq(left: Any, right: Any, symbol: str = "=", word: str | None = None) -> Said:
    """``left = right`` (or another :func:`relation`), each side a name, a Said or a count.

    >>> eq("w", num(1.5)).spoken, eq(prime("f", num_text("2")), num(0.5), word="is").spoken
    ('w equals one point five zero', 'f prime of two is zero point five zero')
    """
    return said(_as_said(left), relation(symbol, word), _as_said(right))


def spoken_problems(text: str, spoken: str | None) -> list[str]:
    """What is wrong with ``spoken`` as the spoken form of caption ``text``: missing (None:
    the kit would fall back to converting the text), glyphs a voice cannot say, or a number
    of the text not said, in order (each number of ``text`` in words, :func:`number_text_words`).

    >>> spoken_problems("f = 1.25", "f equals one point two five")
    []
    >>> spoken_problems("f = 1.25 at w = 2", "f equals one point two at w equals two")
    ["'f = 1.25 at w = 2': the number 1.25 (one point two five) is not said in order"]
    """
    if spoken is None:
        return [f"{text!r} has no spoken form (the kit would convert the text)"]
    problems = []
    bad = unspeakable(spoken)
    if bad:
        problems.append(f"{text!r}: spoken {spoken!r} has glyphs {''.join(dict.fromkeys(bad))!r}")
    said_words = f" {' '.join(re.findall(r'[A-Za-z]+', spoken.lower()))} "
    at = 0
    for token in numbers_in_text(str(text)):
        words = f" {' '.join(re.findall(r'[A-Za-z]+', number_text_words(token)))} "
        found = said_words.find(words, at)
        if found < 0:
            problems.append(f"{text!r}: the number {token} ({words.strip()}) is not said in order")
        else:
            at = found + len(words) - 1
    return problems


def said_parts(text: str, parts: Sequence[str]) -> list[str]:
    """``parts`` (``text`` cut for the screen) each with its share of ``text``'s spoken form
    (:func:`split_spoken`): a :class:`Said` where there is one, else the plain part."""
    spoken = split_spoken(text, spoken_of(text), parts)
    return [Said(part, words) if words is not None else part for part, words in zip(parts, spoken)]
