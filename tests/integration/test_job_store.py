"""Failing jobs whose runner died, on a real SQLite store: only jobs still in the given states,
and each reported once even when two servers do it at the same moment."""

from __future__ import annotations

import datetime as dt
import threading

from mystocks.adapters.sql.relational import RelationalStore, make_engine
from mystocks.jobs.store import JobStore


def test_failing_is_conditional_and_reported_once(tmp_path):
    relational = RelationalStore(make_engine(f"sqlite:///{tmp_path / 'jobs.db'}"))
    relational.create_schema()
    store = JobStore(relational.engine, "backtests", ("equity", "trades"))
    fields = {
        "strategy_id": None,
        "strategy": {"type": "sma_cross", "parameters": {}},
        "symbols": ["600036.SH"],
        "start": dt.date(2016, 1, 1),
        "end": dt.date(2016, 12, 31),
        "initial_cash": 1e6,
        "costs": {},
    }
    ids = [store.create("ann", None, fields)["id"] for _ in range(3)]
    store.change(ids[0], status="running")
    store.change(ids[1], status="running")
    store.change(ids[1], status="succeeded")  # ended before the reaper looked
    assert store.ids_with_status("running") == [ids[0]]

    reported: list[list[int]] = []

    def reap() -> None:
        rows = store.fail_unfinished("gone", ids=ids, statuses=("running",))
        reported.append([row["id"] for row in rows])

    servers = [threading.Thread(target=reap) for _ in range(2)]
    for server in servers:
        server.start()
    for server in servers:
        server.join()
    assert sorted(reported) == [[], [ids[0]]]  # one of the two failed it; the other saw nothing
    assert [store.get(i)["status"] for i in ids] == ["failed", "succeeded", "queued"]
    assert store.get(ids[0])["error"] == "gone"
    assert store.fail_unfinished("gone", ids=[], statuses=("running",)) == []
