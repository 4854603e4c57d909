"""API keys: creation, scopes, exchange-style signed requests, tampering, replays, revocation.

Requests are signed as a program would sign them (`mystocks_sdk.signature_headers`, over the
path, query and body exactly as they are sent), then tampered with part by part.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from mystocks_sdk import signature_headers
from starlette.testclient import TestClient

from mystocks.app import MyStocksApp, create_app
from tests.conftest import app_on_copy, login, make_settings

KEYS = "/api/v1/api-keys"
ME = "/api/v1/users/me"
BARS = "/api/v1/market/bars/600036.SH"


def make_key(client: TestClient, headers: dict[str, str], scopes: list[str]) -> dict[str, Any]:
    answer = client.post(KEYS, json={"name": "bot", "scopes": scopes}, headers=headers)
    assert answer.status_code == 201, answer.text
    assert answer.headers["cache-control"] == "no-store"
    return answer.json()  # type: ignore[no-any-return]


def send(
    client: TestClient,
    key: dict[str, Any],
    method: str,
    path: str,
    *,
    params: dict[str, Any] | None = None,
    body: Any = None,
    tamper: dict[str, Any] | None = None,
    extra: dict[str, str] | None = None,
    **sign_options: Any,
) -> Any:
    """Sign a request for `key`, then (to test the server) change what `tamper` names after
    signing: method, path, query, body or one of the headers."""
    query = urlencode(params or {})
    raw = b"" if body is None else json.dumps(body).encode()
    headers = signature_headers(
        key["key_id"], key["secret"], method, path, query, raw, **sign_options
    )
    tamper = tamper or {}
    method = tamper.get("method", method)
    path = tamper.get("path", path)
    query = tamper.get("query", query)
    raw = tamper.get("body", raw)
    headers.update(tamper.get("headers", {}))
    headers.update(extra or {})
    if raw:
        headers["Content-Type"] = "application/json"
    url = f"{path}?{query}" if query else path
    return client.request(method, url, content=raw or None, headers=headers)


def once() -> dict[str, str]:
    return {"Idempotency-Key": uuid.uuid4().hex}


def refused(answer: Any, code: str, status: int = 401) -> None:
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    problem = answer.json()
    assert problem["code"] == code, problem
    assert problem["detail"]


@pytest.fixture
def keyed(paper_app: tuple[MyStocksApp, TestClient]) -> Iterator[tuple[TestClient, dict, dict]]:
    """A client, the admin's bearer headers, and an admin key with every scope."""
    _, client = paper_app
    admin = login(client, "admin", "mystocks-admin")
    yield client, admin, make_key(client, admin, ["read", "trade", "admin"])


def test_a_signed_request_passes_and_acts_as_the_owner(keyed):
    client, _, key = keyed
    assert key["secret"].startswith("mss_") and key["status"] == "active"
    me = send(client, key, "GET", ME)
    assert me.status_code == 200, me.text
    assert me.json()["username"] == "admin"
    bars = send(client, key, "GET", BARS, params={"period": "1d", "limit": 3})
    assert bars.status_code == 200, bars.text
    assert len(bars.json()["items"]) == 3
    body = {"name": "signed", "initial_cash": 1_000_000}
    created = send(client, key, "POST", "/api/v1/accounts", body=body)
    assert created.status_code == 201, created.text


@pytest.mark.parametrize(
    "tamper",
    [
        {"method": "POST"},
        {"path": "/api/v1/watchlists"},
        {"query": "limit=4"},
        {"body": b'{"name": "x"}'},
        {"headers": {"X-MS-TIMESTAMP": "a second earlier"}},  # made at run time, below
        {"headers": {"X-MS-NONCE": "another-nonce-0123456789"}},
    ],
    ids=["method", "path", "query", "body", "timestamp", "nonce"],
)
def test_each_tampered_part_fails(keyed, tamper):
    client, _, key = keyed
    if tamper.get("headers", {}).get("X-MS-TIMESTAMP"):
        tamper = {"headers": {"X-MS-TIMESTAMP": str(int(time.time() * 1000) - 1000)}}
    # GET and POST /api/v1/accounts both exist, as do GET /accounts and GET /watchlists.
    answer = send(client, key, "GET", "/api/v1/accounts", params={"limit": 3}, tamper=tamper)
    refused(answer, "signature_mismatch")
    assert answer.headers["www-authenticate"].startswith("Bearer")


