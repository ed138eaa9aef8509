"""A beat is data: caption lines with required facts, parts of a lesson and their chapters,
and the kit's ``beat`` that holds a line until it has been read."""

from dataclasses import dataclass

import pytest
from manim import Circle, Create, FadeIn, Square, linear

from scenes.kit.beats import NO_FACTS, BeatRecord, Line, chapters, require_facts
from scenes.kit.beat_steps import plays_of
from scenes.kit.lesson import LessonScene, Play
from scenes.kit.pacing import reading_time
from scenes.kit.storyboard import dry_run
from scenes.descent import GradientDescent1D
from scenes.learning_rates import LearningRates
from scenes.rolling import BallRollsToMinimum, MomentumRace


@dataclass(frozen=True)
class Fell:
    fell: bool


# -- Line ---------------------------------------------------------------------------------------
def test_a_line_needs_its_facts():
    with pytest.raises(TypeError):
        Line("The ball rolls.")  # facts are not optional
    with pytest.raises(TypeError, match="The ball rolls"):
        Line("The ball rolls.", None)
    assert Line("Hello.", NO_FACTS).facts is NO_FACTS


@pytest.mark.parametrize("text", ["", "   "])
def test_a_line_needs_words(text):
    with pytest.raises(ValueError):
        Line(text, NO_FACTS)


def test_a_line_is_frozen_and_says_its_text_unless_spoken():
    line = Line("η = 0.3", NO_FACTS)
    assert line.said == "eta equals zero point three"  # no spoken form: the text converted, as a last resort
    assert Line("η = 0.3", NO_FACTS, spoken="eta is 0.3").said == "eta is 0.3"
    with pytest.raises(ValueError):
        Line("η = 0.3", NO_FACTS, spoken=" ")
    with pytest.raises(TypeError):
        Line(3, NO_FACTS)
    with pytest.raises(AttributeError):
        line.text = "other"


def test_the_refusal_names_the_caption():
    with pytest.raises(TypeError, match="'f falls.' has no facts"):
        require_facts("f falls.", None)
    assert require_facts("f falls.", NO_FACTS) is NO_FACTS


# -- chapters -----------------------------------------------------------------------------------
def _beat(start, part):
    return BeatRecord("x", NO_FACTS, start, start + 1, part=part)


def test_chapters_start_at_zero_then_at_each_parts_first_beat():
    beats = [_beat(0.8, "A"), _beat(2, "A"), _beat(4, "B"), _beat(6, "C"), _beat(8, "C")]
    assert chapters(beats) == [("A", 0.0), ("B", 4.0), ("C", 6.0)]


def test_a_lesson_without_parts_is_one_chapter_named_by_its_title():
    assert chapters([_beat(1, None), _beat(3, None)], "Gradient descent") == [("Gradient descent", 0.0)]
    assert chapters([]) == []


# -- the kit ------------------------------------------------------------------------------------
AFTER_BEAT: list[float] = []


class Parted(LessonScene):
    """A lesson in two parts, the title card before the first."""

    title = "Shapes"

    def construct(self):
        self.play_title_card(facts=NO_FACTS)
        self.begin_part("Circles")
        self.caption(Line("A circle appears.", NO_FACTS))
        self.play(Create(Circle()), run_time=0.3)
        self.beat(Line("And the value falls.", Fell(fell=True)), FadeIn(Square()), run_time=0.2, part="Squares")
        AFTER_BEAT.append(self.time)  # the beat itself held its line until read
        self.beat(Line("A square that takes its time to appear.", NO_FACTS), Create(Square()), run_time=4.0)


class Unbacked(LessonScene):
    """A caption without facts, in a sketch that turned the refusal off."""

    facts_required = False

    def construct(self):
        self.caption("Nothing backs this line.")


class Strict(LessonScene):
    """A caption without facts in a lesson: refused (the default)."""

    def construct(self):
        self.caption("Nothing backs this line.")


class StrictTitle(LessonScene):
    title = "A title without facts"

    def construct(self):
        self.play_title_card()


