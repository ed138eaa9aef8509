"""What a caption claims, and whether its beat's facts establish it.

A caption is written from a beat's facts by a pure function. This module is the second
line of defence: it reads the finished sentence for words that assert something about the
function or the walk (downhill, rising, flat, converged, diverged, "the minimum", ...) and
checks each against the facts the beat carries. A claim whose fact is missing counts as a
problem too, so a caption can only say "converged" if its beat knows the walk's status.

Facts are any object with attributes (a frozen dataclass in practice). The names read are:

``fell``        f went down (over the step or walk the caption is about)
``rose``        f went up
``slope``       the slope the caption talks about (its sign is checked)
``status``      a :class:`mathcore.DescentPath` status
``kind``        the kind of the point reached: "minimum", "maximum", "saddle", ...
``in_range``    that point lies in the range shown
``moved``       the thing the caption says moves (a ball, a racer) did move
``visible``     the things the caption names are visible

:func:`claim_problems` returns a list of sentences (empty when every claim is backed).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["CLAIMS", "Claim", "claim_problems"]

_MISSING = object()


@dataclass(frozen=True)
class Claim:
    """A pattern of words and the fact that must hold for a caption to use them."""

    name: str
    pattern: re.Pattern
    fact: str
    holds: Callable[[Any], bool]


def _claim(name: str, words: str, fact: str, holds: Callable[[Any], bool]) -> Claim:
    return Claim(name, re.compile(words, re.IGNORECASE), fact, holds)


def _negative(x: Any) -> bool:
    return x is not None and float(x) < 0


def _positive(x: Any) -> bool:
    return x is not None and float(x) > 0


CLAIMS: tuple[Claim, ...] = (
    _claim("f went down", r"\b(downhill|goes down|went down|falls to|fell|f falls|lower value)\b", "fell", lambda v: v is True),
    _claim("f went up", r"\b(uphill|rises to|rose|f rises|overshot|climb(s|ed)?)\b", "rose", lambda v: v is True),
    _claim("the tangent is flat", r"\b(is flat|flat tangent|slope is zero|slope 0(?![.,]?\d))", "slope", lambda v: v is not None and float(v) == 0),
    _claim("the slope is negative", r"\b(negative slope|slope [^.]*is negative|tangent falls|is falling)\b", "slope", _negative),
    _claim("the slope is positive", r"\b(positive slope|slope [^.]*is positive|tangent rises|is rising)\b", "slope", _positive),
    _claim("the walk converged", r"\b(converge[sd]?|settle[sd]?)\b", "status", lambda v: v == "converged"),
    _claim("the walk diverged", r"\b(diverge[sd]?|runs away|ran away|blows? up)\b", "status", lambda v: v == "diverged"),
    _claim("the walk oscillates", r"\b(oscillat\w*|bounces?|bouncing)\b", "status", lambda v: v == "oscillating"),
    _claim("a minimum was reached", r"\b(reach(es|ed)? (the|a) minimum|at the minimum|the bottom)\b", "kind", lambda v: v == "minimum"),
    _claim("a saddle", r"\bsaddle\b", "kind", lambda v: v == "saddle"),
    _claim("a maximum", r"\b(reach(es|ed)? (the|a) maximum|at the maximum|the top)\b", "kind", lambda v: v == "maximum"),
    _claim("it moves", r"\b(rolls|moves|moving|slides)\b", "moved", lambda v: v is True),
)


def claim_problems(caption: str, facts: Any, claims: tuple[Claim, ...] = CLAIMS) -> list[str]:
    """Each claim in ``caption`` that ``facts`` do not establish, as a sentence.

    A claim about the point reached ("the minimum") also needs ``in_range`` to be true
    when the facts carry it.
    """
    problems = []
    for claim in claims:
        if not claim.pattern.search(caption):
            continue
        value = getattr(facts, claim.fact, _MISSING) if facts is not None else _MISSING
        if value is _MISSING:
            problems.append(f"{caption!r} claims {claim.name}, but its facts have no {claim.fact!r}")
        elif not claim.holds(value):
            problems.append(f"{caption!r} claims {claim.name}, but {claim.fact} = {value!r}")
        elif claim.fact == "kind" and getattr(facts, "in_range", True) is False:
            problems.append(f"{caption!r} claims {claim.name}, but that point is outside the range shown")
    return problems
