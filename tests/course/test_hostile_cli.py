"""``lessons`` as a hostile or hurried user meets it: every mistake is one line on stderr,
exit code 2, no traceback, naming what was wrong (and the closest name when one was
mistyped), before anything renders; files the tool did not make are never replaced.

All in process and without rendering: :func:`course.build.render_all` fails the test if a
case ever gets that far.
"""

from __future__ import annotations

import json
import os
import shutil
import sys

import pytest

import course.build
import course.course_file
from course.cli import main, max_jobs
from course.narration import Narration
from tests.course.test_bad_input import one_error_line
from tests.course.test_course_file import GOOD

CLIP = GOOD.split('title = "My course"', 1)[1]  # one [[clips]] table with its params


@pytest.fixture(autouse=True)
def never_render(monkeypatch):
    def render_all(*args, **kwargs):
        raise AssertionError("a case reached rendering")

    monkeypatch.setattr(course.build, "render_all", render_all)


def course_file(tmp_path, text: str | bytes):
    path = tmp_path / "course.toml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return str(path)


def _clips(count: int, last: str = "") -> str:
    return 'title = "Many"\n' + "".join(CLIP.replace('id = "cubic"', f'id = "c{n}"') for n in range(count)) + last


# (id, argv with {good}/{tmp} in it or a course text for "build", words the line must hold)
COMMAND_LINES = [
    ("scene-case", ["render", "tangentslope"], ["unknown scene 'tangentslope'", "did you mean 'TangentSlope'?"]),
    ("scene-typo-storyboard", ["storyboard", "TangentSlop", "--dry"], ["did you mean 'TangentSlope'?"]),
    ("scene-empty", ["render", ""], ["unknown scene ''", "known: "]),
    ("setting-typo", ["render", "TangentSlope", "--set", "fucntion=x**2"], ["'params.fucntion'", "did you mean 'function'?"]),
    ("setting-twice", ["render", "TangentSlope", "--set", "x0=1", "--set", "x0=2"], ["--set 'x0' is given twice"]),
    ("setting-no-value", ["render", "TangentSlope", "--set", "function"], ["expected KEY=VALUE"]),
    ("setting-nan", ["render", "TangentSlope", "--set", "x0=nan"], ["params.x0", "finite number"]),
    ("setting-inf", ["render", "TangentSlope", "--set", "x0=-inf"], ["params.x0", "finite number"]),
    ("setting-1e999", ["render", "TangentSlope", "--set", "x0=1e999"], ["params.x0", "finite number"]),
    ("setting-text-for-number", ["render", "TangentSlope", "--set", "x0=abc"], ["params.x0", "expected a number, got 'abc'"]),
    ("setting-huge-list", ["render", "TangentSlope", "--set", "x_range=[" + "1.0," * 100_000 + "2.0]"], ["params.x_range", "2 items, got 100001"]),
    ("formula-empty", ["render", "TangentSlope", "--set", "function="], ["params.function", "empty"]),
    ("formula-superscript", ["render", "TangentSlope", "--set", "function=x²"], ["params.function", "'x²'", "not a valid formula"]),
    ("formula-zero-width", ["render", "TangentSlope", "--set", "function=x**2\u200b"], ["params.function", "not a valid formula"]),
    ("formula-huge", ["render", "TangentSlope", "--set", "function=" + "x+" * 100_000 + "x"], ["params.function", "the limit is 500"]),
    ("title-newline", ["render", "TangentSlope", "--set", "title=Slopes\nagain"], ["params.title", "one line of text", "U+000A"]),
    ("title-escape", ["render", "TangentSlope", "--set", "title=\x1b[2Jgone"], ["params.title", "U+001B"]),
    ("title-bidi", ["render", "TangentSlope", "--set", "subtitle=abc\u202edcba"], ["params.subtitle", "U+202E"]),
    ("bool-for-int", ["render", "TangentSlope", "--set", "caption_width=true"], ["params.caption_width", "whole number"]),
    ("theme-setting", ["render", "TangentSlope", "--set", "theme=neon"], ["params.theme", "'neon'"]),
    ("quality", ["render", "TangentSlope", "--quality", "nonsense"], ["--quality", "invalid choice: 'nonsense'", "lessons render --help"]),
    ("quality-typo", ["build", "--quality", "hihg"], ["--quality", "did you mean 'high'?"]),
    ("quality-pasted", ["build", "--quality", "low" * 10_000], ["--quality", "invalid choice: 'lowlowlow", "...'"]),
    ("jobs-pasted", ["build", "--jobs", "9" * 10_000 + "x"], ["--jobs", "invalid int value: '999"]),
    ("theme", ["render", "TangentSlope", "--theme", "nonsense"], ["--theme", "'nonsense' is not a theme"]),
    ("theme-empty", ["build", "--theme", ""], ["--theme", "'' is not a theme"]),
    ("theme-twice", ["render", "TangentSlope", "--theme", "light", "--set", "theme=dark"], ["give the theme once"]),
    ("voice", ["render", "TangentSlope", "--narrate", "nosuchvoice"], ["--narrate nosuchvoice", "unknown voice"]),
    ("rate-0", ["render", "TangentSlope", "--narrate", "--rate", "0"], ["--rate 0", "from 0.5 to 2"]),
    ("rate-nan", ["render", "TangentSlope", "--narrate", "--rate", "nan"], ["--rate nan", "from 0.5 to 2"]),
    ("rate-text", ["render", "TangentSlope", "--rate", "fast"], ["--rate", "invalid float value: 'fast'"]),
    ("rate-without-voice", ["render", "TangentSlope", "--rate", "1.5"], ["--rate 1.5", "with --narrate"]),
    ("out-empty", ["render", "TangentSlope", "--out", ""], ["--out", "an empty path"]),
    ("jobs-0", ["build", "--jobs", "0"], ["--jobs 0", f"give 1 to {max_jobs()}"]),
    ("jobs-negative", ["build", "--jobs", "-1"], ["--jobs -1"]),
    ("jobs-1000", ["build", "--jobs", "1000"], ["--jobs 1000", f"give 1 to {max_jobs()}"]),
    ("jobs-text", ["build", "--jobs", "all"], ["--jobs", "invalid int value: 'all'"]),
    ("scheduler-empty", ["build", "--scheduler", ""], ["--scheduler ''"]),
    ("scheduler-nonsense", ["build", "--scheduler", "nonsense"], ["--scheduler 'nonsense'", "tcp://HOST:8786"]),
    ("no-command", [], ["required: command"]),
    ("command-typo", ["rendr", "TangentSlope"], ["invalid choice: 'rendr'", "did you mean 'render'?"]),
    ("extra-argument", ["list", "extra"], ["unrecognized arguments: extra"]),
    ("course-empty-path", ["build", ""], ["an empty path"]),
    ("course-under-a-file", ["build", "{tmp}/a-file/course.toml"], ["cannot be read as a course file"]),
]


