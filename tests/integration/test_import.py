"""`mystocks import`: files streamed through the ingest checks into the stores."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from mystocks.adapters.manager import UnifiedManager
from mystocks.cli import cli
from mystocks.market.imports import import_file
from mystocks.market.ingest import IngestService


@pytest.fixture
def data_dir(template_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(template_dir, tmp_path, dirs_exist_ok=True)
    monkeypatch.setenv("MYSTOCKS_DATA_DIR", str(tmp_path))
    return tmp_path


def manager(folder: Path) -> UnifiedManager:
    return UnifiedManager.from_urls(
        f"sqlite:///{folder / 'mystocks.db'}", f"sqlite:///{folder / 'timeseries.db'}"
    )


def test_csv_ticks_with_mapping_and_naive_times(data_dir, tmp_path):
    path = tmp_path / "ticks.csv"
    path.write_text(
        "code,time,last,qty\n"
        "600036.SH,2017-07-27 09:30:03,25.90,1200\n"
        "600036.sh,2017-07-27 09:30:06,26.10,800\n"
        "999999.SH,2017-07-27 09:30:06,26.10,800\n"
        "600036.SH,not a time,26.10,800\n"
        "600036.SH,2017-07-27 09:30:09,-1,800\n",
        encoding="utf-8",
    )
    data = manager(data_dir)
    report = import_file(
        IngestService(data),
        "ticks",
        path,
        zone="Asia/Shanghai",
        mapping={"symbol": "code", "ts": "time", "price": "last", "volume": "qty"},
        chunk_rows=2,
    )
    assert (report.read, report.written, report.rejected) == (5, 2, 3)
    assert [line for line, _, _ in report.examples] == [4, 5, 6]
    assert report.reasons["symbol is not a listed instrument"] == 1
    rows = data.timeseries.read_ticks(
        "600036.SH", start=1501119000000, end=None, after=None, limit=10
    )
    # 09:30:03 in Shanghai is 01:30:03 UTC
    assert [(r[0], r[1], r[2]) for r in rows] == [
        (1501119003000, 25.9, 1200),
        (1501119006000, 26.1, 800),
    ]


def test_parquet_daily_bars(data_dir, tmp_path):
    path = tmp_path / "bars.parquet"
    pd.DataFrame(
        {
            "symbol": ["AAPL.US", "AAPL.US"],
            "ts": ["2013-03-04T00:00:00-05:00", "2013-03-05T00:00:00-05:00"],
            "open": [421.0, 422.0],
            "high": [425.0, 435.0],
            "low": [419.0, 420.0],
            "close": [420.05, 431.14],
            "volume": [20000000, 21000000],
        }
    ).to_parquet(path)
    data = manager(data_dir)
    report = import_file(IngestService(data), "bars", path, period="1d")
    assert (report.written, report.rejected) == (2, 0)
    bars = data.relational.recent_daily_bars(["AAPL.US"], 2)["AAPL.US"]
    assert [(str(b[0]), b[4]) for b in bars] == [("2013-03-05", 431.14), ("2013-03-04", 420.05)]


def test_cli_reports_and_exits_3_when_rows_are_rejected(data_dir, tmp_path):
    good = tmp_path / "good.csv"
    good.write_text(
        "symbol,ts,price,volume\n600036.SH,2017-07-27T09:30:03+08:00,25.9,100\n", encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["import", "ticks", str(good)])
    assert result.exit_code == 0, result.output
    assert "rows written" in result.output and "1" in result.output
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "symbol,ts,price,volume\n600036.SH,2017-07-27T09:30:03+08:00,0,100\n", encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["import", "ticks", str(bad)])
    assert result.exit_code == 3 and "price must be positive" in result.output


def test_cli_names_missing_columns(data_dir, tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("sym,ts,price,volume\nA,1,2,3\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["import", "ticks", str(path)])
    assert result.exit_code == 1
    assert "no column for symbol" in result.output and "--map" in result.output


def test_cli_imports_are_audited(data_dir, tmp_path):
    from mystocks.identity.audit_store import AuditStore

    good = tmp_path / "good.csv"
    good.write_text(
        "symbol,ts,price,volume\n600036.SH,2017-07-27T09:30:03+08:00,25.9,100\n", encoding="utf-8"
    )
    assert CliRunner().invoke(cli, ["import", "ticks", str(good)]).exit_code == 0
    data = manager(data_dir)
    lines = AuditStore(data.relational.engine).page(
        actor=None, action="market.import", since=None, until=None, before_id=None, limit=5
    )
    data.dispose()
    assert len(lines) == 1
    line = lines[0]
    assert line["actor"].startswith("cli:") and line["actor_kind"] == "system"
    assert (line["target_type"], line["target_id"], line["outcome"]) == ("ticks", "good.csv", "ok")
    assert line["details"] == {"file": "good.csv", "read": 1, "written": 1, "rejected": 0}
    assert line["client_ip"] is None and line["request_id"] is None
