"""The base of the 3-D lessons: fitted vertical scale, equal n-e scale, settings checks."""

from __future__ import annotations

import numpy as np
import pytest

from mathcore import DomainError, ExpressionError, ScalarField
from scenes.lessons.common.hill import HillLesson, fitted_value_range

HIMMELBLAU = "(n**2 + e - 11)**2 + (n + e**2 - 7)**2"


class Himmelblau(HillLesson):
    function = HIMMELBLAU
    n_range = (-5.0, 5.0)
    e_range = (-5.0, 5.0)


class Wide(HillLesson):
    n_range = (-6.0, 6.0)
    e_range = (-2.0, 2.0)


def _built(cls) -> HillLesson:
    scene = cls.__new__(cls)  # build() needs no camera: call it on a bare instance
    HillLesson.build(scene)
    return scene


# -- the vertical scale ----------------------------------------------------------------------------
def test_default_valley_fits_from_sea_level():
    field = ScalarField(HillLesson.function, ("n", "e"))
    low, high, step = fitted_value_range(field, (-3, 3), (-3, 3))
    assert low == 0.0
    assert 8.1 <= high <= 12  # the corners reach 0.3 * (9 + 18) = 8.1
    assert step in (1.0, 2.0, 2.5, 5.0)


def test_himmelblau_reaching_hundreds_still_fits():
    field = ScalarField(HIMMELBLAU, ("n", "e"))
    low, high, step = fitted_value_range(field, (-5, 5), (-5, 5))
    assert low == 0.0
    assert 890 <= high <= 1200  # the corner (-5, -5) is 890
    assert (high - low) / step <= 6


def test_negative_values_keep_their_sign():
    field = ScalarField("-(n**2 + e**2)", ("n", "e"))
    low, high, _ = fitted_value_range(field, (-2, 2), (-2, 2))
    assert low <= -8 and high == 0.0


def test_a_pole_does_not_squash_the_scale():
    field = ScalarField("1/(n**2 + e**2)", ("n", "e"))
    low, high, _ = fitted_value_range(field, (-2, 2), (-2, 2))
    assert high < 1000  # the tails near (0, 0) are left out


def test_undefined_everywhere_is_a_domain_error():
    field = ScalarField("log(-n**2 - e**2 - 1)", ("n", "e"))
    with pytest.raises(DomainError):
        fitted_value_range(field, (-1, 1), (-1, 1))


# -- axes and mesh ------------------------------------------------------------------------------------
@pytest.mark.parametrize("cls", [HillLesson, Himmelblau, Wide])
def test_axes_keep_n_and_e_to_one_scale_and_fit_the_height(cls):
    scene = _built(cls)
    axes = scene.axes
    origin = axes.c2p(0, 0, scene.value_range[0])
    n_unit = np.linalg.norm(axes.c2p(1, 0, scene.value_range[0]) - origin)
    e_unit = np.linalg.norm(axes.c2p(0, 1, scene.value_range[0]) - origin)
    assert n_unit == pytest.approx(e_unit)
    heights = scene.hill.points[:, 2]
    bottom = axes.c2p(0, 0, scene.value_range[0])[2]
    top = axes.c2p(0, 0, scene.value_range[1])[2]
    assert bottom - 1e-9 <= heights.min() and heights.max() <= top + 1e-9
    assert top - bottom == pytest.approx(cls.height_length)
    # centred: the middle of the box is the scene's origin
    (n0, n1), (e0, e1) = cls.n_range, cls.e_range
    middle = axes.c2p((n0 + n1) / 2, (e0 + e1) / 2, sum(scene.value_range[:2]) / 2)
    np.testing.assert_allclose(middle, 0, atol=1e-9)


def test_surface_point_is_the_value_through_the_axes():
    scene = _built(Himmelblau)
    point = scene.surface_point(3.0, 2.0)
    np.testing.assert_allclose(point, scene.axes.c2p(3.0, 2.0, 0.0), atol=1e-9)  # a minimum, value 0
    lifted = scene.surface_point(3.0, 2.0, lift=0.5)
    np.testing.assert_allclose(lifted - point, [0, 0, 0.5], atol=1e-9)


def test_numbers_go_through_the_one_formatter():
    scene = _built(HillLesson)
    assert scene.number(-0.0001) == "0"  # rounds to zero: 0, never -0.00
    assert scene.number(1.624e-08) == "0"
    assert scene.number(-1.5) == "-1.50"


# -- settings -------------------------------------------------------------------------------------
def _variant(**attributes) -> type[HillLesson]:
    return type("Variant", (HillLesson,), attributes)


