"""The one-way flow of the design: mathcore -> lesson facts and captions -> scenes -> course.

Facts and captions are pure (they decide what a lesson says, so the tests read them over many
functions without drawing): importing them, or mathcore, must not import manim. And every
docstring example of the lesson framework (``scenes/kit``) runs as a test.
"""

from __future__ import annotations

import doctest
import importlib
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LESSONS = sorted(p.name for p in (ROOT / "scenes" / "lessons").iterdir() if (p / "__init__.py").exists() and p.name != "common")
PURE = [f"scenes.lessons.{lesson}.{part}" for lesson in LESSONS for part in ("facts", "captions") if (ROOT / "scenes" / "lessons" / lesson / f"{part}.py").exists()]


def _loaded_after_import(module: str) -> list[str]:
    script = f"import importlib, json, sys; importlib.import_module({module!r}); print(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_every_lesson_has_its_three_modules():
    for lesson in LESSONS:
        folder = ROOT / "scenes" / "lessons" / lesson
        assert (folder / "scene.py").exists() and (folder / "captions.py").exists(), lesson


@pytest.mark.parametrize("module", PURE)
def test_facts_and_captions_never_import_manim(module):
    loaded = _loaded_after_import(module)
    assert not [name for name in loaded if name == "manim" or name.startswith(("manim.", "manimpango", "cairo"))], module


def test_mathcore_never_imports_scenes_or_course():
    loaded = _loaded_after_import("mathcore")
    assert not [name for name in loaded if name.split(".")[0] in ("manim", "scenes", "course")]


def _kit_modules() -> list[str]:
    import scenes.kit

    return sorted(f"scenes.kit.{info.name}" for info in pkgutil.iter_modules(scenes.kit.__path__))


@pytest.mark.parametrize("name", _kit_modules())
def test_kit_docstring_examples_run(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"


def test_every_lesson_keeps_its_shape():
    """No scene class over 250 lines, at most 5 project classes in its MRO, and no caption
    text written in a scene module (captions come from captions.py, from facts)."""
    import ast

    from course.registry import scene_classes

    classes = scene_classes()
    for lesson in LESSONS:
        path = ROOT / "scenes" / "lessons" / lesson / "scene.py"
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and node.name in classes:
                assert node.end_lineno - node.lineno + 1 <= 250, f"{node.name} is over 250 lines"
                ours = [k for k in classes[node.name].__mro__ if k.__module__.startswith(("scenes", "/"))]
                assert len(ours) <= 5, f"{node.name}: {[k.__name__ for k in ours]}"
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") in ("caption", "beat", "begin_part") and node.args:
                first = node.args[0]
                literal = isinstance(first, ast.JoinedStr) or (isinstance(first, ast.Constant) and isinstance(first.value, str))
                assert not literal, f"{path.name} of {lesson}, line {node.lineno}: caption text in the scene module"
