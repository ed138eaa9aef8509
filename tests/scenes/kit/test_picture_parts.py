"""Parts that know where their ball is in the lesson's coordinates give it to the picture facts."""

from __future__ import annotations

import numpy as np
import pytest

from scenes.descent import GradientDescent1D
from scenes.kit.storyboard import dry_run
from scenes.rolling import BallRollsToMinimum


class NamedRoll(BallRollsToMinimum):
    def build(self) -> None:
        super().build()
        rider = self.riders[0]
        self.name_in_picture("yellow ball", rider.ball, coords=rider.place)


class NamedDescent(GradientDescent1D):
    def build(self) -> None:
        super().build()
        self.name_in_picture("ball", self.rider.ball, coords=self.rider.place)


def test_the_rolling_ball_is_placed_on_its_walk():
    story = dry_run(NamedRoll, check_layout=False)
    places = [beat.picture.place("yellow ball") for beat in story.beats]
    shown = [p for p in places if p is not None]
    assert shown and all(p.in_lesson and len(p.at) == 2 for p in shown)
    start = np.asarray(shown[0].at)
    end = np.asarray(shown[-1].at)
    assert start == pytest.approx((2.5, 2.0))  # the default start
    assert np.linalg.norm(end) < 1e-2  # it rolled to the minimum at (0, 0)


def test_the_descent_ball_is_placed_on_the_graph():
    story = dry_run(NamedDescent, check_layout=False)
    places = [(beat.text, beat.picture.place("ball")) for beat in story.beats]
    at_start = next(p for text, p in places if text.startswith("Start at w = -1.00"))
    assert at_start.at == pytest.approx((-1.0, 4.5), abs=1e-6)  # (w, f) for (w - 1)**2 + 0.5
    assert all(p is None or p.in_lesson for _, p in places)
