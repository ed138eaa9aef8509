"""Captions for the web: manim's subcaptions (.srt) also written as WebVTT (.vtt)."""

from __future__ import annotations

import srt

__all__ = ["Cue", "read_srt", "to_srt", "to_vtt"]

Cue = srt.Subtitle


def read_srt(text: str) -> list[Cue]:
    """Parse SubRip text into cues sorted by start time."""
    return sorted(srt.parse(text), key=lambda cue: (cue.start, cue.end))


def to_srt(cues: list[Cue]) -> str:
    """SubRip text with the cues renumbered from 1."""
    return srt.compose(cues, reindex=True)


def _stamp(delta) -> str:
    milliseconds = int(round(delta.total_seconds() * 1000))
    hours, rest = divmod(milliseconds, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def to_vtt(cues: list[Cue]) -> str:
    """WebVTT text for the cues, as a browser's ``<track>`` reads it."""
    blocks = ["WEBVTT"]
    for number, cue in enumerate(cues, start=1):
        # & and < start entities and tags in WebVTT and "-->" may not appear in cue text, so
        # &, < and > are escaped (a browser shows them as typed); a blank line would end the cue.
        text = cue.content.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        lines = [line for line in text.splitlines() if line.strip()]
        blocks.append(f"{number}\n{_stamp(cue.start)} --> {_stamp(cue.end)}\n" + "\n".join(lines))
    return "\n\n".join(blocks) + "\n"
