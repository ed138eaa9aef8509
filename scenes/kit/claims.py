"""What a caption claims, and whether its beat's facts establish it.

A caption is written from a beat's facts, by the phrase functions of
:mod:`scenes.kit.phrases` where it claims something. This module is the net under them: it
reads the finished sentence for words that assert something about the function, the walk
or the picture (downhill, rising, flat, converged, diverged, "the minimum", "the panel",
...) and checks each against the facts the beat carries. A claim whose fact is missing
counts as a problem too, so a caption can only say "converged" if its beat knows the
walk's status.

Facts are any object with attributes (a frozen dataclass in practice). The names read are:

``fell``        f went down (over the step or walk the caption is about)
``rose``        f went up
``slope``       the slope the caption talks about (its sign is checked; 0 exactly = flat)
``status``      a :class:`mathcore.DescentPath` status
``kind``        the kind of the point reached: "minimum", "maximum", "saddle", ...
``in_range``    that point lies in the range shown (False: the walk is off the map)
``moved``       the thing the caption says moves (a ball, a racer) did move
``visible``     what is drawn: True (everything the caption names is shown), False
                (nothing is), or a collection of names of what is shown, lower case, as
                captions name them: ``frozenset({"ball", "yellow ball", "panel", "map",
                "trail", "minimum"})`` (see :func:`is_visible`)

How a sentence is read
----------------------
The text is cut into clauses (at ``. ; : ! ?``, commas, dashes and words such as "but",
"so", "because", "until", "which"), and each claim is judged in its own clause, so a
negation only flips the clause it is in. A claim is *negated* when an odd number of
negations come before it in its clause: "not", "never", "n't", "cannot", "fails to",
"without", "instead of", "no longer" count until the next "and"/"or" ("It never converges
and keeps bouncing" negates only "converges"); a negated subject ("no", "none",
"neither ... nor", "0 of the steps", a clause that starts with "0" or "zero") counts for the
whole clause ("0 overshoot and go up"). A negated claim needs the opposite fact: "It never
converges." needs a status other than "converged". Words are matched in all their forms
(converge, converges, converged, converging). A thing named with "the" (or "watch",
"see", "on the map") is a claim that it is visible; that claim is never negated ("the ball
does not move" still says there is a ball to see). The reading is
:mod:`scenes.kit.claim_reading`'s; the words, and the fact each needs, are :data:`CLAIMS`.

Limits: the net reads only the words of :data:`CLAIMS`; a conditional ("would diverge if
η were larger") is read as a claim about this beat's facts; "the same walk", "changes sign"
and step counts are not read (their facts are decided where they are computed). A caption
that must say such things builds them with :mod:`scenes.kit.phrases` or from its facts.

:func:`claim_problems` returns a list of sentences (empty when every claim is backed).

    >>> from types import SimpleNamespace as F
    >>> claim_problems("It never converges.", F(status="diverged"))
    []
    >>> claim_problems("The walk is converging to the minimum.", F(status="diverged", kind=None, in_range=True))[0]
    "'The walk is converging to the minimum.' claims the walk converged, but status = 'diverged'"
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from scenes.kit.claim_reading import clauses, is_visible, named_things, negated

__all__ = ["CLAIMS", "Claim", "claim_problems", "clauses", "is_visible", "named_things", "negated"]

_MISSING = object()


@dataclass(frozen=True)
class Claim:
    """A pattern of words and the fact that must hold for a caption to use them.

    ``holds`` judges the fact's value for the affirmed claim; a negated claim needs
    ``not holds(value)`` (and is named ``denial``).
    """

    name: str
    pattern: re.Pattern
    fact: str
    holds: Callable[[Any], bool]
    denial: str = ""
    read: Callable[[Any], Any] | None = None

    def value(self, facts: Any) -> Any:
        """The fact this claim needs from ``facts`` (``_MISSING`` when they lack it)."""
        if facts is None:
            return _MISSING
        if self.read is not None:
            return self.read(facts)
        return getattr(facts, self.fact, _MISSING)


def _claim(
    name: str, words: str, fact: str, holds: Callable[[Any], bool], denial: str = "", read: Callable[[Any], Any] | None = None
) -> Claim:
    return Claim(name, re.compile(words, re.IGNORECASE), fact, holds, denial or f"not: {name}", read)


def _in_range(facts: Any) -> Any:
    """``in_range``, or else what a lesson's ``left_view``/``left_picture`` fact says (a walk that
    leaves the picture is not in the range shown)."""
    value = getattr(facts, "in_range", _MISSING)
    if value is not _MISSING:
        return value
    for name in ("left_view", "left_picture"):
        left = getattr(facts, name, _MISSING)
        if isinstance(left, bool):
            return not left
    return _MISSING


def _number(x: Any) -> float | None:
    try:
        return None if x is None else float(x)
    except (TypeError, ValueError):
        return None


def _negative(x: Any) -> bool:
    v = _number(x)
    return v is not None and v < 0


def _positive(x: Any) -> bool:
    v = _number(x)
    return v is not None and v > 0


def _zero(x: Any) -> bool:
    v = _number(x)
    return v is not None and v == 0


# Subjects whose "falls"/"rises" is a slope, not f: "the tangent falls".
_NOT_F = r"(?<!tangent )(?<!line )(?<!slope )(?<!curve )(?<!graph )(?<!ground )(?<!hill )(?<!surface )(?<!rate )(?<!is )(?<!are )"
# Words that point a way rather than say f changed: "the arrows point uphill".
_NOT_DIR = r"(?<!point )(?<!points )(?<!pointing )(?<!way )"
# Subjects whose rising or falling is the sign of a slope: "walking north, the ground rises".
_SLOPED = r"(?:tangent|line|curve|graph|ground|hill|surface)"
_ART = r"(?:the|a|an|its|one)"
# Words up to the end of a clause; a number's decimal point does not end it ("slope -2.00 is").
_WORDS = r"(?:[^.,;:]|[.,](?=\d))*?"
_NUMBER = r"[-−]?\d+(?:[.,]\d+)?"

CLAIMS: tuple[Claim, ...] = (
    _claim(
        "f went down",
        rf"\b(?:{_NOT_DIR}downhill|{_NOT_F}go(?:es|ing)? down|{_NOT_F}went down|gone down|{_NOT_F}fall(?:s|ing|en)?|{_NOT_F}fell|"
        rf"{_NOT_F}drop(?:s|ped|ping)?|{_NOT_F}decreas(?:e|es|ed|ing)|descend(?:s|ed|ing)?|"
        r"(?:is|are|gets|got|getting|becomes|ends?|ended) lower|lower (?:value|f)\b)\b",
        "fell", lambda v: v is True, "f did not go down",
    ),
    _claim(
        "f went up",
        rf"\b(?:{_NOT_DIR}uphill|{_NOT_F}go(?:es|ing)? up|{_NOT_F}went up|gone up|{_NOT_F}ris(?:es|ing|en)|{_NOT_F}rose|"
        rf"{_NOT_F}climb(?:s|ed|ing)?|{_NOT_F}increas(?:e|es|ed|ing)|"
        r"(?:is|are|gets|got|getting|becomes|ends?|ended) higher|higher (?:value|f)\b)\b",
        "rose", lambda v: v is True, "f did not go up",
    ),
    _claim(
        "the tangent is flat",
        r"\b(?:(?:is|are|was|were|looks?|goes|went|turns?|stays?|becomes?|gets?)(?:n't| not| never)? "
        r"(?:quite |perfectly |exactly |completely )?(?:flat|level|horizontal)\b|"
        r"(?:flat|level|horizontal) (?:tangent|line)\b|flat (?:here|there|at)\b|(?:not|never) (?:yet |quite )?flat\b|"
        r"zero slope|slope (?:is |of |= |equals |was )?(?:zero|0)(?![.,]?\d))",
        "slope", _zero, "the tangent is not flat",
    ),
    _claim(
        "the slope is negative",
        rf"\b(?:negative slope|slope {_WORDS}is (?:not )?negative|slope (?:is|of|=) {_NUMBER},? negative|{_SLOPED} (?:falls|goes down|drops|slopes down)|(?:is|are) falling|slopes? downward)\b",
        "slope", _negative, "the slope is not negative",
    ),
    _claim(
        "the slope is positive",
        rf"\b(?:positive slope|slope {_WORDS}is (?:not )?positive|slope (?:is|of|=) {_NUMBER},? positive|{_SLOPED} (?:rises|goes up|climbs|slopes up)|(?:is|are) rising|slopes? upward)\b",
        "slope", _positive, "the slope is not positive",
    ),
    _claim(
        "the walk converged",
        r"\b(?:converg(?:e|es|ed|ing|ence|ent)|settl(?:e|es|ed|ing)|com(?:es?|ing) to (?:rest|a stop|a halt)|came to (?:rest|a stop|a halt)|"
        r"(?:reach(?:es|ed|ing)?|gets? to|got to|getting to) a flat point)\b",
        "status", lambda v: v == "converged", "the walk did not converge",
    ),
    _claim(
        "the walk diverged",
        r"\b(?:diverg(?:e|es|ed|ing|ence|ent)|run(?:s|ning)? away|ran away|blows? up|blew up|blowing up|"
        r"escap(?:e|es|ed|ing)|off to infinity|heads? off(?! (?:the|out))|headed off(?! (?:the|out))|heading off(?! (?:the|out))|"
        r"(?:grows?|grew|growing) without (?:bound|limit|end))\b",
        "status", lambda v: v == "diverged", "the walk did not diverge",
    ),
    _claim(
        "the walk oscillates",
        r"\b(?:oscillat\w*|bounc(?:e|es|ed|ing)|back and forth|to and fro)\b",
        "status", lambda v: v == "oscillating", "the walk does not oscillate",
    ),
    _claim(
        "a minimum was reached",
        rf"\b(?:(?:reach(?:es|ed|ing)?|at|is|in|into|to|finds?|found|finding|ends? at|ended at) {_ART} (?:local |global |lowest )?minimum|"
        r"no (?:local |global )?minimum|the bottom)\b",
        "kind", lambda v: v == "minimum", "no minimum was reached",
    ),
    _claim("a saddle", r"\bsaddle\b", "kind", lambda v: v == "saddle", "not a saddle"),
    _claim(
        "a maximum",
        rf"\b(?:(?:reach(?:es|ed|ing)?|at|is|in|into|to|finds?|found|finding|ends? at|ended at) {_ART} (?:local |global |highest )?(?:maximum|peak)|"
        r"no (?:local |global )?maximum|hilltop)\b",
        "kind", lambda v: v == "maximum", "not a maximum",
    ),
    _claim(
        "the walk left the range shown",
        r"\b(?:leav(?:e|es|ing)|left|go(?:es|ing)? off|went off|heads? off|headed off|heading off|run(?:s|ning)? off|ran off|"
        r"lands? off|landed off|landing off|steps? off|stepped off|is off|are off|outside|out of)"
        r" (?:the )?(?:map|picture|view|plot|rectangle|range shown)\b",
        "in_range", lambda v: v is False, "the walk stayed in the range shown", _in_range,
    ),
    _claim(
        "it moves",
        r"\b(?:roll(?:s|ed|ing)?|mov(?:e|es|ed|ing)|slid(?:e|es|ing)|travel(?:s|ed|led|ing|ling)?)\b",
        "moved", lambda v: v is True, "it did not move",
    ),
    _claim(
        "it stays put",
        r"\b(?:stay(?:s|ed|ing)? (?:put|still|where it (?:is|was|started)|at (?:its|the) start)|stand(?:s|ing)? still|stood still)\b",
        "moved", lambda v: v is False, "it did not stay put",
    ),
)

#: Verbs that open a clause as an instruction to the learner, not a claim.
_IMPERATIVES = frozenset(
    "move roll slide travel settle converge diverge bounce oscillate climb rise fall drop descend decrease increase".split()
)

def claim_problems(caption: str, facts: Any, claims: tuple[Claim, ...] = CLAIMS) -> list[str]:
    """Each claim in ``caption`` that ``facts`` do not establish, as a sentence.

    A claim about the point reached ("the minimum") also needs ``in_range`` to be true
    when the facts carry it, and (when they carry ``visible``) the point's kind shown.
    """
    problems: list[str] = []

    def fact(name: str) -> Any:
        return getattr(facts, name, _MISSING) if facts is not None else _MISSING

    def add(problem: str) -> None:
        if problem not in problems:
            problems.append(problem)

    for clause in clauses(caption):
        for claim in claims:
            for match in claim.pattern.finditer(clause):
                denied = negated(clause, match.start(), match.end())
                name = claim.denial if denied else claim.name
                if match.start() == 0 and match.group(0).lower() in _IMPERATIVES:
                    continue  # "Slide the tangent along the curve": the learner is told to look
                value = claim.value(facts)
                if value is _MISSING:
                    add(f"{caption!r} claims {name}, but its facts have no {claim.fact!r}")
                    continue
                try:
                    ok = bool(claim.holds(value)) != denied
                except (TypeError, ValueError):
                    ok = False
                if not ok:
                    add(f"{caption!r} claims {name}, but {claim.fact} = {value!r}")
                elif claim.fact == "kind" and not denied:
                    if fact("in_range") is False:
                        add(f"{caption!r} claims {name}, but that point is outside the range shown")
                    shown = fact("visible")
                    if shown is not _MISSING and not is_visible(shown, str(value)):
                        add(f"{caption!r} claims {name}, but the {value} is not shown (visible = {shown!r})")
        for thing in named_things(clause):
            shown = fact("visible")
            if shown is _MISSING:
                add(f"{caption!r} names the {thing}, but its facts have no 'visible'")
            elif not is_visible(shown, thing):
                add(f"{caption!r} names the {thing}, but it is not shown (visible = {shown!r})")
    return problems
