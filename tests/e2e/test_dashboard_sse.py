"""The dashboard stream over real HTTP (uvicorn in a thread; Starlette's TestClient would hand
over a streamed body only once it ended, which hides when each event was sent)."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from httpx_sse import connect_sse

from mystocks.settings import DEV_ADMIN_PASSWORD
from tests.conftest import app_on_copy

STREAM = "/api/v1/sse/dashboard"


@pytest.fixture
def live(template_dir: Path, tmp_path: Path) -> Iterator[str]:
    app = app_on_copy(template_dir, tmp_path, sse_heartbeat_seconds=0.5, sse_max_seconds=30)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(30)


def _login(base: str) -> dict[str, str]:
    form = {"username": "admin", "password": DEV_ADMIN_PASSWORD}
    token = httpx.post(f"{base}/api/v1/auth/token", data=form).json()["access_token"]
    return {"Authorization": f"Bearer {token}"}


def _burst(base: str, headers: dict[str, str], prices: list[float]) -> None:
    """Ticks of 600036.SH every 0.1 s after the sample day's last one: each changes the snapshot."""
    with httpx.Client(base_url=base, headers=headers) as http:
        for i, price in enumerate(prices):
            stamp = f"2017-07-26T14:59:5{1 + i // 10}.{i % 10}00+08:00"
            item = {"symbol": "600036.SH", "ts": stamp, "price": price, "volume": 100}
            assert http.post("/api/v1/market/ticks", json={"items": [item]}).status_code == 200
            time.sleep(0.1)


def _last_of(snapshot: dict[str, Any], symbol: str) -> float | None:
    for mover in snapshot["movers"]["turnover"]:
        if mover["symbol"] == symbol:
            return float(mover["last"])
    return None


def test_stream_dashboard_pushes_changes_at_most_once_a_second(live):
    headers = _login(live)
    prices = [round(25.60 + 0.01 * i, 2) for i in range(25)]
    arrivals: list[tuple[float, dict[str, Any]]] = []
    burst = threading.Thread(target=_burst, args=(live, headers, prices))
    with (
        httpx.Client(base_url=live, headers=headers, timeout=30) as http,
        connect_sse(http, "GET", STREAM) as source,
    ):
        assert source.response.headers["content-type"].startswith("text/event-stream")
        for sse in source.iter_sse():
            if sse.retry is not None and not sse.data:
                continue  # the reconnection delay the stream opens with
            envelope = json.loads(sse.data)
            assert sse.event == envelope["type"] == "dashboard_update"
            assert sse.id == envelope["id"]
            arrivals.append((time.monotonic(), envelope))
            if len(arrivals) == 1:
                burst.start()  # the change comes after the first snapshot
            elif not burst.is_alive() and _last_of(envelope["data"], "600036.SH") == prices[-1]:
                break
            assert time.monotonic() < arrivals[0][0] + 20, "the last change never came"
    burst.join()

    first, later = arrivals[0][1]["data"], [e["data"] for _, e in arrivals[1:]]
    assert _last_of(first, "600036.SH") == 25.56  # the sample's last simulated price
    assert first["ingest_rows_per_second"] == 0 and later[-1]["ingest_rows_per_second"] > 0
    # 25 changes in 2.5 s, yet about one event a second.
    assert 2 <= len(later) <= 6, len(later)
    assert len({e["id"] for _, e in arrivals}) == len(arrivals)  # each a different snapshot
    stamps = [dt.datetime.fromisoformat(e["occurred_at"]) for _, e in arrivals]
    assert all((b - a).total_seconds() >= 1.0 for a, b in itertools.pairwise(stamps))
    # Arrival times carry the client's own scheduling noise (the burst runs beside the reader).
    gaps = [b - a for (a, _), (b, _) in itertools.pairwise(arrivals)]
    assert min(gaps) >= 0.95, gaps


def test_stream_dashboard_needs_a_token_and_sends_heartbeats(live):
    refused = httpx.get(f"{live}{STREAM}")
    assert refused.status_code == 401
    assert refused.headers["content-type"].startswith("application/problem+json")
    lines: list[str] = []
    with httpx.stream("GET", f"{live}{STREAM}", headers=_login(live), timeout=10) as response:
        assert response.status_code == 200 and response.headers["cache-control"] == "no-cache"
        for line in response.iter_lines():
            lines.append(line)
            if line.startswith(":"):
                break  # nothing changed since the first snapshot: a heartbeat
    assert lines[0] == "retry: 2000" and lines[-1] == ": keep-alive"
    assert sum(line.startswith("event: dashboard_update") for line in lines) == 1


def test_stream_dashboard_with_a_watchlist_carries_its_quotes(live):
    headers = _login(live)
    seeds = {"name": "sse", "items": [{"symbol": "600036.SH", "note": "招行"}]}
    created = httpx.post(f"{live}/api/v1/watchlists", headers=headers, json=seeds)
    assert created.status_code == 201, created.text
    params = {"watchlist": created.json()["id"]}
    with (
        httpx.Client(base_url=live, headers=headers, timeout=30) as http,
        connect_sse(http, "GET", STREAM, params=params) as source,
    ):
        for sse in source.iter_sse():
            if sse.data:
                shown = json.loads(sse.data)["data"]["watchlist"]
                break
    assert shown["watchlist_id"] == params["watchlist"]
    assert shown["items"][0]["note"] == "招行"
    assert shown["items"][0]["quote"]["last"] == 25.56
