"""Claims by construction: the words a caption may use only when their fact holds.

Each function here takes the facts of a beat (any object with attributes, a frozen
dataclass in practice; the names are those of :mod:`scenes.kit.claims`) and returns the
words of one claim, ready to compose into a caption. It raises :class:`ClaimError` when the
facts do not establish the claim, so a caption built from these phrases cannot say
"f falls" unless ``fell`` is true, "reached a minimum" unless the point is a minimum in the
range shown, and so on. The words each phrase returns pass :func:`~scenes.kit.claims.claim_problems`
with the same facts (the two agree; the tests check it).

A subject that names a drawn thing ("the ball", "the yellow ball", "each racer") also needs
``facts.visible`` to say it is shown, as the checker does (:func:`scenes.kit.claims.named_things`);
a subject such as "f", "w", "it" or "the walk" names nothing drawn.

Some phrases *choose* their words from the facts instead of checking a choice the caller
made (:func:`slope_sign`, :func:`f_change`, :func:`walk_outcome`): use those when a caption
says whichever is true.

    >>> from dataclasses import dataclass
    >>> @dataclass(frozen=True)
    ... class Step:
    ...     fell: bool = True
    ...     rose: bool = False
    ...     slope: float = -2.0
    ...     moved: bool = True
    >>> f"Step 1: {slope_sign(Step(), '-2.00')}, so {falls_to(Step(), '0.75')}."
    'Step 1: the slope -2.00 is negative, so f falls to 0.75.'
    >>> rises_to(Step(), "9.00")
    Traceback (most recent call last):
    ...
    scenes.kit.phrases.ClaimError: 'f rises to 9.00' needs rose = True, but rose = False

Each phrase returns a :class:`~scenes.kit.spoken.Said`: the words, and how a voice says them
(numbers in words, "f" and "w" as letters). Pass a number's text as :func:`scenes.kit.spoken.num`
gives it (a plain number text such as ``"0.75"`` is said in words too).

Nothing here imports manim.
"""

from __future__ import annotations

from typing import Any

from scenes.kit.claims import is_visible, named_things
from scenes.kit.spoken import Said, num_text, said

__all__ = [
    "ClaimError",
    "converged",
    "diverged",
    "f_change",
    "falls_to",
    "flat_here",
    "moves",
    "not_settled",
    "oscillates",
    "reached_minimum",
    "rises_to",
    "slope_sign",
    "stays_put",
    "walk_outcome",
    "watch",
]

_MISSING = object()


class ClaimError(ValueError):
    """The facts given do not establish the claim a phrase would make."""


def _need(facts: Any, name: str, ok: Any, words: str, wanted: str) -> Any:
    """The fact ``name`` of ``facts``; raise :class:`ClaimError` unless ``ok(value)``."""
    value = getattr(facts, name, _MISSING) if facts is not None else _MISSING
    if value is _MISSING:
        raise ClaimError(f"{str(words)!r} needs the fact {name!r}, which these facts do not carry")
    if not ok(value):
        raise ClaimError(f"{str(words)!r} needs {wanted}, but {name} = {value!r}")
    return value


def _shown(facts: Any, subject: str, words: str) -> None:
    """Raise unless every drawn thing ``subject`` names ("the ball") is visible in ``facts``."""
    for thing in named_things(subject):
        _need(facts, "visible", lambda v, t=thing: is_visible(v, t), words, f"the {thing} shown")


def _verb(present: str, past: str, tense: str) -> str:
    if tense not in ("present", "past"):
        raise ValueError(f"tense must be 'present' or 'past', got {tense!r}")
    return present if tense == "present" else past


def _value(text: str) -> str:
    """A number's text as it is said: a :class:`Said` as written; a plain number text
    (``"0.75"``, ``"-1.20"``) in words; other text as it is."""
    if isinstance(text, Said):
        return text
    try:
        return num_text(text)
    except (TypeError, ValueError):
        return text


def _join(subject: str, rest: str) -> Said:
    return said(subject, " ", rest) if subject else said(rest)


def _said(facts: Any, subject: str, rest: str) -> Said:
    """``subject rest``, once the things ``subject`` names are known to be shown."""
    words = _join(subject, rest)
    _shown(facts, subject, words)
    return words