@pytest.mark.parametrize("argv, words", [case[1:] for case in COMMAND_LINES], ids=[case[0] for case in COMMAND_LINES])
def test_a_mistake_on_the_command_line_is_one_line(capsys, tmp_path, argv, words):
    (tmp_path / "a-file").write_text("keep")
    argv = [arg.replace("{tmp}", str(tmp_path)) for arg in argv]
    line = one_error_line(capsys, [*argv, *(["--out", str(tmp_path / "site")] if argv[:1] == ["build"] and "--out" not in argv else [])])
    for word in words:
        assert word in line, line
    assert len(line) < 700
    assert not (tmp_path / "site").exists()
    assert (tmp_path / "a-file").read_text() == "keep"


COURSES = [
    ("not-toml", "this is : not toml ]]", ["not valid TOML"]),
    ("not-utf8", b"title = '\xff'\n", ["not UTF-8 text"]),
    ("title-missing", CLIP, ["key 'title' must be non-empty text, got None"]),
    ("title-blank", 'title = "  "\n' + CLIP, ["key 'title' must be non-empty text"]),
    ("title-control", 'title = "My\\u0000course\\u001b[31m"\n' + CLIP, ["key 'title'", "one line of text", "U+0000"]),
    ("title-long", f'title = "{"T" * 201}"\n' + CLIP, ["key 'title' must be at most 200 characters, got 201"]),
    ("clip-title-newline", 'title = "T"\n' + CLIP.replace('title = "A cubic"', 'title = "A\\ncubic"'), ["clip 1: key 'title'", "U+000A"]),
    ("top-key-typo", 'titel = "T"\n' + CLIP, ["unknown top-level key 'titel'", "did you mean 'title'?"]),
    ("clip-key-typo", 'title = "T"\n' + CLIP.replace("[clips.params]", "[clips.parms]"), ["unknown key 'parms'", "did you mean 'params'?"]),
    ("scene-typo", 'title = "T"\n' + CLIP.replace('"TangentSlope"', '"TangentSlop"'), ["key 'scene'", "did you mean 'TangentSlope'?"]),
    ("param-typo", 'title = "T"\n' + CLIP.replace("function =", "fucntion ="), ["params.fucntion", "did you mean 'function'?"]),
    ("duplicate-id", 'title = "T"\n' + CLIP + CLIP, ["clip 2: key 'id': duplicate id 'cubic'"]),
    ("clips-not-tables", 'title = "T"\nclips = [1, 2]\n', ["clip 1: must be a table"]),
    ("too-many-clips", 'title = "T"\n' + '[[clips]]\nid = "a"\n' * 1001, ["1,001 [[clips]] tables", "at most 1,000"]),
    ("formula-unicode", 'title = "T"\n' + CLIP.replace("x**3 - 3*x", "x³ − 3x"), ["params.function", "not a valid formula"]),
    ("theme", 'theme = "neon"\ntitle = "T"\n' + CLIP, ["key 'theme'", "'neon' is not a theme"]),
    ("narration-voice", 'title = "T"\n' + CLIP + '[narration]\nvoice = "nosuch"\n', ["[narration] key 'voice'", "unknown voice 'nosuch'"]),
    ("narration-rate", 'title = "T"\n' + CLIP + "[narration]\nrate = 0\n", ["[narration] key 'rate'", "from 0.5 to 2"]),
]


