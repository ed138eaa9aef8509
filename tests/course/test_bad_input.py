"""Every bad input to ``lessons`` is one line on stderr and exit code 2, before anything renders."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from course.cli import _parse_set, main
from course.course_file import Clip, CourseError, check_clip, load_course
from course.output import owned_output
from course.registry import scene_classes
from tests.course.test_course_file import GOOD

ROOT = Path(__file__).resolve().parents[2]



def one_error_line(capsys, argv: list[str]) -> str:
    """Run ``lessons argv``; check exit 2 and a single stderr line; return that line."""
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 2, err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err[:2000]
    assert lines[0].startswith("lessons: error: ")
    return lines[0]


@pytest.fixture
def good_course(tmp_path) -> Path:
    path = tmp_path / "good.toml"
    path.write_text(GOOD)
    return path


@pytest.mark.parametrize(
    "params, words",
    [
        ("x0 = " + "9" * 400, ["params.x0", "finite number"]),
        ("x0 = -" + "9" * 400 + ".5", ["params.x0", "finite number"]),
        ("x0 = nan", ["params.x0", "finite number"]),
        ("x_range = [-inf, 2.0]", ["params.x_range", "finite number"]),
        ("decimals = " + "9" * 400, ["params.decimals", "whole number of at most"]),
        ("x_range = " + "[" * 50 + "]" * 50, ["params.x_range"]),
    ],
    ids=["400-digits", "400-digit-float", "nan", "inf", "huge-int", "nested-list"],
)
def test_numbers_a_setting_cannot_hold(capsys, tmp_path, params, words):
    path = tmp_path / "course.toml"
    path.write_text(GOOD.replace("x_range = [-2.5, 2.5]", params))
    line = one_error_line(capsys, ["build", str(path), "--out", str(tmp_path / "site")])
    for word in words:
        assert word in line
    assert len(line) < 400
    assert not (tmp_path / "site").exists()


def test_toml_nested_3000_deep(capsys, tmp_path):
    path = tmp_path / "deep.toml"
    path.write_text('title = "x"\nclips = ' + "[" * 3000 + "]" * 3000 + "\n")
    line = one_error_line(capsys, ["build", str(path), "--out", str(tmp_path / "site")])
    assert "nested too deeply" in line and str(path) in line


def test_set_nested_3000_deep(capsys, tmp_path):
    line = one_error_line(capsys, ["render", "TangentSlope", "--set", "x_range=" + "[" * 3000 + "]" * 3000, "--out", str(tmp_path)])
    assert "nested too deeply" in line


@pytest.mark.parametrize("kind", ["dev-zero", "fifo", "folder", "too-large"])
def test_course_path_that_is_not_a_small_regular_file(capsys, tmp_path, kind):
    if kind == "dev-zero":
        path = Path("/dev/zero")
    elif kind == "fifo":
        path = tmp_path / "course.toml"
        os.mkfifo(path)  # with no writer, reading it would wait forever
    elif kind == "folder":
        path = tmp_path
    else:
        path = tmp_path / "big.toml"
        path.write_text(GOOD + "\n# padding\n" * 200_000)
    line = one_error_line(capsys, ["build", str(path), "--out", str(tmp_path / "site")])
    assert "cannot be read as a course file" in line
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("out", ["file", "/dev/null", "/dev/null/x"])
def test_out_that_is_not_a_folder(capsys, good_course, tmp_path, out):
    target = tmp_path / "a-file.txt"
    target.write_text("keep")
    path = str(target) if out == "file" else out
    line = one_error_line(capsys, ["build", str(good_course), "--out", path])
    assert path in line
    assert target.read_text() == "keep"


def test_out_foreign_and_non_empty(capsys, good_course, tmp_path):
    out = tmp_path / "v"
    (out / "clips" / "family-photos").mkdir(parents=True)
    line = one_error_line(capsys, ["build", str(good_course), "--out", str(out)])
    assert "not a course built by lessons" in line
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*")) == ["clips", "clips/family-photos"]


def test_work_folder_that_is_a_symlink(capsys, good_course, tmp_path):
    out = tmp_path / "site"
    with owned_output(out):
        pass
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("keep")
    (out / ".work").symlink_to(elsewhere)
    line = one_error_line(capsys, ["build", str(good_course), "--out", str(out)])
    assert ".work" in line and "symbolic link" in line
    assert [p.name for p in elsewhere.iterdir()] == ["keep.txt"]


def test_error_names_the_keys_of_a_domain_error(tmp_path):
    path = tmp_path / "course.toml"
    path.write_text(GOOD.replace('"x**3 - 3*x"', '"log(x)"').replace("[-2.5, 2.5]", "[-5, -1]\nsweep = [-4, -2]\nx0 = -3"))
    with pytest.raises(CourseError) as info:
        load_course(path)
    message = str(info.value)
    assert "keys 'params.function', 'params.x_range'" in message
    assert "no finite values" in message


def test_error_names_the_key_the_scene_names(tmp_path):
    path = tmp_path / "course.toml"
    path.write_text(GOOD.replace("x_range = [-2.5, 2.5]", "h_start = 0.0"))
    with pytest.raises(CourseError, match=r"key 'params.h_start': "):
        load_course(path)


@pytest.mark.parametrize("item, key, value", [("title=2024", "title", "2024"), ("function=2", "function", "2"), ("subtitle=true", "subtitle", "true")])
def test_set_gives_text_settings_the_text_as_typed(item, key, value):
    scene = scene_classes()["TangentSlope"]
    params = _parse_set([item], scene.parameters())
    assert params == {key: value}
    clip = check_clip(Clip(id="t", title="t", scene="TangentSlope", params=params), "test")
    assert getattr(clip.scene_class(), key) == value


def test_set_still_reads_numbers_for_number_settings():
    scene = scene_classes()["TangentSlope"]
    assert _parse_set(["x0=2", "x_range=[-3, 3]"], scene.parameters()) == {"x0": 2, "x_range": [-3, 3]}


def test_ctrl_c_during_start_up_is_one_line(tmp_path):
    process = subprocess.Popen(
        [sys.executable, "-m", "course.cli", "list"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    # Interrupt while the scenes and manim are still being imported (that takes seconds).
    try:
        process.communicate(timeout=0.4)
    except subprocess.TimeoutExpired:
        pass
    assert process.poll() is None, "lessons list finished before it could be interrupted"
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert "Traceback" not in err
    assert err.strip().splitlines() == [err.strip()] and "interrupted" in err
    assert out == ""


def test_storyboard_of_an_unknown_scene_is_one_line(capsys):
    from course.cli import main

    assert main(["storyboard", "NoSuchScene", "--dry"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "unknown scene" in err[0]


def test_storyboard_refuses_a_bad_setting_before_running(capsys):
    from course.cli import main

    assert main(["storyboard", "TangentSlope", "--dry", "--set", "caption_width=0"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "caption_width" in err[0]
