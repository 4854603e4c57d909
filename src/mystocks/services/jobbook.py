"""The lifecycle every kind of job shares (backtests, training runs).

A `JobBook` creates a job's row, hands it to the runner, records what the worker reports and
publishes each change only after it is committed; it also decides who sees a job, pages lists
and cancels. What differs between kinds (inputs, results, how they look in the contract) stays
in their own services.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from mystocks.errors import NotFound
from mystocks.services import paging
from mystocks.services.auth import Principal
from mystocks.services.events import EventBus
from mystocks.services.jobs import JobRunner, Report
from mystocks.storage.jobs import TERMINAL, JobStore


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
    ) -> None:
        self.kind = kind  # also the SSE topic; events are `<kind>_update`
        self.store = store
        self.bus = bus
        self.runner = runner
        self.update_of = update_of

    def _publish(self, row: dict[str, Any]) -> None:
        self.bus.publish(self.kind, f"{self.kind}_update", self.update_of(row), owner=row["owner"])

    # -- lifecycle ----------------------------------------------------------------------------
    def create(
        self,
        principal: Principal,
        key: str | None,
        fields: dict[str, Any],
        work: Callable[..., Any],
        *args: Any,
    ) -> tuple[dict[str, Any], bool]:
        row, created = self.store.create(principal.username, key, fields)
        if created:
            self._publish(row)
            try:
                self.runner.submit(f"{self.kind}:{row['id']}", work, *args)
            except Exception as exc:  # never leave a job queued that no worker will run
                self.record(Report(row["id"], "failed", error=f"could not start: {exc!r}"))
                raise
        return row, created

    def record(self, report: Report) -> None:
        """A worker's report about job `report.job_id` (this kind's id)."""
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
        row = self.store.change(int(report.job_id), **values)
        if row is not None:  # committed: now it may be told
            self._publish(row)

    def fail_interrupted(self) -> None:
        for row in self.store.fail_unfinished(f"the server stopped while the {self.kind} ran"):
            self._publish(row)

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

    def __call__(self, report: Report) -> None:
        kind, _, job_id = str(report.job_id).partition(":")
        self.books[kind].record(replace(report, job_id=int(job_id)))
