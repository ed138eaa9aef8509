"""Sampling a field on a grid, its robust value range, its level sets and spread levels."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mathcore import DomainError, FieldSample, ScalarField
from mathcore.level_sets import spread_levels

HIMMELBLAU = "(n**2 + e - 11)**2 + (n + e**2 - 7)**2"


def field(text: str) -> ScalarField:
    return ScalarField(text, variables=("n", "e"))


def test_sample_is_the_function_on_the_grid_with_nan_where_undefined():
    sample = field("log(n) + e").sample((-1, 2), (0, 1), (4, 3))
    assert isinstance(sample, FieldSample)
    np.testing.assert_array_equal(sample.a, [-1, 0, 1, 2])
    np.testing.assert_array_equal(sample.b, [0, 0.5, 1])
    assert sample.values.shape == (3, 4)
    assert np.isnan(sample.values[:, :2]).all()
    np.testing.assert_allclose(sample.values[:, 2:], np.log([[1, 2]]) + np.array([[0], [0.5], [1]]))


@pytest.mark.parametrize(
    ("args", "name"),
    [(((1, -1), (0, 1)), "a_range"), (((0, 1), (0, np.nan)), "b_range"), (((0, 1), (0, 1), 1), "resolution")],
)
def test_sample_refuses_bad_input(args, name):
    with pytest.raises(ValueError, match=name):
        field("n + e").sample(*args)


def test_value_range_of_a_bowl_and_of_himmelblau():
    assert field("0.3*(n**2 + 2*e**2)").value_range((-3, 3), (-3, 3)) == pytest.approx((0.0, 8.1))
    low, high = field(HIMMELBLAU).value_range((-5, 5), (-5, 5))
    assert low == pytest.approx(0.0, abs=0.5) and high == pytest.approx(890.0)


def test_value_range_ignores_a_pole_tail_and_refuses_no_values():
    low, high = field("1/(n**2 + e**2)").value_range((-1, 1), (-1, 1), resolution=80)
    assert 0.4 < low < 0.6 and high < 1e3  # the peak at the pole would be 1e4 on this grid
    with pytest.raises(DomainError, match="no real value for n"):
        field("log(-n**2 - 1) + e").value_range((-1, 1), (-1, 1))


def test_level_set_of_a_circle_is_one_closed_ring_on_the_level():
    (ring,) = field("n**2 + e**2").level_set(1.0, (-2, 2), (-2, 2))
    np.testing.assert_array_equal(ring[0], ring[-1])
    assert np.abs(np.hypot(*ring.T) - 1).max() < 1e-9


@settings(max_examples=25, deadline=None)
@given(fraction=st.floats(0.05, 0.95))
def test_every_level_set_point_of_himmelblau_lies_on_its_level(fraction):
    hill = field(HIMMELBLAU)
    level = 1.0 + fraction * 200.0
    lines = hill.level_set(level, (-5, 5), (-5, 5))
    assert lines
    for line in lines:
        assert np.isfinite(line).all()
        np.testing.assert_allclose(hill(line[:, 0], line[:, 1]), level, rtol=0, atol=1e-6 * 890)  # of the span


def test_level_set_stops_at_the_domain_and_is_empty_off_the_values():
    hill = field("log(n) + e**2")
    for line in hill.level_set(0.0, (-1, 2), (-1, 1)):
        assert (line[:, 0] > 0).all()
    assert hill.level_set(100.0, (0.5, 2), (-1, 1)) == ()


def test_levels_crowd_towards_the_minimum_and_ring_each_himmelblau_minimum():
    levels = field("n**2 + e**2").levels(4, (-1, 1), (-1, 1), spacing=1.0)
    np.testing.assert_allclose(levels, 2 * np.arange(1, 5) / 5)
    hill = field(HIMMELBLAU)
    first = hill.levels(8, (-5, 5), (-5, 5))[0]
    assert len(hill.level_set(first, (-5, 5), (-5, 5))) == 4  # one ring round each minimum


def test_spread_levels_of_values():
    values = np.array([np.nan, np.inf, 0.0, 1.0, 2.0, 3.0, 4.0])
    np.testing.assert_allclose(spread_levels(values, 3, spacing=1), [1.0, 2.0, 3.0])
    assert spread_levels(np.ones(4), 2).size == 0
    with pytest.raises(ValueError, match="count"):
        spread_levels(values, 0)
    with pytest.raises(ValueError, match="spacing"):
        spread_levels(values, 2, spacing=0)
