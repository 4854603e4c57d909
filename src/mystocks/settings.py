"""Settings: one class, read from `MYSTOCKS_*` environment variables in one place (`load`).

Development defaults let `make run` work on a fresh machine; with `MYSTOCKS_ENV=production` the
server refuses to start while the JWT secret or the admin password is still a documented default.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# Documented in the README as development-only values; refused in production below (so not
# secrets, and bandit's B105 is silenced on them).
DEV_JWT_SECRET = "dev-only-jwt-secret-change-me-in-production"  # nosec B105
DEV_ADMIN_PASSWORD = "mystocks-admin"  # nosec B105
# A Fernet key (32 url-safe base64 bytes) that encrypts stored API key secrets in development.
DEV_API_KEY_ENCRYPTION_KEY = "ZGV2LW9ubHktYXBpLWtleS1lbmNyeXB0aW9uLWtleSE="


def _built_web_app() -> Path | None:
    """The repository's built app, when the server runs from a checkout where it was built."""
    dist = Path(__file__).resolve().parents[2] / "frontend-client" / "app" / "dist"
    return dist if (dist / "index.html").is_file() else None


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MYSTOCKS_", extra="ignore", frozen=True)

    env: Literal["development", "test", "production"] = Field(
        default="development",
        description="production refuses to start on the default JWT secret, admin password or API"
        " key encryption key (or CORS origin `*`)",
    )
    host: str = Field(default="127.0.0.1", description="where the server listens")
    port: int = Field(default=8000, ge=1, le=65535, description="where the server listens")
    data_dir: Path = Field(default=Path("var"), description="folder of the embedded SQLite stores")
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL of the relational store; default SQLite in data_dir",
    )
    timeseries_url: str | None = Field(
        default=None, description="URL of the time-series store; default SQLite in data_dir"
    )
    redis_url: str | None = Field(
        default=None,
        description="with a URL, the cache, sessions, rate limits, job events and the job queue"
        " live in Redis, so several server processes act as one",
    )
    redis_prefix: str = Field(
        default="mystocks", min_length=1, max_length=64, description="namespace of our Redis keys"
    )
    redis_fail_open: bool = Field(
        default=True,
        description="when Redis is down: let requests through unlimited and unrevoked-checked"
        " (logged), or answer 503",
    )
    cache: bool = Field(
        default=True, description="cache answers (in Redis when configured, else in process)"
    )
    jwt_secret: SecretStr = Field(
        default=SecretStr(DEV_JWT_SECRET),
        description="HS256 signing key; at least 32 characters in production",
    )
    jwt_ttl_seconds: int = Field(
        default=3600, ge=60, le=7 * 24 * 3600, description="access-token lifetime"
    )
    session_ttl_seconds: int = Field(
        default=7 * 24 * 3600,
        ge=60,
        le=90 * 24 * 3600,
        description="a sign-in's lifetime: refresh tokens never outlive it",
    )
    api_key_encryption_keys: SecretStr = Field(
        default=SecretStr(DEV_API_KEY_ENCRYPTION_KEY),
        description="comma-separated Fernet keys that encrypt stored API key secrets; the first"
        " encrypts, all decrypt (rotation: put the new key first)",
    )
    api_key_window_seconds: float = Field(
        default=30.0,
        ge=1.0,
        le=300.0,
        description="a signed request's timestamp must be within this of the server's clock",
    )
    api_keys_per_user: int = Field(default=20, ge=1, le=1000, description="live keys per user")
    # Hardening (README "Security"): sign-in throttling, CORS, TLS and the proxy in front.
    login_max_failures_per_user: int = Field(
        default=5, ge=1, description="failed sign-ins for one username before 429"
    )
    login_max_failures_per_ip: int = Field(
        default=20, ge=1, description="failed sign-ins from one address before 429"
    )
    login_failure_window_seconds: float = Field(
        default=900.0, ge=1, le=86_400, description="how long failed sign-ins are remembered"
    )
    cors_origins: str = Field(
        default="",
        description="comma-separated origins allowed cross-origin access; empty: none",
    )
    tls_cert: Path | None = Field(default=None, description="PEM certificate chain: serve HTTPS")
    tls_key: Path | None = Field(default=None, description="PEM private key of tls_cert")
    forwarded_allow_ips: str | None = Field(
        default=None,
        description="addresses of the reverse proxy whose X-Forwarded-For/-Proto are trusted"
        " (comma-separated, or *); unset: none",
    )
    web_dir: Path | None = Field(
        default_factory=_built_web_app,
        description="the built web app served at / (`make run` builds it); default the repo's"
        " frontend-client/app/dist when it exists; empty: none (/ answers 404 as any unknown path)",
    )
    admin_username: str = Field(
        default="admin",
        min_length=1,
        max_length=64,
        description="the first admin, created on start if missing",
    )
    admin_password: SecretStr = Field(
        default=SecretStr(DEV_ADMIN_PASSWORD), description="the first admin's password"
    )
    load_sample_data: bool = Field(default=True, description="load the sample data on first start")
    sample_tick_days: int = Field(
        default=20,
        ge=0,
        le=60,
        description="trading days of simulated minute bars and ticks in the sample data",
    )
    log_level: Literal["debug", "info", "warning", "error"] = Field(
        default="info", description="the least severe log records written"
    )
    # Observability (`mystocks.logs`, `mystocks.metrics`, `mystocks.tracing`); README
    # "Observability".
    log_format: Literal["auto", "json", "console"] = Field(
        default="auto",
        description="log lines as JSON (one object a line) or for people; auto is JSON in "
        "production and console otherwise",
    )
    metrics_port: int | None = Field(
        default=None,
        ge=1,
        le=65535,
        description="also serve /metrics without authentication on this port (for a scraper "
        "inside the network); unset: only GET /metrics on the API, for admins",
    )
    otlp_endpoint: str | None = Field(
        default=None,
        description="OTLP/HTTP traces endpoint (http://collector:4318/v1/traces); unset: no "
        "tracing at all",
    )
    # le= is the maximum the contract declares for RateLimit-Limit (headers/RateLimitLimit.yaml).
    rate_limit_anonymous: int = Field(
        default=300, ge=1, le=1_000_000, description="requests/minute per IP"
    )
    rate_limit_viewer: int = Field(
        default=600, ge=1, le=1_000_000, description="requests/minute per user"
    )
    rate_limit_trader: int = Field(
        default=1200, ge=1, le=1_000_000, description="requests per minute per trader"
    )
    rate_limit_admin: int = Field(
        default=6000, ge=1, le=1_000_000, description="requests per minute per admin"
    )
    job_workers: int = Field(
        default=2, ge=1, le=64, description="job processes: the local pool, or a worker's"
    )
    job_queue: Literal["auto", "local", "celery"] = Field(
        default="auto",
        description="where jobs run: a process pool beside the server (local) or `mystocks "
        "worker` processes fed through Redis (celery); auto is celery when redis_url is set",
    )
    job_heartbeat_seconds: float = Field(
        default=12.0,
        ge=1.0,
        le=300.0,
        description="a celery worker's running job is failed when its heartbeat is older",
    )
    sse_heartbeat_seconds: float = Field(
        default=15.0, gt=0, le=300, description="SSE heartbeat interval while a stream is idle"
    )
    sse_max_seconds: float = Field(
        default=300.0, gt=0, description="a stream ends after this; clients resume by id"
    )
    # The WebSocket channel (`/api/v1/ws`, `mystocks.api.ws`); README "WebSocket channel".
    ws_auth_timeout_seconds: float = Field(
        default=5.0, gt=0, le=60, description="the first message (auth) must come within this"
    )
    ws_idle_timeout_seconds: float = Field(
        default=60.0, gt=0, description="closed (4408) after this long without a client message"
    )
    ws_reverify_seconds: float = Field(
        default=5.0, gt=0, le=300, description="how often live connections' tokens are rechecked"
    )
    ws_max_subscriptions: int = Field(
        default=200, ge=1, le=10_000, description="channels per WebSocket connection"
    )
    ws_queue_size: int = Field(
        default=5000, ge=10, description="items waiting per connection before a gap"
    )
    ws_batch_seconds: float = Field(
        default=0.025, gt=0, le=1, description="items for one connection go out in one frame"
    )
    ws_stall_seconds: float = Field(
        default=10.0, gt=0, description="closed (4429) when one send waits this long"
    )

    sync_providers: str = Field(
        default="akshare,baostock",
        description="`mystocks sync`'s providers in failover order: akshare, baostock, tdx",
    )
    sync_rate: float = Field(
        default=2.0, gt=0, le=100, description="sync: requests a second to each provider"
    )
    sync_retries: int = Field(
        default=3, ge=0, le=10, description="sync: retries of a failed request, backing off"
    )
    sync_at: str | None = Field(
        default=None,
        pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$",
        description="a daily sync of every A-share at this Beijing time on trading days "
        "(`16:30`); unset: none",
    )
    tdx_dir: Path | None = Field(
        default=None, description="the vipdoc folder of a 通达信 installation (provider tdx)"
    )

    feed: Literal["off", "simulated", "replay"] = Field(
        default="off", description="a live feed started beside the server (see `mystocks feed`)"
    )
    feed_clock: Literal["session", "demo"] = Field(
        default="session",
        description="simulated feed: A-share sessions on trading days, or around the clock",
    )
    feed_symbols: str = Field(
        default="", description="comma-separated; empty: every A-share stock with a daily close"
    )
    feed_rate: float = Field(default=20.0, gt=0, le=10_000, description="simulated ticks/s, total")
    feed_seed: int | None = Field(default=None, description="simulated: unset draws one")
    feed_day: date | None = Field(default=None, description="replay: default the newest tick day")
    feed_speed: float = Field(default=60.0, ge=1, le=1000, description="replay: times real pace")
    feed_window_seconds: float = Field(
        default=0.2, gt=0, le=10, description="the feed writes and publishes once per window"
    )

    # Paper trading (`mystocks.trading.service`): pre-trade limits and the matching model. An
    # account may carry its own max_order_value, max_position_value and daily_loss_limit.
    paper_session: Literal["exchange", "always"] = Field(
        default="exchange",
        description="orders are accepted in A-share sessions on trading days, or (demo, tests) "
        "at any time",
    )
    paper_max_order_value: float = Field(
        default=5_000_000.0, gt=0, description="CNY; a larger order is refused (max_order_value)"
    )
    paper_max_position_value: float = Field(
        default=10_000_000.0,
        gt=0,
        description="CNY per symbol, held plus open buys plus the order (max_position)",
    )
    paper_daily_loss_limit: float = Field(
        default=1_000_000.0,
        gt=0,
        description="CNY; buys are refused while equity is this much below the previous trading"
        " day's close (daily_loss_limit)",
    )
    paper_expiry_interval_seconds: float = Field(
        default=30.0,
        gt=0,
        le=3600,
        description="how often each instance expires the day orders whose day has closed",
    )
    paper_fill_volume_share: float = Field(
        default=0.25, gt=0, le=1, description="a fill takes at most this share of a tick's volume"
    )

    @field_validator("web_dir", mode="before")
    @classmethod
    def _empty_web_dir_is_none(cls, value: object) -> object:
        return None if value == "" else value

    @model_validator(mode="after")
    def _celery_needs_redis(self) -> Settings:
        if self.job_queue == "celery" and not self.redis_url:
            raise ValueError("MYSTOCKS_JOB_QUEUE=celery needs MYSTOCKS_REDIS_URL (its broker)")
        return self

    @model_validator(mode="after")
    def _tls_files(self) -> Settings:
        if (self.tls_cert is None) != (self.tls_key is None):
            raise ValueError(
                "MYSTOCKS_TLS_CERT and MYSTOCKS_TLS_KEY go together: set both or neither"
            )
        for name, path in (
            ("MYSTOCKS_TLS_CERT", self.tls_cert),
            ("MYSTOCKS_TLS_KEY", self.tls_key),
        ):
            if path is not None and not path.is_file():
                raise ValueError(f"{name}: no file at {path}")
        return self

    @model_validator(mode="after")
    def _refuse_dev_defaults_in_production(self) -> Settings:
        if self.env != "production":
            return self
        problems = []
        if self.jwt_secret.get_secret_value() == DEV_JWT_SECRET:
            problems.append("MYSTOCKS_JWT_SECRET is the development default")
        elif len(self.jwt_secret.get_secret_value()) < 32:
            problems.append("MYSTOCKS_JWT_SECRET must be at least 32 characters")
        if DEV_API_KEY_ENCRYPTION_KEY in self.api_key_encryption_keys.get_secret_value():
            problems.append("MYSTOCKS_API_KEY_ENCRYPTION_KEYS holds the development default")
        if self.admin_password.get_secret_value() == DEV_ADMIN_PASSWORD:
            problems.append("MYSTOCKS_ADMIN_PASSWORD is the development default")
        if "*" in self.cors_origin_list:
            problems.append("MYSTOCKS_CORS_ORIGINS must name origins, not *")
        if problems:
            raise ValueError("refusing to start in production: " + "; ".join(problems))
        return self

    @model_validator(mode="after")
    def _fernet_keys_are_keys(self) -> Settings:
        from cryptography.fernet import Fernet

        for key in self.api_key_encryption_keys.get_secret_value().split(","):
            try:
                Fernet(key.strip())
            except ValueError:
                raise ValueError(
                    "MYSTOCKS_API_KEY_ENCRYPTION_KEYS: each key must be 32 url-safe base64-encoded"
                    " bytes (make one with `mystocks keygen`)"
                ) from None
        return self

    @property
    def json_logs(self) -> bool:
        """`log_format` with `auto` decided: machines read production logs, people the rest."""
        if self.log_format == "auto":
            return self.env == "production"
        return self.log_format == "json"

    @property
    def job_queue_mode(self) -> Literal["local", "celery"]:
        """`job_queue` with `auto` decided: jobs go to workers whenever there is a Redis."""
        if self.job_queue == "auto":
            return "celery" if self.redis_url else "local"
        return self.job_queue

    @property
    def cors_origin_list(self) -> list[str]:
        return [o.strip().rstrip("/") for o in self.cors_origins.split(",") if o.strip()]

    @property
    def relational_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'mystocks.db'}"

    @property
    def timeseries_store_url(self) -> str:
        return self.timeseries_url or f"sqlite:///{self.data_dir / 'timeseries.db'}"


def load() -> Settings:
    """Read the settings from the environment (the only place that does)."""
    return Settings()
