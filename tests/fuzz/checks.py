"""What every fuzzed run must satisfy, and the one function that runs a scenario.

A scenario either is refused before anything is drawn (a ``ValueError`` of one line that
names the scene: bad settings are the user's to fix) or it dry-runs with no problem at all:
no claim its facts do not back, no caption too fast, too short or held too long, nothing
crossing a zone, no caption at odds with the picture, no scientific notation or float noise
in a caption, and a clip of at most three minutes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tests.fuzz.scenarios import Scenario

__all__ = ["Outcome", "SPOKEN", "caption_number_problems", "chapter_problems", "run", "spoken_beat_problems"]

#: Longest clip a lesson may make, in seconds.
LONGEST_CLIP = 180.0

_SCIENTIFIC = re.compile(r"\d(?:\.\d+)?[eE][+-]?\d")
_NOISE = re.compile(r"\d\.\d{7,}")


@dataclass(frozen=True)
class Outcome:
    """How a scenario went: ``refused`` with the reason, or its problems (empty: all good)."""

    scenario: Scenario
    refused: str | None
    problems: tuple[str, ...]
    beats: int = 0
    duration: float = 0.0


def caption_number_problems(captions: list[str]) -> list[str]:
    """Numbers no learner should see: scientific notation and float noise."""
    problems = []
    for text in captions:
        if _SCIENTIFIC.search(text):
            problems.append(f"{text!r} shows a number in scientific notation")
        if _NOISE.search(text):
            problems.append(f"{text!r} shows a number with float noise")
    return problems


def chapter_problems(board) -> list[str]:
    """Every beat belongs to a part and carries facts; chapters start at 0 and move on."""
    problems = [f"{beat.text!r} belongs to no part of the lesson" for beat in board.beats if not beat.part]
    problems += [f"{text!r} was shown without facts" for text in board.unbacked()]
    starts = [start for _, start in board.chapters()]
    if not starts or starts[0] != 0 or any(b <= a for a, b in zip(starts, starts[1:])):
        problems.append(f"chapters out of order: {board.chapters()}")
    return problems


#: Lessons whose captions are written with their spoken forms (:mod:`scenes.kit.spoken`): every
#: beat of theirs must carry one. Add a lesson once its captions module writes them; a beat that
#: carries a spoken form is checked in every lesson.
SPOKEN = frozenset({
    "TangentSlope", "PositionToSpeed", "GradientDescent1D", "LearningRates", "PartialDerivatives",
    "GradientOnHillside", "GradientField", "BallRollsToMinimum", "MomentumRace", "Backpropagation", "OptimizerRace",
    "FitALine", "OneNeuron",
})


def spoken_beat_problems(board, required: bool = True) -> list[str]:
    """Beats a voice would say wrongly: no spoken form (when ``required``: the kit would fall
    back to converting the text), glyphs in it, or a number of the caption not said."""
    from scenes.kit.spoken import spoken_problems

    return [p for beat in board.beats if required or beat.spoken is not None for p in spoken_problems(beat.text, beat.spoken)]


def run(scenario: Scenario) -> Outcome:
    """Dry-run ``scenario`` and collect everything wrong with it."""
    from scenes.kit.storyboard import dry_run, with_settings
    from tests.fuzz.scenarios import scene_class

    scene = with_settings(scene_class(scenario.scene), **scenario.settings)
    try:
        scene.validate()
    except ValueError as error:
        message = str(error)
        problems = () if "\n" not in message else (f"refusal is not one line: {message!r}",)
        return Outcome(scenario, message, problems)
    board = dry_run(scene)
    problems = board.problems() + caption_number_problems(board.captions)
    if board.duration > LONGEST_CLIP:
        problems.append(f"the clip lasts {board.duration:.1f} s (more than {LONGEST_CLIP:g})")
    problems += chapter_problems(board)
    problems += spoken_beat_problems(board, scenario.scene in SPOKEN)
    return Outcome(scenario, None, tuple(problems), len(board.beats), board.duration)
