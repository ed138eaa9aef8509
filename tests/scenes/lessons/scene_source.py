"""What a lesson's scene module may hold, read from its source: no caption text of its own,
and every line shown with the facts it was written from."""

from __future__ import annotations

import ast
from pathlib import Path


def caption_problems(path: Path) -> list[str]:
    """Each ``self.caption(...)`` / ``self.beat(...)`` in ``path`` that shows a literal
    (text, f-string, concatenation) or a line without its facts (``facts=``, or a ``Line``
    built from its text and its facts, also as ``Line(*words.caption(facts))``). Raises if the module shows no line at all."""
    tree = ast.parse(Path(path).read_text())
    calls = [node for node in ast.walk(tree)
             if isinstance(node, ast.Call) and getattr(node.func, "attr", None) in ("caption", "beat") and node.args]
    if not calls:
        raise AssertionError(f"{path}: no caption or beat found")
    problems = []
    for node in calls:
        first = node.args[0]
        line = isinstance(first, ast.Call) and getattr(first.func, "id", None) in ("Line", "CaptionLine")
        text = first.args[0] if line and first.args else first
        if isinstance(text, (ast.Constant, ast.JoinedStr, ast.BinOp)):
            problems.append(f"caption text in the scene: {ast.unparse(node)}")
        paired = line and (len(first.args) == 2 or (len(first.args) == 1 and isinstance(text, ast.Starred)))  # Line(*words.x())
        if not (paired or any(kw.arg == "facts" for kw in node.keywords)):
            problems.append(f"no facts: {ast.unparse(node)}")
    return problems
