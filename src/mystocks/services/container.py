"""The services one app instance uses, built once by the composition root (`mystocks.app`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from mystocks.services.alerts import AlertService
from mystocks.services.api_keys import ApiKeyService
from mystocks.services.audit import AuditLog
from mystocks.services.auth import AuthService
from mystocks.services.backtests import BacktestService
from mystocks.services.cache import Cache, LocalCache
from mystocks.services.dashboard import DashboardService
from mystocks.services.events import EventBus
from mystocks.services.hub import Hub
from mystocks.services.jobs import JobRunner
from mystocks.services.live_signals import LiveSignals
from mystocks.services.market import MarketService
from mystocks.services.matching import Matching
from mystocks.services.paper import PaperService
from mystocks.services.redis_link import RedisLink
from mystocks.services.screens import ScreenService
from mystocks.services.strategies import StrategyService
from mystocks.services.training import TrainingService
from mystocks.services.watchlists import WatchlistService
from mystocks.settings import Settings
from mystocks.storage.manager import UnifiedManager


@dataclass(frozen=True)
class Services:
    settings: Settings
    api_version: str
    data: UnifiedManager
    auth: AuthService
    api_keys: ApiKeyService
    market: MarketService
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