def falls_to(facts: Any, value_text: str, subject: str = "f", tense: str = "present") -> str:
    """``"f falls to <value_text>"``, only when ``facts.fell`` is True.

    >>> from types import SimpleNamespace as F
    >>> falls_to(F(fell=True), "0.75"), falls_to(F(fell=True), "2", tense="past")
    ('f falls to 0.75', 'f fell to 2')
    """
    words = _said(facts, subject, said(_verb("falls", "fell", tense), " to ", _value(value_text)))
    _need(facts, "fell", lambda v: v is True, words, "fell = True")
    return words


def rises_to(facts: Any, value_text: str, subject: str = "f", tense: str = "present") -> str:
    """``"f rises to <value_text>"``, only when ``facts.rose`` is True.

    >>> from types import SimpleNamespace as F
    >>> rises_to(F(rose=True), "9.00")
    'f rises to 9.00'
    """
    words = _said(facts, subject, said(_verb("rises", "rose", tense), " to ", _value(value_text)))
    _need(facts, "rose", lambda v: v is True, words, "rose = True")
    return words


def f_change(facts: Any, value_text: str, subject: str = "f") -> str:
    """Whichever of ``"f falls to"``, ``"f rises to"`` or ``"f stays at"`` the facts say.

    >>> from types import SimpleNamespace as F
    >>> f_change(F(fell=False, rose=True), "3"), f_change(F(fell=False, rose=False), "3")
    ('f rises to 3', 'f stays at 3')
    """
    fell = _need(facts, "fell", lambda v: isinstance(v, bool), f"{subject} ... {value_text}", "fell to be a bool")
    rose = _need(facts, "rose", lambda v: isinstance(v, bool), f"{subject} ... {value_text}", "rose to be a bool")
    if fell and rose:
        raise ClaimError(f"facts say f both fell and rose (fell = {fell}, rose = {rose})")
    if fell:
        return falls_to(facts, value_text, subject)
    if rose:
        return rises_to(facts, value_text, subject)
    return _said(facts, subject, said("stays at ", _value(value_text)))


def slope_sign(facts: Any, slope_text: str, subject: str = "the slope") -> str:
    """``"the slope <slope_text> is negative"`` (positive, zero) by the sign of ``facts.slope``.

    >>> from types import SimpleNamespace as F
    >>> slope_sign(F(slope=0.54), "0.54"), slope_sign(F(slope=0.0), "0")
    ('the slope 0.54 is positive', 'the slope 0 is zero')
    """
    value = _need(facts, "slope", lambda v: v is not None, f"{subject} {slope_text}", "a slope")
    sign = "negative" if float(value) < 0 else "positive" if float(value) > 0 else "zero"
    return _said(facts, subject, said(_value(slope_text), f" is {sign}"))


def flat_here(facts: Any, subject: str = "the tangent") -> str:
    """``"the tangent is flat here"``, only when ``facts.slope`` is exactly 0 (facts record
    a slope as 0 when mathcore calls the point flat).

    >>> from types import SimpleNamespace as F
    >>> flat_here(F(slope=0.0))
    'the tangent is flat here'
    >>> flat_here(F(slope=0.3))
    Traceback (most recent call last):
    ...
    scenes.kit.phrases.ClaimError: 'the tangent is flat here' needs slope = 0, but slope = 0.3
    """
    words = _said(facts, subject, "is flat here")
    _need(facts, "slope", lambda v: v is not None and float(v) == 0, words, "slope = 0")
    return words


def converged(facts: Any, subject: str = "the walk", tense: str = "past") -> str:
    """``"the walk converged"``, only when ``facts.status`` is ``"converged"``.

    >>> from types import SimpleNamespace as F
    >>> converged(F(status="converged")), converged(F(status="converged"), "it", "present")
    ('the walk converged', 'it converges')
    """
    words = _said(facts, subject, _verb("converges", "converged", tense))
    _need(facts, "status", lambda v: v == "converged", words, "status = 'converged'")
    return words


def diverged(facts: Any, subject: str = "the walk", tense: str = "past") -> str:
    """``"the walk diverged"``, only when ``facts.status`` is ``"diverged"``.

    >>> from types import SimpleNamespace as F
    >>> diverged(F(status="diverged"), "it", "present")
    'it diverges'
    """
    words = _said(facts, subject, _verb("diverges", "diverged", tense))
    _need(facts, "status", lambda v: v == "diverged", words, "status = 'diverged'")
    return words


def oscillates(facts: Any, subject: str = "the walk", tense: str = "present") -> str:
    """``"the walk oscillates"``, only when ``facts.status`` is ``"oscillating"``.

    >>> from types import SimpleNamespace as F
    >>> oscillates(F(status="oscillating"))
    'the walk oscillates'
    """
    words = _said(facts, subject, _verb("oscillates", "oscillated", tense))
    _need(facts, "status", lambda v: v == "oscillating", words, "status = 'oscillating'")
    return words


