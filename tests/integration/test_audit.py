"""The audit log: lines for orders, sign-ins and ingests; admins read it, paged and filtered."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import func, select, update
from starlette.testclient import TestClient

from mystocks.adapters.sql.tables import Base
from mystocks.app import MyStocksApp
from mystocks.identity.audit import Actor
from mystocks.settings import DEV_ADMIN_PASSWORD
from tests.conftest import app_on_copy, login

SYMBOL = "600036.SH"
AUDIT = "/api/v1/audit"


def _trade(app: MyStocksApp, client: TestClient, headers: dict[str, str]) -> dict[str, Any]:
    """An account, an order placed from 203.0.113.7 under a request id, then cancelled."""
    account = client.post(
        "/api/v1/accounts", json={"name": "a", "initial_cash": 100000}, headers=headers
    ).json()
    price = app.services.paper.last_prices([SYMBOL])[SYMBOL] / 100
    body = {"account_id": account["id"], "symbol": SYMBOL, "side": "buy", "type": "limit"}
    extra = {"Idempotency-Key": "k1", "X-Request-ID": "req-42"}
    placed = client.post(
        "/api/v1/orders",
        json=body | {"quantity": 100, "limit_price": round(price * 0.95, 2)},
        headers=headers | extra,
    )
    assert placed.status_code == 201, placed.text
    refused = client.post(
        "/api/v1/orders",
        json=body | {"quantity": 150, "limit_price": price},
        headers=headers | {"Idempotency-Key": "k2"},
    )
    assert refused.status_code == 422
    order_id = placed.json()["id"]
    assert client.post(f"/api/v1/orders/{order_id}/cancel", headers=headers).status_code == 200
    return placed.json()


def test_orders_sign_ins_and_their_addresses_are_audited(template_dir, tmp_path):
    app = app_on_copy(template_dir, tmp_path, paper_session="always")
    with TestClient(app, client=("203.0.113.7", 50000)) as client:
        assert (
            client.post(
                "/api/v1/auth/token", data={"username": "admin", "password": "nope"}
            ).status_code
            == 401
        )
        headers = login(client, "admin", DEV_ADMIN_PASSWORD)
        order = _trade(app, client, headers)
        page = client.get(AUDIT, headers=headers)
        assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
        lines = page.json()["items"]
    actions = [(line["action"], line["outcome"]) for line in lines]
    assert actions == [
        ("order.cancel", "ok"),
        ("order.create", "refused"),
        ("order.create", "ok"),
        ("user.login", "ok"),
        ("user.login_failed", "failed"),
    ]
    created = lines[2]
    assert created["target_type"] == "order" and created["target_id"] == str(order["id"])
    assert created["client_ip"] == "203.0.113.7" and created["request_id"] == "req-42"
    assert created["actor"] == "admin" and created["actor_kind"] == "user"
    assert created["details"]["symbol"] == SYMBOL and created["details"]["quantity"] == 100
    assert lines[1]["details"]["code"] == "board_lot" and lines[1]["target_id"] is None
    assert all(line["client_ip"] == "203.0.113.7" for line in lines)


def test_an_order_and_its_audit_line_commit_together(template_dir, tmp_path):
    """If the audit line cannot be written, the order is not placed either."""
    app = app_on_copy(template_dir, tmp_path, paper_session="always")
    with TestClient(app) as client:
        headers = login(client, "admin", DEV_ADMIN_PASSWORD)
        account = client.post(
            "/api/v1/accounts", json={"name": "a", "initial_cash": 100000}, headers=headers
        ).json()
        price = app.services.paper.last_prices([SYMBOL])[SYMBOL] / 100

        def broken(values: Any, conn: Any = None) -> None:
            raise RuntimeError("audit store down")

        app.services.audit.store.append = broken  # type: ignore[method-assign]
        body = {"account_id": account["id"], "symbol": SYMBOL, "side": "buy", "type": "limit"}
        body |= {"quantity": 100, "limit_price": price}
        failed = client.post(
            "/api/v1/orders", json=body, headers=headers | {"Idempotency-Key": "x"}
        )
        assert failed.status_code == 500
        orders = client.get("/api/v1/orders", headers=headers).json()["items"]
        assert orders == []
        cash = client.get(f"/api/v1/accounts/{account['id']}", headers=headers).json()
        assert cash["frozen_cash"] == 0


def test_only_admins_read_the_audit_log(client, viewer_headers, admin_headers):
    refused = client.get(AUDIT, headers=viewer_headers)
    assert refused.status_code == 403
    assert refused.headers["content-type"] == "application/problem+json"
    assert client.get(AUDIT).status_code == 401
    assert client.get(AUDIT, headers=admin_headers).status_code == 200


def _fill(app: MyStocksApp, count: int) -> None:
    audit = app.services.audit
    base = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    for i in range(count):
        audit.record(
            Actor(f"user{i % 3}"),
            "market.ingest" if i % 2 else "order.create",
            target=("thing", i),
        )
        # spread the lines over days for the time filters (through the column's type)
        table = Base.metadata.tables["audit_log"]
        with app.services.data.relational.engine.begin() as conn:
            newest = conn.execute(select(func.max(table.c.id))).scalar_one()
            at = base + dt.timedelta(days=i)
            conn.execute(update(table).where(table.c.id == newest).values(at=at))


def _pages(client: TestClient, headers: dict[str, str], **params: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        query = params | ({"cursor": cursor} if cursor else {})
        page = client.get(AUDIT, headers=headers, params=query)
        assert page.status_code == 200, page.text
        items += page.json()["items"]
        cursor = page.json()["next_cursor"]
        if cursor is None:
            return items


def _paging_and_filters(app: MyStocksApp, client: TestClient, headers: dict[str, str]) -> None:
    _fill(app, 12)
    everything = _pages(client, headers, limit=5, actor="user0")
    assert [line["target_id"] for line in everything] == ["9", "6", "3", "0"]
    ids = [line["id"] for line in _pages(client, headers, limit=3)]
    assert ids == sorted(ids, reverse=True) and len(ids) == len(set(ids))
    ingests = _pages(client, headers, action="market.ingest", limit=2)
    assert {line["action"] for line in ingests} == {"market.ingest"} and len(ingests) == 6
    window = _pages(  # an offset other than UTC's counts too
        client, headers, since="2026-01-03T08:00:00+08:00", until="2026-01-06T00:00:00+00:00"
    )
    assert sorted(int(line["target_id"]) for line in window) == [2, 3, 4]
    bad = client.get(
        AUDIT,
        headers=headers,
        params={"since": "2026-01-06T00:00:00Z", "until": "2026-01-01T00:00:00Z"},
    )
    assert bad.status_code == 422
    foreign = client.get(AUDIT, headers=headers, params={"cursor": "b3JkZXJzOjE"})
    assert foreign.status_code == 422


def test_the_audit_log_pages_and_filters_on_sqlite(writable_app):
    app, client, headers = writable_app
    _paging_and_filters(app, client, headers)


@pytest.mark.postgres
def test_orders_are_audited_and_the_log_pages_on_postgres(paper_postgres_app):
    app = paper_postgres_app
    with TestClient(app, client=("198.51.100.9", 40000)) as client:
        headers = login(client, "admin", DEV_ADMIN_PASSWORD)
        order = _trade(app, client, headers)
        lines = _pages(client, headers, action="order.create")
        placed = next(line for line in lines if line["outcome"] == "ok")
        assert placed["target_id"] == str(order["id"]) and placed["client_ip"] == "198.51.100.9"
        assert placed["request_id"] == "req-42"
        _paging_and_filters(app, client, headers)
