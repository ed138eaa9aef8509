"""Captions and labels of :class:`~scenes.lessons.learning_rates.scene.LearningRates`, from its facts.

Pure functions, no manim (the records are in :mod:`scenes.lessons.learning_rates.facts`;
:class:`RatesFacts` and :func:`rates_facts` are importable from here too): each panel's caption says what its shown steps did (all
downhill, overshooting and climbing, jumping to the same height, or no step in the
picture), its label and its "left to run" caption say how mathcore's walk ended, and the
closing captions name the rate that worked best only when one converged.
"""

from __future__ import annotations

from scenes.kit.numbers import number
from scenes.kit.spoken import count, eq, num, num_text, said
from scenes.lessons.descent.captions import outcome_caption
from scenes.lessons.descent.facts import OutcomeFacts, WalkFacts
from scenes.lessons.learning_rates.facts import PanelFacts, RatesFacts, RatesIntroFacts, panel_facts, rates_facts
from scenes.parts.walk.descent_steps import format_rate

__all__ = [
    "ends_part",
    "setup_part",
    "walks_part",
    "RatesFacts",
    "intro_caption",
    "intro_line",
    "panel_caption",
    "panel_note",
    "rate_outcome_caption",
    "rates_facts",
    "summary_captions",
]


_COUNT_WORDS = {1: "one", 2: "two", 3: "three", 4: "four"}


def _eta(rate: float) -> str:
    return eq("η", num_text(format_rate(rate)))


def intro_caption(variable: str, start: float, rates: int, decimals: int) -> str:
    """The first caption: one function, one start, ``rates`` learning rates."""
    how_many = _COUNT_WORDS.get(rates, rates)
    return said("One function, one start at ", eq(variable, num(start, decimals)), ", ", how_many, f" learning rate{'s' if rates > 1 else ''} ", ("η", "eta"), ".")


def intro_line(facts: RatesIntroFacts) -> str:
    """:func:`intro_caption` from its record."""
    return intro_caption(facts.variable, facts.start, facts.rates, facts.decimals)


def rate_outcome_caption(outcome: OutcomeFacts) -> str:
    """How one panel's walk ends when left to run: ``"η = 0.3, left to run, it reaches ..."``."""
    return outcome_caption(outcome, said(_eta(outcome.learning_rate), ", left to run,"))


def panel_caption(facts: PanelFacts | WalkFacts) -> str:
    """What the shown steps of one panel did (from its :class:`PanelFacts`, or the
    :class:`WalkFacts` they are made from)."""
    if not isinstance(facts, PanelFacts):
        facts = panel_facts(facts)
    eta = _eta(facts.learning_rate)
    if facts.shown == 0:
        if not facts.left_view:
            return said(eta, ": the slope at the start is ", num_text("0"), ", so there is no step to take.")
        if facts.status == "left_domain" and facts.steps == 0:
            return said(eta, ": the first step would land where f is undefined.")
        if facts.status == "diverged" and facts.steps == 0:
            return said(eta, ": the first step already diverges.")
        return said(eta, ": the very first step lands outside the picture.")
    if facts.rose_steps == 0 and facts.fell_steps == facts.shown:
        return said(eta, ": every step shown goes downhill, by ", ("η", "eta"), " times the slope.")
    if facts.fell_steps == 0 and facts.rose_steps == facts.shown:
        return said(eta, ": every step overshoots and f climbs.")
    if facts.fell_steps == 0 and facts.rose_steps == 0:
        return said(eta, ": each step jumps across to the same height; f stays at ", num(facts.f_last, facts.decimals), ".")
    same = facts.same_steps
    parts = [said(count(facts.fell_steps), " of the ", count(facts.shown), " steps shown go down")]
    if facts.rose_steps:
        parts.append(said(count(facts.rose_steps), f" overshoot{'s' if facts.rose_steps == 1 else ''} and go{'es' if facts.rose_steps == 1 else ''} up"))
    if same:
        parts.append(said(count(same), f" land{'s' if same == 1 else ''} at the height {'it' if same == 1 else 'they'} left"))
    return said(eta, ": ", *[p for k, part in enumerate(parts) for p in ((", " if k else None), part)], ".")


def panel_note(outcome: OutcomeFacts, walk: WalkFacts) -> str:
    """A few words under a panel on how its walk ended (the status word is beside η)."""
    v, d = outcome.variable, outcome.decimals
    end = number(outcome.w_end, d)
    steps = outcome.steps
    if outcome.status == "converged":
        text = f"flat at {v} = {end} after {steps} steps" if steps else f"flat at the start, {v} = {end}"
    elif outcome.status == "max_steps":
        text = f"after {steps} steps at {v} = {end}, not yet flat"
    elif outcome.status == "oscillating" and outcome.bounce is not None:
        a, b = (number(x, d) for x in outcome.bounce)
        text = f"jumps between {v} = {a} and {b}"
    elif outcome.status == "diverged":
        text = "f falls without end" if outcome.fell else "steps grow without end"
    elif outcome.status == "left_domain":
        text = f"stops at {v} = {end}: next step undefined"
    else:
        text = "slope 0 at the start: no way to go"
    if walk.left_view and walk.shown > 0:
        text += f"; leaves the view after step {walk.shown}"
    return text


def summary_captions(facts: RatesFacts, outcomes_count: int) -> list[str]:
    """The closing captions: which rate worked best here, and the general rule when these
    panels show it (a smaller rate crawling and a larger one overshooting)."""
    if facts.best_rate is None:
        which = "None of these rates" if outcomes_count > 1 else "This rate"
        return [said(which, " gets to a flat point within ", count(facts.max_steps, "step"), ".")]
    texts = [said(_eta(facts.best_rate), " works best here: it converges in ", count(facts.best_steps, "step"), ".")]
    if facts.slower and facts.overshoots:
        texts.append(said("Too small crawls, too large overshoots: a good ", ("η", "eta"), " sits in between."))
    return texts


# -- parts of the lesson (chapter names) ------------------------------------------------------------
def setup_part(rates: int) -> str:
    """The first part: one function, one start, ``rates`` step sizes.

    >>> setup_part(4), setup_part(1)
    ('One start, four step sizes', 'One start, one step size')
    """
    count = _COUNT_WORDS.get(rates, str(rates))
    return f"One start, {count} step size{'s' if rates > 1 else ''}"


def walks_part(rates: int) -> str:
    """The part where the panels' walks are drawn, one after another."""
    return "The walks, one η at a time" if rates > 1 else "The walk"


def ends_part(rates: int) -> str:
    """The closing part: which rate worked best (or that none converged)."""
    return "Comparing the step sizes" if rates > 1 else "How the walk ends"
