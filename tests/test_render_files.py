"""The files users render: ``manim scenes/<topic>.py Scene`` finds every lesson scene there.

Manim loads a render file under a name made of its absolute path and keeps only the classes
whose ``__module__`` starts with it; the course imports the same files as modules. Both must
see the lesson classes of :mod:`scenes.catalog` (this broke once when the lessons moved into
``scenes/lessons/``: "There are no scenes inside that module").
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from scenes.catalog import LESSON

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted({entry.path for entry in LESSON})


@pytest.mark.parametrize("path", FILES)
def test_manim_finds_the_lessons_of_a_render_file(path):
    # manim's own loader, as its command line calls it, in a fresh interpreter
    script = (
        "import json, sys; from pathlib import Path; from manim.utils.module_ops import get_module, get_scene_classes_from_module; "
        f"module = get_module(Path({str(ROOT / path)!r})); "
        "print(json.dumps(sorted(c.__name__ for c in get_scene_classes_from_module(module))))"
    )
    found = json.loads(subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True).stdout.splitlines()[-1])
    expected = sorted(entry.scene for entry in LESSON if entry.path == path)
    assert found == expected


def test_the_course_registry_finds_every_lesson_in_its_render_module():
    from course.registry import scene_classes

    classes = scene_classes()
    for entry in LESSON:
        assert classes[entry.scene].__module__ == entry.module
