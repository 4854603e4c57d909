"""Benchmark: one year of daily bars, mystocks against two baselines measured in the same run.

The request is an authenticated, validated
`GET /api/v1/market/bars/600036.SH?period=1d&start=2016-01-01&end=2016-12-31` (~244 bars, ~30 KB).
Three servers answer it, each one uvicorn worker in its own process, loaded one after another:
`mystocks` (the real Connexion app), `fastapi` (idiomatic FastAPI + Pydantic response_model) and
`starlette` (bare Starlette + orjson, the floor); see bench/apps/. All three must return the same
JSON before any load is applied. The machine is noisy, so only ratios are meaningful; the primary
figure is the server's CPU time per request (user + system, all threads), measured with the
server pinned to one CPU. Speed is reported, never asserted: the exit status is 0 whether or not
the targets are met (non-zero only when a server fails or the answers differ).

`--smoke` checks that the bench runs, in as little time as it can: the data directory without
ticks (the bars asked for are the same), every server started side by side and not pinned,
checked as usual and loaded for 1 s over 2 connections, no results file; its figures mean
nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

import httpx
import orjson
from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from bench.apps.serve import Server, redis_prefix, redis_url  # noqa: E402
from bench.load import cpu_seconds, python_load, wrk_load  # noqa: E402

SERVERS = ("mystocks", "mystocks-cached", "mystocks-redis", "fastapi", "starlette")
CACHED = {"mystocks-cached": 5.0, "mystocks-redis": 5.0}  # req/s ÷ uncached mystocks ≥ target
PATH = "/api/v1/market/bars/600036.SH?period=1d&start=2016-01-01&end=2016-12-31"
BAD_REQUESTS = {  # name -> (query replacing the good one or None, Authorization header or None)
    "no token": (None, None),
    "bad token": (None, "Bearer not.a.jwt"),
    "bad date": ("period=1d&start=2016-13-01", "*"),
    "bad period": ("period=2d", "*"),
    "bad limit": ("limit=0", "*"),
}
TARGETS = {"fastapi": 2.0, "starlette": 0.6}  # other server's CPU/request ÷ mystocks' ≥ target
console = Console()


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--duration", type=int, default=10, help="measured seconds per server [10]")
    p.add_argument("--warmup", type=int, default=3, help="unmeasured seconds before each [3]")
    p.add_argument("--connections", type=int, default=8, help="concurrent keep-alive conns [8]")
    p.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="repeat the three servers this many times (restarted each round) and report "
        "each figure's median [1]",
    )
    p.add_argument(
        "--client",
        choices=("auto", "wrk", "python"),
        default="auto",
        help="load generator: wrk, or an httpx asyncio client in this process (slower, so "
        "latencies include more client time); auto = wrk when installed [auto]",
    )
    p.add_argument(
        "--data-dir",
        type=Path,
        help="data directory to use and keep (created with sample data if missing); default a "
        "temporary one, removed afterwards",
    )
    p.add_argument(
        "--server-cpus",
        default="auto",
        help="CPUs (comma-separated) each server process is pinned to, so its threads share "
        "one core and leave the others to the load generator (CPU/request is far steadier "
        "pinned); 'none' to not pin; auto = the last CPU when there are two or more [auto]",
    )
    p.add_argument("--check", action="store_true", help="only check the three answers agree")
    p.add_argument("--no-save", action="store_true", help="do not write bench/results/*.json")
    p.add_argument(
        "--smoke",
        action="store_true",
        help="every server started at once, not pinned (unless --server-cpus says so), loaded "
        "1 s each over 2 connections, one round, no results file: checks that the bench "
        "runs; the figures mean nothing",
    )
    args = p.parse_args(argv)
    if args.smoke:
        args.duration, args.warmup, args.connections, args.rounds = 1, 0, 2, 1
        args.no_save = True
        if args.server_cpus == "auto":  # servers start side by side: not all on one CPU
            args.server_cpus = "none"
    return args


def prepare_data(data_dir: Path, tick_days: int | None = None) -> None:
    """A first create_app creates the stores and loads the sample data (~5 s), once per run.
    `tick_days=0` loads no ticks (the daily bars asked for are the same)."""
    with warnings.catch_warnings():  # Connexion imports deprecated Starlette/jsonschema names
        warnings.simplefilter("ignore")
        from mystocks.app import create_app
        from mystocks.settings import Settings

    ticks = {} if tick_days is None else {"sample_tick_days": tick_days}
    create_app(Settings(data_dir=data_dir, env="test", **ticks)).services.data.dispose()


def get_token(base: str) -> str:
    form = {"username": "admin", "password": "mystocks-admin"}
    answer = httpx.post(f"{base}/api/v1/auth/token", data=form, timeout=30)
    answer.raise_for_status()
    return str(answer.json()["access_token"])


def check(server: Server, token: str, reference: Any) -> tuple[Any, int]:
    """The server's body (must equal `reference` when one is given) and its size in bytes."""
    with httpx.Client(base_url=server.base, timeout=30) as client:
        answer = client.get(PATH, headers={"Authorization": f"Bearer {token}"})
        if answer.status_code != 200:
            server.fail(f"answered {answer.status_code}: {answer.text[:500]}")
        body = orjson.loads(answer.content)
        if reference is not None and body != reference:
            diff = [k for k in reference if reference[k] != body.get(k)]
            pairs = enumerate(zip(reference["items"], body["items"], strict=False))
            first = next((i for i, (a, b) in pairs if a != b), None)
            detail = (
                "" if first is None else f" first differing item #{first}: {body['items'][first]}"
            )
            server.fail(f"differs from mystocks in {diff};{detail}")
        statuses = {}
        for name, (query, auth) in BAD_REQUESTS.items():
            path = PATH if query is None else PATH.split("?")[0] + "?" + query
            auth = auth and auth.replace("*", f"Bearer {token}")
            statuses[name] = client.get(
                path, headers={"Authorization": auth} if auth else {}
            ).status_code
        if any(not 400 <= s < 500 for s in statuses.values()):
            server.fail(f"accepted a bad request: {statuses}")
    shown = " ".join(str(v) for v in statuses.values())
    console.print(f"  {server.name:<9} {len(body['items'])} bars, {len(answer.content)} B; {shown}")
    return body, len(answer.content)


