"""Captions of a walk down a model's loss, shared by the line and neuron lessons (no manim).

Pure functions from the records of :mod:`scenes.lessons.common.fit_facts` to
:class:`~scenes.kit.beats.Line` s. Claims go through :mod:`scenes.kit.phrases` (``L falls``
only when the facts say it fell); numbers through :mod:`scenes.kit.numbers`, with the digits
the readouts on screen use (``w``, ``b``, ``L``, ``step``), so a caption never quotes other
digits than the panel shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from scenes.kit.beats import Facts, Line
from scenes.kit.numbers import number
from scenes.kit.pacing import LINE_WIDTH, split_caption
from scenes.kit.phrases import converged, diverged, f_change, falls_to, not_settled, oscillates, rises_to
from scenes.kit.spoken import Said, count, eq, name, num, num_text, said
from scenes.lessons.common.fit_facts import DRAWN, NoiseFacts, OutcomeFacts, RollFacts, RuleFacts, StepFacts
from scenes.parts.walk.descent_steps import distinct_digits, format_rate, readable_digits

__all__ = [
    "LOSS_PART", "MapFacts", "WALK_PART", "WB", "cut_short_lines", "ending_lines", "eta", "loss_change", "map_line", "noise_line", "roll_line",
    "rule_line", "step_line", "steps", "still_line", "where",
]

#: The part where the loss and its map appear.
LOSS_PART = "The loss"
#: The part where (w, b) walks down the loss.
WALK_PART = "Walking downhill"


def steps(n: int) -> Said:
    """``"1 step"``, ``"12 steps"`` (said "one step", "twelve steps")."""
    return count(n, "step")


#: The pair (w, b) as shown and as said.
WB = ("(w, b)", "w and b")


def _loss_text(old: float, new: float, decimals: int) -> Said:
    """L's new value with the digits that tell it from the old one (and do not round a
    small loss to 0)."""
    return num(new, max(distinct_digits(old, new, decimals), readable_digits(new, decimals)))


def eta(learning_rate: float) -> Said:
    """``η = 0.15`` as shown and said (the rate as given)."""
    return eq(name("η"), num_text(format_rate(learning_rate)))


def cut_short_lines(facts: Facts) -> list[Line]:
    """The opening of an outcome whose walk was cut short: it diverged (``status``), or its
    next step leaves the map (``in_range`` False). Empty when neither: the lesson tells the
    ending its own way."""
    lines = []
    if facts.status == "diverged":
        rate = eta(facts.learning_rate)
        lines.append(Line(said(diverged(facts).capitalize(), ": with ", rate, " each step overshoots more."), facts))
    if not facts.in_range:
        lines.append(Line(said("The next step leaves the map, so the walk is drawn up to here."), facts))
    return lines


def where(facts: OutcomeFacts) -> Said:
    """``"w = 0.84, b = 0"``: the last shown point, with the readouts' digits."""
    d = facts.decimals
    return said(eq("w", num(facts.w, d)), ", ", eq("b", num(facts.b, d)))


def still_line(facts: OutcomeFacts) -> Line:
    """A flat start, as it is: the gradient is below the walk's tolerance there (not 0:
    for data of a small size every gradient is small), so no step is taken."""
    return Line(said("At the start the gradient is already below the tolerance, so the walk takes no step."), facts)


def loss_change(facts: OutcomeFacts, done: str = "") -> Line | None:
    """``"From L = 0.69 to L = 0.64."`` (with ``done`` after a colon) when L fell by
    digits the readout shows; None otherwise."""
    d = facts.decimals
    if not (facts.fell and facts.shown > 0) or number(facts.loss_start, d) == number(facts.loss, d):
        return None
    return Line(said("From ", eq("L", num(facts.loss_start, d)), " to ", eq("L", num(facts.loss, d)), f": {done}." if done else "."), facts)


