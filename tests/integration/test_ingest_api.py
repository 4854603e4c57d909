"""Ingest: admin only, bounded batches, all or nothing."""

from __future__ import annotations

from typing import Any

TICKS = "/api/v1/market/ticks"
BARS = "/api/v1/market/bars"


def tick(
    ts: str, price: float = 25.0, volume: int = 100, symbol: str = "600036.SH"
) -> dict[str, Any]:
    return {"symbol": symbol, "ts": ts, "price": price, "volume": volume}


def test_ingest_ticks_moves_the_quote(writable_app):
    _, client, admin = writable_app
    batch = {
        "items": [
            tick("2017-07-27T09:30:03+08:00", 25.9, 1200),
            tick("2017-07-27T09:30:06+08:00", 26.1, 800),
        ]
    }
    response = client.post(TICKS, headers=admin, json=batch)
    assert response.status_code == 200, response.text
    assert response.json() == {"written": 2, "symbols": ["600036.SH"]}
    quote = client.get("/api/v1/market/quotes/600036.SH", headers=admin).json()
    assert quote["last"] == 26.1 and quote["open"] == 25.9 and quote["volume"] == 2000
    assert quote["timestamp"] == "2017-07-27T09:30:06+08:00" and quote["source"] == "real"


def test_same_symbol_and_time_last_write_wins(writable_app):
    _, client, admin = writable_app
    ts = "2017-07-27T09:31:00+08:00"
    client.post(TICKS, headers=admin, json={"items": [tick(ts, 25.0)]})
    client.post(TICKS, headers=admin, json={"items": [tick(ts, 25.5), tick(ts, 25.7)]})
    page = client.get(
        f"{TICKS}/600036.SH", headers=admin, params={"start": "2017-07-27T09:31:00+08:00"}
    ).json()
    assert [t["price"] for t in page["items"]] == [25.7]


def test_a_bad_row_writes_nothing(writable_app):
    _, client, admin = writable_app
    before = client.get(
        f"{TICKS}/600036.SH", headers=admin, params={"start": "2017-07-28T00:00:00+08:00"}
    ).json()["items"]
    batch = {
        "items": [
            tick("2017-07-28T09:30:03+08:00"),
            tick("2017-07-28T09:30:06+08:00", symbol="999999.SH"),
        ]
    }
    response = client.post(TICKS, headers=admin, json=batch)
    assert response.status_code == 422, response.text
    assert response.json()["errors"] == [
        {"in": "body", "name": "items[1].symbol", "detail": "999999.SH is not a listed instrument"}
    ]
    after = client.get(
        f"{TICKS}/600036.SH", headers=admin, params={"start": "2017-07-28T00:00:00+08:00"}
    ).json()["items"]
    assert before == after == []


def test_bar_rules_are_checked_before_writing(writable_app):
    _, client, admin = writable_app
    bar = {
        "symbol": "600036.SH",
        "ts": "2017-07-27T00:00:00+08:00",
        "open": 25.0,
        "high": 24.0,
        "low": 25.2,
        "close": 25.5,
        "volume": 1000,
    }
    response = client.post(BARS, headers=admin, json={"period": "1d", "items": [bar]})
    assert response.status_code == 422
    assert {e["name"] for e in response.json()["errors"]} == {"items[0].high", "items[0].low"}
    daily = client.get(f"{BARS}/600036.SH", headers=admin, params={"start": "2017-07-27"}).json()
    assert daily["items"] == []


def test_ingest_daily_bar_then_read_it(writable_app):
    _, client, admin = writable_app
    bar = {
        "symbol": "600036.sh",
        "ts": "2017-07-27T07:00:00Z",
        "open": 25.6,
        "high": 26.0,
        "low": 25.5,
        "close": 25.9,
        "volume": 1000,
    }
    response = client.post(BARS, headers=admin, json={"period": "1d", "items": [bar]})
    assert response.status_code == 200, response.text
    items = client.get(f"{BARS}/600036.SH", headers=admin, params={"start": "2017-07-27"}).json()[
        "items"
    ]
    assert items == [
        {
            "ts": "2017-07-27T00:00:00+08:00",
            "open": 25.6,
            "high": 26.0,
            "low": 25.5,
            "close": 25.9,
            "volume": 1000,
            "amount": 25900.0,
        }
    ]


def test_ingest_needs_admin(client, viewer_headers):
    response = client.post(
        TICKS, headers=viewer_headers, json={"items": [tick("2017-07-27T09:30:03+08:00")]}
    )
    assert response.status_code == 403
    assert "admin" in response.json()["detail"]


def test_batch_size_is_bounded(client, admin_headers):
    items = [tick("2017-08-01T09:30:00+08:00") for _ in range(10_001)]
    response = client.post(TICKS, headers=admin_headers, json={"items": items})
    assert response.status_code == 400
    assert response.json()["errors"][0]["name"] == "items"


def test_malformed_bodies_are_400_or_415(client, admin_headers):
    assert client.post(TICKS, headers=admin_headers, content=b"{").status_code == 400
    response = client.post(
        TICKS, headers={**admin_headers, "Content-Type": "text/csv"}, content=b"a,b"
    )
    assert response.status_code == 415
    assert response.headers["content-type"] == "application/problem+json"
    naive = client.post(TICKS, headers=admin_headers, json={"items": [tick("2017-07-27T09:30:03")]})
    assert naive.status_code == 400 and "offset" in naive.json()["detail"]