def test_a_wrong_secret_or_unknown_key_fails(keyed):
    client, _, key = keyed
    refused(send(client, {**key, "secret": "mss_guess"}, "GET", ME), "signature_mismatch")
    refused(send(client, {**key, "key_id": "mk_0123456789abcdef"}, "GET", ME), "unknown_key")


def test_a_timestamp_outside_the_window_fails_even_when_signed(keyed):
    client, _, key = keyed
    old = int(time.time() * 1000) - 31_000
    refused(send(client, key, "GET", ME, timestamp_ms=old), "timestamp_outside_window")
    ahead = int(time.time() * 1000) + 31_000
    refused(send(client, key, "GET", ME, timestamp_ms=ahead), "timestamp_outside_window")
    inside = int(time.time() * 1000) - 20_000
    assert send(client, key, "GET", ME, timestamp_ms=inside).status_code == 200


def test_a_replay_within_the_window_fails(keyed):
    client, _, key = keyed
    nonce = uuid.uuid4().hex
    timestamp = int(time.time() * 1000)
    first = send(client, key, "GET", ME, nonce=nonce, timestamp_ms=timestamp)
    assert first.status_code == 200, first.text
    replay = send(client, key, "GET", ME, nonce=nonce, timestamp_ms=timestamp)
    refused(replay, "nonce_reused")
    # A request that fails its signature does not use up the nonce it names.
    fresh = uuid.uuid4().hex
    refused(
        send(client, key, "GET", ME, nonce=fresh, tamper={"query": "x=1"}), "signature_mismatch"
    )
    assert send(client, key, "GET", ME, nonce=fresh).status_code == 200


def test_missing_or_malformed_headers_are_named(keyed):
    client, _, key = keyed
    answer = client.get(ME, headers={"X-MS-APIKEY": key["key_id"]})
    refused(answer, "signature_headers_missing")
    assert "X-MS-SIGNATURE" in answer.json()["detail"]
    malformed = send(client, key, "GET", ME, tamper={"headers": {"X-MS-NONCE": "short"}})
    refused(malformed, "signature_headers_malformed")
    assert "X-MS-NONCE" in malformed.json()["detail"]


def test_a_key_without_the_trade_scope_cannot_place_an_order(keyed):
    client, admin, full = keyed
    account = send(
        client, full, "POST", "/api/v1/accounts", body={"name": "a", "initial_cash": 1e6}
    )
    assert account.status_code == 201, account.text
    reader = make_key(client, admin, ["read"])
    order = {
        "account_id": account.json()["id"],
        "symbol": "600036.SH",
        "side": "buy",
        "type": "market",
        "quantity": 100,
    }
    denied = send(client, reader, "POST", "/api/v1/orders", body=order, extra=once())
    assert denied.status_code == 403, denied.text
    assert "trade scope" in denied.json()["detail"]
    assert (
        send(client, reader, "GET", f"/api/v1/accounts/{account.json()['id']}").status_code == 200
    )
    # Screening is a read, though it is a POST; ingest needs the admin scope.
    screen = send(client, reader, "POST", "/api/v1/screens/run", body={"builtin": "breakout_20d"})
    assert screen.status_code == 200, screen.text
    bar = {"symbol": "600036.SH", "ts": "2017-07-27T00:00:00+08:00", "open": 24.36, "high": 24.8}
    bar |= {"low": 24.3, "close": 24.71, "volume": 51234500}
    ingest = send(
        client, reader, "POST", "/api/v1/market/bars", body={"period": "1d", "items": [bar]}
    )
    assert ingest.status_code == 403, ingest.text
    placed = send(client, full, "POST", "/api/v1/orders", body=order, extra=once())
    assert placed.status_code == 201, placed.text


def test_keys_cannot_manage_keys_or_exceed_the_owners_role(keyed, paper_app):
    app, client = paper_app
    _, admin, key = keyed
    listed = send(client, key, "GET", KEYS)
    assert listed.status_code == 401, listed.text  # bearer only
    app.services.auth.ensure_user("viewer", "viewer-password", "viewer")
    viewer = login(client, "viewer", "viewer-password")
    too_much = client.post(KEYS, json={"name": "x", "scopes": ["read", "trade"]}, headers=viewer)
    assert too_much.status_code == 422 and too_much.json()["errors"][0]["name"] == "scopes"
    mine = make_key(client, viewer, ["read"])
    keys = client.get(KEYS, headers=viewer).json()["items"]
    assert [k["key_id"] for k in keys] == [mine["key_id"]]
    assert "secret" not in keys[0]
    # Another user's key is not found, not revocable.
    assert client.delete(f"{KEYS}/{mine['key_id']}", headers=admin).status_code == 404


