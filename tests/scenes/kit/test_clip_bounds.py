"""Settings at their declared bounds keep the promise: a clip of at most 3 minutes, no caption
held over 7 s (scenes.kit.clip_bounds, scenes.kit.caption_limit)."""

from __future__ import annotations

import re
from typing import Annotated

import pytest
from manim import RIGHT, Create, Square, linear

from scenes.kit import clip_bounds
from scenes.kit.caption_limit import FADE_SECONDS, caption_fade_at, planned_run_time
from scenes.kit.clip_bounds import MAX_CLIP_SECONDS, ClipTooLong, bound_problems, check_clip_bounds
from scenes.kit.lesson import LessonScene
from scenes.kit.pacing import MAX_SECONDS
from scenes.kit.storyboard import dry_run, with_settings
from scenes.kit.beats import NO_FACTS
from scenes.kit.settings import Setting
from scenes.kit.voice import MuteNarrator

LONG_TITLE = ("a long title " * 6)[:60]
LONG_SUBTITLE = ("a long subtitle " * 6)[:90]


# -- the rules, pure ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("shown", "read", "run_time", "expected"),
    [
        (1.0, 3.0, 20.0, MAX_SECONDS - FADE_SECONDS - 1.0),  # fades 7 s after it came up
        (0.0, 3.0, 6.8, None),  # ends in time, with half the next caption's swap
        (0.0, 3.0, 7.0, MAX_SECONDS - FADE_SECONDS),  # would end at 7.2 s, half way through the next swap
        (6.4, 6.4, 0.6, 0.3),  # a long subtitle read while the title card fades
        (1.0, 3.0, 5.0, None),
        (5.0, 7.5, 20.0, None),  # not read yet when it would have to go: it stays
        (6.9, 1.2, 20.0, None),  # too late to fade within the limit: the wait or the next caption ends it
        (0.0, 2.0, 6.9, None),  # the fade would not end inside the animation
    ],
)
def test_caption_fade_at(shown, read, run_time, expected):
    got = caption_fade_at(shown, read, run_time)
    assert got == (None if expected is None else pytest.approx(expected))


def test_planned_run_time_reads_play_options_and_builders():
    square = Square()
    assert planned_run_time((Create(square),), {"run_time": 12}) == 12
    assert planned_run_time((Create(square, run_time=3), Create(Square())), {}) == 3
    assert planned_run_time((square.animate.shift(RIGHT),), {}) == 1.0
    assert planned_run_time((square.animate(run_time=9).shift(RIGHT),), {}) == 9


def test_length_settings_name_the_times_counts_and_texts_that_were_set():
    from scenes.derivative import TangentSlope

    from scenes.kit.clip_bounds import length_settings

    changed = with_settings(TangentSlope, max_flat_stops=6, decimals=3, function="sin(x)", shrink_time=20.0, title="T")
    assert length_settings(changed) == ["title", "max_flat_stops", "shrink_time"]  # not decimals, not the formula
    assert length_settings(with_settings(TangentSlope, function="sin(x)")) == ["function"]  # nothing else to name
    assert length_settings(with_settings(TangentSlope, caption_width=60, subtitle="S"), long_caption=True) == ["caption_width", "subtitle"]


def test_bound_problems_name_what_is_too_long():
    assert bound_problems([1.0, 7.0], MAX_CLIP_SECONDS) == []
    assert bound_problems([], MAX_CLIP_SECONDS + 0.1) == [f"the clip would last {MAX_CLIP_SECONDS + 0.1:.1f} s (at most 180)"]
    assert bound_problems([7.2], 10) == ["a caption would stay 7.2 s (at most 7)"]


# -- the kit ends a caption during one long animation ------------------------------------------
class LongPlay(LessonScene):
    """A caption up during one 20 s animation (the shape of TangentSlope's shrink)."""

    run_time = 20.0
    builder = False

    def construct(self):
        square = Square()
        self.caption("Now shrink the run: the second point slides onto the first.", run_time=0.4, facts=NO_FACTS)
        if self.builder:
            self.play(square.animate.shift(RIGHT), run_time=self.run_time, rate_func=linear)
        else:
            self.play(Create(square), run_time=self.run_time)
        self.caption("The slope settles on one number.", facts=NO_FACTS)
        self.wait(1)


