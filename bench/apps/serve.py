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
REDIS_DEFAULT = "redis://127.0.0.1:6379/14"
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
                "redis_url": redis_url(),
                "redis_prefix": redis_prefix(os.getpid()),
            },
        }
        if name not in variants:
            raise SystemExit(f"unknown app {name!r}; one of {', '.join(NAMES)}")
        # A load test is a burst no user sends: the rate limit would answer 429 instead. The
        # highest limit the settings accept (the contract's maximum, a million requests a
        # minute) is far above what one worker serves.
        settings = Settings(
            data_dir=data_dir(),
            env="test",
            rate_limit_admin=highest("rate_limit_admin"),
            **variants[name],
        )
        return create_app(settings)
    if name not in NAMES:
        raise SystemExit(f"unknown app {name!r}; one of {', '.join(NAMES)}")
    return importlib.import_module(f"bench.apps.{name}_bars").app


def redis_url() -> str:
    return os.environ.get(REDIS_ENV, REDIS_DEFAULT)


def redis_prefix(pid: int) -> str:
    """The Redis key prefix of the `mystocks-redis` server running as process `pid`."""
    return f"bench-{pid}"


def highest(setting: str) -> int:
    """The largest value `Settings` accepts for an integer setting (its `le` bound)."""
    from annotated_types import Le

    from mystocks.settings import Settings

    bounds = [m.le for m in Settings.model_fields[setting].metadata if isinstance(m, Le)]
    if not bounds:
        raise SystemExit(f"Settings.{setting} has no maximum")
    return int(min(bounds))


def main(argv: list[str]) -> None:
    if len(argv) != 2:
        raise SystemExit(__doc__)
    name, port = argv
    if cpus := os.environ.get(CPUS_ENV):  # before any import starts a thread: all inherit it
        os.sched_setaffinity(0, {int(cpu) for cpu in cpus.split(",")})
    app = build(name)
    uvicorn.run(app, host="127.0.0.1", port=int(port), log_level="warning", access_log=False)


_handed_out: set[int] = set()


def free_port() -> int:
    """A port nothing listens on, never one this process handed out before (servers started
    side by side must not get the same one while neither listens yet)."""
    while True:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = int(s.getsockname()[1])
        if port not in _handed_out:
            _handed_out.add(port)
            return port


def wait_for_port(proc: subprocess.Popen[Any], port: int, seconds: float) -> str | None:
    """Wait until `proc` listens on `port`: None when it does, else why not (it exited, or
    `seconds` went by)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return f"exited with {proc.returncode} while starting"
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return None
        except OSError:
            time.sleep(0.1)
    return f"did not listen within {seconds:g} s"


def stop_process(proc: subprocess.Popen[Any], grace: float) -> None:
    """Terminate `proc` if it still runs, and kill it if it has not ended `grace` s later."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


class Server:
    """`python -m bench.apps.serve NAME PORT` as a subprocess, from start until it listens
    (or, with `wait=False`, just started: `wait_listening` then waits)."""

    def __init__(
        self, name: str, data_dir: Path, log_dir: Path, cpus: str, wait: bool = True
    ) -> None:
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
        if wait:
            self.wait_listening()

    def wait_listening(self) -> None:
        if (why := wait_for_port(self.proc, self.port, 120)) is not None:
            self.fail(why)

    def fail(self, why: str) -> None:
        self.stop()
        sys.exit(f"{self.name} server {why}; its log:\n{self.log.read_text()[-3000:]}")

    def stop(self) -> None:
        stop_process(self.proc, 10)


if __name__ == "__main__":
    main(sys.argv[1:])
