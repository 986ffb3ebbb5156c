"""desktop/reports/indicators.py: the care-use chart's legend covers no bar, no value and no
axis label."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from desktop.domain import indicators as I
from desktop.reports.indicators import chart_figure

Q1 = I.Period(dt.date(2026, 1, 1), dt.date(2026, 3, 31))


@pytest.mark.parametrize("rates", [
    (0.08, 0.16, 0.0, 0.08),  # the demo's: the first "since" bar tallest, next to the corner
    (0.30, 0.05, 0.02, 0.01),  # the first "before" bar tallest, in the upper left corner
    (0.01, 0.02, 0.05, 0.40),  # the last bar tallest, in the upper right corner
])
def test_the_legend_covers_no_bar_and_no_value(rates: tuple[float, ...]) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    ind = dataclasses.replace(
        I.compute(Q1, I.IndicatorInput(), dt.date(2026, 6, 1)),
        admissions_per_py_before=rates[0], admissions_per_py_since=rates[1],
        emergency_per_py_before=rates[2], emergency_per_py_since=rates[3])
    fig = chart_figure(ind, "fr", width_in=7.2, height_in=5.2)
    FigureCanvasAgg(fig).draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    care_use = fig.axes[1]
    legend = care_use.get_legend()
    assert legend is not None
    box = legend.get_window_extent(renderer)
    covered = [a for a in [*care_use.patches, *care_use.texts]
               if a.get_window_extent(renderer).overlaps(box)]
    assert covered == []
    # and inside the chart: not over the axis' values
    inside = care_use.get_window_extent(renderer)
    assert inside.x0 <= box.x0 and box.x1 <= inside.x1 and box.y1 <= inside.y1
