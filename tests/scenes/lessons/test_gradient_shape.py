"""The shape of the slope lessons (partials, gradient, gradient_field): each package has its
pure facts and captions (no manim), scene classes stay under 250 lines with no caption
literal, and the old module names still export every name they had."""

from __future__ import annotations

import ast
import importlib
import inspect
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
PACKAGES = ["partials", "gradient", "gradient_field"]

#: Every public name the old modules had (they are aliases of the moved modules now).
OLD_NAMES = {
    "scenes.partials_beats": ["FlatFacts", "SliceFacts", "compass", "flat_caption", "intro_caption", "point_caption",
                              "slice_caption", "slice_facts", "summary_caption", "tangent_caption", "walk_words"],
    "scenes.gradient_beats": ["DirectionFacts", "FieldFacts", "arrows_caption", "field_facts", "flip_caption",
                              "length_caption", "partials_caption", "pattern_caption", "range_caption", "stand_caption",
                              "stop_caption", "sum_caption", "way_down_caption", "zero_gradient_caption"],
    "scenes.slope_facts": ["MOST_DIGITS", "PointFacts", "digits_for", "point_facts", "typical_slope"],
    "scenes.gradient_field": ["GradientField", "GradientFieldLesson", "TOP_VIEW"],
    "scenes.gradient_lesson": ["GradientLesson"],
}


@pytest.mark.parametrize("module", sorted(OLD_NAMES))
def test_old_module_names_export_what_they_had(module):
    loaded = importlib.import_module(module)
    missing = [name for name in OLD_NAMES[module] if not hasattr(loaded, name)]
    assert not missing, (module, missing)


def test_facts_and_captions_never_import_manim():
    modules = [f"scenes.lessons.{p}.{m}" for p in PACKAGES for m in ("facts", "captions")]
    modules.append("scenes.lessons.common.point_facts")
    code = "import sys\n" + "".join(f"import {m}\n" for m in modules) + "print('manim' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("package", PACKAGES)
def test_each_package_has_its_three_modules_and_a_docstring(package):
    folder = ROOT / "scenes" / "lessons" / package
    assert all((folder / f"{name}.py").exists() for name in ("facts", "captions", "scene"))
    assert ast.get_docstring(ast.parse((folder / "__init__.py").read_text()))


@pytest.mark.parametrize("package", PACKAGES)
def test_scene_classes_are_short_and_hold_no_caption_text(package):
    module = importlib.import_module(f"scenes.lessons.{package}.scene")
    tree = ast.parse(Path(module.__file__).read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            assert node.end_lineno - node.lineno + 1 <= 250, (package, node.name)
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") in ("caption", "play_title_card"):
            texts = [a for a in node.args[:1] if isinstance(a, (ast.Constant, ast.JoinedStr))]
            assert not texts, (package, ast.unparse(node))
            assert any(k.arg == "facts" for k in node.keywords), (package, ast.unparse(node))  # facts, even empty
    for cls in (c for _, c in inspect.getmembers(module, inspect.isclass) if c.__module__ == module.__name__):
        assert len(inspect.getsourcelines(cls)[0]) <= 250
