"""Facts of the picture: what is drawn at each beat's end, and captions checked against it."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from manim import Dot, FadeOut, Square

from scenes.kit.beats import Facts
from scenes.kit.lesson import LessonScene
from scenes.kit.picture import PictureFacts, caption_quotes, picture_problems, same_number
from scenes.kit.storyboard import dry_run
from scenes.parts.panels.live_number import LiveReadout


@dataclass(frozen=True)
class Seen(Facts):
    visible: tuple[str, ...] = ()


class Walk(LessonScene):
    """A ball, a step readout and an f readout; the captions are set per test."""

    lines: tuple = ()

    def build(self) -> None:
        self.ball = Dot([1.0, 0.5, 0.0])
        self.name_in_picture("ball", self.ball, coords=lambda: (self.ball.get_center()[0] * 2, 7.0))
        self.name_in_picture("map", Square())  # named, never added: never visible
        self.step = LiveReadout(r"\text{step}", 0, decimals=0).to_corner()
        self.f = LiveReadout("f =", 2.0).next_to(self.step, direction=[0, -1, 0])

    def construct(self) -> None:
        self.add(self.ball, self.step, self.f)
        for text, facts, step, f, hide in self.lines:  # the state at the end of the beat
            self.caption(text, facts=facts)
            self.step.show(step)
            self.f.show(f)
            if hide:
                self.play(FadeOut(self.ball))
            self.wait(3)


def board(*lines):
    return dry_run(Walk, check_layout=False, lines=lines)


def test_each_beat_records_what_is_visible_where_and_what_readouts_show():
    story = board(("Start with f = 2.00.", Seen(("ball",)), 0, 2.0, False), ("The ball is gone.", Seen(), 1, 1.275, True))
    first, second = (beat.picture for beat in story.beats)
    assert {"ball", "step", "f"} <= first.visible and "map" not in first.visible
    assert first.place("ball").at == pytest.approx((2.0, 7.0)) and first.place("ball").in_lesson
    assert dict(first.readouts) == {"step": "0", "f": "2.00"}
    assert "ball" not in second.visible and second.place("ball") is None
    assert second.readout("f") == "1.28" and second.readout("step") == "1"
    assert story.picture_problems() == []


def test_a_caption_quoting_other_digits_than_the_readout_is_a_problem():
    # The GradientDescent1D: "Step 1: ..." while the panel reads "step 0".
    story = board(("Step 1: the ball goes down.", Seen(), 0, 2.0, False), ("Now f = 1.27 here.", Seen(), 1, 1.275, False))
    problems = story.picture_problems()
    assert len(problems) == 2 and all(p in story.problems() for p in problems)
    assert "step 1" in problems[0].lower() and "shows 0" in problems[0]
    assert "f 1.27" in problems[1] and "shows 1.28" in problems[1]
    assert any("shows 0" in line for line in story.report())


def test_a_caption_naming_what_is_not_visible_is_a_problem():
    story = board(("The ball rests here.", Seen(("ball",)), 0, 2.0, True), ("See the map.", Seen(("map",)), 0, 2.0, False))
    problems = story.picture_problems()
    assert len(problems) == 2 and "'ball'" in problems[0] and "'map'" in problems[1]


@pytest.mark.parametrize(
    "text, name, quotes",
    [
        ("Step 1: the slope is -4.00.", "step", ["1"]),
        ("After step 12, f = 0.", "f", ["0"]),
        ("f'(w) = 2.00 and f(w) = 3", "f", []),
        ("From t = 0 to 4.00 s, t = 2.50 is the turn.", "t", ["2.50"]),
        ("η = 0.3: 49 steps go down", "η", ["0.3"]),
        ("f = 3.2 billion", "f", ["3.2 billion"]),
        ("At x ≈ -4.91 the tangent is flat", "x", ["-4.91"]),
        ("so every step is 0; a step of 0.25", "step", []),
        ("the walk from f = 2 and f: 1.5", "f", ["1.5"]),
        ("w = 1.2.3", "w", []),
    ],
)
def test_caption_quotes_finds_the_value_given_for_a_quantity(text, name, quotes):
    assert caption_quotes(text, name) == quotes


@pytest.mark.parametrize(
    "a, b, same",
    [("1.28", "1.275", True), ("1.27", "1.28", False), ("0", "0.00", True), ("0", "0.01", False), ("2", "2.40", True),
     ("-0.13", "-0.125", True), ("3.2 billion", "3200000000", True), ("3.2 billion", "3300000000", False),
     # fuzz GradientDescent1D seed 3010: -0.89849... shows as -0.898 and as -0.8985 (not rounded twice)
     ("-0.898", "-0.8985", True), ("-0.899", "-0.8985", True), ("-0.897", "-0.8985", False), ("0.898", "-0.8985", False),
     ("1.2", "1.249", True), ("1.3", "1.249", False), ("1.3", "1.2496", False)],
)  # fmt: skip
def test_same_number_compares_at_the_coarser_precision(a, b, same):
    assert same_number(a, b) is same and same_number(b, a) is same


def test_no_picture_no_problem_and_bool_visible_names_nothing():
    assert picture_problems("Step 3", Seen(), None) == []
    picture = PictureFacts(frozenset({"step"}), (), (("step", "3"),))

    @dataclass(frozen=True)
    class Flag:
        visible: bool = True

    assert picture_problems("Step 3: the ball", Flag(), picture) == []
    assert picture_problems("The ball", Seen("ball"), picture)  # a single name


class LooseDigits(Walk):
    """A scene that adds a readout's label and digits on their own (as the rolling panel
    does to order its drawing), and copies the digits in an animation."""

    def construct(self) -> None:
        self.add(self.f.label, self.f.number)
        self.play(FadeOut(self.f.number.copy()))
        self.caption("Here f = 2.00.", facts=Seen())
        self.f.show(0.0)
        self.wait(3)


def test_a_readout_whose_digits_are_added_alone_is_still_seen():
    story = dry_run(LooseDigits, check_layout=False)
    assert story.beats[0].picture.readouts == (("f", "0"),)
    assert story.picture_problems() == ["'Here f = 2.00.' says f 2.00, but the readout of f shows 0"]


@dataclass(frozen=True)
class Went(Facts):
    visible: tuple[str, ...] = ("ball",)
    moved: bool = True


class Roll(Walk):
    """The ball moves in the second beat and stays in the third; facts per test."""

    def construct(self) -> None:
        self.add(self.ball)
        facts = self.lines
        self.caption("A ball.", facts=Seen(("ball",)))
        self.wait(2)
        self.caption("It rolls.", facts=facts[0])
        self.play(self.ball.animate.shift([1.0, 0.0, 0.0]))
        self.wait(2)
        self.caption("It rests.", facts=facts[1])
        self.wait(2)


def test_a_moved_fact_is_checked_against_where_the_named_things_are():
    honest = dry_run(Roll, check_layout=False, lines=(Went(moved=True), Went(moved=False)))
    assert honest.picture_problems() == []
    assert honest.beats[1].picture.place("ball").at == pytest.approx((4.0, 7.0))  # lesson coordinates
    false = dry_run(Roll, check_layout=False, lines=(Went(moved=False), Went(moved=True)))
    assert false.picture_problems() == [
        "'It rolls.' has moved = False, but ball moved",
        "'It rests.' has moved = True, but ball did not move",
    ]


def test_names_are_read_as_the_claim_checker_reads_visible():
    picture = PictureFacts(frozenset({"yellow ball", "map", "f"}))
    assert picture_problems("x", Seen(("ball", "Map", "yellow balls")), picture) == []
    assert picture_problems("x", Seen(("purple ball",)), picture) == [
        "'x' names 'purple ball' (facts.visible), but no 'purple ball' is visible at its end"
    ]


@dataclass(frozen=True)
class Moved(Facts):
    moved: bool = True


def test_a_moved_fact_without_names_is_checked_against_every_named_thing():
    honest = dry_run(Roll, check_layout=False, lines=(Moved(True), Moved(False)))
    assert honest.picture_problems() == []
    false = dry_run(Roll, check_layout=False, lines=(Moved(False), Moved(True)))
    assert len(false.picture_problems()) == 2


class StillNumber(Walk):
    """A number drawn as still text, named with what it says."""

    def construct(self) -> None:
        from manim import MathTex

        length = MathTex(r"|\nabla f| = 1.50")
        self.add(length)
        self.name_in_picture("|∇f|", length, says="1.50")
        self.caption(self.lines[0], facts=Seen())
        self.wait(3)


@pytest.mark.parametrize("text, problems", [("Its length, |∇f| = 1.50.", 0), ("Its length, |∇f| = 1.05.", 1)])
def test_a_still_number_named_with_what_it_says_is_checked_as_a_readout(text, problems):
    story = dry_run(StillNumber, check_layout=False, lines=(text,))
    assert story.beats[0].picture.readout("|∇f|") == "1.50"
    assert len(story.picture_problems()) == problems


def test_a_name_inside_a_longer_quoted_name_is_not_quoted_alone():
    # TangentSlope: "Δy / Δx = 3.08" beside the readouts Δx = 1.000 and Δy / Δx = 3.08.
    picture = PictureFacts(frozenset({"Δx", "Δy / Δx"}), (), (("Δx", "1.000"), ("Δy / Δx", "3.08")))
    assert picture_problems("Its slope is rise over run: Δy / Δx = 3.08.", Seen(), picture) == []
    assert picture_problems("Δy / Δx = 3.10 with Δx = 1", Seen(), picture) == [
        "'Δy / Δx = 3.10 with Δx = 1' says Δy / Δx 3.10, but the readout of Δy / Δx shows 3.08"
    ]
    assert caption_quotes("a ratio f / g = 2 and g = 3", "g") == ["3"]
