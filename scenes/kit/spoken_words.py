"""Words a voice can say: the speakable check, numbers and names in words, and the last-resort
conversion of glyphs (pure; no manim; part of :mod:`scenes.kit.spoken`).

A number is said as a teacher says the value shown (:func:`number_text_words`, the one place
the rule lives): the whole part in words, then "point" and the digits after the point one by
one, without the zeros that end them ("-0.500" is "minus zero point five", "1.20" is "one
point two", "2.00" is "two"; the value heard is the value shown). A value shown with a scale
word keeps it ("3.2 billion": "three point two billion").

    >>> number_text_words("-0.500"), number_text_words("0.05"), number_text_words("1.00")
    ('minus zero point five', 'zero point zero five', 'one')
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from scenes.kit.numbers import number

__all__ = [
    "integer_words",
    "name_words",
    "number_text_words",
    "number_words",
    "numbers_in_text",
    "speak_text",
    "speakable",
    "unspeakable",
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


_NUMBER_TEXT = re.compile(r"(-?)(\d+)(?:\.(\d+))?(?: (million|billion|trillion))?")
_HUGE_WORDS = ("more than a thousand trillion", "less than minus a thousand trillion")


def number_text_words(text: str) -> str:
    """A number as :func:`~scenes.kit.numbers.number` writes it, in words, as a teacher says
    the value shown: the whole part in words, then "point" and the digits after the point one
    by one, without the zeros that end them (the value heard is the value shown).

    >>> number_text_words("-1.20"), number_text_words("3.2 billion"), number_text_words("0.05")
    ('minus one point two', 'three point two billion', 'zero point zero five')
    >>> number_text_words("-0.500"), number_text_words("12.00"), number_text_words("-0.0")
    ('minus zero point five', 'twelve', 'zero')
    """
    if not isinstance(text, str):
        raise TypeError(f"a number text must be text, got {type(text).__name__}")
    if text in _HUGE_WORDS:
        return text
    match = _NUMBER_TEXT.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"not a number as numbers.number() writes one: {text!r}")
    sign, whole, frac, scale = match.groups()
    frac = (frac or "").rstrip("0")
    zero = int(whole) == 0 and not frac
    words = ("minus " if sign and not zero else "") + integer_words(int(whole))
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
    found = re.finditer(r"(?<![\w.])-?\d+(?:\.\d+)?(?: (?:million|billion|trillion)\b)?", text.replace("−", "-"))
    return [m.group() for m in found]


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


_RELATIONS = {
    "=": "equals",
    "≈": "is approximately",
    "≠": "is not equal to",
    ">": "is greater than",
    "<": "is less than",
    "≥": "is at least",
    "≤": "is at most",
}


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
    t = re.sub(r"(?<![\w.])-?\d+(?:\.\d+)?(?: (?:million|billion|trillion)\b)?", lambda m: f" {number_text_words(m.group())} ", t)
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
