"""Shared fixtures: apps built by the composition root on fresh data directories.

Building an app loads the sample data (a few seconds), so each pytest-xdist worker builds one
shared app per session for read-only tests; tests that write build their own.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
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

from mystocks.app import MyStocksApp, create_app  # noqa: E402
from mystocks.settings import DEV_ADMIN_PASSWORD, Settings  # noqa: E402
from mystocks.storage.bootstrap import load_sample_data  # noqa: E402
from mystocks.storage.manager import UnifiedManager  # noqa: E402

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


def make_settings(data_dir: Path, **overrides: Any) -> Settings:
    # Tests send bursts no user would: limits out of the way, except where a test sets its own.
    roomy = {f"rate_limit_{who}": 1_000_000 for who in ("anonymous", "viewer", "trader", "admin")}
    return Settings(
        **{"env": "test", "data_dir": data_dir, "sample_tick_days": 5, **roomy, **overrides}
    )


def login(client: TestClient, username: str, password: str) -> dict[str, str]:
    response = client.post("/api/v1/auth/token", data={"username": username, "password": password})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


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


def _unavailable(what: str, why: Exception) -> None:
    """In CI a missing service fails the run (its suites must run); elsewhere they skip."""
    message = f"{what} is not reachable ({type(why).__name__}: {why})"
    if IN_CI:
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def postgres_database(worker_id: str) -> Iterator[Callable[[str], str]]:
    """A factory of fresh PostgreSQL databases for this worker, dropped at the end."""
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # any driver error means the server is not there
        admin.dispose()
        _unavailable(f"PostgreSQL at {POSTGRES_ADMIN_URL}", exc)
    created: list[str] = []

    def make(purpose: str) -> str:
        name = f"mystocks_test_{purpose}_{worker_id}_{uuid.uuid4().hex[:8]}"
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        created.append(name)
        return str(make_url(POSTGRES_ADMIN_URL).set(database=name))

    yield make
    with admin.connect() as conn:
        for name in created:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


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
def prefix(redis_url: str) -> Iterator[str]:
    """A Redis key prefix of this test's own; its keys are deleted afterwards."""
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
