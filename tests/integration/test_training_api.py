"""Training jobs: the search tries what it says, ranks by the objective, and agrees with
a plain backtest of its best parameters."""

from __future__ import annotations

import time
from typing import Any

import pytest
from starlette.testclient import TestClient

URL = "/api/v1/training-jobs"
SEARCH = {
    "strategy_type": "sma_cross",
    "grid": {"fast": [5, 10, 40], "slow": [20, 30]},
    "symbols": ["600036.SH", "000002.SZ"],
    "start": "2015-01-01",
    "end": "2016-12-31",
}


def wait_done(client: TestClient, headers: dict[str, str], url: str) -> dict[str, Any]:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        job: dict[str, Any] = client.get(url, headers=headers).json()
        if job["status"] in ("succeeded", "failed", "cancelled"):
            return job
        time.sleep(0.1)
    raise AssertionError(f"{url} did not finish")


def test_grid_search_ranks_trials_and_matches_a_backtest(writable_app):
    _, client, admin = writable_app
    created = client.post(URL, headers=admin, json=SEARCH)
    assert created.status_code == 202, created.text
    job = created.json()
    assert job["trials_planned"] == 4  # fast=40 is never below slow: skipped
    done = wait_done(client, admin, f"{URL}/{job['id']}")
    assert done["status"] == "succeeded", done["error"]
    trials = done["trials"]
    assert [t["rank"] for t in trials] == [1, 2, 3, 4]
    scores = [t["score"] for t in trials]
    assert scores == sorted(scores, reverse=True)
    assert {(t["parameters"]["fast"], t["parameters"]["slow"]) for t in trials} == {
        (5, 20),
        (5, 30),
        (10, 20),
        (10, 30),
    }
    assert done["best_parameters"] == trials[0]["parameters"]
    assert done["best_score"] == trials[0]["metrics"]["sharpe"]

    backtest = client.post(
        "/api/v1/backtests",
        headers=admin,
        json={
            "strategy": {"type": "sma_cross", "parameters": done["best_parameters"]},
            "symbols": SEARCH["symbols"],
            "start": SEARCH["start"],
            "end": SEARCH["end"],
        },
    ).json()
    check = wait_done(client, admin, f"/api/v1/backtests/{backtest['id']}")
    assert check["metrics"] == trials[0]["metrics"]


def test_random_search_is_seeded_and_minimises_drawdown(writable_app):
    _, client, admin = writable_app
    body = {
        "strategy_type": "momentum",
        "ranges": {"lookback": {"minimum": 5, "maximum": 60}},
        "trials": 5,
        "seed": 7,
        "objective": "max_drawdown",
        "symbols": ["600036.SH"],
        "start": "2016-01-01",
        "end": "2016-12-31",
    }
    first = wait_done(
        client, admin, f"{URL}/{client.post(URL, headers=admin, json=body).json()['id']}"
    )
    second = wait_done(
        client, admin, f"{URL}/{client.post(URL, headers=admin, json=body).json()['id']}"
    )
    assert [t["parameters"] for t in first["trials"]] == [t["parameters"] for t in second["trials"]]
    drawdowns = [t["score"] for t in first["trials"]]
    assert drawdowns == sorted(drawdowns) and drawdowns[0] == first["best_score"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"ranges": {"fast": {"minimum": 1, "maximum": 5}}}, "grid"),  # both grid and ranges
        ({"grid": {"speed": [1]}}, "grid"),  # no such parameter
        ({"grid": {"fast": [40], "slow": [20]}}, "grid"),  # nothing valid
        ({"end": "2014-01-01"}, "end"),
    ],
)
def test_searches_the_type_refuses_are_422(client, admin_headers, change, field):
    response = client.post(URL, headers=admin_headers, json={**SEARCH, **change})
    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["name"] == field
