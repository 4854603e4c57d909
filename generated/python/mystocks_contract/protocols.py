"""Handler Protocols, one per tag, generated from the contract by `make generate`.

Do not edit.

Connexion passes path and query parameters by keyword, already coerced to these types and
validated against the contract; `format: date`/`date-time` values arrive as strings. A request
body, JSON or form, arrives as `body`, already validated, typed as its schema's TypedDict.
"""

from __future__ import annotations

from typing import Any, Literal, Protocol

from starlette.responses import Response

from mystocks_contract import typeddicts as td

Adjust = Literal["none", "qfq", "hfq"]
AlertSeverity = Literal["info", "warning", "critical"]
BarField = Literal["open", "high", "low", "close", "volume", "amount"]
Exchange = Literal["SSE", "SZSE", "BSE", "NASDAQ", "NYSE"]
IndicatorName = Literal["MA", "EMA", "MACD", "RSI", "BOLL", "KDJ", "ATR"]
InstrumentType = Literal["stock", "index"]
JobStatus = Literal["queued", "running", "succeeded", "failed", "cancelled"]
OrderSide = Literal["buy", "sell"]
OrderStatus = Literal["new", "partially_filled", "filled", "cancelled", "rejected", "expired"]
Period = Literal["1m", "5m", "15m", "30m", "60m", "1d", "1w", "1M"]
StrategyStatus = Literal["draft", "active", "archived"]


class SystemHandlers(Protocol):
    """Handlers of the `system` tag, in `mystocks.api.system`."""

    async def get_health(self) -> Response:
        """Liveness"""
        ...

    async def get_ready(self) -> Response:
        """Readiness"""
        ...

    async def get_version(self) -> Response:
        """Version of the server and of the contract"""
        ...

    async def get_metrics(self) -> Response:
        """Prometheus metrics (admins)"""
        ...


class AuthHandlers(Protocol):
    """Handlers of the `auth` tag, in `mystocks.api.auth`."""

    async def create_token(self, *, body: td.TokenRequest) -> Response:
        """Sign in (OAuth2 password grant)"""
        ...

    async def refresh_token(self, *, body: td.RefreshRequest) -> Response:
        """Refresh a session's tokens"""
        ...

    async def logout(self) -> Response:
        """Sign out"""
        ...

    async def get_current_user(self) -> Response:
        """The signed-in user"""
        ...


class MarketHandlers(Protocol):
    """Handlers of the `market` tag, in `mystocks.api.market`."""

    async def list_symbols(
        self,
        *,
        q: str | None = ...,
        type: InstrumentType | None = ...,
        exchange: Exchange | None = ...,
        industry: str | None = ...,
        has_bars: bool | None = ...,
        cursor: str | None = ...,
        limit: int = ...,
    ) -> Response:
        """Search instruments"""
        ...

    async def get_symbol(self, *, symbol: str) -> Response:
        """One instrument"""
        ...

    async def list_quotes(self, *, symbols: list[str]) -> Response:
        """Latest quotes of several instruments"""
        ...

    async def get_quote(self, *, symbol: str) -> Response:
        """Latest quote of one instrument"""
        ...

    async def ingest_bars(self, *, body: td.BarIngest) -> Response:
        """Ingest a batch of bars (admin)"""
        ...

    async def list_bars(
        self,
        *,
        symbol: str,
        period: Period = ...,
        adjust: Adjust | None = ...,
        start: str | None = ...,
        end: str | None = ...,
        fields: list[BarField] | None = ...,
        cursor: str | None = ...,
        limit: int = ...,
    ) -> Response:
        """K-line bars"""
        ...

    async def ingest_ticks(self, *, body: td.TickIngest) -> Response:
        """Ingest a batch of ticks (admin)"""
        ...

    async def list_ticks(
        self,
        *,
        symbol: str,
        start: str | None = ...,
        end: str | None = ...,
        cursor: str | None = ...,
        limit: int = ...,
    ) -> Response:
        """Ticks"""
        ...

    async def get_indicators(
        self,
        *,
        symbol: str,
        indicator: IndicatorName,
        params: list[float] | None = ...,
        period: Period = ...,
        adjust: Adjust | None = ...,
        start: str | None = ...,
        end: str | None = ...,
        cursor: str | None = ...,
        limit: int = ...,
    ) -> Response:
        """Technical indicators"""
        ...

    async def get_calendar(
        self, *, start: str, end: str, exchange: Literal["XSHG", "XSHE", "XNYS"] = ...
    ) -> Response:
        """Trading days"""
        ...

    async def create_sync_job(self, *, body: td.SyncJobRequest) -> Response:
        """Start a market-data sync (admin)"""
        ...

    async def get_sync_job(self, *, job_id: int) -> Response:
        """One sync, with its data-quality report (admin)"""
        ...


