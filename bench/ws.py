"""Benchmark: WebSocket fan-out of ticks on loopback, the real app beside a bare `websockets`
broadcast server (one frame per tick), in the same run.

Subscribers (1,000, then 5,000) each follow `ticks:` of 5 of 100 symbols, so every tick goes to
1/20 of them. They are asyncio `websockets` clients, many per process, in client processes on
one CPU; each server (bench/ws_servers.py) is pinned to the other. For each server the tick rate
steps up (×1.6) until a step delivers under 99% of the ticks owed or its publish-to-receive p99
reaches 100 ms; the figure is the highest passing step's ticks delivered per second, with its
p50/p99 and the server's CPU use. Servers: `app` (publisher thread in the server process, the
in-process bus), `app-redis` (published through Redis by this process) and `bare`.

Latency is measured per frame from the `ts` of its oldest tick (the worst in the frame) and
counted once per tick it carries. Speed is reported, never asserted; results JSON goes to
bench/results/ws-<time>.json.

    python bench/ws.py            1,000 then 5,000 subscribers (about 5 minutes)
    python bench/ws.py --quick    200 subscribers, short steps (a smoke run)
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import multiprocessing as mp
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import orjson

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from bench.apps.serve import free_port  # noqa: E402
from bench.load import cpu_seconds  # noqa: E402
from bench.ws_servers import (  # noqa: E402
    CPUS_ENV,
    DATA_ENV,
    PREFIX_ENV,
    REDIS_ENV,
    SYMBOLS,
    publish_steadily,
)

BIN_MS = 0.5  # latency histogram resolution
P99_LIMIT_MS, DELIVERY_FLOOR = 100.0, 0.99


def channels_of(i: int) -> list[str]:
    return [f"ticks:{SYMBOLS[(i + 20 * k) % len(SYMBOLS)]}" for k in range(5)]


# -- clients ----------------------------------------------------------------------------------
async def _subscriber(
    url: str, token: str | None, i: int, stats: dict[int, Counter[int]], ready: list[int]
) -> None:
    import websockets

    async with websockets.connect(url, compression=None, max_size=None, open_timeout=60) as ws:
        subscribe = orjson.dumps({"type": "subscribe", "channels": channels_of(i)}).decode()
        if token:
            await ws.send(orjson.dumps({"type": "auth", "token": token}).decode())
            await ws.recv()
            await ws.send(subscribe)
            await ws.recv()  # the subscribe ack: from here on every tick is owed
        else:
            await ws.send(subscribe)
        ready.append(i)
        async for raw in ws:
            message = orjson.loads(raw)
            kind = message["type"]
            if kind == "tick":
                items = [message["data"]]
            elif kind == "ticks":
                items = message["data"]["items"]
            else:
                continue  # ack, or a gap: what it dropped is simply not delivered
            sent = dt.datetime.fromisoformat(items[0]["ts"]).timestamp()
            bucket = int((time.time() - sent) * 1000 / BIN_MS)
            if items[0]["volume"] == items[-1]["volume"]:  # one step's ticks (the usual case)
                stats.setdefault(items[0]["volume"], Counter())[bucket] += len(items)
            else:  # a frame spanning two steps: count each tick for its own step
                for item in items:
                    stats.setdefault(item["volume"], Counter())[bucket] += 1


def client_process(pipe: Connection, url: str, token: str | None, ids: list[int]) -> None:
    if cpus := os.environ.get("BENCH_CLIENT_CPUS"):
        os.sched_setaffinity(0, {int(c) for c in cpus.split(",")})

    async def main() -> None:
        stats: dict[int, Counter[int]] = {}
        ready: list[int] = []
        tasks = []
        for start in range(0, len(ids), 100):  # connect in waves: a burst of 5,000 handshakes
            tasks += [
                asyncio.create_task(_subscriber(url, token, i, stats, ready))
                for i in ids[start : start + 100]
            ]
            await asyncio.sleep(0.05)
        deadline = time.monotonic() + 120
        while len(ready) < len(ids) and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
        await asyncio.sleep(0.5)  # the bare server has no ack: let its last subscribes land
        pipe.send("ready")
        await asyncio.get_running_loop().run_in_executor(None, pipe.recv)  # "stop"
        failed = sum(1 for t in tasks if t.done() and t.exception() is not None)
        pipe.send({"stats": stats, "failed": failed})
        for task in tasks:
            task.cancel()

    asyncio.run(main())


# -- servers ----------------------------------------------------------------------------------
class BenchServer:
    def __init__(self, kind: str, env: dict[str, str]) -> None:
        self.kind, self.port = kind, free_port()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bench.ws_servers", kind, str(self.port)],
            cwd=ROOT,
            env={**os.environ, **env},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 180
        import socket

        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"{kind} server did not start") from None
                time.sleep(0.2)

    def publish(self, step: int, rate: float, seconds: float) -> Counter[str]:
        assert self.proc.stdin and self.proc.stdout
        self.proc.stdin.write(f"publish {step} {rate} {seconds}\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        return Counter(json.loads(line.removeprefix("done ")))

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(20)


def _token(port: int) -> str:
    import httpx

    from mystocks.settings import DEV_ADMIN_PASSWORD

    response = httpx.post(
        f"http://127.0.0.1:{port}/api/v1/auth/token",
        data={"username": "admin", "password": DEV_ADMIN_PASSWORD},
    )
    return str(response.json()["access_token"])


def _summary(hist: Counter[int], owed: int, seconds: float) -> dict[str, float]:
    delivered = sum(hist.values())
    result = {"owed": owed, "delivered": delivered, "ratio": delivered / owed if owed else 0.0}
    result["delivered_per_s"] = delivered / seconds
    for name, q in (("p50_ms", 0.5), ("p99_ms", 0.99)):
        seen, value = 0, float("inf")
        for bucket in sorted(hist):
            seen += hist[bucket]
            if seen >= q * delivered:
                value = (bucket + 1) * BIN_MS
                break
        result[name] = value
    return result


def run_server(
    kind: str, subscribers: int, rates: list[float], args: argparse.Namespace, data_dir: Path
) -> dict[str, Any]:
    env = {
        CPUS_ENV: args.server_cpu,
        DATA_ENV: str(data_dir),
        REDIS_ENV: args.redis_url,
        PREFIX_ENV: f"bench-ws-{os.getpid()}-{time.time_ns()}",
    }
    server = BenchServer(kind, env)
    token = _token(server.port) if kind.startswith("app") else None
    bus = None
    if kind == "app-redis":
        from mystocks.services.redis_events import RedisEventBus

        bus = RedisEventBus(args.redis_url, prefix=env[PREFIX_ENV])
    url = f"ws://127.0.0.1:{server.port}" + ("/api/v1/ws" if token else "")
    ctx = mp.get_context("spawn")
    per = -(-subscribers // args.client_processes)
    pipes, procs = [], []
    for p in range(args.client_processes):
        ids = list(range(p * per, min(subscribers, (p + 1) * per)))
        ours, theirs = ctx.Pipe()
        proc = ctx.Process(target=client_process, args=(theirs, url, token, ids), daemon=True)
        proc.start()
        pipes.append(ours)
        procs.append(proc)
    for pipe in pipes:
        pipe.recv()
    fans = Counter(s.removeprefix("ticks:") for i in range(subscribers) for s in channels_of(i))
    steps: list[dict[str, Any]] = []
    owed_by_step: dict[int, int] = {}
    for step, rate in enumerate(rates, 1):
        cpu0, t0 = cpu_seconds(server.proc.pid), time.monotonic()
        if bus is not None:
            counts = publish_steadily(
                lambda items: bus.publish("market", "ticks", {"items": items}),
                step,
                rate,
                args.step_seconds,
            )
        else:
            counts = server.publish(step, rate, args.step_seconds)
        time.sleep(args.drain_seconds)
        cpu = (cpu_seconds(server.proc.pid) - cpu0) / (time.monotonic() - t0)
        owed_by_step[step] = sum(n * fans[s] for s, n in counts.items())
        steps.append({"step": step, "rate": rate, "server_cpu": cpu})
        # Stop climbing once the server is saturated: further steps only take time.
        if cpu > 0.97:
            break
    for pipe in pipes:
        pipe.send("stop")
    merged: dict[int, Counter[int]] = {}
    failed = 0
    for pipe in pipes:
        answer = pipe.recv()
        failed += answer["failed"]
        for step, hist in answer["stats"].items():
            merged.setdefault(step, Counter()).update(hist)
    for proc in procs:
        proc.join(10)
    server.stop()
    if bus is not None:
        bus.close()
    best = None
    for entry in steps:
        entry.update(
            _summary(
                merged.get(entry["step"], Counter()), owed_by_step[entry["step"]], args.step_seconds
            )
        )
        entry["ok"] = entry["ratio"] >= DELIVERY_FLOOR and entry["p99_ms"] < P99_LIMIT_MS
        if entry["ok"] and (best is None or entry["delivered_per_s"] > best["delivered_per_s"]):
            best = entry
    return {
        "server": kind,
        "subscribers": subscribers,
        "failed_clients": failed,
        "steps": steps,
        "best": best,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="200 subscribers, short steps")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/14")
    parser.add_argument("--client-processes", type=int, default=3)
    args = parser.parse_args(argv)
    cpus = sorted(os.sched_getaffinity(0))
    args.server_cpu = str(cpus[0])
    client_cpus = ",".join(str(c) for c in (cpus[1:] or cpus))
    os.environ["BENCH_CLIENT_CPUS"] = client_cpus
    os.sched_setaffinity(0, {int(c) for c in client_cpus.split(",")})
    if args.quick:
        sizes, args.step_seconds, args.drain_seconds = [200], 1.5, 0.5
        ladders = {200: [100 * 1.6**k for k in range(5)]}
    else:
        sizes, args.step_seconds, args.drain_seconds = [1000, 5000], 2.5, 0.7
        ladders = {1000: [100 * 1.6**k for k in range(9)], 5000: [20 * 1.6**k for k in range(9)]}
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        for size in sizes:
            for kind in ("bare", "app", "app-redis"):
                print(f"{kind}: {size} subscribers ...", flush=True)
                result = run_server(kind, size, [round(r) for r in ladders[size]], args, data_dir)
                results.append(result)
                for s in result["steps"]:
                    print(
                        f"  {s['rate']:>6} ticks/s published: {s['delivered_per_s']:>9.0f}"
                        f" delivered/s ratio {s['ratio']:.3f} p50 {s['p50_ms']:.1f} ms"
                        f" p99 {s['p99_ms']:.1f} ms cpu {s['server_cpu']:.2f}"
                        f"{'' if s['ok'] else '  (fails)'}",
                        flush=True,
                    )
    report(results, args)


def report(results: list[dict[str, Any]], args: argparse.Namespace) -> None:
    print("\nWebSocket fan-out: highest passing step (>= 99% delivered, p99 < 100 ms)")
    by = {(r["server"], r["subscribers"]): r["best"] for r in results}
    for (kind, size), best in by.items():
        bare = by.get(("bare", size))
        if best is None:
            print(f"  {kind:>9} {size:>5} subs: no step passed")
            continue
        ratio = best["delivered_per_s"] / bare["delivered_per_s"] if bare else float("nan")
        print(
            f"  {kind:>9} {size:>5} subs: {best['delivered_per_s']:>9.0f} ticks delivered/s"
            f" p50 {best['p50_ms']:.1f} ms p99 {best['p99_ms']:.1f} ms"
            f" server cpu {best['server_cpu']:.2f}  ×{ratio:.2f} of bare"
        )
    out = ROOT / "bench" / "results" / f"ws-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"quick": args.quick, "results": results}, indent=2))
    print(f"results: {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
