"""The dashboard stream over real HTTP (uvicorn in a thread; Starlette's TestClient would hand
over a streamed body only once it ended, which hides when each event was sent)."""

from __future__ import annotations

import datetime as dt
import itertools
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from httpx_sse import connect_sse
from mystocks_client.api.market import ingest_ticks
from mystocks_client.api.watchlists import create_watchlist
from mystocks_client.models import (
    Dashboard,
    DashboardUpdateEvent,
    IngestResult,
    Quote,
    TickIngest,
    TickIngestItem,
    Watchlist,
    WatchlistInput,
    WatchlistItemSeed,
    WatchlistQuotes,
)
from mystocks_sdk import Client

from mystocks.settings import DEV_ADMIN_PASSWORD
from tests.conftest import app_on_copy
from tests.e2e.sdk import on

STREAM = "/api/v1/sse/dashboard"
CST = dt.timezone(dt.timedelta(hours=8))


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


def _login(base: str) -> Client:
    return Client.login(base, "admin", DEV_ADMIN_PASSWORD)


def _burst(base: str, admin: Client, prices: list[float]) -> None:
    """Ticks of 600036.SH every 0.1 s after the sample day's last one: each changes the snapshot."""
    with on(base, admin) as client:  # a connection of its own, beside the reader's
        for i, price in enumerate(prices):
            stamp = dt.datetime(2017, 7, 26, 14, 59, 51 + i // 10, i % 10 * 100_000, tzinfo=CST)
            item = TickIngestItem(symbol="600036.SH", ts=stamp, price=price, volume=100)
            ingested = client.call(ingest_ticks.sync_detailed, body=TickIngest(items=[item]))
            assert isinstance(ingested, IngestResult)  # 200, the only success it has
            time.sleep(0.1)


def _last_of(snapshot: Dashboard, symbol: str) -> float | None:
    for mover in snapshot.movers.turnover:
        if mover.symbol == symbol:
            return float(mover.last)
    return None


def test_stream_dashboard_pushes_changes_at_most_once_a_second(live: str) -> None:
    admin = _login(live)
    prices = [round(25.60 + 0.01 * i, 2) for i in range(25)]
    arrivals: list[tuple[float, DashboardUpdateEvent]] = []
    burst = threading.Thread(target=_burst, args=(live, admin, prices))
    # The frames themselves, over the SDK's connection: the point is when each is sent.
    with admin, connect_sse(admin.http, "GET", STREAM) as source:
        assert source.response.headers["content-type"].startswith("text/event-stream")
        for sse in source.iter_sse():
            if not sse.data:
                # The reconnection delay the stream opens with, or a heartbeat comment (which
                # httpx-sse hands over as an empty event once an id has been seen).
                continue
            arrived = time.monotonic()
            envelope = DashboardUpdateEvent.from_dict(sse.json())
            assert sse.event == envelope.type_ == "dashboard_update"
            assert sse.id == envelope.id
            arrivals.append((arrived, envelope))
            if len(arrivals) == 1:
                burst.start()  # the change comes after the first snapshot
            elif not burst.is_alive() and _last_of(envelope.data, "600036.SH") == prices[-1]:
                break
            assert time.monotonic() < arrivals[0][0] + 20, "the last change never came"
    burst.join()

    first, later = arrivals[0][1].data, [e.data for _, e in arrivals[1:]]
    assert _last_of(first, "600036.SH") == 25.56  # the sample's last simulated price
    assert first.ingest_rows_per_second == 0
    assert (later[-1].ingest_rows_per_second or 0) > 0
    # 25 changes in 2.5 s, yet about one event a second.
    assert 2 <= len(later) <= 6, len(later)
    assert len({e.id for _, e in arrivals}) == len(arrivals)  # each a different snapshot
    stamps = [e.occurred_at for _, e in arrivals]
    assert all((b - a).total_seconds() >= 1.0 for a, b in itertools.pairwise(stamps))
    # Arrival times carry the client's own scheduling noise (the burst runs beside the reader).
    gaps = [b - a for (a, _), (b, _) in itertools.pairwise(arrivals)]
    assert min(gaps) >= 0.95, gaps


def test_stream_dashboard_needs_a_token_and_sends_heartbeats(live: str) -> None:
    # Raw on purpose: the refusal without a token, and the stream's lines as sent.
    refused = httpx.get(f"{live}{STREAM}")
    assert refused.status_code == 401
    assert refused.headers["content-type"].startswith("application/problem+json")
    lines: list[str] = []
    with _login(live) as admin, admin.http.stream("GET", STREAM, timeout=10) as response:
        assert response.status_code == 200 and response.headers["cache-control"] == "no-cache"
        for line in response.iter_lines():
            lines.append(line)
            if line.startswith(":"):
                break  # nothing changed since the first snapshot: a heartbeat
    assert lines[0] == "retry: 2000" and lines[-1] == ": keep-alive"
    assert sum(line.startswith("event: dashboard_update") for line in lines) == 1


def test_stream_dashboard_with_a_watchlist_carries_its_quotes(live: str) -> None:
    with _login(live) as admin:
        seeds = [WatchlistItemSeed(symbol="600036.SH", note="招行")]
        body = WatchlistInput(name="sse", items=seeds)
        created = admin.call(create_watchlist.sync_detailed, body=body)
        assert isinstance(created, Watchlist)  # 201, the only success it has
        params = {"watchlist": created.id}
        # The SDK has no dashboard stream of its own: its frames, over the SDK's connection.
        with connect_sse(admin.http, "GET", STREAM, params=params) as source:
            for sse in source.iter_sse():
                if sse.data:
                    shown = DashboardUpdateEvent.from_dict(sse.json()).data.watchlist
                    break
    assert isinstance(shown, WatchlistQuotes)
    assert shown.watchlist_id == params["watchlist"]
    assert shown.items[0].note == "招行"
    assert isinstance(shown.items[0].quote, Quote) and shown.items[0].quote.last == 25.56
