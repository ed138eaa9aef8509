"""Narration timing: how long a voice takes to say a line, and the pieces a long caption is
shown and spoken in (pure; no manim; part of :mod:`scenes.kit.spoken`).

:func:`speech_seconds` estimates a line's speech before any voice runs (a dry run, the
clip-length check, the cutting below): syllables and pauses, fitted to the default voice
(Piper's ``en_US-joe-medium``, whose speed espeak-ng's voices match on average) and then
lengthened by :data:`ESTIMATE_MARGIN`, so that the estimate errs long: measured against
Piper on 242 cues of nine lessons (133 to fit, 109 held out), a clip's speech is
over-estimated by 11 to 12 % (espeak-ng: 10 %). Cues vary more than clips (a semicolon
makes Piper pause long), so whether a caption must be cut is decided with the larger
:data:`CUT_MARGIN`.

:func:`narrated_parts` cuts a caption whose speech would keep it on screen too long (numbers
said in words take longer to hear than to read) into pieces, at clause and phrase boundaries
only: a sentence end, a colon or semicolon, a comma, then before a joining word ("so",
"and", "where", "then" ...), then before a preposition ("at", "from", "after" ...); never
inside a number or a symbol, never leaving a piece of fewer than :data:`MIN_PIECE_WORDS`
words on screen.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from scenes.kit.said import Said, spoken_at_cuts, split_spoken
from scenes.kit.spoken_words import speak_text

__all__ = [
    "CUT_MARGIN",
    "ESTIMATE_MARGIN",
    "MIN_PIECE_WORDS",
    "NEXT_SWAP",
    "WORDS_PER_SECOND",
    "narrated_parts",
    "speech_seconds",
    "syllables",
]

#: The default voice's measured pace at rate 1 over the lessons' lines, in words a second
#: (158 words a minute; a teacher's pace is 150 to 170). For reference: the estimate counts
#: syllables and pauses (:func:`speech_seconds`), as numbers said in words are long words.
WORDS_PER_SECOND = 158 / 60
#: Seconds of speech per syllable, per comma and per stop inside a line (a sentence end,
#: colon or semicolon followed by more words), at rate 1: least squares over 242 cues of nine
#: lessons spoken by Piper (the mean error of the fit is 0.35 s a cue).
SYLLABLE_SECONDS = 0.255
COMMA_SECONDS = 0.385
STOP_SECONDS = 0.27
#: The estimate's margin over the fit, for timing (a beat, a clip): a clip's speech is then
#: over-estimated by about a tenth (measured: 1.11 to 1.12 for Piper, 1.10 for espeak-ng).
ESTIMATE_MARGIN = 1.12
#: The margin used to decide whether a caption must be cut (:func:`narrated_parts`): 99 in
#: 100 cues of over 4 s took at most the fit times this (Piper; 19 in 20 for espeak-ng).
CUT_MARGIN = 1.2
#: The fewest words a narrated piece of a caption shows.
MIN_PIECE_WORDS = 3
#: A caption stays up until the next one is half way in: half of a caption swap (0.4 s by
#: default), which :func:`narrated_parts` leaves out of the time a piece may be spoken.
NEXT_SWAP = 0.25


def syllables(word: str) -> int:
    """About how many syllables ``word`` has when said (a single letter is said by its name:
    "w" has three).

    >>> [syllables(w) for w in ("w", "f", "minus", "zero", "point", "seventy", "changes", "slope")]
    [3, 1, 2, 2, 1, 3, 2, 1]
    """
    w = word.lower().strip("'")
    if len(w) == 1:
        return 3 if w == "w" else 1
    count = len(re.findall(r"[aeiouy]+", w))
    if count > 1 and w.endswith("e") and not w.endswith(("le", "ee")):
        count -= 1  # a silent e: slope, time
    if count > 1 and w.endswith(("es", "ed")) and not w.endswith(("ses", "zes", "ches", "shes", "ges", "ces", "ted", "ded")):
        count -= 1  # slopes, moved
    return max(count, 1)


def speech_seconds(words: str, rate: float = 1.0, margin: float = ESTIMATE_MARGIN) -> float:
    """About how long a voice at ``rate`` takes to say ``words`` (a spoken form), erring long
    by ``margin`` (see the module's text).

    >>> round(speech_seconds("w two equals w one minus eta times f prime of w one"), 2)
    6.28
    >>> round(speech_seconds("Slope negative: w grows. Slope positive: w shrinks."), 2)
    5.48
    """
    said = re.findall(r"[A-Za-z']+", words)
    body = words.strip().rstrip(".!?:;,")
    seconds = (
        SYLLABLE_SECONDS * sum(syllables(w) for w in said)
        + COMMA_SECONDS * body.count(",")
        + STOP_SECONDS * len(re.findall(r"[.!?:;](?=\s)", body))
    )
    return margin * seconds / rate


def narrated_parts(text: str, spoken: str | None, parts: Sequence[str], longest: float, width: int,
                   rate: float = 1.0) -> tuple[list[str], list[str | None]]:
    """``parts`` (the pieces ``text`` is shown in) and their spoken forms, with each part whose
    speech would last longer than ``longest`` seconds (less :data:`NEXT_SWAP`) cut into
    pieces at clause and phrase boundaries (see the module's text), so that a narrated
    caption is no longer up than a silent one. ``width`` is the caption's line width (each
    piece of a part fits it too).

    >>> from scenes.kit.said import eq, num, said
    >>> t = said("At ", eq("t", num(1.25)), " s the object stops for an instant at ", eq("x", num(4.75)), " m, then it turns back toward the start.")
    >>> parts, spoken = narrated_parts(t, t.spoken, [str(t)], 6.75, 42)
    >>> parts
    ['At t = 1.25 s the object stops for an instant', 'at x = 4.75 m, then it turns back toward the start.']
    >>> spoken
    ['At t equals one point two five s the object stops for an instant', 'at x equals four point seven five m, then it turns back toward the start.']
    """
    parts = list(parts)
    longest -= NEXT_SWAP
    spoken_parts = split_spoken(text, spoken, parts)
    out: list[str] = []
    offset = 0  # characters (not spaces) of ``text`` before this part
    for part, words in zip(parts, spoken_parts):
        heard = words if words is not None else speak_text(part)
        if speech_seconds(heard, rate, CUT_MARGIN) <= longest:
            out.append(part)
        elif words is not None and isinstance(text, Said):
            out.extend(_cut(part, _Heard(text, offset), longest, rate))
        else:
            out.extend(_cut(part, _Heard(None, 0), longest, rate))
        offset += sum(not c.isspace() for c in part)
    if out == parts:
        return parts, spoken_parts
    pieces_spoken = split_spoken(text, spoken, out)
    if spoken is not None and not isinstance(text, Said):  # a plain text with its spoken form given (a title card)
        converted = [speak_text(piece) for piece in out]
        if _words(" ".join(converted)) == _words(spoken):  # the spoken form is the text's own words
            pieces_spoken = converted
    return out, pieces_spoken


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower())


#: Words a clause or phrase starts with: a caption may be cut before them.
_JOINING = frozenset("so and where then but which while because until when since or yet whereas although though once if".split())
_PREPOSITIONS = frozenset(
    "at after from to with in on for over toward towards along into before between by through across under against "
    "than past near without within minus plus times".split()
)
#: What a cut costs by kind: a sentence end, a colon or semicolon, a comma, before a joining
#: word, before a preposition (or "minus", "plus", "times" written in words); any other space
#: only when nothing else keeps a piece short enough.
_CUT_COST = (0.0, 1.0, 2.0, 4.0, 8.0, 60.0)
_PIECE_COST = 3.0  # each cut: fewer pieces are better
#: What a piece costs when its speech fits only with a smaller margin than CUT_MARGIN: with
#: the timing margin, with none (the best estimate); over even that, as much again per second.
_SNUG_COST = (10.0, 40.0)
_TOO_LONG = 1000.0


class _Heard:
    """The spoken form of any run of a caption's words: from the caption's pieces when it is
    a :class:`Said` (``offset``: its characters before the part being cut), else converted."""

    def __init__(self, said_text: Said | None, offset: int) -> None:
        self.said_text, self.offset = said_text, offset
        marks: list[tuple[int, bool]] = []
        if said_text is not None:
            for index, (piece_text, _, plain) in enumerate(said_text.pieces):
                marks.extend((index, plain) for c in piece_text if not c.isspace())
        self.marks = marks

    def may_cut(self, at: int) -> bool:
        """True unless a cut ``at`` characters into the part falls inside a number or symbol."""
        if self.said_text is None:
            return True
        i = self.offset + at
        if not 0 < i < len(self.marks):
            return True
        (before, plain), (after, _) = self.marks[i - 1], self.marks[i]
        return before != after or plain

    def words(self, start: int, end: int, text: str) -> str:
        if self.said_text is None:
            return speak_text(text)
        return spoken_at_cuts(self.said_text, [self.offset + start, self.offset + end])[1] or speak_text(text)


def _cut(part: str, heard: _Heard, longest: float, rate: float) -> list[str]:
    """``part`` in pieces, each said in at most ``longest`` seconds where boundaries allow
    (else as little over as they allow): the cheapest set of cuts (see :data:`_CUT_COST`).
    Every piece has at least :data:`MIN_PIECE_WORDS` words, and so has the bit of a sentence
    a piece begins or ends with when it is cut inside that sentence (no "67." or "to 0.50."
    cut off the sentence it ends). The part itself when no cut keeps to that."""
    tokens = part.split()
    n = len(tokens)
    counted = [1 if re.search(r"\w", t) else 0 for t in tokens]  # "=" or "→" is not a word on its own
    ends = [sum(len(t) for t in tokens[: j + 1]) for j in range(n)]  # characters up to the end of token j
    stops = [j + 1 for j in range(n - 1) if tokens[j].endswith((".", "!", "?"))]  # sentence ends inside
    kinds: dict[int, int] = {0: 0, n: 0}  # cut before token j -> kind (0..5), when allowed
    depth = 0
    for j in range(1, n):
        depth += tokens[j - 1].count("(") + tokens[j - 1].count("[") - tokens[j - 1].count(")") - tokens[j - 1].count("]")
        if depth > 0 or not heard.may_cut(ends[j - 1]):
            continue
        kinds[j] = _kind(tokens[j - 1], tokens[j])

    def fits(i: int, j: int) -> bool:
        if sum(counted[i:j]) < MIN_PIECE_WORDS:
            return i == 0 and j == n
        inside = [k for k in stops if i < k < j]
        head = inside[0] if inside else j  # the piece's first sentence (or bit of one) ends here
        tail = inside[-1] if inside else i
        return (kinds[i] == 0 or sum(counted[i:head]) >= MIN_PIECE_WORDS) and (kinds[j] == 0 or sum(counted[tail:j]) >= MIN_PIECE_WORDS)

    def piece_cost(i: int, j: int) -> float:
        fitted = speech_seconds(heard.words(ends[i - 1] if i else 0, ends[j - 1], " ".join(tokens[i:j])), rate, 1.0)
        if fitted * CUT_MARGIN <= longest:
            cost = 0.0
        elif fitted * ESTIMATE_MARGIN <= longest:
            cost = _SNUG_COST[0]
        elif fitted <= longest:
            cost = _SNUG_COST[1]
        else:
            cost = _TOO_LONG * (1 + fitted - longest)
        return cost + 0.1 * (fitted / longest) ** 2

    best: dict[int, tuple[float, list[int]]] = {0: (0.0, [0])}
    for j in sorted(kinds)[1:]:
        options = [
            (cost + piece_cost(i, j) + (0.0 if j == n else _CUT_COST[kinds[j]] + _PIECE_COST), cuts + [j])
            for i, (cost, cuts) in best.items()
            if i < j and fits(i, j)
        ]
        if options:
            best[j] = min(options, key=lambda option: option[0])
    if n not in best:
        return [part]
    cuts = best[n][1]
    return [" ".join(tokens[a:b]) for a, b in zip(cuts, cuts[1:])]


def _kind(before: str, after: str) -> int:
    """The kind of boundary between the words ``before`` and ``after`` (see :data:`_CUT_COST`)."""
    word = re.sub(r"\W", "", after).lower()
    if before.endswith((".", "!", "?")):
        return 0
    if before.endswith((":", ";")):
        return 1
    if before.endswith(",") or after.startswith("("):  # a comma, or before a remark in parentheses
        return 2
    if word in _JOINING:
        return 3
    if word in _PREPOSITIONS:
        return 4
    return 5