@pytest.mark.parametrize("text, words", [case[1:] for case in COURSES], ids=[case[0] for case in COURSES])
def test_a_mistake_in_a_course_file_is_one_line(capsys, tmp_path, text, words):
    path = course_file(tmp_path, text)
    line = one_error_line(capsys, ["build", path, "--out", str(tmp_path / "site")])
    assert line.startswith(f"lessons: error: {path}: ")
    for word in words:
        assert word in line, line
    assert not (tmp_path / "site").exists()


LAST_CLIP_WRONG = [
    (_clips(40) + CLIP.replace('"cubic"', '"c0"'), "clip 41: key 'id': duplicate id 'c0'"),
    (_clips(40) + CLIP.replace('"cubic"', '"z"').replace("x_range", "x_rnage"), "'params.x_rnage'"),
    (_clips(40) + "[narration]\nvoice = 'nosuch'\n", "unknown voice 'nosuch'"),
    ('theme = "neon"\n' + _clips(40), "'neon' is not a theme"),
]


def test_a_course_file_nobody_may_read_is_one_line(capsys, tmp_path, monkeypatch):
    def unreadable(path, limit, follow=True):  # (the tests run as root, whom chmod 000 does not stop)
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(course.course_file, "read_regular_text", unreadable)
    line = one_error_line(capsys, ["build", course_file(tmp_path, GOOD), "--out", str(tmp_path / "site")])
    assert line == f"lessons: error: {tmp_path / 'course.toml'}: cannot be read as a course file (Permission denied)"