class StrategiesHandlers(Protocol):
    """Handlers of the `strategies` tag, in `mystocks.api.strategies`."""

    async def list_strategy_types(self) -> Response:
        """The built-in strategy types"""
        ...

    async def list_strategies(
        self,
        *,
        status: StrategyStatus = ...,
        owner: str | None = ...,
        cursor: str | None = ...,
        limit: int = ...,
    ) -> Response:
        """Strategies"""
        ...

    async def create_strategy(self, *, body: td.StrategyInput) -> Response:
        """Create a strategy"""
        ...

    async def get_strategy(self, *, strategy_id: int) -> Response:
        """One strategy"""
        ...

    async def replace_strategy(self, *, strategy_id: int, body: td.StrategyInput) -> Response:
        """Replace a strategy"""
        ...

    async def update_strategy(self, *, strategy_id: int, body: td.StrategyPatch) -> Response:
        """Change some fields of a strategy"""
        ...

    async def delete_strategy(self, *, strategy_id: int) -> Response:
        """Delete a strategy"""
        ...

    async def start_strategy(
        self, *, strategy_id: int, body: td.StrategyStart | None = ...
    ) -> Response:
        """Turn live signals on"""
        ...

    async def stop_strategy(self, *, strategy_id: int) -> Response:
        """Turn live signals off"""
        ...

    async def list_signals(
        self, *, strategy_id: int, cursor: str | None = ..., limit: int = ...
    ) -> Response:
        """A strategy's live signals"""
        ...


class BacktestsHandlers(Protocol):
    """Handlers of the `backtests` tag, in `mystocks.api.backtests`."""

    async def list_backtests(
        self, *, status: JobStatus | None = ..., cursor: str | None = ..., limit: int = ...
    ) -> Response:
        """Backtests"""
        ...

    async def create_backtest(self, *, body: td.BacktestRequest) -> Response:
        """Start a backtest"""
        ...

    async def get_backtest(self, *, backtest_id: int) -> Response:
        """One backtest"""
        ...

    async def get_backtest_equity(self, *, backtest_id: int) -> Response:
        """A backtest's equity curve"""
        ...

    async def list_backtest_trades(self, *, backtest_id: int) -> Response:
        """A backtest's trades"""
        ...

    async def cancel_backtest(self, *, backtest_id: int) -> Response:
        """Cancel a backtest"""
        ...


class TrainingHandlers(Protocol):
    """Handlers of the `training` tag, in `mystocks.api.training`."""

    async def list_training_jobs(
        self, *, status: JobStatus | None = ..., cursor: str | None = ..., limit: int = ...
    ) -> Response:
        """Training jobs"""
        ...

    async def create_training_job(self, *, body: td.TrainingRequest) -> Response:
        """Start a parameter search"""
        ...

    async def get_training_job(self, *, job_id: int) -> Response:
        """One training job, with its ranked trials"""
        ...

    async def cancel_training_job(self, *, job_id: int) -> Response:
        """Cancel a training job"""
        ...


class PaperHandlers(Protocol):
    """Handlers of the `paper` tag, in `mystocks.api.paper`."""

    async def list_accounts(self, *, cursor: str | None = ..., limit: int = ...) -> Response:
        """Paper accounts"""
        ...

    async def create_account(self, *, body: td.AccountInput) -> Response:
        """Open a paper account"""
        ...

    async def get_account(self, *, account_id: int) -> Response:
        """One paper account"""
        ...

    async def list_positions(self, *, account_id: int) -> Response:
        """An account's positions"""
        ...

    async def list_trades(
        self, *, account_id: int, cursor: str | None = ..., limit: int = ...
    ) -> Response:
        """An account's trades"""
        ...

    async def get_account_equity(
        self, *, account_id: int, start: str | None = ..., end: str | None = ...
    ) -> Response:
        """An account's daily equity"""
        ...

    async def list_orders(
        self,
        *,
        account_id: int | None = ...,
        symbol: str | None = ...,
        status: OrderStatus | None = ...,
        side: OrderSide | None = ...,
        cursor: str | None = ...,
        limit: int = ...,
    ) -> Response:
        """Paper orders"""
        ...

    async def create_order(self, *, body: td.OrderInput) -> Response:
        """Place a paper order"""
        ...

    async def get_order(self, *, order_id: int) -> Response:
        """One paper order"""
        ...

    async def cancel_order(self, *, order_id: int) -> Response:
        """Cancel a paper order"""
        ...


