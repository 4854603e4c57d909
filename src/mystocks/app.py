"""The composition root: `create_app(settings)` builds stores, services and the ASGI app.

Nothing happens at import time; tests build as many apps as they like, each with its settings.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import mystocks_contract
import yaml
from connexion import AsyncApp
from connexion.options import SwaggerUIOptions
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.trace import Tracer
from starlette.middleware.gzip import GZipMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send
from starlette.websockets import WebSocketClose

from mystocks import metrics
from mystocks.adapters.manager import UnifiedManager
from mystocks.alerts.service import AlertEngine, AlertService
from mystocks.alerts.store import AlertStore
from mystocks.api import problems
from mystocks.api.docs import MIDDLEWARES
from mystocks.api.edge import edge
from mystocks.api.identity import IdentityMiddleware
from mystocks.api.observe import ObserveMiddleware
from mystocks.api.ratelimit import InProcessLimiter, Limiter, RateLimitMiddleware, RedisLimiter
from mystocks.api.validation import VALIDATOR_MAP
from mystocks.api.webapp import WebApp
from mystocks.api.ws import WS_PATH, WebSocketChannel
from mystocks.bootstrap import bootstrap, jobs
from mystocks.container import Services
from mystocks.dashboard.service import DashboardService
from mystocks.identity.api_key_store import ApiKeyStore
from mystocks.identity.api_keys import (
    ApiKeyService,
    InProcessNonces,
    NonceCache,
    RedisNonces,
    fernet_from,
    scopes_by_operation,
)
from mystocks.identity.audit import AuditLog
from mystocks.identity.audit_store import AuditStore
from mystocks.identity.auth import AuthService
from mystocks.identity.sessions import RedisSessions
from mystocks.identity.throttle import login_throttle
from mystocks.jobs.backtests import BacktestService
from mystocks.jobs.training import TrainingService
from mystocks.live.feed import FeedThread
from mystocks.live.hub import Hub
from mystocks.live.setup import build_feed, options_from
from mystocks.market.service import MarketService
from mystocks.market.sync_jobs import SyncJobs
from mystocks.market.sync_schedule import SyncSchedule, parse_at
from mystocks.market.sync_store import SyncJobStore
from mystocks.screening.service import ScreenService
from mystocks.screening.store import ScreenStore
from mystocks.settings import Settings
from mystocks.strategies.live_signals import LiveSignals
from mystocks.strategies.service import StrategyService
from mystocks.strategies.signal_store import SignalStore
from mystocks.strategies.store import StrategyStore
from mystocks.tracing import provider_for, tracer_of
from mystocks.trading.auto_trade import AutoTrader
from mystocks.trading.matching import Matching
from mystocks.trading.service import PaperService
from mystocks.trading.store import PaperStore
from mystocks.watchlists.service import WatchlistService
from mystocks.watchlists.store import WatchlistStore

log = logging.getLogger("mystocks")

SPEC_PATH = Path(mystocks_contract.__file__).resolve().parents[2] / "openapi.yaml"


class MyStocksApp:
    """The served ASGI app: the Connexion app, with this instance's services in every scope.

    It is also where WebSocket handshakes are dispatched, since Connexion has no WebSocket
    routes: they go to `WebSocketChannel` before the rate limiter and Connexion see them (a
    Starlette `Mount` of the Connexion app would not forward its lifespan).

    Outermost of all is `ObserveMiddleware` (request ids, access log, metrics, spans), so even
    what the layers inside answer on their own is observed.
    """

    def __init__(
        self, connexion_app: AsyncApp, services: Services, tracer: Tracer | None = None
    ) -> None:
        self.connexion_app = connexion_app
        self.services = services
        settings = services.settings
        limits = {
            "anonymous": settings.rate_limit_anonymous,
            "viewer": settings.rate_limit_viewer,
            "trader": settings.rate_limit_trader,
            "admin": settings.rate_limit_admin,
        }
        limiter: Limiter = (
            RedisLimiter(services.redis, fail_open=settings.redis_fail_open)
            if services.redis is not None
            else InProcessLimiter()
        )
        # A year of bars is ~30 KB of JSON and compresses ~5x; small answers stay plain. Level 5
        # compresses nearly as well as Starlette's default 9 at a fraction of the CPU; cached
        # answers arrive compressed already and pass through.
        self._ws = WebSocketChannel(services, services.hub)
        # Who is calling is established once, then counted (`api.identity`, `api.ratelimit`).
        rate_limited = IdentityMiddleware(
            RateLimitMiddleware(
                GZipMiddleware(connexion_app, minimum_size=2048, compresslevel=5), limiter, limits
            ),
            services.auth,
            services.api_keys,
        )
        self._observed = ObserveMiddleware(self._dispatch, tracer)
        # Read by /metrics at scrape time for as long as this app lives (`mystocks.metrics`).
        self.watched = metrics.watch(
            {
                "relational": services.data.relational.engine,
                **({"timeseries": engine} if (engine := _engine_of(services.data)) else {}),
            },
            {"backtest": services.backtests.store, "training": services.training.book.store},
        )
        # The built web app at / (`api.webapp`), outside the rate limiter; security headers
        # and CORS on every answer, 429s included (`api.edge`).
        served: ASGIApp = (
            rate_limited if settings.web_dir is None else WebApp(rate_limited, settings.web_dir)
        )
        self._http = edge(served, settings)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self._observed(scope, receive, send)

    async def _dispatch(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            if scope["path"] == WS_PATH:
                await self._ws(scope, receive, send)
            else:  # refused during the handshake (403)
                await WebSocketClose()(scope, receive, send)
            return
        if scope["type"] == "http":
            scope["state"] = {**scope.get("state", {}), "services": self.services}
        await self._http(scope, receive, send)


def _engine_of(data: UnifiedManager) -> Any:
    """The time-series store's SQLAlchemy engine (TDengine's connector has none)."""
    return getattr(data.timeseries, "engine", None)


def build_services(settings: Settings, spec: dict[str, Any]) -> Services:
    """The server's services over the core of `settings` (`mystocks.bootstrap`)."""
    core = bootstrap(settings)
    data, link, bus = core.data, core.redis, core.bus
    audit = AuditLog(AuditStore(data.relational.engine))
    auth = AuthService(
        data.relational,
        settings.jwt_secret.get_secret_value(),
        settings.jwt_ttl_seconds,
        session_ttl_seconds=settings.session_ttl_seconds,
        sessions=None if link is None else RedisSessions(link, fail_open=settings.redis_fail_open),
        throttle=login_throttle(settings, link),
        audit=audit,
    )
    auth.ensure_user(settings.admin_username, settings.admin_password.get_secret_value(), "admin")
    nonces: NonceCache = InProcessNonces() if link is None else RedisNonces(link)
    api_keys = ApiKeyService(
        ApiKeyStore(data.relational.engine),
        fernet_from(settings.api_key_encryption_keys.get_secret_value()),
        nonces,
        window_seconds=settings.api_key_window_seconds,
        per_user=settings.api_keys_per_user,
        scopes=scopes_by_operation(spec),
        audit=audit,
    )
    strategies = StrategyStore(data.relational.engine)
    router, runner = jobs(core, serving=True)
    market = MarketService(data, cache=core.cache, meter=core.meter, audit=audit)
    signals = SignalStore(data.relational.engine)
    paper = PaperService(PaperStore(data.relational.engine), data, settings, bus, audit=audit)
    live = LiveSignals(strategies, signals, market, bus, trader=AutoTrader(paper))
    alert_store = AlertStore(data.relational.engine)
    alert_engine = AlertEngine(alert_store, data.relational, bus, paper)
    hub = Hub(
        bus,
        auth,
        batch_seconds=settings.ws_batch_seconds,
        reverify_seconds=settings.ws_reverify_seconds,
        stall_seconds=settings.ws_stall_seconds,
    )
    watchlists = WatchlistService(WatchlistStore(data.relational.engine), data)
    screens = ScreenService(ScreenStore(data.relational.engine), data, watchlists)
    return Services(
        settings=settings,
        api_version=str(spec["info"]["version"]),
        data=data,
        auth=auth,
        api_keys=api_keys,
        market=market,
        sync=SyncJobs(
            SyncJobStore(data.relational.engine),
            market.ingest,
            bus,
            providers=[n.strip() for n in settings.sync_providers.split(",") if n.strip()],
            tdx_dir=settings.tdx_dir,
            rate=settings.sync_rate,
            retries=settings.sync_retries,
        ),
        strategies=StrategyService(strategies, data.relational, signals, live, paper.store),
        backtests=BacktestService(router.books["backtest"], strategies, data.relational),
        training=TrainingService(router.books["training"], data.relational),
        dashboard=DashboardService(
            data,
            router.books["backtest"],
            router.books["training"],
            core.meter,
            alerts=alert_store,
            paper=paper,
            watchlists=watchlists,
        ),
        runner=runner,
        bus=bus,
        hub=hub,
        paper=paper,
        matching=Matching(paper, bus),
        watchlists=watchlists,
        screens=screens,
        audit=audit,
        redis=link,
        live=live,
        alerts=AlertService(alert_store, data.relational, alert_engine, paper, strategies),
        cache=core.cache,
    )