def not_settled(facts: Any, steps_text: str, subject: str = "the walk") -> str:
    """``"the walk has not settled after <steps_text> steps"``, only when the walk stopped
    at its step limit (``facts.status`` is ``"max_steps"``).

    >>> from types import SimpleNamespace as F
    >>> not_settled(F(status="max_steps"), "60")
    'the walk has not settled after 60 steps'
    """
    words = _said(facts, subject, said("has not settled after ", _value(steps_text), " steps"))
    _need(facts, "status", lambda v: v == "max_steps", words, "status = 'max_steps'")
    return words


def walk_outcome(facts: Any, subject: str = "the walk", tense: str = "past") -> str:
    """Whichever of converged, diverged, oscillates or "has not settled" ``facts.status`` says
    (``None`` for a status with no such word: ``left_domain``, ``flat_start``).

    >>> from types import SimpleNamespace as F
    >>> walk_outcome(F(status="diverged")), walk_outcome(F(status="max_steps"))
    ('the walk diverged', 'the walk has not settled')
    """
    status = _need(facts, "status", lambda v: isinstance(v, str), subject, "a status")
    if status == "converged":
        return converged(facts, subject, tense)
    if status == "diverged":
        return diverged(facts, subject, tense)
    if status == "oscillating":
        return oscillates(facts, subject, tense)
    if status == "max_steps":
        return _said(facts, subject, "has not settled")
    raise ClaimError(f"no word for how the walk ended: status = {status!r}")


def reached_minimum(facts: Any, where_text: str = "", subject: str = "it", tense: str = "past") -> str:
    """``"it reached a minimum at <where_text>"``, only when ``facts.kind`` is ``"minimum"``,
    ``facts.in_range`` is True and, if the facts carry ``visible``, the minimum is shown
    (``visible`` True or naming ``"minimum"``; see :func:`scenes.kit.claims.is_visible`).

    >>> from types import SimpleNamespace as F
    >>> reached_minimum(F(kind="minimum", in_range=True), "w = 1.00")
    'it reached a minimum at w = 1.00'
    >>> reached_minimum(F(kind="minimum", in_range=True, visible=frozenset({"ball"})), "w = 1.00")
    Traceback (most recent call last):
    ...
    scenes.kit.phrases.ClaimError: 'it reached a minimum at w = 1.00' needs the minimum shown, but visible = frozenset({'ball'})
    """
    words = _said(facts, subject, said(_verb("reaches", "reached", tense), " a minimum", " at " if where_text else None, where_text or None))
    _need(facts, "kind", lambda v: v == "minimum", words, "kind = 'minimum'")
    _need(facts, "in_range", lambda v: v is True, words, "in_range = True (the minimum inside the range shown)")
    if getattr(facts, "visible", _MISSING) is not _MISSING:
        _need(facts, "visible", lambda v: is_visible(v, "minimum"), words, "the minimum shown")
    return words


def moves(facts: Any, subject: str = "the ball", verb: str = "moves") -> str:
    """``"the ball moves"`` (or ``verb``: "rolls", "slides"), only when ``facts.moved`` is True
    (and, as with every phrase, the drawn things its subject names are in ``facts.visible``).

    >>> from types import SimpleNamespace as F
    >>> moves(F(moved=True, visible=True), verb="rolls")
    'the ball rolls'
    """
    words = _said(facts, subject, verb)
    _need(facts, "moved", lambda v: v is True, words, "moved = True")
    return words


def stays_put(facts: Any, subject: str = "the ball") -> str:
    """``"the ball stays put"``, only when ``facts.moved`` is False.

    >>> from types import SimpleNamespace as F
    >>> stays_put(F(moved=False, visible=frozenset({"ball"})))
    'the ball stays put'
    """
    words = _said(facts, subject, "stays put")
    _need(facts, "moved", lambda v: v is False, words, "moved = False")
    return words


def watch(facts: Any, thing: str) -> str:
    """``"watch the <thing>"``, only when ``facts.visible`` says ``thing`` is shown.

    >>> from types import SimpleNamespace as F
    >>> watch(F(visible=frozenset({"panel", "yellow ball"})), "panel")
    'watch the panel'
    """
    words = said(f"watch the {thing}")
    _need(facts, "visible", lambda v: is_visible(v, thing), words, f"the {thing} shown")
    return words