class Twice(LessonScene):
    def construct(self):
        self.caption(Line("Two records.", NO_FACTS), facts=Fell(fell=True))


def test_beats_carry_their_part_and_the_title_card_joins_the_first():
    board = dry_run(Parted)
    assert [b.part for b in board.beats] == ["Circles", "Circles", "Squares", "Squares"]
    assert board.chapters() == [("Circles", 0.0), ("Squares", board.beats[2].start)]
    report = board.report()
    assert report[0] == "== Circles" and "== Squares" in report
    assert report.index("== Squares") == 3  # after the title and the first caption
    assert report[-2] == f"chapters: 0:00 Circles; 0:0{int(board.beats[2].start)} Squares"
    assert board.beats[2].facts == Fell(fell=True)
    assert board.problems() == [] and board.unbacked() == []


def test_a_beat_lasts_the_longer_of_its_reading_and_its_animation():
    AFTER_BEAT.clear()
    beats = dry_run(Parted).beats
    short, long = beats[2], beats[3]
    assert AFTER_BEAT[0] - short.start >= reading_time(short.text) - 1e-6
    # A beat starts half way through its caption's fade-in (0.4 s): up to 0.2 s more.
    assert reading_time(short.text) - 1e-6 <= short.duration <= reading_time(short.text) + 0.25
    assert reading_time(long.text) < 4.0 - 1e-6 <= long.duration <= 4.25


def test_a_caption_without_facts_is_recorded_as_unbacked_when_a_sketch_allows_it():
    board = dry_run(Unbacked)
    assert board.unbacked() == ["Nothing backs this line."]
    assert board.beats[0].facts is NO_FACTS


def test_a_caption_without_facts_is_refused_by_default():
    with pytest.raises(TypeError, match="Nothing backs this line"):
        dry_run(Strict)
    with pytest.raises(TypeError, match="A title without facts"):
        dry_run(StrictTitle)


def test_a_line_brings_its_own_facts():
    with pytest.raises(TypeError, match="Two records"):
        dry_run(Twice)


def test_a_part_needs_a_name():
    scene = Parted()
    with pytest.raises(ValueError):
        scene.begin_part(" ")


# -- the lessons --------------------------------------------------------------------------------
LESSONS = [
    (GradientDescent1D, {}),
    (GradientDescent1D, {"starts": (3.0,), "learning_rate": 1.5}),  # one walk that diverges at once
    (LearningRates, {}),
    (LearningRates, {"learning_rates": (0.1,), "function": "w**4 - 3*w**2 + w", "start": -2.0}),  # one rate, two wells
    (BallRollsToMinimum, {}),
    (BallRollsToMinimum, {"function": "n**2 - e**2", "start": (0.5, 0.5), "learning_rate": 0.4}),  # a saddle
    (MomentumRace, {}),
]


@pytest.mark.parametrize(("scene", "settings"), LESSONS, ids=lambda v: getattr(v, "__name__", None) or str(sorted(v)))
def test_each_lesson_lists_its_beats_by_part_and_its_chapters(scene, settings):
    board = dry_run(scene, check_layout=False, **settings)
    assert all(beat.part for beat in board.beats), [b.text for b in board.beats if not b.part]
    assert board.unbacked() == []
    marks = board.chapters()
    assert 2 <= len(marks) <= 5
    assert marks[0][1] == 0.0 and marks[0][0] == board.beats[0].part
    starts = {beat.start for beat in board.beats}
    times = [t for _, t in marks]
    assert all(t in starts for t in times[1:]) and times == sorted(times) and len(set(times)) == len(times)
    headers = [line[3:] for line in board.report() if line.startswith("== ")]
    assert headers == [name for name, _ in marks]
    assert board.report()[-2].startswith("chapters: 0:00 " + marks[0][0] + "; ")


