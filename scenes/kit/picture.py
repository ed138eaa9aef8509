"""Facts of the picture: what is drawn at the end of a beat, and whether the caption agrees.

A caption is written from mathcore's facts; the picture is drawn by parts. This module
records, at each beat's end, what the learner sees, so that a dry run can hold the two
against each other:

- which named objects are visible (in the scene and not fully transparent),
- where each named ball or point is (in the lesson's coordinates when the scene says how
  to read them, else the centre of the object in scene units),
- what each readout shows (its :attr:`~scenes.parts.panels.readouts.Readout.fact_name` and
  :attr:`~scenes.parts.panels.readouts.Readout.shown_text`).

A scene names an object with :meth:`scenes.kit.lesson.LessonMixin.name_in_picture`;
readouts name themselves. :func:`picture_problems` then finds a caption that quotes a
number which a readout on screen shows with other digits for the same quantity
("Step 1: ..." over a panel reading "step 0"), a caption whose facts name something
(``facts.visible``: a name or a tuple of names) that is not visible, and one whose facts
say ``moved`` while the named things stayed where they were (or the other way round).

How a lesson takes part (readouts need nothing more)::

    # in build(), once the part exists:
    self.name_in_picture("ball", self.rider.ball, coords=self.rider.place)
    # in the facts of a caption that shows it or moves it:
    StepFacts(..., visible=("ball",), moved=True)

This module reads mobjects only through duck typing (``get_family``, opacities), so it
does not import manim.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

__all__ = ["READOUT_REF", "Named", "PictureFacts", "Place", "caption_quotes", "collect_picture", "picture_problems", "shows"]


#: The attribute a readout's number carries: a weak reference to its readout (an object with
#: ``number``, ``fact_name`` and ``shown_text``). Weak, so that the copies animations make
#: of the number do not copy the readout; the number, not the readout group, because a
#: scene may add a readout's digits to the scene on their own (to order its drawing).
READOUT_REF = "_picture_readout"


@dataclass(frozen=True)
class Place:
    """Where a named object is: ``at`` in the lesson's coordinates (``in_lesson``) or, if the
    scene gave no way to read them, the object's centre in scene units; ``centre`` is always
    the object's centre in scene units (what is compared to tell whether it moved)."""

    name: str
    at: tuple[float, ...]
    in_lesson: bool
    centre: tuple[float, ...] = ()


@dataclass(frozen=True)
class PictureFacts:
    """What the learner sees at the end of a beat.

    Attributes
    ----------
    visible : frozenset of str
        The names of the named objects and readouts drawn now.
    places : tuple of Place
        Where each visible named object is.
    readouts : tuple of (str, str)
        ``(fact_name, shown_text)`` of every visible readout, in the scene's order.
    """

    visible: frozenset[str] = frozenset()
    places: tuple[Place, ...] = ()
    readouts: tuple[tuple[str, str], ...] = ()

    def place(self, name: str) -> Place | None:
        """The place of ``name``, or None if it is not visible."""
        return next((p for p in self.places if p.name == name), None)

    def readout(self, name: str) -> str | None:
        """The text the readout of ``name`` shows, or None if none is visible."""
        return next((text for key, text in self.readouts if key == name), None)


@dataclass
class Named:
    """A mobject a scene has named for the picture facts (see ``name_in_picture``)."""

    name: str
    mobject: Any
    coords: Callable[[], Sequence[float]] | None = None
    says: Callable[[], str | None] | str | None = None


def is_drawn(mobject: Any, in_scene: set[int]) -> bool:
    """Whether ``mobject`` is in the scene (``in_scene``: ids of the scene's family) and some
    part of it is not fully transparent."""
    if id(mobject) not in in_scene:
        return False
    with_points = [m for m in mobject.get_family() if getattr(m, "has_points", lambda: True)()]
    if not with_points:
        return True  # drawn its own way (a mesh, an image): being in the scene is all we know
    return any(_opacity(m) > 0 for m in with_points)


def _opacity(mobject: Any) -> float:
    fill = getattr(mobject, "fill_rgbas", None)
    stroke = getattr(mobject, "stroke_rgbas", None)
    if fill is None and stroke is None:
        return float(getattr(mobject, "opacity", 1.0) or 0.0)
    most = 0.0
    if fill is not None and len(fill):
        most = max(most, float(max(fill[:, 3])))
    if stroke is not None and len(stroke) and (getattr(mobject, "stroke_width", 0) or 0) > 0:
        most = max(most, float(max(stroke[:, 3])))
    return most


