"""Risk alerts: rules over the API, fired once per crossing on the feed's quotes (by however
many instances), stored, acknowledged, counted on the dashboard and pushed over SSE."""

from __future__ import annotations

import json
from typing import Any

import httpx
from httpx_sse import connect_sse

from mystocks.alerts.service import AlertEngine, condition
from tests.conftest import wait_following
from tests.servers import thread_server

RULES = "/api/v1/alert-rules"
SYMBOL = "600036.SH"


def quote(last: float, change_pct: float = 0.0, volume: int = 1000) -> dict[str, Any]:
    return {
        "symbol": SYMBOL,
        "last": last,
        "change_pct": change_pct,
        "volume": volume,
        "timestamp": "2017-07-26T10:00:00+08:00",
    }


def test_conditions_by_kind():
    above = {"kind": "price_above", "threshold": 10.0}
    assert condition(above, quote(10.01), None) == 10.01
    assert condition(above, quote(10.0), None) is None  # at the line is not above it
    below = {"kind": "price_below", "threshold": 10.0}
    assert condition(below, quote(9.99), None) == 9.99 and condition(below, quote(10), None) is None
    moved = {"kind": "change_pct_beyond", "threshold": 5.0}
    assert condition(moved, quote(1, -5.0), None) == -5.0
    assert condition(moved, quote(1, 4.99), None) is None
    assert condition(moved, {**quote(1), "change_pct": None}, None) is None
    spike = {"kind": "volume_spike", "threshold": 3.0}
    assert condition(spike, quote(1, volume=3000), 1000.0) == 3.0
    assert condition(spike, quote(1, volume=2999), 1000.0) is None
    assert condition(spike, quote(1, volume=10**9), None) is None  # no history, no verdict


def test_a_rule_fires_once_per_crossing(writable_app):
    app, client, admin = writable_app
    body = {"kind": "price_above", "symbol": "600036.sh", "threshold": 26.0, "cooldown_seconds": 0}
    created = client.post(RULES, headers=admin, json=body)
    assert created.status_code == 201, created.text
    rule = created.json()
    assert rule["symbol"] == SYMBOL and rule["armed"] is None and rule["severity"] == "warning"
    engine = app.services.alerts.engine
    prices = [26.5, 25.0, 26.1, 26.3, 25.9, 26.2]  # already above: not a crossing; then 2 up
    fired = [len(engine.on_quotes([quote(p)])) for p in prices]
    assert fired == [0, 0, 1, 0, 0, 1]
    alerts = client.get("/api/v1/alerts", headers=admin).json()["items"]
    assert [a["value"] for a in alerts] == [26.2, 26.1]  # newest first
    assert alerts[0]["message"] == "600036.SH rose above 26.0: 26.2"
    assert client.get("/api/v1/dashboard", headers=admin).json()["risk_alerts_24h"] == 2
    acked = client.post(f"/api/v1/alerts/{alerts[0]['id']}/ack", headers=admin)
    assert acked.status_code == 200 and acked.json()["acknowledged"] is True
    open_ = client.get("/api/v1/alerts", headers=admin, params={"acknowledged": "false"})
    assert [a["value"] for a in open_.json()["items"]] == [26.1]
    assert client.get("/api/v1/dashboard", headers=admin).json()["risk_alerts_24h"] == 1
    assert client.delete(f"{RULES}/{rule['id']}", headers=admin).status_code == 204
    assert engine.on_quotes([quote(25.0)]) == [] and engine.on_quotes([quote(27.0)]) == []
    assert len(client.get("/api/v1/alerts", headers=admin).json()["items"]) == 2  # kept


def test_cooldown_and_two_instances_store_one_alert(writable_app):
    app, client, admin = writable_app
    body = {"kind": "price_below", "symbol": SYMBOL, "threshold": 20.0, "cooldown_seconds": 3600}
    assert client.post(RULES, headers=admin, json=body).status_code == 201
    here = app.services.alerts.engine
    there = AlertEngine(here.store, here.relational, app.services.bus)  # another server
    there.refresh()
    for engine in (here, there):
        assert engine.on_quotes([quote(21.0)]) == []  # first sight: armed
    there.refresh()
    both = [here.on_quotes([quote(19.0)]), there.on_quotes([quote(19.0)])]
    assert sorted(len(f) for f in both) == [0, 1]  # one stores it, the other is refused
    for engine in (here, there):
        engine.on_quotes([quote(21.0)])  # re-armed
    assert here.on_quotes([quote(18.0)]) == []  # crossing again within the cooldown: quiet


def test_bad_rules_are_refused(client, admin_headers):
    unknown = {"kind": "price_above", "symbol": "999999.SH", "threshold": 1}
    answer = client.post(RULES, headers=admin_headers, json=unknown)
    assert answer.status_code == 422 and "999999.SH" in answer.json()["detail"]
    wrong = {"kind": "moon_phase", "symbol": SYMBOL, "threshold": 1}
    assert client.post(RULES, headers=admin_headers, json=wrong).status_code == 400
    for kind in ({"a": 1}, ["price_above"]):  # a discriminator that is not even a string
        odd = client.post(RULES, headers=admin_headers, json={**wrong, "kind": kind})
        assert odd.status_code == 400 and odd.json()["errors"][0]["name"] == "kind", odd.text
    assert client.delete(f"{RULES}/999999", headers=admin_headers).status_code == 404
    assert client.post("/api/v1/alerts/999999/ack", headers=admin_headers).status_code == 404


def test_alerts_are_pushed_over_sse_from_the_feed_quotes(writable_app):
    app, client, admin = writable_app
    body = {"kind": "change_pct_beyond", "symbol": SYMBOL, "threshold": 3.0, "cooldown_seconds": 0}
    assert client.post(RULES, headers=admin, json=body).status_code == 201
    bus = app.services.bus
    with (
        thread_server(app) as base,
        httpx.Client(base_url=base, headers=admin) as http,
        connect_sse(http, "GET", "/api/v1/sse/alerts") as stream,
    ):
        wait_following(app.services.alerts.engine.following_quotes)
        for pct in (1.0, 3.5):  # published as the feed does; the engine takes them in order
            bus.publish("market", "quotes", {"items": [quote(25.0, pct)]})
        received = None
        for sse in stream.iter_sse():
            if sse.event == "risk_alert":
                received = json.loads(sse.data)["data"]
                break
    assert received is not None
    assert received["kind"] == "change_pct_beyond" and received["value"] == 3.5
