"""Functions nobody chose: seeded generators of formulas a teacher might type.

Each generator takes a :class:`random.Random` and returns the formula as text (in the
placeholder variables ``X`` for one input, ``N`` and ``E`` for two) and the range that shows
it. Kinds: random polynomials of degree 2 to 6, sums of bumps, trig mixes, and standard test
functions moved off-centre and scaled (Booth, Matyas, Beale, three-hump camel, Rosenbrock,
Himmelblau), times a scale from tiny to huge. Coefficients are short decimals, so a formula
reads as a person would type it.

>>> import random
>>> text, span = curve_formula(random.Random(1))
>>> isinstance(text, str) and span[0] < span[1]
True
"""

from __future__ import annotations

import random
from dataclasses import dataclass

__all__ = ["Generated", "curve_formula", "field_formula", "in_variables"]

#: Scales a whole function is multiplied by: from tiny to huge values.
SCALES = (0.001, 0.05, 1.0, 1.0, 1.0, 20.0, 1000.0)


@dataclass(frozen=True)
class Generated:
    """A generated formula (placeholders X, or N and E) with the ranges that show it."""

    kind: str
    text: str
    ranges: tuple[tuple[float, float], ...]


def _num(value: float) -> str:
    """``value`` as typed: short, and never ``-0``."""
    return f"{value + 0.0:g}"


def _coefficient(rng: random.Random, low: float = 0.1, high: float = 3.0) -> str:
    value = round(rng.uniform(low, high), 1) * rng.choice((-1, 1))
    return f"({_num(value)})" if value < 0 else _num(value)


def _scaled(rng: random.Random, text: str) -> str:
    scale = rng.choice(SCALES)
    return text if scale == 1.0 else f"{scale:g}*({text})"


def _polynomial(rng: random.Random) -> Generated:
    degree = rng.randint(2, 6)
    roots = sorted(round(rng.uniform(-2, 2), 1) for _ in range(degree))
    text = "*".join(f"(X - ({_num(r)}))" for r in roots)
    if degree % 2 == 1:  # odd: add a square so it has a well somewhere
        text = f"{text} + X**2"
    low, high = roots[0] - 1.0, roots[-1] + 1.0
    return Generated("polynomial", _scaled(rng, text), ((round(low, 1), round(high, 1)),))


def _bumps(rng: random.Random) -> Generated:
    terms = []
    for _ in range(rng.randint(1, 3)):
        centre, width = round(rng.uniform(-2, 2), 1), round(rng.uniform(0.3, 1.5), 1)
        terms.append(f"{_coefficient(rng)}*exp(-(X - ({_num(centre)}))**2/{_num(width)})")
    return Generated("bumps", _scaled(rng, " + ".join(terms) + " + 0.1*X**2"), ((-3.0, 3.0),))


def _trig(rng: random.Random) -> Generated:
    a, b = _coefficient(rng, 0.2, 2.0), round(rng.uniform(0.5, 3.0), 1)
    text = f"{a}*sin({b:g}*X) + {round(rng.uniform(0.05, 1.0), 2):g}*X**2"
    return Generated("trig", _scaled(rng, text), ((-3.0, 3.0),))


def curve_formula(rng: random.Random) -> tuple[str, tuple[float, float]]:
    """A formula in ``X`` and the range that shows it."""
    made = rng.choice((_polynomial, _bumps, _trig))(rng)
    return made.text, made.ranges[0]


#: Standard test functions of two inputs, in N and E, with their usual square.
STANDARD = {
    "booth": ("(N + 2*E - 7)**2 + (2*N + E - 5)**2", (-5.0, 5.0)),
    "matyas": ("0.26*(N**2 + E**2) - 0.48*N*E", (-5.0, 5.0)),
    "beale": ("(1.5 - N + N*E)**2 + (2.25 - N + N*E**2)**2 + (2.625 - N + N*E**3)**2", (-3.0, 3.0)),
    "three-hump camel": ("2*N**2 - 1.05*N**4 + N**6/6 + N*E + E**2", (-2.0, 2.0)),
    "rosenbrock": ("100*(E - N**2)**2 + (1 - N)**2", (-2.0, 2.0)),
    "himmelblau": ("(N**2 + E - 11)**2 + (N + E**2 - 7)**2", (-5.0, 5.0)),
}


def field_formula(rng: random.Random) -> Generated:
    """A formula in ``N`` and ``E`` with its two ranges: a standard function moved and
    scaled, a quadratic form (bowl, saddle or narrow valley), bumps, or a trig mix."""
    kind = rng.choice(("standard", "standard", "quadratic", "bumps", "trig"))
    if kind == "standard":
        name = rng.choice(sorted(STANDARD))
        text, (low, high) = STANDARD[name]
        dn, de = round(rng.uniform(-1, 1), 1), round(rng.uniform(-1, 1), 1)
        text = text.replace("N", f"(N - ({_num(dn)}))").replace("E", f"(E - ({_num(de)}))")
        return Generated(name, _scaled(rng, text), ((low + dn, high + dn), (low + de, high + de)))
    if kind == "quadratic":
        a, c = round(rng.uniform(0.05, 3), 2), round(rng.uniform(-3, 3), 2)
        b = round(rng.uniform(-1, 1), 2)
        text = f"{_num(a)}*N**2 + ({_num(b)})*N*E + ({_num(c)})*E**2"
        return Generated("quadratic", _scaled(rng, text), ((-3.0, 3.0), (-3.0, 3.0)))
    if kind == "bumps":
        terms = []
        for _ in range(rng.randint(1, 3)):
            cn, ce = round(rng.uniform(-2, 2), 1), round(rng.uniform(-2, 2), 1)
            terms.append(f"{_coefficient(rng)}*exp(-((N - ({_num(cn)}))**2 + (E - ({_num(ce)}))**2))")
        return Generated("bumps", _scaled(rng, " + ".join(terms) + " + 0.05*(N**2 + E**2)"), ((-3.0, 3.0), (-3.0, 3.0)))
    text = f"{_coefficient(rng, 0.2, 1.5)}*sin(N)*cos({round(rng.uniform(0.5, 2), 1):g}*E) + 0.1*(N**2 + E**2)"
    return Generated("trig", _scaled(rng, text), ((-3.0, 3.0), (-3.0, 3.0)))


def in_variables(text: str, *names: str) -> str:
    """``text`` with its placeholders replaced by ``names`` (X; or N then E)."""
    placeholders = ("X",) if len(names) == 1 else ("N", "E")
    for placeholder, name in zip(placeholders, names):
        text = text.replace(placeholder, name)
    return text
