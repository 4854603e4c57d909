"""What servers and workers tell each other about running jobs, on a real Redis: heartbeats
that one worker holds and that expire, and cancel requests polled cheaply."""

from __future__ import annotations

import time

from mystocks.adapters.celery_queue import JobSignals
from mystocks.worker import CancelCheck


class CountingSignals(JobSignals):
    """The real signals, counting the cancel polls that reach Redis."""

    polls = 0

    def cancel_requested(self, job_id: str) -> bool:
        self.polls += 1
        return super().cancel_requested(job_id)


def test_a_heartbeat_has_one_holder_and_expires(redis_url, redis_prefix):
    signals = JobSignals(redis_url, redis_prefix)
    assert signals.claim("backtest:1", "worker-a", ttl=0.3)
    assert not signals.claim("backtest:1", "worker-b", ttl=0.3)  # a second delivery skips
    assert signals.claim("training:1", "worker-b", ttl=5)
    assert signals.alive(["backtest:1", "backtest:2", "training:1"]) == {
        "backtest:1",
        "training:1",
    }
    signals.beat("backtest:1", "worker-a", ttl=0.3)
    time.sleep(0.4)  # no beat within the TTL: its worker is gone
    assert signals.alive(["backtest:1", "training:1"]) == {"training:1"}
    signals.release("training:1")
    assert signals.alive(["training:1"]) == set()
    signals.close()


def test_cancel_requests_are_polled_at_most_every_interval(redis_url, redis_prefix):
    server = JobSignals(redis_url, redis_prefix)
    worker = CountingSignals(redis_url, redis_prefix)
    should_stop = CancelCheck(worker, "backtest:7", every=0.3)
    assert not any(should_stop() for _ in range(10_000))  # the engine asks after each symbol
    assert worker.polls == 1
    server.request_cancel("backtest:7")
    assert not should_stop()  # seen at the next poll, not before
    time.sleep(0.35)
    assert should_stop() and should_stop()
    assert worker.polls == 2
    assert CancelCheck(worker, "backtest:8")() is False  # another job's request is its own
    server.close()
    worker.close()
