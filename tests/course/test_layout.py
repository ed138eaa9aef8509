"""The packages depend one way: mathcore -> scenes -> course."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def imported_packages(package: str) -> set[str]:
    """Top-level names every module of ``package`` imports (absolute imports only)."""
    names = set()
    for path in (ROOT / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names


def test_scenes_never_import_course():
    assert "course" not in imported_packages("scenes")


def test_mathcore_imports_neither_scenes_nor_course():
    assert not {"scenes", "course"} & imported_packages("mathcore")
