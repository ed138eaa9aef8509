"""Dry runs record every beat with its facts; problems are found without rendering."""

from dataclasses import dataclass
from typing import Annotated, ClassVar

from manim import Circle, Create, Text

from scenes.kit.lesson import LessonScene
from scenes.kit.settings import Setting
from scenes.kit.storyboard import dry_run, parse_settings
from scenes.kit.beats import NO_FACTS


@dataclass(frozen=True)
class Fell:
    fell: bool


class Tiny(LessonScene):
    """A tiny lesson."""

    label: ClassVar[Annotated[str, Setting("a word", max_length=20)]] = "circle"

    def construct(self):
        self.caption(f"A {self.label} appears.", facts=NO_FACTS)
        self.play(Create(Circle()), run_time=0.3)
        self.caption("And the value falls.", facts=Fell(fell=True))
        self.caption("A second caption straight after the first, with no animation between them at all.", facts=NO_FACTS)


class Crowded(Tiny):
    def construct(self):
        self.add(Text("one").move_to([0, 1, 0]), Text("two").move_to([0.1, 1, 0]))
        self.caption("Two labels collide.", facts=NO_FACTS)


def test_dry_run_holds_every_caption_for_reading():
    board = dry_run(Tiny)
    assert board.captions[0] == "A circle appears."
    assert board.pace_problems() == [] and board.claim_problems() == [] and board.layout_problems() == []
    assert board.beats[1].facts == Fell(fell=True)


def test_dry_run_applies_settings_and_finds_claims_without_facts():
    board = dry_run(Tiny, label="square")
    assert board.captions[0] == "A square appears."


def test_dry_run_finds_colliding_text():
    assert any("overlaps" in p for p in dry_run(Crowded).layout_problems())


def test_parse_settings_reads_literals_and_text():
    assert parse_settings(["a=1.5", "b=(1, 2)", "c=x**2"]) == {"a": 1.5, "b": (1, 2), "c": "x**2"}

