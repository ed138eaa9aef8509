"""Beats: the moments of a lesson, each a caption written from computed facts.

A lesson scene is a sequence of beats. A beat has *facts* (a frozen record computed from
mathcore for this function and these settings), a caption written from those facts by a
pure function, and an animation. :class:`scenes.kit.lesson.LessonMixin` records every beat it
shows as a :class:`BeatRecord` (its caption, facts and times on the clip's clock), which is
what the tests read: without rendering, a scene's beats are checked against the reading
pace (:mod:`scenes.kit.pacing`), the claims its captions make (:mod:`scenes.kit.claims`) and the
layout (:mod:`scenes.kit.layout`).

A caption line is data too: :class:`Line` holds its text, the facts it was written from
(required: :data:`NO_FACTS` for a line that claims nothing) and how a voice would say it.
A lesson is cut into *parts* (``LessonMixin.begin_part``); each beat records its part, and
:func:`chapters` lists where each part starts on the clip's clock.

:class:`Facts` is a convenient base for a scene's fact records; any frozen dataclass (or
any object with attributes) will do.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from scenes.kit.claims import claim_problems
from scenes.kit.pacing import MAX_SECONDS, MIN_SECONDS, READING_LIMIT
from scenes.kit.picture import PictureFacts, picture_problems
from scenes.kit.spoken import speak_text, spoken_of

__all__ = ["BeatRecord", "Facts", "Line", "NO_FACTS", "chapters", "pace_problems", "require_facts", "said_for"]


@dataclass(frozen=True)
class Facts:
    """Base of a beat's facts: a frozen record with nothing in it (a caption that claims
    nothing, e.g. an introduction)."""


#: The facts of a beat whose caption makes no claim.
NO_FACTS = Facts()


def require_facts(text: str, facts: Any) -> Any:
    """``facts``, or a ``TypeError`` naming the caption ``text`` if there are none (None):
    no beat without facts (:data:`NO_FACTS` for a line that claims nothing).

    >>> require_facts("Hello.", NO_FACTS) is NO_FACTS
    True
    """
    if facts is None:
        raise TypeError(f"caption {text!r} has no facts: pass the record it was written from (NO_FACTS if it claims nothing)")
    return facts


@dataclass(frozen=True)
class Line:
    """One caption line as data: its ``text``, the ``facts`` it was written from, and
    ``spoken``, how a voice would say it (None: as written).

    ``facts`` is required (:data:`NO_FACTS` for a line that claims nothing); a line with no
    text, or with ``facts`` None, is refused with a ``TypeError``/``ValueError``.

    >>> Line("The ball starts here.", NO_FACTS).said
    'The ball starts here.'
    >>> Line("η = 0.3", NO_FACTS, spoken="eta is zero point three").said
    'eta is zero point three'
    >>> Line("η = 0.3", NO_FACTS).said  # no spoken form: the last resort converts the text
    'eta equals zero point three'
    """

    text: str
    facts: Any
    spoken: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise TypeError(f"a caption line's text must be text, not {type(self.text).__name__}")
        if not self.text.strip():
            raise ValueError("a caption line's text is empty")
        require_facts(self.text, self.facts)
        if self.spoken is None:  # a text written with its spoken form (scenes.kit.spoken.Said) brings it
            object.__setattr__(self, "spoken", spoken_of(self.text))
        if self.spoken is not None and (not isinstance(self.spoken, str) or not self.spoken.strip()):
            raise ValueError(f"caption {self.text!r}: spoken must be non-empty text or None")

    @property
    def said(self) -> str:
        """The words a voice says: ``spoken``, or, as a last resort, the text converted
        (:func:`~scenes.kit.spoken.speak_text`: numbers and symbols in words)."""
        return said_for(self.text, self.spoken)


def said_for(text: str, spoken: str | None) -> str:
    """What a voice says for caption ``text``: its ``spoken`` form when it has one, else the
    last resort, ``text`` converted by :func:`~scenes.kit.spoken.speak_text` (the tests list
    every lesson caption that would need it: there should be none).

    >>> said_for("η = 0.5", None)
    'eta equals zero point five'
    """
    return spoken if spoken is not None else speak_text(text)


@dataclass
class BeatRecord:
    """One caption as shown: its text, the facts it was written from, and when it was up.

    ``start`` and ``end`` are seconds on the clip's clock, from the moment the caption is
    fully visible... the moment it starts to fade (the subtitle cue has the same times).
    ``problems`` collects what the layout check found at the beat's end, when one ran;
    ``picture`` is what was drawn at the beat's end (:class:`~scenes.kit.picture.PictureFacts`:
    named objects visible, their places, the readouts' texts), recorded by the lesson, and
    ``picture_before`` what was drawn when the caption came up.
    ``part`` is the part of the lesson it belongs to (None before any), ``facts_given``
    False when the lesson showed it without facts, ``spoken`` how a voice says it (None: the text).
    """

    text: str
    facts: Any
    start: float
    end: float | None = None
    problems: tuple[str, ...] = ()
    picture: PictureFacts | None = None
    picture_before: PictureFacts | None = None
    part: str | None = None
    facts_given: bool = True
    spoken: str | None = None

    @property
    def duration(self) -> float:
        return (self.end if self.end is not None else self.start) - self.start

    @property
    def said(self) -> str:
        """The words a voice says for this beat: ``spoken``, or the text converted as a last
        resort (:func:`said_for`)."""
        return said_for(self.text, self.spoken)

    def claim_problems(self) -> list[str]:
        """Claims in the caption that its facts do not establish."""
        return claim_problems(self.text, self.facts)

    def picture_problems(self, before: PictureFacts | None = None) -> list[str]:
        """Where the caption and the picture at the beat's end disagree: a number a readout
        shows with other digits, a thing the facts name that is not visible, a ``moved``
        fact that the places (compared with ``before``, the picture at the beat's start)
        do not bear out."""
        return picture_problems(self.text, self.facts, self.picture, before)


def chapters(beats: list[BeatRecord], first: str = "") -> list[tuple[str, float]]:
    """(part, start time) of each part of a lesson, in order: the first at 0 (the clip's
    start, title card included), each later one at the start of its first beat.

    Beats before any part (none begun) belong to the first part; with no part at all the
    whole clip is one chapter named ``first`` (the lesson's title). A part that comes back
    after another is a new chapter.
    """
    found: list[tuple[str, float]] = []
    for beat in beats:
        if beat.part is None:
            continue
        if not found or found[-1][0] != beat.part:
            found.append((beat.part, float(beat.start)))
    if not found:
        return [(first, 0.0)] if beats or first else []
    found[0] = (found[0][0], 0.0)
    return found


def pace_problems(beats: list[BeatRecord]) -> list[str]:
    """Beats shown too fast, too briefly or too long, or overlapping the next one."""
    problems = []
    for beat in beats:
        if beat.end is None:
            problems.append(f"{beat.text!r} never ended")
            continue
        d = beat.duration
        if d <= 0 or len(beat.text) / d > READING_LIMIT + 1e-6:
            problems.append(f"{beat.text!r}: {len(beat.text)} characters in {d:.2f} s")
        if d < MIN_SECONDS - 1e-6 and d < 5 / 6:
            problems.append(f"{beat.text!r}: only {d:.2f} s")
        if d > MAX_SECONDS + 1e-6:
            problems.append(f"{beat.text!r}: {d:.2f} s on screen (more than {MAX_SECONDS:g})")
    for a, b in zip(beats, beats[1:]):
        if a.end is not None and b.start < a.end - 1e-6:
            problems.append(f"{a.text!r} and {b.text!r} overlap")
    return problems
