"""The real server (`python -m mystocks serve`, uvicorn) over real HTTP on a loopback port."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from httpx_sse import connect_sse
from mystocks_client.api.auth import create_token
from mystocks_client.api.backtests import create_backtest
from mystocks_client.api.market import list_bars
from mystocks_client.models import (
    Backtest,
    BacktestRequest,
    BacktestUpdateEvent,
    Token,
    TokenRequest,
)
from mystocks_sdk import APIError, Client

from mystocks.settings import DEV_ADMIN_PASSWORD
from tests.e2e.sdk import expect
from tests.servers import start, subprocess_server


@pytest.fixture(scope="module")
def server(template_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data = tmp_path_factory.mktemp("e2e")
    shutil.copytree(template_dir, data, dirs_exist_ok=True)
    env = {
        "MYSTOCKS_DATA_DIR": str(data),
        "MYSTOCKS_SAMPLE_TICK_DAYS": "5",
        "MYSTOCKS_SSE_HEARTBEAT_SECONDS": "1",
    }
    with subprocess_server(env) as (base, _process):
        yield base


@pytest.fixture(scope="module")
def client(server: str) -> Iterator[Client]:
    with Client.login(server, "admin", DEV_ADMIN_PASSWORD) as signed_in:
        yield signed_in


def test_a_token_is_not_cached(server: str) -> None:
    # The sign-in itself, run through the SDK's connection, to read a header beside the model.
    with Client(server) as anonymous:
        body = TokenRequest(username="admin", password=DEV_ADMIN_PASSWORD)
        answer = create_token.sync_detailed(client=anonymous.api, body=body)
    assert isinstance(expect(200, answer), Token)
    assert answer.headers["cache-control"] == "no-store"


def test_bars_for_an_a_share_and_a_us_stock(client: Client) -> None:
    for symbol in ("600036.SH", "AAPL.US"):
        bars = client.bars(symbol, "1d", dt.date(2012, 1, 1), dt.date(2012, 12, 31))
        assert len(bars) > 240


def test_search_in_chinese_and_pinyin(client: Client) -> None:
    for query in ("招商", "zsyh"):
        found = client.search(query, limit=50)
        assert "600036.SH" in {i.symbol for i in found}


def test_errors_are_problem_json(client: Client) -> None:
    # Raw on purpose: the point is the problem+json media type and a query the typed client
    # would not send (a date that is not one).
    unknown = client.http.get("/api/v1/market/bars/999999.SH")
    assert unknown.status_code == 404
    assert unknown.headers["content-type"] == "application/problem+json"
    bad = client.http.get("/api/v1/market/bars/600036.SH", params={"start": "notadate"})
    assert bad.status_code == 400 and bad.json()["errors"][0]["name"] == "start"
    # The same refusal as the SDK raises it.
    with pytest.raises(APIError) as missing:
        client.call(list_bars.sync_detailed, "999999.SH")
    assert missing.value.status == 404 and missing.value.request_id


def test_large_answers_are_gzipped(client: Client) -> None:
    # Raw on purpose: the point is the transfer encoding.
    response = client.http.get(
        "/api/v1/market/bars/600036.SH",
        headers={"Accept-Encoding": "gzip"},
        params={"start": "2016-01-01"},
    )
    assert response.headers["content-encoding"] == "gzip"
    assert response.num_bytes_downloaded * 3 < len(response.content)  # httpx decoded it
    small = client.http.get("/health", headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in small.headers


def test_production_refuses_development_secrets(tmp_path):
    process = start({"MYSTOCKS_ENV": "production", "MYSTOCKS_DATA_DIR": str(tmp_path)})
    output = process.communicate(timeout=60)[0].decode()
    assert process.returncode == 2
    assert "MYSTOCKS_JWT_SECRET is the development default" in output
    assert "Traceback" not in output


def _events(
    client: Client,
    job_id: int,
    last_id: str | None = None,
    stop_after: int | None = None,
) -> list[BacktestUpdateEvent]:
    """Follow a job's SSE stream (over the SDK's connection: the point is the frames, which
    `Client.follow` hides); stop early after `stop_after` events."""
    headers = {"Last-Event-ID": last_id} if last_id else {}
    seen: list[BacktestUpdateEvent] = []
    with connect_sse(
        client.http,
        "GET",
        "/api/v1/sse/backtest",
        params={"job_id": job_id},
        headers=headers,
    ) as source:
        assert source.response.headers["content-type"].startswith("text/event-stream")
        for sse in source.iter_sse():
            if sse.event != "backtest_update":
                continue
            envelope = BacktestUpdateEvent.from_dict(sse.json())
            assert envelope.id == sse.id and envelope.type_ == sse.event
            seen.append(envelope)
            if stop_after is not None and len(seen) >= stop_after:
                break
    return seen


def test_backtest_progress_streams_over_sse_and_resumes_without_gaps(client: Client) -> None:
    strategy = client.create_strategy(
        "sma 5/20",
        "sma_cross",
        {"fast": 5, "slow": 20},
        ["600036.SH", "000002.SZ", "600085.SH", "300059.SZ", "002594.SZ"],
    )
    request = BacktestRequest.from_dict(
        {"strategy_id": strategy.id, "start": "2016-01-01", "end": "2016-12-31"}
    )
    answer = create_backtest.sync_detailed(client=client.api, body=request)
    job = expect(202, answer)
    assert isinstance(job, Backtest) and answer.headers["location"] == f"/api/v1/backtests/{job.id}"

    first = _events(client, job.id, stop_after=2)  # then the client goes away
    rest = _events(client, job.id, last_id=first[-1].id)
    stream = first + rest
    ids = [int(e.id) for e in stream]
    assert ids == list(range(ids[0], ids[0] + len(ids)))  # nothing missed, nothing twice
    progress = [e.data.progress for e in stream]
    assert progress[0] == 0 and progress == sorted(progress) and progress[-1] == 1
    assert stream[0].data.status == "queued" and stream[-1].data.status == "succeeded"

    final = client.job(job)
    assert final.status == "succeeded" and final.metrics == stream[-1].data.metrics
    assert final.metrics is not None and final.metrics.trades > 0
    assert final.symbols == strategy.symbols
    equity = client.equity(final)
    assert equity[-1].equity == pytest.approx(final.metrics.final_equity)


def test_an_idle_stream_sends_heartbeats_and_needs_a_token(server: str, client: Client) -> None:
    # Raw on purpose: the refusal without a token, and the stream's lines as sent.
    assert httpx.get(f"{server}/api/v1/sse/training").status_code == 401
    lines: list[str] = []
    with client.http.stream("GET", "/api/v1/sse/training", timeout=10) as r:
        assert r.status_code == 200 and r.headers["cache-control"] == "no-cache"
        for line in r.iter_lines():
            lines.append(line)
            if line.startswith(":"):
                break  # the client leaves; the server's generator is cancelled
    assert lines[0] == "retry: 2000" and lines[-1] == ": keep-alive"
    assert httpx.get(f"{server}/health").status_code == 200  # and the server is fine
