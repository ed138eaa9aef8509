"""What the backpropagation lesson says: pure functions from its facts to caption lines (no manim).

Every number is written as the picture writes it (:mod:`scenes.lessons.backprop.digits`); a
product whose shown factors only nearly give the shown result says "is about". A line names a
quantity right before its number (``z = 0``) only for the value the graph shows for it, so the
picture check can hold the two together; a chain such as "∂L/∂z is ∂L/∂s times ..." is
written with "is", never with "=" before a number that belongs to another quantity.
"""

from __future__ import annotations

import re

from scenes.kit.beats import NO_FACTS, Line
from scenes.kit.phrases import ClaimError, f_change
from scenes.kit.spoken import number_text_words, said, speak_text, speakable
from scenes.lessons.backprop.digits import Product
from scenes.lessons.backprop.facts import BackwardFacts, ClosingFacts, EdgeFacts, ForwardFacts, GradientFacts, StepFacts

__all__ = [
    "BACKWARD_PART",
    "FORWARD_PART",
    "GRAPH_PART",
    "STEP_PART",
    "backward_line",
    "closing_line",
    "edges_lines",
    "forward_line",
    "gradient_line",
    "intro_lines",
    "step_lines",
]

def say(text: str) -> str:
    """How a voice says a caption of this lesson: ``-1/10.7 trillion`` is "minus one over ten
    point seven trillion", ``∂L/∂z`` "partial L by partial z", ``σ`` "sigma"
    (:func:`scenes.kit.spoken.speak_text` for the rest).

    >>> say("∂L/∂z is -1.00 × 1/10.7 trillion ≈ -1/2.98 million.")
    'partial L by partial z is minus one times one over ten point seven trillion is approximately minus one over two point nine eight million.'
    """
    words = re.sub(
        r"(?<![\w.])(-?)1/(\d+(?:\.\d+)?)(?: (million|billion|trillion))?",
        lambda m: f" {'minus ' if m[1] else ''}one over {number_text_words(m[2])}{' ' + m[3] if m[3] else ''} ",
        text,
    )
    words = re.sub(r"(?<![\w.])(-?\d+(?:\.\d+)?) million", lambda m: f" {number_text_words(m[1])} million ", words)
    words = words.replace("σ(z)", " sigma of z ")
    return " ".join(speak_text(words).split()).replace(" .", ".").replace(" ,", ",")


#: What is said as one piece: a number with its scale word, one over such a number, a
#: formula with spaces in it; else a run of non-space characters.
_PIECE = re.compile(r"-?(?:1/)?\d+(?:\.\d+)?(?: (?:million|billion|trillion))?(?=[\s,.:;)]|$)|-log\(1 - s\)|\S+")


def _line(text: str, facts) -> Line:
    """A caption line with its spoken form, piece by piece (:func:`say` of each), so a line
    the screen shows in two parts is spoken in the same two parts."""
    pieces, at = [], 0
    for match in _PIECE.finditer(text):
        pieces.append(text[at:match.start()])
        token = match.group()
        pieces.append(token if speakable(token) else (token, say(token)))
        at = match.end()
    pieces.append(text[at:])
    line = said(*(p for p in pieces if p))
    if str(line) != text:  # pragma: no cover - the pieces cover the text
        raise ValueError(f"pieces of {text!r} do not make it up")
    return Line(line, facts, spoken=line.spoken)


#: The parts of the lesson (its chapters), in order.
GRAPH_PART = "One neuron as a graph"
FORWARD_PART = "The forward pass"
BACKWARD_PART = "The backward pass"
STEP_PART = "The step"


def intro_lines() -> list[Line]:
    """What the graph is (claims nothing about these numbers)."""
    return [
        _line("One neuron, one input x: z = w·x + b, then s = σ(z), then the loss L.", NO_FACTS),
        _line("Each arrow is one step of that computation.", NO_FACTS),
    ]


def _equals(relation: str) -> str:
    return "=" if relation == "=" else "≈"


def forward_line(facts: ForwardFacts) -> Line:
    """A node filled by the forward pass: z from w, x and b; s from z; L from s and the label."""
    rel = _equals(facts.relation)
    value = facts.value.text
    if facts.node == "z":
        w, x, b = (v.text for v in facts.inputs)
        return _line(f"Forward: with w = {w}, x = {x} and b = {b}, z {rel} {value}.", facts)
    if facts.node == "s":
        return _line(f"Then s = σ(z) {rel} {value}: the neuron's chance that the label is 1.", facts)
    if facts.node == "L":
        loss = "-log(s)" if facts.label == 1 else "-log(1 - s)"
        return _line(f"The label is y = {facts.label}, so the loss is L = {loss} {rel} {value}.", facts)
    raise ValueError(f"no forward line for node {facts.node!r}")