def test_a_course_file_saved_with_a_byte_order_mark_is_read(tmp_path):
    read = course.course_file.load_course(course_file(tmp_path, "\ufeff" + GOOD))
    assert read.title == "My course" and [clip.id for clip in read.clips] == ["cubic"]


@pytest.mark.parametrize("text, words", LAST_CLIP_WRONG, ids=["duplicate", "param", "narration", "theme"])
def test_a_mistake_after_many_clips_is_found_before_any_scene_is_dry_run(capsys, tmp_path, monkeypatch, text, words):
    def validated(*args):
        raise AssertionError("a scene was dry-run before every clip was read")

    monkeypatch.setattr(course.course_file, "_validated", validated)
    line = one_error_line(capsys, ["build", course_file(tmp_path, text), "--out", str(tmp_path / "site")])
    assert words in line, line


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
def test_an_espeak_voice_that_is_not_installed_is_refused_before_rendering(capsys, tmp_path):
    line = one_error_line(capsys, ["render", "TangentSlope", "--narrate", "espeak-ng:zz-nope", "--out", str(tmp_path)])
    assert line == "lessons: error: --narrate espeak-ng:zz-nope: voice 'espeak-ng:zz-nope': espeak-ng has no voice 'zz-nope' (see espeak-ng --voices)"
    line = one_error_line(capsys, ["build", course_file(tmp_path, 'title = "T"\n' + CLIP + '[narration]\nvoice = "espeak-ng:zz-nope"\n'), "--out", str(tmp_path / "site")])
    assert "[narration]" in line and "no voice 'zz-nope'" in line
    assert course.build.checked_narration(course.course_file.Course("t", (), "here", Narration(voice="espeak-ng:en-us"))).narration.voice == "espeak-ng:en-us"


def test_script_keeps_files_it_did_not_write(capsys, tmp_path):
    path = course_file(tmp_path, 'title = "T"\n' + CLIP)
    (tmp_path / "a-file").write_text("keep")
    line = one_error_line(capsys, ["script", path, "--out", str(tmp_path / "a-file")])
    assert "is a file, not a folder" in line
    line = one_error_line(capsys, ["script", path, "-o", str(tmp_path / "a-file" / "script")])
    assert "a-file is a file, not a folder" in line
    notes = tmp_path / "notes"
    notes.mkdir()
    for name, text in [("cubic.txt", "my own notes"), ("script.json", '{"mine": true}'), ("script.json", "not json")]:
        (notes / name).write_text(text)
        line = one_error_line(capsys, ["script", path, "-o", str(notes)])
        assert f"{notes / name} is not a narration script lessons wrote" in line
        assert (notes / name).read_text() == text
        (notes / name).unlink()
    (notes / "cubic.txt").symlink_to(tmp_path / "a-file")
    assert "is not a narration script" in one_error_line(capsys, ["script", path, "-o", str(notes)])
    assert (tmp_path / "a-file").read_text() == "keep"


def test_script_writes_over_its_own_script(capsys, tmp_path, monkeypatch):
    def write_script(course, out):  # the dry run of a narrated script is not what is tested here
        out.mkdir(exist_ok=True)
        (out / "cubic.txt").write_text("cubic: A cubic (TangentSlope), 3 cues, 5.0 s\n")
        (out / "script.json").write_text(json.dumps({"title": "T", "voice": None, "clips": []}))
        return [out / "cubic.txt", out / "script.json"]

    monkeypatch.setattr("course.narration.write_script", write_script)
    path = course_file(tmp_path, 'title = "T"\n' + CLIP)
    for _ in range(2):
        assert main(["script", path, "-o", str(tmp_path / "script")]) == 0
    assert "narration script: 1 clips" in capsys.readouterr().out


