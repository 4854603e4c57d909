"""The sync's runs and their data-quality reports (table `sync_jobs`)."""

from __future__ import annotations

import datetime as dt
import os
import socket
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Engine

from mystocks.adapters.sql.tables import Base, as_utc

_JOBS = Base.metadata.tables["sync_jobs"]
HOST = socket.gethostname()[:100]


def this_runner() -> str:
    return f"{HOST}:{os.getpid()}"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: alive
        return True
    return True


class SyncJobStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def create(self, owner: str, request: dict[str, Any], now: dt.datetime) -> int:
        values = {
            "owner": owner,
            "runner": this_runner(),
            "status": "running",
            "request": request,
            "created_at": now,
        }
        with self.engine.begin() as conn:
            created = conn.execute(insert(_JOBS).values(**values)).inserted_primary_key
        assert created is not None
        return int(created[0])

    def finish(
        self,
        job_id: int,
        status: str,
        now: dt.datetime,
        report: dict[str, Any] | None = None,
        error: str | None = None,
    ) -> None:
        values = {"status": status, "report": report, "error": error, "finished_at": now}
        with self.engine.begin() as conn:
            conn.execute(update(_JOBS).where(_JOBS.c.id == job_id).values(**values))

    def progress(self, job_id: int, done: int, total: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(_JOBS).where(_JOBS.c.id == job_id).values(done=done, total=total))

    def running(self) -> dict[str, Any] | None:
        """The sync still running, if any."""
        stmt = select(_JOBS).where(_JOBS.c.status == "running").order_by(_JOBS.c.id).limit(1)
        with self.engine.connect() as conn:
            row = conn.execute(stmt).first()
        return None if row is None else as_utc(row._mapping, "created_at", "finished_at")

    def interrupt_orphans(self, now: dt.datetime) -> int:
        """Mark as interrupted the syncs left running by processes of this host that are gone
        (a server or `mystocks sync` that died); another host's are its own to judge. How
        many."""
        stmt = select(_JOBS.c.id, _JOBS.c.runner).where(_JOBS.c.status == "running")
        with self.engine.connect() as conn:
            rows = conn.execute(stmt).all()
        dead = []
        for job_id, runner in rows:
            host, _, pid = str(runner).rpartition(":")
            if host == HOST and pid.isdigit() and not _alive(int(pid)):
                dead.append(job_id)
        if not dead:
            return 0
        values = {"status": "interrupted", "error": "its process stopped", "finished_at": now}
        with self.engine.begin() as conn:
            conn.execute(update(_JOBS).where(_JOBS.c.id.in_(dead)).values(**values))
        return len(dead)

    def get(self, job_id: int) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(_JOBS).where(_JOBS.c.id == job_id)).first()
        return None if row is None else as_utc(row._mapping, "created_at", "finished_at")
