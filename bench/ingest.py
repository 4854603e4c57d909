"""Tick ingest and range reads through the project's stores, beside each raw driver's best path.

    python bench/ingest.py [--rows 1000000] [--postgres-url URL] [--repeat 3]
    python bench/ingest.py --smoke    2,000 rows, once: checks it runs (seconds)

For each backend (SQLite always; PostgreSQL when reachable) and in the same run:
- project: `SqlTimeSeriesStore.write_ticks` in 100,000-row batches (what `mystocks import`
  and the REST ingest call), checks included;
- raw: the driver's best bulk path with no project code: sqlite3 `executemany` in one
  transaction, psycopg `COPY … FROM STDIN` (binary-free text COPY of the same rows);
- read: one symbol-day of ticks by time range through `read_ticks`.
Figures are rows/s, best of `--repeat`; the ratio project/raw is the target (≥ 0.8).
Without a PostgreSQL server only SQLite is measured, except with `--smoke`, which needs the
server (a scratch database on it, dropped at the end) and fails without it.
"""

from __future__ import annotations

import argparse
import io
import json
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
from rich.console import Console
from rich.table import Table
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from mystocks.adapters.sql.timeseries import SqlTimeSeriesStore

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from bench.databases import drop_database, scratch_url  # noqa: E402

BATCH = 100_000
SYMBOLS = 10
DAY_MS = 24 * 3600 * 1000
T0 = 1_501_032_600_000  # 2017-07-26T09:30:00+08:00


def make_ticks(rows: int) -> pd.DataFrame:
    rng = np.random.default_rng(7)
    per_symbol = rows // SYMBOLS
    # 3-second snapshots, spread over as many days as needed, for SYMBOLS symbols
    stamps = T0 + np.arange(per_symbol, dtype=np.int64) * 3000
    return pd.DataFrame(
        {
            "symbol": np.repeat([f"60{i:04d}.SH" for i in range(SYMBOLS)], per_symbol),
            "ts": np.tile(stamps, SYMBOLS),
            "price": np.round(20 + rng.normal(0, 0.05, per_symbol * SYMBOLS).cumsum() / 50, 2),
            "volume": rng.integers(1, 50, per_symbol * SYMBOLS) * 100,
            "amount": 0.0,
            "simulated": 0,
        }
    ).assign(amount=lambda f: f["price"] * f["volume"])


def best(repeat: int, setup: Callable[[], None], run: Callable[[], None]) -> float:
    times = []
    for _ in range(repeat):
        setup()
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def bench_sqlite(ticks: pd.DataFrame, repeat: int, folder: Path) -> dict[str, float]:
    path = folder / "bench.db"
    store = SqlTimeSeriesStore(create_engine(f"sqlite:///{path}"))
    store.create_schema()

    def reset() -> None:
        with store.engine.begin() as conn:
            conn.execute(text("DELETE FROM ticks"))

    def project() -> None:
        for start in range(0, len(ticks), BATCH):
            store.write_ticks(ticks.iloc[start : start + BATCH])

    columns = ["symbol", "ts", "price", "volume", "amount", "simulated"]

    def raw() -> None:
        # Both paths start from the same DataFrame: getting rows out of it is part of the work.
        rows = list(zip(*(ticks[c].tolist() for c in columns), strict=True))
        conn = sqlite3.connect(path)
        with conn:
            conn.executemany("INSERT INTO ticks VALUES (?, ?, ?, ?, ?, ?)", rows)
        conn.close()

    project_s = best(repeat, reset, project)
    raw_s = best(repeat, reset, raw)
    project()
    read_s, read_rows = read_day(store, repeat)
    store.dispose()
    return {
        "project": len(ticks) / project_s,
        "raw": len(ticks) / raw_s,
        "read": read_rows / read_s,
    }


