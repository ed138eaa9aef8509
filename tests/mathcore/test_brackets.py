"""The one bracketing primitive, refine_brackets, and the code that goes through it."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mathcore import Curve
from mathcore.roots import refine_brackets


@pytest.mark.parametrize("method", ["bisect", "illinois"])
def test_many_brackets_at_once_in_either_orientation(method):
    rounds = 80 if method == "bisect" else 12
    low = np.array([1.0, -2.0, 2.0, 0.0])
    high = np.array([2.0, -1.0, 1.0, 1.5])  # the third bracket is given high end first
    found = refine_brackets(lambda x: x**2 - 2.0 + 0 * x, low, high, rounds=rounds, method=method)
    np.testing.assert_allclose(found.x, [np.sqrt(2), -np.sqrt(2), np.sqrt(2), np.sqrt(2)], rtol=1e-15)
    assert np.all(np.sign(found.g_low) != np.sign(found.g_high)) or np.all(found.exact)


def test_an_exact_zero_is_hit_and_flagged():
    found = refine_brackets(lambda x: x - 0.5, np.array([0.0]), np.array([1.0]))
    assert found.x[0] == 0.5 and found.exact[0]
    found = refine_brackets(lambda x: x, np.array([0.0]), np.array([1.0]), np.array([0.0]), np.array([1.0]))
    assert found.x[0] == 0.0 and found.exact[0]


def test_bisection_closes_on_the_edge_of_the_domain():
    # An undefined middle counts as "not crossed yet": the bracket closes on where f ends.
    g = lambda x: np.where(x < 0.3, -1.0, np.nan)  # noqa: E731
    found = refine_brackets(g, np.array([0.0]), np.array([1.0]), np.array([-1.0]), np.array([1.0]))
    assert found.x[0] == pytest.approx(1.0, abs=1e-15)


def test_illinois_stops_where_g_is_undefined():
    g = lambda x: np.where(x < 0.4, x - 0.5, np.nan)  # noqa: E731
    found = refine_brackets(g, np.array([0.0]), np.array([1.0]), np.array([-0.5]), np.array([0.5]), method="illinois")
    assert found.x[0] == 0.5 and not found.exact[0]  # the first guess, never refined


def test_bad_method():
    with pytest.raises(ValueError, match="method"):
        refine_brackets(np.sin, np.array([3.0]), np.array([4.0]), method="newton")


@settings(max_examples=50, deadline=None)
@given(st.floats(-50, 50), st.floats(0.01, 5), st.floats(0.01, 5))
def test_bisection_finds_the_crossing_of_any_increasing_cubic(root, left, right):
    g = lambda x: (x - root) ** 3 + (x - root)  # noqa: E731
    found = refine_brackets(g, np.array([root - left]), np.array([root + right]))
    assert abs(found.x[0] - root) <= 4 * np.spacing(abs(root) + 5)


def test_a_clipped_piece_ends_on_the_curve():
    curve = Curve("x**3")
    pieces = curve.sample((-2, 2), num=50, y_limits=(-1, 1))
    (xs, ys), = pieces
    assert (xs[0], ys[0], xs[-1], ys[-1]) == (-1.0, -1.0, 1.0, 1.0)