@pytest.mark.parametrize("builder", [False, True])
def test_a_caption_under_one_long_animation_fades_at_its_longest_time(builder):
    board = dry_run(with_settings(LongPlay, builder=builder), check_layout=False)
    first, second = board.beats
    assert first.duration == pytest.approx(MAX_SECONDS - FADE_SECONDS)
    assert max(beat.duration for beat in board.beats) <= MAX_SECONDS
    assert second.start >= first.end  # the next caption comes after the animation, alone
    assert second.start == pytest.approx(0.4 + 20.0) and board.duration == pytest.approx(second.end)
    assert not board.pace_problems()


def test_a_short_animation_keeps_its_caption():
    board = dry_run(with_settings(LongPlay, run_time=3.0), check_layout=False)
    assert board.beats[0].end == pytest.approx(board.beats[1].start)


def test_the_long_animation_is_drawn_with_the_fade_in_a_real_render(render):
    result = render(with_settings(LongPlay, run_time=9.0))
    cues = result.subcaptions()
    assert cues == ["Now shrink the run: the second point slides onto the first.", "The slope settles on one number."]
    assert max(beat.duration for beat in result.scene.beats) <= MAX_SECONDS


class TitleThenCaption(LessonScene):
    """A title card and one caption: the card's fade comes between them."""

    def construct(self):
        self.play_title_card(facts=NO_FACTS)
        self.caption("The first thing to see.", facts=NO_FACTS)


def test_a_long_subtitle_on_wide_captions_fades_with_the_title_card():
    """caption_width 60 keeps a 90-character subtitle in one caption, 6.4 s of reading; the
    card's 0.6 s fade and half the next swap made it 7.2 s."""
    scene = with_settings(TitleThenCaption, title=LONG_TITLE, subtitle=LONG_SUBTITLE, caption_width=60)
    board = dry_run(scene, check_layout=False)
    assert [len(beat.text) for beat in board.beats[:2]] == [61, 90]
    assert max(beat.duration for beat in board.beats) <= MAX_SECONDS
    assert not board.pace_problems()


# -- the settings check: a dry run of the clip -------------------------------------------------
def test_validate_refuses_settings_that_together_make_too_long_a_clip(monkeypatch):
    from scenes.descent import GradientDescent1D

    scene = with_settings(
        GradientDescent1D, title=LONG_TITLE, subtitle=LONG_SUBTITLE, caption_width=24,
        read_time=1.5, steps=4, move_time=2.0, starts=(-1.0, 3.0, 0.5),
    )
    with pytest.raises(ClipTooLong) as refused:
        scene.validate()
    message = str(refused.value)
    assert "\n" not in message and "the clip would last" in message and "at most 180" in message
    for name in ("title", "subtitle", "steps", "move_time", "read_time"):
        assert f"GradientDescent1D.{name} = " in message


def test_a_caption_too_long_to_read_in_7_s_is_refused_naming_caption_width(monkeypatch):
    """Wide captions (caption_width up to 60) hold two lines that take over 7 s to read."""
    beats = [type("Beat", (), {"duration": 2.0})(), type("Beat", (), {"duration": 8.4})()]
    board = type("Board", (), {"beats": beats, "duration": 30.0})
    monkeypatch.setattr(clip_bounds, "_VERDICTS", {})
    scene = with_settings(LongPlay, caption_width=60)
    with pytest.raises(ClipTooLong, match=r"a caption would stay 8.4 s \(at most 7\); shorten LongPlay.caption_width = 60$"):
        check_clip_bounds(scene, lambda cls, check_layout=True: board)


def test_no_dry_run_inside_a_dry_run_or_a_build(monkeypatch):
    calls = []
    real = clip_bounds.check_clip_bounds

    def counting(cls, run, force=False):
        calls.append(cls.__name__)
        return real(cls, run, force)

    monkeypatch.setattr("scenes.kit.lesson.check_clip_bounds", counting)
    monkeypatch.setattr(clip_bounds, "_VERDICTS", {})
    scene = with_settings(LongPlay, run_time=3.0, caption_width=30)  # a declared setting changed
    scene.validate()  # the settings check: one dry run, which validates once more without one
    assert calls == ["LongPlay", "LongPlay"]
    calls.clear()
    dry_run(scene, check_layout=False)  # a dry run is its own check
    assert calls == ["LongPlay"]


def _registered():
    from course.registry import scene_classes

    return list(scene_classes().values())


