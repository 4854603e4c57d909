"""The in-process cache: generations, stale-on-arrival, single flight, the byte bound, ETags."""

from __future__ import annotations

import asyncio
import time

from mystocks.adapters.cache import LocalCache, cache_key, entry_of, matches


async def test_entries_are_served_until_their_scope_is_written():
    cache, calls = LocalCache(), []

    def build():
        calls.append(1)
        return {"n": len(calls)}

    first = await cache.fetch("k", ["market:A"], 60, build)
    assert await cache.fetch("k", ["market:A"], 60, build) == first and len(calls) == 1
    cache.invalidate(["market:B"])  # another symbol's write changes nothing here
    assert await cache.fetch("k", ["market:A"], 60, build) == first
    cache.invalidate(["market:A"])
    second = await cache.fetch("k", ["market:A"], 60, build)
    assert second.body == b'{"n":2}' and second.etag != first.etag
    assert (cache.hits, cache.misses) == (2, 2)


async def test_an_answer_built_during_a_write_is_not_served_afterwards():
    cache = LocalCache()

    def build_while_a_write_commits():
        cache.invalidate(["market:A"])  # the ingest commits while we read the old rows
        return {"rows": "old"}

    await cache.fetch("k", ["market:A"], 60, build_while_a_write_commits)
    fresh = await cache.fetch("k", ["market:A"], 60, lambda: {"rows": "new"})
    assert fresh.body == b'{"rows":"new"}'


async def test_entries_expire():
    cache = LocalCache()
    await cache.fetch("k", [], 0.05, lambda: 1)
    time.sleep(0.06)
    assert (await cache.fetch("k", [], 60, lambda: 2)).body == b"2"


async def test_one_rebuild_per_key_however_many_ask_at_once():
    cache, calls = LocalCache(), []

    def build():
        calls.append(1)
        time.sleep(0.05)  # a slow query, in the thread pool
        return "x"

    answers = await asyncio.gather(*(cache.fetch("hot", [], 60, build) for _ in range(8)))
    assert len(calls) == 1 and {a.body for a in answers} == {b'"x"'}


async def test_concurrent_askers_share_the_builder_s_error():
    cache, calls = LocalCache(), []

    def build():
        calls.append(1)
        time.sleep(0.02)
        raise LookupError("no such symbol")

    outcomes = await asyncio.gather(
        *(cache.fetch("bad", [], 60, build) for _ in range(4)), return_exceptions=True
    )
    assert len(calls) == 1 and all(isinstance(o, LookupError) for o in outcomes)
    assert await cache.fetch("bad", [], 60, lambda: "found") is not None  # errors are not cached


async def test_the_cache_holds_at_most_its_bytes_dropping_the_least_recently_used():
    cache = LocalCache(max_bytes=8000)
    for i in range(10):
        await cache.fetch(f"k{i}", [], 60, lambda i=i: "x" * 900 + str(i))  # ~1 KB each
        await cache.fetch("k0", [], 60, lambda: "rebuilt")  # keep k0 recently used
    assert cache._size <= 8000
    assert (await cache.fetch("k0", [], 60, lambda: "rebuilt")).body != b'"rebuilt"'
    assert (await cache.fetch("k1", [], 60, lambda: "gone")).body == b'"gone"'


def test_keys_name_every_parameter_and_etags_compare_weakly():
    assert cache_key("bars", {"a": 1, "b": None}) == cache_key("bars", {"b": None, "a": 1})
    assert cache_key("bars", {"a": 1}) != cache_key("bars", {"a": 2})
    assert cache_key("bars", {"a": 1}) != cache_key("quote", {"a": 1})
    etag = entry_of({"a": 1}).etag
    assert etag.startswith('W/"') and entry_of({"a": 1}).etag == etag
    assert matches(etag, etag) and matches(etag.removeprefix("W/"), etag)
    assert matches(f'"other", {etag}', etag) and matches("*", etag)
    assert not matches('"other"', etag) and not matches(None, etag)
