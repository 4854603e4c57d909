"""Benchmark: relational reads from an async server, thread pool + sync engine vs asyncio engine.

The question: the API runs on one uvicorn event loop (Connexion/Starlette). Should a database
read (a) use the sync SQLAlchemy engine in Starlette's thread pool (`run_in_threadpool`, what
`mystocks.api.market` does today with `RelationalStore.daily_bar_text`), or (b) use SQLAlchemy's
asyncio engine (`create_async_engine("postgresql+psycopg://...")`) awaited on the loop?

Everything runs in this one process, on one event loop (uvloop when installed, as uvicorn's
`--loop auto` picks). A scratch PostgreSQL database `mystocks_bench_io` is created (dropped
first, and dropped again at the end) with the project's own `daily_bars` table filled with
`--rows` weekday bars x `--symbols` symbols from 2016-01-01. Each request reads one
symbol-year, the statement `RelationalStore.daily_bar_text` builds:
`SELECT CAST(date AS VARCHAR), open, high, low, close, volume, amount FROM daily_bars
WHERE symbol = :s AND date >= :start AND date <= :end ORDER BY date`.

`--requests` requests are issued by C worker coroutines run with `asyncio.gather` (a closed
loop of C clients: the same bound as a semaphore of C, without N tasks). Measured per run: wall
time, requests/s, process CPU seconds per request (`time.process_time()`, all threads of this
process: the loop, the worker threads, psycopg) and p50/p99 latency. The runs alternate between
the approaches (ABBA order) `--repeat` times: many short runs, so that a burst of load from
elsewhere spoils few of them. The table shows the median run for req/s and CPU/request and the
percentiles over all runs' latencies; the conclusion gives the (b)/(a) ratios of the runs made
back to back (median and range). Both PostgreSQL engines get the same
settings as `mystocks.adapters.sql.relational.make_engine` (pool_size=10, max_overflow=10,
pool_pre_ping, statement_timeout). PostgreSQL shares this machine's CPUs, so wall time and
req/s are noisy; CPU per request of this process is the steadier figure.

SQLite is measured for (a) only, with the project's `make_engine` (its default QueuePool,
5 + 10 overflow, WAL): no native async SQLite driver is installed, and SQLAlchemy's async
SQLite dialect needs aiosqlite, which is itself a thread wrapper (each connection owns a thread
that runs the blocking sqlite3 calls), i.e. (a) with extra hops, not non-blocking I/O.

"ref: sync on loop" rows (C=1 only) call the sync engine directly on the loop: that blocks the loop,
so it is never an option for a server; it is shown to split (a)'s cost into driver + thread hop.

Needs `greenlet` for SQLAlchemy's asyncio extension (in the `dev` extra; `pip install greenlet`,
or the `sqlalchemy[asyncio]` extra).

`--smoke` runs every approach at tiny sizes (a few requests, concurrency 1 and 4, two runs each)
in a scratch database of its own: it checks that the bench runs, and its figures mean nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import gc
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from sqlalchemy import String, cast, create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.sql import Select, select
from starlette.concurrency import run_in_threadpool

from mystocks.adapters.sql.relational import Base, RelationalStore, make_engine

try:
    from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
except ImportError as exc:  # greenlet missing
    sys.exit(f"SQLAlchemy's asyncio extension is unavailable ({exc}); pip install greenlet")

DB_NAME = "mystocks_bench_io"
YEAR_START = dt.date(2016, 1, 1)
YEAR_END = dt.date(2016, 12, 31)
DAILY = Base.metadata.tables["daily_bars"]

# The PostgreSQL settings of mystocks.adapters.sql.relational.make_engine, given to both engines.
PG_ENGINE_KWARGS: dict[str, Any] = {
    "pool_size": 10,
    "max_overflow": 10,
    "pool_pre_ping": True,
    "connect_args": {"options": "-c statement_timeout=30000"},
}

Call = Callable[[str], Awaitable[Sequence[Any]]]


def year_stmt(symbol: str) -> Select[Any]:
    """The statement of RelationalStore.daily_bar_text(symbol, start=YEAR_START, end=YEAR_END)."""
    c = DAILY.c
    return (
        select(cast(c.date, String), c.open, c.high, c.low, c.close, c.volume, c.amount)
        .where(c.symbol == symbol)
        .order_by(c.date)
        .where(c.date >= YEAR_START)
        .where(c.date <= YEAR_END)
    )


def make_rows(symbols: Sequence[str], rows: int, seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    days: list[dt.date] = []
    day = YEAR_START
    while len(days) < rows:
        if day.weekday() < 5:
            days.append(day)
        day += dt.timedelta(days=1)
    out: list[dict[str, Any]] = []
    for symbol in symbols:
        price = rng.uniform(5, 100)
        for d in days:
            open_ = price
            close = max(0.5, open_ * (1 + rng.gauss(0, 0.02)))
            high = max(open_, close) * (1 + abs(rng.gauss(0, 0.01)))
            low = min(open_, close) * (1 - abs(rng.gauss(0, 0.01)))
            volume = rng.randint(10_000, 5_000_000)
            out.append(
                {
                    "symbol": symbol,
                    "date": d,
                    "open": round(open_, 2),
                    "high": round(high, 2),
                    "low": round(low, 2),
                    "close": round(close, 2),
                    "volume": volume,
                    "amount": round(volume * close, 2),
                }
            )
            price = close
    return out


def load_table(engine: Engine, rows: list[dict[str, Any]]) -> None:
    DAILY.create(engine, checkfirst=True)
    with engine.begin() as conn:
        conn.execute(DAILY.insert(), rows)
        if engine.dialect.name == "postgresql":
            conn.execute(text("ANALYZE daily_bars"))


def count_connects(engine: Engine) -> list[int]:
    counter = [0]

    @event.listens_for(engine, "connect")
    def _on_connect(_dbapi_conn: Any, _record: Any) -> None:
        counter[0] += 1

    return counter


@dataclass
class Approach:
    label: str
    backend: str
    call: Call
    connects: list[int]
    only_c1: bool = False
    runs: dict[int, list[tuple[float, float, float]]] = field(default_factory=dict)
    latencies: dict[int, list[float]] = field(default_factory=dict)


async def run_once(
    call: Call, symbols: Sequence[str], n: int, c: int, expect_rows: int
) -> tuple[float, float, list[float]]:
    """n requests by c workers; returns (wall s, process CPU s, latencies s)."""
    latencies = [0.0] * n
    indices = iter(range(n))

    async def worker() -> None:
        for i in indices:  # shared iterator: each index is taken by exactly one worker
            t0 = time.perf_counter()
            rows = await call(symbols[i % len(symbols)])
            latencies[i] = time.perf_counter() - t0
            if len(rows) != expect_rows:
                raise RuntimeError(f"expected {expect_rows} rows, got {len(rows)}")

    gc.collect()
    cpu0, wall0 = time.process_time(), time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(min(c, n))))
    return time.perf_counter() - wall0, time.process_time() - cpu0, latencies


def pct(values: list[float], q: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


async def bench(args: argparse.Namespace, console: Console) -> list[Approach]:
    symbols = [f"{600000 + i:06d}.SH" for i in range(args.symbols)]
    rows = make_rows(symbols, args.rows)
    expect = sum(1 for r in rows if r["symbol"] == symbols[0] and r["date"] <= YEAR_END)
    base = args.pg_url.rstrip("/")
    db_name = args.db_name
    pg_url = f"{base}/{db_name}"
    pg_kwargs = dict(PG_ENGINE_KWARGS, pool_pre_ping=args.pre_ping)

    admin = create_engine(f"{base}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {db_name} WITH (FORCE)"))
        conn.execute(text(f"CREATE DATABASE {db_name}"))
    tmp = tempfile.TemporaryDirectory(prefix="mystocks-bench-io-")
    engines: list[Engine] = []
    aengine: AsyncEngine | None = None
    try:
        console.print(f"loading {len(rows)} rows ({args.symbols} symbols x {args.rows}) …")
        pg_sync = create_engine(pg_url, **pg_kwargs)
        lite = make_engine(f"sqlite:///{Path(tmp.name) / 'bench.sqlite'}")
        engines += [pg_sync, lite]
        load_table(pg_sync, rows)
        load_table(lite, rows)
        aengine = create_async_engine(pg_url, **pg_kwargs)
        pg_store, lite_store = RelationalStore(pg_sync), RelationalStore(lite)

        def via_threadpool(store: RelationalStore) -> Call:
            async def call(symbol: str) -> Sequence[Any]:
                return await run_in_threadpool(
                    store.daily_bar_text, symbol, start=YEAR_START, end=YEAR_END
                )

            return call

        def on_loop(store: RelationalStore) -> Call:
            async def call(symbol: str) -> Sequence[Any]:
                return store.daily_bar_text(symbol, start=YEAR_START, end=YEAR_END)

            return call

        async def via_async(symbol: str) -> Sequence[Any]:
            assert aengine is not None
            async with aengine.connect() as conn:
                return (await conn.execute(year_stmt(symbol))).all()

        approaches = [
            Approach(
                "(a) sync engine + threadpool",
                "PostgreSQL",
                via_threadpool(pg_store),
                count_connects(pg_sync),
            ),
            Approach(
                "(b) asyncio engine", "PostgreSQL", via_async, count_connects(aengine.sync_engine)
            ),
            Approach(
                "ref: sync on loop (blocks)",
                "PostgreSQL",
                on_loop(pg_store),
                count_connects(pg_sync),
                only_c1=True,
            ),
            Approach(
                "(a) sync engine + threadpool",
                "SQLite",
                via_threadpool(lite_store),
                count_connects(lite),
            ),
            Approach(
                "ref: sync on loop (blocks)",
                "SQLite",
                on_loop(lite_store),
                count_connects(lite),
                only_c1=True,
            ),
        ]

        # Same answer from both PostgreSQL paths and from SQLite.
        answers = [[tuple(r) for r in await a.call(symbols[3 % len(symbols)])] for a in approaches]
        if any(ans != answers[0] for ans in answers[1:]):
            raise RuntimeError("the approaches return different rows")

        # Warm up: fill the pools, start the worker threads, prime statement caches.
        top_c = max(args.concurrency)
        for a in approaches:
            warm = max(args.warmup, 4 * top_c)
            await run_once(a.call, symbols, warm, 1 if a.only_c1 else top_c, expect)

        for c in args.concurrency:
            active = [a for a in approaches if not a.only_c1 or c == 1]
            for rep in range(args.repeat):
                order = active if rep % 2 == 0 else active[::-1]
                for a in order:
                    connects0 = a.connects[0]
                    wall, cpu, lat = await run_once(a.call, symbols, args.requests, c, expect)
                    a.runs.setdefault(c, []).append((wall, cpu, a.connects[0] - connects0))
                    a.latencies.setdefault(c, []).extend(lat)
            console.print(f"  C={c} done")
        return approaches
    finally:
        if aengine is not None:
            await aengine.dispose()
        for e in engines:
            e.dispose()
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {db_name} WITH (FORCE)"))
        admin.dispose()
        tmp.cleanup()


def summarize(a: Approach, c: int, n: int) -> dict[str, float]:
    runs = a.runs[c]
    walls = [w for w, _, _ in runs]
    cpus = [cpu for _, cpu, _ in runs]
    lat = a.latencies[c]
    return {
        "wall": statistics.median(walls),
        "rps": statistics.median(n / w for w in walls),
        "cpu_us": statistics.median(cpus) / n * 1e6,
        "p50_ms": pct(lat, 50) * 1e3,
        "p99_ms": pct(lat, 99) * 1e3,
        "connects": sum(k for _, _, k in runs),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Thread pool + sync SQLAlchemy engine vs asyncio engine, one event loop."
    )
    parser.add_argument(
        "--concurrency",
        default="1,8,32",
        help="comma-separated in-flight request counts (default 1,8,32)",
    )
    parser.add_argument("--requests", type=int, default=500, help="requests per run (default 500)")
    parser.add_argument(
        "--rows",
        type=int,
        default=250,
        help="weekday bars per symbol from 2016-01-01 (default 250)",
    )
    parser.add_argument("--symbols", type=int, default=20, help="symbols (default 20)")
    parser.add_argument(
        "--repeat",
        type=int,
        default=7,
        help="runs per approach and concurrency, in ABBA order (default 7)",
    )
    parser.add_argument(
        "--pg-url",
        default="postgresql+psycopg://postgres@127.0.0.1:5432",
        help="server URL without a database name",
    )
    parser.add_argument(
        "--pre-ping",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="pool_pre_ping on both PostgreSQL engines (default on, as the app)",
    )
    parser.add_argument(
        "--loop",
        choices=["auto", "uvloop", "asyncio"],
        default="auto",
        help="event loop; auto = uvloop if installed (as uvicorn)",
    )
    parser.add_argument(
        "--warmup",
        type=int,
        default=200,
        help="unmeasured requests per approach before the runs, at least 4 x the highest "
        "concurrency (default 200)",
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="concurrency 1,4, 20 requests x 2 runs, 30 rows x 4 symbols, in a scratch "
        "database of its own: checks that the bench runs; the figures mean nothing",
    )
    args = parser.parse_args(argv)
    args.db_name = DB_NAME
    if args.smoke:
        args.concurrency, args.requests, args.repeat, args.warmup = "1,4", 20, 2, 16
        args.rows, args.symbols = 30, 4
        # A database of its own, so a smoke run never meets a real run's (or another smoke's).
        args.db_name = f"{DB_NAME}_smoke_{uuid.uuid4().hex[:8]}"
    args.concurrency = [int(x) for x in args.concurrency.split(",") if x.strip()]

    loop_factory: Callable[[], asyncio.AbstractEventLoop] = asyncio.new_event_loop
    loop_name = "asyncio"
    if args.loop != "asyncio":
        try:
            import uvloop

            loop_factory, loop_name = uvloop.new_event_loop, "uvloop"
        except ImportError:
            if args.loop == "uvloop":
                raise
    console = Console(width=max(Console().width, 120))
    console.print(
        f"event loop: {loop_name}; pre_ping={args.pre_ping}; "
        f"{args.requests} requests x {args.repeat} runs per cell"
    )
    with asyncio.Runner(loop_factory=loop_factory) as runner:
        approaches = runner.run(bench(args, console))

    table = Table(
        title=f"One symbol-year per request ({loop_name}, {args.requests} requests/run, "
        f"median of {args.repeat} runs; latency percentiles over all runs)"
    )
    for col in (
        "backend",
        "approach",
        "C",
        "wall s",
        "req/s",
        "CPU µs/req",
        "p50 ms",
        "p99 ms",
        "new conns",
    ):
        table.add_column(col, justify="left" if col in ("backend", "approach") else "right")
    stats: dict[tuple[str, str, int], dict[str, float]] = {}
    for a in approaches:
        for c in args.concurrency:
            if c not in a.runs:
                continue
            s = stats[(a.backend, a.label, c)] = summarize(a, c, args.requests)
            table.add_row(
                a.backend,
                a.label,
                str(c),
                f"{s['wall']:.2f}",
                f"{s['rps']:.0f}",
                f"{s['cpu_us']:.0f}",
                f"{s['p50_ms']:.2f}",
                f"{s['p99_ms']:.2f}",
                str(int(s["connects"])),
            )
        table.add_section()
    console.print(table)

    # Paired ratios: (a) and (b) run back to back in every repetition (ABBA order), so the
    # ratio within a pair cancels most of the drift of a shared, noisy machine.
    ta, tb = approaches[0], approaches[1]
    parts = []
    cpu_medians, rps_medians = [], []
    for c in args.concurrency:
        pairs = list(zip(ta.runs[c], tb.runs[c], strict=True))
        cpu_r = [cb / ca for (_, ca, _), (_, cb, _) in pairs]
        rps_r = [wa / wb for (wa, _, _), (wb, _, _) in pairs]
        cpu_medians.append(statistics.median(cpu_r))
        rps_medians.append(statistics.median(rps_r))
        parts.append(
            f"C={c}: CPU/req x{cpu_medians[-1]:.2f} [{min(cpu_r):.2f}-{max(cpu_r):.2f}], "
            f"req/s x{rps_medians[-1]:.2f} [{min(rps_r):.2f}-{max(rps_r):.2f}]"
        )
    sa1 = stats[("PostgreSQL", ta.label, 1)] if 1 in args.concurrency else None
    sl1 = stats[("SQLite", ta.label, 1)] if 1 in args.concurrency else None
    hop = ""
    if sa1 is not None:
        ref = stats[("PostgreSQL", approaches[2].label, 1)]
        hop = (
            f" At C=1 the thread hop itself costs ~{sa1['cpu_us'] - ref['cpu_us']:.0f} µs CPU "
            f"per request over calling the sync engine on the loop ({ref['cpu_us']:.0f} µs)."
        )
    lite = ""
    if sl1 is not None:
        lite = (
            f" SQLite via the thread pool costs {sl1['cpu_us']:.0f} µs CPU per request at "
            f"C=1 ({sl1['rps']:.0f} req/s); it has no non-blocking driver to compare with "
            f"(aiosqlite is a thread wrapper)."
        )
    cheaper = statistics.median(cpu_medians) < 0.95
    faster = statistics.median(rps_medians) > 1.05
    dearer = statistics.median(cpu_medians) > 1.05
    slower = statistics.median(rps_medians) < 0.95
    verdict = (
        "the asyncio engine is cheaper and faster here"
        if cheaper and faster
        else "the asyncio engine uses less CPU per request"
        if cheaper
        else "the asyncio engine gives more throughput"
        if faster
        else "the asyncio engine is dearer and slower here"
        if dearer and slower
        else "the asyncio engine costs more CPU per request"
        if dearer
        else "the asyncio engine gives less throughput"
        if slower
        else "neither approach wins clearly here (within ±5% overall)"
    )
    console.print(
        f"[bold]Conclusion[/bold] (PostgreSQL, asyncio engine relative to sync engine + thread "
        f"pool, median of the paired runs \\[min-max]; x<1 CPU is better, x>1 req/s is "
        f"better): {escape('; '.join(parts))}. So, taking the concurrency levels together, "
        f"{verdict}; a range that straddles 1.00 is within this machine's run-to-run noise."
        f"{hop}{lite} Wall-clock figures share two CPUs with the PostgreSQL server; "
        f"CPU per request of this process is the steadier comparison."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
