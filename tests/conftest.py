"""Shared fixtures: apps built by the composition root on fresh data directories.

Building an app loads the sample data (a few seconds), so each pytest-xdist worker builds one
shared app per session for read-only tests; tests that write build their own.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import uuid
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

# Starlette's TestClient warns that httpx is deprecated in favour of httpx2; not ours to fix.
warnings.filterwarnings("ignore", message=".*httpx2.*")

from starlette.testclient import TestClient  # noqa: E402

from mystocks.adapters.manager import UnifiedManager  # noqa: E402
from mystocks.app import MyStocksApp, create_app  # noqa: E402
from mystocks.market.sample import load_sample_data  # noqa: E402
from mystocks.settings import DEV_ADMIN_PASSWORD, Settings  # noqa: E402

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
REDIS_URL = os.environ.get("MYSTOCKS_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
POSTGRES_ADMIN_URL = os.environ.get(
    "MYSTOCKS_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No MYSTOCKS_* variable from the developer's shell leaks into a test."""
    for key in list(os.environ):
        if key.startswith("MYSTOCKS_"):
            monkeypatch.delenv(key)


class NoNetwork:
    """Stands in for akshare and baostock in tests: nothing here may reach the network, so
    each of their functions fails as an unreachable site would."""

    def __getattr__(self, name: str) -> Any:
        def unreachable(*args: Any, **kwargs: Any) -> Any:
            raise ConnectionError(f"{name}: the tests have no network")

        return unreachable


@pytest.fixture(autouse=True)
def _no_provider_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """A sync started in a test (a fuzzed POST /sync-jobs naming akshare, say) fails offline
    instead of reaching the network; `tdx` reads real files."""
    from mystocks.adapters.providers import akshare, baostock, registry

    opener = registry.open_providers

    def offline(names: Any, tdx_dir: Path | None = None) -> Any:
        opened = opener(names, tdx_dir)
        return [
            akshare.Akshare(NoNetwork())
            if p.name == "akshare"
            else baostock.Baostock(NoNetwork())
            if p.name == "baostock"
            else p
            for p in opened
        ]

    monkeypatch.setattr(registry, "open_providers", offline)


# What production refuses to start without: secrets other than the development defaults.
PRODUCTION_SECRETS = {
    "jwt_secret": "a-test-only-jwt-secret-of-40-characters!",
    "admin_password": "a-test-only-password",
    "api_key_encryption_keys": "YS10ZXN0LW9ubHkta2V5LW5vdC10aGUtZGVmYXVsdC4=",
}


def make_settings(data_dir: Path, **overrides: Any) -> Settings:
    # Tests send bursts no user would: limits out of the way, except where a test sets its own.
    roomy: dict[str, Any] = {
        f"rate_limit_{who}": 1_000_000 for who in ("anonymous", "viewer", "trader", "admin")
    }
    # Sign-in throttling too: tests that send wrong passwords must not lock the shared admin.
    roomy |= {"login_max_failures_per_user": 1_000_000, "login_max_failures_per_ip": 1_000_000}
    # No web app unless a test serves one: whether the repo's app was built must not matter.
    # Syncs read an empty 通达信 folder, at once and without retries, unless a test says more.
    vipdoc = data_dir / "vipdoc"
    vipdoc.mkdir(parents=True, exist_ok=True)
    roomy |= {"sync_providers": "tdx", "tdx_dir": vipdoc, "sync_rate": 100, "sync_retries": 0}
    return Settings(
        **{
            "env": "test",
            "data_dir": data_dir,
            "sample_tick_days": 5,
            "web_dir": None,
            **roomy,
            **overrides,
        }
    )


def wait_following(*flags: threading.Event, within: float = 30.0) -> None:
    """Wait until an app's bus followers (matching, live signals, risk alerts) are subscribed:
    an event published from then on reaches them. No sleep guesses how long that takes."""
    for flag in flags:
        assert flag.wait(within), "a bus follower did not subscribe (is the app's lifespan on?)"


def login(client: TestClient, username: str, password: str) -> dict[str, str]:
    response = client.post("/api/v1/auth/token", data={"username": username, "password": password})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def follow_job(
    client: TestClient,
    headers: dict[str, str],
    kind: str,
    job_id: int,
    on_event: Callable[[dict[str, Any]], None] | None = None,
) -> list[dict[str, Any]]:
    """A job's updates over SSE (`/api/v1/sse/<kind>`) until it ends; `on_event` sees each
    as it comes."""
    updates = []
    params = {"job_id": job_id}
    with client.stream("GET", f"/api/v1/sse/{kind}", headers=headers, params=params) as stream:
        for line in stream.iter_lines():
            if line.startswith("data: "):
                updates.append(json.loads(line[6:])["data"])
                if on_event is not None:
                    on_event(updates[-1])
    return updates


