"""Screening speed: a three-condition screen over a synthetic universe, beside plain pandas.

    python bench/screens.py [--symbols 5000] [--days 250] [--repeat 5] [--postgres-url URL]
    python bench/screens.py --smoke    200 symbols x 60 bars, once: checks it runs (seconds)

A synthetic universe of `--symbols` A-share-like symbols x `--days` daily bars (random walks) is
loaded into the embedded store (SQLite) and into PostgreSQL. The screen is

    close > MA(20)  and  MA(5) crosses above MA(20) within 5 days  and  volume_ratio(5) >= 1.5

run on the last day through the project's code (`ScreenService.screen` + `screening.evaluate`:
the universe query, the windowed bulk read of only the bars the rule needs, the symbols x bars
arrays and the vectorised evaluation), end to end from each store. The baseline, in the same
run, is a plain pandas computation of the same rule (groupby-rolling over a long frame) over
the same bars already loaded in memory (no read at all). Both must find the same symbols; the
pandas code applies the screen's tie rule (values within 1e-9 relative of each other are
equal), since TA-Lib's and pandas' moving averages differ in the last bit.
Figures are symbols screened per second, best of `--repeat`; the target is project/pandas >= 1.
Results go to bench/results/screens-<time>.json (gitignored). Without a PostgreSQL server only
SQLite is measured, except with `--smoke`, which needs the server (a scratch database on it,
dropped at the end), fails without it, and writes no results file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import numpy as np
import pandas as pd
from rich.console import Console
from rich.table import Table
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from mystocks.adapters.sql.relational import RelationalStore, make_engine
from mystocks.screening.engine import TIE, evaluate, parse
from mystocks.screening.service import ScreenService

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from bench.databases import drop_database, scratch_url  # noqa: E402

console = Console()

RULE: dict[str, Any] = {
    "kind": "all",
    "conditions": [
        {
            "kind": "compare",
            "left": {"field": "close"},
            "op": "gt",
            "right": {"indicator": "MA", "params": [20]},
        },
        {
            "kind": "cross",
            "fast": {"indicator": "MA", "params": [5]},
            "slow": {"indicator": "MA", "params": [20]},
            "direction": "above",
            "within_days": 5,
        },
        {"kind": "volume_ratio", "days": 5, "op": "gte", "ratio": 1.5},
    ],
}


def make_universe(symbols: int, days: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(11)
    dates = pd.bdate_range(end="2024-06-28", periods=days).date
    codes = [f"{600000 + i:06d}.SH" if i % 2 else f"{i:06d}.SZ" for i in range(symbols)]
    steps = rng.normal(0, 0.02, (symbols, days))
    close = np.round(10 * np.exp(steps.cumsum(axis=1)), 2)
    high = np.round(close * (1 + rng.uniform(0, 0.02, close.shape)), 2)
    low = np.round(close * (1 - rng.uniform(0, 0.02, close.shape)), 2)
    volume = (rng.lognormal(12, 0.5, close.shape) // 100 * 100).astype(np.int64)
    bars = pd.DataFrame(
        {
            "symbol": np.repeat(codes, days),
            "date": np.tile(dates, symbols),
            "open": close.ravel(),
            "high": high.ravel(),
            "low": low.ravel(),
            "close": close.ravel(),
            "volume": volume.ravel(),
            "amount": np.round(close.ravel() * volume.ravel(), 2),
        }
    )
    instruments = pd.DataFrame(
        {
            "symbol": codes,
            "code": [c[:6] for c in codes],
            "name": [f"合成{i}" for i in range(symbols)],
            "pinyin": "hc",
            "exchange": ["SSE" if c.endswith(".SH") else "SZSE" for c in codes],
            "market": "CN",
            "type": "stock",
            "industry": None,
            "currency": "CNY",
            "timezone": "Asia/Shanghai",
            "board": "main",
            "lot_size": 100,
            "tick_size": 0.01,
            "price_limit_pct": 10.0,
        }
    )
    return instruments, bars


def load(store: RelationalStore, instruments: pd.DataFrame, bars: pd.DataFrame) -> None:
    store.create_schema()
    store.upsert_instruments(instruments.astype(object).to_dict("records"))
    if store.backend == "postgresql":  # COPY: loading is not what is measured
        with store.engine.begin() as conn:
            conn.execute(text("TRUNCATE daily_bars"))
        raw = store.engine.raw_connection()
        try:
            buffer = io.StringIO()
            bars.to_csv(buffer, header=False, index=False)
            with raw.cursor().copy(  # type: ignore[attr-defined]
                "COPY daily_bars (symbol, date, open, high, low, close, volume, amount) "
                "FROM STDIN (FORMAT csv)"
            ) as copy:
                copy.write(buffer.getvalue())
            raw.commit()
        finally:
            raw.close()
        with store.engine.begin() as conn:  # what autovacuum does after a bulk load
            conn.execute(text("ANALYZE daily_bars"))
    else:
        store.replace_daily_bars(bars.to_dict("records"))


def project(store: RelationalStore, as_of: dt.date) -> Callable[[], set[str]]:
    # `screen` needs only the relational store: no saved screens, no watchlists here.
    data = cast(Any, SimpleNamespace(relational=store))
    service = ScreenService(cast(Any, None), data, cast(Any, None))

    def run() -> set[str]:
        node = parse(RULE)  # parsing and checking are part of every request
        universe = store.screen_universe()
        panel, _ = service.screen(node, universe, as_of)
        outcome = evaluate(node, panel)
        return {panel.symbols[i] for i in np.flatnonzero(outcome.match)}

    return run


def plain_pandas(bars: pd.DataFrame) -> Callable[[], set[str]]:
    """The same rule as a pandas user writes it, over the long frame already in memory."""

    def beyond(a: pd.Series, b: pd.Series | float) -> pd.Series:
        # the screen's tie rule: values within TIE (relative) of each other are equal
        return (a - b) > TIE * np.maximum(np.abs(a), np.abs(b))

    def run() -> set[str]:
        g = bars.groupby("symbol", sort=False)
        ma5 = g["close"].rolling(5).mean().reset_index(level=0, drop=True)
        ma20 = g["close"].rolling(20).mean().reset_index(level=0, drop=True)
        up = beyond(ma5, ma20)
        before = up.groupby(bars["symbol"], sort=False).shift(1, fill_value=True)
        defined = ma20.groupby(bars["symbol"], sort=False).shift(1).notna()
        crossed = up & ~before & defined
        crossed = crossed.astype(float)
        recent = crossed.groupby(bars["symbol"], sort=False).rolling(5).max()
        recent = recent.reset_index(level=0, drop=True)
        earlier = g["volume"].shift(1)
        mean5 = earlier.groupby(bars["symbol"], sort=False).rolling(5).mean()
        ratio = bars["volume"] / mean5.reset_index(level=0, drop=True)
        hit = beyond(bars["close"], ma20) & (recent > 0) & ~beyond(1.5, ratio)
        last = bars["date"] == bars["date"].max()
        return set(bars.loc[last & hit, "symbol"])

    return run


def best(repeat: int, run: Callable[[], set[str]]) -> tuple[float, set[str]]:
    times, found = [], set[str]()
    for _ in range(repeat):
        started = time.perf_counter()
        found = run()
        times.append(time.perf_counter() - started)
    return min(times), found


def ensure_database(url: str) -> bool:
    target = make_url(url)
    try:
        admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{target.database}"'))
            conn.execute(text(f'CREATE DATABASE "{target.database}"'))
        admin.dispose()
        return True
    except Exception as exc:  # no server: report it and measure the embedded store alone
        console.print(f"PostgreSQL skipped: {exc}")
        return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--symbols", type=int, default=5000)
    parser.add_argument("--days", type=int, default=250)
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement; best kept")
    parser.add_argument(
        "--postgres-url",
        default="postgresql+psycopg://postgres@127.0.0.1:5432/mystocks_bench_screens",
        help="PostgreSQL database to (re)create and use; with --smoke, the server to make a "
        "scratch database on",
    )
    parser.add_argument("--no-save", action="store_true", help="do not write bench/results/")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="200 symbols x 60 bars, each measurement once, PostgreSQL required, no results "
        "file: checks that the bench runs; the figures mean nothing",
    )
    args = parser.parse_args(argv)
    if args.smoke:
        args.symbols, args.days, args.repeat, args.no_save = 200, 60, 1, True
        args.postgres_url = scratch_url(args.postgres_url)

    instruments, bars = make_universe(args.symbols, args.days)
    as_of = bars["date"].max()
    n = args.symbols
    pandas_s, want = best(args.repeat, plain_pandas(bars))
    if args.smoke and not want:  # an empty match would agree with anything
        raise SystemExit("the smoke universe matches no symbol: the comparison proves nothing")
    results: dict[str, Any] = {
        "symbols": n,
        "days": args.days,
        "rule": RULE,
        "matched": len(want),
        "pandas_in_memory": {"seconds": pandas_s, "symbols_per_s": n / pandas_s},
    }
    backends: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as folder:
        backends.append(("sqlite", f"sqlite:///{folder}/bench.db"))
        if ensure_database(args.postgres_url):
            backends.append(("postgresql", args.postgres_url))
        elif args.smoke:
            raise SystemExit("--smoke needs the PostgreSQL server (--postgres-url)")
        try:
            for name, url in backends:
                store = RelationalStore(make_engine(url))
                with console.status(f"loading {len(bars):,} bars into {name}"):
                    load(store, instruments, bars)
                run = project(store, as_of)
                run()  # warm the connection pool and the imports
                seconds, got = best(args.repeat, run)
                store.engine.dispose()
                if got != want:
                    raise SystemExit(
                        f"{name}: the screen found {len(got)} symbols, pandas {len(want)}"
                    )
                results[name] = {
                    "seconds": seconds,
                    "symbols_per_s": n / seconds,
                    "vs_pandas": pandas_s / seconds,
                }
        finally:
            if args.smoke:
                drop_database(args.postgres_url)

    table = Table(
        "path",
        "seconds",
        "symbols/s",
        "vs pandas in memory (≥ 1)",
        title=f"screen of 3 conditions, {n:,} symbols x {args.days} bars, {len(want)} matched",
    )
    table.add_row("pandas, bars in memory", f"{pandas_s:.3f}", f"{n / pandas_s:,.0f}", "1.00")
    for name, _ in backends:
        r = results[name]
        table.add_row(
            f"project, {name} (read included)",
            f"{r['seconds']:.3f}",
            f"{r['symbols_per_s']:,.0f}",
            f"{r['vs_pandas']:.2f}",
        )
    console.print(table)
    if not args.no_save:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        out = ROOT / "bench" / "results" / f"screens-{stamp}.json"
        out.parent.mkdir(exist_ok=True)
        out.write_text(json.dumps(results, indent=2, default=str) + "\n")
        console.print(f"results written to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
