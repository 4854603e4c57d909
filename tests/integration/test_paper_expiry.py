"""Day orders expire at the close (`PaperService.expire_due`, swept by every instance): orders of
an earlier trading day, and with exchange sessions today's from 15:00 in Shanghai; several
sweepers at once expire each order once and release its cash or shares once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from mystocks.adapters.sql.relational import make_engine
from mystocks.app import MyStocksApp, create_app
from mystocks.trading.service import PaperService
from mystocks.trading.store import PaperStore
from tests.conftest import app_on_copy, make_settings
from tests.integration.test_paper_equity import ADMIN, SYMBOL, at, fill, opened_on

CN = ZoneInfo("Asia/Shanghai")
TUESDAY = dt.date(2026, 11, 24)  # an XSHG session


class Recorder:
    """An event bus that keeps what is published."""

    def __init__(self) -> None:
        self.events: list[tuple[str, str, dict[str, Any]]] = []

    def publish(self, topic: str, type: str, data: dict[str, Any], **_: Any) -> None:
        self.events.append((topic, type, data))


def place(
    paper: PaperService, account: dict[str, Any], key: str, day: dt.date, side: str = "buy"
) -> dict[str, Any]:
    """A limit order of 100 shares at 10.00 accepted on `day` (its cash or shares frozen)."""
    order = {
        "account_id": account["id"],
        "owner": account["owner"],
        "idempotency_key": key,
        "symbol": SYMBOL,
        "side": side,
        "type": "limit",
        "quantity": 100,
        "limit_price": 1000,
        "limit_up": None,
        "limit_down": None,
    }
    freeze = 100_000 + 500 if side == "buy" else 0
    return paper.store.place(order, freeze_cash=freeze, day=day)


def statuses(paper: PaperService, *orders: dict[str, Any]) -> list[list[str]]:
    """Each order's status history."""
    history = paper.store.history([o["id"] for o in orders])
    return [[h["status"] for h in history[o["id"]]] for o in orders]


def test_orders_of_an_earlier_day_expire_and_release_their_cash_and_shares(template_dir, tmp_path):
    app = app_on_copy(template_dir, tmp_path, paper_session="always")
    paper = app.services.paper
    paper.bus = recorder = Recorder()  # type: ignore[assignment]
    account = opened_on(paper, dt.date(2026, 11, 2))
    fill(paper, account, "buy", 200, 1000, (500, 0), at(dt.date(2026, 11, 3)))
    old_buy = place(paper, account, "old-buy", dt.date(2026, 11, 20))
    old_sell = place(paper, account, "old-sell", dt.date(2026, 11, 20), side="sell")
    today = place(paper, account, "today", TUESDAY)
    before = paper.store.get_account(account["id"])
    assert before is not None and before["frozen_cash"] == 2 * 100_500

    now = dt.datetime.combine(TUESDAY, dt.time(10), CN)
    assert paper.expire_due(now) == 2
    assert paper.expire_due(now) == 0  # nothing left to do
    assert statuses(paper, old_buy, old_sell, today) == [
        ["new", "expired"],
        ["new", "expired"],
        ["new"],
    ]
    after = paper.store.get_account(account["id"])
    assert after is not None and after["frozen_cash"] == 100_500
    assert after["cash"] == before["cash"] + 100_500
    [position] = paper.store.positions(account["id"])
    assert position["frozen"] == 0 and position["quantity"] == 200
    assert [(t, d["id"], d["status"]) for _, t, d in recorder.events] == [
        ("order_update", old_buy["id"], "expired"),
        ("order_update", old_sell["id"], "expired"),
    ]
    app.services.data.dispose()


def test_with_exchange_sessions_todays_orders_expire_at_the_close(template_dir, tmp_path):
    app = app_on_copy(template_dir, tmp_path, paper_session="exchange")
    paper = app.services.paper
    account = paper.create_account(ADMIN, {"name": "x", "initial_cash": 1_000_000})
    row = paper.store.get_account(account["id"])
    assert row is not None
    order = place(paper, row, "k", TUESDAY)
    assert paper.expire_due(dt.datetime.combine(TUESDAY, dt.time(14, 59, 59), CN)) == 0
    assert paper.expire_due(dt.datetime.combine(TUESDAY, dt.time(15), CN)) == 1
    assert statuses(paper, order) == [["new", "expired"]]
    # Sunday's sweep finds Friday's order still open (no sweep ran at Friday's close).
    friday = place(paper, row, "f", dt.date(2026, 11, 27))
    assert paper.expire_due(dt.datetime.combine(dt.date(2026, 11, 27), dt.time(11), CN)) == 0
    assert paper.expire_due(dt.datetime.combine(dt.date(2026, 11, 29), dt.time(11), CN)) == 1
    assert statuses(paper, friday) == [["new", "expired"]]
    app.services.data.dispose()


def sweep_from_several_instances(app: MyStocksApp, url: str) -> None:
    """Eight sweepers, each with an engine of its own like a server instance, at once over the
    same 12 open orders of an earlier day: each order expires once, its cash comes back once."""
    paper = app.services.paper
    account = paper.create_account(ADMIN, {"name": "s", "initial_cash": 1_000_000})
    row = paper.store.get_account(account["id"])
    assert row is not None
    orders = [place(paper, row, f"k{i}", dt.date(2026, 11, 20)) for i in range(12)]
    sweepers = []
    for _ in range(8):
        instance = PaperService(PaperStore(make_engine(url)), paper.data, paper.settings)
        sweepers.append(instance)
    now = dt.datetime.combine(TUESDAY, dt.time(10), CN)
    with ThreadPoolExecutor(max_workers=8) as pool:
        counts = list(pool.map(lambda s: s.expire_due(now), sweepers))
    assert sum(counts) == 12
    assert statuses(paper, *orders) == [["new", "expired"]] * 12
    after = paper.store.get_account(account["id"])
    assert after is not None and (after["cash"], after["frozen_cash"]) == (100_000_000, 0)
    for sweeper in sweepers:
        sweeper.store.engine.dispose()


def test_several_sweepers_expire_each_order_once_on_sqlite(template_dir, tmp_path):
    app = app_on_copy(template_dir, tmp_path, paper_session="always")
    sweep_from_several_instances(app, app.services.settings.relational_url)
    app.services.data.dispose()


def test_several_sweepers_expire_each_order_once_on_postgres(
    postgres_sample_database: Callable[[str], str], tmp_path: Path
) -> None:
    url = postgres_sample_database("expiry")
    settings = make_settings(tmp_path, database_url=url, timeseries_url=url, paper_session="always")
    app = create_app(settings)
    try:
        sweep_from_several_instances(app, url)
    finally:
        app.services.data.dispose()
