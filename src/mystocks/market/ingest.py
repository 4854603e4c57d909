"""Ingest: check bars or ticks a whole frame at a time, then write the good rows.

One code path serves the REST endpoints (a batch with any bad row writes nothing: 422 naming
each bad row) and `mystocks import` (bad rows are skipped and counted with their reasons). The
checks are vectorised over a pandas frame, so a million-row import is checked in chunks at C
speed rather than row by row.

Rules beyond the contract's types: the symbol is listed; the time carries an offset (or the
import names the zone of naive times); prices are positive and finite; volume is a non-negative
integer; low ≤ open, close ≤ high. Within one batch a later row for the same (symbol, time)
replaces an earlier one, as a later batch replaces stored rows.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

import numpy as np
import pandas as pd
from mystocks_contract import typeddicts as td

from mystocks import metrics
from mystocks.adapters.cache import INSTRUMENTS_SCOPE, Cache, market_scope
from mystocks.adapters.manager import UnifiedManager
from mystocks.errors import FieldProblem, RuleViolation
from mystocks.market.meter import InProcessMeter, RateMeter

MAX_LISTED_PROBLEMS = 50
SYMBOL = re.compile(r"^[A-Za-z0-9]{1,12}\.[A-Za-z]{2}$")
PRICES = {"ticks": ("price",), "bars": ("open", "high", "low", "close")}


@dataclass
class Rejected:
    """Rows refused, as (row number, field, reason); row numbers are the caller's."""

    rows: list[tuple[int, str, str]] = field(default_factory=list)

    def add(self, index: pd.Index, mask: pd.Series, name: str, reason: Any) -> None:
        for row, why in zip(index[mask], _broadcast(reason, mask), strict=True):
            self.rows.append((int(row), name, why))


def _broadcast(reason: Any, mask: pd.Series) -> list[str]:
    if isinstance(reason, str):
        return [reason] * int(mask.sum())
    return [str(r) for r in reason[mask]]


@dataclass(frozen=True)
class Checked:
    frame: pd.DataFrame  # the good rows, normalised, deduplicated (later rows win)
    rejected: Rejected


TS_UNIT = "datetime64[ms, UTC]"
EARLIEST, LATEST = pd.Timestamp("1970-01-01", tz="UTC"), pd.Timestamp("2200-01-01", tz="UTC")


def parse_times(values: pd.Series, naive_zone: str | None) -> pd.Series:
    """Any ISO strings (offsets may differ row to row) -> UTC at ms; naive ones need `naive_zone`.

    Unparseable values become NaT. Millisecond units hold any year, so a far-off date is
    refused by the range check in `check`, not by an overflow."""
    parsed = pd.Series(pd.NaT, index=values.index, dtype=TS_UNIT)
    if pd.api.types.is_datetime64_any_dtype(values):
        stamps = values
        if stamps.dt.tz is None:
            if naive_zone is None:
                return parsed
            stamps = stamps.dt.tz_localize(naive_zone, ambiguous="NaT", nonexistent="NaT")
        return stamps.dt.tz_convert("UTC").astype(TS_UNIT)
    text = values.astype("string")
    has_offset = text.str.contains(r"(?:[zZ]|[+-]\d{2}:?\d{2})$", regex=True, na=False)
    if has_offset.any():
        aware = pd.to_datetime(text[has_offset], utc=True, errors="coerce", format="ISO8601")
        parsed[has_offset] = aware.astype(TS_UNIT)
    naive = ~has_offset & text.notna()
    if naive.any() and naive_zone is not None:
        local = pd.to_datetime(text[naive], errors="coerce", format="ISO8601")
        zoned = local.dt.tz_localize(naive_zone, ambiguous="NaT", nonexistent="NaT")
        parsed[naive] = zoned.dt.tz_convert("UTC").astype(TS_UNIT)
    return parsed


def check(
    kind: str,
    frame: pd.DataFrame,
    instruments: dict[str, dict[str, Any]],
    naive_zone: str | None = None,
) -> Checked:
    """Split `frame` (columns symbol, ts, prices, volume[, amount]) into good rows and rejects."""
    rejected = Rejected()
    frame = frame.copy()
    bad = pd.Series(False, index=frame.index)

    def refuse(mask: pd.Series, name: str, reason: Any) -> None:
        nonlocal bad
        mask = mask.fillna(False).astype(bool)
        rejected.add(frame.index, mask, name, reason)
        bad |= mask

    symbol = frame["symbol"].astype("string").str.strip().str.upper()
    refuse(
        ~symbol.fillna("").str.match(SYMBOL).astype(bool),
        "symbol",
        "is not a symbol like 600036.SH",
    )
    well_formed = symbol.fillna("").str.match(SYMBOL)
    refuse(
        well_formed & ~symbol.isin(list(instruments)),
        "symbol",
        symbol.fillna("?") + " is not a listed instrument",
    )
    frame["symbol"] = symbol
    ts = parse_times(frame["ts"], naive_zone)
    refuse(ts.isna(), "ts", "is not a time with an offset (or name the zone of naive times)")
    refuse(ts.notna() & ((ts < EARLIEST) | (ts >= LATEST)), "ts", "must lie in 1970-2199")
    for name in (*PRICES[kind], "volume", "amount"):
        if name == "amount" and name not in frame:
            continue
        frame[name] = pd.to_numeric(frame[name], errors="coerce")
        refuse(~np.isfinite(frame[name].astype(float)), name, "is not a number")
    for name in PRICES[kind]:
        refuse(frame[name] <= 0, name, "must be positive")
    volume = frame["volume"]
    refuse((volume < 0) | (volume % 1 != 0), "volume", "must be a whole number of shares, ≥ 0")
    if "amount" in frame:
        refuse(frame["amount"] < 0, "amount", "must be ≥ 0")
    if kind == "bars":
        top, bottom = frame[["open", "close"]].max(axis=1), frame[["open", "close"]].min(axis=1)
        refuse(
            frame["high"] < top,
            "high",
            "high " + frame["high"].astype(str) + " is below max(open, close) " + top.astype(str),
        )
        refuse(
            frame["low"] > bottom,
            "low",
            "low " + frame["low"].astype(str) + " is above min(open, close) " + bottom.astype(str),
        )
    good = frame[~bad].copy()
    good["ts"] = ts[~bad]
    good["volume"] = good["volume"].astype(np.int64)
    last = PRICES[kind][-1]
    amount = good[last] * good["volume"]
    good["amount"] = good["amount"].fillna(amount) if "amount" in good else amount
    good = good.drop_duplicates(["symbol", "ts"], keep="last")
    return Checked(good, rejected)


