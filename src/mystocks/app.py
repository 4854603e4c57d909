"""The composition root: `create_app(settings)` builds stores, services and the ASGI app.

Nothing happens at import time; tests build as many apps as they like, each with its settings.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import mystocks_contract
import yaml
from connexion import AsyncApp
from connexion.options import SwaggerUIOptions
from starlette.middleware.gzip import GZipMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from mystocks.api import problems
from mystocks.api.ratelimit import InProcessLimiter, Limiter, RateLimitMiddleware, RedisLimiter
from mystocks.api.validation import VALIDATOR_MAP
from mystocks.services.auth import AuthService
from mystocks.services.backtests import BacktestService
from mystocks.services.container import Services
from mystocks.services.events import EventBus, InProcessEventBus
from mystocks.services.jobbook import ReportRouter
from mystocks.services.jobkinds import add_books
from mystocks.services.jobqueue import CeleryJobRunner
from mystocks.services.jobs import JobRunner, ProcessJobRunner
from mystocks.services.market import MarketService
from mystocks.services.redis_events import RedisEventBus
from mystocks.services.strategies import StrategyService
from mystocks.services.training import TrainingService
from mystocks.settings import Settings
from mystocks.storage.bootstrap import load_sample_data
from mystocks.storage.manager import UnifiedManager
from mystocks.storage.strategies import StrategyStore

log = logging.getLogger("mystocks")

SPEC_PATH = Path(mystocks_contract.__file__).resolve().parents[2] / "openapi.yaml"


class MyStocksApp:
    """The served ASGI app: the Connexion app, with this instance's services in every scope.

    It is also where WebSocket routes will be dispatched, since Connexion has none.
    """

    def __init__(self, connexion_app: AsyncApp, services: Services) -> None:
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
            RedisLimiter(settings.redis_url, settings.redis_prefix)
            if settings.redis_url
            else InProcessLimiter()
        )
        # A year of bars is ~30 KB of JSON and compresses ~5x; small answers stay plain.
        self._http = RateLimitMiddleware(
            GZipMiddleware(connexion_app, minimum_size=2048), limiter, services.auth, limits
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            scope["state"] = {**scope.get("state", {}), "services": self.services}
        await self._http(scope, receive, send)


def build_services(settings: Settings, spec: dict[str, Any]) -> Services:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    data = UnifiedManager.from_urls(settings.relational_url, settings.timeseries_store_url)
    data.create_schema()
    if settings.load_sample_data:
        load_sample_data(data, tick_days=settings.sample_tick_days)
    auth = AuthService(
        data.relational, settings.jwt_secret.get_secret_value(), settings.jwt_ttl_seconds
    )
    auth.ensure_user(settings.admin_username, settings.admin_password.get_secret_value(), "admin")
    # With Redis, events cross server processes; its key prefix must be unique per database,
    # since job ids restart with a new database while a stream would still hold old events.
    bus: EventBus = (
        RedisEventBus(settings.redis_url, prefix=settings.redis_prefix)
        if settings.redis_url
        else InProcessEventBus()
    )
    strategies = StrategyStore(data.relational.engine)
    router = ReportRouter()
    runner: JobRunner
    if settings.job_queue_mode == "celery":
        # Jobs run on `mystocks worker` processes, which may outlive this server: a start
        # fails only the running jobs whose worker's heartbeat is gone, and keeps checking.
        celery = CeleryJobRunner(settings)
        add_books(router, data.relational, bus, celery)
        celery.start_reaper(router.reap, every=settings.job_heartbeat_seconds / 4)
        runner = celery
    else:
        # One pool of worker processes for every kind of job; reports go back to their book.
        # Whatever was queued or running died with the previous server.
        runner = ProcessJobRunner(router, router.work, workers=settings.job_workers)
        add_books(router, data.relational, bus, runner)
        for book in router.books.values():
            book.fail_interrupted()
    return Services(
        settings=settings,
        api_version=str(spec["info"]["version"]),
        data=data,
        auth=auth,
        market=MarketService(data),
        strategies=StrategyService(strategies, data.relational),
        backtests=BacktestService(router.books["backtest"], strategies, data.relational),
        training=TrainingService(router.books["training"], data.relational),
        runner=runner,
        bus=bus,
    )


def create_app(settings: Settings) -> MyStocksApp:
    spec = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    services = build_services(settings, spec)

    @asynccontextmanager
    async def lifespan(_app: ASGIApp) -> AsyncIterator[None]:
        yield
        services.runner.shutdown()
        services.data.dispose()

    app = AsyncApp(
        "mystocks",
        lifespan=lifespan,
        strict_validation=True,
        validator_map=VALIDATOR_MAP,
        swagger_ui_options=SwaggerUIOptions(spec_path="/openapi.json", swagger_ui_path="/docs"),
    )
    app.add_api(spec)
    problems.install(app, spec)
    return MyStocksApp(app, services)
