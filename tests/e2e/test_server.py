"""The real server (`python -m mystocks serve`, uvicorn) over real HTTP on a loopback port."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from httpx_sse import connect_sse

from mystocks.settings import DEV_ADMIN_PASSWORD
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
def token(server: str) -> dict[str, str]:
    response = httpx.post(
        f"{server}/api/v1/auth/token", data={"username": "admin", "password": DEV_ADMIN_PASSWORD}
    )
    assert response.status_code == 200 and response.headers["cache-control"] == "no-store"
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def test_bars_for_an_a_share_and_a_us_stock(server, token):
    for symbol in ("600036.SH", "AAPL.US"):
        response = httpx.get(
            f"{server}/api/v1/market/bars/{symbol}",
            headers=token,
            params={"period": "1d", "start": "2012-01-01", "end": "2012-12-31"},
        )
        assert response.status_code == 200
        assert len(response.json()["items"]) > 240


def test_search_in_chinese_and_pinyin(server, token):
    for query in ("招商", "zsyh"):
        response = httpx.get(f"{server}/api/v1/market/symbols", headers=token, params={"q": query})
        assert "600036.SH" in {i["symbol"] for i in response.json()["items"]}


def test_errors_are_problem_json(server, token):
    unknown = httpx.get(f"{server}/api/v1/market/bars/999999.SH", headers=token)
    assert unknown.status_code == 404
    assert unknown.headers["content-type"] == "application/problem+json"
    bad = httpx.get(
        f"{server}/api/v1/market/bars/600036.SH", headers=token, params={"start": "notadate"}
    )
    assert bad.status_code == 400 and bad.json()["errors"][0]["name"] == "start"


def test_large_answers_are_gzipped(server, token):
    response = httpx.get(
        f"{server}/api/v1/market/bars/600036.SH",
        headers={**token, "Accept-Encoding": "gzip"},
        params={"start": "2016-01-01"},
    )
    assert response.headers["content-encoding"] == "gzip"
    assert response.num_bytes_downloaded * 3 < len(response.content)  # httpx decoded it
    small = httpx.get(f"{server}/health", headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in small.headers


def test_production_refuses_development_secrets(tmp_path):
    process = start({"MYSTOCKS_ENV": "production", "MYSTOCKS_DATA_DIR": str(tmp_path)})
    output = process.communicate(timeout=60)[0].decode()
    assert process.returncode == 2
    assert "MYSTOCKS_JWT_SECRET is the development default" in output
    assert "Traceback" not in output


def _events(
    server: str,
    token: dict[str, str],
    job_id: int,
    last_id: str | None = None,
    stop_after: int | None = None,
) -> list[dict]:
    """Follow a job's SSE stream with a real client; stop early after `stop_after` events."""
    headers = {**token, **({"Last-Event-ID": last_id} if last_id else {})}
    seen: list[dict] = []
    with (
        httpx.Client(timeout=30) as client,
        connect_sse(
            client,
            "GET",
            f"{server}/api/v1/sse/backtest",
            params={"job_id": job_id},
            headers=headers,
        ) as source,
    ):
        assert source.response.headers["content-type"].startswith("text/event-stream")
        for sse in source.iter_sse():
            if sse.event != "backtest_update":
                continue
            envelope = json.loads(sse.data)
            assert envelope["id"] == sse.id and envelope["type"] == sse.event
            seen.append(envelope)
            if stop_after is not None and len(seen) >= stop_after:
                break
    return seen


def test_backtest_progress_streams_over_sse_and_resumes_without_gaps(server, token):
    strategy = httpx.post(
        f"{server}/api/v1/strategies",
        headers=token,
        json={
            "name": "sma 5/20",
            "type": "sma_cross",
            "parameters": {"fast": 5, "slow": 20},
            "symbols": ["600036.SH", "000002.SZ", "600085.SH", "300059.SZ", "002594.SZ"],
        },
    ).json()
    job = httpx.post(
        f"{server}/api/v1/backtests",
        headers=token,
        json={"strategy_id": strategy["id"], "start": "2016-01-01", "end": "2016-12-31"},
    )
    assert (
        job.status_code == 202
        and job.headers["location"] == f"/api/v1/backtests/{job.json()['id']}"
    )
    job_id = job.json()["id"]

    first = _events(server, token, job_id, stop_after=2)  # then the client goes away
    rest = _events(server, token, job_id, last_id=first[-1]["id"])
    stream = first + rest
    ids = [int(e["id"]) for e in stream]
    assert ids == list(range(ids[0], ids[0] + len(ids)))  # nothing missed, nothing twice
    progress = [e["data"]["progress"] for e in stream]
    assert progress[0] == 0 and progress == sorted(progress) and progress[-1] == 1
    assert stream[0]["data"]["status"] == "queued" and stream[-1]["data"]["status"] == "succeeded"

    final = httpx.get(f"{server}/api/v1/backtests/{job_id}", headers=token).json()
    assert final["status"] == "succeeded" and final["metrics"] == stream[-1]["data"]["metrics"]
    assert final["metrics"]["trades"] > 0 and final["symbols"] == strategy["symbols"]
    equity = httpx.get(f"{server}/api/v1/backtests/{job_id}/equity", headers=token).json()
    assert equity["items"][-1]["equity"] == pytest.approx(final["metrics"]["final_equity"])


def test_an_idle_stream_sends_heartbeats_and_needs_a_token(server, token):
    assert httpx.get(f"{server}/api/v1/sse/training").status_code == 401
    lines: list[str] = []
    with httpx.stream("GET", f"{server}/api/v1/sse/training", headers=token, timeout=10) as r:
        assert r.status_code == 200 and r.headers["cache-control"] == "no-cache"
        for line in r.iter_lines():
            lines.append(line)
            if line.startswith(":"):
                break  # the client leaves; the server's generator is cancelled
    assert lines[0] == "retry: 2000" and lines[-1] == ": keep-alive"
    assert httpx.get(f"{server}/health").status_code == 200  # and the server is fine
