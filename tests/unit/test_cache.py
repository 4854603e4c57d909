"""The in-process cache: generations, stale-on-arrival, single flight, the byte bound, ETags."""

from __future__ import annotations

import threading
import time

from mystocks.services.cache import LocalCache, cache_key, entry_of, matches


def test_entries_are_served_until_their_scope_is_written():
    cache, calls = LocalCache(), []

    def build():
        calls.append(1)
        return {"n": len(calls)}

    first = cache.fetch("k", ["market:A"], 60, build)
    assert cache.fetch("k", ["market:A"], 60, build) == first and len(calls) == 1
    cache.invalidate(["market:B"])  # another symbol's write changes nothing here
    assert cache.fetch("k", ["market:A"], 60, build) == first
    cache.invalidate(["market:A"])
    second = cache.fetch("k", ["market:A"], 60, build)
    assert second.body == b'{"n":2}' and second.etag != first.etag
    assert (cache.hits, cache.misses) == (2, 2)


def test_an_answer_built_during_a_write_is_not_served_afterwards():
    cache = LocalCache()

    def build_while_a_write_commits():
        cache.invalidate(["market:A"])  # the ingest commits while we read the old rows
        return {"rows": "old"}

    cache.fetch("k", ["market:A"], 60, build_while_a_write_commits)
    fresh = cache.fetch("k", ["market:A"], 60, lambda: {"rows": "new"})
    assert fresh.body == b'{"rows":"new"}'


def test_entries_expire():
    cache = LocalCache()
    cache.fetch("k", [], 0.05, lambda: 1)
    time.sleep(0.06)
    assert cache.fetch("k", [], 60, lambda: 2).body == b"2"


def test_one_rebuild_per_key_however_many_ask_at_once():
    cache, calls = LocalCache(), []
    start = threading.Barrier(8)

    def build():
        calls.append(1)
        time.sleep(0.05)
        return "x"

    def ask():
        start.wait()
        cache.fetch("hot", [], 60, build)

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1


def test_the_cache_holds_at_most_its_bytes_dropping_the_least_recently_used():
    cache = LocalCache(max_bytes=8000)
    for i in range(10):
        cache.fetch(f"k{i}", [], 60, lambda i=i: "x" * 900 + str(i))  # ~1 KB each
        cache.fetch("k0", [], 60, lambda: "rebuilt")  # keep k0 recently used
    assert cache._size <= 8000
    assert cache.fetch("k0", [], 60, lambda: "rebuilt").body != b'"rebuilt"'
    assert cache.fetch("k1", [], 60, lambda: "gone").body == b'"gone"'


def test_keys_name_every_parameter_and_etags_compare_weakly():
    assert cache_key("bars", {"a": 1, "b": None}) == cache_key("bars", {"b": None, "a": 1})
    assert cache_key("bars", {"a": 1}) != cache_key("bars", {"a": 2})
    assert cache_key("bars", {"a": 1}) != cache_key("quote", {"a": 1})
    etag = entry_of({"a": 1}).etag
    assert etag.startswith('W/"') and entry_of({"a": 1}).etag == etag
    assert matches(etag, etag) and matches(etag.removeprefix("W/"), etag)
    assert matches(f'"other", {etag}', etag) and matches("*", etag)
    assert not matches('"other"', etag) and not matches(None, etag)