class WatchlistsHandlers(Protocol):
    """Handlers of the `watchlists` tag, in `mystocks.api.watchlists`."""

    async def list_watchlists(self, *, cursor: str | None = ..., limit: int = ...) -> Response:
        """Your watchlists"""
        ...

    async def create_watchlist(self, *, body: td.WatchlistInput) -> Response:
        """Create a watchlist"""
        ...

    async def get_watchlist(self, *, watchlist_id: int) -> Response:
        """One watchlist"""
        ...

    async def update_watchlist(self, *, watchlist_id: int, body: td.WatchlistPatch) -> Response:
        """Rename or reorder a watchlist"""
        ...

    async def delete_watchlist(self, *, watchlist_id: int) -> Response:
        """Delete a watchlist"""
        ...

    async def put_watchlist_item(
        self, *, watchlist_id: int, symbol: str, body: td.WatchlistItemInput | None = ...
    ) -> Response:
        """Add an instrument to a watchlist, or change its note or place"""
        ...

    async def delete_watchlist_item(self, *, watchlist_id: int, symbol: str) -> Response:
        """Remove an instrument from a watchlist"""
        ...

    async def get_watchlist_quotes(self, *, watchlist_id: int) -> Response:
        """The latest quote of every item of a watchlist"""
        ...


class ScreensHandlers(Protocol):
    """Handlers of the `screens` tag, in `mystocks.api.screens`."""

    async def run_screen(
        self, *, body: td.ScreenRunRequest, cursor: str | None = ..., limit: int = ...
    ) -> Response:
        """Run a screen over a universe"""
        ...

    async def list_builtin_screens(self) -> Response:
        """Built-in screens"""
        ...

    async def list_screens(self, *, cursor: str | None = ..., limit: int = ...) -> Response:
        """Your saved screens"""
        ...

    async def create_screen(self, *, body: td.ScreenInput) -> Response:
        """Save a screen"""
        ...

    async def get_screen(self, *, screen_id: int) -> Response:
        """One saved screen"""
        ...

    async def replace_screen(self, *, screen_id: int, body: td.ScreenInput) -> Response:
        """Replace a saved screen"""
        ...

    async def delete_screen(self, *, screen_id: int) -> Response:
        """Delete a saved screen"""
        ...


class AuditHandlers(Protocol):
    """Handlers of the `audit` tag, in `mystocks.api.audit`."""

    async def list_audit(
        self,
        *,
        actor: str | None = ...,
        action: str | None = ...,
        since: str | None = ...,
        until: str | None = ...,
        cursor: str | None = ...,
        limit: int = ...,
    ) -> Response:
        """The audit log"""
        ...


class DashboardHandlers(Protocol):
    """Handlers of the `dashboard` tag, in `mystocks.api.dashboard`."""

    async def get_dashboard(self, *, watchlist: int | None = ...) -> Response:
        """Dashboard snapshot"""
        ...


class EventsHandlers(Protocol):
    """Handlers of the `events` tag, in `mystocks.api.events`."""

    async def stream_backtests(self, *, job_id: int | None = ...) -> Response:
        """Live backtest updates (Server-Sent Events)"""
        ...

    async def stream_training(self, *, job_id: int | None = ...) -> Response:
        """Live training updates (Server-Sent Events)"""
        ...

    async def stream_dashboard(self, *, watchlist: int | None = ...) -> Response:
        """Live dashboard (Server-Sent Events)"""
        ...

    async def stream_sync(self, *, job_id: int | None = ...) -> Response:
        """Live sync progress (Server-Sent Events, admin)"""
        ...

    async def stream_alerts(self) -> Response:
        """Live risk alerts (Server-Sent Events)"""
        ...

    async def open_websocket(self) -> Response:
        """The WebSocket channel (market data, signals, orders, alerts)"""
        ...


class AlertsHandlers(Protocol):
    """Handlers of the `alerts` tag, in `mystocks.api.alerts`."""

    async def list_alert_rules(self) -> Response:
        """Your risk alert rules"""
        ...

    async def create_alert_rule(self, *, body: td.AlertRuleCreate) -> Response:
        """Add a risk alert rule"""
        ...

    async def delete_alert_rule(self, *, rule_id: int) -> Response:
        """Remove a risk alert rule"""
        ...

    async def list_alerts(
        self,
        *,
        severity: AlertSeverity = ...,
        acknowledged: bool | None = ...,
        cursor: str | None = ...,
        limit: int = ...,
    ) -> Response:
        """Your risk alerts"""
        ...

    async def acknowledge_alert(self, *, alert_id: int) -> Response:
        """Acknowledge a risk alert"""
        ...