def collect_picture(mobjects: Iterable[Any], named: Iterable[Named]) -> PictureFacts:
    """The picture facts of a scene whose top-level mobjects are ``mobjects``.

    Readouts are found by their numbers (:data:`READOUT_REF`); other objects count when the
    scene has named them.
    """
    family: list[Any] = []
    for mobject in mobjects:
        family.extend(mobject.get_family())
    in_scene = {id(m) for m in family}
    visible: set[str] = set()
    places = []
    readouts, seen = [], set()
    for item in named:
        if not is_drawn(item.mobject, in_scene):
            continue
        visible.add(item.name)
        centre = tuple(float(c) for c in item.mobject.get_center())
        if item.coords is not None:
            places.append(Place(item.name, tuple(float(c) for c in item.coords()), True, centre))
        else:
            places.append(Place(item.name, centre, False, centre))
        says = item.says() if callable(item.says) else item.says
        if says is not None:  # a still number the scene drew as text (a MathTex "= 1.50")
            readouts.append((item.name, str(says)))
    for mobject in family:  # a readout is found by its number, which a scene may add on its own
        ref = getattr(mobject, READOUT_REF, None)
        readout = ref() if ref is not None else None
        if readout is None or readout.number is not mobject or id(readout) in seen:
            continue  # (a copy made by an animation points to the original's readout)
        seen.add(id(readout))
        if readout.shown_text is None or not is_drawn(mobject, in_scene):
            continue
        visible.add(readout.fact_name)
        readouts.append((readout.fact_name, readout.shown_text))
    return PictureFacts(frozenset(visible), tuple(places), tuple(readouts))


_NUMBER = r"-?\d+(?:\.\d+)?(?: (?:million|billion|trillion))?"
_SCALES = {"million": Decimal(10) ** 6, "billion": Decimal(10) ** 9, "trillion": Decimal(10) ** 12}


def caption_quotes(text: str, name: str, others: Iterable[str] = ()) -> list[str]:
    """The numbers ``text`` gives for the quantity ``name``: ``name = 1.25``, ``name ≈ 1.3``,
    ``name: 2``, ``Name 4`` (case is ignored). A number that starts a range ("from t = 0
    to 4", "between ...") is not the value now and is skipped; so are "is" and "of", which
    may speak of another quantity of the same name ("every step is 0", "a step of 0.25"
    beside a step counter). A name that ends a longer expression (after ``/``, ``·``,
    ``×``, ``*`` or ``^``), or lies inside a quote of one of the longer names ``others``,
    is not quoted on its own: ``Δy / Δx = 3.08`` says nothing of Δx.

    >>> caption_quotes("Step 1: f = 0.30, from f = 2 to 1.", "f")
    ['0.30']
    >>> caption_quotes("Step 1: f'(w) = 2.", "step"), caption_quotes("f'(w) = 2.", "f")
    (['1'], [])
    >>> caption_quotes("So every step is 0, a step of 0.25.", "step")
    []
    >>> caption_quotes("Δy / Δx = 3.08", "Δx"), caption_quotes("Δy / Δx = 3.08", "Δy / Δx")
    ([], ['3.08'])
    """
    longer = [other for other in others if len(other) > len(name) and name.lower() in other.lower()]
    taken = [span for other in longer for _, span in _quotes(text, other)]
    quotes = []
    for quote, (start, end) in _quotes(text, name):
        if not any(a <= start < b for a, b in taken):
            quotes.append(quote)
    return quotes


def _quotes(text: str, name: str) -> list[tuple[str, tuple[int, int]]]:
    """(number, span of the name) of each quote of ``name`` in ``text`` (see :func:`caption_quotes`)."""
    pattern = rf"(?<![\w'])({re.escape(name)})(?![\w'(])\s*(?:=|≈|:)?\s*({_NUMBER})(?![\d.]\d)"
    found = []
    for match in re.finditer(pattern, text, re.IGNORECASE):
        before = text[: match.start()].split()[-1:]
        if before and (before[0].lower() in ("from", "between") or before[0][-1] in "/·×*^"):
            continue
        found.append((match.group(2), match.span(1)))
    return found


def _value(text: str) -> tuple[Decimal, int] | None:
    """A shown number as (value, exponent of its last digit): ``"1.25"`` -> (1.25, -2)."""
    words = text.split()
    try:
        value = Decimal(words[0])
    except (InvalidOperation, IndexError):
        return None
    if len(words) == 2 and words[1] in _SCALES:
        return value * _SCALES[words[1]], value.as_tuple().exponent + _SCALES[words[1]].adjusted()
    return value, int(value.as_tuple().exponent)


