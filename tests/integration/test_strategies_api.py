"""Strategies over HTTP, and optimistic locking under real concurrency (SQLite and PostgreSQL)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest

from mystocks.adapters.sql.relational import RelationalStore, make_engine
from mystocks.errors import StaleVersion
from mystocks.strategies.store import StrategyStore

URL = "/api/v1/strategies"
SMA = {
    "name": "sma 5/20",
    "type": "sma_cross",
    "parameters": {"fast": 5, "slow": 20},
    "symbols": ["600036.SH"],
}


def test_catalog_lists_every_type_with_bounds(client, viewer_headers):
    items = client.get("/api/v1/strategy-types", headers=viewer_headers).json()["items"]
    assert {i["type"] for i in items} == {
        "sma_cross",
        "rsi_reversion",
        "bollinger_breakout",
        "macd_trend",
        "momentum",
    }
    sma = next(i for i in items if i["type"] == "sma_cross")
    fast = next(p for p in sma["parameters"] if p["name"] == "fast")
    assert (fast["kind"], fast["minimum"], fast["default"]) == ("integer", 1, 5)


def test_create_read_update_delete_with_etags(writable_app):
    _, client, admin = writable_app
    created = client.post(URL, headers=admin, json=SMA)
    assert created.status_code == 201, created.text
    body = created.json()
    assert created.headers["etag"] == '"1"' and created.headers["location"] == f"{URL}/{body['id']}"
    assert body["status"] == "draft" and body["parameters"] == {"fast": 5, "slow": 20}
    item = f"{URL}/{body['id']}"
    assert client.get(item, headers=admin).headers["etag"] == '"1"'

    missing = client.patch(item, headers=admin, json={"name": "x"})
    assert missing.status_code == 428
    patched = client.patch(
        item,
        headers={**admin, "If-Match": '"1"'},
        json={"parameters": {"slow": 30}, "status": "active"},
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["parameters"] == {"fast": 5, "slow": 30}
    assert patched.headers["etag"] == '"2"'
    stale = client.patch(item, headers={**admin, "If-Match": '"1"'}, json={"name": "late"})
    assert stale.status_code == 412 and "version 2" in stale.json()["detail"]

    replaced = client.put(
        item,
        headers={**admin, "If-Match": '"2"'},
        json={"name": "momentum", "type": "momentum", "symbols": ["AAPL.US"], "parameters": {}},
    )
    assert replaced.status_code == 200, replaced.text
    assert replaced.json()["parameters"] == {"lookback": 20, "threshold": 0.0}
    assert client.delete(item, headers={**admin, "If-Match": '"2"'}).status_code == 412
    assert client.delete(item, headers={**admin, "If-Match": '"3"'}).status_code == 204
    assert client.get(item, headers=admin).status_code == 404


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"parameters": {"fast": 30, "slow": 20}}, "parameters"),  # fast must be below slow
        ({"symbols": ["999999.SH"]}, "symbols"),
    ],
)
def test_rules_beyond_the_schema_are_422(writable_app, change, field):
    _, client, admin = writable_app
    response = client.post(URL, headers=admin, json={**SMA, **change})
    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["name"] == field


def test_bounds_and_discriminator_are_checked_by_the_contract(client, admin_headers):
    out_of_bounds = client.post(
        URL, headers=admin_headers, json={**SMA, "parameters": {"fast": 0, "slow": 20}}
    )
    assert out_of_bounds.status_code == 400
    wrong_shape = client.post(
        URL, headers=admin_headers, json={**SMA, "type": "momentum"}
    )  # sma parameters on momentum
    assert wrong_shape.status_code == 400


def test_owners_see_their_own_and_viewers_cannot_write(writable_app):
    app, client, admin = writable_app
    app.services.auth.ensure_user("trader", "trader-password", "trader")
    app.services.auth.ensure_user("viewer", "viewer-password", "viewer")
    from tests.conftest import login

    trader = login(client, "trader", "trader-password")
    viewer = login(client, "viewer", "viewer-password")
    mine = client.post(URL, headers=trader, json=SMA).json()
    theirs = client.post(URL, headers=admin, json=SMA).json()
    assert [s["id"] for s in client.get(URL, headers=trader).json()["items"]] == [mine["id"]]
    assert client.get(f"{URL}/{theirs['id']}", headers=trader).status_code == 404
    someone_else = client.get(URL, headers=trader, params={"owner": "admin"})
    assert someone_else.status_code == 200 and someone_else.json()["items"] == []
    assert {s["id"] for s in client.get(URL, headers=admin).json()["items"]} >= {
        mine["id"],
        theirs["id"],
    }
    assert client.post(URL, headers=viewer, json=SMA).status_code == 403


def test_list_pages_newest_first(writable_app):
    _, client, admin = writable_app
    ids = [
        client.post(URL, headers=admin, json={**SMA, "name": f"s{i}"}).json()["id"]
        for i in range(5)
    ]
    first = client.get(URL, headers=admin, params={"limit": 3}).json()
    second = client.get(
        URL, headers=admin, params={"limit": 3, "cursor": first["next_cursor"]}
    ).json()
    assert [s["id"] for s in first["items"] + second["items"]] == ids[::-1]
    assert second["next_cursor"] is None


@pytest.fixture(params=["sqlite", "postgresql"])
def strategy_store(request, tmp_path) -> Iterator[StrategyStore]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'lock.db'}"
    else:
        url = request.getfixturevalue("postgres_database")("lock")
    relational = RelationalStore(make_engine(url))
    relational.create_schema()
    yield StrategyStore(relational.engine)
    relational.engine.dispose()


def _race(store: StrategyStore, strategy_id: int, version: int, names: list[str]) -> dict[str, Any]:
    """Two threads released together, each updating from the same version."""
    barrier = threading.Barrier(len(names))
    outcomes: dict[str, Any] = {}

    def write(name: str) -> None:
        barrier.wait()
        try:
            outcomes[name] = store.update(strategy_id, version, {"name": name})
        except StaleVersion as exc:
            outcomes[name] = exc

    threads = [threading.Thread(target=write, args=(name,)) for name in names]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_two_concurrent_writers_exactly_one_wins(strategy_store):
    row = strategy_store.create("alice", {**SMA, "status": "draft"})
    for round_ in range(20):
        version = strategy_store.get(row["id"])["version"]
        outcomes = _race(strategy_store, row["id"], version, [f"w{round_}-1", f"w{round_}-2"])
        wins = [name for name, out in outcomes.items() if isinstance(out, dict)]
        assert len(wins) == 1, outcomes
        final = strategy_store.get(row["id"])
        assert final["version"] == version + 1 and final["name"] == wins[0]  # no lost update