class ApiKeysHandlers(Protocol):
    """Handlers of the `api_keys` tag, in `mystocks.api.api_keys`."""

    async def list_api_keys(self) -> Response:
        """Your API keys"""
        ...

    async def create_api_key(self, *, body: td.ApiKeyCreate) -> Response:
        """Create an API key for a program"""
        ...

    async def revoke_api_key(self, *, key_id: str) -> Response:
        """Revoke an API key"""
        ...


OPERATION_IDS: tuple[str, ...] = (
    "mystocks.api.system.get_health",
    "mystocks.api.system.get_ready",
    "mystocks.api.system.get_version",
    "mystocks.api.system.get_metrics",
    "mystocks.api.auth.create_token",
    "mystocks.api.auth.refresh_token",
    "mystocks.api.auth.logout",
    "mystocks.api.auth.get_current_user",
    "mystocks.api.market.list_symbols",
    "mystocks.api.market.get_symbol",
    "mystocks.api.market.list_quotes",
    "mystocks.api.market.get_quote",
    "mystocks.api.market.ingest_bars",
    "mystocks.api.market.list_bars",
    "mystocks.api.market.ingest_ticks",
    "mystocks.api.market.list_ticks",
    "mystocks.api.market.get_indicators",
    "mystocks.api.market.get_calendar",
    "mystocks.api.strategies.list_strategy_types",
    "mystocks.api.strategies.list_strategies",
    "mystocks.api.strategies.create_strategy",
    "mystocks.api.strategies.get_strategy",
    "mystocks.api.strategies.replace_strategy",
    "mystocks.api.strategies.update_strategy",
    "mystocks.api.strategies.delete_strategy",
    "mystocks.api.strategies.start_strategy",
    "mystocks.api.strategies.stop_strategy",
    "mystocks.api.strategies.list_signals",
    "mystocks.api.backtests.list_backtests",
    "mystocks.api.backtests.create_backtest",
    "mystocks.api.backtests.get_backtest",
    "mystocks.api.backtests.get_backtest_equity",
    "mystocks.api.backtests.list_backtest_trades",
    "mystocks.api.backtests.cancel_backtest",
    "mystocks.api.training.list_training_jobs",
    "mystocks.api.training.create_training_job",
    "mystocks.api.training.get_training_job",
    "mystocks.api.training.cancel_training_job",
    "mystocks.api.paper.list_accounts",
    "mystocks.api.paper.create_account",
    "mystocks.api.paper.get_account",
    "mystocks.api.paper.list_positions",
    "mystocks.api.paper.list_trades",
    "mystocks.api.paper.get_account_equity",
    "mystocks.api.paper.list_orders",
    "mystocks.api.paper.create_order",
    "mystocks.api.paper.get_order",
    "mystocks.api.paper.cancel_order",
    "mystocks.api.watchlists.list_watchlists",
    "mystocks.api.watchlists.create_watchlist",
    "mystocks.api.watchlists.get_watchlist",
    "mystocks.api.watchlists.update_watchlist",
    "mystocks.api.watchlists.delete_watchlist",
    "mystocks.api.watchlists.put_watchlist_item",
    "mystocks.api.watchlists.delete_watchlist_item",
    "mystocks.api.watchlists.get_watchlist_quotes",
    "mystocks.api.screens.run_screen",
    "mystocks.api.screens.list_builtin_screens",
    "mystocks.api.screens.list_screens",
    "mystocks.api.screens.create_screen",
    "mystocks.api.screens.get_screen",
    "mystocks.api.screens.replace_screen",
    "mystocks.api.screens.delete_screen",
    "mystocks.api.audit.list_audit",
    "mystocks.api.dashboard.get_dashboard",
    "mystocks.api.events.stream_backtests",
    "mystocks.api.events.stream_training",
    "mystocks.api.events.stream_dashboard",
    "mystocks.api.events.stream_sync",
    "mystocks.api.market.create_sync_job",
    "mystocks.api.market.get_sync_job",
    "mystocks.api.events.stream_alerts",
    "mystocks.api.alerts.list_alert_rules",
    "mystocks.api.alerts.create_alert_rule",
    "mystocks.api.alerts.delete_alert_rule",
    "mystocks.api.alerts.list_alerts",
    "mystocks.api.alerts.acknowledge_alert",
    "mystocks.api.events.open_websocket",
    "mystocks.api.api_keys.list_api_keys",
    "mystocks.api.api_keys.create_api_key",
    "mystocks.api.api_keys.revoke_api_key",
)
