"""The sync end to end on real stores: a scripted provider -> SyncService (or `mystocks sync`
on 通达信 files) -> the API's bars and indicators in none, qfq and hfq.

The scripted stock (hand-computed in tests/unit/test_adjust.py):

    raw closes 20.00, 20.00 | 10送10 ex 01-04 | 10.50, 10.50 | 0.50 cash ex 01-08 | 10.00, 10.20
    hfq closes 20, 20, 21, 21, 21, 21.42;  qfq closes 9.5238, 9.5238, 10, 10, 10, 10.2
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from starlette.testclient import TestClient
from typer.testing import CliRunner

from mystocks.adapters.providers import (
    ACTION_COLUMNS,
    DAILY_COLUMNS,
    FACTOR_COLUMNS,
    INSTRUMENT_COLUMNS,
    NotSupported,
    ProviderError,
)
from mystocks.adapters.providers.tdx import DAY, day_records, write_records
from mystocks.app import MyStocksApp, create_app
from mystocks.cli import cli
from mystocks.market.sync import (
    Pacer,
    SourceFailed,
    Sources,
    SyncReport,
    SyncRequest,
    SyncService,
)
from mystocks.settings import DEV_ADMIN_PASSWORD
from tests.conftest import app_on_copy, follow_job, login, make_settings

D = dt.date
DAYS = [D(2024, 1, 2), D(2024, 1, 3), D(2024, 1, 4), D(2024, 1, 5), D(2024, 1, 8), D(2024, 1, 9)]
CLOSES = [20.0, 20.0, 10.5, 10.5, 10.0, 10.2]
UNTIL = D(2024, 1, 9)
BARS = "/api/v1/market/bars"


def daily(symbol: str, closes: list[float] = CLOSES, days: list[dt.date] = DAYS) -> pd.DataFrame:
    close = np.array(closes)
    return pd.DataFrame(
        {
            "date": days,
            "open": close,
            "high": close + 0.1,
            "low": close - 0.1,
            "close": close,
            "volume": np.full(len(days), 10_000, dtype=np.int64),
            "amount": close * 10_000,
        }
    )[list(DAILY_COLUMNS)]


class Scripted:
    """A provider answering from frames, counting its calls, failing where told."""

    def __init__(self, name: str = "scripted", **bars: pd.DataFrame) -> None:
        self.name = name
        self.bars = bars
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self.failing: set[tuple[str, str]] = set()  # (method, symbol) that raise ProviderError
        self.factors: dict[str, list[tuple[dt.date, float]]] = {}
        self.actions = {
            symbol: [(D(2024, 1, 4), 0.0, 1.0), (D(2024, 1, 8), 0.5, 0.0)] for symbol in bars
        }

    def _call(self, method: str, symbol: str = "", *args: Any) -> None:
        self.calls.append((method, (symbol, *args)))
        if (method, symbol) in self.failing:
            raise ProviderError(f"{method} of {symbol}: connection reset")

    def instruments(self) -> pd.DataFrame:
        self._call("instruments")
        rows = [(s, f"股票{s[:6]}", s[-2:], "main", D(1999, 11, 10)) for s in self.bars]
        return pd.DataFrame(rows, columns=list(INSTRUMENT_COLUMNS))

    def daily_bars(self, symbol: str, start: Any = None, end: Any = None) -> pd.DataFrame:
        self._call("daily_bars", symbol, start, end)
        frame = self.bars[symbol]
        keep = (frame["date"] >= (start or D(1990, 1, 1))) & (frame["date"] <= (end or UNTIL))
        return frame[keep].reset_index(drop=True)

    def minute_bars(self, symbol: str, minutes: int, start: Any = None, end: Any = None) -> Any:
        raise NotSupported("scripted: no minutes")

    def adjust_factors(self, symbol: str) -> pd.DataFrame:
        self._call("adjust_factors", symbol)
        if symbol not in self.factors:
            raise NotSupported("scripted: factors only where given")
        return pd.DataFrame(self.factors[symbol], columns=list(FACTOR_COLUMNS))

    def corporate_actions(self, symbol: str) -> pd.DataFrame:
        self._call("corporate_actions", symbol)
        return pd.DataFrame(self.actions.get(symbol, []), columns=list(ACTION_COLUMNS))

    def suspensions(self, symbol: str) -> pd.DataFrame:
        raise NotSupported("scripted: no suspensions")

    def st_history(self, symbol: str) -> pd.DataFrame:
        raise NotSupported("scripted: no ST history")

    def spot_quotes(self, symbols: Any) -> pd.DataFrame:
        raise NotSupported("scripted: offline")


class Waits:
    """A fake clock and sleep: every wait is recorded, none is slept."""

    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


@pytest.fixture
def empty_app(tmp_path: Path) -> Iterator[tuple[MyStocksApp, TestClient, dict[str, str]]]:
    app = create_app(make_settings(tmp_path, load_sample_data=False))
    with TestClient(app) as client:
        yield app, client, login(client, "admin", DEV_ADMIN_PASSWORD)


def run_sync(
    app: MyStocksApp, *providers: Scripted, symbols: tuple[str, ...] | None = None, **kw: Any
) -> SyncReport:
    waits = kw.pop("waits", Waits())
    sources = Sources(providers, Pacer(5.0, waits.clock, waits.sleep), retries=2, sleep=waits.sleep)
    market = app.services.market
    service = SyncService(market.data, market.ingest, sources, today=lambda: UNTIL)
    return service.run(SyncRequest(symbols=symbols, until=kw.pop("until", UNTIL), **kw))


def closes(client: TestClient, headers: dict[str, str], symbol: str, adjust: str) -> Any:
    response = client.get(f"{BARS}/{symbol}", headers=headers, params={"adjust": adjust})
    assert response.status_code == 200, response.text
    return response.json()


def test_synced_bars_and_an_indicator_in_each_adjustment(empty_app) -> None:
    app, client, headers = empty_app
    report = run_sync(app, Scripted(**{"600000.SH": daily("600000.SH")}))
    mine = report.symbols["600000.SH"]
    assert (mine.status, mine.written, mine.errors) == ("synced", {"1d": 6}, [])
    assert mine.sources["factors"] == "computed from corporate actions"
    expected = {
        "none": [20.0, 20.0, 10.5, 10.5, 10.0, 10.2],
        "hfq": [20.0, 20.0, 21.0, 21.0, 21.0, 21.42],
        "qfq": [9.5238, 9.5238, 10.0, 10.0, 10.0, 10.2],
    }
    for adjust, want in expected.items():
        page = closes(client, headers, "600000.SH", adjust)
        assert [bar["close"] for bar in page["items"]] == want, adjust
        assert page["adjust"] == adjust
        assert page["adjusted_to"] == ("2024-01-08" if adjust == "qfq" else None)
        assert [bar["volume"] for bar in page["items"]] == [10_000] * 6
    default = client.get(f"{BARS}/600000.SH", headers=headers).json()
    assert default["adjust"] == "qfq" and default["items"][0]["close"] == 9.5238
    ma = {  # MA(3) on the last day
        "none": (10.5 + 10.0 + 10.2) / 3,
        "qfq": (10.0 + 10.0 + 10.2) / 3,
        "hfq": (21.0 + 21.0 + 21.42) / 3,
    }
    for adjust, want in ma.items():
        response = client.get(
            "/api/v1/market/indicators/600000.SH",
            headers=headers,
            params={"indicator": "MA", "params": "3", "adjust": adjust},
        )
        assert response.status_code == 200, response.text
        body = response.json()
        (name,) = body["series"]
        assert body["adjust"] == adjust
        assert body["items"][-1]["values"][name] == pytest.approx(want, abs=1e-6)
    instrument = client.get("/api/v1/market/symbols/600000.SH", headers=headers).json()
    assert instrument["listed"] == "1999-11-10"
    assert instrument["adjust_modes"] == ["qfq", "none", "hfq"]
    assert instrument["name"] == "股票600000" and instrument["exchange"] == "SSE"


def test_a_second_sync_asks_for_nothing_and_writes_nothing(empty_app) -> None:
    app, _, _ = empty_app
    provider = Scripted(**{"600000.SH": daily("600000.SH")})
    first = run_sync(app, provider)
    assert first.rows_written == 6 and first.instruments_added == 1
    provider.calls.clear()
    again = run_sync(app, provider)
    assert provider.calls == [("instruments", ("",))]
    assert again.as_dict()["totals"] | {"requests": 0} == {
        "symbols": 1, "synced": 0, "up_to_date": 1, "failed": 0, "rows_written": 0,
        "rows_refused": 0, "instruments_added": 0, "instruments_changed": 0, "requests": 0,
    }  # fmt: skip


def test_a_failure_mid_sync_resumes_where_it_stopped(empty_app) -> None:
    app, client, headers = empty_app
    symbols = ("600000.SH", "600004.SH", "600006.SH")
    provider = Scripted(**{s: daily(s) for s in symbols})
    provider.failing.add(("daily_bars", "600004.SH"))
    first = run_sync(app, provider)
    statuses = {s: r.status for s, r in first.symbols.items()}
    assert statuses == {"600000.SH": "synced", "600004.SH": "failed", "600006.SH": "synced"}
    assert "connection reset" in first.symbols["600004.SH"].errors[0]
    failed = client.get(f"{BARS}/600004.SH", headers=headers).json()
    assert failed["items"] == []  # nothing half-written, nothing simulated in its place
    provider.failing.clear()
    provider.calls.clear()
    second = run_sync(app, provider)
    assert {s: r.status for s, r in second.symbols.items()}["600004.SH"] == "synced"
    fetched = [args[0] for method, args in provider.calls if method == "daily_bars"]
    assert fetched == ["600004.SH"]
    assert second.rows_written == 6


def test_retries_back_off_then_the_next_provider_answers(empty_app) -> None:
    app, _, _ = empty_app
    first = Scripted("first", **{"600000.SH": daily("600000.SH")})
    first.failing.add(("daily_bars", "600000.SH"))
    second = Scripted("second", **{"600000.SH": daily("600000.SH")})
    waits = Waits()
    report = run_sync(app, first, second, waits=waits)
    mine = report.symbols["600000.SH"]
    assert mine.status == "synced" and mine.sources["1d"] == "second"
    assert [c for c in first.calls if c[0] == "daily_bars"] == [
        ("daily_bars", ("600000.SH", None, UNTIL))
    ] * 3  # the first try and two retries
    assert 1.0 in waits.slept and 2.0 in waits.slept  # backoff 1 s, then 2 s


def test_the_quality_report_names_each_problem(empty_app) -> None:
    app, _, _ = empty_app
    bars = daily("600000.SH").drop(index=3).reset_index(drop=True)  # 01-05 missing
    bars.loc[1, "volume"] = 0  # 01-03 traded nothing
    bars.loc[4, "high"] = 5.0  # 01-09: high below the close, refused
    provider = Scripted(**{"600000.SH": bars})
    provider.factors["600000.SH"] = [(D(2024, 1, 4), 2.0), (D(2024, 1, 9), 2.5)]
    provider.actions["600000.SH"] = [(D(2024, 1, 4), 0.0, 1.0)]
    mine = run_sync(app, provider).symbols["600000.SH"]
    assert mine.written == {"1d": 4}
    assert mine.refused == [
        {"at": "2024-01-09", "field": "high", "why": "high 5.0 is below max(open, close) 10.2"}
    ]
    assert mine.refused_count == 1
    assert (mine.missing_days, mine.missing_day_count) == (["2024-01-05"], 1)
    assert mine.zero_volume_days == ["2024-01-03"]
    # the provider's factor moved on 01-09 without a corporate action that day
    assert mine.unexplained_factor_jumps == ["2024-01-09"]
    assert mine.sources["factors"] == "scripted"


def test_a_sync_replaces_the_forward_adjusted_sample(template_dir, tmp_path) -> None:
    app = app_on_copy(template_dir, tmp_path)
    with TestClient(app) as client:
        headers = login(client, "admin", DEV_ADMIN_PASSWORD)
        refused = client.get(f"{BARS}/600036.SH", headers=headers, params={"adjust": "none"})
        assert refused.status_code == 422
        report = run_sync(app, Scripted(**{"600036.SH": daily("600036.SH")}))
        assert report.symbols["600036.SH"].replaced_sample
        raw = closes(client, headers, "600036.SH", "none")
        assert [bar["ts"][:10] for bar in raw["items"]] == [d.isoformat() for d in DAYS]
        assert [bar["close"] for bar in raw["items"]] == CLOSES


def test_the_pacer_spaces_requests_to_one_provider() -> None:
    waits = Waits()
    pacer = Pacer(2.0, waits.clock, waits.sleep)
    for _ in range(3):
        pacer.wait("akshare")
    pacer.wait("baostock")  # another provider has its own pace
    assert waits.slept == [0.5, 0.5]


def test_the_command_syncs_tdx_files_and_a_rerun_writes_nothing(tmp_path, monkeypatch) -> None:
    vipdoc = tmp_path / "vipdoc"
    (vipdoc / "sh" / "lday").mkdir(parents=True)
    write_records(vipdoc / "sh" / "lday" / "sh600000.day", day_records(daily("600000.SH")))
    assert (vipdoc / "sh" / "lday" / "sh600000.day").stat().st_size == 6 * DAY.itemsize
    monkeypatch.setenv("MYSTOCKS_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("MYSTOCKS_LOAD_SAMPLE_DATA", "false")
    report = tmp_path / "report.json"
    args = ["sync", "--provider", "tdx", "--tdx-dir", str(vipdoc), "--all", "--report", str(report)]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 0, first.output
    body = json.loads(report.read_text(encoding="utf-8"))
    assert body["totals"]["rows_written"] == 6
    assert body["symbols"]["600000.SH"]["status"] == "synced"
    again = CliRunner().invoke(cli, args)
    assert again.exit_code == 0, again.output
    assert json.loads(report.read_text(encoding="utf-8"))["totals"]["rows_written"] == 0
    missing = CliRunner().invoke(cli, ["sync", "--provider", "tdx", "--all"])
    assert missing.exit_code == 2 and "vipdoc" in missing.output
    neither = CliRunner().invoke(cli, ["sync", "--provider", "tdx"])
    assert neither.exit_code == 2 and "--symbols or --all" in neither.output


def test_an_admin_starts_a_sync_follows_it_and_reads_its_report(empty_app) -> None:
    app, client, headers = empty_app
    provider = Scripted(**{s: daily(s) for s in ("600000.SH", "600004.SH")})
    app.services.sync.opener = lambda names, tdx_dir: [provider]
    created = client.post("/api/v1/sync-jobs", headers=headers, json={"symbols": ["600000.SH"]})
    assert created.status_code == 202, created.text
    job = created.json()
    assert created.headers["Location"] == f"/api/v1/sync-jobs/{job['id']}"
    assert job["request"] == {"symbols": ["600000.SH"], "periods": ["1d"], "providers": ["tdx"]}
    updates = follow_job(client, headers, "sync", job["id"])
    assert updates[-1] == {"job_id": job["id"], "status": "succeeded", "done": 1, "total": 1}
    assert {"job_id": job["id"], "status": "running", "done": 1, "total": 1,
            "symbol": "600000.SH"} in updates  # fmt: skip
    done = client.get(f"/api/v1/sync-jobs/{job['id']}", headers=headers).json()
    assert (done["status"], done["done"], done["total"], done["error"]) == ("succeeded", 1, 1, None)
    assert done["report"]["totals"]["rows_written"] == 6
    assert done["report"]["symbols"]["600000.SH"]["sources"]["1d"] == "scripted"
    assert done["finished_at"] is not None
    bars = client.get(f"{BARS}/600000.SH", headers=headers, params={"adjust": "none"}).json()
    assert [bar["close"] for bar in bars["items"]] == CLOSES


def test_one_sync_at_a_time_and_admins_only(empty_app, tmp_path) -> None:
    app, client, headers = empty_app
    release = threading.Event()
    provider = Scripted(**{"600000.SH": daily("600000.SH")})
    listing = provider.instruments

    def held_listing() -> pd.DataFrame:
        release.wait()  # the first sync waits here until the second one was refused
        return listing()

    provider.instruments = held_listing  # type: ignore[method-assign]
    app.services.sync.opener = lambda names, tdx_dir: [provider]
    first = client.post("/api/v1/sync-jobs", headers=headers, json={}).json()
    second = client.post("/api/v1/sync-jobs", headers=headers, json={})
    assert second.status_code == 422
    assert f"Sync {first['id']} is still running" in second.json()["detail"]
    release.set()
    assert follow_job(client, headers, "sync", first["id"])[-1]["status"] == "succeeded"
    app.services.auth.ensure_user("viewer", "viewer-password", "viewer")
    viewer = login(client, "viewer", "viewer-password")
    assert client.post("/api/v1/sync-jobs", headers=viewer, json={}).status_code == 403
    assert client.get(f"/api/v1/sync-jobs/{first['id']}", headers=viewer).status_code == 403
    assert client.get("/api/v1/sse/sync", headers=viewer).status_code == 403
    assert client.get("/api/v1/sync-jobs/999", headers=headers).status_code == 404


def test_a_sync_that_cannot_start_or_reach_its_provider_says_so(empty_app) -> None:
    app, client, headers = empty_app
    app.services.sync.tdx_dir = None
    bad = client.post("/api/v1/sync-jobs", headers=headers, json={"symbols": ["AAPL.US"]})
    assert bad.status_code == 400
    assert "must be an A-share symbol like 600036.SH" in bad.json()["detail"]
    refused = client.post("/api/v1/sync-jobs", headers=headers, json={"providers": ["tdx"]})
    assert refused.status_code == 503
    assert "vipdoc" in refused.json()["detail"]
    # akshare has no network in the tests: the sync runs, fails to list, and says why.
    job = client.post("/api/v1/sync-jobs", headers=headers, json={"providers": ["akshare"]})
    assert job.status_code == 202, job.text
    follow_job(client, headers, "sync", job.json()["id"])
    failed = client.get(f"/api/v1/sync-jobs/{job.json()['id']}", headers=headers).json()
    assert failed["status"] == "failed" and "the tests have no network" in failed["error"]


def test_a_backtest_takes_st_from_the_synced_periods(empty_app) -> None:
    from mystocks.jobs.backtests import load_bars

    app, _, _ = empty_app
    run_sync(app, Scripted(**{"600000.SH": daily("600000.SH")}))
    relational = app.services.data.relational
    before = load_bars(relational, ["600000.SH"], DAYS[0], UNTIL)["600000.SH"]
    assert before.price_limit_pct.tolist() == [0.10] * 6  # its name is not ST
    relational.replace_history("st_periods", "600000.SH", [(D(2024, 1, 4), None, "ST")])
    after = load_bars(relational, ["600000.SH"], DAYS[0], UNTIL)["600000.SH"]
    assert after.price_limit_pct.tolist() == [0.10, 0.10, 0.05, 0.05, 0.05, 0.05]


def test_a_backtest_reads_synced_bars_forward_adjusted(empty_app) -> None:
    from mystocks.jobs.backtests import load_bars

    app, _, _ = empty_app
    run_sync(app, Scripted(**{"600000.SH": daily("600000.SH")}))
    bars = load_bars(app.services.data.relational, ["600000.SH"], DAYS[0], UNTIL)["600000.SH"]
    # qfq, as the sample is stored: the 10送10 and the dividend are no fall in price
    assert bars.close.tolist() == [9.5238, 9.5238, 10.0, 10.0, 10.0, 10.2]
    assert bars.open.tolist() == bars.close.tolist()  # the scripted bars open at the close


def test_named_stored_symbols_sync_when_the_list_cannot_be_had(empty_app) -> None:
    app, _, _ = empty_app
    provider = Scripted(**{"600000.SH": daily("600000.SH")})
    run_sync(app, provider)  # stores the instrument
    provider.failing.add(("instruments", ""))
    provider.bars["600000.SH"] = daily("600000.SH", [*CLOSES, 10.3], [*DAYS, D(2024, 1, 10)])
    report = run_sync(app, provider, symbols=("600000.SH",), until=D(2024, 1, 10))
    assert report.symbols["600000.SH"].written == {"1d": 1}
    with pytest.raises(SourceFailed, match="no provider could list"):
        run_sync(app, provider)  # every A-share needs the list


def test_a_dead_process_s_sync_is_marked_interrupted_and_another_host_s_is_not(empty_app):
    import subprocess
    import sys

    from sqlalchemy import update

    from mystocks.adapters.sql.tables import Base
    from mystocks.market.sync_store import HOST, SyncJobStore

    app, _, _ = empty_app
    store = SyncJobStore(app.services.data.relational.engine)
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    now = dt.datetime.now(dt.UTC)
    ids = [store.create("cli", {"periods": ["1d"], "providers": ["tdx"]}, now) for _ in range(3)]
    runners = [f"{HOST}:{gone.stdout.strip()}", "another-host:1", None]  # None: this process
    table = Base.metadata.tables["sync_jobs"]
    with app.services.data.relational.engine.begin() as conn:
        for job_id, runner in zip(ids, runners, strict=True):
            if runner is not None:
                conn.execute(update(table).where(table.c.id == job_id).values(runner=runner))
    assert store.interrupt_orphans(now) == 1
    assert [store.get(i)["status"] for i in ids] == ["interrupted", "running", "running"]
