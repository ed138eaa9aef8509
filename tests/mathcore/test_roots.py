"""The one bracketing solver: sign changes told apart (root, jump, pole, gap), touching zeros."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mathcore.roots import merge_close, roots, sign_changes, touching_zeros


def test_roots_of_a_polynomial_match_the_exact_ones():
    found = roots(lambda x: (x - 1.0) * (x + 0.5) * (x - 2.25), (-3.0, 3.0))
    np.testing.assert_allclose(found, [-0.5, 1.0, 2.25], atol=1e-14)


def test_a_root_on_a_sample_is_found_once():
    # 801 samples on (-2, 2) put a sample exactly on 1 and -1.
    found = sign_changes(lambda x: x**2 - 1.0, (-2.0, 2.0))
    assert [c.x for c in found] == [-1.0, 1.0]
    assert [c.kind for c in found] == ["root", "root"]
    assert [c.rising for c in found] == [False, True]


@pytest.mark.parametrize(
    ("f", "interval", "kind"),
    [
        (lambda x: 1.0 / x, (-1.0, 2.0), "pole"),
        (np.tan, (0.5, 2.0), "pole"),
        (lambda x: np.sign(x - 0.1234), (-1.0, 1.0), "jump"),
        (lambda x: np.where(x < 0.3, -1.0, np.sqrt(np.abs(x - 0.3) + 1.0)), (-1.0, 1.0), "jump"),
    ],
)
def test_a_sign_change_that_is_not_a_root(f, interval, kind):
    changes = sign_changes(f, interval)
    assert [c.kind for c in changes] == [kind]
    assert roots(f, interval) == ()


def test_a_jump_on_a_sample_is_not_a_root():
    # sign(x) is exactly 0 at the sample x = 0, yet it jumps there.
    (change,) = sign_changes(np.sign, (-1.0, 1.0))
    assert change.x == 0.0 and change.kind == "jump"


def test_no_change_across_an_undefined_stretch():
    f = lambda x: np.where(np.abs(x) < 0.5, np.nan, x)  # noqa: E731
    assert sign_changes(f, (-1.0, 1.0)) == ()


def test_a_bracket_closes_on_the_edge_of_the_domain():
    # log(x) - 1 is undefined for x <= 0 but its root e is found; sqrt(x) - 3 too.
    np.testing.assert_allclose(roots(lambda x: np.log(x) - 1.0, (-1.0, 4.0)), [np.e], rtol=1e-15)


def test_touching_zeros_are_found_and_near_misses_are_not():
    np.testing.assert_allclose(touching_zeros(lambda x: (x - 0.3) ** 2, (-1.0, 1.0)), [0.3], atol=1e-7)
    assert touching_zeros(lambda x: (x - 0.3) ** 2 + 1e-3, (-1.0, 1.0)) == ()
    assert sign_changes(lambda x: (x - 0.3) ** 2, (-1.0, 1.0)) == ()


def test_bad_interval_or_samples_are_refused():
    with pytest.raises(ValueError, match="interval"):
        roots(np.sin, (1.0, 1.0))
    with pytest.raises(ValueError, match="interval"):
        roots(np.sin, (0.0, np.inf))
    with pytest.raises(ValueError, match="num"):
        roots(np.sin, (0.0, 1.0), num=2)


def test_merge_close_keeps_the_first_of_a_cluster():
    assert merge_close([0.0, 0.001, 0.5, 0.5005, 1.0], 0.01) == (0.0, 0.5, 1.0)


@settings(max_examples=60, deadline=None)
@given(
    centres=st.lists(st.floats(-4.5, 4.5), min_size=1, max_size=4, unique=True).filter(
        lambda c: min(np.diff(sorted(c)), default=1.0) > 0.05
    ),
    scale=st.sampled_from([1e-6, 1.0, 1e6]),
)
def test_simple_roots_are_all_found_to_machine_precision(centres, scale):
    def f(x):
        return scale * np.prod([x - c for c in centres], axis=0)

    found = roots(f, (-5.0, 5.0))
    np.testing.assert_allclose(found, sorted(centres), atol=1e-12)
