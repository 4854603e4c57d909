"""Metrics counted where things happen (no I/O: fakes and in-process pieces)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mystocks import metrics
from mystocks.adapters.bus import InProcessEventBus
from mystocks.adapters.uow import InMemoryUnitOfWork
from mystocks.jobs.book import JobBook
from mystocks.jobs.runner import Report
from mystocks.live.outbox import Outbox

STARTED = dt.datetime(2026, 1, 5, 9, 30, tzinfo=dt.UTC)


class Store:
    """Just enough of a JobStore: `change` answers the job as changed."""

    def change(self, job_id: int, **values: Any) -> dict[str, Any]:
        row = {"id": job_id, "owner": "ann", "status": "running", "started_at": STARTED}
        row |= {"finished_at": None, **values}
        if "finished_at" in values:
            row["finished_at"] = STARTED + dt.timedelta(seconds=42)
        return row


def total(name: str, **labels: str) -> float:
    return sum(metrics.samples(name, **labels))


def test_a_finished_job_is_timed_from_start_to_end():
    runner = None  # the book hands nothing to a runner when it only records
    bus = InProcessEventBus()
    book = JobBook(
        "training",
        Store(),
        bus,
        runner,
        lambda row: {},
        lambda row: None,
        uow=lambda: InMemoryUnitOfWork(bus),
    )
    name = "mystocks_job_duration_seconds_sum"
    before = total(name, kind="training", status="succeeded")
    book.record(Report(1, "progress", progress=0.5))  # not finished: not timed
    book.record(Report(1, "succeeded", result={}))
    assert total(name, kind="training", status="succeeded") == before + 42


def test_dropped_items_are_counted_when_the_gap_is_sent():
    outbox = Outbox(limit=2)
    before = total("mystocks_events_dropped_total", kind="signals")
    for n in range(5):
        outbox.message("signals", b"{}", (str(n), "2026-01-05T09:30:00+00:00"))
    outbox.take()
    assert total("mystocks_events_dropped_total", kind="signals") == before + 3


def test_unknown_routes_share_one_label():
    assert metrics.operation_label(None) == "unmatched"
    assert (
        metrics.operation_label("mystocks.api.market.list_bars") == "mystocks.api.market.list_bars"
    )
