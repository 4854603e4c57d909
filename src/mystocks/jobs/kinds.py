"""Every kind of job, wired to its table, inputs and event shape: the one list from which the
server (`mystocks.app`) and the job worker (`mystocks.worker`) build their books."""

from __future__ import annotations

from functools import partial

from mystocks.adapters.bus import EventBus
from mystocks.adapters.sql.relational import RelationalStore
from mystocks.jobs import backtests, training
from mystocks.jobs.book import JobBook, ReportRouter
from mystocks.jobs.runner import JobRunner
from mystocks.jobs.store import JobStore


def add_books(
    router: ReportRouter, relational: RelationalStore, bus: EventBus, runner: JobRunner
) -> ReportRouter:
    """Register a book per kind on `router` (which the runner may already report to)."""
    for kind, table, results, module in (
        ("backtest", "backtests", ("equity", "trades"), backtests),
        ("training", "training_jobs", ("trials",), training),
    ):
        store = JobStore(relational.engine, table, results)
        inputs = partial(module.inputs, relational)
        router.books[kind] = JobBook(kind, store, bus, runner, module.update_of, inputs)
    return router
