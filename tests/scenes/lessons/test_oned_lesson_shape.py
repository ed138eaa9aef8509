"""The shape of the two first lessons (derivative, speed): facts and captions import no
manim, the scene modules hold no caption text, every caption gets facts, no scene class
over 250 lines, and the old module names keep every public name importable."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.scenes.lessons.scene_source import caption_problems

ROOT = Path(__file__).resolve().parents[3]
LESSONS = ["derivative", "speed"]


@pytest.mark.parametrize("lesson", LESSONS)
def test_facts_and_captions_import_no_manim(lesson):
    code = (
        f"import sys, scenes.lessons.{lesson}.facts, scenes.lessons.{lesson}.captions; "
        "assert 'manim' not in sys.modules, sorted(m for m in sys.modules if m.startswith('manim'))[:3]"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


@pytest.mark.parametrize("lesson", LESSONS)
def test_scene_modules_hold_no_caption_text_and_every_caption_has_facts(lesson):
    assert caption_problems(ROOT / "scenes" / "lessons" / lesson / "scene.py") == []
    tree = ast.parse((ROOT / "scenes" / "lessons" / lesson / "scene.py").read_text())
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            assert node.end_lineno - node.lineno + 1 <= 250, node.name


def test_the_no_slide_caption_writes_numbers_for_people():
    from scenes.lessons.derivative import captions, facts

    text = captions.no_slide_caption(facts.NoSlide("x", 0.00001, 2.5, 2))
    assert "e-" not in text and text == "f has no stretch from x = 0 to 2.50 where the tangent could slide."


@pytest.mark.parametrize(
    ("old", "names"),
    [
        ("scenes.derivative_beats", ["Gap", "SecantFacts", "Stop", "Stretch", "TangentFacts", "equals", "gap_caption", "point_text",
                                     "secant_caption", "slope_decimals", "stop_caption", "stretch_caption", "sweep_plan", "tangent_caption",
                                     "shrink_caption", "summary_caption", "MAX_DECIMALS"]),
        ("scenes.speed_beats", ["Move", "Turn", "find_turns", "move_caption", "no_turn_caption", "summary_caption", "time_plan", "turn_caption"]),
    ],
)
def test_old_module_names_keep_their_public_names(old, names):
    import importlib

    module = importlib.import_module(old)
    for name in names:
        assert hasattr(module, name), f"{old}.{name}"
