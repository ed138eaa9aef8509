"""One reading policy for every caption of every lesson.

A caption stays on screen at least its reading time: its length read at
:data:`CHARS_PER_SECOND` (below the adult subtitle standard of 17 characters a second) plus a
short settle, and never less than :data:`MIN_SECONDS`. A caption holds at most
:data:`MAX_SECONDS`; a longer thought is split into parts of at most two lines of
:data:`LINE_WIDTH` characters (:func:`split_caption`), each read in turn.

These are pure functions: the tests check every caption of a scene against them without
rendering, and :class:`scenes.kit.lesson.LessonMixin` applies them while it animates.
"""

from __future__ import annotations

import re
import textwrap

__all__ = [
    "CHARS_PER_SECOND",
    "LINE_WIDTH",
    "MAX_LINES",
    "MAX_SECONDS",
    "MIN_SECONDS",
    "READING_LIMIT",
    "SETTLE",
    "reading_time",
    "split_caption",
    "wrap_caption",
]

#: The pace captions are timed for, in characters a second (the rule's limit is 17).
CHARS_PER_SECOND = 15.0
#: The pace no caption may exceed (the adult subtitle standard).
READING_LIMIT = 17.0
#: Seconds added to every caption for the eye to find it.
SETTLE = 0.4
#: The shortest time a caption stays up.
MIN_SECONDS = 1.2
#: The longest time one caption should stay up; longer thoughts are split.
MAX_SECONDS = 7.0
#: Characters per caption line, and lines per caption.
LINE_WIDTH = 42
MAX_LINES = 2


def reading_time(text: str) -> float:
    """Seconds ``text`` must stay on screen to be read at :data:`CHARS_PER_SECOND`."""
    return max(MIN_SECONDS, len(text) / CHARS_PER_SECOND + SETTLE)


def wrap_caption(text: str, width: int = LINE_WIDTH) -> list[str]:
    """``text`` as caption lines of at most ``width`` characters (words are not broken)."""
    return textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False) or [""]


def split_caption(text: str, width: int = LINE_WIDTH, lines: int = MAX_LINES) -> list[str]:
    """Split ``text`` into captions of at most ``lines`` lines of ``width`` characters.

    Cuts first at sentence ends, then at a colon, semicolon or comma near the middle, then
    between words near the middle, so that each part reads as a phrase.
    """
    text = " ".join(text.split())
    if len(wrap_caption(text, width)) <= lines:
        return [text]
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if s]
    if len(sentences) > 1:
        parts: list[str] = []
        current = ""
        for sentence in sentences:
            joined = f"{current} {sentence}".strip()
            if current and len(wrap_caption(joined, width)) > lines:
                parts.append(current)
                current = sentence
            else:
                current = joined
        parts.append(current)
        return [piece for part in parts for piece in split_caption(part, width, lines)]
    middle = len(text) / 2
    cuts = [i + 1 for i, c in enumerate(text[:-1]) if c in ":;," and text[i + 1] == " "]
    cuts = [i for i in cuts if abs(i - middle) < len(text) / 3] or [i for i, c in enumerate(text) if c == " "]
    if not cuts:
        return [text]
    cut = min(cuts, key=lambda i: abs(i - middle))
    return split_caption(text[:cut].strip(), width, lines) + split_caption(text[cut:].strip(), width, lines)
