"""DataPlot's dots: a crowded row of labelled points is spread into a thin band (200 points
read as points, not a bar); a few points stay on their line; the data are never moved."""

from __future__ import annotations

import numpy as np
import pytest

from scenes.kit.layout import Box
from scenes.lessons.neuron.scene import NEURON_DATA
from scenes.parts.plot2d.data_plot import ROW_SPREAD, DataPlot, row_offsets
from scenes.parts.plot2d.plot_axes import Scale, scale_for
from tests.scenes.lessons.fit_cases import LABEL_SETS, LINE_SETS

ZONE = Box(-6.9, -0.9, -2.6, 2.4)


def _plot(data, rows=True):
    data = np.asarray(data, dtype=float)
    return DataPlot(data, scale_for(data[:, 0].min(), data[:, 0].max()), Scale(-0.15, 1.15, 0.5), ZONE, residuals=False,
                    hollow=lambda v: v == 0, rows=rows)


def test_two_hundred_labelled_points_spread_into_bands_that_keep_their_rows():
    data = LABEL_SETS["many"]
    plot = _plot(data)
    per_unit = plot.to_screen(np.array([[0.0, 1.0]]))[0, 1] - plot.to_screen(np.array([[0.0, 0.0]]))[0, 1]
    band = ROW_SPREAD * 1.3 * per_unit
    assert np.any(plot.offsets != 0) and np.all(np.abs(plot.offsets) <= band + 1e-12)
    assert band < 0.25 * per_unit  # each band stays far from s = 1/2, between the rows
    for label in (0.0, 1.0):  # spread up and down, not one line
        row = plot.offsets[np.asarray(data)[:, 1] == label]
        assert row.min() < -0.5 * band and row.max() > 0.5 * band
    assert np.array_equal(plot.data, np.asarray(data, dtype=float))  # only the drawing moves
    assert plot.filled.get_fill_opacity() < 1.0  # see-through where dots overlap


@pytest.mark.parametrize("data", [LABEL_SETS["two"], NEURON_DATA, LABEL_SETS["separable"]])
def test_a_few_points_stay_on_their_rows(data):
    plot = _plot(data)
    assert not np.any(plot.offsets) and plot.filled.get_fill_opacity() == 1.0


def test_points_of_a_line_are_never_spread():
    data = np.asarray(LINE_SETS["many"], dtype=float)
    plot = DataPlot(data, scale_for(data[:, 0].min(), data[:, 0].max()), scale_for(data[:, 1].min(), data[:, 1].max()), ZONE)
    assert not np.any(plot.offsets)


def test_row_offsets_are_fixed_and_ordered_along_x():
    xs = np.linspace(0.0, 1.0, 40)
    rows = np.repeat([0.0, 1.0], 20)
    first, again = row_offsets(xs, rows, 0.1, 0.2), row_offsets(xs[::-1].copy()[::-1], rows, 0.1, 0.2)
    assert np.array_equal(first, again) and np.abs(np.diff(first[:20])).min() > 0.01  # neighbours apart
