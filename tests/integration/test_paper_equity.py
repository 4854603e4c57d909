"""A paper account's daily equity history, computed from its trades and the daily closes, checked
against hand-computed figures on SQLite (over HTTP) and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import event, update
from starlette.testclient import TestClient

from mystocks.app import MyStocksApp
from mystocks.domain.calendar import trading_days
from mystocks.identity.auth import Principal
from mystocks.trading.model import Fill
from mystocks.trading.service import PaperService, trading_day
from mystocks.trading.store import ACCOUNTS
from tests.conftest import app_on_copy, login

SYMBOL = "600036.SH"
CN = ZoneInfo("Asia/Shanghai")
ADMIN = Principal("admin", "admin", 2**62)
DAYS = [dt.date(2017, 6, d) for d in (1, 2, 5, 6, 7, 8)]  # XSHG sessions


def opened_on(paper: PaperService, day: dt.date, **body: Any) -> dict[str, Any]:
    """A new account as if it had been opened at 09:00 in Shanghai on `day`."""
    account = paper.create_account(ADMIN, {"name": "e", "initial_cash": 1_000_000} | body)
    when = dt.datetime.combine(day, dt.time(9), CN).astimezone(dt.UTC)  # stored as UTC
    with paper.store.engine.begin() as conn:
        conn.execute(update(ACCOUNTS).where(ACCOUNTS.c.id == account["id"]).values(created_at=when))
    row = paper.store.get_account(account["id"])
    assert row is not None
    return row


def fill(
    paper: PaperService,
    account: dict[str, Any],
    side: str,
    qty: int,
    price: int,
    fees: tuple[int, int],
    when: dt.datetime,
) -> None:
    """An order of `account` accepted and filled whole at `price` (cents) at `when`, through
    the store, with the commission and stamp duty given."""
    day = trading_day(when)
    order = {
        "account_id": account["id"],
        "owner": account["owner"],
        "idempotency_key": f"{account['id']}-{side}-{when.isoformat()}",
        "symbol": SYMBOL,
        "side": side,
        "type": "limit",
        "quantity": qty,
        "limit_price": price,
        "limit_up": None,
        "limit_down": None,
    }
    freeze = price * qty + fees[0] if side == "buy" else 0
    row = paper.store.place(order, freeze_cash=freeze, day=day)
    assert paper.store.fill(row, Fill(price, qty, *fees, when, day)) is not None


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), CN).astimezone(dt.UTC)


def scenario(paper: PaperService) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Open on 2017-06-01 with 1,000,000.00; buy 1000 at 20.00 (fee 5.00) on 06-02, sell 400
    at 21.00 (fee 5.00, stamp duty 8.40) on 06-06. The expected points of 06-01..06-08."""
    account = opened_on(paper, DAYS[0])
    fill(paper, account, "buy", 1000, 2000, (500, 0), at(DAYS[1]))
    fill(paper, account, "sell", 400, 2100, (500, 840), at(DAYS[3], 14))
    close = {
        d: round(c * 100)
        for d, c in paper.data.relational.daily_closes([SYMBOL], DAYS[0], DAYS[-1])[SYMBOL]
    }
    assert set(DAYS) <= set(close)  # the sample has a bar on each of these days
    after_buy = 100_000_000 - 2_000_000 - 500  # 979,995.00
    after_sell = after_buy + 840_000 - 500 - 840  # 988,381.60
    cash = [100_000_000, after_buy, after_buy, after_sell, after_sell, after_sell]
    held = [0, 1000, 1000, 600, 600, 600]
    expected = []
    previous = peak = 100_000_000
    for day, c, q in zip(DAYS, cash, held, strict=True):
        equity = c + q * close[day]
        peak = max(peak, equity)
        expected.append(
            {
                "date": day.isoformat(),
                "cash": c / 100,
                "market_value": q * close[day] / 100,
                "equity": equity / 100,
                "daily_pnl": (equity - previous) / 100,
                "cumulative_return": round(equity / 100_000_000 - 1, 8),
                "drawdown": round(equity / peak - 1, 8),
            }
        )
        previous = equity
    return account, expected


def count_queries(paper: PaperService) -> Callable[[], int]:
    """Statements this thread runs from now on (the app's background tasks, such as the
    expiry sweeper, use the same engine from other threads)."""
    seen: list[str] = []
    me = threading.get_ident()

    def on_execute(*args: Any) -> None:
        if threading.get_ident() == me:
            seen.append(args[2])

    event.listen(paper.store.engine, "before_cursor_execute", on_execute)
    return lambda: len(seen)


@pytest.fixture
def scenario_app(
    template_dir: Path, tmp_path: Path
) -> Iterator[tuple[MyStocksApp, TestClient, dict[str, Any], list[dict[str, Any]]]]:
    """The scenario's account, written before the app starts: its orders are of 2017, and the
    lifespan's expiry sweeper would expire one between its acceptance and its fill."""
    app = app_on_copy(template_dir, tmp_path, paper_session="always")
    account, expected = scenario(app.services.paper)
    with TestClient(app) as client:
        yield app, client, account, expected


def test_equity_history_replays_the_trades_at_the_daily_closes(scenario_app):
    app, client, account, expected = scenario_app
    paper = app.services.paper
    headers = login(client, "admin", "mystocks-admin")
    url = f"/api/v1/accounts/{account['id']}/equity"

    queries = count_queries(paper)
    paper.get_account_equity(ADMIN, account["id"], start=None, end=None)
    assert queries() <= 8, queries()  # a few for 9+ years of days, not one per day
    whole = client.get(url, headers=headers)
    assert whole.status_code == 200, whole.text
    body = whole.json()
    assert body["account_id"] == account["id"] and body["initial_cash"] == 1_000_000
    items = body["items"]
    assert items[: len(DAYS)] == expected
    sessions = trading_days("XSHG", DAYS[0], trading_day())
    assert [p["date"] for p in items] == [d.isoformat() for d in sessions]
    # After the last bar of the sample, the holding is marked at its newest close; the last
    # point is the account as GET /accounts/{id} shows it now.
    now = client.get(f"/api/v1/accounts/{account['id']}", headers=headers).json()
    assert items[-1]["equity"] == now["equity"] and items[-1]["cash"] == now["cash"]

    window = client.get(url, params={"start": "2017-06-05", "end": "2017-06-07"}, headers=headers)
    assert window.json()["items"] == expected[2:5]  # P&L still against the day before
    backwards = client.get(
        url, params={"start": "2017-06-07", "end": "2017-06-05"}, headers=headers
    )
    assert backwards.status_code == 422
    assert backwards.headers["content-type"].startswith("application/problem+json")

    app.services.auth.ensure_user("bob", "bob-password", "trader")
    bob = login(client, "bob", "bob-password")
    assert client.get(url, headers=bob).status_code == 404
    assert client.get(url).status_code == 401


def test_equity_of_a_new_account_is_its_cash(paper_app):
    app, _ = paper_app
    paper = app.services.paper
    account = paper.create_account(ADMIN, {"name": "n", "initial_cash": 5000})
    history = paper.get_account_equity(ADMIN, account["id"], start=None, end=None)
    [point] = history["items"]
    assert point["equity"] == point["cash"] == 5000 and point["drawdown"] == 0


def test_equity_history_on_postgres(paper_postgres_app):
    paper = paper_postgres_app.services.paper
    account, expected = scenario(paper)
    history = paper.get_account_equity(ADMIN, account["id"], start=None, end="2017-06-08")
    assert history["items"] == expected