def same_number(a: str, b: str) -> bool:
    """Whether two shown numbers can say the same value: some number shows as both, each
    rounded half away from zero to its own digits (a caption's ``-0.898`` and a readout's
    ``-0.8985`` are both -0.89849..., though ``-0.8985`` rounded again would show ``-0.899``);
    a ``0`` and a number that is not zero differ, and so do two signs.

    >>> same_number("1.28", "1.275"), same_number("0.3", "0.30"), same_number("1.27", "1.28")
    (True, True, False)
    >>> same_number("-0.898", "-0.8985"), same_number("-0.897", "-0.8985")
    (True, False)
    >>> same_number("0", "0.004"), same_number("3.2 billion", "3200000000")
    (False, True)
    """
    x, y = _value(a), _value(b)
    if x is None or y is None:
        return a == b
    if x[0] == 0 or y[0] == 0:
        return x[0] == y[0]
    if (x[0] < 0) != (y[0] < 0):
        return False
    (low_x, high_x), (low_y, high_y) = _shown_as(*x), _shown_as(*y)
    return low_x < high_y and low_y < high_x


def _shown_as(value: Decimal, exponent: int) -> tuple[Decimal, Decimal]:
    """The sizes ``[low, high)`` that round (half away from zero) to ``|value|`` at the digit
    ``10**exponent``."""
    half = Decimal(1).scaleb(exponent) / 2
    return abs(value) - half, abs(value) + half


def named_in_facts(facts: Any) -> tuple[str, ...]:
    """The names a beat's ``facts.visible`` lists (a name or names; a bool lists none)."""
    value = getattr(facts, "visible", None)
    if isinstance(value, str):
        return (value,)
    if isinstance(value, (tuple, list, frozenset, set)):
        return tuple(str(v) for v in value)
    return ()


def shows(picture: PictureFacts, name: str) -> bool:
    """Whether ``picture`` shows what ``name`` names, read as :mod:`scenes.kit.claims` reads
    ``facts.visible``: case and a plural ``s`` do not count, and a name without a colour is
    shown when a coloured one of its kind is ("ball" when "yellow ball" is drawn).

    >>> picture = PictureFacts(frozenset({"yellow ball", "map"}))
    >>> shows(picture, "Ball"), shows(picture, "maps"), shows(picture, "purple ball")
    (True, True, False)
    """
    want = _singular(name)
    drawn = {_singular(n) for n in picture.visible}
    return want in drawn or any(n.endswith(" " + want) for n in drawn)


def _singular(name: str) -> str:
    name = " ".join(name.lower().split())
    return name[:-1] if name.endswith("s") and not name.endswith("ss") and len(name) > 3 else name


#: How far (scene units) an object must go to count as moved: half a pixel at 480p.
MOVE_TOLERANCE = 0.5 * 8.0 / 480


def picture_problems(text: str, facts: Any, picture: PictureFacts | None, before: PictureFacts | None = None) -> list[str]:
    """Where the caption ``text`` and the picture at its end disagree (see the module docstring).

    ``before`` is the picture at the beat's start (the previous beat's end): with it, a beat
    whose facts say ``moved`` (true or false) is checked against the places of the things
    ``facts.visible`` names, or of every named thing placed in both pictures if it names
    none: moved means one of them moved by more than :data:`MOVE_TOLERANCE`.
    """
    if picture is None:
        return []
    problems = []
    names_shown = [name for name, _ in picture.readouts]
    for name, shown in picture.readouts:
        for quote in caption_quotes(text, name, names_shown):
            if not same_number(quote, shown):
                problems.append(f"{text!r} says {name} {quote}, but the readout of {name} shows {shown}")
    names = named_in_facts(facts)
    for name in names:
        if not shows(picture, name):
            problems.append(f"{text!r} names {name!r} (facts.visible), but no {name!r} is visible at its end")
    moved = getattr(facts, "moved", None)
    if before is not None and isinstance(moved, bool):
        movers = names or tuple(p.name for p in picture.places)  # what the caption names, else all named
        pairs = [(before.place(n), picture.place(n)) for n in movers]
        pairs = [(a, b) for a, b in pairs if a is not None and b is not None and len(a.centre) == len(b.centre)]
        if pairs:
            went = [b.name for a, b in pairs if max(abs(x - y) for x, y in zip(a.centre, b.centre)) > MOVE_TOLERANCE]
            if moved and not went:
                problems.append(f"{text!r} has moved = True, but {', '.join(b.name for _, b in pairs)} did not move")
            elif not moved and went:
                problems.append(f"{text!r} has moved = False, but {', '.join(went)} moved")
    return problems
