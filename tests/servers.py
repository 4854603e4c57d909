"""Real servers for end-to-end tests: `mystocks serve` in a subprocess, or uvicorn in a thread
serving an app the test holds (to publish on its bus), both on free loopback ports."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import httpx
import pytest
import uvicorn

from mystocks.app import MyStocksApp


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(base: str, alive: Callable[[], bool], deadline_s: float = 60) -> None:
    deadline = time.monotonic() + deadline_s
    while True:
        try:
            if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if not alive() or time.monotonic() > deadline:
            pytest.fail(f"server at {base} did not start")
        time.sleep(0.1)


def start(env: dict[str, str]) -> subprocess.Popen[bytes]:
    """`python -m mystocks serve` with `env` (MYSTOCKS_* settings) added to this environment."""
    return subprocess.Popen(
        [sys.executable, "-m", "mystocks", "serve"],
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def drain(process: subprocess.Popen[bytes], lines: list[bytes] | None = None) -> list[bytes]:
    """The server's output lines (into `lines`, when given), read as they come: a pipe nobody
    reads fills up (64 KiB, a few hundred access log lines) and then blocks the server in the
    middle of a log call."""
    lines = [] if lines is None else lines

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(line)

    threading.Thread(target=read, daemon=True).start()
    return lines


@contextmanager
def subprocess_server(
    env: dict[str, str], output: list[bytes] | None = None
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`python -m mystocks serve` with `env` (MYSTOCKS_* settings); yields (base URL, process).
    The server's output lines go to `output` as they come, when it is given."""
    port = free_port()
    process = start({**env, "MYSTOCKS_PORT": str(port)})
    output = drain(process, output)
    base = f"http://127.0.0.1:{port}"
    try:
        try:
            wait_until_up(base, lambda: process.poll() is None)
        except BaseException:
            process.terminate()
            process.wait(timeout=20)
            print(b"".join(output).decode(errors="replace"))
            raise
        yield base, process
    finally:
        process.terminate()
        process.wait(timeout=20)


@contextmanager
def thread_server(app: MyStocksApp) -> Iterator[str]:
    """uvicorn serving `app` in a thread of this process; yields the base URL."""
    port = free_port()
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=port,
        log_level="warning",
        lifespan="on",
        ws_per_message_deflate=False,  # as `mystocks serve` runs
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, thread.is_alive)
        yield base
    finally:
        server.should_exit = True
        thread.join(timeout=20)