def ending_lines(facts: OutcomeFacts, best_here: Said, best_line: Line, flat_words: str) -> list[Line]:
    """How a walk on a loss that has a lowest point ended, against that point: a walk cut
    short (:func:`cut_short_lines`); one that converged where the digits of the best fit
    show (``best_here``: "w = 2.00, b = 1.00 is the least-squares line"); one that stopped
    elsewhere, because its gradient fell below the tolerance or its steps ran out, then
    ``best_line`` (where the lowest L is); a flat start (``flat_words``: the model it
    already is, when it is the best)."""
    lines = cut_short_lines(facts)
    if lines:
        return lines
    rate = eta(facts.learning_rate)
    if facts.status == "converged" and facts.at_best:
        lines.append(Line(said(converged(facts).capitalize(), ": ", best_here, "."), facts))
    elif facts.status == "converged":
        lines.append(Line(said(converged(facts).capitalize(), " at ", where(facts), ": there the gradient is below the tolerance."), facts))
        lines.append(best_line)
    elif facts.status == "max_steps":
        lines.append(Line(said(not_settled(facts, "N").removesuffix("N steps").capitalize(), steps(facts.steps), "."), facts))
        lines.append(best_line)
    elif facts.status == "oscillating":
        lines.append(Line(said(oscillates(facts).capitalize(), ": ", rate, " is too large for this loss."), facts))
    elif facts.status == "flat_start":
        lines.append(still_line(facts))
        lines.append(Line(said(flat_words), facts) if facts.at_best else best_line)
    return lines


@dataclass(frozen=True)
class MapFacts(Facts):
    """The map of the loss over (w, b) is drawn, with the ball at the start; ``model`` is
    what one point (w, b) is ("line", "neuron")."""

    model: str = "line"
    visible: frozenset = DRAWN


def map_line(facts: MapFacts) -> Line:
    """What the map shows (no claim about the walk)."""
    return Line(said("Each point ", WB, f" on the map is one {facts.model}; contours join equal L."), facts)


def rule_line(facts: RuleFacts) -> list[Line]:
    """How each step is made: plain gradient descent, or on a random mini-batch."""
    rate = eta(facts.learning_rate)
    if not facts.stochastic:
        return [Line(said("Gradient descent steps ", WB, " against the gradient of L, with ", rate, "."), facts)]
    return [
        Line(said("Each step uses a random batch of ", facts.batch_size, " of the ", facts.count, " points, with ", rate, "."), facts),
        Line(said("This is stochastic gradient descent, as networks are trained."), facts),
    ]


def step_line(facts: StepFacts, width: int = LINE_WIDTH) -> Line:
    """``"Step 1: w = 0.41, b = 0.12, and L falls to 2.30."``, or a shorter form when that
    would not fit one caption of two lines of ``width`` (the ball moves while it is up, so
    it must not be cut in parts read before the move)."""
    d = facts.decimals
    head = said("Step ", facts.step)
    where = said(head, ": ", eq("w", num(facts.w, d)), ", ", eq("b", num(facts.b, d)))
    loss = _loss_text(facts.loss_old, facts.loss, d)
    change = said(f_change(facts, str(loss), subject="L").removesuffix(str(loss)), loss)  # the claim checked, then said
    if facts.moved is not True:  # too small a step to see on the map: say so, claim no move
        texts = [said(where, ": too small a step to see on the map, and ", change, "."), said(head, ": too small to see, and ", change, ".")]
    elif facts.rose:
        why = "this batch pulled away from the rest" if facts.stochastic else "the step overshot"
        texts = [said(where, ", but ", change, f": {why}."), said(where, ", but ", change, "."), said(head, ": ", change, ".")]
    else:
        texts = [said(where, ", and ", change, "."), said(head, ": ", change, ".")]
    text = next((t for t in texts if len(split_caption(t, width)) == 1), texts[-1])
    return Line(text, facts)


def roll_line(facts: RollFacts) -> Line | None:
    """The steps rolled in one go (None when there are none)."""
    if facts.steps <= 0:
        return None
    loss = _loss_text(facts.loss_first, facts.loss, facts.decimals)
    head = said("Then ", facts.steps, f" more step{'' if facts.steps == 1 else 's'}")
    if facts.fell:
        return Line(said(head, ": ", falls_to(facts, "", subject="L"), loss, "."), facts)
    if facts.rose:
        return Line(said(head, ": ", rises_to(facts, "", subject="L"), loss, "."), facts)
    return Line(said(head, ": L ends where it started, at ", loss, "."), facts)


def noise_line(facts: NoiseFacts) -> Line | None:
    """How noisy the walk on the full loss was (stochastic walks only; None otherwise)."""
    if facts.batch_size is None or facts.batch_size >= facts.count or facts.steps == 0:
        return None
    if facts.rose:
        return Line(
            said("L rose on ", facts.rose_steps, " of the ", steps(facts.steps), ": each batch sees only part of the data, so the walk is noisy."),
            facts,
        )
    if facts.fell:
        return Line(said("Even with batches, every one of the ", steps(facts.steps), " lowered L this time."), facts)
    return Line(said("No step of the ", steps(facts.steps), " raised L, though some left it as it was."), facts)
