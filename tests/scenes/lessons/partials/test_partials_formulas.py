"""Formulas readable at 480p and shown as typed, in PartialDerivatives and GradientOnHillside,
over a family of formulas: every letter and digit of the formula and of each readout (exponents
and fractions included) is at least READABLE_GLYPH_PX tall at 854 x 480, inside its zone; the
formula on screen is the one typed, Euler's number upright and the variable e italic."""

from __future__ import annotations

import pytest
from manim import MathTex, tempconfig

from mathcore import formula_latex
from scenes.gradient import GradientOnHillside
from scenes.kit.layout import Box
from scenes.lessons.partials.scene import PartialDerivatives
from scenes.parts.panels.panels import READABLE_GLYPH_PX, smallest_glyph_px, split_terms
from tests.golden import CACHED

DRY = {"dry_run": True, "disable_caching": True, "pixel_width": 160, "pixel_height": 90, "frame_rate": 4,
       "verbosity": "ERROR", "progress_bar": "none", **CACHED}

#: (function, n_range, e_range, point): a bowl, a Gaussian bump (exponent with a fraction),
#: Himmelblau, Rosenbrock, a trig mix, a long polynomial, a log, a wave under a bump.
FORMULAS = [
    ("0.3*(n**2 + 2*e**2)", (-3.0, 3.0), (-3.0, 3.0), (1.5, 1.0)),
    ("n*exp(-(n**2 + e**2)/2)", (-3.0, 3.0), (-3.0, 3.0), (1.5, 1.0)),
    ("(n**2 + e - 11)**2 + (n + e**2 - 7)**2", (-5.0, 5.0), (-5.0, 5.0), (1.0, 1.0)),
    ("100*(e - n**2)**2 + (1 - n)**2", (-2.0, 2.0), (-1.0, 3.0), (-1.0, 1.0)),
    ("sin(n)*cos(e)", (-3.0, 3.0), (-3.0, 3.0), (1.0, 0.5)),
    ("n**4 - 3*n**2*e + e**3 - 2*n*e**2 + 5", (-2.0, 2.0), (-2.0, 2.0), (1.0, -1.0)),
    ("log(1 + n**2 + e**2)", (-3.0, 3.0), (-3.0, 3.0), (1.0, 2.0)),
    ("exp(-n**2/4)*cos(2*e) + e/3", (-3.0, 3.0), (-3.0, 3.0), (0.5, 0.5)),
]


def _inside(mobject, zone: Box) -> bool:
    return (zone.left - 1e-6 <= mobject.get_left()[0] and mobject.get_right()[0] <= zone.right + 1e-6
            and zone.bottom - 1e-6 <= mobject.get_bottom()[1] and mobject.get_top()[1] <= zone.top + 1e-6)


def _built(base, function, n_range, e_range, point):
    variant = type("Variant", (base,), {"function": function, "n_range": n_range, "e_range": e_range, "point": point})
    with tempconfig(DRY):
        scene = variant()
        scene.setup()
    return scene


@pytest.mark.parametrize(("function", "n_range", "e_range", "point"), FORMULAS)
@pytest.mark.parametrize("base", [PartialDerivatives, GradientOnHillside])
def test_formula_and_readouts_read_at_480p(base, function, n_range, e_range, point):
    scene = _built(base, function, n_range, e_range, point)
    zones = scene.zones
    assert smallest_glyph_px(scene.formula) >= READABLE_GLYPH_PX, function
    assert _inside(scene.formula, zones.title) or _inside(scene.formula, zones.side)
    for item in scene.panel:
        assert smallest_glyph_px(item) >= READABLE_GLYPH_PX, (function, item)
    assert _inside(scene.panel, zones.side)
    # As typed: the formula's LaTeX is mathcore's typed-order LaTeX (on one line or broken).
    typed = formula_latex(function, ("n", "e"))
    shown = " ".join(m.tex_string for m in scene.formula.get_family() if isinstance(m, MathTex))
    assert all(term in shown for term in split_terms(typed)) and r"\left(-1\right)" not in typed


def test_the_gaussian_reads_as_typed_with_upright_euler_and_italic_east():
    typed = formula_latex("n*exp(-(n**2 + e**2)/2)", ("n", "e"))
    assert typed == r"n \exp{\left(- \frac{n^{2} + e^{2}}{2}\right)}"
    scene = _built(PartialDerivatives, "n*exp(-(n**2 + e**2)/2)", (-3.0, 3.0), (-3.0, 3.0), (1.5, 1.0))
    exact = [m.tex_string for item in (s.readout for s in scene.slices) for m in item]
    assert any(r"\exp" in t for t in exact)  # the exact partials are shown, readable
    assert not any(r"\mathrm{e}" in t for t in exact)  # no e^{...} with a script inside a script
    assert "e n" in " ".join(exact)  # the variable e stays an italic symbol beside n


def test_split_terms_keeps_brackets_and_fractions_whole():
    assert split_terms(r"- n^{2} \exp{\left(- \frac{e^{2}}{2} - \frac{n^{2}}{2}\right)} + 3") == [
        r"- n^{2} \exp{\left(- \frac{e^{2}}{2} - \frac{n^{2}}{2}\right)}", "+ 3"]
    assert split_terms(r"\left(n + e\right)^{2} - 1") == [r"\left(n + e\right)^{2}", "- 1"]