@pytest.fixture(scope="session")
def template_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Stores with the sample data loaded once per worker; apps start from copies of it."""
    folder = tmp_path_factory.mktemp("template")
    settings = make_settings(folder)
    data = UnifiedManager.from_urls(settings.relational_url, settings.timeseries_store_url)
    data.create_schema()
    load_sample_data(data, tick_days=settings.sample_tick_days)
    data.dispose()  # closes the SQLite files, folding the WAL back in, so copies are complete
    return folder


def app_on_copy(template: Path, target: Path, **overrides: Any) -> MyStocksApp:
    shutil.copytree(template, target, dirs_exist_ok=True)
    return create_app(make_settings(target, **overrides))


@pytest.fixture(scope="session")
def shared_app(template_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> MyStocksApp:
    return app_on_copy(template_dir, tmp_path_factory.mktemp("shared"))


@pytest.fixture(scope="session")
def client(shared_app: MyStocksApp) -> Iterator[TestClient]:
    with TestClient(shared_app) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def admin_headers(client: TestClient) -> dict[str, str]:
    return login(client, "admin", DEV_ADMIN_PASSWORD)


@pytest.fixture(scope="session")
def viewer_headers(shared_app: MyStocksApp, client: TestClient) -> dict[str, str]:
    shared_app.services.auth.ensure_user("viewer", "viewer-password", "viewer")
    return login(client, "viewer", "viewer-password")


@pytest.fixture
def writable_app(
    template_dir: Path, tmp_path: Path
) -> Iterator[tuple[MyStocksApp, TestClient, dict[str, str]]]:
    """A private app whose data a test may change."""
    app = app_on_copy(template_dir, tmp_path)
    with TestClient(app) as test_client:
        yield app, test_client, login(test_client, "admin", DEV_ADMIN_PASSWORD)


@pytest.fixture
def paper_app(template_dir: Path, tmp_path: Path) -> Iterator[tuple[MyStocksApp, TestClient]]:
    """A private app that accepts paper orders at any hour."""
    app = app_on_copy(template_dir, tmp_path, paper_session="always")
    with TestClient(app) as client:
        yield app, client


@pytest.fixture
def paper_postgres_app(
    postgres_sample_database: Callable[[str], str], tmp_path: Path
) -> Iterator[MyStocksApp]:
    """An app on a fresh PostgreSQL copy of the sample data, accepting paper orders at any
    hour (no lifespan: the test drives the services)."""
    url = postgres_sample_database("paper")
    settings = make_settings(tmp_path, database_url=url, timeseries_url=url, paper_session="always")
    app = create_app(settings)
    yield app
    app.services.data.dispose()


def missing(message: str) -> None:
    """In CI a missing service or tool fails the run (its suites must run); elsewhere the test
    skips, saying what is missing."""
    if IN_CI:
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def _unavailable(what: str, why: Exception) -> None:
    missing(f"{what} is not reachable ({type(why).__name__}: {why})")


@pytest.fixture(scope="session")
def postgres_database(worker_id: str) -> Iterator[Callable[..., str]]:
    """A factory of fresh PostgreSQL databases for this worker, dropped at the end."""
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # any driver error means the server is not there
        admin.dispose()
        _unavailable(f"PostgreSQL at {POSTGRES_ADMIN_URL}", exc)
    created: list[str] = []

    def make(purpose: str, template: str | None = None) -> str:
        name = f"mystocks_test_{purpose}_{worker_id}_{uuid.uuid4().hex[:8]}"
        copy = f' TEMPLATE "{template}"' if template else ""
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"{copy}'))
        created.append(name)
        return str(make_url(POSTGRES_ADMIN_URL).set(database=name))

    yield make
    with admin.connect() as conn:
        for name in created:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def postgres_sample_database(postgres_database: Any) -> Callable[[str], str]:
    """A factory of fresh PostgreSQL databases holding the sample data without ticks: copies
    (CREATE DATABASE ... TEMPLATE) of one loaded once per worker, since loading takes seconds
    of CPU and copying a fraction of one."""
    template: list[str] = []

    def make(purpose: str) -> str:
        if not template:
            url = postgres_database("sample")
            data = UnifiedManager.from_urls(url, url)
            data.create_schema()
            load_sample_data(data, tick_days=0)
            data.dispose()  # a template must have no connections when it is copied
            template.append(str(make_url(url).database))
        return postgres_database(purpose, template[0])

    return make


@pytest.fixture
def redis_url() -> str:
    """The test Redis (a real server; in CI it must be there)."""
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.RedisError as exc:
        _unavailable(f"Redis at {REDIS_URL}", exc)
    finally:
        client.close()
    return REDIS_URL


@pytest.fixture
def redis_prefix(redis_url: str) -> Iterator[str]:
    """A key prefix of this test's own on the shared test Redis; its keys are deleted after."""
    import redis

    name = f"test-{uuid.uuid4().hex[:8]}"
    yield name
    client = redis.Redis.from_url(redis_url)
    for key in client.scan_iter(f"{name}:*"):
        client.delete(key)
    client.close()


