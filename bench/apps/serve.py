"""Serve one benchmarked app with one uvicorn worker: `python -m bench.apps.serve NAME PORT`.

`Server` is the other side: `run.py` starts and stops these processes through it.

NAME is `mystocks` (the real app, built as `mystocks serve` builds it, on the data directory in
`BENCH_DATA_DIR`), `fastapi` or `starlette` (the baselines in this package). With
`BENCH_SERVER_CPUS` set, the process runs on those CPUs only.
"""

from __future__ import annotations

import importlib
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import uvicorn

from bench.apps import CPUS_ENV, DATA_DIR_ENV, data_dir

NAMES = ("mystocks", "mystocks-cached", "mystocks-redis", "fastapi", "starlette")
REDIS_ENV = "BENCH_REDIS_URL"  # for mystocks-redis; default a spare database of the local Redis
ROOT = Path(__file__).resolve().parents[2]


def build(name: str) -> Any:
    if name.startswith("mystocks"):
        from mystocks.app import create_app
        from mystocks.settings import Settings

        # `mystocks` builds every answer, as the baselines do; `mystocks-cached` serves repeats
        # from its in-process cache; `mystocks-redis` is the several-instances configuration
        # (cache, rate limits and session checks in Redis).
        variants: dict[str, dict[str, Any]] = {
            "mystocks": {"cache": False},
            "mystocks-cached": {},
            "mystocks-redis": {
                "redis_url": os.environ.get(REDIS_ENV, "redis://127.0.0.1:6379/14"),
                "redis_prefix": f"bench-{os.getpid()}",
            },
        }
        if name not in variants:
            raise SystemExit(f"unknown app {name!r}; one of {', '.join(NAMES)}")
        # A load test is a burst no user sends: the rate limit would answer 429 instead.
        settings = Settings(
            data_dir=data_dir(), env="test", rate_limit_admin=10**9, **variants[name]
        )
        return create_app(settings)
    if name not in NAMES:
        raise SystemExit(f"unknown app {name!r}; one of {', '.join(NAMES)}")
    return importlib.import_module(f"bench.apps.{name}_bars").app


def main(argv: list[str]) -> None:
    if len(argv) != 2:
        raise SystemExit(__doc__)
    name, port = argv
    if cpus := os.environ.get(CPUS_ENV):  # before any import starts a thread: all inherit it
        os.sched_setaffinity(0, {int(cpu) for cpu in cpus.split(",")})
    app = build(name)
    uvicorn.run(app, host="127.0.0.1", port=int(port), log_level="warning", access_log=False)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """`python -m bench.apps.serve NAME PORT` as a subprocess, from start until it listens."""

    def __init__(self, name: str, data_dir: Path, log_dir: Path, cpus: str) -> None:
        self.name, self.port = name, free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = log_dir / f"{name}.log"
        env = {**os.environ, DATA_DIR_ENV: str(data_dir), CPUS_ENV: cpus}
        with self.log.open("wb") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "bench.apps.serve", name, str(self.port)],
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                self.fail(f"exited with {self.proc.returncode} while starting")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return
            except OSError:
                time.sleep(0.1)
        self.fail("did not listen within 120 s")

    def fail(self, why: str) -> None:
        self.stop()
        sys.exit(f"{self.name} server {why}; its log:\n{self.log.read_text()[-3000:]}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


if __name__ == "__main__":
    main(sys.argv[1:])
