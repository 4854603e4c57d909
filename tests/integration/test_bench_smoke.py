"""Every benchmark `make bench` runs (and bench/relational_io.py), run as `--smoke`: tiny sizes,
the same servers, variants and baselines, the usual table, and no results file. A bench that
rots (a module moved, a setting refused, a variant whose answers differ) fails here rather than
in the next `make bench`. Nothing about speed is asserted.

Each bench runs as `python bench/<name>.py --smoke` from the repository root, in a process group
of its own (killed whole on a timeout), with no MYSTOCKS_* or BENCH_* variable of the caller's;
the services it needs are the tests' own (`MYSTOCKS_TEST_REDIS_URL`,
`MYSTOCKS_TEST_POSTGRES_URL`): unreachable, the test skips, and in CI it fails.
"""

from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy.engine import URL, make_url

from tests.conftest import POSTGRES_ADMIN_URL, REDIS_URL, missing

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "bench" / "results"
TIMEOUT = 300  # seconds; generous: the machine may be busy with the rest of the suite


def _server_url(url: str) -> str:
    """A PostgreSQL URL without its database, as bench/relational_io.py takes it."""
    u = make_url(url)
    bare = URL.create(u.drivername, u.username, u.password, u.host, u.port)
    return bare.render_as_string(hide_password=False)


@dataclass(frozen=True)
class Bench:
    expect: tuple[str, ...]  # in its output: its table's title or headers, its variants
    args: tuple[str, ...] = ()
    env: dict[str, str] = field(default_factory=dict)
    redis: bool = False
    postgres: bool = False
    modules: tuple[str, ...] = ()  # Python packages it needs beyond the runtime's


BENCHES = {
    "run": Bench(
        ("ratios (higher is better for mystocks)", "CPU µs/req", "mystocks-redis", "starlette"),
        env={"BENCH_REDIS_URL": REDIS_URL},
        redis=True,
    ),
    "ingest": Bench(
        ("tick ingest, 2,000 rows", "project rows/s", "postgresql", "sqlite"),
        args=("--postgres-url", POSTGRES_ADMIN_URL),
        postgres=True,
    ),
    "orders": Bench(
        ("paper orders accepted and filled on PostgreSQL", "raw psycopg", "project, 1 account"),
        args=("--postgres-url", POSTGRES_ADMIN_URL),
        postgres=True,
    ),
    "screens": Bench(
        ("screen of 3 conditions", "pandas, bars in memory", "project, postgresql"),
        args=("--postgres-url", POSTGRES_ADMIN_URL),
        postgres=True,
    ),
    "backtest": Bench(("engine / reference", "JIT and pure-Python results identical")),
    "sync": Bench(("sync from 通达信 files", "sync rows/s", "bare ingest rows/s", "sqlite")),
    "ws": Bench(
        ("WebSocket fan-out: highest passing step", "bare", "app-redis"),
        args=("--redis-url", REDIS_URL),
        redis=True,
    ),
    "relational_io": Bench(
        ("One symbol-year per request", "(b) asyncio engine", "SQLite", "Conclusion"),
        args=("--pg-url", _server_url(POSTGRES_ADMIN_URL)),
        postgres=True,
        modules=("greenlet",),
    ),
}


def _group(pgid: int) -> list[str]:
    """The command lines of the live (not zombie) processes of a process group."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
            if fields[0] != "Z" and int(fields[2]) == pgid:
                found.append((stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode())
        except (OSError, IndexError, ValueError):  # it ended meanwhile
            continue
    return found


def _run(name: str, bench: Bench) -> tuple[int, str]:
    """The bench's exit status and output (stdout then stderr); fails the test on a timeout
    or when the bench leaves a process running."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MYSTOCKS_", "BENCH_"))}
    env |= {"COLUMNS": "200", **bench.env}  # wide enough that rich wraps no table cell
    process = subprocess.Popen(
        [sys.executable, f"bench/{name}.py", "--smoke", *bench.args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its servers and client processes share its group
    )
    try:
        stdout, stderr = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        stdout, stderr = process.communicate()
        pytest.fail(f"bench/{name}.py --smoke ran over {TIMEOUT} s:\n{stdout}\n{stderr}")
    deadline = time.monotonic() + 10  # helpers (multiprocessing's tracker) exit right after
    while (left := _group(process.pid)) and time.monotonic() < deadline:
        time.sleep(0.1)
    if left:
        os.killpg(process.pid, signal.SIGKILL)
        pytest.fail(f"bench/{name}.py --smoke left processes running: {left}")
    return process.returncode, f"{stdout}\n{stderr}"


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(name, marks=[pytest.mark.postgres] if bench.postgres else [])
        for name, bench in BENCHES.items()
    ],
)
def test_a_bench_runs_as_a_smoke_and_writes_no_results(
    name: str, request: pytest.FixtureRequest
) -> None:
    bench = BENCHES[name]
    for module in bench.modules:
        if importlib.util.find_spec(module) is None:
            missing(f"{module} (needed by bench/{name}.py) is not installed")
    if bench.redis:
        request.getfixturevalue("redis_url")  # skips, or in CI fails, without the server
    if bench.postgres:
        request.getfixturevalue("postgres_database")
    before = set(RESULTS.iterdir()) if RESULTS.is_dir() else set()

    status, output = _run(name, bench)

    assert status == 0, f"bench/{name}.py --smoke exited with {status}:\n{output}"
    unseen = [text for text in bench.expect if text not in output]
    assert not unseen, f"bench/{name}.py --smoke printed no {unseen}:\n{output}"
    after = set(RESULTS.iterdir()) if RESULTS.is_dir() else set()
    assert not after - before, f"bench/{name}.py --smoke wrote {sorted(after - before)}"
