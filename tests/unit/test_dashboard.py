"""The dashboard's once-a-second memo and its snapshot digest."""

from __future__ import annotations

import threading

from mystocks.dashboard.service import Memo, digest


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_memo_computes_at_most_once_a_second_per_key():
    clock, calls = Clock(), []

    def compute(key: str) -> int:
        calls.append(key)
        return len(calls)

    memo: Memo[str, int] = Memo(1.0, clock)
    assert memo.get("market", lambda: compute("market")) == 1
    clock.now += 0.99
    assert memo.get("market", lambda: compute("market")) == 1  # reused
    assert memo.get("alice", lambda: compute("alice")) == 2  # another key, its own value
    clock.now += 0.01
    assert memo.get("market", lambda: compute("market")) == 3  # a second later: recomputed
    assert calls == ["market", "alice", "market"]


def test_callers_arriving_during_a_computation_share_it():
    memo: Memo[None, int] = Memo(1.0)
    started, release, calls = threading.Event(), threading.Event(), []

    def slow() -> int:
        calls.append(1)
        started.set()
        release.wait(5)
        return 42

    results: list[int] = []
    first = threading.Thread(target=lambda: results.append(memo.get(None, slow)))
    first.start()
    started.wait(5)
    second = threading.Thread(target=lambda: results.append(memo.get(None, slow)))
    second.start()
    release.set()
    first.join(5)
    second.join(5)
    assert results == [42, 42] and calls == [1]


def test_digest_depends_on_content_not_key_order():
    one = {"a": 1, "b": [1, 2]}
    assert digest(one) == digest({"b": [1, 2], "a": 1})  # type: ignore[arg-type]
    assert digest(one) != digest({"a": 1, "b": [2, 1]})  # type: ignore[arg-type]
