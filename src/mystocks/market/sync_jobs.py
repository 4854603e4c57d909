"""Sync jobs: an administrator's `POST /api/v1/sync-jobs` runs the sync on a thread of the
server, one at a time, its progress published on the bus topic `sync` (one `sync_update` per
symbol) and its report kept with the job."""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, cast

from mystocks_contract import typeddicts as td

from mystocks.adapters.bus import EventBus
from mystocks.adapters.providers import Provider, ProviderError, registry
from mystocks.errors import NotFound, RuleViolation, ServiceUnavailable
from mystocks.market.ingest import IngestService
from mystocks.market.sync import Pacer, SourceFailed, Sources, SyncRequest, SyncService
from mystocks.market.sync_store import SyncJobStore

log = logging.getLogger(__name__)

TOPIC = "sync"
Opener = Callable[[Sequence[str], Path | None], list[Provider]]


def _iso(value: dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat().replace("+00:00", "Z")


def presented(row: dict[str, Any]) -> td.SyncJob:
    keys = ("id", "status", "request", "done", "total", "error")
    job = {k: row[k] for k in keys}
    if row["report"] is not None:  # once the sync ended
        job["report"] = row["report"]
    job["created_at"], job["finished_at"] = _iso(row["created_at"]), _iso(row["finished_at"])
    return cast(td.SyncJob, job)


class SyncJobs:
    def __init__(
        self,
        store: SyncJobStore,
        ingest: IngestService,
        bus: EventBus,
        *,
        providers: Sequence[str],
        tdx_dir: Path | None,
        rate: float,
        retries: int,
        opener: Opener | None = None,
    ) -> None:
        self.store = store
        self.ingest = ingest
        self.bus = bus
        self.providers = list(providers)
        self.tdx_dir = tdx_dir
        self.rate = rate
        self.retries = retries
        self.opener = opener  # default: registry.open_providers, looked up when a sync starts
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        store.interrupt_orphans(dt.datetime.now(dt.UTC))  # a dead process's, on this host

    def create_sync_job(self, owner: str, body: td.SyncJobRequest) -> td.SyncJob:
        """Start a sync for `owner` (an administrator: the handler checked)."""
        names = list(body.get("providers") or self.providers)
        request: dict[str, Any] = {
            "periods": list(body.get("periods") or ["1d"]),
            "providers": names,
        }
        for key in ("symbols", "since"):  # left out: every A-share, from where the stores stop
            if body.get(key):
                request[key] = body.get(key)
        try:
            opened = (self.opener or registry.open_providers)(names, self.tdx_dir)
        except (ValueError, ProviderError) as exc:
            raise ServiceUnavailable(f"The sync cannot start: {exc}") from None
        with self._lock:
            running = self.store.running()
            if running is not None:
                raise RuleViolation(
                    f"Sync {running['id']} is still running; follow it at "
                    f"/api/v1/sse/sync?job_id={running['id']}, or wait for it to end."
                )
            job_id = self.store.create(owner, request, dt.datetime.now(dt.UTC))
            self._stop.clear()
            self._thread = threading.Thread(
                target=self._run,
                args=(job_id, owner, request, opened),
                name="sync",
                daemon=True,  # a process that dies mid-sync: the next start marks it interrupted
            )
            self._thread.start()
        return self.get_sync_job(job_id)

    def get_sync_job(self, job_id: int) -> td.SyncJob:
        row = self.store.get(job_id)
        if row is None:
            raise NotFound(f"No sync {job_id}.")
        return presented(row)

    def _tell(self, owner: str, job_id: int, status: str, done: int, total: int | None) -> None:
        data = {"job_id": job_id, "status": status, "done": done, "total": total}
        self.bus.publish(TOPIC, "sync_update", data, owner=owner)

    def _run(
        self, job_id: int, owner: str, request: dict[str, Any], opened: list[Provider]
    ) -> None:
        sources = Sources(opened, Pacer(self.rate), retries=self.retries)
        service = SyncService(self.ingest.data, self.ingest, sources)
        since = request.get("since")
        asked = SyncRequest(
            symbols=tuple(request["symbols"]) if "symbols" in request else None,
            since=dt.date.fromisoformat(since) if since else None,
            periods=tuple(request["periods"]),
        )

        def progress(done: int, total: int, symbol: str) -> None:
            self.store.progress(job_id, done, total)
            data = {"job_id": job_id, "status": "running", "done": done, "total": total}
            if symbol:
                data["symbol"] = symbol
            self.bus.publish(TOPIC, "sync_update", data, owner=owner)

        def now() -> dt.datetime:
            return dt.datetime.now(dt.UTC)

        try:
            report = service.run(asked, progress, stopping=self._stop.is_set)
        except (SourceFailed, ValueError) as exc:
            self.store.finish(job_id, "failed", now(), error=str(exc)[:2000])
            self._tell(owner, job_id, "failed", 0, None)
            return
        except Exception as exc:  # a bug or a store gone: the job says so, the server goes on
            log.exception("sync %s failed", job_id)
            self.store.finish(job_id, "failed", now(), error=f"{type(exc).__name__}: {exc}"[:2000])
            self._tell(owner, job_id, "failed", 0, None)
            return
        body = report.as_dict()
        totals = body["totals"]
        if report.stopped:
            status = "interrupted"
        elif totals["failed"] or totals["rows_refused"]:
            status = "partial"
        else:
            status = "succeeded"
        self.store.finish(job_id, status, now(), report=body)
        handled = len(report.symbols)
        self._tell(owner, job_id, status, handled, handled if not report.stopped else None)

    def stop(self) -> None:
        """Stop a running sync after the symbol in hand (the server is stopping)."""
        self._stop.set()
        thread = self._thread
        if thread is not None:
            thread.join()
