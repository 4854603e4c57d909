"""Live strategy signals: start and stop with optimistic locking, and a stored day replayed
through the live path gives exactly the signals the backtest's own signal code gives over the
same bars."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

import numpy as np
from starlette.testclient import TestClient

from mystocks.backtest.strategies import target_positions
from mystocks.domain.indicators import OHLC
from tests.conftest import wait_following

URL = "/api/v1/strategies"
SYMBOL = "600036.SH"


def create(client: TestClient, admin: dict[str, str], period: str, **parameters: Any) -> Any:
    body = {
        "name": f"live {period}",
        "symbols": [SYMBOL],
        "type": "sma_cross",
        "parameters": parameters,
        "period": period,
    }
    created = client.post(URL, headers=admin, json=body)
    assert created.status_code == 201, created.text
    return created


def last_stored_day(client: TestClient, admin: dict[str, str]) -> str:
    bars = client.get(f"/api/v1/market/bars/{SYMBOL}", headers=admin, params={"period": "1m"})
    days = sorted({b["ts"][:10] for b in bars.json()["items"]})
    assert len(days) >= 3, days
    return days[-1]


def test_start_and_stop_follow_the_version(writable_app):
    _, client, admin = writable_app
    created = create(client, admin, "5m", fast=5, slow=20)
    strategy, etag = created.json(), created.headers["etag"]
    assert strategy["live"] == "stopped" and strategy["live_since"] is None
    assert strategy["period"] == "5m"
    start = f"{URL}/{strategy['id']}/start"
    assert client.post(start, headers=admin).status_code == 428
    started = client.post(start, headers={**admin, "If-Match": etag})
    assert started.status_code == 200 and started.json()["live"] == "running"
    assert started.json()["live_since"] is not None
    stale = client.post(f"{URL}/{strategy['id']}/stop", headers={**admin, "If-Match": etag})
    assert stale.status_code == 412  # started since: that ETag is old
    stopped = client.post(
        f"{URL}/{strategy['id']}/stop", headers={**admin, "If-Match": started.headers["etag"]}
    )
    assert stopped.json()["live"] == "stopped" and stopped.json()["version"] == 3
    weekly = create(client, admin, "1w").json()
    refused = client.post(f"{URL}/{weekly['id']}/start", headers={**admin, "If-Match": '"1"'})
    assert refused.status_code == 422 and "1w" in refused.json()["detail"]


def reference_signals(app: Any, strategy: dict[str, Any], day: str) -> list[tuple[str, str, float]]:
    """The backtest's signal code over the stored bars: history before `day` and `day`."""
    market = app.services.market
    inst = market.instrument(SYMBOL)
    end = dt.date.fromisoformat(day)
    full = market.series(inst, strategy["period"], end - dt.timedelta(days=30), end)
    ohlc = OHLC(full.open, full.high, full.low, full.close, full.volume.astype(float))
    target = target_positions(strategy["type"], strategy["parameters"], ohlc)
    first = int(np.searchsorted(full.local, np.datetime64(day, "s")))
    out = []
    for i in range(max(first, 1), len(full)):
        if target[i] != target[i - 1]:
            stamp = str(full.local[i].astype("datetime64[s]")) + "+08:00"
            out.append(("buy" if target[i] else "sell", stamp, float(full.close[i])))
    return out


def test_a_replayed_day_gives_the_backtest_signals(writable_app):
    app, client, admin = writable_app
    day = last_stored_day(client, admin)
    created = create(client, admin, "5m", fast=3, slow=8)
    strategy = created.json()
    started = client.post(
        f"{URL}/{strategy['id']}/start", headers={**admin, "If-Match": created.headers["etag"]}
    )
    assert started.status_code == 200
    minutes = client.get(
        f"/api/v1/market/bars/{SYMBOL}",
        headers=admin,
        params={"period": "1m", "start": day, "end": day},
    ).json()["items"]
    assert len(minutes) == 240
    expected = reference_signals(app, strategy, day)
    assert expected, "the chosen parameters should trade on that day"
    bus = app.services.bus
    wait_following(app.services.live.following)
    for i in range(0, len(minutes), 7):  # as the feed publishes them: a few per window
        chunk = [{**bar, "symbol": SYMBOL, "period": "1m"} for bar in minutes[i : i + 7]]
        bus.publish("market", "bars", {"items": chunk})
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        page = client.get(f"{URL}/{strategy['id']}/signals", headers=admin, params={"limit": 500})
        got = [(s["side"], s["bar_time"], s["price"]) for s in reversed(page.json()["items"])]
        if len(got) >= len(expected):
            break
        time.sleep(0.2)
    assert got == expected
    # The same bars again (another instance, or a replay): no duplicate signals.
    app.services.live.refresh()
    assert app.services.live.on_bars([]) == []
