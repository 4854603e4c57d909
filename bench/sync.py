"""Sync throughput from 通达信 files, beside the bare ingest path, in the same run.

    python bench/sync.py [--symbols 1000] [--years 10] [--postgres-url URL]
    python bench/sync.py --smoke    20 symbols x 1 year, SQLite only: checks it runs (seconds)

A fixture of `--symbols` stocks x `--years` of daily bars is written in the 通达信 layout
(`vipdoc/{sh,sz}/lday/*.day`, 32-byte records), then, for each relational backend (the embedded
SQLite always, PostgreSQL when reachable), on a fresh store each:
- sync: `mystocks sync --provider tdx --all` as the server runs it (SyncService: list the
  files, read each, the ingest checks, the upsert, the data-quality report per symbol);
- ingest: the same bars, already in memory, through the ingest checks and the upsert only, in
  chunks of the sync's batch size (`IngestService.write`, what `mystocks import` calls);
- again: a second sync over the synced store (it reads nothing and writes nothing).
Figures are rows/s; sync/ingest is what listing, reading the files and the report cost.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.databases import drop_database, scratch_url  # noqa: E402
from mystocks.adapters.manager import UnifiedManager  # noqa: E402
from mystocks.adapters.providers.tdx import TdxFiles, day_records, write_records  # noqa: E402
from mystocks.domain.calendar import trading_days  # noqa: E402
from mystocks.market.ingest import IngestService, check  # noqa: E402
from mystocks.market.sync import (  # noqa: E402
    BATCH_ROWS,
    Pacer,
    Sources,
    SyncRequest,
    SyncService,
)

UNTIL = dt.date(2024, 12, 31)


def symbols_of(count: int) -> list[str]:
    half = count // 2
    return [f"{600000 + i:06d}.SH" for i in range(count - half)] + [
        f"{i + 1:06d}.SZ" for i in range(half)
    ]


def write_fixture(vipdoc: Path, symbols: list[str], years: int) -> int:
    """Random-walk daily bars of `symbols` over the last `years` to UNTIL; rows written."""
    days = trading_days("XSHG", dt.date(UNTIL.year - years + 1, 1, 1), UNTIL)
    rng = np.random.default_rng(7)
    rows = 0
    for symbol in symbols:
        code, _, market = symbol.partition(".")
        folder = vipdoc / market.lower() / "lday"
        folder.mkdir(parents=True, exist_ok=True)
        close = np.round(10 * np.exp(np.cumsum(rng.normal(0, 0.02, len(days)))), 2)
        open_ = np.round(close * (1 + rng.normal(0, 0.005, len(days))), 2)
        frame = pd.DataFrame(
            {
                "date": days,
                "open": open_,
                "high": np.maximum(open_, close) + 0.01,
                "low": np.minimum(open_, close) - 0.01,
                "close": close,
                "volume": rng.integers(100_000, 10_000_000, len(days)),
            }
        )
        frame["amount"] = frame["close"] * frame["volume"]
        write_records(folder / f"{market.lower()}{code}.day", day_records(frame))
        rows += len(frame)
    return rows


def fresh_store(url: str | None, folder: Path, name: str) -> UnifiedManager:
    relational = url or f"sqlite:///{folder / f'{name}.db'}"
    data = UnifiedManager.from_urls(relational, f"sqlite:///{folder / f'{name}-ts.db'}")
    data.create_schema()
    return data


def run_sync(data: UnifiedManager, vipdoc: Path) -> tuple[float, int]:
    ingest = IngestService(data)
    sources = Sources([TdxFiles(vipdoc)], Pacer(1e9), retries=0)
    started = time.perf_counter()
    report = SyncService(data, ingest, sources, today=lambda: UNTIL).run(SyncRequest(until=UNTIL))
    return time.perf_counter() - started, report.rows_written


def run_ingest(data: UnifiedManager, vipdoc: Path, symbols: list[str]) -> tuple[float, int]:
    """The same bars, already in memory, through the checks and the upsert only, in chunks of
    the sync's batch size (as `mystocks import` writes chunks of 100,000 rows)."""
    files = TdxFiles(vipdoc)
    frame = pd.concat([files.daily_bars(s).assign(symbol=s) for s in symbols], ignore_index=True)
    frame["ts"] = [d.isoformat() for d in frame["date"]]
    frame = frame.drop(columns="date")
    instruments = data.relational.get_instruments(symbols)
    ingest = IngestService(data)
    written = 0
    started = time.perf_counter()
    for first in range(0, len(frame), BATCH_ROWS):
        chunk = frame.iloc[first : first + BATCH_ROWS]
        checked = check("bars", chunk, instruments, "Asia/Shanghai")
        written += ingest.write("bars", "1d", checked.frame, instruments)
    return time.perf_counter() - started, written


def measure(url: str | None, vipdoc: Path, symbols: list[str], folder: Path) -> dict[str, float]:
    synced = fresh_store(url, folder, "synced")
    seconds, rows = run_sync(synced, vipdoc)
    again, again_rows = run_sync(synced, vipdoc)
    assert again_rows == 0, f"a second sync wrote {again_rows} rows"
    bare_url = None
    if url is not None:
        from bench.ingest import ensure_database

        bare_url = scratch_url(url)
        ensure_database(bare_url)
    bare = fresh_store(bare_url, folder, "bare")
    bare.relational.upsert_instruments(list(synced.relational.get_instruments(symbols).values()))
    ingest_seconds, ingest_rows = run_ingest(bare, vipdoc, symbols)
    assert ingest_rows == rows, (ingest_rows, rows)
    for store in (synced, bare):
        store.dispose()
    if bare_url is not None:
        drop_database(bare_url)
    return {
        "rows": rows,
        "sync": rows / seconds,
        "ingest": ingest_rows / ingest_seconds,
        "again_seconds": again,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--symbols", type=int, default=1000, help="stocks (default 1,000)")
    parser.add_argument("--years", type=int, default=10, help="years of daily bars (default 10)")
    parser.add_argument("--postgres-url", help="a PostgreSQL server to measure too")
    parser.add_argument("--smoke", action="store_true", help="20 symbols x 1 year, SQLite only")
    args = parser.parse_args(argv)
    if args.smoke:
        args.symbols, args.years, args.postgres_url = 20, 1, None
    symbols = symbols_of(args.symbols)
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        vipdoc = folder / "vipdoc"
        written = write_fixture(vipdoc, symbols, args.years)
        results["sqlite"] = measure(None, vipdoc, symbols, folder)
        if args.postgres_url:
            url = scratch_url(args.postgres_url)
            from bench.ingest import ensure_database

            if ensure_database(url):
                try:
                    results["postgresql"] = measure(url, vipdoc, symbols, folder)
                finally:
                    drop_database(url)
    table = Table(
        "relational store",
        "sync rows/s",
        "bare ingest rows/s",
        "sync/ingest",
        "second sync (s)",
        title=f"sync from 通达信 files: {args.symbols:,} symbols x {args.years} years, "
        f"{written:,} daily bars",
    )
    for name, r in results.items():
        table.add_row(
            name,
            f"{r['sync']:,.0f}",
            f"{r['ingest']:,.0f}",
            f"{r['sync'] / r['ingest']:.2f}",
            f"{r['again_seconds']:.2f}",
        )
    Console().print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
