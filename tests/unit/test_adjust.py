"""Price adjustment on hand-computed values: a 10送10 bonus issue, then a cash dividend.

Raw closes: 20.00, 20.00 | ex 10送10 on 01-04 | 10.50, 10.50 | ex 0.50 cash on 01-08 | 10.00, 10.20

    10送10: reference 20.00 / (1 + 1) = 10.00, ratio 2
    0.50:   reference (10.50 - 0.50) / 1 = 10.00, ratio 1.05, cumulative 2.1
    hfq closes: 20, 20, 21, 21, 21, 21.42          (raw x 1, x 2, x 2.1)
    qfq closes: 9.5238, 9.5238, 10, 10, 10, 10.2   (hfq / 2.1)
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from mystocks.domain.adjust import (
    NO_FACTORS,
    Factors,
    adjust_series,
    factors_from_actions,
    multipliers,
    ratio,
)
from mystocks.domain.series import BarSeries

DAYS = np.array(
    ["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08", "2024-01-09"],
    dtype="datetime64[D]",
)
CLOSES = np.array([20.0, 20.0, 10.5, 10.5, 10.0, 10.2])
ACTIONS = [(dt.date(2024, 1, 8), 0.5, 0.0), (dt.date(2024, 1, 4), 0.0, 1.0)]  # any order


def series() -> BarSeries:
    return BarSeries(
        DAYS.astype("datetime64[s]"),
        CLOSES - 0.1,
        CLOSES + 0.2,
        CLOSES - 0.3,
        CLOSES.copy(),
        np.full(6, 1000, dtype=np.int64),
        CLOSES * 1000,
    )


def test_ratios_of_a_bonus_issue_and_a_dividend() -> None:
    assert ratio(20.0, 0.0, 1.0) == 2.0
    assert ratio(10.5, 0.5, 0.0) == pytest.approx(1.05)
    assert ratio(10.0, 0.3, 0.5) == pytest.approx(10.0 / (9.7 / 1.5))
    with pytest.raises(ValueError, match="leaves no price"):
        ratio(1.0, 1.0, 0.0)


def test_factors_from_actions_are_cumulative_by_ex_date() -> None:
    factors = factors_from_actions(DAYS, CLOSES, ACTIONS)
    assert factors.days.tolist() == [dt.date(2024, 1, 4), dt.date(2024, 1, 8)]
    assert factors.values.tolist() == pytest.approx([2.0, 2.1])
    assert factors.anchor == np.datetime64("2024-01-08")
    assert factors.at(DAYS).tolist() == pytest.approx([1.0, 1.0, 2.0, 2.0, 2.1, 2.1])


def test_an_action_before_the_first_close_is_skipped() -> None:
    factors = factors_from_actions(DAYS, CLOSES, [(dt.date(2023, 12, 1), 1.0, 0.0)])
    assert len(factors.values) == 0 and factors.anchor is None


@pytest.mark.parametrize(
    ("mode", "closes"),
    [
        ("none", [20.0, 20.0, 10.5, 10.5, 10.0, 10.2]),
        ("hfq", [20.0, 20.0, 21.0, 21.0, 21.0, 21.42]),
        ("qfq", [9.5238, 9.5238, 10.0, 10.0, 10.0, 10.2]),
    ],
)
def test_bars_in_each_mode(mode: str, closes: list[float]) -> None:
    factors = factors_from_actions(DAYS, CLOSES, ACTIONS)
    adjusted = adjust_series(series(), factors, mode)  # type: ignore[arg-type]
    assert adjusted.close.tolist() == closes
    scale = np.array(closes) / CLOSES
    assert adjusted.open.tolist() == pytest.approx((CLOSES - 0.1) * scale, abs=1e-4)
    assert adjusted.volume.tolist() == [1000] * 6  # volumes are not adjusted
    assert adjusted.amount.tolist() == (CLOSES * 1000).tolist()


def test_intraday_bars_take_their_day_s_factor() -> None:
    factors = Factors.of([("2024-01-04", 2.0)])
    stamps = np.array(["2024-01-03T15:00", "2024-01-04T09:31"], dtype="datetime64[s]")
    assert multipliers(stamps, factors, "hfq").tolist() == [1.0, 2.0]  # type: ignore[union-attr]
    assert multipliers(stamps, factors, "qfq").tolist() == [0.5, 1.0]  # type: ignore[union-attr]


def test_no_factors_and_none_leave_the_series_alone() -> None:
    raw = series()
    assert adjust_series(raw, NO_FACTORS, "qfq") is raw
    assert adjust_series(raw, Factors.of([("2024-01-04", 2.0)]), "none") is raw
