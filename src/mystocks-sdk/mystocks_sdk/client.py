"""`Client`: one signed-in connection to a MyStocks server, over the generated client."""

from __future__ import annotations

import datetime as dt
import ssl
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, Protocol, Self, TypeVar, overload

import httpx
from mystocks_client import AuthenticatedClient, models
from mystocks_client.api.auth import create_token, get_current_user, logout
from mystocks_client.api.backtests import (
    create_backtest,
    get_backtest,
    get_backtest_equity,
    list_backtest_trades,
)
from mystocks_client.api.market import (
    get_indicators,
    get_quote,
    get_symbol,
    list_bars,
    list_symbols,
    list_ticks,
)
from mystocks_client.api.screens import run_screen
from mystocks_client.api.strategies import create_strategy, list_strategy_types
from mystocks_client.api.training import create_training_job, get_training_job
from mystocks_client.models import (
    Backtest,
    BacktestRequest,
    BacktestTrade,
    Bar,
    EquityPoint,
    IndicatorName,
    IndicatorPoint,
    Instrument,
    Problem,
    Quote,
    ScreenMatch,
    ScreenRunRequest,
    StrategyTypeInfo,
    Tick,
    TokenRequest,
    TrainingJob,
    TrainingRequest,
    User,
)
from mystocks_client.models.period import Period
from mystocks_client.types import UNSET, Response, Unset

from . import jobs
from .auth import ApiKeySignature, TokenSession
from .errors import APIError

T = TypeVar("T")


class _Model(Protocol):
    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self: ...


M = TypeVar("M", bound=_Model)
Job = TypeVar("Job", Backtest, TrainingJob)
Operation = Callable[..., Response[Any]]

API = "/api/v1"


