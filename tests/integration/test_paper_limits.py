"""Paper accounts' own pre-trade limits (max order value, max position value, daily loss)
over the server's settings."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from starlette.testclient import TestClient

from mystocks.errors import OrderRefused
from tests.conftest import app_on_copy, login
from tests.integration.test_paper_equity import ADMIN, at, count_queries, fill, opened_on

SYMBOL = "600036.SH"


def _buy(client: TestClient, headers: dict[str, str], account: int, key: str, qty: int) -> Any:
    body = {"account_id": account, "symbol": SYMBOL, "side": "buy", "type": "market"}
    return client.post(
        "/api/v1/orders", json=body | {"quantity": qty}, headers=headers | {"Idempotency-Key": key}
    )


def test_account_limits_override_the_settings(paper_app):
    app, client = paper_app
    headers = login(client, "admin", "mystocks-admin")
    plain = client.post(
        "/api/v1/accounts", json={"name": "p", "initial_cash": 1_000_000}, headers=headers
    ).json()
    assert (plain["max_order_value"], plain["max_position_value"]) == (None, None)
    assert plain["daily_loss_limit"] is None
    limits = {"max_order_value": 10_000, "max_position_value": 20_000, "daily_loss_limit": 500}
    own = client.post(
        "/api/v1/accounts",
        json={"name": "o", "initial_cash": 1_000_000, **limits},
        headers=headers,
    )
    assert own.status_code == 201, own.text
    assert {k: own.json()[k] for k in limits} == limits
    got = client.get(f"/api/v1/accounts/{own.json()['id']}", headers=headers).json()
    assert {k: got[k] for k in limits} == limits
    fen = client.post(
        "/api/v1/accounts",
        json={"name": "x", "initial_cash": 1000, "daily_loss_limit": 1.005},
        headers=headers,
    )
    assert fen.status_code == 422 and fen.json()["code"] == "daily_loss_limit"

    # A market buy freezes its value at the limit-up price: 1000 shares are worth more than
    # 10,000 yuan at any price of this stock in the sample, so only the account's limit refuses.
    assert _buy(client, headers, plain["id"], "p1", 1000).status_code == 201
    refused = _buy(client, headers, own.json()["id"], "o1", 1000)
    assert refused.status_code == 422 and refused.json()["code"] == "max_order_value"
    last = app.services.paper.last_prices([SYMBOL])[SYMBOL] / 100
    lots = int(9_000 / (last * 1.1) / 100) * 100  # under 10,000 at the limit-up price
    # Open buys count towards the position: the third such order would pass 20,000.
    assert _buy(client, headers, own.json()["id"], "o2", lots).status_code == 201
    assert _buy(client, headers, own.json()["id"], "o3", lots).status_code == 201
    more = _buy(client, headers, own.json()["id"], "o4", lots)
    assert more.status_code == 422 and more.json()["code"] == "max_position"


def test_buys_stop_at_the_daily_loss_limit_and_sells_go_on(template_dir, tmp_path):
    """An account opened in the past that bought 1000 shares then, and today bought 1000 more
    at twice the market: today it is ~the market value of 1000 shares down on yesterday's
    close. The setting applies to one account; the other's own, larger limit lets it buy."""
    app = app_on_copy(template_dir, tmp_path, paper_session="always", paper_daily_loss_limit=100)
    paper = app.services.paper
    last = paper.last_prices([SYMBOL])[SYMBOL]
    day = dt.date(2017, 6, 1)
    loose = {"daily_loss_limit": 1_000_000}
    accounts = [opened_on(paper, day), opened_on(paper, day, **loose)]
    for account in accounts:
        fill(paper, account, "buy", 1000, last, (500, 0), at(dt.date(2017, 6, 2)))
        fill(paper, account, "buy", 1000, last * 2, (500, 0), dt.datetime.now(dt.UTC))
    strict, own = (paper.store.get_account(a["id"]) for a in accounts)
    for account in (strict, own):
        assert account is not None and paper.daily_loss(account) == last * 1000 + 500
    body = {"symbol": SYMBOL, "type": "limit", "quantity": 100, "limit_price": last / 100}
    with pytest.raises(OrderRefused) as refused:
        paper.create_order(ADMIN, body | {"account_id": strict["id"], "side": "buy"}, "b1")
    assert refused.value.code == "daily_loss_limit"
    sell, _ = paper.create_order(ADMIN, body | {"account_id": strict["id"], "side": "sell"}, "s1")
    assert sell["status"] == "new"
    buy, _ = paper.create_order(ADMIN, body | {"account_id": own["id"], "side": "buy"}, "b2")
    assert buy["status"] == "new"
    app.services.data.dispose()


def test_the_previous_close_is_kept_until_a_trade_of_an_earlier_day(template_dir, tmp_path):
    """The daily loss check's previous close is kept in process: today's trades leave it (and
    cost one small query to find so), a late trade of an earlier day or a bar written makes
    it computed again; it always equals the equity history's newest point but one."""
    app = app_on_copy(template_dir, tmp_path, paper_session="always")
    paper = app.services.paper
    last = paper.last_prices([SYMBOL])[SYMBOL]
    account = opened_on(paper, dt.date(2017, 6, 1))
    fill(paper, account, "buy", 1000, last, (500, 0), at(dt.date(2017, 6, 2)))

    def base() -> int:
        row = paper.store.get_account(account["id"])
        assert row is not None
        expected = paper.equity_marks(row)[-2].equity
        queries = count_queries(paper)
        assert paper.previous_close(row) == expected
        return queries()

    assert base() > 1  # computed
    assert base() == 1  # kept: one query for newer trades
    fill(paper, account, "buy", 100, last * 2, (500, 0), dt.datetime.now(dt.UTC))
    assert base() == 1  # today's trade: kept
    fill(paper, account, "buy", 100, last * 2, (500, 0), at(dt.date(2017, 6, 5)))
    assert base() > 1  # a late trade of an earlier day: computed again
    assert base() == 1
    bar = paper.data.relational.recent_daily_bars([SYMBOL], 1)[SYMBOL][0]
    names = ("date", "open", "high", "low", "close", "volume", "amount")
    paper.data.relational.upsert_daily_bars(
        [{"symbol": SYMBOL} | dict(zip(names, bar, strict=True))]
    )
    assert base() > 1  # a daily bar written: computed again
    app.services.data.dispose()
