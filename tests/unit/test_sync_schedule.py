"""The daily sync's clock: the next trading day's time, then a sync started each time, on a
fake clock (no real waiting)."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import pytest

from mystocks.errors import RuleViolation
from mystocks.market.sync_schedule import SHANGHAI, SyncSchedule, next_run, parse_at

AT = dt.time(16, 30)


def beijing(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=SHANGHAI)


@pytest.mark.parametrize(
    ("now", "due"),
    [
        (beijing(2024, 3, 4, 9, 0), beijing(2024, 3, 4, 16, 30)),  # a Monday, before the time
        (beijing(2024, 3, 4, 16, 30), beijing(2024, 3, 5, 16, 30)),  # at it: the next day's
        (beijing(2024, 3, 8, 17, 0), beijing(2024, 3, 11, 16, 30)),  # Friday evening: Monday
        (beijing(2024, 9, 30, 18, 0), beijing(2024, 10, 8, 16, 30)),  # over the National Day
        (dt.datetime(2024, 3, 4, 8, 45, tzinfo=dt.UTC), beijing(2024, 3, 5, 16, 30)),  # 16:45 +8
    ],
)
def test_next_run_is_the_next_trading_day_s_time(now: dt.datetime, due: dt.datetime) -> None:
    assert next_run(now, AT) == due


def test_parse_at() -> None:
    assert parse_at("09:05") == dt.time(9, 5)
    with pytest.raises(ValueError, match="like 16:30"):
        parse_at("half past four")


class Jobs:
    def __init__(self) -> None:
        self.started: list[tuple[str, Any]] = []

    def create_sync_job(self, owner: str, body: Any) -> Any:
        self.started.append((owner, body))
        if len(self.started) == 2:
            raise RuleViolation("Sync 1 is still running")
        return {"id": len(self.started)}


async def test_the_schedule_starts_a_sync_each_trading_day_and_skips_a_busy_one() -> None:
    clock = [beijing(2024, 3, 7, 20, 0)]  # a Thursday evening
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)
        clock[0] += dt.timedelta(seconds=seconds)
        if len(waits) == 4:
            raise asyncio.CancelledError  # the server stopping

    jobs = Jobs()
    with pytest.raises(asyncio.CancelledError):
        await SyncSchedule(jobs, AT, now=lambda: clock[0], sleep=sleep).run()
    hours = [w / 3600 for w in waits]
    assert hours == [20.5, 72.0, 24.0, 24.0]  # Fri 16:30, Mon, Tue, Wed
    assert jobs.started == [("scheduler", {})] * 3  # the second found one running: skipped
