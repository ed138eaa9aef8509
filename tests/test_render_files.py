"""The files users render: ``manim scenes/<topic>.py Scene`` finds every lesson scene there,
and ``inspect.getsource`` still finds each lesson class where it is written.

Manim loads a render file under a name made of its absolute path and keeps only the classes
whose ``__module__`` starts with it; the course imports the same files as modules. Both must
see the lesson classes of :mod:`scenes.catalog` (this broke once when the lessons moved into
``scenes/lessons/``: "There are no scenes inside that module").
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
import pickle
import subprocess
import sys
import typing
from pathlib import Path

import pytest

from scenes.catalog import LESSON
from scenes.kit.home import homes, render_here, written_in

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted({entry.path for entry in LESSON})


@pytest.mark.parametrize("path", FILES)
def test_manim_finds_the_lessons_of_a_render_file(path):
    # manim's own loader, as its command line calls it, in a fresh interpreter: with the path
    # as typed from the project root (module "scenes.derivative") and as an absolute path
    # (module "/.work.main.scenes.derivative"); then a teacher's file of variants beside it.
    script = (
        "import json, sys; from pathlib import Path; from manim.utils.module_ops import get_module, get_scene_classes_from_module; "
        "names = lambda p: sorted(c.__name__ for c in get_scene_classes_from_module(get_module(Path(p)))); "
        f"print(json.dumps([names({path!r}), names({str(ROOT / path)!r})]))"
    )
    found = json.loads(subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True).stdout.splitlines()[-1])
    expected = sorted(entry.scene for entry in LESSON if entry.path == path)
    assert found == [expected, expected]


def test_manim_finds_a_teachers_variants_and_not_the_lessons_they_import(tmp_path):
    (tmp_path / "my_lessons.py").write_text(
        "from scenes.derivative import TangentSlope\nfrom scenes.rolling import BallRollsToMinimum, MomentumRace\n\n"
        "class CubicTangent(TangentSlope):\n    function = 'x**3 - 3*x'\n"
    )
    script = (
        "import json; from pathlib import Path; from manim.utils.module_ops import get_module, get_scene_classes_from_module; "
        "print(json.dumps(sorted(c.__name__ for c in get_scene_classes_from_module(get_module(Path('my_lessons.py'))))))"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, env=env, check=True)
    assert json.loads(result.stdout.splitlines()[-1]) == ["CubicTangent"]


def test_the_course_registry_finds_every_lesson_in_its_render_module():
    from course.registry import render_module, scene_classes

    classes = scene_classes()
    assert sorted(classes) == sorted(entry.scene for entry in LESSON)
    for entry in LESSON:
        assert render_module(entry.scene) == entry.module
        assert entry.module in homes(classes[entry.scene])


@pytest.mark.parametrize("entry", LESSON, ids=[entry.scene for entry in LESSON])
def test_the_source_of_a_lesson_class_is_where_it_was_written(entry):
    cls = getattr(importlib.import_module(entry.module), entry.scene)
    lines, start = inspect.getsourcelines(cls)
    heads = [line for line in lines if not line.lstrip().startswith("@")]  # decorators come first
    assert heads[0].startswith(f"class {entry.scene}("), lines[:3]
    assert len(lines) > 5
    source_file = Path(inspect.getsourcefile(cls))
    assert source_file.parts[-4:-2] == ("scenes", "lessons") and source_file.name == "scene.py", source_file
    assert cls.__module__ == written_in(cls) and sys.modules[cls.__module__].__file__ == str(source_file)
    assert pickle.loads(pickle.dumps(cls)) is cls
    assert typing.get_type_hints(cls)  # annotations resolve in the module they were written in


def test_render_here_keeps_every_home_and_the_plain_name():
    class Lesson:
        pass

    written = Lesson.__module__
    render_here("scenes.demo", Lesson)
    render_here("/.work.main.scenes.demo", Lesson)
    render_here("scenes.demo", Lesson)
    assert Lesson.__module__ == written and hash(Lesson.__module__) == hash(written)
    assert homes(Lesson) == ("scenes.demo", "/.work.main.scenes.demo")
    assert Lesson.__module__.startswith("/.work.main.scenes") and Lesson.__module__.startswith(("x", "scenes.de"))
    assert not Lesson.__module__.startswith("scenes.demo2") and not Lesson.__module__.startswith("my_lessons")
    assert type(pickle.loads(pickle.dumps(Lesson.__module__))) is str

    class Variant(Lesson):  # a subclass is at home where it is written, nowhere else
        pass

    assert homes(Variant) == () and not Variant.__module__.startswith("scenes.demo")


def test_a_lesson_imported_without_its_render_file_still_shows_its_source(tmp_path):
    """``rendered_from`` names the render file a home; the class keeps the module it was
    written in, so getsource works before any render file is imported."""
    script = (
        "import inspect, json, sys\n"
        "from scenes.lessons.descent.scene import GradientDescent1D as G\n"
        "assert 'scenes.descent' not in sys.modules\n"
        "print(json.dumps([str(G.__module__), inspect.getsource(G).count('class GradientDescent1D('), G.__module__.startswith('scenes.descent')]))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, env=env, check=True)
    assert json.loads(result.stdout.splitlines()[-1]) == ["scenes.lessons.descent.scene", 1, True]