@pytest.mark.parametrize("scene", _registered(), ids=lambda c: c.__name__)
def test_every_scene_as_written_keeps_the_promise(scene, monkeypatch):
    """Silent, and every caption of the dry run cut for narration (at rate 1, and 0.5 where
    far more must be cut) only at clause and phrase boundaries: no piece under 3 words, no
    sentence cut so that under 3 of its words stand alone, the text kept word for word, and
    each piece's speech saying the numbers it shows (the captions are caught as the dry run
    shows them: no dry run more)."""
    import sys

    from scenes.kit import said as said_module
    from scenes.kit.spoken import narrated_parts, spoken_problems

    shown = []

    def catching(text, spoken, parts):
        shown.append((text, spoken, list(parts)))
        return said_module.split_spoken(text, spoken, parts)

    for module in [m for name, m in list(sys.modules.items()) if name.startswith("scenes.kit.")]:
        if getattr(module, "split_spoken", None) is said_module.split_spoken and module.__name__ not in _SPOKEN_MODULES:
            monkeypatch.setattr(module, "split_spoken", catching)  # where the kit shows a caption
    monkeypatch.setattr(clip_bounds, "_VERDICTS", {})
    check_clip_bounds(scene, dry_run, force=True)
    monkeypatch.undo()
    assert len(shown) >= 5
    for text, spoken, parts in shown:
        for rate in (1.0, 0.5):
            pieces, pieces_spoken = narrated_parts(text, spoken, parts, MAX_SECONDS - 0.25, 42, rate)
            assert " ".join(pieces).split() == " ".join(parts).split(), (text, pieces)
            for (piece, starts, ends, whole), words in zip(_in_parts(pieces, parts), pieces_spoken):
                if whole:
                    continue  # a part shown as it is
                sentences = re.split(r"(?<=[.!?])\s+", piece)
                assert _words(piece) >= 3, (rate, text, pieces)
                assert starts or _words(sentences[0]) >= 3, (rate, piece, pieces)  # "67." is not cut off its sentence
                assert ends or _words(sentences[-1]) >= 3, (rate, piece, pieces)
                if spoken is not None and isinstance(text, said_module.Said):
                    assert words is not None and spoken_problems(piece, words) == [], (piece, words)


_SPOKEN_MODULES = ("scenes.kit.said", "scenes.kit.spoken", "scenes.kit.spoken_timing")


def _words(text: str) -> int:
    return sum(1 for token in text.split() if re.search(r"\w", token))


def _in_parts(pieces: list[str], parts: list[str]) -> list[tuple[str, bool, bool, bool]]:
    """Each piece, whether it begins a sentence or a part, whether it ends one, and whether
    it is a whole part."""
    out, words = [], [part.split() for part in parts]
    index, at = 0, 0
    for piece in pieces:
        size = len(piece.split())
        before = words[index][at - 1] if at else ""
        starts = at == 0 or before.endswith((".", "!", "?"))
        whole = at == 0 and size == len(words[index])
        at += size
        ends = at == len(words[index]) or piece.endswith((".", "!", "?"))
        out.append((piece, starts, ends, whole))
        if at == len(words[index]):
            index, at = index + 1, 0
    return out


def test_a_scene_as_written_is_not_dry_run_twice(monkeypatch):
    monkeypatch.setattr("scenes.kit.lesson.dry_run", lambda *a, **k: pytest.fail("dry run of a default scene"))
    LongPlay.validate()


