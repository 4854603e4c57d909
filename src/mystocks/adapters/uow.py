"""The unit of work: one use case's transaction, and the events it publishes only once that
transaction has committed.

    with uow_factory() as uow:        # a connection, bound to this context, in a transaction
        row = store.place(...)        # every store call inside joins it (`sql.scope`)
        audit.record(...)             # so do the audit lines: written in the same transaction
        uow.publish("orders", ...)    # collected, not sent
        uow.commit()                  # commit, then publish what was collected
    # leaving without commit() rolls back and drops the events

Services hold a factory (`Callable[[], UnitOfWork]`), given to them by the composition root,
and import no SQLAlchemy: the SQL one binds the connection through `sql.scope.unit`, and the
in-memory one (`InMemoryUnitOfWork`) only holds events back until commit.
"""

from __future__ import annotations

from contextlib import ExitStack
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Protocol, Self

from sqlalchemy.engine import Connection, Engine

from mystocks.adapters.bus import EventBus
from mystocks.adapters.sql.scope import unit


@dataclass(frozen=True)
class Pending:
    """An event to publish after the commit."""

    topic: str
    type: str
    data: dict[str, Any]
    owner: str | None


class UnitOfWork(Protocol):
    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None: ...

    def publish(
        self, topic: str, type: str, data: dict[str, Any], owner: str | None = None
    ) -> None:
        """Send this event once the unit has committed (never, if it does not)."""
        ...

    def commit(self) -> None: ...

    def rollback(self) -> None: ...


class _Events:
    """What every unit shares: events held back until a commit, then sent on the bus in the
    order they came, and dropped when the unit ends without one. A unit's storage does the
    rest in the four hooks (`_begin`, `_commit`, `_rollback`, `_end`)."""

    def __init__(self, bus: EventBus | None) -> None:
        self.bus = bus
        self.pending: list[Pending] = []

    def __enter__(self) -> Self:
        self._begin()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.pending = []  # what was not committed is never sent
        self._end()

    def publish(
        self, topic: str, type: str, data: dict[str, Any], owner: str | None = None
    ) -> None:
        self.pending.append(Pending(topic, type, data, owner))

    def commit(self) -> None:
        self._commit()
        pending, self.pending = self.pending, []
        if self.bus is not None:
            for event in pending:
                self.bus.publish(event.topic, event.type, event.data, owner=event.owner)

    def rollback(self) -> None:
        self._rollback()
        self.pending = []

    def _begin(self) -> None:
        pass

    def _commit(self) -> None:
        pass

    def _rollback(self) -> None:
        pass

    def _end(self) -> None:
        pass


class SqlUnitOfWork(_Events):
    def __init__(self, engine: Engine, bus: EventBus | None) -> None:
        super().__init__(bus)
        self.engine = engine
        self._stack = ExitStack()
        self._conn: Connection | None = None

    def _begin(self) -> None:
        self._conn = self._stack.enter_context(unit(self.engine))

    def _end(self) -> None:
        self._stack.close()  # rolls back what was not committed
        self._conn = None

    def _commit(self) -> None:
        assert self._conn is not None, "commit() inside the unit's `with` block"
        self._conn.commit()
        self._conn.begin()  # what follows is a transaction of its own, again

    def _rollback(self) -> None:
        assert self._conn is not None, "rollback() inside the unit's `with` block"
        self._conn.rollback()
        self._conn.begin()


class InMemoryUnitOfWork(_Events):
    """For stores that hold their data in memory: nothing to commit, events held back alike.
    `commits` counts what a test may check."""

    def __init__(self, bus: EventBus | None) -> None:
        super().__init__(bus)
        self.commits = 0

    def _commit(self) -> None:
        self.commits += 1