def edges_lines(facts: EdgeFacts) -> list[Line]:
    """The local slopes appear on the arrows; a saturated sigmoid is said to be one."""
    lines = [
        _line("Now the backward pass: each arrow gets its local slope.", facts),
        _line("A local slope: how much the arrow's end changes per unit change of its start.", facts),
    ]
    if facts.saturated:
        slope = next(shown for a, t, shown in facts.slopes if (a, t) == ("z", "s"))
        lines.append(_line(f"The sigmoid is saturated here: its slope ∂s/∂z is only {slope.text}.", facts))
    return lines


def _times(result: Product) -> str:
    """``"-2.00 × 0.250 = -0.500"``, or ``"... is about ..."`` when the shown factors only
    nearly give the shown result."""
    factors = " × ".join(f"({f.text})" if f.text.startswith("-") and i else f.text for i, f in enumerate(result.factors))
    return f"{factors} {'=' if result.relation == '=' else 'is about'} {result.result.text}"


def backward_line(facts: BackwardFacts) -> Line:
    """One backward step: the upstream value times the arrow's local slope."""
    result = facts.result
    if facts.node == "s":
        text = f"At L, ∂L/∂L = 1. One arrow back, ∂L/∂s = {result.result.text}: the last arrow's slope."
    elif facts.node == "z":
        text = f"∂L/∂z is ∂L/∂s times the slope of σ: {_times(result)}."
    elif facts.node == "w":
        text = f"Then ∂L/∂w is ∂L/∂z times x, so {_times(result)}."
    elif facts.node == "b":
        text = f"And ∂L/∂b is ∂L/∂z times 1 (each unit of b adds one to z), so it is {result.result.text} too."
    else:
        raise ValueError(f"no backward line for node {facts.node!r}")
    return _line(text, facts)


def gradient_line(facts: GradientFacts) -> Line:
    """dL/dw and dL/db together are the gradient of the loss over (w, b): said only when they
    match mathcore's gradient of the loss surface (a :class:`ClaimError` otherwise)."""
    if not facts.matches:
        raise ClaimError(f"'the gradient of L' needs matches = True, but matches = {facts.matches!r}")
    return _line(f"Together, ∇L = ({facts.dw.text}, {facts.db.text}): the very gradient that descent steps against.", facts)


def _update(name: str, old: str, rate: str, slope: str, product: Product, new: str) -> str:
    slope = f"({slope})" if slope.startswith("-") else slope
    made = f"{old} - {rate} × {slope} {'=' if product.relation == '=' else 'is about'} {new}"
    if old == new:
        return f"{name} becomes {made}, a change too small for three figures"
    return f"{name} becomes {made}"


def step_lines(facts: StepFacts) -> list[Line]:
    """The update of w and b against the gradient, and what the loss of this input did."""
    rate = facts.rate.text
    w = _update("w", facts.w_old.text, rate, facts.w_product.factors[2].text, facts.w_product, facts.w_new.text)
    b = _update("b", facts.b_old.text, rate, facts.b_product.factors[2].text, facts.b_product, facts.b_new.text)
    new, old = facts.loss_new.text, facts.loss_old.text
    change = f_change(facts, new, subject="L")
    if new == old and (facts.fell or facts.rose):
        change += ", by less than three figures show"
    elif facts.fell or facts.rose:
        change += f", from {old}"
    return [
        _line(f"The step, with η = {rate}: {w}.", facts),
        _line(f"And {b}.", facts),
        _line(f"Forward again with the new w and b: {change}.", facts),
    ]


def closing_line(facts: ClosingFacts) -> Line:
    """The lesson in one sentence; for a saturated sigmoid, what its tiny slope did."""
    if facts.tiny:
        return _line("A saturated sigmoid passes back tiny slopes: w and b change very little per step.", facts)
    if facts.cancel:
        return _line("The huge ∂L/∂s and the tiny ∂s/∂z cancel: a sure, wrong guess still gets a large gradient.", facts)
    return _line("That is backpropagation: values forward, slopes backward, then a step.", NO_FACTS)
