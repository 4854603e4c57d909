"""Every kind of job, wired to its table, inputs and event shape: the one list from which the
server (`mystocks.app`) and the job worker (`mystocks.services.worker`) build their books."""

from __future__ import annotations

from functools import partial

from mystocks.services import backtests, training
from mystocks.services.events import EventBus
from mystocks.services.jobbook import JobBook, ReportRouter
from mystocks.services.jobs import JobRunner
from mystocks.storage.jobs import JobStore
from mystocks.storage.relational import RelationalStore


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
