"""Benchmark: WebSocket fan-out of ticks on loopback, the real app beside a bare `websockets`
broadcast server (one frame per tick), in the same run.

Subscribers (1,000, then 5,000) each follow `ticks:` of 5 of 100 symbols, so every tick goes to
1/20 of them. Each is one raw TCP connection driven by a minimal asyncio protocol (handshake,
masked client frames, server frames parsed from a buffer, only the fields counted below read),
many per process, in client processes on one CPU, so the clients cost less per frame than the
servers; each server (bench/ws_servers.py) is pinned to the other. For each server the tick rate
steps up (×1.6) until a step delivers under 99% of the ticks owed or its publish-to-receive p99
reaches 100 ms; the figure is the highest passing step's ticks delivered per second, with its
p50/p99, the server's CPU use and the client processes' (together, in CPUs: near 1.0 the
clients' core, not the server, is the limit). Servers: `app` (publisher thread in the server
process, the in-process bus), `app-redis` (published through Redis by this process) and `bare`.

Latency is measured per frame from the `ts` of its oldest tick (the worst in the frame) and
counted once per tick it carries. Speed is reported, never asserted; results JSON goes to
bench/results/ws-<time>.json. The exit status is non-zero when a server delivers no tick at all
(and, with `--smoke`, when any subscriber fails to connect or subscribe).

    python bench/ws.py            1,000 then 5,000 subscribers (about 5 minutes)
    python bench/ws.py --quick    200 subscribers, short steps
    python bench/ws.py --smoke    20 subscribers, two short steps, no results file: checks that
                                  the bench runs; the figures mean nothing
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import datetime as dt
import hashlib
import json
import multiprocessing as mp
import os
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections import Counter
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import orjson

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from bench.apps.serve import free_port, stop_process, wait_for_port  # noqa: E402
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
# One raw TCP connection per subscriber, speaking just enough RFC 6455 for this bench: a
# hand-written Upgrade handshake, masked text frames out, and server frames parsed from a buffer
# in `data_received`. Per frame it only counts the ticks (`"ts":` occurrences) and reads the
# first tick's `ts` and the first and last `volume` (the step) as bytes; a frame spanning two
# steps is decoded with orjson. So the client costs far less per frame than a server does.
WS_GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
TS, VOLUME = b'"ts":"', b'"volume":'


def client_frame(opcode: int, payload: bytes) -> bytes:
    """One masked client frame (FIN set), as RFC 6455 requires of a client."""
    n = len(payload)
    if n < 126:
        head = bytes((0x80 | opcode, 0x80 | n))
    elif n < 1 << 16:
        head = bytes((0x80 | opcode, 0x80 | 126)) + n.to_bytes(2, "big")
    else:
        head = bytes((0x80 | opcode, 0x80 | 127)) + n.to_bytes(8, "big")
    mask = os.urandom(4)
    key = (mask * (n // 4 + 1))[:n]
    masked = (int.from_bytes(payload, "big") ^ int.from_bytes(key, "big")).to_bytes(n, "big")
    return head + mask + masked


class TickCounter:
    """Ticks received per step, as a latency histogram: {step: Counter(bucket -> ticks)}."""

    def __init__(self) -> None:
        self.stats: dict[int, Counter[int]] = {}
        self._sent: dict[bytes, float] = {}  # `ts` -> epoch seconds (a window's ts repeats)

    def frame(self, payload: bytes | bytearray) -> None:
        if payload.find(b'"type":"tick', 0, 80) < 0:
            return  # ack, or a gap: what it dropped is simply not delivered
        ticks = payload.count(TS)
        start = payload.find(TS) + 6
        stamp = bytes(payload[start : payload.find(b'"', start)])
        sent = self._sent.get(stamp)
        if sent is None:
            if len(self._sent) > 10_000:
                self._sent.clear()
            sent = self._sent[stamp] = dt.datetime.fromisoformat(stamp.decode()).timestamp()
        bucket = int((time.time() - sent) * 1000 / BIN_MS)
        first = payload.find(VOLUME) + 9
        last = payload.rfind(VOLUME) + 9
        step = int(payload[first : payload.find(b",", first)])
        if ticks == 1 or step == int(payload[last : payload.find(b",", last)]):
            hist = self.stats.get(step)
            if hist is None:
                hist = self.stats[step] = Counter()
            hist[bucket] += ticks
            return
        # A frame spanning two steps: count each tick for its own step.
        for item in orjson.loads(payload)["data"]["items"]:
            self.stats.setdefault(item["volume"], Counter())[bucket] += 1


class Subscriber(asyncio.Protocol):
    """One subscriber's connection: handshake, (auth,) subscribe, then count what arrives."""

    def __init__(self, host: str, path: str, token: str | None, i: int, counter: TickCounter):
        self.host, self.path, self.token, self.i = host, path, token, i
        self.counter = counter
        self.key = base64.b64encode(os.urandom(16))
        self.buf = bytearray()
        self.upgraded = self.ready = self.failed = self.stopping = self.text_fragments = False
        self.fragments: list[bytes] = []
        self.on_text = self._answered
        self.transport: asyncio.Transport | None = None
        self.subscribe = orjson.dumps({"type": "subscribe", "channels": channels_of(i)})

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]  # (uvloop's is no subclass)
        transport.write(
            b"GET %s HTTP/1.1\r\nHost: %s\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            b"Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n"
            % (self.path.encode(), self.host.encode(), self.key)
        )

    def connection_lost(self, exc: Exception | None) -> None:
        self.transport = None
        if not self.stopping:
            self.failed = True

    def fail(self) -> None:
        self.failed = True
        if self.transport is not None:
            self.transport.abort()

    def send_text(self, payload: bytes) -> None:
        assert self.transport is not None
        self.transport.write(client_frame(0x1, payload))

    def _upgrade(self) -> None:
        end = self.buf.find(b"\r\n\r\n")
        if end < 0:
            return
        head = bytes(self.buf[:end]).decode("latin-1").split("\r\n")
        del self.buf[: end + 4]
        headers = dict(line.lower().split(": ", 1) for line in head[1:] if ": " in line)
        accept = base64.b64encode(hashlib.sha1(self.key + WS_GUID).digest()).decode().lower()
        if head[0].split(" ")[1:2] != ["101"] or headers.get("sec-websocket-accept") != accept:
            self.fail()
            return
        self.upgraded = True
        if self.token:
            self.send_text(orjson.dumps({"type": "auth", "token": self.token}))
        else:  # the bare server answers nothing: ready once the subscribe is sent
            self.send_text(self.subscribe)
            self._ready()

    def _answered(self, payload: bytes | bytearray) -> None:
        """The app's answers before ticks flow: the auth ack, then the subscribe ack."""
        if payload.find(b'"type":"ack"') < 0:
            self.fail()
        elif payload.find(b'"op":"auth"') >= 0:
            self.send_text(self.subscribe)
        else:  # the subscribe ack: from here on every tick is owed
            self._ready()

    def _ready(self) -> None:
        self.ready = True
        self.on_text = self.counter.frame

    def data_received(self, data: bytes) -> None:
        buf = self.buf
        if not self.upgraded:
            buf += data
            self._upgrade()
            if not self.upgraded or not buf:
                return
            data = bytes(buf)
            buf.clear()
        if buf:  # the rest of a frame begun in an earlier read
            buf += data
            del buf[: self._frames(buf)]
        else:  # the usual case: parse straight from what was read, keep only a partial frame
            done = self._frames(data)
            if done < len(data):
                buf += data[done:]

    def _frames(self, src: bytes | bytearray) -> int:
        """Handle every whole frame in `src`; answer how many bytes they took."""
        n, pos = len(src), 0
        while n - pos >= 2:
            b0, length = src[pos], src[pos + 1]
            head = 2
            if length >= 126:
                if length == 126:
                    if n - pos < 4:
                        break
                    length, head = int.from_bytes(src[pos + 2 : pos + 4], "big"), 4
                elif length == 127:
                    if n - pos < 10:
                        break
                    length, head = int.from_bytes(src[pos + 2 : pos + 10], "big"), 10
                else:  # a server never masks its frames
                    self.fail()
                    return n
            end = pos + head + length
            if end > n:
                break
            payload = src[pos + head : end]
            pos = end
            if b0 == 0x81:  # a whole text frame: nearly all of them
                self.on_text(payload)
            else:
                self._other(b0, payload)
                if self.transport is None or self.failed:
                    return n
        return pos

    def _other(self, b0: int, payload: bytes | bytearray) -> None:
        opcode = b0 & 0x0F
        if opcode in (0x0, 0x1, 0x2):  # fragments of a message
            self.fragments.append(bytes(payload))
            if b0 & 0x80:
                whole, self.fragments = b"".join(self.fragments), []
                if opcode == 0x1 or (opcode == 0x0 and self.text_fragments):
                    self.on_text(whole)
            else:
                self.text_fragments = opcode == 0x1 or (opcode == 0x0 and self.text_fragments)
        elif opcode == 0x9 and self.transport is not None:  # ping -> pong
            self.transport.write(client_frame(0xA, bytes(payload)))
        elif opcode == 0x8:  # close: answer it and leave
            if self.transport is not None:
                self.transport.write(client_frame(0x8, bytes(payload[:2])))
                self.transport.close()
            self.failed = self.failed or not self.stopping

    def stop(self) -> None:
        self.stopping = True
        if self.transport is not None:  # a normal close (1000), so no server logs an error
            self.transport.write(client_frame(0x8, (1000).to_bytes(2, "big")))
            self.transport.close()


