"""Backtest jobs through the API: idempotency, visibility, rules, cancel, restart recovery."""

from __future__ import annotations

import time
from typing import Any

from starlette.testclient import TestClient

from mystocks.app import create_app
from tests.conftest import backtest_inputs, login, make_settings

URL = "/api/v1/backtests"
INLINE = {
    "strategy": {"type": "macd_trend", "parameters": {}},
    "symbols": ["600036.SH"],
    "start": "2016-01-01",
    "end": "2016-12-31",
}


def wait_done(client: TestClient, headers: dict[str, str], job_id: int) -> dict[str, Any]:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        job: dict[str, Any] = client.get(f"{URL}/{job_id}", headers=headers).json()
        if job["status"] in ("succeeded", "failed", "cancelled"):
            return job
        time.sleep(0.1)
    raise AssertionError(f"backtest {job_id} did not finish")


def test_a_backtest_runs_and_reports_its_results(writable_app):
    _, client, admin = writable_app
    created = client.post(URL, headers={**admin, "Idempotency-Key": "k-1"}, json=INLINE)
    assert created.status_code == 202, created.text
    job = created.json()
    assert job["status"] == "queued" and job["strategy"]["parameters"] == {
        "fast": 12,
        "slow": 26,
        "signal": 9,
    }  # defaults filled in
    again = client.post(URL, headers={**admin, "Idempotency-Key": "k-1"}, json=INLINE)
    assert again.status_code == 202 and again.json()["id"] == job["id"]

    done = wait_done(client, admin, job["id"])
    assert done["status"] == "succeeded" and done["progress"] == 1
    metrics = done["metrics"]
    trades = client.get(f"{URL}/{job['id']}/trades", headers=admin).json()["items"]
    assert metrics["trades"] == len(trades) > 0
    assert trades[0]["side"] == "buy" and trades[0]["quantity"] % 100 == 0
    assert trades[0]["time"].endswith("T09:30:00+08:00")
    equity = client.get(f"{URL}/{job['id']}/equity", headers=admin).json()["items"]
    assert equity[0]["date"] >= "2016-01-04" and equity[-1]["equity"] == metrics["final_equity"]
    assert abs(metrics["total_return"] - (metrics["final_equity"] / 1_000_000 - 1)) < 1e-6
    cancelled = client.post(f"{URL}/{job['id']}/cancel", headers=admin).json()
    assert cancelled["status"] == "succeeded"  # a finished job is answered as it is
    listed = client.get(URL, headers=admin, params={"status": "succeeded"}).json()["items"]
    assert job["id"] in {j["id"] for j in listed}


def test_rules_beyond_the_schema(writable_app):
    _, client, admin = writable_app
    both = client.post(URL, headers=admin, json={**INLINE, "strategy_id": 1})
    assert both.status_code == 422 and both.json()["errors"][0]["name"] == "strategy"
    empty = client.post(
        URL, headers=admin, json={**INLINE, "start": "2030-01-01", "end": "2030-12-31"}
    )
    assert empty.status_code == 422 and "fewer than 2 daily bars" in empty.json()["detail"]
    backwards = client.post(URL, headers=admin, json={**INLINE, "end": "2015-01-01"})
    assert backwards.status_code == 422
    assert (
        client.post(
            URL,
            headers=admin,
            json={
                **INLINE,
                "strategy": {"type": "sma_cross", "parameters": {"fast": 30, "slow": 20}},
            },
        ).status_code
        == 422
    )
    assert (
        client.post(
            URL,
            headers=admin,
            json={"strategy_id": 999, "start": "2016-01-01", "end": "2016-12-31"},
        ).status_code
        == 404
    )


def test_jobs_are_private_and_viewers_cannot_start_them(writable_app):
    app, client, admin = writable_app
    app.services.auth.ensure_user("viewer", "viewer-password", "viewer")
    app.services.auth.ensure_user("trader", "trader-password", "trader")
    viewer = login(client, "viewer", "viewer-password")
    trader = login(client, "trader", "trader-password")
    assert client.post(URL, headers=viewer, json=INLINE).status_code == 403
    job = client.post(URL, headers=admin, json=INLINE).json()
    assert client.get(f"{URL}/{job['id']}", headers=trader).status_code == 404
    assert client.get(f"{URL}/{job['id']}/equity", headers=trader).status_code == 404
    assert client.get(URL, headers=trader).json()["items"] == []
    wait_done(client, admin, job["id"])


def test_jobs_left_running_by_a_stopped_server_are_failed_on_start(writable_app, tmp_path):
    app, _client, _admin = writable_app
    store = app.services.backtests.store
    row = store.create("admin", None, backtest_inputs())
    store.change(row["id"], status="running")
    restarted = create_app(make_settings(app.services.settings.data_dir))
    job = restarted.services.backtests.store.get(row["id"])
    assert job is not None and job["status"] == "failed"
    assert "server stopped" in job["error"]
