"""The build's progress: shares of running clips, time left, plain lines and the live table."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from course import progress as progress_module
from course.job_process import Progress
from course.progress import BuildProgress, clock


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def fake_clock(monkeypatch):
    fake = FakeClock()
    monkeypatch.setattr(progress_module.time, "monotonic", fake)
    return fake


def test_clock_formats_minutes_and_hours():
    assert clock(0) == "0:00"
    assert clock(75.4) == "1:15"
    assert clock(3725) == "1:02:05"


def test_share_and_time_left_from_the_expected_lengths(fake_clock):
    out = io.StringIO()
    board = BuildProgress([("a", "TangentSlope", 40.0), ("b", "TangentSlope", 20.0)], total=3, out=out, live=False)
    assert board.time_left() is None  # nothing drawn yet: no rate to go by
    fake_clock.now += 10
    board.update(Progress("a", "drawing", 10.0))
    board.update(Progress("b", "drawing", 5.0))
    assert board.share("a") == pytest.approx(0.25)
    assert board.share("b") == pytest.approx(0.25)
    # 15 s of video drawn in 10 s of wall time; 45 s of video still to draw -> 30 s
    assert board.time_left() == pytest.approx(30.0)
    assert "[1/3] rendering a (TangentSlope)" in out.getvalue()
    assert out.getvalue().count("rendering a") == 1  # one line per clip start, not per report


def test_unknown_lengths_take_the_mean_of_known_ones(fake_clock):
    board = BuildProgress([("a", "S", None), ("b", "S", None)], total=2, out=io.StringIO(), live=False)
    fake_clock.now += 5
    board.update(Progress("a", "drawing", 4.0))
    assert board.share("a") is None and board.time_left() is None
    fake_clock.now += 5
    board.finished("b", wall=10.0, length=30.0)
    assert board.share("a") == pytest.approx(4.0 / 30.0)
    assert board.time_left() == pytest.approx((60.0 - 34.0) / (34.0 / 10.0))


def test_plain_lines_say_done_with_time_left_and_a_periodic_status(fake_clock):
    out = io.StringIO()
    board = BuildProgress([("a", "S", 10.0), ("b", "S", 10.0)], total=2, out=out, live=False, every=30)
    fake_clock.now += 10
    board.update(Progress("a", "drawing", 5.0, where="tcp://10.0.0.2:4000"))
    board.update(Progress("b", "drawing", 5.0))
    board.tick()
    assert "elapsed" not in out.getvalue()  # not due yet
    fake_clock.now += 25
    board.tick()
    assert "[0/2] elapsed 0:35, about 0:35 left; rendering a 50%, b 50%" in out.getvalue()
    board.finished("a", wall=20.0, length=10.0)
    lines = out.getvalue().splitlines()
    assert "[0/2] rendering a (S) on tcp://10.0.0.2:4000" in lines
    assert lines[-1].startswith("[1/2] done a in 20.0 s (10.0 s of video); about ")


def test_live_table_shows_running_clips_with_their_share(fake_clock):
    board = BuildProgress([("a", "S", 40.0), ("b", "S", None)], total=4, out=io.StringIO(), live=False)
    fake_clock.now += 8
    board.update(Progress("a", "drawing", 10.0, where="tcp://w1:1"))
    board.update(Progress("b", "encoding", 3.0))
    console = Console(file=io.StringIO(), width=120, color_system=None)
    console.print(board._renderable())
    text = console.file.getvalue()
    assert "2/4 clips done" in text and "elapsed 0:08" in text
    assert "a" in text and "10.0 / 40 s drawing on tcp://w1:1" in text
    assert " 3.0 / 40 s encoding" in text  # b's length: the mean of the known ones


def test_a_clip_reporting_from_another_worker_starts_over_there(fake_clock):
    out = io.StringIO()
    board = BuildProgress([("a", "S", 40.0)], total=1, out=out, live=False)
    board.update(Progress("a", "drawing", 20.0, where="tcp://w1:1"))
    board.update(Progress("a", "starting", 0.0, where="tcp://w2:1"))
    assert board.share("a") == 0.0
    assert out.getvalue().splitlines()[-1] == "[0/1] rendering a again on tcp://w2:1 (tcp://w1:1 was lost)"
