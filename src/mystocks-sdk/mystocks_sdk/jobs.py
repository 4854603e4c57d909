"""`follow`: a backtest's or training job's progress, live over Server-Sent Events."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any, TypeVar

import httpx
from httpx_sse import connect_sse
from mystocks_client.models import (
    Backtest,
    BacktestUpdateEvent,
    TrainingJob,
    TrainingUpdateEvent,
)
from tqdm.auto import tqdm

from .errors import APIError

if TYPE_CHECKING:
    from .client import Client

Job = TypeVar("Job", Backtest, TrainingJob)

FINISHED = frozenset({"succeeded", "failed", "cancelled"})
# A dropped stream is resumed this many times in a row (with growing pauses) before giving up.
RECONNECTS = 5


def follow(client: Client, job: Job, *, progress: bool = True, timeout: float | None = None) -> Job:
    kind = "backtest" if isinstance(job, Backtest) else "training"
    parse: Any = BacktestUpdateEvent if kind == "backtest" else TrainingUpdateEvent
    deadline = None if timeout is None else time.monotonic() + timeout
    current = client.job(job)
    last_id: str | None = None
    failures = 0
    bar = tqdm(
        total=100,
        initial=round(current.progress * 100),
        desc=f"{kind} {job.id}",
        unit="%",
        bar_format="{desc}: {percentage:3.0f}%|{bar}| {elapsed} {postfix}",
        disable=not progress,
    )
    try:
        while current.status.value not in FINISHED:
            _check(deadline, kind, job.id)
            headers = {"Last-Event-ID": last_id} if last_id else {}
            try:
                with connect_sse(
                    client.http,
                    "GET",
                    f"/api/v1/sse/{kind}",
                    params={"job_id": job.id},
                    headers=headers,
                ) as source:
                    answer = source.response
                    if answer.status_code != 200:
                        answer.read()
                        raise APIError.from_answer(
                            answer.status_code, answer.content, answer.headers
                        )
                    for message in source.iter_sse():
                        if message.event != f"{kind}_update":
                            continue
                        last_id = message.id or last_id
                        update = parse.from_dict(message.json()).data
                        bar.update(round(update.progress * 100) - bar.n)
                        bar.set_postfix_str(update.status.value)
                        failures = 0
                        if update.status.value in FINISHED:
                            break
                        _check(deadline, kind, job.id)
            except httpx.TransportError:
                # Dropped: resume after the last event seen (the server keeps the last 10,000).
                failures += 1
                if failures > RECONNECTS:
                    raise
                time.sleep(min(0.25 * 2**failures, 5.0))
            current = client.job(current)
        if current.status.value == "succeeded":
            bar.update(100 - bar.n)
        bar.set_postfix_str(current.status.value)
    finally:
        bar.close()
    return current


def _check(deadline: float | None, kind: str, job_id: int) -> None:
    if deadline is not None and time.monotonic() > deadline:
        raise TimeoutError(f"{kind} {job_id} has not finished in time")