def to_store_rows(kind: str, good: pd.DataFrame, simulated: bool = False) -> pd.DataFrame:
    """Checked rows -> the time-series store's batch columns (epoch-ms UTC `ts`)."""
    ms = good["ts"].dt.tz_convert("UTC").dt.tz_localize(None).astype("datetime64[ms]")
    out = good.assign(ts=ms.astype(np.int64), simulated=int(simulated))
    columns = ["symbol", "ts", *PRICES[kind], "volume", "amount", "simulated"]
    return out[columns]


def daily_rows(good: pd.DataFrame, instruments: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Checked bars -> relational daily rows; the date is the trading day in the exchange's
    zone (converted a zone at a time, not a row at a time)."""
    zones = good["symbol"].map(lambda s: instruments[s]["timezone"])
    day = pd.Series(None, index=good.index, dtype=object)
    for zone, index in good.groupby(zones).groups.items():
        day.loc[index] = good.loc[index, "ts"].dt.tz_convert(str(zone)).dt.date
    rows = pd.DataFrame(
        {
            "symbol": good["symbol"].astype(object),
            "date": day,
            **{k: good[k].astype(np.float64) for k in ("open", "high", "low", "close", "amount")},
            "volume": good["volume"].astype(np.int64),
        }
    )
    return cast(list[dict[str, Any]], rows.to_dict("records"))


class IngestService:
    def __init__(
        self,
        data: UnifiedManager,
        *,
        cache: Cache | None = None,
        meter: RateMeter | None = None,
    ) -> None:
        self.data = data
        self.cache = cache  # told which symbols changed, after each write commits
        self.meter = meter or InProcessMeter()  # counts rows written to the time-series store

    def instruments_for(self, symbols: Sequence[Any]) -> dict[str, dict[str, Any]]:
        wanted = {str(s).strip().upper() for s in symbols if isinstance(s, str)}
        return self.data.relational.get_instruments(wanted)

    def write(
        self,
        kind: str,
        period: str,
        good: pd.DataFrame,
        instruments: dict[str, dict[str, Any]],
        *,
        simulated: bool = False,
        replace: bool = False,
    ) -> int:
        """Write checked rows; `simulated` marks made-up market data (the live feed's simulated
        provider), which quotes and pages then label `source: simulated`. `replace` (daily
        bars): the rows replace every stored daily bar of their symbols, in one transaction."""
        if good.empty:
            return 0
        if kind == "ticks":
            written = self.data.timeseries.write_ticks(to_store_rows("ticks", good, simulated))
        elif period == "1d":
            rows = daily_rows(good, instruments)
            if replace:
                self.data.relational.replace_daily_bars(rows)
            else:
                self.data.relational.upsert_daily_bars(rows)
            written = len(rows)
        else:
            written = self.data.timeseries.write_minute_bars(to_store_rows("bars", good, simulated))
        metrics.INGEST_ROWS.labels(kind).inc(written)
        if kind == "ticks" or period != "1d":  # the dashboard's rate: the time-series store
            self.meter.add(written)
        if self.cache is not None:
            scopes = [market_scope(s) for s in good["symbol"].unique()]
            if kind == "bars" and period == "1d":
                scopes.append(INSTRUMENTS_SCOPE)  # searches say which daily bars are stored
            self.cache.invalidate(scopes)
        return written

    def _batch(self, kind: str, period: str, items: Sequence[Mapping[str, Any]]) -> td.IngestResult:
        frame = pd.DataFrame(list(items))
        instruments = self.instruments_for(frame["symbol"].tolist())
        checked = check(kind, frame, instruments)
        if checked.rejected.rows:
            problems = tuple(
                FieldProblem("body", f"items[{row}].{name}", reason)
                for row, name, reason in sorted(checked.rejected.rows)[:MAX_LISTED_PROBLEMS]
            )
            bad_rows = len({row for row, _, _ in checked.rejected.rows})
            raise RuleViolation(
                f"{bad_rows} of {len(items)} rows broke a rule; nothing was written.", problems
            )
        written = self.write(kind, period, checked.frame, instruments)
        return {"written": written, "symbols": sorted(set(checked.frame["symbol"]))}

    def bars(self, period: str, items: Sequence[Mapping[str, Any]]) -> td.IngestResult:
        return self._batch("bars", period, items)

    def ticks(self, items: Sequence[Mapping[str, Any]]) -> td.IngestResult:
        return self._batch("ticks", "tick", items)