def test_storyboard_out_refuses_what_it_did_not_make(capsys, tmp_path):
    from PIL import Image

    photo = tmp_path / "photo.png"
    Image.new("RGB", (4, 4)).save(photo)
    before = photo.read_bytes()
    for out, words in [(tmp_path / "sheet.txt", "a contact sheet is a PNG"), (photo, "is not a contact sheet lessons made"),
                       (tmp_path / "photo.png" / "x.png", "photo.png is a file, not a folder"), (tmp_path, "a contact sheet is a PNG")]:
        line = one_error_line(capsys, ["storyboard", "TangentSlope", "-o", str(out)])
        assert f"--out {out}" in line and words in line, line
    assert photo.read_bytes() == before
    (tmp_path / "folder.png").mkdir()
    assert "not a contact sheet" in one_error_line(capsys, ["storyboard", "TangentSlope", "--out", str(tmp_path / "folder.png")])


def test_storyboard_writes_over_its_own_sheet_only(tmp_path):
    from PIL import Image

    from scenes.kit.storyboard import _save_sheet, check_sheet_path, is_contact_sheet

    sheet = tmp_path / "deep" / "sheet.png"
    check_sheet_path(sheet)  # new: fine, its folders are made
    _save_sheet(Image.new("RGB", (8, 8)), sheet)
    assert is_contact_sheet(sheet) and [p.name for p in sheet.parent.iterdir()] == ["sheet.png"]
    check_sheet_path(sheet)  # its own sheet may be written again
    plain = tmp_path / "plain.png"
    Image.new("RGB", (8, 8)).save(plain)
    assert not is_contact_sheet(plain)
    check_sheet_path(plain, default=True)  # media/storyboards/: sheets from before they were marked
    with pytest.raises(ValueError, match="not a contact sheet"):
        check_sheet_path(plain)
    old_sheet = tmp_path / "old-sheet.png"  # a sheet from before sheets were marked: its size tells
    Image.new("RGB", (1440, 2 * 322)).save(old_sheet)
    assert is_contact_sheet(old_sheet) and not is_contact_sheet(tmp_path / "missing.png")
    Image.new("RGB", (1440, 2 * 322 + 1)).save(old_sheet)
    assert not is_contact_sheet(old_sheet)
    (tmp_path / "notes.png").write_text("not a picture")
    with pytest.raises(ValueError, match="not a contact sheet"):
        check_sheet_path(tmp_path / "notes.png", default=True)


def test_a_scheduler_address_from_the_environment_is_named_so(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("LESSONS_SCHEDULER", "render-1")
    line = one_error_line(capsys, ["build", "--out", str(tmp_path / "site")])
    assert line == "lessons: error: $LESSONS_SCHEDULER 'render-1': expected a Dask scheduler address such as tcp://HOST:8786"
    assert "--scheduler 'nonsense'" in one_error_line(capsys, ["build", "--scheduler", "nonsense", "--out", str(tmp_path / "site")])


def test_help_and_list_are_not_errors(capsys):
    assert main(["--help"]) == 0
    assert main(["build", "--help"]) == 0
    assert "-o OUT, --out OUT" in capsys.readouterr().out


def test_ctrl_c_outside_a_build_does_not_talk_of_clips(capsys, monkeypatch):
    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr("course.cli._list", interrupted)
    assert main(["list"]) == 130
    err = capsys.readouterr().err
    assert err.strip() == "lessons: interrupted; nothing was left half-written." and "clips" not in err


def test_list_into_a_pipe_whose_reader_left_is_quiet(capsys, monkeypatch):
    # ``lessons list | head -1``: head reads one line and leaves; no "Broken pipe" line after it
    read_end, write_end = os.pipe()
    os.close(read_end)
    stdout = open(write_end, "w", buffering=1)
    monkeypatch.setattr(sys, "stdout", stdout)
    try:
        assert main(["list"]) == 1
    finally:
        stdout.close()
    assert capsys.readouterr().err == ""
