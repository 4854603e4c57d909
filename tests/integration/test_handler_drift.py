"""A handler that drifts from the contract fails mypy (the guard `make typecheck` relies on).

A copy of the real `mystocks.api.market` is checked against the generated `MarketHandlers`
Protocol, first as it is (it must pass), then with one parameter renamed, retyped or dropped.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mypy import api

ROOT = Path(__file__).resolve().parents[2]
MARKET = (ROOT / "src/mystocks/api/market.py").read_text(encoding="utf-8")
SIGNATURE = 'async def list_bars(\n    *,\n    symbol: str,\n    period: Period = "1d",'


def mypy_on(folder: Path, source: str, cache: Path) -> tuple[int, str]:
    (folder / "drift_market.py").write_text(source, encoding="utf-8")
    (folder / "drift_check.py").write_text(
        "import drift_market\n"
        "from mystocks_contract.protocols import MarketHandlers\n\n"
        "_: MarketHandlers = drift_market\n",
        encoding="utf-8",
    )
    out, err, status = api.run(
        [
            "--strict",
            "--cache-dir",
            str(cache),
            "--config-file",
            str(ROOT / "pyproject.toml"),
            str(folder / "drift_check.py"),
        ]
    )
    return status, out + err


@pytest.fixture(scope="module")
def mypy_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("mypy-cache")


def test_the_real_handlers_match_the_contract(tmp_path, monkeypatch, mypy_cache):
    monkeypatch.setenv("MYPYPATH", f"{ROOT / 'src'}:{ROOT / 'generated/python'}:{tmp_path}")
    assert SIGNATURE in MARKET, "list_bars's signature moved; update this test"
    status, output = mypy_on(tmp_path, MARKET, mypy_cache)
    assert status == 0, output


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('    period: Period = "1d",', '    periods: Period = "1d",'),  # renamed
        ('    period: Period = "1d",', '    period: str = "1d",\n    extra: int,'),  # new required
        ("    symbol: str,\n    period", "    symbol: int,\n    period"),  # retyped
    ],
)
def test_a_drifted_handler_fails_mypy(tmp_path, monkeypatch, mypy_cache, old, new):
    monkeypatch.setenv("MYPYPATH", f"{ROOT / 'src'}:{ROOT / 'generated/python'}:{tmp_path}")
    drifted = MARKET.replace(SIGNATURE, SIGNATURE.replace(old, new), 1)
    assert drifted != MARKET
    status, output = mypy_on(tmp_path, drifted, mypy_cache)
    assert status == 1, output
    assert "Incompatible types in assignment (expression has type Module" in output, output


def test_a_handler_taking_the_wrong_body_fails_mypy(tmp_path, monkeypatch, mypy_cache):
    """Request bodies are the contract's TypedDicts: a handler declaring another body type
    (here the ticks' body on the bars' ingest) no longer matches its Protocol."""
    monkeypatch.setenv("MYPYPATH", f"{ROOT / 'src'}:{ROOT / 'generated/python'}:{tmp_path}")
    signature = "async def ingest_bars(*, body: td.BarIngest)"
    assert signature in MARKET, "ingest_bars's signature moved; update this test"
    drifted = MARKET.replace(signature, "async def ingest_bars(*, body: td.TickIngest)", 1)
    status, output = mypy_on(tmp_path, drifted, mypy_cache)
    assert status == 1, output
    assert "ingest_bars" in output, output


def test_a_renamed_body_field_fails_mypy_where_it_is_read(tmp_path, monkeypatch, mypy_cache):
    """A use case reading a body field the contract does not have fails mypy (the order's
    `symbol` read as `code`)."""
    monkeypatch.setenv("MYPYPATH", f"{ROOT / 'src'}:{ROOT / 'generated/python'}:{tmp_path}")
    source = (
        "from mystocks_contract import typeddicts as td\n\n\n"
        "def symbol_of(body: td.OrderInput) -> str:\n"
        "    return body['{field}']\n"
    )
    (tmp_path / "drift_market.py").write_text(source.replace("{field}", "symbol"))
    check = [
        "--strict",
        "--cache-dir",
        str(mypy_cache),
        "--config-file",
        str(ROOT / "pyproject.toml"),
        str(tmp_path / "drift_market.py"),
    ]
    out, err, status = api.run(check)
    assert status == 0, out + err
    (tmp_path / "drift_market.py").write_text(source.replace("{field}", "code"))
    out, err, status = api.run(check)
    assert status == 1 and 'has no key "code"' in out, out + err
