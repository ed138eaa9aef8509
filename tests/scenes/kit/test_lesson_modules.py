"""scenes.kit.lesson is composed of small kit modules: what it re-exports is theirs, and the
lesson mixin stays the one project class under every lesson scene base."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import scenes.kit.lesson as lesson
from mathcore import ExpressionError
from scenes.kit import beat_steps, caption_flow, narration_cues, scene_helpers, scene_settings, title_card

KIT = Path(lesson.__file__).parent

#: Each name scenes.kit.lesson re-exports, and the kit module it lives in.
HOMES = {
    "CurveFormula": scene_settings,
    "FieldFormula": scene_settings,
    "FormulaOf": scene_settings,
    "settings_doc": scene_settings,
    "caption_parts": scene_helpers,
    "fit_in_band": scene_helpers,
    "fit_width": scene_helpers,
    "lower_first": scene_helpers,
    "rendered_from": scene_helpers,
    "SpokenCue": narration_cues,
    "SPEECH_PAUSE": narration_cues,
    "Play": beat_steps,
}
SPLIT = (beat_steps, caption_flow, narration_cues, scene_helpers, scene_settings, title_card)


def test_the_lesson_module_re_exports_the_split_modules():
    for name, home in HOMES.items():
        assert getattr(lesson, name) is getattr(home, name), name
        assert name in home.__all__, name
    assert set(lesson.__all__) == set(HOMES) | {"LessonMixin", "LessonScene", "LessonScene3D"}
    # What tests patch in scenes.kit.lesson is what validate() reads from there.
    assert lesson.check_clip_bounds.__module__ == "scenes.kit.clip_bounds" and lesson.dry_run.__module__ == "scenes.kit.storyboard"


def test_the_split_modules_are_small_and_never_import_the_lesson_module():
    for module in (lesson, *SPLIT):
        source = Path(module.__file__).read_text(encoding="utf-8")
        assert len(source.splitlines()) <= 270, module.__name__
        imported = {node.module for node in ast.walk(ast.parse(source)) if isinstance(node, ast.ImportFrom)}
        if module is not lesson:
            assert "scenes.kit.lesson" not in imported, module.__name__


def test_composed_not_stacked_one_mixin_under_each_base():
    for base in (lesson.LessonScene, lesson.LessonScene3D):
        ours = [k for k in base.__mro__ if k.__module__.startswith("scenes")]
        assert ours == [base, lesson.LessonMixin]


def test_settings_are_read_and_checked_by_scene_settings():
    class Sketch(lesson.LessonScene):
        variable = "x"
        function: lesson.CurveFormula = "x**2"

    assert list(Sketch.parameters()) == ["title", "subtitle", "caption_width", "theme", "function"]
    assert Sketch.parameters() == scene_settings.declared_parameters(Sketch, lesson.LessonMixin)
    Bad = type("Bad", (Sketch,), {"function": "x**"})
    with pytest.raises(ExpressionError, match=r"in Bad\.function"):
        scene_settings.check_settings(Bad)
    Wide = type("Wide", (Sketch,), {"caption_width": 10})
    with pytest.raises(ValueError, match=r"Wide\.caption_width"):
        Wide.validate()


def test_a_scene_without_a_voice_has_no_narrator_and_a_bad_voice_is_refused():
    assert narration_cues.narrator_of(None) is None and narration_cues.narrator_of("") is None
    with pytest.raises(TypeError, match="narration must be"):
        narration_cues.narrator_of(3)
