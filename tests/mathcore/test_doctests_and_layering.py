"""Every docstring example of mathcore runs (it is documentation a user copies), and
mathcore stays pure mathematics: importing any of its modules never imports manim."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import subprocess
import sys

import pytest

import mathcore

MODULES = sorted(f"mathcore.{info.name}" for info in pkgutil.iter_modules(mathcore.__path__))


def test_every_module_is_listed():
    assert {"mathcore.roots", "mathcore.critical", "mathcore.numeric", "mathcore.descent"} <= set(MODULES)


@pytest.mark.parametrize("name", ["mathcore", *MODULES])
def test_docstring_examples(name):
    module = importlib.import_module(name)
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    result = doctest.testmod(module, optionflags=flags, verbose=False, report=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples of {name} failed (run python -m pytest --doctest-modules {module.__file__})"


def test_mathcore_has_docstring_examples():
    attempted = sum(doctest.testmod(importlib.import_module(n), report=False).attempted for n in MODULES)
    assert attempted >= 30


def test_importing_mathcore_never_imports_manim():
    code = (
        "import importlib, sys\n"
        f"for name in {['mathcore', *MODULES]!r}:\n"
        "    importlib.import_module(name)\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('manim', 'manimpango', 'scenes', 'course'))\n"
        "print(','.join(heavy))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.strip() == "", f"mathcore imported {done.stdout.strip()}"


def test_public_names_still_import():
    from mathcore import (  # noqa: F401
        CriticalPoint,
        Curve,
        DescentPath,
        DomainError,
        ExpressionError,
        FieldSample,
        ScalarField,
        SignRun,
        Tangent,
        gradient_descent,
        parse_expression,
    )

    assert set(mathcore.__all__) <= set(dir(mathcore))
