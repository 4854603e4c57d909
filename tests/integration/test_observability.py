"""Request ids, log lines and their secrets, metrics and spans, through the real app."""

from __future__ import annotations

import io
import json
import logging
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import structlog
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from starlette.testclient import TestClient

from mystocks import metrics
from mystocks.app import create_app
from mystocks.logs import configure_logging
from mystocks.settings import DEV_ADMIN_PASSWORD
from mystocks.tracing import provider_for
from tests.conftest import app_on_copy, login, make_settings


@pytest.fixture
def captured() -> Iterator[Any]:
    """`capture(format)`: every log record of this process, at DEBUG, into a string stream in
    that format (as `mystocks serve` configures it); the root logger is restored afterwards."""
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    stream = io.StringIO()

    def capture(log_format: str) -> io.StringIO:
        settings = make_settings(Path("unused"), log_level="debug", log_format=log_format)
        configure_logging(settings, stream)
        return stream

    yield capture
    root.handlers[:] = saved[0]
    root.setLevel(saved[1])
    structlog.reset_defaults()


def access_lines(text: str, path: str) -> list[dict[str, Any]]:
    lines = [json.loads(line) for line in text.splitlines() if line.startswith("{")]
    return [line for line in lines if line["logger"] == "mystocks.access" and line["path"] == path]


@pytest.mark.parametrize("log_format", ["json", "console"])
def test_no_password_or_token_reaches_the_log(template_dir, tmp_path, captured, log_format):
    stream = captured(log_format)
    app = app_on_copy(template_dir, tmp_path)
    app.services.auth.ensure_user("carol", "carols-own-password-123", "trader")
    with TestClient(app, raise_server_exceptions=False) as client:
        form = {"username": "carol", "password": "carols-own-password-123"}
        tokens = client.post("/api/v1/auth/token", data=form).json()
        wrong = {"username": "carol", "password": "not-carols-password-456"}
        assert client.post("/api/v1/auth/token", data=wrong).status_code == 401
        renewed = client.post(
            "/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]}
        )
        assert renewed.status_code == 200
        fresh = renewed.json()
        bearer = {"Authorization": f"Bearer {fresh['access_token']}"}
        assert client.get("/api/v1/users/me", headers=bearer).status_code == 200
        assert client.get("/api/v1/market/bars/600036.SH", headers=bearer).status_code == 200
        # A token in a query string (refused: no such parameter) and a revoked token.
        query = {"access_token": fresh["access_token"], "refresh_token": fresh["refresh_token"]}
        assert client.get("/api/v1/market/symbols", params=query, headers=bearer).status_code == 400
        stale = {"Authorization": f"Bearer {tokens['access_token']}"}
        client.get("/api/v1/users/me", headers=stale)

        def fail(_principal: Any) -> Any:  # a bug whose message quotes what it should not
            raise RuntimeError(f"cannot serve {bearer} with {fresh['refresh_token']!r}")

        app.services.auth.get_current_user = fail  # type: ignore[method-assign]
        broken = client.get("/api/v1/users/me", headers=bearer)
        assert broken.status_code == 500 and broken.headers["x-request-id"]
        assert client.post("/api/v1/auth/logout", headers=bearer).status_code == 204
    log = stream.getvalue()
    assert "RuntimeError" in log and "[REDACTED]" in log  # the 500's traceback was logged
    assert "/api/v1/users/me 500" in log
    secrets = [
        "carols-own-password-123",
        "not-carols-password-456",
        tokens["access_token"],
        tokens["refresh_token"],
        fresh["access_token"],
        fresh["refresh_token"],
    ]
    for secret in secrets:
        assert secret not in log
    # Nor a recognisable piece of one (a JWT's signature, a refresh token's tail).
    for token in (tokens["access_token"], fresh["access_token"]):
        assert token.rsplit(".", 1)[1] not in log
    assert fresh["refresh_token"][-16:] not in log


def test_a_failed_request_has_one_request_id_in_header_body_and_log(writable_app, captured):
    _app, client, headers = writable_app
    stream = captured("json")
    answer = client.get("/api/v1/market/bars/999999.SH", headers=headers)
    assert answer.status_code == 404
    request_id = answer.headers["x-request-id"]
    assert answer.json()["request_id"] == request_id
    [line] = access_lines(stream.getvalue(), "/api/v1/market/bars/999999.SH")
    assert line["request_id"] == request_id and line["status"] == 404
    assert line["operation"] == "mystocks.api.market.list_bars" and line["user"] == "admin"
    assert line["method"] == "GET" and line["duration_ms"] > 0 and line["bytes"] > 0
    assert line["client_ip"] == "testclient"


@pytest.mark.parametrize(
    ("sent", "kept"),
    [
        ("req-42.a:b_C", True),
        ("x" * 128, True),
        ("x" * 129, False),
        ("two words", False),
        ("<script>", False),
        ("", False),
    ],
)
def test_a_well_formed_request_id_is_kept_and_another_replaced(client, sent, kept):
    answer = client.get("/api/v1/market/bars/999999.SH", headers={"X-Request-ID": sent})
    echoed = answer.headers["x-request-id"]
    assert (echoed == sent) is kept
    if not kept:
        assert len(echoed) == 32 and int(echoed, 16) >= 0  # a uuid4, hex
    assert answer.json()["request_id"] == echoed


