"""The real server's observability: metrics scraped over HTTP (on the API and on the metrics
port), and its log lines (JSON, one access line per request, uvicorn's own lines included)."""

from __future__ import annotations

import json
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from mystocks_client.api.market import list_bars
from mystocks_client.models import BarPage
from mystocks_sdk import APIError, Client

from mystocks.settings import DEV_ADMIN_PASSWORD
from tests.servers import free_port, subprocess_server

BARS = "mystocks.api.market.list_bars"
SYMBOLS = "mystocks.api.market.list_symbols"


@pytest.fixture(scope="module")
def server(
    template_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, Any]]:
    data = tmp_path_factory.mktemp("e2e-observe")
    shutil.copytree(template_dir, data, dirs_exist_ok=True)
    metrics_port = free_port()
    env = {
        "MYSTOCKS_DATA_DIR": str(data),
        "MYSTOCKS_SAMPLE_TICK_DAYS": "5",
        "MYSTOCKS_METRICS_PORT": str(metrics_port),
        "MYSTOCKS_LOG_FORMAT": "json",
    }
    output: list[bytes] = []
    with subprocess_server(env, output) as (base, _process):
        yield {"base": base, "metrics": f"http://127.0.0.1:{metrics_port}", "output": output}


def counts(text: str) -> dict[str, float]:
    return {
        line.rsplit(" ", 1)[0]: float(line.rsplit(" ", 1)[1])
        for line in text.splitlines()
        if line and not line.startswith("#")
    }


def duration_count(found: dict[str, float], operation: str, status: str = "200") -> float:
    key = (
        f'mystocks_http_request_duration_seconds_count{{operation="{operation}",status="{status}"}}'
    )
    return found.get(key, 0.0)


def test_metrics_over_http_count_the_operations_called(server: dict[str, Any]) -> None:
    base = server["base"]
    with Client.login(base, "admin", DEV_ADMIN_PASSWORD) as client:
        for symbol in ("600036.SH", "AAPL.US", "600036.SH"):
            # One page each (`client.bars` would follow every page: more requests to count).
            assert isinstance(client.call(list_bars.sync_detailed, symbol), BarPage)
        assert client.search("zsyh")  # one request
        with pytest.raises(APIError) as unknown:
            client.call(list_bars.sync_detailed, "999999.SH")
        assert unknown.value.status == 404

        # Raw on purpose (over the SDK's connection, for its token): the Prometheus text itself.
        scraped = client.http.get("/metrics")
    assert scraped.status_code == 200
    assert scraped.headers["content-type"].startswith("text/plain; version=0.0.4")
    found = counts(scraped.text)
    assert duration_count(found, BARS) == 3
    assert duration_count(found, BARS, "404") == 1
    assert duration_count(found, SYMBOLS) == 1
    assert duration_count(found, "mystocks.api.auth.create_token") == 1
    labels = f'le="+Inf",operation="{BARS}",status="200"'
    bucket = f"mystocks_http_request_duration_seconds_bucket{{{labels}}}"
    assert found[bucket] == 3
    assert found['mystocks_cache_hits_total{backend="local"}'] >= 1  # the second 600036.SH
    assert found['mystocks_db_pool_size{store="relational"}'] > 0
    assert httpx.get(f"{base}/metrics").status_code == 401

    # The metrics port answers without a token, with the same figures.
    unauthenticated = counts(httpx.get(f"{server['metrics']}/metrics").text)
    assert duration_count(unauthenticated, BARS) == 3


def test_log_lines_are_json_with_one_access_line_per_request(server: dict[str, Any]) -> None:
    # Raw on purpose: the point is the X-Request-ID header, sent and echoed.
    sent = httpx.get(f"{server['base']}/api/v1/version", headers={"X-Request-ID": "e2e-log-1"})
    assert sent.headers["x-request-id"] == "e2e-log-1"
    deadline = time.monotonic() + 10
    while True:
        lines = [json.loads(line) for line in server["output"] if line.startswith(b"{")]
        mine = [line for line in lines if line.get("request_id") == "e2e-log-1"]
        if mine or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    [access] = [line for line in mine if line["logger"] == "mystocks.access"]
    assert access["operation"] == "mystocks.api.system.get_version"
    assert access["status"] == 200 and access["client_ip"] == "127.0.0.1"
    assert any(line["logger"].startswith("uvicorn") for line in lines)  # formatted like ours
    text = b"".join(server["output"]).decode()
    assert not re.search(r'"GET /api/v1/version HTTP/1.1" 200', text)  # uvicorn's access log is off