def check_redis(server: Server) -> None:
    """That `mystocks-redis` keeps what it should in Redis: the app bypasses a Redis it cannot
    reach (by design), and would then measure nothing of it."""
    import redis

    url, prefix = redis_url(), redis_prefix(server.proc.pid)
    client = redis.Redis.from_url(url)
    try:
        kept = next(client.scan_iter(f"{prefix}:*", count=1000), None)
    except redis.RedisError as exc:
        server.fail(f"cannot be checked: Redis at {url}: {exc}")
    finally:
        client.close()
    if kept is None:
        server.fail(f"kept nothing under {prefix}: in Redis at {url}; is it running?")


def measure(server: Server, token: str, args: argparse.Namespace) -> dict[str, float]:
    def load(seconds: int) -> dict[str, float]:
        if args.client == "wrk":
            return wrk_load(server.base + PATH, token, args.connections, seconds)
        return asyncio.run(python_load(server.base + PATH, token, args.connections, seconds))

    if args.warmup > 0:
        load(args.warmup)
    cpu0, wall0 = cpu_seconds(server.proc.pid), time.perf_counter()
    stats = load(args.duration)
    cpu = cpu_seconds(server.proc.pid) - cpu0
    wall = time.perf_counter() - wall0
    if stats["errors"] or not stats["requests"]:
        server.fail(f"had {stats['errors']} errors in {stats['requests']} requests under load")
    return {
        "rps": stats["requests"] / stats["seconds"],
        "p50_ms": stats["p50_ms"],
        "p99_ms": stats["p99_ms"],
        "cpu_us_per_req": cpu / stats["requests"] * 1e6,
        "cpu_util": cpu / wall,
        "requests": stats["requests"],
    }