def backtest_inputs() -> dict[str, Any]:
    """What a stored backtest row needs, for tests that make jobs no worker will run."""
    return {
        "strategy_id": None,
        "strategy": {"type": "momentum", "parameters": {}},
        "symbols": ["600036.SH"],
        "start": dt.date(2016, 1, 1),
        "end": dt.date(2016, 12, 31),
        "initial_cash": 1e6,
        "costs": {},
    }


def process_env(settings: Settings) -> dict[str, str]:
    """The environment of a `mystocks` subprocess with these settings (and no stray MYSTOCKS_*
    of the caller's)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MYSTOCKS_")}
    for name, value in settings.model_dump(exclude_unset=True).items():
        env[f"MYSTOCKS_{name.upper()}"] = "" if value is None else str(value)  # empty: unset
    return env


class WorkerProcess:
    """A `mystocks worker` subprocess in a process group of its own (its pool is its children)."""

    def __init__(self, settings: Settings, log_path: Path, concurrency: int) -> None:
        self.settings = settings
        self.log_path = log_path
        with log_path.open("wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "mystocks", "worker", f"--concurrency={concurrency}"],
                env=process_env(settings),
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def wait_ready(self, timeout: float = 60) -> None:
        """Until the worker answers a ping through the broker: it consumes the job queue."""
        from mystocks.adapters.celery_queue import celery_app

        app = celery_app(self.settings)
        deadline = time.monotonic() + timeout
        try:
            while not app.control.ping(timeout=0.3):
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"the worker did not start:\n{self.log()}")
        finally:
            app.close()

    def signal(self, signum: int) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signum)


@pytest.fixture
def start_worker(tmp_path: Path) -> Iterator[Callable[..., WorkerProcess]]:
    """Starts `mystocks worker` processes on the settings given (as MYSTOCKS_* variables) and
    waits until each is ready; kills them after the test."""
    started: list[WorkerProcess] = []

    def start(settings: Settings, concurrency: int = 1) -> WorkerProcess:
        log_path = tmp_path / f"worker-{len(started)}.log"
        worker = WorkerProcess(settings, log_path, concurrency)
        started.append(worker)
        worker.wait_ready()
        return worker

    yield start
    for worker in started:  # the test is over: no need for a warm shutdown's seconds
        worker.signal(signal.SIGKILL)
        worker.process.wait()


# What must never reach a log: passwords the tests sign in with, bearer tokens (JWTs) and API key
# secrets. Refresh tokens are opaque random strings; `tests/integration/test_observability.py`
# follows a session's own tokens through the log.
LOG_SECRETS = (
    re.compile(re.escape(DEV_ADMIN_PASSWORD)),
    re.compile(r"viewer-password|trader-password"),
    re.compile(r"eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"),
    re.compile(r"mss_[A-Za-z0-9_-]{20,}"),
)


class _WhileFuzzing(logging.Filter):
    """Drops the records of fuzzed contract tests (`tests/contract`, which switch it on): their
    inputs are drawn partly from the string literals of our own source, test passwords among
    them, and echoed in access lines (`cursor=viewer-password`). That is the fuzzer's choice of
    data, not a leak; the same code paths run unfuzzed in the integration tests, which stay
    guarded."""

    active = False

    def filter(self, record: logging.LogRecord) -> bool:
        return not self.active


WHILE_FUZZING = _WhileFuzzing()


@pytest.fixture(scope="session", autouse=True)
def _no_secret_in_the_runs_log(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Every log record of the whole run (this worker's share), formatted by the formatter
    production uses (`mystocks.logs`, JSON, redacting), goes to a file; at the end the file is
    searched for secrets, and any found fails the run."""
    from mystocks.logs import formatter

    path = tmp_path_factory.mktemp("runlog") / "run.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(formatter(json=True))
    handler.setLevel(logging.DEBUG)
    handler.addFilter(WHILE_FUZZING)
    root, ours = logging.getLogger(), logging.getLogger("mystocks")
    levels = root.level, ours.level
    root.addHandler(handler)
    root.setLevel(min(root.level or logging.INFO, logging.INFO))
    ours.setLevel(logging.DEBUG)
    logging.getLogger("mystocks.tests").info("this worker's run log starts")
    yield
    root.removeHandler(handler)
    root.setLevel(levels[0])
    ours.setLevel(levels[1])
    handler.close()
    text = path.read_text(encoding="utf-8")
    found = [(p.pattern, m.group(0)[:4] + "…") for p in LOG_SECRETS for m in p.finditer(text)]
    assert "run log starts" in text, f"{path} misses the run's records: is the handler attached?"
    assert not found, f"secrets in the run's log {path}: {found[:5]}"
