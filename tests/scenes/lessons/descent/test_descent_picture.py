"""GradientDescent1D: the step number agrees between caption, equation and panel at every moment.

A dry run records, before and after every animation and wait, the caption up, the step
the panel's readout shows and the step the update equation shows; over a family of
functions and settings, a caption "Step k: ..." is never up while the panel or the
equation names another step, and a start caption is never up over a panel reading a step
of the last walk.
"""

from __future__ import annotations

import re

import pytest

from scenes.kit.storyboard import dry_run
from scenes.lessons.descent.scene import GradientDescent1D

CASES = [
    {},
    {"function": "abs(w - 1)", "starts": (-1.0, 3.0, 2.2)},  # three walks
    {"function": "w**2 + 3*sin(3*w)", "starts": (-1.5, 2.5)},  # captions of two parts
    {"learning_rate": 100.0},  # the walk diverges at once: no step is shown
]
IDS = ["default", "abs", "wiggly", "diverges at once"]


class Recording(GradientDescent1D):
    """Notes what caption, panel and equation say around every animation."""

    def setup(self):
        self.notes = []
        super().setup()

    def _note(self, when):
        beat = self._open_beat
        if beat is None or not hasattr(self, "step_readout"):
            return
        equation = getattr(self, "equation", None)
        self.notes.append(
            (when, beat.text, int(self.step_readout.number.get_value()), getattr(equation, "step", "none"))
        )

    def play(self, *animations, **kwargs):
        self._note("before")
        super().play(*animations, **kwargs)
        self._note("after")

    def wait(self, *args, **kwargs):
        self._note("before")
        super().wait(*args, **kwargs)
        self._note("after")


@pytest.mark.parametrize("settings", CASES, ids=IDS)
def test_step_numbers_agree_at_every_moment(settings):
    board = dry_run(Recording, check_layout=False, **settings)
    scene_notes = board.scene.notes if hasattr(board, "scene") else None
    notes = scene_notes if scene_notes is not None else _LAST_NOTES
    assert notes, "nothing recorded"
    steps_told = 0
    for when, text, panel, equation in notes:
        told = re.match(r"Step (\d+):", text)
        if told:
            steps_told += 1
            k = int(told.group(1))
            assert panel == k, f"{when} an animation: caption {text!r} over a panel reading step {panel}"
            if when == "after":
                assert equation == k, f"caption {text!r} over the equation of step {equation}"
        elif re.match(r"(Now s|S)tart at", text):
            assert panel == 0, f"{when} an animation: caption {text!r} over a panel reading step {panel}"
            assert equation in (None, "none"), f"caption {text!r} over the equation of step {equation}"
    if settings.get("learning_rate") != 100.0:
        assert steps_told > 0


_LAST_NOTES: list = []


@pytest.fixture(autouse=True)
def _keep_notes(monkeypatch):
    """dry_run returns the beats, not the scene: keep the notes of the last scene set up."""
    original = Recording.setup

    def setup(self):
        original(self)
        _LAST_NOTES.clear()
        self.notes = _LAST_NOTES

    monkeypatch.setattr(Recording, "setup", setup)
