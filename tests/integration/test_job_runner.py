"""The process-pool job runner: order of reports, cancellation while running and while queued."""

from __future__ import annotations

import threading
import time
from typing import Any

from mystocks.jobs.runner import ProcessJobRunner, Report, Work


def slow_work(steps: int, pause: float, *, progress: Any, should_stop: Any) -> str:
    """A job that takes a while and checks for cancellation between steps (runs in a worker)."""
    from mystocks.backtest import Cancelled

    for step in range(1, steps + 1):
        if should_stop():
            raise Cancelled
        time.sleep(pause)
        progress(step / steps)
    return "done"


def broken_work(*, progress: Any, should_stop: Any) -> None:
    raise ValueError("bad input")


class Recorder:
    def __init__(self) -> None:
        self.reports: list[Report] = []
        self.lock = threading.Lock()

    def __call__(self, report: Report) -> None:
        with self.lock:
            self.reports.append(report)

    def of(self, job: str) -> list[Report]:
        with self.lock:
            return [r for r in self.reports if r.job_id == job]

    def wait(self, job: str, kind: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while not any(r.kind == kind for r in self.of(job)):
            assert time.monotonic() < deadline, (job, kind, self.of(job))
            time.sleep(0.02)


def test_reports_arrive_in_order_and_jobs_can_be_cancelled():
    recorder = Recorder()
    jobs: dict[str, Work] = {
        "t:1": (slow_work, (5, 0.01)),
        "t:2": (broken_work, ()),
        "t:3": (slow_work, (200, 0.05)),  # long: cancelled while running
        "t:4": (slow_work, (5, 0.01)),
        "t:5": (slow_work, (5, 0.01)),
    }
    runner = ProcessJobRunner(recorder, jobs.__getitem__, workers=1)
    try:
        # The pool hands one job to a worker ahead of time: t:4 may be "started" before its
        # flag is read; t:5 is still in the runner's queue and never starts.
        for job in jobs:
            runner.submit(job)
        recorder.wait("t:3", "started")
        runner.cancel("t:5")
        runner.cancel("t:4")
        runner.cancel("t:3")
        for job in ("t:1", "t:2", "t:3", "t:4", "t:5"):
            recorder.wait(job, {"t:1": "succeeded", "t:2": "failed"}.get(job, "cancelled"))

        first = recorder.of("t:1")
        assert [r.kind for r in first] == ["started"] + ["progress"] * 5 + ["succeeded"]
        assert [r.progress for r in first[1:6]] == [0.2, 0.4, 0.6, 0.8, 1.0]
        assert first[-1].result == "done"
        assert "ValueError: bad input" in recorder.of("t:2")[-1].error
        third = recorder.of("t:3")
        assert third[-1].kind == "cancelled" and third[-2].progress < 1.0
        assert [r.kind for r in recorder.of("t:4")][-1] == "cancelled"
        assert "progress" not in [r.kind for r in recorder.of("t:4")]  # did no work
        assert [r.kind for r in recorder.of("t:5")] == ["cancelled"]  # never started
    finally:
        runner.shutdown()
