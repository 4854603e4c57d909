"""Read-through cache of serialised answers, with entity tags for conditional GETs.

An answer is cached as its JSON bytes and a weak ETag (a digest of the bytes), under a key that
names the operation and every parameter that changes the answer. Each entry also depends on
*scopes* (`market:600036.SH`, `instruments`): writing data bumps its scopes' generation numbers,
and an entry stored under older generations is never served again. The generations are read
before the answer is built, so an entry built while an ingest committed is stale on arrival and
is not served. Only one caller rebuilds a key at a time (per process, or across processes with a
short Redis lock); the others wait for its entry instead of all hitting the database at once.
A hit never leaves the event loop; building (a database read) and storing run in the thread
pool. Invalidation is synchronous: ingest calls it from its worker thread after committing.

`RedisCache` is shared by every server process; when Redis fails, answers are built from the
database as if there were no cache (`RedisLink` logs it and retries after a cool-down).
`LocalCache` serves the embedded default, inside one process.
"""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import orjson
from starlette.concurrency import run_in_threadpool

from mystocks import metrics
from mystocks.adapters.redis_link import ERRORS, RedisLink

# Seconds an answer may be served from the cache. Ingest invalidates bars and quotes at once;
# the TTL bounds what no write path announces (another process writing without Redis, say).
TTL = {
    "bars:1d": 300.0,  # daily, weekly, monthly bars (settled data)
    "bars:intraday": 30.0,
    "indicators": 300.0,
    "quotes": 5.0,  # the latest price moves with every tick
    "symbols": 600.0,
    "backtest-results": 3600.0,  # a finished job never changes
}


INSTRUMENTS_SCOPE = "instruments"
"""Instrument searches: invalidated when instruments change or daily bars are written (each
result says which daily bars are stored)."""


def market_scope(symbol: str) -> str:
    """What a write of `symbol`'s data invalidates: its bars, quotes and indicators."""
    return f"market:{symbol.upper()}"


# Answers at least this big are also kept gzipped, compressed once when built instead of on
# every request (a year of bars: 31 KB of JSON, 6 KB gzipped).
GZIP_MIN_BYTES = 2048


@dataclass(frozen=True)
class Entry:
    body: bytes
    etag: str  # weak: the same for the plain and the gzipped bytes
    gzipped: bytes | None = None


def entry_of(data: Any, *, compress: bool = True) -> Entry:
    """An answer's bytes and tag; `compress` also gzips it, worth it only for answers that
    will be served again."""
    body = orjson.dumps(data)
    etag = f'W/"{hashlib.blake2b(body, digest_size=12).hexdigest()}"'
    large = compress and len(body) >= GZIP_MIN_BYTES
    return Entry(body, etag, gzip.compress(body, compresslevel=6, mtime=0) if large else None)


def cache_key(operation: str, params: dict[str, Any]) -> str:
    """`operation` plus a digest of every parameter (names and values, sorted)."""
    canonical = orjson.dumps(params, option=orjson.OPT_SORT_KEYS)
    return f"{operation}:{hashlib.blake2b(canonical, digest_size=16).hexdigest()}"


def matches(if_none_match: str | None, etag: str) -> bool:
    """RFC 9110 weak comparison of `If-None-Match` against our tag."""
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    ours = etag.removeprefix("W/")
    return any(tag.strip().removeprefix("W/") == ours for tag in if_none_match.split(","))


class Cache(Protocol):
    hits: int
    misses: int

    async def fetch(
        self, key: str, scopes: Sequence[str], ttl: float, build: Callable[[], Any]
    ) -> Entry: ...

    def invalidate(self, scopes: Iterable[str]) -> None: ...


async def _built(build: Callable[[], Any], compress: bool = True) -> Entry:
    return await run_in_threadpool(lambda: entry_of(build(), compress=compress))


class NoCache:
    """`MYSTOCKS_CACHE=false`: every answer is built (still with its ETag, so 304s work; the
    gzip middleware compresses it per request, as for any answer)."""

    hits = misses = 0

    async def fetch(
        self, key: str, scopes: Sequence[str], ttl: float, build: Callable[[], Any]
    ) -> Entry:
        return await _built(build, compress=False)

    def invalidate(self, scopes: Iterable[str]) -> None:
        pass