def test_course_build_with_too_long_settings_exits_2_with_one_line(tmp_path, capsys):
    from course import cli

    course = tmp_path / "course.toml"
    course.write_text(
        'title = "Course"\n[[clips]]\nid = "long"\ntitle = "Long"\nscene = "GradientDescent1D"\n[clips.params]\n'
        f'title = "{LONG_TITLE}"\nsubtitle = "{LONG_SUBTITLE}"\ncaption_width = 24\nread_time = 1.5\n'
        "steps = 4\nmove_time = 2.0\nstarts = [-1.0, 3.0, 0.5]\n",
        encoding="utf-8",
    )
    code = cli.main(["build", str(course), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert len(err.splitlines()) == 1 and "clip 'long'" in err and "the clip would last" in err
    assert not (tmp_path / "out").exists()


def test_the_issue_tangent_slope_at_its_bounds_keeps_every_caption_under_7_s():
    """Long title and subtitle, caption_width 24, shrink 20 s, sweep 60 s, holds at 10, sin on
    [-10, 10]: the issue measured a caption held 20.4 s (one 20 s shrink under one caption)."""
    from scenes.derivative import TangentSlope

    settings = dict(
        title=LONG_TITLE, subtitle=LONG_SUBTITLE, caption_width=24, shrink_time=20.0, sweep_time=60.0,
        title_hold=10.0, read_time=10.0, flat_pause=10.0, end_hold=10.0, x_range=(-10.0, 10.0), function="sin(x)",
    )
    board = dry_run(TangentSlope, check_layout=False, **settings)
    assert max(beat.duration for beat in board.beats) <= MAX_SECONDS
    if board.duration > MAX_CLIP_SECONDS:  # then the settings check refuses it
        with pytest.raises(ClipTooLong):
            with_settings(TangentSlope, **settings).validate()


# -- narrated: the same promise, speech estimated by a narrator that runs no voice -------------
class SpokenSteps(LessonScene):
    """``steps`` captions with numbers in words (about 4 s of speech each at rate 1), and one
    that no boundary can cut (a vector), said in 5 to 6 s."""

    steps: Annotated[int, Setting("captions shown", low=1, high=60)] = 3
    vector = False

    def construct(self):
        from scenes.kit.said import eq, gradient, num, said

        for k in range(self.steps):
            self.caption(said("Step ", k + 1, ": w moves from ", num(-1.25 - k), " to ", num(0.75 + k), "."), facts=NO_FACTS)
            self.hold()
        if self.vector:
            pair = said("(", num(-0.9), ", ", num(-1.2), ")")
            self.caption(said("Along ", eq(gradient(minus=True), pair)), facts=NO_FACTS)
            self.hold()


def test_a_narrated_dry_run_refuses_what_only_the_voice_makes_too_long(monkeypatch):
    """Silent or spoken at rate 1, 20 steps last under 3 minutes; at rate 0.5 they do not, and the
    refusal names the setting and the rate. A caption no boundary can cut, spoken slowly,
    would stay over 7 s: refused too. At rate 1 both are accepted."""
    monkeypatch.setattr(clip_bounds, "_VERDICTS", {})
    many = with_settings(SpokenSteps, steps=20)
    check_clip_bounds(many, dry_run)  # silent: accepted
    check_clip_bounds(many, dry_run, narration="piper")  # narrated at a teacher's pace: accepted
    with pytest.raises(ClipTooLong) as refused:
        check_clip_bounds(many, dry_run, narration=MuteNarrator("piper", 0.5))
    message = str(refused.value)
    assert "\n" not in message and "narrated (piper at rate 0.5)" in message and "the clip would last" in message
    assert "SpokenSteps.steps = 20" in message and "or speak faster than rate 0.5" in message
    vector = with_settings(SpokenSteps, steps=1, vector=True)
    check_clip_bounds(vector, dry_run, force=True, narration="piper")
    with pytest.raises(ClipTooLong, match=r"narrated \(espeak-ng:en-us at rate 0.6\), a caption would stay \d+\.\d s \(at most 7\); speak faster than rate 0.6$"):
        check_clip_bounds(vector, dry_run, force=True, narration=MuteNarrator("espeak-ng:en-us", 0.6))


def test_a_scene_narrated_at_rate_1_as_written_is_not_dry_run_again(monkeypatch):
    """The lessons as written are checked narrated by their tests (force); a course that only
    names them, spoken at rate 1 or faster without recordings, costs no dry run; slower, or
    from recordings, it is checked."""
    monkeypatch.setattr(clip_bounds, "_VERDICTS", {})
    runs = []

    def fake(cls, check_layout=True, **settings):
        runs.append(settings.get("narration"))
        return type("Board", (), {"beats": [type("Beat", (), {"duration": 3.0})()], "duration": 10.0})

    as_written = with_settings(SpokenSteps)
    check_clip_bounds(as_written, fake, narration=MuteNarrator("piper", 1.3))
    assert runs == []
    check_clip_bounds(as_written, fake, narration=MuteNarrator("piper", 0.9))
    check_clip_bounds(as_written, fake, narration=MuteNarrator("piper", 1.0, {1: "take.wav"}))
    assert [(voice.rate, dict(voice.recordings)) for voice in runs] == [(0.9, {}), (1.0, {1: "take.wav"})]
    assert all(isinstance(voice, MuteNarrator) for voice in runs)  # never a voice in a check
    with pytest.raises(TypeError, match="narration must be"):
        check_clip_bounds(SpokenSteps, fake, force=True, narration=3)


def test_a_lesson_as_written_keeps_the_promise_narrated():
    """PositionToSpeed narrated by the default voice at rate 1 (estimated long: +11 % on a
    clip's speech): under 3 minutes, no caption over 7 s."""
    from scenes.speed import PositionToSpeed

    check_clip_bounds(PositionToSpeed, dry_run, force=True, narration="piper")
