"""The lifecycle every kind of job shares (backtests, training runs).

A `JobBook` creates a job's row, hands its key to the runner, builds the job's work from the
row when the runner asks (in the server or in a worker: the same code), records what the worker
reports, each change in a unit of work whose event goes out once it committed (`adapters.uow`),
and the runner hears of a job only once its row is there; it also decides who sees a job,
pages lists, cancels, and fails jobs whose worker died. What differs between kinds (inputs,
results, how they look in the contract) stays in their own services.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from mystocks import metrics
from mystocks.adapters.bus import EventBus
from mystocks.adapters.uow import SqlUnitOfWork, UnitOfWork
from mystocks.domain import paging
from mystocks.errors import NotFound
from mystocks.identity.auth import Principal
from mystocks.jobs.runner import ERROR_LENGTH, JobRunner, Report, Work
from mystocks.jobs.store import TERMINAL, DuplicateJob, JobStore


def presented(row: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    """A job row's `keys` plus its range and timestamps as the contract writes them."""
    out = {k: row[k] for k in keys}
    out["start"], out["end"] = row["start"].isoformat(), row["end"].isoformat()
    for key in ("created_at", "started_at", "finished_at"):
        out[key] = None if row[key] is None else row[key].isoformat()
    return out


class JobBook:
    def __init__(
        self,
        kind: str,
        store: JobStore,
        bus: EventBus,
        runner: JobRunner,
        update_of: Callable[[dict[str, Any]], dict[str, Any]],
        inputs: Callable[[dict[str, Any]], Work],
        uow: Callable[[], UnitOfWork] | None = None,
    ) -> None:
        self.kind = kind  # also the SSE topic; events are `<kind>_update`
        self.store = store
        self.bus = bus
        self.runner = runner
        self.update_of = update_of
        self.inputs = inputs  # a job's row -> its work (reads what the row names, e.g. bars)
        self.uow: Callable[[], UnitOfWork] = uow or (lambda: SqlUnitOfWork(store.engine, bus))

    def _tell(self, uow: UnitOfWork, row: dict[str, Any]) -> None:
        """The job's change to its owner (topic: the kind), sent once `uow` commits."""
        uow.publish(self.kind, f"{self.kind}_update", self.update_of(row), owner=row["owner"])

    # -- lifecycle ----------------------------------------------------------------------------
    def create(
        self, principal: Principal, key: str | None, fields: dict[str, Any]
    ) -> tuple[dict[str, Any], bool]:
        """A queued job of `fields` (checked by the caller), handed to the runner once it is
        committed; (job, created): a repeated idempotency key answers the first job."""
        with self.uow() as uow:
            try:
                row = self.store.create(principal.username, key, fields)
            except DuplicateJob:  # the key was used: answer that job
                uow.rollback()
                first = None if key is None else self.store.find_by_key(principal.username, key)
                if first is None:
                    raise
                return first, False
            self._tell(uow, row)
            uow.commit()
        try:
            self.runner.submit(f"{self.kind}:{row['id']}")
        except Exception as exc:  # never leave a job queued that no worker will run
            error = f"could not start: {exc!r}"[:ERROR_LENGTH]
            self.record(Report(row["id"], "failed", error=error))
            raise
        return row, True

    def work(self, job_id: int) -> Work:
        row = self.store.get(job_id)
        if row is None:
            raise NotFound(f"No {self.kind} {job_id}.")
        return self.inputs(row)

    def record(self, report: Report) -> dict[str, Any] | None:
        """A worker's report about job `report.job_id` (this kind's id); the job as it is now,
        or None when it had already ended (the report changed nothing)."""
        now = dt.datetime.now(dt.UTC)
        values: dict[str, Any]
        if report.kind == "started":
            values = {"status": "running", "started_at": now}
        elif report.kind == "progress":
            values = {"progress": report.progress}
        elif report.kind == "succeeded":
            values = {"status": "succeeded", "progress": 1.0, "finished_at": now, **report.result}
        else:  # failed or cancelled
            values = {"status": report.kind, "error": report.error, "finished_at": now}
        with self.uow() as uow:
            row = self.store.change(int(report.job_id), **values)
            if row is not None:
                self._tell(uow, row)
                uow.commit()  # the change, then its event
        if row is not None:
            started, finished = row["started_at"], row["finished_at"]
            if row["status"] in TERMINAL and started is not None and finished is not None:
                seconds = (finished - started).total_seconds()
                metrics.JOB_DURATION.labels(self.kind, row["status"]).observe(max(0.0, seconds))
        return row

    def fail_interrupted(self) -> None:
        """At start with the local runner: whatever was queued or running died with the server."""
        self._fail(f"the server stopped while the {self.kind} ran")

    def fail_orphans(self, alive: Callable[[list[str]], set[str]]) -> None:
        """Fail the running jobs no worker runs any more: `alive` names the runner keys
        ("backtest:7") among those given whose worker still sends heartbeats."""
        keys = {f"{self.kind}:{i}": i for i in self.store.ids_with_status("running")}
        if not keys:
            return
        living = alive(list(keys))
        dead = [i for key, i in keys.items() if key not in living]
        self._fail(f"the worker running the {self.kind} stopped", ids=dead, statuses=("running",))

    def _fail(self, reason: str, **which: Any) -> None:
        """Fail the unfinished jobs `which` names (`JobStore.fail_unfinished`), then tell."""
        with self.uow() as uow:
            for row in self.store.fail_unfinished(reason, **which):
                self._tell(uow, row)
            uow.commit()

    # -- reading and cancelling ---------------------------------------------------------------
    def visible(self, principal: Principal, job_id: int, results: bool = False) -> dict[str, Any]:
        row = self.store.get(job_id, results=results)
        if row is None or (principal.role != "admin" and row["owner"] != principal.username):
            raise NotFound(f"No {self.kind} {job_id}.")
        return row

    @staticmethod
    def scope(principal: Principal) -> str | None:
        """Whose jobs a principal's lists show: everyone's (None) for an admin."""
        return None if principal.role == "admin" else principal.username

    def page(
        self, principal: Principal, *, status: str | None, cursor: str | None, limit: int
    ) -> tuple[list[dict[str, Any]], str | None]:
        before = paging.decode_id(self.kind, cursor)
        rows = self.store.page(
            owner=self.scope(principal),
            status=status,
            before_id=before,
            limit=limit + 1,
        )
        more = len(rows) > limit
        rows = rows[:limit]
        return rows, paging.encode(self.kind, str(rows[-1]["id"])) if more else None

    def active(
        self, principal: Principal, limit: int
    ) -> tuple[dict[str, int], list[dict[str, Any]]]:
        """How many visible jobs are queued and running, and the newest `limit` running ones."""
        owner = self.scope(principal)
        counts = self.store.count_by_status(owner=owner, statuses=("queued", "running"))
        running = (
            self.store.page(owner=owner, status="running", before_id=None, limit=limit)
            if counts["running"]
            else []
        )
        return counts, running

    def cancel(self, principal: Principal, job_id: int) -> dict[str, Any]:
        principal.require("trader")
        row = self.visible(principal, job_id)
        if row["status"] in TERMINAL:
            return row
        self.runner.cancel(f"{self.kind}:{job_id}")
        if row["status"] == "queued":
            self.record(Report(job_id, "cancelled", error="cancelled on request"))
        return self.visible(principal, job_id)


class ReportRouter:
    """Sends each report of the shared runner to its kind's book (`backtest:7` -> backtests)."""

    def __init__(self) -> None:
        self.books: dict[str, JobBook] = {}

    def book_of(self, key: str) -> tuple[JobBook, int]:
        kind, _, job_id = key.partition(":")
        return self.books[kind], int(job_id)

    def __call__(self, report: Report) -> None:
        book, job_id = self.book_of(str(report.job_id))
        book.record(replace(report, job_id=job_id))

    def work(self, key: str) -> Work:
        book, job_id = self.book_of(key)
        return book.work(job_id)

    def reap(self, alive: Callable[[list[str]], set[str]]) -> None:
        for book in self.books.values():
            book.fail_orphans(alive)