def start_feed(services: Services) -> FeedThread | None:
    """The feed `MYSTOCKS_FEED` asks for, running beside the server on a thread of its own (its
    stores are synchronous). A feed that cannot start is logged, and the API serves without it:
    it is a demo and development aid, not what the server is for."""
    settings = services.settings
    if settings.feed == "off":
        return None
    try:
        options = options_from(settings, settings.feed)
        live = build_feed(options, services.data, services.cache, services.bus)
    except ValueError as exc:
        log.error("MYSTOCKS_FEED=%s was not started: %s", settings.feed, exc)
        return None
    thread = FeedThread(live)
    thread.start()
    return thread


@functools.cache
def _spec_text() -> str:
    return SPEC_PATH.read_text(encoding="utf-8")


def load_spec() -> dict[str, Any]:
    """The bundled contract, parsed: with libyaml where PyYAML has it (about 10x faster than the
    pure-Python parser, which took most of an app's build time), and a fresh copy per app
    (Connexion resolves references in the dict it is given)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    spec: dict[str, Any] = yaml.load(_spec_text(), Loader=loader)  # a safe loader, either way
    return spec


def create_app(settings: Settings, tracer_provider: TracerProvider | None = None) -> MyStocksApp:
    """The app of `settings`; `tracer_provider` replaces the one `MYSTOCKS_OTLP_ENDPOINT` would
    build (tests pass one with an in-memory exporter)."""
    spec = load_spec()
    services = build_services(settings, spec)
    own_provider = provider_for(settings) if tracer_provider is None else None

    @asynccontextmanager
    async def lifespan(_app: ASGIApp) -> AsyncIterator[None]:
        feed = start_feed(services)
        tasks = [
            asyncio.create_task(services.live.run(), name="mystocks-live-signals"),
            asyncio.create_task(services.alerts.engine.run(), name="mystocks-risk-alerts"),
            asyncio.create_task(services.matching.run(), name="mystocks-matching"),
            asyncio.create_task(services.matching.expire(), name="mystocks-order-expiry"),
        ]
        if settings.sync_at:
            schedule = SyncSchedule(services.sync, parse_at(settings.sync_at))
            tasks.append(asyncio.create_task(schedule.run(), name="mystocks-daily-sync"))
        yield
        await services.hub.stop()
        for task in tasks:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        if feed is not None:
            feed.stop()  # flushes its last window before the stores close
        services.sync.stop()  # a running sync stops after the symbol in hand
        services.runner.shutdown()
        services.data.dispose()
        if services.redis is not None:
            services.redis.close()
        if own_provider is not None:
            own_provider.shutdown()  # exports the spans still batched

    app = AsyncApp(
        "mystocks",
        lifespan=lifespan,
        strict_validation=True,
        validator_map=VALIDATOR_MAP,
        middlewares=MIDDLEWARES,
        swagger_ui_options=SwaggerUIOptions(spec_path="/openapi.json", swagger_ui_path="/docs"),
    )
    app.add_api(spec)
    problems.install(app, spec)
    return MyStocksApp(app, services, tracer_of(tracer_provider or own_provider))
