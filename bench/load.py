"""Load generators (wrk, or an httpx asyncio client) and the server CPU probe of `run.py`.

Each load function keeps `connections` keep-alive connections busy with the same GET for
`seconds` and returns requests completed, elapsed seconds, p50/p99 latency (ms) and errors.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import time
from pathlib import Path

import httpx

LUA = Path(__file__).with_name("wrk_report.lua")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process, all its threads included."""
    try:
        import psutil  # type: ignore[import-untyped]
    except ImportError:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    times = psutil.Process(pid).cpu_times()
    return float(times.user + times.system)


def wrk_load(url: str, token: str, connections: int, seconds: int) -> dict[str, float]:
    cmd = [
        "wrk",
        "-t1",
        f"-c{connections}",
        f"-d{seconds}s",
        "--latency",
        "-s",
        str(LUA),
        "-H",
        f"Authorization: Bearer {token}",
        url,
    ]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    line = next(x for x in out.splitlines() if x.startswith("BENCH_JSON "))
    raw = json.loads(line.removeprefix("BENCH_JSON "))
    return {
        "requests": raw["requests"],
        "seconds": raw["duration_us"] / 1e6,
        "p50_ms": raw["p50_us"] / 1e3,
        "p99_ms": raw["p99_us"] / 1e3,
        "errors": raw["socket_errors"] + raw["non_2xx"],
    }


async def python_load(url: str, token: str, connections: int, seconds: int) -> dict[str, float]:
    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(headers=headers, limits=limits, timeout=30) as client:
        began = time.perf_counter()
        deadline = began + seconds

        async def worker() -> None:
            nonlocal errors
            while (t0 := time.perf_counter()) < deadline:
                answer = await client.get(url)
                latencies.append(time.perf_counter() - t0)
                errors += answer.status_code != 200

        await asyncio.gather(*(worker() for _ in range(connections)))
        elapsed = time.perf_counter() - began
    latencies.sort()

    def at(q: float) -> float:
        return latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1e3

    return {
        "requests": len(latencies),
        "seconds": elapsed,
        "p50_ms": at(0.5),
        "p99_ms": at(0.99),
        "errors": errors,
    }