def client_process(pipe: Connection, url: str, token: str | None, ids: list[int]) -> None:
    if cpus := os.environ.get("BENCH_CLIENT_CPUS"):
        os.sched_setaffinity(0, {int(c) for c in cpus.split(",")})
    parts = urllib.parse.urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80

    async def main() -> None:
        loop = asyncio.get_running_loop()
        counter = TickCounter()
        subscribers = [Subscriber(parts.netloc, parts.path or "/", token, i, counter) for i in ids]
        connecting: list[asyncio.Future[Any]] = []
        for start in range(0, len(ids), 100):  # connect in waves: a burst of 5,000 handshakes
            for sub in subscribers[start : start + 100]:
                connecting.append(
                    asyncio.ensure_future(loop.create_connection(lambda s=sub: s, host, port))
                )
            await asyncio.sleep(0.05)
        await asyncio.gather(*connecting, return_exceptions=True)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not all(s.ready or s.failed for s in subscribers):
            await asyncio.sleep(0.1)
        await asyncio.sleep(0.5)  # the bare server has no ack: let its last subscribes land
        pipe.send("ready")
        await loop.run_in_executor(None, pipe.recv)  # "stop"
        failed = sum(1 for s in subscribers if s.failed or not s.ready)
        pipe.send({"stats": counter.stats, "failed": failed})
        for sub in subscribers:
            sub.stop()
        await asyncio.sleep(0.2)  # let the close frames go out

    try:
        import uvloop  # a cheaper event loop for the clients, when installed
    except ImportError:
        asyncio.run(main())
    else:
        uvloop.run(main())