# -- a beat's plays and its hold -----------------------------------------------------------------
class Stepped(LessonScene):
    """Beats of several plays in turn, of a hold longer than reading, of no hold, of settings."""

    moments: list = []
    settings_seen: list = []

    def play(self, *animations, **kwargs):
        if any(isinstance(a, Create) for a in animations):  # the beats' plays, not caption swaps
            type(self).settings_seen.append(dict(kwargs))
        super().play(*animations, **kwargs)

    def construct(self):
        line = Line("Two plays under one line.", NO_FACTS)
        self.beat(line, Play(Create(Circle()), run_time=1.5), Play(Create(Square()), run_time=2.5), part="Plays")
        type(self).moments.append(self.time)
        self.beat(Line("Held after its play.", NO_FACTS), Create(Circle()), run_time=0.3, rate_func=linear, hold=3.0)
        type(self).moments.append(self.time)
        self.beat(Line("Not held: the scene goes on.", NO_FACTS), Create(Square()), run_time=0.3, hold=None)
        type(self).moments.append(self.time)


def test_a_beat_plays_its_plays_in_turn_and_holds_as_asked():
    Stepped.moments, Stepped.settings_seen = [], []
    board = dry_run(Stepped, check_layout=False)
    plays, held, open_ = board.beats
    assert Stepped.settings_seen == [{"run_time": 1.5}, {"run_time": 2.5}, {"run_time": 0.3, "rate_func": linear}, {"run_time": 0.3}]
    # Two plays in turn, 4 s after the line's 0.4 s fade-in (the first line: it starts as it
    # begins to fade in), and no hold after them: they outlast its reading time.
    assert Stepped.moments[0] - plays.start == pytest.approx(0.4 + 4.0, abs=0.05) and reading_time(plays.text) < 3.5
    # hold=3.0: 3 s after its play (which ends 0.2 + 0.3 s after the line starts), longer
    # than its reading time.
    assert Stepped.moments[1] - held.start == pytest.approx(0.2 + 0.3 + 3.0, abs=0.07) and reading_time(held.text) < 3.0
    # hold=None: the beat returns as soon as its play ends, before the line has been read.
    assert Stepped.moments[2] - open_.start < reading_time(open_.text) - 0.3
    assert open_.duration >= reading_time(open_.text) - 1e-6  # (the scene's end still holds it)
    assert [b.part for b in board.beats] == ["Plays"] * 3 and board.problems() == []


def test_plays_of_takes_animations_together_or_plays_in_turn_never_both():
    assert plays_of(("a",)) == [(("a",), {})]
    assert plays_of(("a", "b"), 2.0, {"rate_func": "f"}) == [(("a", "b"), {"rate_func": "f", "run_time": 2.0})]
    assert plays_of((Play("a", run_time=1), Play("b"))) == [(("a",), {"run_time": 1}), (("b",), {})]
    with pytest.raises(TypeError, match="not both"):
        plays_of((Play("a"), "b"))
    with pytest.raises(TypeError, match="run_time"):
        plays_of((Play("a"),), run_time=1.0)
    with pytest.raises(TypeError, match="rate_func"):
        plays_of((Play("a"),), settings={"rate_func": "f"})
    with pytest.raises(ValueError, match="at least one animation"):
        Play()
    with pytest.raises(TypeError, match="inside a Play"):
        Play(Play("a"))


class BadHold(LessonScene):
    def construct(self):
        self.beat(Line("Never shown.", NO_FACTS), hold=-1.0)


class MixedSteps(LessonScene):
    def construct(self):
        self.beat(Line("Never shown either.", NO_FACTS), Play(Create(Circle())), FadeIn(Square()))


@pytest.mark.parametrize(("scene", "error", "words"), [(BadHold, ValueError, "hold = -1.0"), (MixedSteps, TypeError, "not both")])
def test_a_beat_refuses_bad_steps_before_its_line_is_shown(scene, error, words):
    shown = []
    scene.beat_hook = lambda s, beat: shown.append(beat.text)
    try:
        with pytest.raises(error, match=words):
            dry_run(scene, check_layout=False)
    finally:
        scene.beat_hook = None
    assert shown == []
