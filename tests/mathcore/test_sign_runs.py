"""The sign of the slope over an interval, decided by the mathematics: split only at real
sign changes (a touching zero is not one), at corners, poles, jumps and gaps."""

from __future__ import annotations

import numpy as np
import pytest
import sympy
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from mathcore import Curve, SignRun
from mathcore.critical import SPLITS, _assemble, _sampled_features, sign_runs


def shape(runs):
    return [(r.sign, r.opens, r.closes) for r in runs]


def test_a_touching_zero_of_the_speed_is_no_sign_change():
    # x(t) = (t - 2)**3 + 1: v = 3(t - 2)**2 >= 0, zero only at t = 2.
    (run,) = Curve("(t - 2)**3 + 1", variable="t").sign_runs((0, 4))
    assert (run.start, run.end, run.sign) == (0.0, 4.0, 1)
    assert run.touching == (2.0,)
    assert (run.opens, run.closes) == ("edge", "edge")


def test_a_crossing_splits():
    runs = Curve("t**2", variable="t").sign_runs((-1, 1))
    assert [(r.start, r.end, r.sign) for r in runs] == [(-1.0, 0.0, -1), (0.0, 1.0, 1)]
    assert shape(runs) == [(-1, "edge", "root"), (1, "root", "edge")]


def test_a_corner_splits():
    runs = Curve("abs(t - 1)", variable="t").sign_runs((0, 3))
    assert shape(runs) == [(-1, "edge", "corner"), (1, "corner", "edge")]
    assert runs[0].end == pytest.approx(1.0, abs=1e-12)


def test_a_cusp_is_a_corner():
    runs = Curve("sqrt(abs(t))", variable="t").sign_runs((-1, 1))
    assert shape(runs) == [(-1, "edge", "corner"), (1, "corner", "edge")]


@pytest.mark.parametrize(
    ("text", "interval", "expected", "where"),
    [
        ("1/t", (-1, 1), [(-1, "edge", "pole"), (-1, "pole", "edge")], 0.0),
        ("1/(t - 1)**2", (0, 3), [(1, "edge", "pole"), (-1, "pole", "edge")], 1.0),
        ("tan(t)", (0, 4), [(1, "edge", "pole"), (1, "pole", "edge")], np.pi / 2),
    ],
)
def test_a_pole_splits_even_without_a_sign_change(text, interval, expected, where):
    runs = Curve(text, variable="t").sign_runs(interval)
    assert shape(runs) == expected
    assert runs[0].end == pytest.approx(where, abs=1e-12)


def test_undefined_stretches_belong_to_no_run():
    (run,) = Curve("log(t)", variable="t").sign_runs((-1, 2))
    assert (run.sign, run.opens, run.closes) == (1, "gap", "edge")
    assert 0 <= run.start < 1e-12
    (run,) = Curve("sqrt(t - 1)", variable="t").sign_runs((-1, 2))
    assert run.start == pytest.approx(1.0, abs=1e-12) and run.sign == 1


def test_a_hole_of_a_rational_function_splits():
    runs = Curve("(t**2 - 1)/(t - 1)", variable="t").sign_runs((-2, 2))
    assert shape(runs) == [(1, "edge", "gap"), (1, "gap", "edge")]


def test_flat_stretches_have_sign_zero():
    runs = Curve("relu(t - 1)", variable="t").sign_runs((0, 3))
    assert shape(runs) == [(0, "edge", "plateau"), (1, "plateau", "edge")]
    assert runs[0].end == pytest.approx(1.0, abs=1e-12)
    assert shape(Curve("5", variable="t").sign_runs((0, 2))) == [(0, "edge", "edge")]


def test_decimals_are_read_exactly():
    # 0.3 t**2 - 1.2 t turns at exactly t = 2; t**4*sin(t) (sampled) touches at 0.
    runs = Curve("0.3*t**2 - 1.2*t", variable="t").sign_runs((0, 4))
    assert [(r.end, r.sign) for r in runs] == [(2.0, -1), (4.0, 1)]
    (run,) = Curve("t**4*sin(t)", variable="t").sign_runs((-1, 1))
    assert run.sign == 1 and run.touching == pytest.approx((0.0,), abs=1e-6)


def test_an_interval_ending_at_a_turn_has_no_sliver():
    curve = Curve("4*t - t**2", variable="t")
    assert shape(curve.sign_runs((0, 2.0))) == [(1, "edge", "edge")]
    assert shape(curve.sign_runs((0, 2.0 + 1e-12))) == [(1, "edge", "edge")]
    assert shape(curve.sign_runs((0, 2.1))) == [(1, "edge", "root"), (-1, "root", "edge")]


