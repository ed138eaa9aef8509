"""What a person watching a build sees: clips done, each running clip's share, time left.

On a terminal, a live display (rich): one bar per running clip (the seconds of video drawn
against the clip's expected length), clips done / total, elapsed time and an estimate of the
time left. Elsewhere (CI, a log file), plain lines: one when a clip starts, one when it is
done, and a status line every ``every`` seconds.

A clip's expected length is its length in the previous build of the folder; for a clip
never built, the mean length of the clips known so far (none at the very start of a
first build: the estimate appears when the first clip is done). Time left is the video
still to draw divided by the rate of drawing so far (video seconds per wall second, over
all clips at once), so it includes what parallel workers add.
"""

from __future__ import annotations

import sys
import threading
import time
from dataclasses import dataclass
from typing import TextIO

from .job_process import Progress

__all__ = ["BuildProgress", "clock"]


def clock(seconds: float) -> str:
    """``75.2`` -> ``"1:15"``; ``3725`` -> ``"1:02:05"``."""
    seconds = int(round(max(seconds, 0.0)))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


@dataclass
class _Clip:
    id: str
    scene: str
    expected: float | None  # seconds of video, from the previous build
    drawn: float = 0.0
    phase: str = "waiting"
    where: str = ""
    length: float | None = None  # once done


class BuildProgress:
    """Collects progress from any thread; :meth:`tick` (main thread) shows it.

    Parameters
    ----------
    clips : list of (id, scene, expected length in seconds or None)
        The clips to render.
    total : int
        All clips of the course (those up to date count as done).
    out : file
        Where to write (default stdout); a terminal gets the live display.
    live : bool, optional
        Force the live display on or off.
    every : float
        Seconds between status lines in plain mode.
    """

    def __init__(self, clips: list[tuple[str, str, float | None]], total: int, out: TextIO | None = None, live: bool | None = None, every: float = 30.0):
        self._out = out or sys.stdout
        self._clips = {id: _Clip(id, scene, expected) for id, scene, expected in clips}
        self._total, self._done = total, total - len(clips)
        self._lock = threading.Lock()
        self._start = time.monotonic()
        self._every, self._last_status = every, time.monotonic()
        self._live = None
        if live if live is not None else self._out.isatty():
            from rich.console import Console
            from rich.live import Live

            console = Console(file=self._out)
            self._live = Live(get_renderable=self._renderable, console=console, auto_refresh=False, transient=True)
            self._live.start()

    # --- fed from worker threads -------------------------------------------------------
    def update(self, progress: Progress) -> None:
        """A report from a running clip (a clip reporting from another worker restarted there)."""
        with self._lock:
            clip = self._clips.get(progress.clip)
            if clip is None or clip.length is not None:
                return
            first, moved = clip.phase == "waiting", clip.where not in ("", progress.where)
            lost = clip.where
            clip.phase, clip.where = progress.phase, progress.where
            clip.drawn = progress.seconds if moved else max(clip.drawn, progress.seconds)
        if first:
            where = f" on {progress.where}" if progress.where != "local" else ""
            self.note(f"[{self._done}/{self._total}] rendering {clip.id} ({clip.scene}){where}")
        elif moved:
            self.note(f"[{self._done}/{self._total}] rendering {clip.id} again on {progress.where} ({lost} was lost)")

    def finished(self, clip_id: str, wall: float, length: float) -> None:
        """A clip is rendered, checked and published."""
        with self._lock:
            clip = self._clips[clip_id]
            clip.length, clip.drawn, clip.phase = length, length, "done"
            self._done += 1
            left = self.time_left()
        tail = f"; about {clock(left)} left" if left is not None and self._done < self._total else ""
        self.note(f"[{self._done}/{self._total}] done {clip_id} in {wall:.1f} s ({length:.1f} s of video){tail}")

    # --- main thread ---------------------------------------------------------------------
    def tick(self) -> None:
        """Redraw the live display, or print a status line when one is due."""
        if self._live is not None:
            self._live.refresh()
        elif time.monotonic() - self._last_status >= self._every:
            self._last_status = time.monotonic()
            self.note(self.status())

    def close(self) -> None:
        if self._live is not None:
            self._live.stop()
            self._live = None

    # --- numbers ---------------------------------------------------------------------------
    def _expected(self, clip: _Clip) -> float | None:
        if clip.length is not None:
            return clip.length
        if clip.expected is not None:
            return max(clip.expected, clip.drawn)
        known = [c.length if c.length is not None else c.expected for c in self._clips.values()]
        known = [value for value in known if value is not None]
        return max(sum(known) / len(known), clip.drawn) if known else None

    def share(self, clip_id: str) -> float | None:
        """The share (0..1) of a clip's expected length drawn so far, or None if unknown."""
        clip = self._clips[clip_id]
        expected = self._expected(clip)
        return min(clip.drawn / expected, 1.0) if expected else None

    def time_left(self) -> float | None:
        """Seconds of wall time the build still needs, estimated, or None (no basis yet)."""
        expected = [self._expected(clip) for clip in self._clips.values()]
        drawn = sum(clip.drawn for clip in self._clips.values())
        elapsed = time.monotonic() - self._start
        if None in expected or drawn <= 0 or elapsed <= 0:
            return None
        return max(sum(expected) - drawn, 0.0) / (drawn / elapsed)

    def status(self) -> str:
        with self._lock:
            running = [c for c in self._clips.values() if c.length is None and c.phase != "waiting"]
            parts = [f"{c.id} {self._share_text(c)}" for c in running]
            left = self.time_left()
        elapsed = clock(time.monotonic() - self._start)
        estimate = f", about {clock(left)} left" if left is not None else ""
        return f"[{self._done}/{self._total}] elapsed {elapsed}{estimate}" + (f"; rendering {', '.join(parts)}" if parts else "")

    def _share_text(self, clip: _Clip) -> str:
        share = self.share(clip.id)
        if clip.phase in ("starting", "encoding"):
            return clip.phase
        return f"{share:.0%}" if share is not None else f"{clip.drawn:.1f} s drawn"

    def note(self, line: str) -> None:
        """Print ``line`` above the live display (or as a plain line)."""
        if self._live is not None:
            self._live.console.print(line, highlight=False, markup=False)
        else:
            print(line, file=self._out, flush=True)

    def _renderable(self):
        from rich.progress_bar import ProgressBar
        from rich.table import Table
        from rich.text import Text

        with self._lock:
            left = self.time_left()
            table = Table.grid(padding=(0, 1))
            for _ in range(3):
                table.add_column(no_wrap=True)
            elapsed = clock(time.monotonic() - self._start)
            estimate = f"about {clock(left)} left" if left is not None else "time left: estimating"
            table.add_row(Text(f"{self._done}/{self._total} clips done", style="bold"), "", Text(f"elapsed {elapsed}, {estimate}"))
            for clip in self._clips.values():
                if clip.length is not None or clip.phase == "waiting":
                    continue
                expected, share = self._expected(clip), self.share(clip.id)
                bar = ProgressBar(total=100, completed=round(100 * share), width=30) if share is not None else ProgressBar(total=None, width=30)
                of = f"{clip.drawn:5.1f} / {expected:.0f} s" if expected else f"{clip.drawn:5.1f} s"
                where = f"on {clip.where}" if clip.where != "local" else ""
                table.add_row(Text(f"  {clip.id}"), bar, Text(f"{of} {clip.phase} {where}".rstrip()))
            return table
