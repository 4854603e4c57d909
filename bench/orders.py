"""Paper orders accepted and filled per second on PostgreSQL, beside a raw psycopg loop doing
the same writes, in the same run.

    python bench/orders.py [--clients 16] [--seconds 5] [--rounds 3] [--postgres-url URL]
    python bench/orders.py --smoke    2 clients, 0.2 s per variant: checks it runs (seconds)

A fresh database (created, loaded with the sample data as the tests load it, dropped at the
end) holds every variant's orders. `--clients` threads each place and fill orders in a loop
for `--seconds`; one order is a market buy of one board lot, accepted and then filled:

- project: `PaperService.create_order` (every pre-trade check: session, instrument and quote,
  board lot, limit band, order and position limits, then the store's one transaction that
  inserts the order, its event and its audit line and freezes the cash with a conditional
  UPDATE), then `Matching.on_ticks` with one tick of the order's symbol (open orders read,
  priced, filled in ONE transaction by `PaperStore.fill`, `trade` and `order_update` published
  on the in-process bus), as the server runs them;
- raw: one psycopg connection per thread and no project code, the same writes to the same
  tables: a transaction inserting the order (RETURNING id), its event and its audit line
  (`services.audit`: every order has one, in the order's transaction) and freezing the cash
  with the same conditional UPDATE; then a transaction updating the order (conditional on its
  status and filled quantity), inserting its event, upserting the position, inserting the
  trade and moving the account's cash (9 statements in 2 transactions).

Each client thread has accounts and symbols of its own (`--accounts` per client, 4 symbols per
client), so the write path is measured rather than one hot row; the `1 account` variants put
every client on one account (its row is then updated by every order, twice). Variants run
back to back in each round, alternating which goes first; the tables are emptied before each.
Figures are each variant's median over the rounds: orders/s, latency of accept + fill (p50,
p99) and this process's CPU per order (the database server's is not counted); the ratio
project/raw is each round's, median taken (target ≥ 0.5, DESIGN.md). Speed is reported, never
asserted; results JSON goes to bench/results/orders-<time>.json. Without a PostgreSQL server the
benchmark is skipped (exit status 0), except with `--smoke`, which fails without it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
from psycopg.types.json import Json
from rich.console import Console
from rich.table import Table
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))
from mystocks.adapters.bus import InProcessEventBus  # noqa: E402
from mystocks.adapters.manager import UnifiedManager  # noqa: E402
from mystocks.domain.rules import commission  # noqa: E402
from mystocks.identity.audit import AuditLog  # noqa: E402
from mystocks.identity.audit_store import AuditStore  # noqa: E402
from mystocks.identity.auth import Principal  # noqa: E402
from mystocks.market.sample import load_sample_data  # noqa: E402
from mystocks.settings import Settings  # noqa: E402
from mystocks.trading.matching import Matching  # noqa: E402
from mystocks.trading.service import PaperService, trading_day  # noqa: E402
from mystocks.trading.store import PaperStore  # noqa: E402

SYMBOLS_PER_CLIENT = 4
LOT = 100
CASH = 10**9  # CNY per account: never the limit
TABLES = (
    "paper_trades, paper_order_events, paper_orders, paper_positions, paper_accounts, audit_log"
)
OWNER = "bench"
TARGET = 0.5
console = Console(width=None if sys.stdout.isatty() else 120)  # a log keeps the table whole


# -- the database -----------------------------------------------------------------------------
@contextmanager
def fresh_database(admin_url: str) -> Iterator[str]:
    """A new database with the sample data (daily bars, no ticks), dropped afterwards."""
    name = f"mystocks_bench_orders_{uuid.uuid4().hex[:8]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def tradable_symbols(data: UnifiedManager, count: int) -> list[str]:
    """`count` A-share stocks with a limit band and daily bars (what a paper order may buy).
    The sample data has bars for a few stocks only: other listed stocks get a copy of one's
    last two bars (all a quote needs), so each client trades symbols of its own."""
    with data.relational.engine.begin() as conn:
        cn = "i.market = 'CN' AND i.type = 'stock' AND i.price_limit_pct IS NOT NULL"
        has_bars = "EXISTS (SELECT 1 FROM daily_bars d WHERE d.symbol = i.symbol)"
        ready = [
            r[0]
            for r in conn.execute(
                text(f"SELECT i.symbol FROM instruments i WHERE {cn} AND {has_bars} ORDER BY 1")
            )
        ]
        more = [
            r[0]
            for r in conn.execute(
                text(
                    f"SELECT i.symbol FROM instruments i WHERE {cn} AND NOT {has_bars} "
                    "AND i.price_limit_pct = 0.1 ORDER BY 1 LIMIT :n"
                ),
                {"n": max(count - len(ready), 0)},
            )
        ]
        for k, symbol in enumerate(more):
            conn.execute(
                text(
                    "INSERT INTO daily_bars SELECT :new, date, open, high, low, close, volume, "
                    "amount FROM daily_bars WHERE symbol = :old ORDER BY date DESC LIMIT 2"
                ),
                {"new": symbol, "old": ready[k % len(ready)]},
            )
    symbols = ready + more
    if len(symbols) < count:
        raise SystemExit(f"only {len(symbols)} tradable symbols in the sample data; {count} needed")
    return symbols[:count]


@dataclass(frozen=True)
class Priced:
    """What a market buy of one lot of a symbol freezes and fills at (cents), as the service
    prices it; the raw loop writes these same amounts."""

    symbol: str
    last: int
    freeze: int
    price: int
    commission: int


@dataclass
class Setup:
    url: str
    data: UnifiedManager
    paper: PaperService
    matching: Matching
    principal: Principal
    symbols: list[Priced]
    clients: int
    accounts_per_client: int
    account_ids: list[int] = field(default_factory=list)

    def reset(self, accounts: int) -> None:
        """Empty the paper tables; `accounts` accounts with plenty of cash."""
        with self.data.relational.engine.begin() as conn:
            conn.execute(text(f"TRUNCATE {TABLES} RESTART IDENTITY"))
        store = self.paper.store
        cents = CASH * 100
        self.account_ids = [
            store.create_account(OWNER, f"bench {i}", "CNY", cents, {})["id"]
            for i in range(accounts)
        ]

    def account(self, client: int, n: int, shared: bool) -> int:
        if shared:
            return self.account_ids[0]
        per = self.accounts_per_client
        return self.account_ids[client * per + n % per]

    def symbol(self, client: int, n: int) -> Priced:
        return self.symbols[client * SYMBOLS_PER_CLIENT + n % SYMBOLS_PER_CLIENT]


def prepare(url: str, clients: int, accounts_per_client: int) -> Setup:
    data = UnifiedManager.from_urls(url, url)
    data.create_schema()
    load_sample_data(data, tick_days=0)
    settings = Settings(
        env="test",
        data_dir=Path(tempfile.gettempdir()),  # nothing here writes files
        database_url=url,
        timeseries_url=url,
        paper_session="always",
        paper_max_order_value=1e12,
        paper_max_position_value=1e12,
    )
    paper = PaperService(
        PaperStore(data.relational.engine),
        data,
        settings,
        InProcessEventBus(),
        audit=AuditLog(AuditStore(data.relational.engine)),  # as the server: a line per order
    )
    priced = []
    for symbol in tradable_symbols(data, clients * SYMBOLS_PER_CLIENT):
        _, quote = paper.quote(symbol)
        last, up = round(quote["last"] * 100), round(quote["limit_up"] * 100)
        value = up * LOT  # a market buy freezes its value at the limit-up price, plus fees
        price = min(last + paper.fees.slip, up)
        fill_fee = commission(price * LOT, paper.fees)
        priced.append(Priced(symbol, last, value + paper.fee(value), price, fill_fee))
    principal = Principal(OWNER, "trader", 2**62)
    matching = Matching(paper, paper.bus)
    return Setup(url, data, paper, matching, principal, priced, clients, accounts_per_client)


# -- one order, each way ----------------------------------------------------------------------
OrderFn = Callable[[int, int], tuple[float, float]]
"""(client, n) -> (seconds to accept the order, seconds to fill it)."""


def project_orders(setup: Setup, shared: bool) -> Callable[[int], OrderFn]:
    paper, matching, principal = setup.paper, setup.matching, setup.principal
    tag = uuid.uuid4().hex[:6]

    def client(c: int) -> OrderFn:
        def order(_: int, n: int) -> float:
            priced = setup.symbol(c, n)
            body = {
                "account_id": setup.account(c, n, shared),
                "symbol": priced.symbol,
                "side": "buy",
                "type": "market",
                "quantity": LOT,
            }
            started = time.perf_counter()
            placed, created = paper.create_order(principal, body, f"{tag}-{c}-{n}")
            accepted = time.perf_counter()
            tick = {
                "symbol": priced.symbol,
                "ts": dt.datetime.now(dt.UTC).isoformat(),
                "price": priced.last / 100,
                "volume": 10**7,
                "amount": 0.0,
            }
            fills = matching.on_ticks([tick])
            filled = time.perf_counter()
            if not created or fills != 1:
                raise RuntimeError(f"order {placed['id']}: created={created}, fills={fills}")
            return accepted - started, filled - accepted

        return order

    return client


RAW_PLACE = (
    "INSERT INTO paper_orders (account_id, owner, idempotency_key, symbol, side, type, quantity,"
    " limit_price, limit_up, limit_down, filled_quantity, filled_value, fees, frozen_cash,"
    " status, trading_day, created_at, updated_at) VALUES (%s, %s, %s, %s, 'buy', 'market', %s,"
    " NULL, NULL, NULL, 0, 0, 0, %s, 'new', %s, %s, %s) RETURNING id",
    "UPDATE paper_accounts SET cash = cash - %s, frozen_cash = frozen_cash + %s"
    " WHERE id = %s AND cash >= %s",
    "INSERT INTO paper_order_events (order_id, status, filled_quantity, at)"
    " VALUES (%s, %s, %s, %s)",
    "INSERT INTO audit_log (at, actor, actor_kind, key_id, action, target_type, target_id,"
    " outcome, client_ip, request_id, details) VALUES (%s, %s, 'user', NULL, 'order.create',"
    " 'order', %s, 'ok', NULL, NULL, %s)",
)
RAW_FILL = (
    "UPDATE paper_orders SET filled_quantity = %s, filled_value = filled_value + %s,"
    " fees = fees + %s, frozen_cash = 0, status = 'filled', updated_at = %s"
    " WHERE id = %s AND status IN ('new', 'partially_filled') AND filled_quantity = 0",
    RAW_PLACE[2],
    "INSERT INTO paper_positions AS p (account_id, symbol, quantity, frozen, bought_today,"
    " bought_day, cost, realized_pnl) VALUES (%s, %s, %s, 0, %s, %s, %s, 0)"
    " ON CONFLICT (account_id, symbol) DO UPDATE SET quantity = p.quantity + excluded.quantity,"
    " cost = p.cost + excluded.cost, bought_day = excluded.bought_day,"
    " bought_today = CASE WHEN p.bought_day = excluded.bought_day"
    " THEN p.bought_today + excluded.quantity ELSE excluded.quantity END",
    "INSERT INTO paper_trades (account_id, order_id, symbol, side, price, quantity, commission,"
    " stamp_duty, realized_pnl, tick_time, created_at)"
    " VALUES (%s, %s, %s, 'buy', %s, %s, %s, 0, NULL, %s, %s)",
    "UPDATE paper_accounts SET cash = cash + %s, frozen_cash = frozen_cash - %s WHERE id = %s",
)


def raw_orders(setup: Setup, shared: bool) -> Callable[[int], OrderFn]:
    conninfo = setup.url.replace("postgresql+psycopg://", "postgresql://", 1)
    tag = uuid.uuid4().hex[:6]

    def client(c: int) -> OrderFn:
        conn = psycopg.connect(conninfo)

        def order(_: int, n: int) -> float:
            priced = setup.symbol(c, n)
            account = setup.account(c, n, shared)
            value = priced.price * LOT
            cost = value + priced.commission
            day = trading_day()
            started = time.perf_counter()
            now = dt.datetime.now(dt.UTC)
            with conn.transaction():
                key = f"{tag}-{c}-{n}"
                placed = (account, OWNER, key, priced.symbol, LOT, priced.freeze, day, now, now)
                cur = conn.execute(RAW_PLACE[0], placed)
                row = cur.fetchone()
                assert row is not None
                order_id = row[0]
                freeze = (priced.freeze, priced.freeze, account, priced.freeze)
                if conn.execute(RAW_PLACE[1], freeze).rowcount != 1:
                    raise RuntimeError("insufficient cash")
                conn.execute(RAW_PLACE[2], (order_id, "new", 0, now))
                details = {"account_id": account, "symbol": priced.symbol, "side": "buy"}
                details |= {"type": "market", "quantity": LOT, "status": "new"}
                audit = (now, OWNER, str(order_id), Json(details))
                conn.execute(RAW_PLACE[3], audit)
            accepted = time.perf_counter()
            now = dt.datetime.now(dt.UTC)
            with conn.transaction():
                fees = priced.commission
                done = (LOT, value, fees, now, order_id)
                if conn.execute(RAW_FILL[0], done).rowcount != 1:
                    raise RuntimeError(f"order {order_id} changed meanwhile")
                conn.execute(RAW_FILL[1], (order_id, "filled", LOT, now))
                conn.execute(RAW_FILL[2], (account, priced.symbol, LOT, LOT, day, cost))
                trade = (account, order_id, priced.symbol, priced.price, LOT, fees, now, now)
                conn.execute(RAW_FILL[3], trade)
                # The frozen amount goes; what it held beyond the cost comes back to cash.
                conn.execute(RAW_FILL[4], (priced.freeze - cost, priced.freeze, account))
            return accepted - started, time.perf_counter() - accepted

        order.close = conn.close  # type: ignore[attr-defined]
        return order

    return client


# -- the load ---------------------------------------------------------------------------------
def drive(make_client: Callable[[int], OrderFn], clients: int, seconds: float) -> dict[str, Any]:
    """`clients` threads placing and filling orders for `seconds`."""
    latencies: list[list[tuple[float, float]]] = [[] for _ in range(clients)]
    errors: list[BaseException] = []
    functions = [make_client(c) for c in range(clients)]
    start = threading.Barrier(clients + 1)
    deadline = 0.0

    def run(c: int) -> None:
        start.wait()
        n = 0
        try:
            while n == 0 or time.perf_counter() < deadline:  # one order at least, however late
                latencies[c].append(functions[c](c, n))
                n += 1
        except BaseException as exc:  # reported after the run, with the figures
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(c,)) for c in range(clients)]
    for t in threads:
        t.start()
    cpu0 = time.process_time()
    began = time.perf_counter()
    deadline = began + seconds
    start.wait()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - began
    cpu = time.process_time() - cpu0
    for f in functions:
        getattr(f, "close", lambda: None)()
    if errors:
        raise RuntimeError(f"{len(errors)} client(s) failed; the first: {errors[0]!r}")
    pairs = [x for each in latencies for x in each]
    done = len(pairs)

    def at(values: list[float], q: float) -> float:
        return sorted(values)[min(done - 1, int(q * done))] * 1e3

    whole = [a + f for a, f in pairs]
    return {
        "orders": done,
        "orders_per_s": done / elapsed,
        "p50_ms": at(whole, 0.5),
        "p99_ms": at(whole, 0.99),
        "accept_p50_ms": at([a for a, _ in pairs], 0.5),
        "fill_p50_ms": at([f for _, f in pairs], 0.5),
        "cpu_us_per_order": cpu / done * 1e6,
    }


VARIANTS: dict[str, tuple[Callable[[Setup, bool], Callable[[int], OrderFn]], bool]] = {
    "project": (project_orders, False),
    "raw psycopg": (raw_orders, False),
    "project, 1 account": (project_orders, True),
    "raw psycopg, 1 account": (raw_orders, True),
}
PAIRS = (("project", "raw psycopg"), ("project, 1 account", "raw psycopg, 1 account"))


def measure(setup: Setup, name: str, seconds: float) -> dict[str, Any]:
    make, shared = VARIANTS[name]
    setup.reset(1 if shared else setup.clients * setup.accounts_per_client)
    return drive(make(setup, shared), setup.clients, seconds)


def statements_per_order(setup: Setup) -> dict[str, float]:
    """The SQL statements and commits one project order issues (one order, not timed)."""
    counts = {"statements": 0, "commits": 0, "checkouts": 0}
    engine = setup.data.relational.engine

    def on_statement(*_: Any) -> None:
        counts["statements"] += 1

    def on_commit(*_: Any) -> None:
        counts["commits"] += 1

    def on_checkout(*_: Any) -> None:
        counts["checkouts"] += 1

    setup.reset(1)
    event.listen(engine, "before_cursor_execute", on_statement)
    event.listen(engine, "commit", on_commit)
    event.listen(engine.pool, "checkout", on_checkout)
    try:
        project_orders(setup, False)(0)(0, 0)
    finally:
        event.remove(engine, "before_cursor_execute", on_statement)
        event.remove(engine, "commit", on_commit)
        event.remove(engine.pool, "checkout", on_checkout)
    return {
        "project": counts["statements"],
        "project_commits": counts["commits"],
        # Each checkout pings the server first (pool_pre_ping) and rolls back when returned.
        "project_checkouts": counts["checkouts"],
        "raw": len(RAW_PLACE) + len(RAW_FILL),
        "raw_commits": 2,
        "raw_checkouts": 0,
    }


# -- the run ----------------------------------------------------------------------------------
def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--clients", type=int, default=16, help="concurrent client threads [16]")
    p.add_argument("--accounts", type=int, default=4, help="accounts per client [4]")
    p.add_argument("--seconds", type=float, default=5.0, help="measured seconds per variant [5]")
    p.add_argument("--warmup", type=float, default=1.0, help="unmeasured seconds, each first [1]")
    p.add_argument("--rounds", type=int, default=3, help="rounds; medians reported [3]")
    p.add_argument(
        "--postgres-url",
        default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres",
        help="a PostgreSQL database to connect to; the benchmark creates (and drops) its own",
    )
    p.add_argument("--no-save", action="store_true", help="do not write bench/results/*.json")
    p.add_argument(
        "--smoke",
        action="store_true",
        help="2 clients of 1 account, one round of 0.2 s per variant, PostgreSQL required, no "
        "results file: checks that the bench runs; the figures mean nothing",
    )
    args = p.parse_args(argv)
    if args.smoke:
        args.clients, args.accounts, args.rounds = 2, 1, 1
        args.seconds, args.warmup, args.no_save = 0.2, 0.05, True
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    began = time.perf_counter()
    try:
        with fresh_database(args.postgres_url) as url:
            with console.status("loading the sample data into a fresh database"):
                setup = prepare(url, args.clients, args.accounts)
            try:
                doc = run(setup, args)
            finally:
                setup.data.dispose()
    except Exception as exc:  # no server: say so; `make bench` goes on with the others
        if args.smoke or "connection" not in str(exc).lower():
            raise
        console.print(f"PostgreSQL unavailable, orders benchmark skipped: {exc}")
        return 0
    doc["total_seconds"] = time.perf_counter() - began
    console.print(f"whole run: {doc['total_seconds']:.0f} s")
    if not args.no_save:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        out = ROOT / "bench" / "results" / f"orders-{stamp}.json"
        out.parent.mkdir(exist_ok=True)
        out.write_text(json.dumps(doc, indent=2) + "\n")
        console.print(f"results written to {out.relative_to(ROOT)}")
    return 0


def run(setup: Setup, args: argparse.Namespace) -> dict[str, Any]:
    statements = statements_per_order(setup)
    for name in VARIANTS:
        with console.status(f"warming up {name}"):
            measure(setup, name, args.warmup)
    rounds: list[dict[str, dict[str, Any]]] = []
    for round_no in range(args.rounds):
        rounds.append({})
        for pair in PAIRS:  # each pair back to back, the first of it alternating
            for name in pair if round_no % 2 == 0 else pair[::-1]:
                with console.status(f"round {round_no + 1}: {name}"):
                    rounds[-1][name] = measure(setup, name, args.seconds)
    medians = {
        n: {k: statistics.median(r[n][k] for r in rounds) for k in rounds[0][n]} for n in VARIANTS
    }
    ratios = {
        mine: statistics.median(r[mine]["orders_per_s"] / r[raw]["orders_per_s"] for r in rounds)
        for mine, raw in PAIRS
    }
    report(medians, ratios, statements, args)
    return {
        "when": dt.datetime.now().astimezone().isoformat(),
        "options": vars(args),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "statements_per_order": statements,
        "variants": medians,
        "ratios": ratios,
        "rounds": rounds,
    }


def report(
    medians: dict[str, dict[str, float]],
    ratios: dict[str, float],
    statements: dict[str, float],
    args: argparse.Namespace,
) -> None:
    table = Table(
        "variant",
        "orders/s",
        "p50 ms",
        "p99 ms",
        "accept p50",
        "fill p50",
        "client CPU µs/order",
        f"÷ raw psycopg (≥ {TARGET})",
        title=f"paper orders accepted and filled on PostgreSQL, {args.clients} clients, "
        f"median of {args.rounds} × {args.seconds:g} s",
    )
    raw_of = {raw: mine for mine, raw in PAIRS}
    for name, m in medians.items():
        ratio = f"{ratios[name]:.2f}" if name in ratios else ("1" if name in raw_of else "")
        table.add_row(
            name,
            f"{m['orders_per_s']:,.0f}",
            f"{m['p50_ms']:.1f}",
            f"{m['p99_ms']:.1f}",
            f"{m['accept_p50_ms']:.1f}",
            f"{m['fill_p50_ms']:.1f}",
            f"{m['cpu_us_per_order']:,.0f}",
            ratio,
        )
    console.print(table)
    console.print(
        f"SQL statements per order: project {statements['project']} in "
        f"{statements['project_commits']} transactions (pre-trade reads, quote, history and "
        f"open-order reads included) over {statements['project_checkouts']} pool checkouts "
        f"(each a pre-ping and a rollback on return); raw {statements['raw']} in "
        f"{statements['raw_commits']} on one connection per client."
    )


if __name__ == "__main__":
    sys.exit(main())
