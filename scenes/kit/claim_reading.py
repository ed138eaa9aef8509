"""How the claim checker reads a sentence: its clauses, what is negated, what it names.

:mod:`scenes.kit.claims` judges each claim of a caption in its own clause
(:func:`clauses`), flips it when it is denied there (:func:`negated`), and checks the drawn
things a caption names (:func:`named_things`) against the beat's ``visible`` fact
(:func:`is_visible`). The rules are stated in :mod:`scenes.kit.claims`. Nothing here
imports manim.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

__all__ = ["clauses", "is_visible", "named_things", "negated"]

_COLOURS = "yellow|purple|pink|green|red|blue|orange|white|grey|gray|teal|gold"
_THINGS = "balls?|panels?|map|trails?|racers?"
_VISIBLE = re.compile(
    rf"\b(?:(?:watch|see|look at|follow|note)\s+(?:the\s+)?|(?:the|this|that|each|both|its|their)\s+)"
    rf"(?:(?P<colour>{_COLOURS})\s+)?(?P<thing>{_THINGS})\b",
    re.IGNORECASE,
)

_CLAUSE_BREAK = re.compile(
    r"(?<=[.!?;:])\s+|[.!?;:]$|,\s+(?!(?:positive|negative)\b)|\s+[-–—]\s+|\(|\)|"
    r"(?<!\bnot)(?<!\bas)\s+(?=(?:but|while|whereas|although|though|yet|so|because|since|until|unless|which|that|where|when|then)\b)",
    re.IGNORECASE,
)
_VERBAL_NEGATION = re.compile(
    r"\b(?:not|never|cannot|fails? to|failed to|failing to|without(?! (?:bound|limit|end)\b)|instead of)\b|n't\b|\bno longer\b", re.IGNORECASE
)
_SUBJECT_NEGATION = re.compile(r"\b(?:none|neither|nor|0 of|zero of)\b|\bno\b(?! longer)", re.IGNORECASE)
_LEADING_ZERO = re.compile(r"^\s*(?:0|zero)\s+(?!slope|step\b|is\b|of\b|=)[a-z]", re.IGNORECASE)
_COORDINATION = re.compile(r"\s(?:and|or)\s", re.IGNORECASE)


def clauses(text: str) -> list[str]:
    """``text`` cut where one claim's scope ends (see the module notes).

    >>> clauses("It never converges: each step overshoots, so f climbs.")
    ['It never converges', 'each step overshoots', 'so f climbs']
    """
    parts = _CLAUSE_BREAK.split(text)
    return [p.strip().rstrip(".!?;:").strip() for p in parts if p and p.strip(" .!?;:")]


def negated(clause: str, start: int, end: int | None = None) -> bool:
    """Whether the words ``clause[start:end]`` are denied in ``clause``.

    >>> c = "The walk has not settled after 60 steps"
    >>> negated(c, c.index("settled"))
    True
    >>> c = "It never converges and keeps bouncing"
    >>> negated(c, c.index("converges")), negated(c, c.index("bouncing"))
    (True, False)
    """
    end = len(clause) if end is None else end
    before = clause[:end]
    verbal_scope = _COORDINATION.split(clause[:start])[-1] + clause[start:end]
    verbal = len(_VERBAL_NEGATION.findall(verbal_scope))
    subject_words = [w.lower() for w in _SUBJECT_NEGATION.findall(before)]
    subject = 1 if {"neither", "nor"} & set(subject_words) else 0
    subject += sum(1 for w in subject_words if w not in ("neither", "nor"))
    subject += 1 if _LEADING_ZERO.match(clause) else 0
    return (verbal + subject) % 2 == 1


def named_things(text: str) -> list[str]:
    """The drawn things ``text`` names, each a claim that it is visible.

    >>> named_things("Watch the panel: the yellow ball rolls on the map, a ball in words.")
    ['panel', 'yellow ball', 'map']
    """
    return [" ".join(w for w in (m.group("colour"), m.group("thing")) if w).lower() for m in _VISIBLE.finditer(text)]


def is_visible(visible: Any, name: str) -> bool:
    """Whether ``visible`` (a fact, see the module notes) says ``name`` is shown.

    A name without a colour is shown when anything of that kind is ("ball" when
    ``"yellow ball"`` is); a coloured name only when that colour is listed; plurals count
    as their singular.

    >>> is_visible(True, "panel"), is_visible(frozenset({"yellow ball"}), "ball")
    (True, True)
    >>> is_visible(frozenset({"ball"}), "yellow ball"), is_visible(frozenset({"ball"}), "panel")
    (False, False)
    """
    if isinstance(visible, bool):
        return visible
    if visible is None:
        return False
    names = {visible} if isinstance(visible, str) else visible
    if not isinstance(names, Collection):
        return False
    want = _singular(name.lower().strip())
    shown = {_singular(str(n).lower().strip()) for n in names}
    if want in shown:
        return True
    return " " not in want and any(n.split()[-1] == want for n in shown if n)


def _singular(name: str) -> str:
    words = name.split()
    if words and words[-1].endswith("s") and not words[-1].endswith("ss"):
        words[-1] = words[-1][:-1]
    return " ".join(words)
