"""Watchlists over HTTP: CRUD, ordering, locking, privacy, caps and quotes in one call."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event, select
from sqlalchemy.engine import Engine

from mystocks.adapters.sql.tables import Base
from mystocks.watchlists import service
from tests.conftest import login

URL = "/api/v1/watchlists"


def _symbols(body: dict[str, Any]) -> list[str]:
    return [item["symbol"] for item in body["items"]]


def _create(client: Any, headers: dict[str, str], **body: Any) -> dict[str, Any]:
    created = client.post(URL, headers=headers, json={"name": "banks", **body})
    assert created.status_code == 201, created.text
    return created.json()  # type: ignore[no-any-return]


@pytest.fixture
def two_users(writable_app):
    app, client, admin = writable_app
    app.services.auth.ensure_user("alice", "alice-password", "viewer")
    return app, client, admin, login(client, "alice", "alice-password")


def test_create_read_rename_delete_with_etags(writable_app):
    _, client, admin = writable_app
    created = client.post(
        URL,
        headers=admin,
        json={
            "name": "银行",
            "items": [{"symbol": "600036.sh", "note": "龙头"}, {"symbol": "000001.SZ"}],
        },
    )
    assert created.status_code == 201, created.text
    body = created.json()
    item = f"{URL}/{body['id']}"
    assert created.headers["etag"] == '"1"' and created.headers["location"] == item
    assert body["owner"] == "admin" and body["name"] == "银行"
    assert [(i["symbol"], i["position"], i["note"]) for i in body["items"]] == [
        ("600036.SH", 0, "龙头"),
        ("000001.SZ", 1, None),
    ]
    got = client.get(item, headers=admin)
    assert got.headers["etag"] == '"1"' and got.json() == body

    assert client.patch(item, headers=admin, json={"name": "banks"}).status_code == 428
    renamed = client.patch(item, headers={**admin, "If-Match": '"1"'}, json={"name": "banks"})
    assert renamed.status_code == 200, renamed.text
    assert renamed.headers["etag"] == '"2"' and renamed.json()["name"] == "banks"
    stale = client.patch(item, headers={**admin, "If-Match": '"1"'}, json={"name": "late"})
    assert stale.status_code == 412 and "version 2" in stale.json()["detail"]

    assert client.delete(item, headers=admin).status_code == 428
    assert client.delete(item, headers={**admin, "If-Match": '"1"'}).status_code == 412
    assert client.delete(item, headers={**admin, "If-Match": '"2"'}).status_code == 204
    assert client.get(item, headers=admin).status_code == 404


def test_items_append_move_renumber_and_bump_the_version(writable_app):
    _, client, admin = writable_app
    wl = _create(client, admin)
    items = f"{URL}/{wl['id']}/items"
    for symbol in ("600036.SH", "000001.SZ", "600000.SH"):
        added = client.put(f"{items}/{symbol.lower()}", headers=admin)
        assert added.status_code == 201, added.text
    body = added.json()
    assert _symbols(body) == ["600036.SH", "000001.SZ", "600000.SH"]
    assert added.headers["etag"] == '"4"'

    moved = client.put(f"{items}/600000.SH", headers=admin, json={"position": 0, "note": "浦发"})
    assert moved.status_code == 200, moved.text
    body = moved.json()
    assert _symbols(body) == ["600000.SH", "600036.SH", "000001.SZ"]
    assert [i["position"] for i in body["items"]] == [0, 1, 2]
    assert body["items"][0]["note"] == "浦发" and moved.headers["etag"] == '"5"'

    # Idempotent: the same PUT again leaves the list as it was (only the version moves).
    again = client.put(f"{items}/600000.SH", headers=admin, json={"position": 0, "note": "浦发"})
    assert _symbols(again.json()) == _symbols(body) and again.status_code == 200
    # Without a note the note stays; a position past the end puts it last; null clears it.
    last = client.put(f"{items}/600000.SH", headers=admin, json={"position": 99})
    assert _symbols(last.json()) == ["600036.SH", "000001.SZ", "600000.SH"]
    assert last.json()["items"][2]["note"] == "浦发"
    cleared = client.put(f"{items}/600000.SH", headers=admin, json={"note": None})
    assert cleared.json()["items"][2]["note"] is None

    removed = client.delete(f"{items}/600036.sh", headers=admin)
    assert removed.status_code == 200, removed.text
    assert [(i["symbol"], i["position"]) for i in removed.json()["items"]] == [
        ("000001.SZ", 0),
        ("600000.SH", 1),
    ]
    assert client.delete(f"{items}/600036.SH", headers=admin).status_code == 404

    # If-Match is optional on items, but checked when sent.
    version = client.get(f"{URL}/{wl['id']}", headers=admin).headers["etag"]
    stale = client.put(f"{items}/601398.SH", headers={**admin, "If-Match": '"1"'})
    assert stale.status_code == 412
    fresh = client.put(f"{items}/601398.SH", headers={**admin, "If-Match": version})
    assert fresh.status_code == 201, fresh.text


def test_patch_reorders_with_every_symbol_once(writable_app):
    _, client, admin = writable_app
    seeds = [{"symbol": s} for s in ("600036.SH", "000001.SZ", "600000.SH")]
    wl = _create(client, admin, items=seeds)
    item = f"{URL}/{wl['id']}"
    order = ["600000.SH", "600036.sh", "000001.SZ"]
    done = client.patch(item, headers={**admin, "If-Match": '"1"'}, json={"symbols": order})
    assert done.status_code == 200, done.text
    assert _symbols(done.json()) == ["600000.SH", "600036.SH", "000001.SZ"]
    for bad in (order[:2], [*order[:2], "601398.SH"], [*order, "601398.SH"]):
        refused = client.patch(item, headers={**admin, "If-Match": '"2"'}, json={"symbols": bad})
        assert refused.status_code == 422, bad
        assert refused.json()["errors"][0]["name"] == "symbols"
    # A refused change wrote nothing, its version bump included.
    assert client.get(item, headers=admin).headers["etag"] == '"2"'


def test_unknown_or_repeated_symbols_are_422_naming_them(writable_app):
    _, client, admin = writable_app
    unknown = client.post(
        URL, headers=admin, json={"name": "x", "items": [{"symbol": "999999.SH"}]}
    )
    assert unknown.status_code == 422
    assert unknown.headers["content-type"] == "application/problem+json"
    assert unknown.json()["errors"][0]["name"] == "items[0].symbol"
    twice = [{"symbol": "600036.SH"}, {"symbol": "600036.sh"}]
    repeated = client.post(URL, headers=admin, json={"name": "x", "items": twice})
    assert repeated.status_code == 422
    assert repeated.json()["errors"][0]["name"] == "items[1].symbol"

    wl = _create(client, admin)
    refused = client.put(f"{URL}/{wl['id']}/items/999999.SH", headers=admin)
    assert refused.status_code == 422
    assert refused.json()["errors"][0] == {
        "in": "path",
        "name": "symbol",
        "detail": "999999.SH is not a listed instrument.",
    }


def test_caps_on_lists_and_items(writable_app, monkeypatch):
    _, client, admin = writable_app
    monkeypatch.setattr(service, "MAX_LISTS", 2)
    monkeypatch.setattr(service, "MAX_ITEMS", 2)
    wl = _create(client, admin, items=[{"symbol": "600036.SH"}, {"symbol": "000001.SZ"}])
    _create(client, admin)
    third = client.post(URL, headers=admin, json={"name": "third"})
    assert third.status_code == 422 and "2 watchlists" in third.json()["detail"]
    full = client.put(f"{URL}/{wl['id']}/items/600000.SH", headers=admin)
    assert full.status_code == 422 and "2 items" in full.json()["detail"]
    # Changing an item already there is no new item.
    assert client.put(f"{URL}/{wl['id']}/items/000001.SZ", headers=admin).status_code == 200


def test_watchlists_are_private_even_from_admins(two_users):
    _, client, admin, alice = two_users
    hers = _create(client, alice, items=[{"symbol": "600036.SH"}])  # a viewer may keep lists
    mine = _create(client, admin)
    item = f"{URL}/{hers['id']}"
    assert client.get(item, headers=admin).status_code == 404
    assert client.get(f"{item}/quotes", headers=admin).status_code == 404
    assert (
        client.patch(item, headers={**admin, "If-Match": '"1"'}, json={"name": "x"}).status_code
        == 404
    )
    assert client.delete(item, headers={**admin, "If-Match": '"1"'}).status_code == 404
    assert client.put(f"{item}/items/000001.SZ", headers=admin).status_code == 404
    assert client.delete(f"{item}/items/600036.SH", headers=admin).status_code == 404
    assert [w["id"] for w in client.get(URL, headers=admin).json()["items"]] == [mine["id"]]
    assert [w["id"] for w in client.get(URL, headers=alice).json()["items"]] == [hers["id"]]
    assert client.get(item, headers=alice).json()["version"] == 1  # untouched


def test_list_pages_newest_first(writable_app):
    _, client, admin = writable_app
    ids = [_create(client, admin, name=f"list {i}")["id"] for i in range(3)]
    first = client.get(URL, headers=admin, params={"limit": 2}).json()
    assert [w["id"] for w in first["items"]] == ids[:0:-1]
    second = client.get(URL, headers=admin, params={"limit": 2, "cursor": first["next_cursor"]})
    assert [w["id"] for w in second.json()["items"]] == [ids[0]]
    assert second.json()["next_cursor"] is None
    foreign = client.get(URL, headers=admin, params={"cursor": "c3RyYXRlZ2llczo1"})
    assert foreign.status_code == 422


@contextmanager
def counting(*engines: Engine) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    for engine in engines:
        event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        for engine in engines:
            event.remove(engine, "before_cursor_execute", count)


def test_quotes_of_a_whole_list_in_a_constant_number_of_queries(writable_app):
    app, client, admin = writable_app
    data = app.services.data
    instruments = Base.metadata.tables["instruments"]
    with data.relational.engine.connect() as conn:
        listed = list(
            conn.execute(
                select(instruments.c.symbol).where(instruments.c.market == "CN").limit(200)
            ).scalars()
        )
    with_data = ["600036.SH", "000001.SZ", "AAPL.US"]
    small = _create(client, admin, items=[{"symbol": s} for s in with_data])
    big_symbols = with_data + [s for s in listed if s not in with_data][:197]
    big = _create(client, admin, items=[{"symbol": s, "note": s[:3]} for s in big_symbols])
    engines = (data.relational.engine, data.timeseries.engine)  # type: ignore[attr-defined]

    def quotes(wl: dict[str, Any]) -> tuple[dict[str, Any], int]:
        with counting(*engines) as statements:
            answer = client.get(f"{URL}/{wl['id']}/quotes", headers=admin)
        assert answer.status_code == 200, answer.text
        return answer.json(), len(statements)

    few, few_queries = quotes(small)
    many, many_queries = quotes(big)
    assert many_queries == few_queries, (few_queries, many_queries)
    assert [i["symbol"] for i in few["items"]] == with_data
    assert few["items"][0]["quote"]["symbol"] == "600036.SH" and few["version"] == 1
    assert few["items"][2]["quote"]["name"]
    assert [i["symbol"] for i in many["items"]] == big_symbols
    assert [i["position"] for i in many["items"]] == list(range(200))
    assert many["items"][5]["note"] == big_symbols[5][:3]
    # The same quote as the market endpoint's, for a symbol with data.
    market = client.get("/api/v1/market/quotes/600036.SH", headers=admin).json()
    assert few["items"][0]["quote"] == market


@pytest.fixture(scope="module")
def pg_app(postgres_database, tmp_path_factory):
    from starlette.testclient import TestClient

    from mystocks.app import create_app
    from mystocks.settings import DEV_ADMIN_PASSWORD
    from tests.conftest import make_settings

    url = postgres_database("watchlists")
    settings = make_settings(tmp_path_factory.mktemp("pgwl"), database_url=url, timeseries_url=url)
    app = create_app(settings)
    assert app.services.data.relational.backend == "postgresql"
    with TestClient(app) as client:
        yield app, client, login(client, "admin", DEV_ADMIN_PASSWORD)


def test_concurrent_item_puts_keep_positions_dense_on_postgres(pg_app):
    from concurrent.futures import ThreadPoolExecutor

    _, client, admin = pg_app
    wl = _create(client, admin)
    symbols = ["600036.SH", "000001.SZ", "600000.SH", "601398.SH", "000002.SZ", "600519.SH"]

    def put(symbol: str) -> int:
        answer = client.put(f"{URL}/{wl['id']}/items/{symbol}", headers=admin, json={"position": 0})
        return int(answer.status_code)

    with ThreadPoolExecutor(len(symbols)) as pool:
        assert sorted(pool.map(put, symbols)) == [201] * len(symbols)
    body = client.get(f"{URL}/{wl['id']}", headers=admin).json()
    assert sorted(_symbols(body)) == sorted(symbols)
    assert [i["position"] for i in body["items"]] == list(range(len(symbols)))
    assert body["version"] == 1 + len(symbols)
    quotes = client.get(f"{URL}/{wl['id']}/quotes", headers=admin).json()
    assert [i["symbol"] for i in quotes["items"]] == _symbols(body)
