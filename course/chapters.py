"""Chapters and a transcript of a clip, from the beats its scene recorded.

A lesson is cut into parts (``LessonMixin.begin_part``) and every beat records its part
(:class:`scenes.kit.beats.BeatRecord`). From those records, with no video at hand:

- :func:`chapters_of`: one :class:`Chapter` per part (title, start, end), the first at 0;
- :func:`chapters_vtt`: the chapters as a WebVTT file (``<track kind="chapters">``);
- :func:`description_lines`: YouTube-style lines for a video description (``0:00 The curve``):
  the first at 0:00 and each at least :data:`MIN_CHAPTER` seconds long, shorter parts merged
  into the next (or, at the end, the previous) one;
- :func:`transcript_text`: the captions as paragraphs, one per part under its title.

>>> from scenes.kit.beats import BeatRecord, NO_FACTS
>>> beats = [BeatRecord("Slopes", NO_FACTS, 0.0, 2.0, part="The curve"),
...          BeatRecord("The curve rises.", NO_FACTS, 2.0, 14.0, part="The curve"),
...          BeatRecord("A step.", NO_FACTS, 14.0, 18.0, part="Walking"),
...          BeatRecord("Another step.", NO_FACTS, 18.0, 30.0, part="Walking")]
>>> [(c.title, c.start, c.end) for c in chapters_of(beats, 31.0, "Slopes")]
[('The curve', 0.0, 14.0), ('Walking', 14.0, 31.0)]
>>> description_lines(chapters_of(beats, 31.0, "Slopes"))
['0:00 The curve', '0:14 Walking']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the gallery uses this module's clock without importing the scenes' kit
    from scenes.kit.beats import BeatRecord

__all__ = ["Chapter", "MIN_CHAPTER", "chapters_of", "chapters_vtt", "clock", "description_lines", "description_text", "merged_for_description", "transcript_text"]

#: The shortest chapter a video description may list (YouTube's rule: 10 seconds).
MIN_CHAPTER = 10.0


@dataclass(frozen=True)
class Chapter:
    """One part of a clip: its ``title`` and its ``start`` and ``end`` in seconds."""

    title: str
    start: float
    end: float

    @property
    def duration(self) -> float:
        return self.end - self.start

    def as_dict(self) -> dict:
        return {"title": self.title, "start": round(self.start, 3), "end": round(self.end, 3)}


def chapters_of(beats: Sequence[BeatRecord], duration: float, title: str) -> list[Chapter]:
    """The chapters of a clip of ``duration`` seconds whose scene recorded ``beats``: one per
    part, in order (a part that comes back after another is a new chapter), the first at 0,
    each ending where the next begins and the last at ``duration``. A lesson without parts is
    one chapter named ``title``. A part that would begin at or after the clip's end is dropped.
    """
    from scenes.kit.beats import chapters

    if not isinstance(duration, (int, float)) or not duration > 0:
        raise ValueError(f"a clip's duration must be a positive number of seconds, got {duration!r}")
    if not isinstance(title, str) or not title.strip():
        raise ValueError(f"a clip needs a title for its chapters, got {title!r}")
    marks = [(name, start) for name, start in chapters(list(beats), title) if start < duration] or [(title, 0.0)]
    ends = [start for _, start in marks[1:]] + [float(duration)]
    return [Chapter(" ".join(str(name).split()) or title, float(start), float(end)) for (name, start), end in zip(marks, ends)]


def _stamp(seconds: float) -> str:
    """``seconds`` as a WebVTT time stamp, hh:mm:ss.ttt.

    >>> _stamp(75.5)
    '00:01:15.500'
    """
    millis = int(round(seconds * 1000))
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    whole, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{whole:02d}.{millis:03d}"


def _vtt_text(text: str) -> str:
    # & and < start entities and tags in WebVTT, "-->" may not appear, a newline would end the cue
    return " ".join(text.split()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def chapters_vtt(chapters_list: Sequence[Chapter]) -> str:
    """A WebVTT chapters file: one cue per chapter, its text the chapter's title."""
    blocks = ["WEBVTT"]
    for number, chapter in enumerate(chapters_list, start=1):
        blocks.append(f"chapter-{number}\n{_stamp(chapter.start)} --> {_stamp(chapter.end)}\n{_vtt_text(chapter.title)}")
    return "\n\n".join(blocks) + "\n"


def clock(seconds: float) -> str:
    """A description's time mark: minutes and whole seconds, rounded down (a mark never points
    past its part), hours when needed.

    >>> clock(0), clock(75.9), clock(3725)
    ('0:00', '1:15', '1:02:05')
    """
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def merged_for_description(chapters_list: Sequence[Chapter], least: float = MIN_CHAPTER) -> list[Chapter]:
    """The chapters with every one shorter than ``least`` seconds merged into the next (the
    last into the one before it); a merged chapter's title names its parts in order
    ("The rule · Walking down"). A clip shorter than ``least`` stays one chapter."""
    groups: list[list[Chapter]] = []
    current: list[Chapter] = []
    for chapter in chapters_list:
        current.append(chapter)
        if current[-1].end - current[0].start >= least:
            groups.append(current)
            current = []
    if current:
        if groups:
            groups[-1].extend(current)
        else:
            groups.append(current)
    return [Chapter(" · ".join(c.title for c in group), group[0].start, group[-1].end) for group in groups]


def description_lines(chapters_list: Sequence[Chapter], least: float = MIN_CHAPTER) -> list[str]:
    """YouTube-style chapter lines for a video's description: ``"0:00 The curve"``, the first
    at 0:00, each chapter at least ``least`` seconds long (see :func:`merged_for_description`).
    Marks are rounded down, so two marks are at least ``least`` whole seconds apart too."""
    return [f"{clock(c.start)} {c.title}" for c in merged_for_description(chapters_list, least)]


def description_text(chapters_list: Sequence[Chapter]) -> str:
    """:func:`description_lines` as the text of ``<id>.chapters.txt``."""
    return "\n".join(description_lines(chapters_list)) + "\n"


def transcript_text(beats: Sequence[BeatRecord], chapters_list: Sequence[Chapter], heading: str, title_card: str = "") -> str:
    """The captions of a clip as a text transcript: ``heading`` first, then one paragraph per
    chapter under its title, the captions of the beats that start in it joined in order.

    ``title_card`` is the text of the title card's beat (the lesson's title and subtitle):
    shown as the line under the heading rather than as a sentence of the first paragraph.
    A part split into several captions reads as one paragraph again.
    """
    lines = [" ".join(heading.split())]
    beats = list(beats)
    if title_card and beats and beats[0].text == title_card:
        if " ".join(title_card.split()) != lines[0]:
            lines.append(" ".join(title_card.split()))
        beats = beats[1:]
    for number, chapter in enumerate(chapters_list):
        last = number == len(chapters_list) - 1
        inside = [b for b in beats if chapter.start - 1e-6 <= b.start and (last or b.start < chapter.end - 1e-6)]
        words = " ".join(" ".join(b.text.split()) for b in inside)
        if words:
            lines += ["", chapter.title, words]
    return "\n".join(lines) + "\n"
