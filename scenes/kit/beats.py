"""Beats: the moments of a lesson, each a caption written from computed facts.

A lesson scene is a sequence of beats. A beat has *facts* (a frozen record computed from
mathcore for this function and these settings), a caption written from those facts by a
pure function, and an animation. :class:`scenes.kit.lesson.LessonMixin` records every beat it
shows as a :class:`BeatRecord` (its caption, facts and times on the clip's clock), which is
what the tests read: without rendering, a scene's beats are checked against the reading
pace (:mod:`scenes.kit.pacing`), the claims its captions make (:mod:`scenes.kit.claims`) and the
layout (:mod:`scenes.kit.layout`).

:class:`Facts` is a convenient base for a scene's fact records; any frozen dataclass (or
any object with attributes) will do.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from scenes.kit.claims import claim_problems
from scenes.kit.pacing import MAX_SECONDS, MIN_SECONDS, READING_LIMIT
from scenes.kit.picture import PictureFacts, picture_problems

__all__ = ["BeatRecord", "Facts", "NO_FACTS", "pace_problems"]


@dataclass(frozen=True)
class Facts:
    """Base of a beat's facts: a frozen record with nothing in it (a caption that claims
    nothing, e.g. an introduction)."""


#: The facts of a beat whose caption makes no claim.
NO_FACTS = Facts()


@dataclass
class BeatRecord:
    """One caption as shown: its text, the facts it was written from, and when it was up.

    ``start`` and ``end`` are seconds on the clip's clock, from the moment the caption is
    fully visible... the moment it starts to fade (the subtitle cue has the same times).
    ``problems`` collects what the layout check found at the beat's end, when one ran;
    ``picture`` is what was drawn at the beat's end (:class:`~scenes.kit.picture.PictureFacts`:
    named objects visible, their places, the readouts' texts), recorded by the lesson.
    """

    text: str
    facts: Any
    start: float
    end: float | None = None
    problems: tuple[str, ...] = ()
    picture: PictureFacts | None = None

    @property
    def duration(self) -> float:
        return (self.end if self.end is not None else self.start) - self.start

    def claim_problems(self) -> list[str]:
        """Claims in the caption that its facts do not establish."""
        return claim_problems(self.text, self.facts)

    def picture_problems(self, before: PictureFacts | None = None) -> list[str]:
        """Where the caption and the picture at the beat's end disagree: a number a readout
        shows with other digits, a thing the facts name that is not visible, a ``moved``
        fact that the places (compared with ``before``, the picture at the beat's start)
        do not bear out."""
        return picture_problems(self.text, self.facts, self.picture, before)


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