@pytest.mark.parametrize(
    ("attributes", "error", "words"),
    [
        ({"function": "n**2 + import_x"}, ExpressionError, "import_x"),
        ({"function": "n + q"}, ExpressionError, "q"),
        ({"variables": ("n",)}, ValueError, "variables"),
        ({"variables": ("n", "n")}, ValueError, "different"),
        ({"variables": None}, ValueError, "variables"),
        ({"n_range": (3.0, -3.0)}, ValueError, "n_range"),
        ({"n_range": (0.0, 1e-300)}, ValueError, "n_range"),
        ({"e_range": (0.0, float("inf"))}, ValueError, "e_range"),
        ({"e_range": "wide"}, ValueError, "e_range"),
        ({"resolution": 500}, ValueError, "resolution"),
        ({"resolution": 10**12}, ValueError, "resolution"),
        ({"resolution": True}, ValueError, "resolution"),
        ({"decimals": 1.5}, ValueError, "decimals"),
        ({"decimals": 400}, ValueError, "decimals"),
        ({"zoom": 0}, ValueError, "zoom"),
        ({"zoom": 3.0}, ValueError, "zoom"),
        ({"base_length": 0}, ValueError, "base_length"),
        ({"phi": float("nan")}, ValueError, "phi"),
        ({"read_time": -1}, ValueError, "read_time"),
        ({"function": "sqrt(-1 - n**2 - e**2)"}, (ValueError, DomainError), "sqrt"),
    ],
)
def test_bad_settings_are_named(attributes, error, words):
    with pytest.raises(error) as info:
        _variant(**attributes).validate()
    assert words in str(info.value)


def test_good_settings_pass():
    HillLesson.validate()
    Himmelblau.validate()
    Wide.validate()


@pytest.mark.parametrize(
    ("point", "words"),
    [((9.0, 0.0), "n_range"), (("a", 1), "two numbers"), ((float("nan"), 0.0), "n_range"), ((0.0, 0.0), "undefined")],
)
def test_check_point_names_the_attribute(point, words):
    cls = _variant(function="log(n**2 + e**2)", point=point)
    with pytest.raises((ValueError, DomainError)) as info:
        cls.check_point("point")
    assert "point" in str(info.value) and words in str(info.value)


def test_check_point_returns_floats():
    assert HillLesson.check_point("start", point=(1, 2)) == (1.0, 2.0)


def test_a_bad_formula_is_named_with_its_setting():
    with pytest.raises(ExpressionError, match=r"Variant\.function"):
        _variant(function="n ** ").validate()


def test_check_point_refuses_a_height_the_hill_cuts_off():
    cls = _variant(function="1/(n**2 + e**2 + 0.001)", point=(0.0, 0.0))  # 1000 at the peak
    with pytest.raises(DomainError, match=r"Variant\.point = \(0\.0, 0\.0\).*outside the drawn range"):
        cls.check_point("point")


def test_settings_errors_name_the_setting_in_one_line_and_refuse_bools():
    for attributes, words in (({"zoom": True}, "Variant.zoom = True: expected a number"),
                              ({"resolution": 8.0}, "Variant.resolution = 8.0: expected a whole number")):
        with pytest.raises(ValueError) as info:
            _variant(**attributes).validate()
        assert words in str(info.value) and "\n" not in str(info.value)


def test_check_numbers_still_checks_undeclared_settings():
    cls = _variant(grid=2.5)
    with pytest.raises(ValueError, match=r"Variant\.grid must be a whole number from 3 to 20; got 2.5"):
        cls.check_numbers((("grid", 3, 20),), whole=True)


@pytest.mark.parametrize("module", ["hill_axes", "hill_camera", "hill_checks"])
def test_the_split_modules_docstring_examples_run(module):
    import doctest
    import importlib

    loaded = importlib.import_module(f"scenes.lessons.common.{module}")
    result = doctest.testmod(loaded, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted >= 1 and result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {module}"


def test_every_old_name_of_hill_still_imports():
    import scenes.hill as old
    from scenes.lessons.common import hill, hill_axes, hill_checks

    for name in ("HillLesson", "fitted_value_range", "is_real_number", "is_whole_number", "screen_corner"):
        assert getattr(old, name) is getattr(hill, name)
    assert hill.screen_corner is hill_axes.screen_corner and hill.fitted_value_range is hill_checks.fitted_value_range
    assert not hasattr(HillLesson, "geographic")  # one layout for every hill: a map
