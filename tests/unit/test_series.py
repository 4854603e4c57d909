from __future__ import annotations

import numpy as np
import pytest

from mystocks.domain.series import (
    BarSeries,
    iso_strings,
    local_to_utc_ms,
    resample_calendar,
    resample_intraday,
    utc_ms_to_local,
)


def minute_series(day: str, clock: list[str]) -> BarSeries:
    local = np.array([f"{day}T{t}:00" for t in clock], dtype="datetime64[s]")
    n = len(local)
    price = np.arange(1, n + 1, dtype=float)
    return BarSeries(
        local,
        price,
        price + 0.5,
        price - 0.5,
        price + 0.1,
        np.full(n, 100, dtype=np.int64),
        price * 100,
    )


def a_share_day(day: str = "2017-07-26") -> BarSeries:
    morning = [f"{9 + (30 + m) // 60:02d}:{(30 + m) % 60:02d}" for m in range(1, 121)]
    afternoon = [f"{13 + m // 60:02d}:{m % 60:02d}" for m in range(1, 121)]
    return minute_series(day, morning + afternoon)


def test_sixty_minute_a_share_bars_split_at_lunch():
    bars = resample_intraday(a_share_day(), 60, "CN")
    assert [str(t)[11:16] for t in bars.local] == ["10:30", "11:30", "14:00", "15:00"]
    assert bars.volume.tolist() == [6000, 6000, 6000, 6000]
    assert bars.open.tolist() == [1, 61, 121, 181] and bars.close[-1] == 240.1
    assert bars.high[0] == 60.5 and bars.low[1] == 60.5


@pytest.mark.parametrize(
    ("minutes", "count", "first"), [(5, 48, "09:35"), (15, 16, "09:45"), (30, 8, "10:00")]
)
def test_shorter_buckets_tile_the_sessions(minutes, count, first):
    bars = resample_intraday(a_share_day(), minutes, "CN")
    assert len(bars) == count and str(bars.local[0])[11:16] == first
    assert bars.volume.sum() == 24000


def test_us_sixty_minute_bars_end_at_the_close():
    clock = [f"{9 + (30 + m) // 60:02d}:{(30 + m) % 60:02d}" for m in range(1, 391)]
    bars = resample_intraday(minute_series("2013-03-01", clock), 60, "US")
    assert [str(t)[11:16] for t in bars.local][-2:] == ["15:30", "16:00"]
    assert len(bars) == 7 and bars.volume[-1] == 30 * 100


def test_weekly_bars_use_monday_weeks_and_last_day_stamps():
    days = np.array(
        ["2016-12-29", "2016-12-30", "2017-01-03", "2017-01-04", "2017-01-09"],
        dtype="datetime64[D]",
    )
    price = np.array([1.0, 2, 3, 4, 5])
    daily = BarSeries(days, price, price, price, price, np.ones(5, np.int64), price)
    weeks = resample_calendar(daily, "W")
    assert [str(t)[:10] for t in weeks.local] == ["2016-12-30", "2017-01-04", "2017-01-09"]
    months = resample_calendar(daily, "M")
    assert [str(t)[:10] for t in months.local] == ["2016-12-30", "2017-01-09"]
    assert months.open.tolist() == [1, 3] and months.close.tolist() == [2, 5]


def test_iso_strings_follow_daylight_saving():
    local = np.array(["2013-01-02T00:00:00", "2013-07-02T00:00:00"], dtype="datetime64[s]")
    assert iso_strings(local, "America/New_York") == [
        "2013-01-02T00:00:00-05:00",
        "2013-07-02T00:00:00-04:00",
    ]
    assert iso_strings(local[:1], "Asia/Shanghai") == ["2013-01-02T00:00:00+08:00"]


def test_utc_and_local_round_trip():
    ms = np.array([1501052400000], dtype=np.int64)  # 2017-07-26T07:00:00Z
    local = utc_ms_to_local(ms, "Asia/Shanghai")
    assert str(local[0]) == "2017-07-26T15:00:00"
    assert local_to_utc_ms(local, "Asia/Shanghai").tolist() == ms.tolist()