def report(results: dict[str, dict[str, float]], args: argparse.Namespace) -> dict[str, Any]:
    pinned = f"server on CPU {args.server_cpus}" if args.server_cpus else "not pinned"
    title = f"bars 1y: {args.connections} conns, {args.duration} s, {args.client}, {pinned}"
    table = Table(title=title)
    for col in ("server", "req/s", "p50 ms", "p99 ms", "CPU µs/req", "CPU util"):
        table.add_column(col, justify="left" if col == "server" else "right")
    for name, r in results.items():
        table.add_row(
            name,
            f"{r['rps']:.0f}",
            f"{r['p50_ms']:.2f}",
            f"{r['p99_ms']:.2f}",
            f"{r['cpu_us_per_req']:.0f}",
            f"{r['cpu_util']:.0%}",
        )
    console.print(table)
    mine = results["mystocks"]
    ratios: dict[str, Any] = {}
    summary = Table(title="ratios (higher is better for mystocks)")
    for col in ("figure", "ratio", "target"):
        summary.add_column(col, justify="left" if col == "figure" else "right")
    for other, target in TARGETS.items():
        cpu_ratio = results[other]["cpu_us_per_req"] / mine["cpu_us_per_req"]
        met = cpu_ratio >= target
        ratios[other] = {"cpu_ratio": cpu_ratio, "target": target, "met": met}
        verdict = "[green]met[/]" if met else "[red]missed[/]"
        summary.add_row(f"CPU/req {other} ÷ mystocks", f"{cpu_ratio:.2f}", f"≥ {target} {verdict}")
    for other in TARGETS:
        ratios[other]["rps_ratio"] = mine["rps"] / results[other]["rps"]
        summary.add_row(f"req/s mystocks ÷ {other}", f"{ratios[other]['rps_ratio']:.2f}", "")
    for cached, target in CACHED.items():
        rps_ratio = results[cached]["rps"] / mine["rps"]
        p99_ratio = mine["p99_ms"] / results[cached]["p99_ms"]
        met = rps_ratio >= target
        ratios[cached] = {"rps_ratio": rps_ratio, "p99_ratio": p99_ratio, "target": target}
        verdict = "[green]met[/]" if met else "[red]missed[/]"
        summary.add_row(f"req/s {cached} ÷ uncached", f"{rps_ratio:.2f}", f"≥ {target} {verdict}")
        summary.add_row(f"p99 uncached ÷ {cached}", f"{p99_ratio:.2f}", "")
    console.print(summary)
    return ratios


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    began = time.perf_counter()
    if args.client == "auto":
        args.client = "wrk" if shutil.which("wrk") else "python"
        if args.client == "python":
            console.print(
                "[yellow]wrk not found (apt-get install wrk): using the Python "
                "client, which competes with the server for CPU[/]"
            )
    if args.server_cpus == "auto":
        cpus = os.cpu_count() or 1
        args.server_cpus = str(cpus - 1) if cpus > 1 else ""
    args.server_cpus = "" if args.server_cpus == "none" else args.server_cpus
    with tempfile.TemporaryDirectory(prefix="mystocks-bench-") as tmp:
        data_dir = args.data_dir or Path(tmp) / "data"
        with console.status("preparing the data directory (first start loads sample data)"):
            t0 = time.perf_counter()
            prepare_data(data_dir, 0 if args.smoke else None)
        console.print(f"data directory {data_dir} ready in {time.perf_counter() - t0:.1f} s")
        started: list[Server] = []  # all stopped at the end, whatever happens

        def start(name: str, wait: bool = True) -> Server:
            started.append(Server(name, data_dir, Path(tmp), args.server_cpus, wait))
            return started[-1]

        try:
            # A measured run starts each server when its turn comes, the others stopped. In a
            # smoke run start-up is most of the time: every server starts at once.
            early = {name: start(name, wait=False) for name in SERVERS} if args.smoke else {}
            token, reference, size = "", None, 0
            rounds: list[dict[str, dict[str, float]]] = []
            for round_no in range(1 if args.check else args.rounds):
                if round_no == 0:
                    console.print(
                        "checking the answers agree, and that bad requests are refused ("
                        + ", ".join(BAD_REQUESTS)
                        + "):"
                    )
                rounds.append({})
                for name in SERVERS:
                    server = early.pop(name, None) or start(name)
                    server.wait_listening()
                    token = token or get_token(server.base)
                    if round_no == 0:
                        body, size_ = check(server, token, reference)
                        reference, size = reference or body, size or size_
                        if name == "mystocks-redis":
                            check_redis(server)
                    if not args.check:
                        with console.status(f"round {round_no + 1}: loading {name}"):
                            rounds[-1][name] = measure(server, token, args)
                    server.stop()
        finally:
            for server in started:
                server.stop()
        if args.check:
            return 0
    results = {
        n: {k: statistics.median(r[n][k] for r in rounds) for k in rounds[0][n]} for n in SERVERS
    }
    ratios = report(results, args)
    total = time.perf_counter() - began
    console.print(f"whole run: {total:.0f} s")
    if not args.no_save:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        out = ROOT / "bench" / "results" / f"bars-{stamp}.json"
        out.parent.mkdir(exist_ok=True)
        doc = {
            "when": dt.datetime.now().astimezone().isoformat(),
            "request": PATH,
            "body_bytes": size,
            "bars": len(reference["items"]) if reference else 0,
            "options": {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()},
            "machine": {
                "cpus": os.cpu_count(),
                "python": platform.python_version(),
                "platform": platform.platform(),
            },
            "servers": results,
            "rounds": rounds,
            "ratios": ratios,
            "total_seconds": total,
        }
        out.write_text(json.dumps(doc, indent=2) + "\n")
        console.print(f"results written to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