# -- servers ----------------------------------------------------------------------------------
class BenchServer:
    """`python -m bench.ws_servers KIND PORT`, from start until it listens (or, with
    `wait=False`, just started: `wait_listening` then waits)."""

    def __init__(self, kind: str, env: dict[str, str], wait: bool = True) -> None:
        self.kind, self.port, self.env = kind, free_port(), env
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bench.ws_servers", kind, str(self.port)],
            cwd=ROOT,
            env={**os.environ, **env},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        if wait:
            self.wait_listening()

    def wait_listening(self) -> None:
        if (why := wait_for_port(self.proc, self.port, 180)) is not None:
            self.stop()
            raise SystemExit(f"{self.kind} server did not start: it {why}")

    def publish(self, step: int, rate: float, seconds: float) -> Counter[str]:
        assert self.proc.stdin and self.proc.stdout
        self.proc.stdin.write(f"publish {step} {rate} {seconds}\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        return Counter(json.loads(line.removeprefix("done ")))

    def stop(self) -> None:
        stop_process(self.proc, 20)


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


def start_server(
    kind: str, args: argparse.Namespace, data_dir: Path, wait: bool = True
) -> BenchServer:
    env = {
        CPUS_ENV: args.server_cpu,
        DATA_ENV: str(data_dir),
        REDIS_ENV: args.redis_url,
        PREFIX_ENV: f"bench-ws-{os.getpid()}-{time.time_ns()}",
    }
    return BenchServer(kind, env, wait)


def forget(redis_url: str, prefix: str) -> None:
    """Delete what a server left in Redis under its prefix (its event stream has no expiry)."""
    import redis

    client = redis.Redis.from_url(redis_url)
    try:
        for key in client.scan_iter(f"{prefix}:*"):
            client.delete(key)
    finally:
        client.close()


def run_server(
    server: BenchServer, subscribers: int, rates: list[float], args: argparse.Namespace
) -> dict[str, Any]:
    """The step ladder against a listening server, which is stopped afterwards."""
    kind = server.kind
    token = _token(server.port) if kind.startswith("app") else None
    bus = None
    if kind == "app-redis":
        from mystocks.adapters.redis_bus import RedisEventBus

        bus = RedisEventBus(args.redis_url, prefix=server.env[PREFIX_ENV])
    url = f"ws://127.0.0.1:{server.port}" + ("/api/v1/ws" if token else "")
    ctx = mp.get_context("spawn")
    per = -(-subscribers // args.client_processes)
    pipes, procs = [], []
    for p in range(args.client_processes):
        ids = list(range(p * per, min(subscribers, (p + 1) * per)))
        ours, theirs = ctx.Pipe()
        proc = ctx.Process(target=client_process, args=(theirs, url, token, ids), daemon=True)
        proc.start()
        theirs.close()  # the child's now: if it dies, `recv` here fails instead of waiting
        pipes.append(ours)
        procs.append(proc)
    for pipe in pipes:
        pipe.recv()
    fans = Counter(s.removeprefix("ticks:") for i in range(subscribers) for s in channels_of(i))
    steps: list[dict[str, Any]] = []
    owed_by_step: dict[int, int] = {}
    for step, rate in enumerate(rates, 1):
        cpu0, t0 = cpu_seconds(server.proc.pid), time.monotonic()
        clients0 = sum(cpu_seconds(proc.pid) for proc in procs if proc.pid)
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
        elapsed = time.monotonic() - t0
        cpu = (cpu_seconds(server.proc.pid) - cpu0) / elapsed
        # All client processes together, in CPUs: near 1.0 the clients' one core is the limit.
        clients = (sum(cpu_seconds(proc.pid) for proc in procs if proc.pid) - clients0) / elapsed
        owed_by_step[step] = sum(n * fans[s] for s, n in counts.items())
        steps.append({"step": step, "rate": rate, "server_cpu": cpu, "client_cpu": clients})
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
        forget(args.redis_url, server.env[PREFIX_ENV])
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help="200 subscribers, short steps")
    size.add_argument(
        "--smoke",
        action="store_true",
        help="20 subscribers in one client process, two 0.4 s steps, no results file: checks "
        "that the bench runs; the figures mean nothing",
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/14")
    parser.add_argument("--client-processes", type=int, default=3)
    args = parser.parse_args(argv)
    cpus = sorted(os.sched_getaffinity(0))
    args.server_cpu = str(cpus[0])
    client_cpus = ",".join(str(c) for c in (cpus[1:] or cpus))
    os.environ["BENCH_CLIENT_CPUS"] = client_cpus
    os.sched_setaffinity(0, {int(c) for c in client_cpus.split(",")})
    if args.smoke:
        sizes, args.step_seconds, args.drain_seconds = [20], 0.4, 0.3
        ladders = {20: [100, 160]}
        args.client_processes = 1
    elif args.quick:
        sizes, args.step_seconds, args.drain_seconds = [200], 1.5, 0.5
        ladders = {200: [100 * 1.6**k for k in range(5)]}
    else:
        sizes, args.step_seconds, args.drain_seconds = [1000, 5000], 2.5, 0.7
        ladders = {1000: [100 * 1.6**k for k in range(9)], 5000: [20 * 1.6**k for k in range(9)]}
    results = []
    kinds = ("bare", "app", "app-redis")
    started: list[BenchServer] = []  # all stopped at the end, whatever happens
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        try:
            for size in sizes:
                upcoming: BenchServer | None = None
                for i, kind in enumerate(kinds):
                    server = upcoming or start_server(kind, args, data_dir)
                    started.append(server)
                    server.wait_listening()
                    # Start-up is most of a smoke run's time: there the next server starts
                    # while this one is measured (once this one listens, so the first app has
                    # loaded the data directory the second uses). Measured runs start each
                    # server on its own.
                    upcoming = None
                    if args.smoke and i + 1 < len(kinds):
                        upcoming = start_server(kinds[i + 1], args, data_dir, wait=False)
                        started.append(upcoming)
                    print(f"{kind}: {size} subscribers ...", flush=True)
                    result = run_server(server, size, [round(r) for r in ladders[size]], args)
                    results.append(result)
                    for s in result["steps"]:
                        print(
                            f"  {s['rate']:>6} ticks/s published: {s['delivered_per_s']:>9.0f}"
                            f" delivered/s ratio {s['ratio']:.3f} p50 {s['p50_ms']:.1f} ms"
                            f" p99 {s['p99_ms']:.1f} ms cpu {s['server_cpu']:.2f}"
                            f" clients {s['client_cpu']:.2f}"
                            f"{'' if s['ok'] else '  (fails)'}",
                            flush=True,
                        )
        finally:
            for server in started:
                server.stop()
    report(results)
    if not args.smoke:
        out = ROOT / "bench" / "results" / f"ws-{time.strftime('%Y%m%d-%H%M%S')}.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps({"quick": args.quick, "results": results}, indent=2))
        print(f"results: {out.relative_to(ROOT)}")
    broken = [
        f"{r['server']} ({r['subscribers']} subscribers) delivered no tick at all"
        for r in results
        if not any(s["delivered"] for s in r["steps"])
    ]
    if args.smoke:  # a handful of subscribers: every one must get through
        broken += [
            f"{r['server']}: {r['failed_clients']} subscribers failed to connect or subscribe"
            for r in results
            if r["failed_clients"]
        ]
    for why in broken:
        print(why, file=sys.stderr)
    return 1 if broken else 0


def report(results: list[dict[str, Any]]) -> None:
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
            f" server cpu {best['server_cpu']:.2f} clients {best['client_cpu']:.2f}"
            f"  ×{ratio:.2f} of bare"
        )


if __name__ == "__main__":
    sys.exit(main())