def test_many_turns_of_a_sampled_function():
    runs = Curve("sin(t)", variable="t").sign_runs((0, 10))
    assert [r.sign for r in runs] == [1, -1, 1, -1]
    np.testing.assert_allclose([r.end for r in runs[:-1]], [np.pi / 2, 3 * np.pi / 2, 5 * np.pi / 2], atol=1e-12)


def test_bad_intervals():
    curve = Curve("t", variable="t")
    for interval in [(1, 0), (0, float("nan")), (0, float("inf"))]:
        with pytest.raises(ValueError):
            sign_runs(curve, interval)


def _check_cover(runs, a, b):
    """Runs are ordered, disjoint, inside [a, b], with valid signs and reasons."""
    for r in runs:
        assert a <= r.start < r.end <= b
        assert r.sign in (-1, 0, 1)
        assert r.opens in SPLITS and r.closes in SPLITS
        assert all(r.start < t < r.end for t in r.touching)
    for left, right in zip(runs, runs[1:]):
        assert left.end <= right.start
        if left.closes in ("root", "corner"):
            assert left.sign != right.sign


@settings(max_examples=60, deadline=None)
@given(
    roots=st.lists(
        st.tuples(st.integers(-6, 6).map(lambda k: k / 4), st.integers(1, 3)), min_size=1, max_size=4, unique_by=lambda r: r[0]
    ),
    scale=st.sampled_from([1, -1, 0.001, 250]),
)
def test_runs_of_a_polynomial_slope_follow_the_multiplicities(roots, scale):
    # f' = scale * prod (t - r)**m: the sign changes exactly at the roots of odd multiplicity.
    t = sympy.Symbol("t", real=True)
    slope = sympy.nsimplify(scale) * sympy.Mul(*[(t - sympy.nsimplify(r)) ** m for r, m in roots])
    curve = Curve(sympy.integrate(slope, t), variable="t")
    runs = curve.sign_runs((-2, 2))
    _check_cover(runs, -2.0, 2.0)
    inside = sorted((r, m) for r, m in roots if -2 < r < 2)
    assert [r.end for r in runs[:-1]] == [r for r, m in inside if m % 2]
    assert [x for run in runs for x in run.touching] == [r for r, m in inside if m % 2 == 0]
    for run in runs:  # the sign read at the middle of the run agrees
        middle = 0.5 * (run.start + run.end)
        value = float(slope.subs(t, sympy.Rational(middle)))
        assert run.sign == np.sign(value) or value == 0


@settings(max_examples=15, deadline=None)
@given(
    roots=st.lists(st.integers(-7, 7).map(lambda k: k / 4 + 0.01), min_size=1, max_size=3, unique=True),
    touching=st.lists(st.integers(-7, 7).map(lambda k: k / 4 + 0.13), max_size=2, unique=True),
)
def test_the_sampled_path_agrees_with_the_exact_one(roots, touching):
    # The sampled path's resolution: zeros closer than 0.3 on (-2, 2) make f' so small between
    # them (five zeros within 0.4: |f'| ~ 1e-6) that it reads a plateau there. Known limit,
    # left to the exact path, which handles such polynomials.
    zeros = sorted(roots + touching)
    assume(all(b - a >= 0.3 for a, b in zip(zeros, zeros[1:])))
    t = sympy.Symbol("t", real=True)
    factors = [t - sympy.nsimplify(r) for r in roots] + [(t - sympy.nsimplify(r)) ** 2 for r in touching]
    curve = Curve(sympy.integrate(sympy.Mul(*factors), t), variable="t")
    exact = curve.sign_runs((-2, 2))
    sampled = _assemble(curve, -2.0, 2.0, _sampled_features(curve, -2.0, 2.0, 801), 4e-9, 4 / 800)
    _check_cover(sampled, -2.0, 2.0)
    assert [r.sign for r in sampled] == [r.sign for r in exact]
    np.testing.assert_allclose([r.end for r in sampled], [r.end for r in exact], atol=1e-9)
    np.testing.assert_allclose(
        [x for r in sampled for x in r.touching], [x for r in exact for x in r.touching], atol=1e-4
    )


def test_sign_run_is_frozen_and_public():
    run = SignRun(0.0, 1.0, 1)
    assert run.length == 1.0
    with pytest.raises(AttributeError):
        run.sign = -1  # type: ignore[misc]
