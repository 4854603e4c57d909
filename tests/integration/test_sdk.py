"""The hand-written SDK (`src/mystocks-sdk`, package `mystocks_sdk`) against a real server, as a
program or notebook uses it: sign in, page through, DataFrames, follow a job, one error type."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import httpx
import pandas as pd
import pytest
from mystocks_client.api.api_keys import create_api_key
from mystocks_client.api.market import list_bars
from mystocks_client.api.strategies import get_strategy
from mystocks_client.models import ApiKeyCreate, ApiKeyCreated, Backtest, StrategySmaCross
from mystocks_client.models.api_key_scope import ApiKeyScope
from mystocks_client.models.period import Period
from mystocks_sdk import APIError, Client, TokenSession, to_dataframe

from mystocks.settings import DEV_ADMIN_PASSWORD
from tests.conftest import app_on_copy
from tests.servers import thread_server

SYMBOL = "600036.SH"


@pytest.fixture(scope="module")
def base(template_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    app = app_on_copy(template_dir, tmp_path_factory.mktemp("sdk"))
    with thread_server(app) as url:
        yield url


@pytest.fixture
def client(base: str) -> Iterator[Client]:
    with Client.login(base, "admin", DEV_ADMIN_PASSWORD) as signed_in:
        yield signed_in


def test_search_and_every_page_of_bars_into_a_dataframe(client: Client) -> None:
    found = client.search("zsyh")
    assert found[0].symbol == SYMBOL and found[0].name == "招商银行"

    start, end = dt.date(2016, 7, 1), dt.date(2017, 6, 30)
    bars = client.bars(SYMBOL, "1d", start, end)
    # The same year a page of 20 at a time: `pages` follows next_cursor to the end.
    paged = list(
        client.pages(
            list_bars.sync_detailed, SYMBOL, period=Period("1d"), start=start, end=end, limit=20
        )
    )
    assert len(bars) > 200 and [b.ts for b in paged] == [b.ts for b in bars]

    frame = to_dataframe(bars)
    assert str(frame.index.tz) == "UTC+08:00" and frame.index.is_monotonic_increasing
    assert frame.index[0].date() >= start and frame.index[-1].date() <= end
    assert frame["volume"].dtype == "int64" and frame["close"].dtype == "float64"
    assert (frame["high"] >= frame["low"]).all()


def test_indicators_come_from_the_server_as_columns(client: Client) -> None:
    points = client.indicators(SYMBOL, "MACD", [12, 26, 9], start=dt.date(2017, 6, 1))
    frame = to_dataframe(points)
    assert list(frame.columns) == ["DIF", "DEA", "MACD"]
    # The terminals' MACD histogram is 2 × (DIF − DEA), as the server computes it.
    gap = (2 * (frame["DIF"] - frame["DEA"]) - frame["MACD"]).abs().max()
    assert gap < 1e-3


def test_refusals_raise_one_exception_with_the_problem_fields(base: str, client: Client) -> None:
    with pytest.raises(APIError) as missing:
        client.bars("999999.SH")
    assert missing.value.status == 404 and "999999.SH" in (missing.value.detail or "")
    assert missing.value.request_id  # quoted in a bug report

    with pytest.raises(APIError) as invalid:
        client.backtest(
            {
                "strategy": {"type": "sma_cross", "parameters": {"fast": 30, "slow": 10}},
                "symbols": [SYMBOL],
                "start": "2017-01-01",
                "end": "2017-06-30",
            }
        )
    assert invalid.value.status == 422
    assert [(e["in"], e["name"]) for e in invalid.value.errors] == [("body", "strategy.parameters")]
    assert "fast must be less than slow" in str(invalid.value)

    with pytest.raises(APIError) as refused:
        Client.login(base, "admin", "not the password")
    assert refused.value.status == 401


def test_the_access_token_is_refreshed_before_it_expires_and_after_a_401(client: Client) -> None:
    session = client.http.auth
    assert isinstance(session, TokenSession)
    first_refresh = session.refresh_token
    session.expires_at = 0.0  # as if the hour had passed
    assert client.me().username == "admin"
    assert session.refresh_token != first_refresh  # exchanged, single-use

    session.access_token = "not-a-token"  # a token the server no longer takes
    second_refresh = session.refresh_token
    assert client.me().username == "admin"  # 401, refresh, retried once
    assert session.refresh_token != second_refresh


def test_a_program_with_an_api_key_reads_but_cannot_trade_beyond_its_scope(
    base: str, client: Client
) -> None:
    key = client.call(
        create_api_key.sync_detailed,
        body=ApiKeyCreate(name="sdk reader", scopes=[ApiKeyScope("read")]),
    )
    assert isinstance(key, ApiKeyCreated)
    with Client.with_api_key(base, key.key_id, key.secret) as program:
        assert program.quote(SYMBOL).symbol == SYMBOL
        assert len(program.bars(SYMBOL, start=dt.date(2017, 7, 1))) > 5
        with pytest.raises(APIError) as forbidden:
            program.backtest(
                {
                    "strategy": {"type": "sma_cross", "parameters": {}},
                    "symbols": [SYMBOL],
                    "start": "2017-01-01",
                    "end": "2017-06-30",
                }
            )
    assert forbidden.value.status == 403 and "trade" in (forbidden.value.detail or "")


def test_a_backtest_followed_to_the_end_with_its_trades_and_equity(
    client: Client, capsys: pytest.CaptureFixture[str]
) -> None:
    strategy = client.create_strategy("sdk sma", "sma_cross", {"fast": 5, "slow": 20}, [SYMBOL])
    assert isinstance(strategy, StrategySmaCross) and strategy.parameters.slow == 20
    assert client.call(get_strategy.sync_detailed, strategy.id).name == "sdk sma"

    queued = client.backtest(
        {"strategy_id": strategy.id, "start": "2016-01-01", "end": "2017-07-31"}
    )
    assert isinstance(queued, Backtest) and queued.metrics is None
    done = client.follow(queued)
    assert done.status.value == "succeeded" and done.progress == 1
    assert done.metrics is not None and done.metrics.trades > 0
    assert "100%" in capsys.readouterr().err  # the progress bar reached the end

    trades = to_dataframe(client.trades(done))
    assert len(trades) == done.metrics.trades
    assert set(trades["side"]) <= {"buy", "sell"} and trades.index.tz is not None
    equity = to_dataframe(client.equity(done))
    assert isinstance(equity.index, pd.DatetimeIndex)
    assert equity["equity"].iloc[-1] == pytest.approx(done.metrics.final_equity)


def test_follow_resumes_where_a_dropped_stream_left_off(template_dir: Path, tmp_path: Path) -> None:
    # Streams end after 0.3 s here, as a proxy's idle timeout would cut them: the SDK must
    # reconnect with Last-Event-ID and miss nothing.
    app = app_on_copy(template_dir, tmp_path, sse_max_seconds=0.3)
    with thread_server(app) as url, Client.login(url, "admin", DEV_ADMIN_PASSWORD) as client:
        streams: list[httpx.Request] = []
        client.http.event_hooks["request"].append(
            lambda request: streams.append(request) if "/sse/" in request.url.path else None
        )
        job = client.train(
            {
                "strategy_type": "sma_cross",
                "symbols": [SYMBOL],
                "start": "2015-01-01",
                "end": "2017-07-31",
                "grid": {"fast": [3, 5, 8, 10, 12], "slow": [20, 30, 40, 60]},
            }
        )
        done = client.follow(job, progress=False)
    assert done.status.value == "succeeded" and len(done.trials) == 20
    assert len(streams) > 1, "the job finished within one stream; make it longer"
    resumed = [r.headers.get("Last-Event-ID") for r in streams[1:]]
    assert all(resumed), resumed
