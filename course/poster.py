"""Choosing a clip's poster while it is encoded: a still, complete moment of the lesson.

A poster is the picture a course page shows before the clip plays. The last frame of a
lesson is a poor one: it may catch a caption fading out. :class:`PosterChooser` is shown
every frame as the file writer receives it (no frame is drawn twice, and no second render
is needed) together with the beat the lesson has open at that moment (a
:class:`~scenes.kit.beats.BeatRecord`: its caption is fully shown while it is open). It
keeps the picture of one *still run*: frames in a row that are the same picture, shown
while one beat was open (and inside its times) or, at the run's start, no beat yet (the
swap that brought the caption in ends on the picture the beat then holds). Of those it prefers the run of the
latest beat, and within a beat the longest run (the beat's hold, once it has been read);
the poster's time is the middle of that run. Without such a run (a sketch with no captions,
or a lesson where something always moves) it falls back to the last frame shown with a
caption fully up, then to the last frame.

At most three pictures are held (the run being watched, the best of the open beat, the best
of the closed ones), whatever the length of the clip.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["Poster", "PosterChooser", "Run", "same_picture"]


def same_picture(a: np.ndarray, b: np.ndarray) -> bool:
    """Whether two frames are equal, pixel for pixel (about 0.3 ms at 1080p)."""
    if a is b:
        return True
    if a.shape != b.shape or a.dtype != b.dtype:
        return False
    if a.flags.c_contiguous and b.flags.c_contiguous and a.nbytes % 8 == 0:
        return bool(np.array_equal(a.reshape(-1).view(np.uint64), b.reshape(-1).view(np.uint64)))
    return bool(np.array_equal(a, b))


@dataclass(frozen=True)
class Poster:
    """The chosen picture, the frame (``frame``, at ``time`` seconds) it is taken from, and why:
    ``"still"`` (a still run of a beat, ``beat`` its 0-based number among the beats seen),
    ``"caption"`` (a frame with a caption up, nothing still found) or ``"last"``."""

    pixels: np.ndarray
    frame: int
    time: float
    reason: str
    beat: int | None = None


@dataclass
class Run:
    """Frames ``first`` .. ``first + count - 1``, all the same picture. ``beat`` (number
    ``order``) was open for ``shown`` of them, from frame ``opened``; the others had no beat
    open (the last frame of the caption's swap is the picture the beat then holds).
    ``mixed`` when two beats shared the picture: not one beat's moment."""

    pixels: np.ndarray
    first: int
    count: int
    beat: Any = None
    order: int = -1
    opened: int = -1
    shown: int = 0
    mixed: bool = False

    def add(self, first: int, repeat: int, beat: Any, order: int) -> None:
        """Frames ``first`` .. ``first + repeat - 1`` of the same picture, ``beat`` open."""
        self.count += repeat
        if beat is None:
            return
        if self.beat is None:
            self.beat, self.order, self.opened = beat, order, first
        elif beat is not self.beat:
            self.mixed = True
            return
        self.shown = first + repeat - self.opened

    def middle(self) -> int:
        """The middle frame of those shown while the beat was open."""
        return self.opened + (self.shown - 1) // 2


class PosterChooser:
    """Watches the frames of one clip (see the module's docstring).

    ``open_beat`` returns the beat the scene has open when a frame is written (None when no
    caption is fully up); each beat has ``start`` and, once closed, ``end`` in seconds on the
    clip's clock. ``fps`` converts frame numbers to those seconds.
    """

    def __init__(self, open_beat: Callable[[], Any], fps: float) -> None:
        if not fps or fps <= 0:
            raise ValueError(f"fps must be positive, not {fps!r}")
        self._open_beat = open_beat
        self.fps = float(fps)
        self._frames = 0
        self._run: Run | None = None
        self._open_best: Run | None = None  # best run of the latest beat seen (maybe still open)
        self._closed_best: Run | None = None  # best run of an earlier beat, checked against its end
        self._orders: dict[int, int] = {}  # id(beat) -> its number
        self._beats: list[Any] = []  # keeps the beats alive, so their ids stay theirs
        self._last: tuple[np.ndarray, int] | None = None
        self._last_captioned: tuple[np.ndarray, int] | None = None

    @property
    def frames(self) -> int:
        """Frames offered so far."""
        return self._frames

    def offer(self, pixels: np.ndarray, repeat: int = 1) -> None:
        """A picture the video shows for ``repeat`` frames (the writer's ``write_frame``)."""
        beat = self._open_beat()
        order = self._order_of(beat)
        first = self._frames
        self._frames += repeat
        self._last = (pixels, first + repeat - 1)
        if beat is not None:
            self._last_captioned = (pixels, first + repeat - 1)
        run = self._run
        if run is None or not same_picture(pixels, run.pixels):
            self._end_run()
            run = self._run = Run(pixels, first, 0)
        run.add(first, repeat, beat, order)

    def _order_of(self, beat: Any) -> int:
        if beat is None:
            return -1
        key = id(beat)
        if key not in self._orders:
            self._orders[key] = len(self._beats)
            self._beats.append(beat)
        return self._orders[key]

    def _end_run(self) -> None:
        run, self._run = self._run, None
        if run is None or run.beat is None or run.mixed or run.count < 2:
            return  # a frame that differs from both neighbours is not a still moment
        best = self._open_best
        if best is not None and best.beat is not run.beat:
            self._settle(best)
            best = self._open_best = None
        if best is None or run.shown >= best.shown:
            self._open_best = run

    def _settle(self, run: Run) -> None:
        """``run``'s beat has closed: keep the run if it lies inside the beat's times."""
        if self._inside(run) and (self._closed_best is None or run.order >= self._closed_best.order):
            self._closed_best = run

    def _inside(self, run: Run) -> bool:
        start, end = getattr(run.beat, "start", None), getattr(run.beat, "end", None)
        if start is None or end is None:
            return False
        slack = 0.5 / self.fps  # beat times are on the clip's clock, frames on its 1/fps grid
        return run.opened / self.fps >= start - slack and (run.opened + run.shown) / self.fps <= end + slack

    def choose(self) -> Poster:
        """The poster, once every frame has been offered (and every beat closed)."""
        self._end_run()
        if self._open_best is not None:
            self._settle(self._open_best)
            self._open_best = None
        best = self._closed_best
        if best is not None:
            frame = best.middle()
            return Poster(best.pixels, frame, frame / self.fps, "still", best.order)
        for found, reason in ((self._last_captioned, "caption"), (self._last, "last")):
            if found is not None:
                return Poster(found[0], found[1], found[1] / self.fps, reason)
        raise ValueError("the scene wrote no video frames")