class LocalCache:
    """In one process: an LRU bounded in bytes; concurrent misses of one key share one build."""

    def __init__(self, max_bytes: int = 64 * 2**20) -> None:
        self.max_bytes = max_bytes
        self.hits = self.misses = 0
        self._entries: OrderedDict[str, tuple[float, tuple[int, ...], Entry]] = OrderedDict()
        self._size = 0
        self._gens: dict[str, int] = {}
        self._lock = threading.Lock()  # invalidation comes from worker threads
        self._inflight: dict[str, asyncio.Future[Entry]] = {}

    def _get(self, key: str, gens: tuple[int, ...]) -> Entry | None:
        with self._lock:
            found = self._entries.get(key)
            if found is None or found[0] < time.monotonic() or found[1] != gens:
                return None
            self._entries.move_to_end(key)
            return found[2]

    def _gens_of(self, scopes: Sequence[str]) -> tuple[int, ...]:
        with self._lock:
            return tuple(self._gens.get(s, 0) for s in scopes)

    async def fetch(
        self, key: str, scopes: Sequence[str], ttl: float, build: Callable[[], Any]
    ) -> Entry:
        gens = self._gens_of(scopes)
        if (entry := self._get(key, gens)) is not None:
            self.hits += 1
            metrics.CACHE_HITS.labels("local").inc()
            return entry
        loop = asyncio.get_running_loop()
        pending = self._inflight.get(key)
        if pending is not None and pending.get_loop() is loop:
            self.hits += 1  # another request is building it: share its answer (or error)
            metrics.CACHE_HITS.labels("local").inc()
            return await asyncio.shield(pending)
        future: asyncio.Future[Entry] = loop.create_future()
        self._inflight[key] = future
        self.misses += 1
        metrics.CACHE_MISSES.labels("local").inc()
        try:
            entry = await _built(build)
        except BaseException as exc:
            future.set_exception(exc)
            future.exception()  # retrieved: nobody else waiting is not an error
            raise
        finally:
            self._inflight.pop(key, None)
        self._put(key, gens, ttl, entry)
        future.set_result(entry)
        return entry

    def _put(self, key: str, gens: tuple[int, ...], ttl: float, entry: Entry) -> None:
        if len(entry.body) > self.max_bytes // 8:
            return  # one answer must not flush everything else
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._size -= len(old[2].body)
            self._entries[key] = (time.monotonic() + ttl, gens, entry)
            self._size += len(entry.body)
            while self._size > self.max_bytes:
                _, (_, _, dropped) = self._entries.popitem(last=False)
                self._size -= len(dropped.body)

    def invalidate(self, scopes: Iterable[str]) -> None:
        with self._lock:
            for scope in scopes:
                self._gens[scope] = self._gens.get(scope, 0) + 1


class RedisCache:
    """Shared by every process. Values are `{"g": generations, "e": etag, "n": body size}`,
    a newline, the body and its gzipped bytes if any (orjson never writes a raw newline, so the
    first one ends the header)."""

    LOCK_MS = 10_000  # a rebuild that takes longer lets another caller try
    WAIT_S = 3.0  # how long a caller waits for another's rebuild before building itself
    GEN_TTL_S = 2 * 24 * 3600  # longer than any entry: a lost generation cannot revive one

    def __init__(self, link: RedisLink) -> None:
        self.link = link
        self.hits = self.misses = 0

    async def _read(self, key: str, scopes: Sequence[str]) -> tuple[list[int], Entry | None]:
        pipe = self.link.aio.pipeline(transaction=False)
        if scopes:
            pipe.mget([self.link.key("gen", s) for s in scopes])
        pipe.get(self.link.key("cache", key))
        replies = await pipe.execute()
        gens = [int(g or 0) for g in (replies[0] if scopes else [])]
        raw: bytes | None = replies[-1]
        if raw is None:
            return gens, None
        header, _, rest = raw.partition(b"\n")
        meta = orjson.loads(header)
        if meta["g"] != gens:
            return gens, None
        size = meta["n"]
        return gens, Entry(rest[:size], meta["e"], rest[size:] or None)

    async def fetch(
        self, key: str, scopes: Sequence[str], ttl: float, build: Callable[[], Any]
    ) -> Entry:
        if not self.link.available:
            return await _built(build, compress=False)  # not kept: no need to gzip
        lock = self.link.key("lock", key)
        try:
            gens, entry = await self._read(key, scopes)
            if entry is None and not await self.link.aio.set(lock, b"1", nx=True, px=self.LOCK_MS):
                entry = await self._await_rebuild(key, scopes)  # another process builds it
        except ERRORS as exc:
            self.link.failed(exc, "reading the cache")
            return await _built(build, compress=False)  # not kept: no need to gzip
        self.link.succeeded()
        if entry is not None:
            self.hits += 1
            metrics.CACHE_HITS.labels("redis").inc()
            return entry
        self.misses += 1
        metrics.CACHE_MISSES.labels("redis").inc()
        try:
            entry = await _built(build)
        except BaseException:
            await self._forget(lock)
            raise
        header = orjson.dumps({"g": gens, "e": entry.etag, "n": len(entry.body)})
        value = b"".join((header, b"\n", entry.body, entry.gzipped or b""))
        try:
            pipe = self.link.aio.pipeline(transaction=False)
            pipe.set(self.link.key("cache", key), value, px=int(ttl * 1000))
            pipe.delete(lock)
            await pipe.execute()
        except ERRORS as exc:
            self.link.failed(exc, "storing a cached answer")
        return entry

    async def _forget(self, lock: str) -> None:
        try:
            await self.link.aio.delete(lock)
        except ERRORS as exc:  # the lock expires by itself
            self.link.failed(exc, "releasing a cache lock")

    async def _await_rebuild(self, key: str, scopes: Sequence[str]) -> Entry | None:
        deadline = time.monotonic() + self.WAIT_S
        while time.monotonic() < deadline:
            await asyncio.sleep(0.02)
            _, entry = await self._read(key, scopes)
            if entry is not None:
                return entry
        return None

    def invalidate(self, scopes: Iterable[str]) -> None:
        keys = [self.link.key("gen", s) for s in scopes]
        if not keys:
            return
        try:
            pipe = self.link.sync.pipeline(transaction=False)
            for gen in keys:
                pipe.incr(gen)
                pipe.expire(gen, self.GEN_TTL_S)
            pipe.execute()
        except ERRORS as exc:
            # The write itself committed; answers cached before it expire with their TTL.
            self.link.failed(exc, "invalidating cached answers")