def bench_postgres(ticks: pd.DataFrame, repeat: int, url: str) -> dict[str, float] | None:
    try:
        engine = create_engine(url)
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # no server: report and carry on with the other backends
        Console(stderr=True).print(f"PostgreSQL skipped: {exc}")
        return None
    store = SqlTimeSeriesStore(engine)
    store.create_schema()

    def reset() -> None:
        with engine.begin() as conn:
            conn.execute(text("TRUNCATE ticks"))

    def project() -> None:
        for start in range(0, len(ticks), BATCH):
            store.write_ticks(ticks.iloc[start : start + BATCH])

    def raw() -> None:
        buffer = io.StringIO()
        ticks.to_csv(buffer, header=False, index=False)
        raw_conn = engine.raw_connection()
        try:
            cursor = raw_conn.cursor()
            with cursor.copy("COPY ticks FROM STDIN (FORMAT csv)") as copy:
                copy.write(buffer.getvalue())
            raw_conn.commit()
        finally:
            raw_conn.close()

    project_s = best(repeat, reset, project)
    raw_s = best(repeat, reset, raw)
    project()
    read_s, read_rows = read_day(store, repeat)
    reset()
    store.dispose()
    return {
        "project": len(ticks) / project_s,
        "raw": len(ticks) / raw_s,
        "read": read_rows / read_s,
    }


def read_day(store: SqlTimeSeriesStore, repeat: int) -> tuple[float, int]:
    """One symbol's ticks over one day (what a day's tick chart asks for)."""
    found: list[int] = []

    def run() -> None:
        rows = store.read_ticks("600000.SH", start=T0, end=T0 + DAY_MS, after=None, limit=1_000_000)
        found.append(len(rows))

    return best(repeat, lambda: None, run), found[-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="ticks to write (default 1M)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; best is kept")
    parser.add_argument(
        "--postgres-url",
        default="postgresql+psycopg://postgres@127.0.0.1:5432/mystocks_bench",
        help="PostgreSQL database to use (created if missing); with --smoke, the server to "
        "make a scratch database on",
    )
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--json", type=Path, help="also write the figures to this file")
    out.add_argument(
        "--smoke",
        action="store_true",
        help="2,000 rows, each measurement once, PostgreSQL required: checks that the bench "
        "runs; the figures mean nothing",
    )
    args = parser.parse_args(argv)
    if args.smoke:
        args.rows, args.repeat = 2_000, 1
        args.postgres_url = scratch_url(args.postgres_url)
    ticks = make_ticks(args.rows)
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        results["sqlite"] = bench_sqlite(ticks, args.repeat, Path(folder))
    created = ensure_database(args.postgres_url)
    try:
        pg = bench_postgres(ticks, args.repeat, args.postgres_url)
    finally:
        if args.smoke and created:
            drop_database(args.postgres_url)
    if pg is not None:
        results["postgresql"] = pg
    table = Table(
        "backend",
        "project rows/s",
        "raw rows/s",
        "project/raw (≥ 0.8)",
        "read rows/s (1 symbol-day)",
        title=f"tick ingest, {len(ticks):,} rows",
    )
    for name, r in results.items():
        table.add_row(
            name,
            f"{r['project']:,.0f}",
            f"{r['raw']:,.0f}",
            f"{r['project'] / r['raw']:.2f}",
            f"{r['read']:,.0f}",
        )
    Console().print(table)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    if args.smoke and pg is None:
        print("--smoke needs the PostgreSQL server (--postgres-url)", file=sys.stderr)
        return 1
    return 0


def ensure_database(url: str) -> bool:
    """Create the database `url` names if it is missing; False when no server answers."""
    target = make_url(url)
    try:
        admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            exists = conn.execute(
                text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": target.database}
            ).first()
            if not exists:
                conn.execute(text(f'CREATE DATABASE "{target.database}"'))
        admin.dispose()
    except Exception:  # bench_postgres reports the failure
        return False
    return True


if __name__ == "__main__":
    sys.exit(main())
