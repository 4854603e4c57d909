"""The daily sync after the close: with `MYSTOCKS_SYNC_AT` (Beijing time, `16:30`), the server
starts a sync of every A-share at that time on each trading day, as an administrator's
`POST /api/v1/sync-jobs` would (owner `scheduler`; a sync still running then is left to finish,
and that day's is skipped)."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Awaitable, Callable
from typing import Protocol

from mystocks_contract import typeddicts as td

from mystocks.adapters.providers import SHANGHAI
from mystocks.domain.calendar import trading_days
from mystocks.errors import RuleViolation, ServiceUnavailable

log = logging.getLogger(__name__)

OWNER = "scheduler"


class Starts(Protocol):
    def create_sync_job(self, owner: str, body: td.SyncJobRequest) -> td.SyncJob: ...


def parse_at(text: str) -> dt.time:
    """`16:30` -> 16:30; a clear ValueError otherwise."""
    try:
        hour, minute = (int(part) for part in text.split(":"))
        return dt.time(hour, minute)
    except ValueError:
        raise ValueError(f"{text!r} is not a time of day like 16:30") from None


def next_run(now: dt.datetime, at: dt.time) -> dt.datetime:
    """The first trading day's `at` (Beijing time) after `now`."""
    local = now.astimezone(SHANGHAI)
    for day in trading_days("XSHG", local.date(), local.date() + dt.timedelta(days=30)):
        due = dt.datetime.combine(day, at, SHANGHAI)
        if due > local:
            return due
    raise ValueError(f"no trading day within 30 days of {local.date()}")  # pragma: no cover


class SyncSchedule:
    def __init__(
        self,
        jobs: Starts,
        at: dt.time,
        *,
        now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.jobs = jobs
        self.at = at
        self.now = now
        self.sleep = sleep  # tests pass one that moves a fake clock

    async def run(self) -> None:
        while True:
            due = next_run(self.now(), self.at)
            await self.sleep(max(0.0, (due - self.now()).total_seconds()))
            try:
                job = await asyncio.to_thread(self.jobs.create_sync_job, OWNER, {})
                log.info("daily sync %s started", job["id"])
            except RuleViolation as exc:
                log.info("daily sync skipped: %s", exc.detail)
            except ServiceUnavailable as exc:
                log.error("daily sync could not start: %s", exc.detail)