def test_the_secret_is_stored_encrypted(keyed, paper_app):
    app, _ = paper_app
    _, _, key = keyed
    row = app.services.api_keys.store.for_request(key["key_id"])
    assert row is not None and key["secret"] not in row["secret"]
    assert app.services.api_keys.fernet.decrypt(row["secret"].encode()).decode() == key["secret"]


def test_an_expired_key_fails(keyed, paper_app):
    app, client = paper_app
    _, admin, _ = keyed
    key = make_key(client, admin, ["read"])
    from sqlalchemy import text

    with app.services.data.relational.engine.begin() as conn:
        conn.execute(
            text("UPDATE api_keys SET expires_at = :at WHERE key_id = :k"),
            {"at": "2020-01-01 00:00:00", "k": key["key_id"]},
        )
    refused(send(client, key, "GET", ME), "key_expired")
    listed = client.get(KEYS, headers=admin).json()["items"]
    assert {k["key_id"]: k["status"] for k in listed}[key["key_id"]] == "expired"


def test_a_revoked_key_fails_on_every_instance(
    postgres_sample_database: Any, redis_url: str, redis_prefix: str, tmp_path: Path
):
    """Two server instances on one PostgreSQL and one Redis: a key revoked through one is
    refused by both, and a nonce used on one cannot be replayed on the other."""
    url = postgres_sample_database("apikeys")
    settings = make_settings(
        tmp_path,
        database_url=url,
        timeseries_url=url,
        redis_url=redis_url,
        redis_prefix=redis_prefix,
    )
    a, b = create_app(settings), create_app(settings)
    with TestClient(a) as on_a, TestClient(b) as on_b:
        key = make_key(on_a, login(on_a, "admin", "mystocks-admin"), ["read"])
        assert send(on_a, key, "GET", ME).status_code == 200
        assert send(on_b, key, "GET", ME).status_code == 200
        nonce = uuid.uuid4().hex
        stamp = int(time.time() * 1000)
        assert send(on_a, key, "GET", ME, nonce=nonce, timestamp_ms=stamp).status_code == 200
        refused(send(on_b, key, "GET", ME, nonce=nonce, timestamp_ms=stamp), "nonce_reused")

        revoked = on_b.delete(
            f"{KEYS}/{key['key_id']}", headers=login(on_b, "admin", "mystocks-admin")
        )
        assert revoked.status_code == 204
        for client in (on_a, on_b):
            refused(send(client, key, "GET", ME), "key_revoked")
    a.services.data.dispose()
    b.services.data.dispose()


def test_apps_without_redis_still_refuse_replays(template_dir: Path, tmp_path: Path):
    app = app_on_copy(template_dir, tmp_path)
    with TestClient(app) as client:
        key = make_key(client, login(client, "admin", "mystocks-admin"), ["read"])
        nonce, stamp = uuid.uuid4().hex, int(time.time() * 1000)
        assert send(client, key, "GET", ME, nonce=nonce, timestamp_ms=stamp).status_code == 200
        refused(send(client, key, "GET", ME, nonce=nonce, timestamp_ms=stamp), "nonce_reused")


def test_key_changes_and_keyed_orders_are_audited(keyed):
    client, admin, key = keyed
    account = send(client, key, "POST", "/api/v1/accounts", body={"name": "a", "initial_cash": 1e6})
    order = {"account_id": account.json()["id"], "symbol": "600036.SH", "side": "buy"}
    order |= {"type": "market", "quantity": 100}
    placed = send(client, key, "POST", "/api/v1/orders", body=order, extra=once())
    assert placed.status_code == 201, placed.text
    assert client.delete(f"{KEYS}/{key['key_id']}", headers=admin).status_code == 204
    assert client.delete(f"{KEYS}/{key['key_id']}", headers=admin).status_code == 204  # no-op

    def lines(action: str) -> list[dict[str, Any]]:
        page = client.get("/api/v1/audit", params={"action": action}, headers=admin)
        assert page.status_code == 200, page.text
        return page.json()["items"]  # type: ignore[no-any-return]

    created = lines("api_key.create")
    assert [(e["target_id"], e["actor"]) for e in created] == [(key["key_id"], "admin")]
    assert created[0]["details"]["scopes"] == ["read", "trade", "admin"]
    assert [e["target_id"] for e in lines("api_key.revoke")] == [key["key_id"]]  # once
    by_key = lines("order.create")
    assert [(e["actor_kind"], e["key_id"]) for e in by_key] == [("api_key", key["key_id"])]
