"""The services one app instance uses, built once by the composition root (`mystocks.app`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from mystocks.adapters.bus import EventBus
from mystocks.adapters.cache import Cache, LocalCache
from mystocks.adapters.manager import UnifiedManager
from mystocks.adapters.redis_link import RedisLink
from mystocks.alerts.service import AlertService
from mystocks.dashboard.service import DashboardService
from mystocks.identity.api_keys import ApiKeyService
from mystocks.identity.audit import AuditLog
from mystocks.identity.auth import AuthService
from mystocks.jobs.backtests import BacktestService
from mystocks.jobs.runner import JobRunner
from mystocks.jobs.training import TrainingService
from mystocks.live.hub import Hub
from mystocks.market.service import MarketService
from mystocks.market.sync_jobs import SyncJobs
from mystocks.screening.service import ScreenService
from mystocks.settings import Settings
from mystocks.strategies.live_signals import LiveSignals
from mystocks.strategies.service import StrategyService
from mystocks.trading.matching import Matching
from mystocks.trading.service import PaperService
from mystocks.watchlists.service import WatchlistService


@dataclass(frozen=True)
class Services:
    settings: Settings
    api_version: str
    data: UnifiedManager
    auth: AuthService
    api_keys: ApiKeyService
    market: MarketService
    sync: SyncJobs  # market-data syncs an administrator starts
    strategies: StrategyService
    backtests: BacktestService
    training: TrainingService
    dashboard: DashboardService
    runner: JobRunner
    bus: EventBus
    live: LiveSignals
    alerts: AlertService
    hub: Hub  # the WebSocket channel's router of bus events
    paper: PaperService
    matching: Matching
    watchlists: WatchlistService
    screens: ScreenService
    audit: AuditLog
    redis: RedisLink | None = None  # set when MYSTOCKS_REDIS_URL is
    cache: Cache = field(default_factory=LocalCache)
