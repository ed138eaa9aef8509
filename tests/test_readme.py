"""The README's "Reuse a scene" example is real code: every class in it renders."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"


def _reuse_example() -> str:
    section = README.read_text(encoding="utf-8").split("## Reuse a scene", 1)[1].split("\n## ", 1)[0]
    (code,) = re.findall(r"```python\n(.*?)```", section, flags=re.S)
    return code


def _load(tmp_path_factory):
    path = tmp_path_factory.mktemp("readme") / "my_lessons.py"
    path.write_text(_reuse_example(), encoding="utf-8")
    spec = importlib.util.spec_from_file_location("my_lessons", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CLASSES = re.findall(r"^class (\w+)\(", _reuse_example(), flags=re.M)


def test_readme_example_defines_a_subclass_of_every_lesson_scene(tmp_path_factory):
    from scenes.catalog import LESSON

    module = _load(tmp_path_factory)
    bases = {base.__name__ for name in CLASSES for base in getattr(module, name).__bases__}
    assert {entry.scene for entry in LESSON} <= bases


@pytest.mark.parametrize("name", CLASSES)
def test_readme_example_renders(name, render, tmp_path_factory):
    scene_class = getattr(_load(tmp_path_factory), name)
    scene_class.validate()
    result = render(scene_class)
    assert result.movie.stat().st_size > 0
    assert len(result.subcaptions()) >= 3
