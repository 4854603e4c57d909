"""Each handler module is its tag's Protocol: a handler that drifts from the contract fails mypy."""

from __future__ import annotations

from mystocks_contract.protocols import (
    AlertsHandlers,
    ApiKeysHandlers,
    AuditHandlers,
    AuthHandlers,
    BacktestsHandlers,
    DashboardHandlers,
    EventsHandlers,
    MarketHandlers,
    PaperHandlers,
    ScreensHandlers,
    StrategiesHandlers,
    SystemHandlers,
    TrainingHandlers,
    WatchlistsHandlers,
)

from mystocks.api import (
    alerts,
    api_keys,
    audit,
    auth,
    backtests,
    dashboard,
    events,
    market,
    paper,
    screens,
    strategies,
    system,
    training,
    watchlists,
)

_system: SystemHandlers = system
_auth: AuthHandlers = auth
_market: MarketHandlers = market
_strategies: StrategiesHandlers = strategies
_backtests: BacktestsHandlers = backtests
_dashboard: DashboardHandlers = dashboard
_events: EventsHandlers = events
_training: TrainingHandlers = training
_alerts: AlertsHandlers = alerts
_paper: PaperHandlers = paper
_watchlists: WatchlistsHandlers = watchlists
_screens: ScreensHandlers = screens
_audit: AuditHandlers = audit
_api_keys: ApiKeysHandlers = api_keys
