"""The project code a clip's pixels depend on: its scene module and everything it imports.

A clip's input key hashes the source files in the import closure of the module that
defines its scene class, restricted to the project's own packages (``mathcore`` and
``scenes``). Imports are read from the source with :mod:`ast`, so nothing is executed:
every ``import`` and ``from ... import`` anywhere in a module (also inside functions or
``try`` blocks) counts, relative imports are resolved, and importing ``a.b.c`` brings in
the ``__init__.py`` of ``a`` and ``a.b`` as Python would. A stray file that no scene
imports therefore changes no key, while an edit to any module a scene really uses does.

The closure is a safe superset: an import that a module only makes in a branch that never
runs still counts.
"""

from __future__ import annotations

import ast
import hashlib
from functools import cache
from pathlib import Path

__all__ = ["PROJECT_PACKAGES", "ROOT", "describe_difference", "module_closure", "module_sources", "project_sources"]

ROOT = Path(__file__).resolve().parents[1]

#: The packages whose code decides what a clip looks like (the build itself is not one).
PROJECT_PACKAGES: tuple[str, ...] = ("mathcore", "scenes")


def module_file(name: str, root: Path) -> Path | None:
    """The source file of the project module ``name`` under ``root``, or None.

    A package resolves to its ``__init__.py``. Names outside :data:`PROJECT_PACKAGES`
    (numpy, manim, the standard library) resolve to None.
    """
    parts = name.split(".")
    if parts[0] not in PROJECT_PACKAGES or not all(part.isidentifier() for part in parts):
        return None
    base = root.joinpath(*parts)
    for candidate in (base / "__init__.py", base.with_suffix(".py")):
        if candidate.is_file():
            return candidate
    return None


def _imported_names(tree: ast.AST, name: str, is_package: bool) -> set[str]:
    """Every module name an import statement in ``tree`` may load (absolute names)."""
    package = name if is_package else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)] if node.level > 1 else anchor
                base = ".".join(anchor + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            found.add(base)
            # ``from pkg import name``: name may be a submodule (kept only if its file exists).
            found.update(f"{base}.{alias.name}" for alias in node.names if alias.name != "*")
    return found


def _with_parents(name: str) -> list[str]:
    parts = name.split(".")
    return [".".join(parts[: end + 1]) for end in range(len(parts))]


def module_closure(module: str, root: Path = ROOT) -> dict[str, Path]:
    """The project modules that importing ``module`` loads: dotted name -> source file.

    Parameters
    ----------
    module : str
        A dotted module name, e.g. ``"scenes.lessons.derivative.scene"``.
    root : Path
        The project root holding the packages (default: this checkout).

    Returns
    -------
    dict of str to Path
        ``module`` itself, its parent packages and everything they import within the
        project, transitively, sorted by name.
    """
    closure: dict[str, Path] = {}
    pending = _with_parents(module)
    while pending:
        name = pending.pop()
        if name in closure:
            continue
        path = module_file(name, root)
        if path is None:
            continue
        closure[name] = path
        tree = ast.parse(path.read_bytes(), filename=str(path))
        for imported in _imported_names(tree, name, path.name == "__init__.py"):
            pending.extend(_with_parents(imported))
    return dict(sorted(closure.items()))


def module_sources(module: str, root: Path = ROOT) -> dict[str, str]:
    """The sha256 of each file in ``module``'s closure, by path relative to ``root``."""
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in module_closure(module, root).values()
    }


@cache
def project_sources(module: str) -> dict[str, str]:
    """:func:`module_sources` of this checkout, read once per process."""
    return module_sources(module, ROOT)


def describe_difference(ours: dict, theirs: dict) -> str:
    """What differs between two clips' key inputs, in a few words naming files and versions.

    Both are dictionaries as :func:`course.jobs.key_inputs` returns them: a ``sources``
    mapping of file -> sha256 and plain values (manim's version, the build format, ...).
    """
    mine, other = ours.get("sources", {}), theirs.get("sources", {})
    files = sorted(name for name in mine.keys() | other.keys() if mine.get(name) != other.get(name))
    parts = [f"{name} differs" if name in mine and name in other else f"{name} only {'here' if name in mine else 'there'}" for name in files[:5]]
    if len(files) > 5:
        parts.append(f"{len(files) - 5} more files")
    for key in sorted(ours.keys() | theirs.keys()):
        if key != "sources" and ours.get(key) != theirs.get(key):
            parts.append(f"{key} {theirs.get(key)!r} there, {ours.get(key)!r} here")
    return ", ".join(parts) or "no difference found"
