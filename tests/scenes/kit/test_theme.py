"""The light theme: a lesson setting, chosen in a course file or on the command line, part of a
clip's key, refused in one line when unknown, and drawn on white with dark captions."""

from __future__ import annotations

import numpy as np
import pytest

from course.course_file import CourseError, load_course
from scenes.kit import style, theme
from scenes.kit.storyboard import with_settings

COURSE = """
title = "Themes"
{top}

[[clips]]
id = "own"
title = "Its own theme"
scene = "TangentSlope"
{own}

[[clips]]
id = "plain"
title = "No theme of its own"
scene = "TangentSlope"
"""


def course(tmp_path, top: str = "", own: str = ""):
    path = tmp_path / "course.toml"
    path.write_text(COURSE.format(top=top, own=own))
    return path


def test_theme_is_a_declared_setting_of_every_lesson():
    from scenes.catalog import LESSON
    import importlib

    for entry in LESSON:
        scene = getattr(importlib.import_module(entry.module), entry.scene)
        annotation, value = scene.parameters()["theme"]
        assert value == "dark", entry.scene


def test_a_lesson_class_attribute_chooses_the_theme_and_a_bad_one_is_refused():
    from scenes.derivative import TangentSlope

    class Pale(TangentSlope):
        theme = "sepia"

    with pytest.raises(ValueError) as error:
        Pale.validate()
    assert str(error.value) == "Pale.theme = 'sepia': unknown theme (choose dark or light)"
    with pytest.raises(ValueError, match=r"TangentSlope.theme = 3: expected text"):
        with_settings(TangentSlope, theme=3).validate()


def test_course_theme_top_level_per_clip_and_in_params(tmp_path):
    loaded = load_course(course(tmp_path, top='theme = "light"', own='theme = "dark"'))
    assert loaded.theme == "light"
    assert [c.params for c in loaded.clips] == [{"theme": "dark"}, {}]
    assert [c.params for c in loaded.themed().clips] == [{"theme": "dark"}, {"theme": "light"}]
    in_params = load_course(course(tmp_path, own='[clips.params]\ntheme = "light"'))
    assert in_params.theme is None and in_params.themed() == in_params
    assert [c.params for c in in_params.clips] == [{"theme": "light"}, {}]


@pytest.mark.parametrize(
    "top, own, words",
    [
        ('theme = "sepia"', "", "course.toml: key 'theme': 'sepia' is not a theme (choose dark or light)"),
        ("theme = 1", "", "key 'theme': 1 is not a theme"),
        ("", 'theme = "Light"', "clip 'own': key 'theme': 'Light' is not a theme"),
        ("", 'theme = "light"\n[clips.params]\ntheme = "light"', "clip 'own': key 'theme': give the theme once"),
        ("", '[clips.params]\ntheme = "blue"', "clip 'own': key 'params.theme': TangentSlope.theme = 'blue': unknown theme"),
    ],
)
def test_a_bad_theme_in_a_course_file_is_one_line_naming_the_key(tmp_path, top, own, words):
    with pytest.raises(CourseError) as error:
        load_course(course(tmp_path, top=top, own=own))
    assert words in str(error.value) and "\n" not in str(error.value)


def test_theme_on_the_command_line_is_checked_in_one_line_with_exit_2(tmp_path, capsys):
    from course.cli import main

    path = course(tmp_path)
    assert main(["build", str(path), "--out", str(tmp_path / "site"), "--theme", "sepia"]) == 2
    assert main(["render", "TangentSlope", "--out", str(tmp_path / "one"), "--theme", "white"]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert lines == [
        "lessons: error: --theme: 'sepia' is not a theme (choose dark or light)",
        "lessons: error: --theme: 'white' is not a theme (choose dark or light)",
    ]
    assert not (tmp_path / "site").exists() and not (tmp_path / "one").exists()  # refused before anything is written


def test_the_theme_is_part_of_a_clips_key():
    from course.jobs import input_key

    dark, light = input_key("TangentSlope", {}, "low"), input_key("TangentSlope", {"theme": "light"}, "low")
    assert dark != light
    assert input_key("TangentSlope", {"theme": "light"}, "low") == light


class _Enough(Exception):
    pass


def _frames_at_beats(scene_class, beats: int = 2):
    """The frames at the end of the first ``beats`` beats, drawn small, and the caption boxes
    (in pixels) of those beats; the run stops there."""
    from manim import config, tempconfig

    frames, boxes = [], []

    def grab(scene, beat):
        scene.renderer.update_frame(scene)
        frame = np.array(scene.renderer.get_frame())[..., :3]
        words = scene._caption_mobject.words
        height, width = frame.shape[:2]
        to_px = lambda x, y: (int((x / config.frame_width + 0.5) * width), int((0.5 - y / config.frame_height) * height))  # noqa: E731
        (x0, y0), (x1, y1) = to_px(words.get_left()[0], words.get_top()[1]), to_px(words.get_right()[0], words.get_bottom()[1])
        frames.append(frame)
        boxes.append((x0, y0, x1, y1))
        if len(frames) >= beats:
            raise _Enough

    options = {"dry_run": True, "write_to_movie": False, "disable_caching": True, "verbosity": "ERROR", "progress_bar": "none",
               "pixel_width": 640, "pixel_height": 360, "frame_rate": 15}
    with tempconfig(options):
        scene = scene_class(skip_animations=True)
        scene.beat_hook = grab
        with pytest.raises(_Enough):
            scene.render()
    return frames, boxes


@pytest.mark.render
def test_a_light_render_is_white_with_dark_caption_text():
    from scenes.descent import GradientDescent1D

    frames, boxes = _frames_at_beats(with_settings(GradientDescent1D, theme="light"))
    assert theme.current_theme() == "dark" and style.BACKGROUND.to_hex() == "#111318"  # back to the default after the run
    ink = np.array(theme.palette("light")["INK"].to_rgb()) * 255
    for frame, (x0, y0, x1, y1) in zip(frames, boxes):
        for corner in (frame[2, 2], frame[2, -3], frame[-3, 2], frame[-3, -3]):
            assert tuple(corner) == (255, 255, 255)
        assert np.mean(np.all(frame > 250, axis=-1)) > 0.6  # the page is white, not only its corners
        caption = frame[y0:y1, x0:x1].astype(float)
        luminance = caption.mean(axis=-1)
        assert np.mean(luminance > 235) > 0.5  # the text sits on the white plate...
        darkest = caption.reshape(-1, 3)[np.argmin(luminance)]
        assert np.all(np.abs(darkest - ink) < 40) and np.mean(luminance < 100) > 0.03  # ...in dark ink


def test_a_dark_frame_is_still_dark():
    from scenes.descent import GradientDescent1D

    frames, boxes = _frames_at_beats(GradientDescent1D, beats=1)
    assert tuple(frames[0][2, 2]) == tuple(int(round(255 * c)) for c in style.BACKGROUND.to_rgb())
