"""Chapters, description lines and transcripts of a clip, from beat records (no rendering)."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from course.chapters import (
    Chapter,
    chapters_of,
    chapters_vtt,
    clock,
    description_lines,
    description_text,
    merged_for_description,
    transcript_text,
)
from course.gallery import chapter_list, embed_snippet, gallery_html, transcript_block
from scenes.kit.beats import NO_FACTS, BeatRecord


def beat(text: str, start: float, end: float, part: str | None) -> BeatRecord:
    return BeatRecord(text, NO_FACTS, start, end, part=part)


#: A lesson of four parts: a title card in the first, a short third part (4 s).
LESSON = [
    beat("Walking downhill", 0.8, 3.0, "The rule"),
    beat("The slope says which way is up.", 3.2, 7.0, "The rule"),
    beat("So we step the other way.", 7.2, 12.0, "The rule"),
    beat("Start at w = -1.00.", 12.2, 16.0, "Walking from w = -1.00"),
    beat("The slope there is -4.00, so w grows.", 16.2, 22.0, "Walking from w = -1.00"),
    beat("Then it is", 22.2, 24.0, "Walking from w = -1.00"),
    beat("smaller: the steps shrink.", 24.0, 26.0, "Walking from w = -1.00"),
    beat("Near the bottom, f stops falling.", 26.2, 30.0, "Near the bottom"),
    beat("All the walks <together> & done.", 30.2, 41.0, "All the walks"),
]


def test_one_chapter_per_part_first_at_zero_each_ending_where_the_next_begins():
    marks = chapters_of(LESSON, 42.5, "Walking downhill")
    assert [(c.title, c.start, c.end) for c in marks] == [
        ("The rule", 0.0, 12.2),
        ("Walking from w = -1.00", 12.2, 26.2),
        ("Near the bottom", 26.2, 30.2),
        ("All the walks", 30.2, 42.5),
    ]


def test_a_part_that_comes_back_is_a_new_chapter_and_beats_before_any_part_join_the_first():
    beats = [beat("Title", 0.5, 2, None), beat("a", 2, 5, "A"), beat("b", 5, 8, "B"), beat("c", 8, 11, "A")]
    assert [(c.title, c.start) for c in chapters_of(beats, 12.0, "T")] == [("A", 0.0), ("B", 5.0), ("A", 8.0)]


def test_a_lesson_without_parts_is_one_chapter_named_by_its_title():
    beats = [beat("Hello", 0.5, 3, None), beat("World", 3, 6, None)]
    assert chapters_of(beats, 7.0, "The slope") == [Chapter("The slope", 0.0, 7.0)]
    assert chapters_of([], 7.0, "The slope") == [Chapter("The slope", 0.0, 7.0)]


def test_a_part_starting_at_the_clips_end_is_dropped():
    beats = [beat("a", 0.5, 3, "A"), beat("b", 9.0, 9.0, "B")]
    assert [c.title for c in chapters_of(beats, 9.0, "T")] == ["A"]


@pytest.mark.parametrize("duration, title", [(0.0, "T"), (-1.0, "T"), (float("nan"), "T"), ("9", "T"), (5.0, " "), (5.0, None)])
def test_bad_duration_or_title_is_refused_in_one_line(duration, title):
    with pytest.raises(ValueError) as error:
        chapters_of(LESSON, duration, title)
    assert "\n" not in str(error.value)


def test_chapters_vtt_has_one_escaped_cue_per_chapter():
    marks = chapters_of(LESSON, 42.5, "Walking downhill")
    marks[-1] = Chapter("All <the> walks & more", marks[-1].start, marks[-1].end)
    text = chapters_vtt(marks)
    assert text.startswith("WEBVTT\n\n")
    stamps = re.findall(r"^(\d\d:\d\d:\d\d\.\d{3}) --> (\d\d:\d\d:\d\d\.\d{3})$", text, re.M)
    assert stamps == [("00:00:00.000", "00:00:12.200"), ("00:00:12.200", "00:00:26.200"), ("00:00:26.200", "00:00:30.200"), ("00:00:30.200", "00:00:42.500")]
    assert "All &lt;the&gt; walks &amp; more" in text and "<the>" not in text
    assert "\n\n\n" not in text  # a blank line inside a cue would end it


def test_description_merges_a_short_part_into_the_next_and_starts_at_zero():
    marks = chapters_of(LESSON, 42.5, "Walking downhill")
    assert description_lines(marks) == ["0:00 The rule", "0:12 Walking from w = -1.00", "0:26 Near the bottom · All the walks"]


def test_description_merges_a_short_last_part_into_the_one_before():
    marks = [Chapter("A", 0, 15), Chapter("B", 15, 30), Chapter("C", 30, 34)]
    assert description_lines(marks) == ["0:00 A", "0:15 B · C"]


def test_description_of_a_clip_shorter_than_ten_seconds_is_one_line():
    assert description_lines([Chapter("A", 0, 3), Chapter("B", 3, 8)]) == ["0:00 A · B"]
    assert description_text([Chapter("A", 0, 3)]) == "0:00 A\n"


@pytest.mark.parametrize("seed", range(20))
def test_description_marks_are_at_least_ten_whole_seconds_apart_for_any_parts(seed):
    import random

    rng = random.Random(seed)
    t, marks = 0.0, []
    for number in range(rng.randint(1, 12)):
        length = rng.choice([0.9, 2.5, 6.0, 9.99, 10.0, 10.01, 14.3, 31.7])
        marks.append(Chapter(f"part {number}", t, t + length))
        t += length
    merged = merged_for_description(marks)
    assert merged[0].start == 0.0 and merged[-1].end == pytest.approx(t)
    assert all(a.end == b.start for a, b in zip(merged, merged[1:]))  # nothing lost between them
    if t >= 10:
        assert all(c.duration >= 10 - 1e-9 for c in merged)
    seconds = [int(m.split(":")[0]) * 60 + int(m.split(" ")[0].split(":")[1]) for m in description_lines(marks)]
    assert seconds[0] == 0 and all(b - a >= 10 for a, b in zip(seconds, seconds[1:]))
    assert " · ".join(c.title for c in merged) == " · ".join(c.title for c in marks)  # every part named, in order


def test_clock_rounds_down_and_shows_hours():
    assert [clock(0), clock(9.99), clock(75.5), clock(3600), clock(3725.2)] == ["0:00", "0:09", "1:15", "1:00:00", "1:02:05"]


def test_transcript_is_one_paragraph_per_part_under_its_title():
    marks = chapters_of(LESSON, 42.5, "Walking downhill")
    text = transcript_text(LESSON, marks, "Walking downhill", title_card="Walking downhill")
    paragraphs = text.strip().split("\n\n")
    assert paragraphs[0] == "Walking downhill"  # the title card is the heading, not a sentence
    assert paragraphs[1] == "The rule\nThe slope says which way is up. So we step the other way."
    assert paragraphs[2] == "Walking from w = -1.00\nStart at w = -1.00. The slope there is -4.00, so w grows. Then it is smaller: the steps shrink."
    assert paragraphs[3:] == ["Near the bottom\nNear the bottom, f stops falling.", "All the walks\nAll the walks <together> & done."]


def test_transcript_keeps_a_subtitle_and_every_caption_once():
    beats = [beat("Slopes: of a cubic", 0.5, 3, "Curve"), beat("One.", 3, 6, "Curve"), beat("Two.", 6, 9, None)]
    text = transcript_text(beats, chapters_of(beats, 10, "Slopes"), "Slopes", title_card="Slopes: of a cubic")
    assert text == "Slopes\nSlopes: of a cubic\n\nCurve\nOne. Two.\n"


def test_job_writes_the_three_files_and_returns_what_the_record_keeps(tmp_path):
    from course.jobs import FILE_KINDS, FILE_SUFFIXES, ClipJob, write_chapters

    job = ClipJob(id="walk", scene="GradientDescent1D", params={}, quality="low", key="k" * 64, clips_dir="", work_dir="")
    names = {kind: f"walk.{FILE_SUFFIXES[kind]}" for kind in FILE_KINDS}
    scene = SimpleNamespace(beats=LESSON, title="Walking downhill", subtitle="")
    kept = write_chapters(scene, job, 42.5, tmp_path, names)
    assert (tmp_path / "walk.chapters.vtt").read_text().count(" --> ") == 4
    assert (tmp_path / "walk.chapters.txt").read_text().splitlines() == kept["description"]
    assert (tmp_path / "walk.transcript.txt").read_text() == kept["transcript"]
    assert [c["title"] for c in kept["chapters"]] == ["The rule", "Walking from w = -1.00", "Near the bottom", "All the walks"]
    untitled = write_chapters(SimpleNamespace(beats=[], title="", subtitle=""), job, 5.0, tmp_path, names)
    assert untitled["chapters"] == [{"title": "GradientDescent1D", "start": 0.0, "end": 5.0}]


CLIP = {
    "id": "walk",
    "title": "Walking",
    "scene": "GradientDescent1D",
    "params": {},
    "duration": 42.5,
    "width": 854,
    "height": 480,
    "fps": 15.0,
    "files": {k: f"clips/walk-abc/walk.{e}" for k, e in [("mp4", "mp4"), ("webm", "webm"), ("poster", "png"), ("vtt", "vtt"), ("srt", "srt"), ("chapters", "chapters.vtt")]},
    "sha256": {},
    "chapters": [c.as_dict() for c in chapters_of(LESSON, 42.5, "Walking downhill")],
    "transcript": transcript_text(LESSON, chapters_of(LESSON, 42.5, "Walking downhill"), "Walking downhill", "Walking downhill"),
}


def test_gallery_lists_chapters_that_seek_and_a_transcript_toggle():
    page = gallery_html({"title": "C", "clips": [CLIP]})
    assert page.count("data-seek=") == 4
    assert 'data-seek="12.200"><span class="at">0:12</span>Walking from w = -1.00</button>' in page
    assert '<track kind="chapters" src="clips/walk-abc/walk.chapters.vtt"' in page
    block = transcript_block(CLIP)
    assert block.startswith('<details class="transcript"><summary>Transcript</summary>')
    assert "<h3>Near the bottom</h3><p>Near the bottom, f stops falling.</p>" in block
    assert "&lt;together&gt; &amp; done" in block and "<together>" not in page


def test_gallery_page_is_white_for_a_light_course_only():
    light = {**CLIP, "params": {"theme": "light"}}
    assert '<body class="light">' in gallery_html({"title": "C", "clips": [light, light]})
    assert "<body>" in gallery_html({"title": "C", "clips": [light, CLIP]})  # one dark clip: a dark page
    assert "<body>" in gallery_html({"title": "C", "clips": [CLIP]})


def test_gallery_without_chapters_or_transcript_shows_neither():
    bare = {k: v for k, v in CLIP.items() if k not in ("chapters", "transcript")}
    bare["files"] = {k: v for k, v in CLIP["files"].items() if k != "chapters"}
    assert chapter_list(bare) == "" and transcript_block(bare) == ""
    assert 'kind="chapters"' not in embed_snippet(bare)
    assert "<details" not in gallery_html({"title": "C", "clips": [bare]})
