"""The real server (`python -m mystocks serve`, uvicorn) over real HTTP on a loopback port."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from mystocks.settings import DEV_ADMIN_PASSWORD


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start(env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "mystocks", "serve"],
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


@pytest.fixture(scope="module")
def server(template_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data = tmp_path_factory.mktemp("e2e")
    shutil.copytree(template_dir, data, dirs_exist_ok=True)
    port = free_port()
    process = start(
        {
            "MYSTOCKS_DATA_DIR": str(data),
            "MYSTOCKS_PORT": str(port),
            "MYSTOCKS_SAMPLE_TICK_DAYS": "5",
        }
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    try:
        while True:
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                output = process.stdout.read().decode() if process.stdout else ""
                pytest.fail(f"server did not start:\n{output}")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="module")
def token(server: str) -> dict[str, str]:
    response = httpx.post(
        f"{server}/api/v1/auth/token", data={"username": "admin", "password": DEV_ADMIN_PASSWORD}
    )
    assert response.status_code == 200 and response.headers["cache-control"] == "no-store"
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def test_bars_for_an_a_share_and_a_us_stock(server, token):
    for symbol in ("600036.SH", "AAPL.US"):
        response = httpx.get(
            f"{server}/api/v1/market/bars/{symbol}",
            headers=token,
            params={"period": "1d", "start": "2012-01-01", "end": "2012-12-31"},
        )
        assert response.status_code == 200
        assert len(response.json()["items"]) > 240


def test_search_in_chinese_and_pinyin(server, token):
    for query in ("招商", "zsyh"):
        response = httpx.get(f"{server}/api/v1/market/symbols", headers=token, params={"q": query})
        assert "600036.SH" in {i["symbol"] for i in response.json()["items"]}


def test_errors_are_problem_json(server, token):
    unknown = httpx.get(f"{server}/api/v1/market/bars/999999.SH", headers=token)
    assert unknown.status_code == 404
    assert unknown.headers["content-type"] == "application/problem+json"
    bad = httpx.get(
        f"{server}/api/v1/market/bars/600036.SH", headers=token, params={"start": "notadate"}
    )
    assert bad.status_code == 400 and bad.json()["errors"][0]["name"] == "start"


def test_large_answers_are_gzipped(server, token):
    response = httpx.get(
        f"{server}/api/v1/market/bars/600036.SH",
        headers={**token, "Accept-Encoding": "gzip"},
        params={"start": "2016-01-01"},
    )
    assert response.headers["content-encoding"] == "gzip"
    assert response.num_bytes_downloaded * 3 < len(response.content)  # httpx decoded it
    small = httpx.get(f"{server}/health", headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in small.headers


def test_production_refuses_development_secrets(tmp_path):
    process = start({"MYSTOCKS_ENV": "production", "MYSTOCKS_DATA_DIR": str(tmp_path)})
    output = process.communicate(timeout=60)[0].decode()
    assert process.returncode == 2
    assert "MYSTOCKS_JWT_SECRET is the development default" in output
    assert "Traceback" not in output