class Client:
    """A connection to one server, signed in (`Client.login`) or holding an API key
    (`Client.with_api_key`).

    The common reads and jobs are methods here, typed and paged for you. Every other operation
    of the contract is in the generated package `mystocks_client.api`; run it with `call` (or
    `pages` for a paged list) to get the same error handling:

        from mystocks_client.api.paper import list_positions
        positions = client.call(list_positions.sync_detailed, account_id)
    """

    def __init__(
        self,
        url: str,
        auth: httpx.Auth | None = None,
        *,
        timeout: float = 30.0,
        verify: bool | ssl.SSLContext = True,
    ) -> None:
        self.url = url.rstrip("/")
        self.http = httpx.Client(base_url=self.url, auth=auth, timeout=timeout, verify=verify)
        # The generated functions take this; it sends through our httpx client (and its auth).
        self.api = AuthenticatedClient(base_url=self.url, token="").set_httpx_client(self.http)

    # -- signing in ----------------------------------------------------------------------------
    @classmethod
    def login(cls, url: str, username: str, password: str, **options: Any) -> Client:
        """Sign in with a password. The access token is refreshed before it expires, for as
        long as the session lasts (`refresh_expires_in`, seven days by default)."""
        client = cls(url, **options)
        try:
            answer = create_token.sync_detailed(
                client=client.api, body=TokenRequest(username=username, password=password)
            )
            token = _parsed(answer).to_dict()
        except BaseException:
            client.close()
            raise
        client.http.auth = TokenSession(token, f"{client.url}{API}/auth/refresh")
        return client

    @classmethod
    def with_api_key(cls, url: str, key_id: str, secret: str, **options: Any) -> Client:
        """Use an API key (`POST /api/v1/api-keys`): every request is signed with its secret.
        A key does what its scopes allow; it has no session, so there is nothing to refresh."""
        return cls(url, ApiKeySignature(key_id, secret), **options)

    def logout(self) -> None:
        """End the session: its tokens are refused from now on, on every server instance."""
        self.call(logout.sync_detailed)
        self.close()

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- any operation -------------------------------------------------------------------------
    def call(self, operation: Operation, /, *args: Any, **kwargs: Any) -> Any:
        """Run a generated `sync_detailed` function and return its parsed answer, or raise
        `APIError` with the problem's fields."""
        return _parsed(operation(*args, client=self.api, **kwargs))

    def pages(self, operation: Operation, /, *args: Any, **kwargs: Any) -> Iterator[Any]:
        """Every item of a paged list, following `next_cursor` page after page."""
        cursor: str | Unset = UNSET
        while True:
            page = self.call(operation, *args, cursor=cursor, **kwargs)
            yield from page.items
            if not isinstance(page.next_cursor, str):
                return
            cursor = page.next_cursor

    # -- market data ---------------------------------------------------------------------------
    def me(self) -> User:
        return _typed(self.call(get_current_user.sync_detailed), User)

    def search(self, query: str, *, limit: int = 20) -> list[Instrument]:
        """Instruments by code (`600036`), name (`招商银行`) or pinyin initials (`zsyh`), best
        match first."""
        page = self.call(list_symbols.sync_detailed, q=query, limit=limit)
        return [_typed(item, Instrument) for item in page.items]

    def instrument(self, symbol: str) -> Instrument:
        return _typed(self.call(get_symbol.sync_detailed, symbol), Instrument)

    def quote(self, symbol: str) -> Quote:
        return _typed(self.call(get_quote.sync_detailed, symbol), Quote)

    def bars(
        self,
        symbol: str,
        period: str = "1d",
        start: dt.date | None = None,
        end: dt.date | None = None,
    ) -> list[Bar]:
        """K-line bars of every page between `start` and `end` (inclusive)."""
        found = self.pages(
            list_bars.sync_detailed, symbol, period=Period(period), **_range(start, end)
        )
        return [_typed(bar, Bar) for bar in found]

    def ticks(
        self, symbol: str, start: dt.datetime | None = None, end: dt.datetime | None = None
    ) -> list[Tick]:
        found = self.pages(list_ticks.sync_detailed, symbol, **_range(start, end))
        return [_typed(tick, Tick) for tick in found]

    def indicators(
        self,
        symbol: str,
        indicator: str,
        params: Sequence[float] = (),
        *,
        period: str = "1d",
        start: dt.date | None = None,
        end: dt.date | None = None,
    ) -> list[IndicatorPoint]:
        """An indicator as the server computes it (TA-Lib, with the terminals' conventions):
        one point per bar, `values` keyed by series name (`DIF`, `DEA`, `MACD`, ...)."""
        found = self.pages(
            get_indicators.sync_detailed,
            symbol,
            indicator=IndicatorName(indicator),
            params=list(params) if params else UNSET,
            period=Period(period),
            **_range(start, end),
        )
        return [_typed(point, IndicatorPoint) for point in found]

    def screen(
        self, request: Mapping[str, Any] | ScreenRunRequest, *, limit: int = 100
    ) -> list[ScreenMatch]:
        """Every match of a screen (`{"builtin": "macd_golden_cross"}`, a saved `screen_id`,
        or an ad hoc `condition`)."""
        body = _model(ScreenRunRequest, request)
        found = self.pages(run_screen.sync_detailed, body=body, limit=limit)
        return [_typed(match, ScreenMatch) for match in found]

    # -- strategies and jobs -------------------------------------------------------------------
    def strategy_types(self) -> list[StrategyTypeInfo]:
        return list(self.call(list_strategy_types.sync_detailed).items)

    def create_strategy(
        self, name: str, type: str, parameters: Mapping[str, Any], symbols: Sequence[str]
    ) -> Any:
        """A stored strategy (one of the generated `Strategy…` classes, by `type`)."""
        body = {"name": name, "type": type, "parameters": dict(parameters), "symbols": [*symbols]}
        return self.call(create_strategy.sync_detailed, body=_strategy_input(body))

    def backtest(self, request: Mapping[str, Any] | BacktestRequest) -> Backtest:
        """Queue a backtest; `follow` it to watch it run."""
        body = _model(BacktestRequest, request)
        return _typed(self.call(create_backtest.sync_detailed, body=body), Backtest)

    def train(self, request: Mapping[str, Any] | TrainingRequest) -> TrainingJob:
        """Queue a training job (a parameter search); `follow` it to watch it run."""
        body = _model(TrainingRequest, request)
        return _typed(self.call(create_training_job.sync_detailed, body=body), TrainingJob)

    @overload
    def job(self, job: Backtest) -> Backtest: ...
    @overload
    def job(self, job: TrainingJob) -> TrainingJob: ...
    def job(self, job: Backtest | TrainingJob) -> Backtest | TrainingJob:
        """The job as it is now."""
        if isinstance(job, Backtest):
            return _typed(self.call(get_backtest.sync_detailed, job.id), Backtest)
        return _typed(self.call(get_training_job.sync_detailed, job.id), TrainingJob)

    def follow(self, job: Job, *, progress: bool = True, timeout: float | None = None) -> Job:
        """Stream the job's progress (Server-Sent Events, resuming with `Last-Event-ID` if the
        connection drops), with a progress bar unless `progress=False`, and return the job
        once it has finished (succeeded, failed or cancelled)."""
        return jobs.follow(self, job, progress=progress, timeout=timeout)

    def trades(self, backtest: Backtest | int) -> list[BacktestTrade]:
        backtest_id = backtest if isinstance(backtest, int) else backtest.id
        return list(self.call(list_backtest_trades.sync_detailed, backtest_id).items)

    def equity(self, backtest: Backtest | int) -> list[EquityPoint]:
        backtest_id = backtest if isinstance(backtest, int) else backtest.id
        return list(self.call(get_backtest_equity.sync_detailed, backtest_id).items)


def _parsed(answer: Response[Any]) -> Any:
    status = int(answer.status_code)
    if status >= 400 or isinstance(answer.parsed, Problem):
        raise APIError.from_answer(status, answer.content, answer.headers)
    return answer.parsed


def _typed(value: Any, kind: type[T]) -> T:
    if not isinstance(value, kind):
        raise TypeError(f"expected {kind.__name__}, the server sent {type(value).__name__}")
    return value


def _range(start: dt.date | None, end: dt.date | None) -> dict[str, Any]:
    return {"start": UNSET if start is None else start, "end": UNSET if end is None else end}


def _model(kind: type[M], value: Mapping[str, Any] | M) -> M:
    """A request body given as the model or as plain values, as the contract spells them."""
    if isinstance(value, kind):
        return value
    assert isinstance(value, Mapping), f"a {kind.__name__} or a mapping, not {value!r}"
    return kind.from_dict(value)


def _strategy_input(values: dict[str, Any]) -> Any:
    """The generated `StrategyInput…` class whose `type` is `values["type"]`."""
    kinds = [getattr(models, name) for name in models.__all__ if name.startswith("StrategyInput")]
    for kind in kinds:
        try:
            return kind.from_dict(values)
        except (KeyError, TypeError, ValueError):
            continue
    names = sorted(kind.__name__.removeprefix("StrategyInput") for kind in kinds)
    raise ValueError(f"not a strategy of a known type ({', '.join(names)}): {values}")
