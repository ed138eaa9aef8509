"""Input keys come from the code a clip really uses: its scene module's import closure."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from course.sources import describe_difference, module_closure, module_sources

ROOT = Path(__file__).resolve().parents[2]


def _copy_project(target: Path, packages=("mathcore", "scenes", "course")) -> Path:
    for package in packages:
        shutil.copytree(ROOT / package, target / package, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def test_closure_of_a_scene_module_is_what_importing_it_loads():
    # The truth: import the module in a fresh interpreter and read sys.modules.
    script = (
        "import importlib, json, sys; importlib.import_module('scenes.derivative'); "
        "print(json.dumps(sorted(n for n in sys.modules if n.split('.')[0] in ('scenes', 'mathcore'))))"
    )
    loaded = json.loads(subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True).stdout)
    closure = module_closure("scenes.derivative")
    assert sorted(closure) == loaded
    assert "scenes.lessons.rolling.scene" not in closure and "scenes.kit.lesson" in closure and "mathcore.curves" in closure
    assert not any(name.startswith("course") for name in closure)


def test_closure_resolves_relative_and_nested_imports(tmp_path):
    package = tmp_path / "scenes"
    (package / "parts").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "parts" / "__init__.py").write_text("")
    (package / "parts" / "shape.py").write_text("from ..palette import RED\n")
    (package / "palette.py").write_text("RED = 1\n")
    (package / "late.py").write_text("X = 2\n")
    (package / "unused.py").write_text("Y = 3\n")
    (package / "lesson.py").write_text(
        textwrap.dedent(
            """
            import numpy
            from .parts import shape
            def construct():
                from scenes import late
            """
        )
    )
    assert sorted(module_closure("scenes.lesson", tmp_path)) == [
        "scenes", "scenes.late", "scenes.lesson", "scenes.palette", "scenes.parts", "scenes.parts.shape",
    ]


def test_stray_file_changes_nothing_and_an_imported_module_edit_changes_the_sources(tmp_path):
    project = _copy_project(tmp_path, ("mathcore", "scenes"))
    before = module_sources("scenes.lessons.derivative.scene", project)
    (project / "scenes" / "scratch_notes.py").write_text("raise SystemExit('not a scene')\n")
    (project / "scenes" / "parts" / "experiment.py").write_text("X = 1\n")
    assert module_sources("scenes.lessons.derivative.scene", project) == before

    tangent = project / "scenes" / "parts" / "plot2d" / "tangent.py"
    tangent.write_text(tangent.read_text() + "\n# an edit\n")
    after = module_sources("scenes.lessons.derivative.scene", project)
    assert {name for name in before if before[name] != after[name]} == {"scenes/parts/plot2d/tangent.py"}
    assert describe_difference({"sources": before}, {"sources": after}) == "scenes/parts/plot2d/tangent.py differs"


def test_input_key_ignores_a_stray_file_and_follows_an_edit_of_an_imported_module(tmp_path):
    project = _copy_project(tmp_path)
    script = textwrap.dedent(
        """
        import json
        from pathlib import Path
        from course.jobs import input_key
        from course.sources import project_sources
        def key():
            project_sources.cache_clear()
            return input_key("TangentSlope", {"function": "x**2"}, "low")
        keys = [key()]
        Path("scenes/stray_experiment.py").write_text("import this_does_not_exist\\n")
        keys.append(key())
        Path("scenes/rolling.py").write_text(Path("scenes/rolling.py").read_text() + "# not used by TangentSlope\\n")
        keys.append(key())
        Path("mathcore/curves.py").write_text(Path("mathcore/curves.py").read_text() + "# used\\n")
        keys.append(key())
        print(json.dumps(keys))
        """
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=project, capture_output=True, text=True, env={"PYTHONPATH": str(project), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    original, with_stray, other_scene_edited, mathcore_edited = json.loads(result.stdout)
    assert original == with_stray == other_scene_edited
    assert mathcore_edited != original


def test_describe_difference_names_versions_and_missing_files():
    ours = {"sources": {"scenes/a.py": "1", "scenes/b.py": "2"}, "manim": "0.22.0"}
    theirs = {"sources": {"scenes/a.py": "1", "scenes/c.py": "3"}, "manim": "0.19.0"}
    text = describe_difference(ours, theirs)
    assert text == "scenes/b.py only here, scenes/c.py only there, manim '0.19.0' there, '0.22.0' here"