def test_answers_the_router_and_the_rate_limiter_give_carry_the_request_id(template_dir, tmp_path):
    app = app_on_copy(template_dir, tmp_path, rate_limit_anonymous=1)
    with TestClient(app) as client:
        assert client.get("/api/v1/version").status_code == 200
        limited = client.get("/api/v1/version", headers={"X-Request-ID": "limited-1"})
        assert limited.status_code == 429
        assert limited.headers["x-request-id"] == limited.json()["request_id"] == "limited-1"
        for answer in (client.get("/nowhere"), client.delete("/health")):
            assert answer.status_code in (404, 405, 429)
            assert answer.json()["request_id"] == answer.headers["x-request-id"]
        assert client.get("/health").headers["x-request-id"]


def _count(operation: str, status: str = "200") -> float:
    name = "mystocks_http_request_duration_seconds_count"
    return sum(metrics.samples(name, operation=operation, status=status))


def test_metrics_count_operations_for_admins_only(client, admin_headers, viewer_headers):
    bars = "mystocks.api.market.list_bars"
    before = _count(bars)
    hits = sum(metrics.samples("mystocks_cache_hits_total", backend="local"))
    for _ in range(3):
        params = {"start": "2015-01-01", "end": "2015-03-31"}
        response = client.get(
            "/api/v1/market/bars/600000.SH", headers=viewer_headers, params=params
        )
        assert response.status_code == 200
    assert _count(bars) == before + 3
    assert sum(metrics.samples("mystocks_cache_hits_total", backend="local")) >= hits + 2

    scraped = client.get("/metrics", headers=admin_headers)
    assert scraped.status_code == 200
    assert scraped.headers["content-type"].startswith("text/plain; version=0.0.4")
    counts = {
        line.rsplit(" ", 1)[0]: float(line.rsplit(" ", 1)[1])
        for line in scraped.text.splitlines()
        if not line.startswith("#")
    }
    key = f'mystocks_http_request_duration_seconds_count{{operation="{bars}",status="200"}}'
    assert counts[key] >= 3
    assert 'mystocks_db_pool_size{store="relational"}' in counts
    assert 'mystocks_job_queue_depth{kind="backtest"}' in counts
    assert client.get("/metrics", headers=viewer_headers).status_code == 403
    assert client.get("/metrics").status_code == 401
    unmatched = _count("unmatched", "404")
    client.get("/no/such/path")  # routes no operation knows share one label
    assert _count("unmatched", "404") == unmatched + 1


def test_a_request_is_one_server_span_named_by_its_operation(template_dir, tmp_path):
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    shutil.copytree(template_dir, tmp_path, dirs_exist_ok=True)
    traced = create_app(make_settings(tmp_path), tracer_provider=provider)
    with TestClient(traced) as client:
        headers = login(client, "admin", DEV_ADMIN_PASSWORD)
        exporter.clear()
        answer = client.get("/api/v1/market/bars/999999.SH", headers=headers)
    [span] = exporter.get_finished_spans()
    assert span.name == "mystocks.api.market.list_bars"
    assert span.attributes is not None
    assert span.attributes["http.response.status_code"] == 404
    assert span.attributes["http.request.method"] == "GET"
    assert span.attributes["mystocks.request_id"] == answer.headers["x-request-id"]
    assert span.kind.name == "SERVER"


def test_tracing_is_off_unless_an_endpoint_is_set(shared_app):
    assert shared_app._observed.tracer is None
    assert provider_for(make_settings(Path("unused"))) is None
    provider = provider_for(
        make_settings(Path("unused"), otlp_endpoint="http://127.0.0.1:9/v1/traces")
    )
    assert provider is not None
    provider.shutdown()


def _total(name: str, **labels: str) -> float:
    return sum(metrics.samples(name, **labels))


def test_ingest_events_and_open_connections_are_counted(writable_app):
    app, client, admin = writable_app
    rows = _total("mystocks_ingest_rows_total", kind="ticks")
    published = _total("mystocks_events_published_total", topic="alerts")
    items = [
        {"symbol": "600036.SH", "ts": f"2017-07-27T09:30:0{n}+08:00", "price": 26.0, "volume": 100}
        for n in (3, 6)
    ]
    assert client.post("/api/v1/market/ticks", headers=admin, json={"items": items}).is_success
    assert _total("mystocks_ingest_rows_total", kind="ticks") == rows + 2
    app.services.bus.publish("alerts", "risk_alert", {"id": 1}, owner="admin")
    assert _total("mystocks_events_published_total", topic="alerts") == published + 1

    sse = _total("mystocks_sse_connections", stream="dashboard")
    with client.stream("GET", "/api/v1/sse/dashboard", headers=admin) as stream:
        next(stream.iter_lines())
        assert _total("mystocks_sse_connections", stream="dashboard") == sse + 1
    websockets = _total("mystocks_websocket_connections")
    with client.websocket_connect("/api/v1/ws") as ws:  # waiting for its `auth` message
        assert _total("mystocks_websocket_connections") == websockets + 1
        ws.close()
