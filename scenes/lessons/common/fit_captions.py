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
from scenes.kit.pacing import LINE_WIDTH, split_caption
from scenes.kit.phrases import diverged, f_change, falls_to, rises_to
from scenes.kit.spoken import Said, count, eq, name, num, num_text, said
from scenes.lessons.common.fit_facts import DRAWN, NoiseFacts, RollFacts, RuleFacts, StepFacts
from scenes.parts.walk.descent_steps import distinct_digits, format_rate, readable_digits

__all__ = ["LOSS_PART", "MapFacts", "WALK_PART", "WB", "cut_short_lines", "eta", "map_line", "noise_line", "roll_line", "rule_line", "step_line", "steps"]

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
