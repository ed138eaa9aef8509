"""Every kind of bad course file is refused before anything renders, in one clear line."""

import subprocess
import sys
from pathlib import Path

import pytest

from course.course_file import CourseError, default_course, load_course
from scenes.catalog import LESSON

ROOT = Path(__file__).resolve().parents[2]

GOOD = """
title = "My course"

[[clips]]
id = "cubic"
title = "A cubic"
scene = "TangentSlope"

[clips.params]
function = "x**3 - 3*x"
x_range = [-2.5, 2.5]
"""

# (name, course text, words the one-line message must contain)
BAD = [
    ("broken_toml", 'title = "x"\n[[clips]\nid = 1', ["not valid TOML"]),
    ("no_title", '[[clips]]\nid = "a"\ntitle = "A"\nscene = "TangentSlope"', ["'title'"]),
    ("no_clips", 'title = "x"', ["[[clips]]"]),
    ("unknown_scene", GOOD.replace('scene = "TangentSlope"', 'scene = "NoSuchScene"'), ["clip 'cubic'", "'scene'", "NoSuchScene"]),
    ("unknown_param", GOOD.replace('function = "x**3 - 3*x"', 'colour = "red"'), ["clip 'cubic'", "params.colour"]),
    ("wrong_type", GOOD.replace("x_range = [-2.5, 2.5]", 'x_range = "wide"'), ["clip 'cubic'", "params.x_range", "'wide'"]),
    ("wrong_length", GOOD.replace("x_range = [-2.5, 2.5]", "x_range = [1, 2, 3]"), ["params.x_range", "2 items"]),
    ("bad_expression", GOOD.replace("x**3 - 3*x", "__import__('os').system('true')"), ["clip 'cubic'", "params.function", "__import__"]),
    ("two_names", GOOD.replace("x**3 - 3*x", "x*y"), ["params.function", "the names x, y"]),  # one other name (y**2) is the variable
    ("duplicate_id", GOOD + GOOD.split("title = \"My course\"")[1], ["duplicate id 'cubic'"]),
    ("bad_id", GOOD.replace('id = "cubic"', 'id = "../escape"'), ["'id'", "../escape"]),
    ("unknown_clip_key", GOOD.replace('scene = "TangentSlope"', 'scene = "TangentSlope"\ncolour = 3'), ["clip 1", "'colour'"]),
    ("unknown_top_key", "author = 'me'\n" + GOOD, ["'author'"]),
]


@pytest.mark.parametrize("name, text, words", BAD, ids=[b[0] for b in BAD])
def test_load_course_rejects_with_file_clip_and_key(tmp_path, name, text, words):
    path = tmp_path / f"{name}.toml"
    path.write_text(text)
    with pytest.raises(CourseError) as info:
        load_course(path)
    message = str(info.value)
    assert str(path) in message
    assert "\n" not in message
    for word in words:
        assert word in message


def test_load_course_reads_a_good_file_and_coerces_types(tmp_path):
    path = tmp_path / "good.toml"
    path.write_text(GOOD)
    course = load_course(path)
    assert course.title == "My course"
    (clip,) = course.clips
    assert clip.params == {"function": "x**3 - 3*x", "x_range": (-2.5, 2.5)}
    assert clip.scene_class().function == "x**3 - 3*x"


def test_load_course_missing_file(tmp_path):
    with pytest.raises(CourseError, match="no such file"):
        load_course(tmp_path / "nope.toml")


def test_default_course_follows_the_catalog_in_order():
    course = default_course()
    assert [clip.scene for clip in course.clips] == [entry.scene for entry in LESSON]
    assert len({clip.id for clip in course.clips}) == len(course.clips)


@pytest.mark.parametrize("name, text, words", [BAD[0], BAD[4], BAD[7], BAD[9]], ids=["toml", "param", "expression", "duplicate"])
def test_cli_build_bad_course_exits_2_with_one_line_and_writes_nothing(tmp_path, name, text, words):
    path = tmp_path / "course.toml"
    path.write_text(text)
    out = tmp_path / "site"
    out.mkdir()
    (out / "manifest.json").write_text("previous build")
    before = sorted(p.name for p in out.iterdir())
    result = subprocess.run(
        [sys.executable, "-m", "course.cli", "build", str(path), "--out", str(out), "--quality", "low"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith("lessons: error: ")
    for word in words:
        assert word in lines[0]
    assert sorted(p.name for p in out.iterdir()) == before
    assert (out / "manifest.json").read_text() == "previous build"


def test_cli_render_bad_set_value_exits_2(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "course.cli", "render", "TangentSlope", "--set", "function=log(0)", "--out", str(tmp_path / "o")],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 2
    assert "params.function" in result.stderr and "no real value" in result.stderr
    assert not (tmp_path / "o").exists()


def test_cli_render_unknown_scene_exits_2(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "course.cli", "render", "Nope", "--out", str(tmp_path / "o")],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 2
    assert "unknown scene 'Nope'" in result.stderr
