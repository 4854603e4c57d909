"""One pooled connection for all the statements of a use case on an engine.

Accepting a paper order reads the account, its position, the quote and more, then writes; a
fill reads the open orders, writes, and reads the order's history for its event. Each
`engine.connect()` is a pool checkout, and each checkout costs round trips of its own (the
pre-ping, the rollback when it is returned): a dozen of them per order cost more than the
statements. Within `shared(engine)` the stores' `connect(engine)` and `begin(engine)` use one
connection bound to the current context (a contextvar: every thread and task has its own), so
the use case checks out once. Outside it they behave as `engine.connect()` and `engine.begin()`.

`begin` keeps its meaning inside: its block is a transaction of its own that commits at the end
of the block (or rolls back), so "events after commit" holds; reads before it, which autobegan
a transaction, are ended first (they wrote nothing). A `begin` inside another joins it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from sqlalchemy.engine import Connection, Engine

_bound: ContextVar[dict[Engine, Connection] | None] = ContextVar("mystocks_shared", default=None)
# The bound connections inside a `begin` block: a nested `begin` joins, never commits them.
_writing: ContextVar[frozenset[Connection]] = ContextVar("mystocks_writing", default=frozenset())


@contextmanager
def shared(engine: Engine) -> Iterator[None]:
    """Bind one connection of `engine` to this context for the block (nested: the outer one)."""
    bound = _bound.get()
    if bound is not None and engine in bound:
        yield
        return
    with engine.connect() as conn:
        token = _bound.set({**(bound or {}), engine: conn})
        try:
            yield
        finally:
            _bound.reset(token)


@contextmanager
def connect(engine: Engine) -> Iterator[Connection]:
    """A connection to read with: the bound one, else a new checkout returned after the block."""
    bound = _bound.get()
    conn = None if bound is None else bound.get(engine)
    if conn is not None:
        yield conn
        return
    with engine.connect() as conn:
        yield conn


@contextmanager
def begin(engine: Engine) -> Iterator[Connection]:
    """A transaction committed at the end of the block (rolled back on an exception), on the
    bound connection when there is one."""
    bound = _bound.get()
    conn = None if bound is None else bound.get(engine)
    if conn is None:
        with engine.begin() as conn:
            yield conn
        return
    writing = _writing.get()
    if conn in writing:  # nested in a `begin` of this connection: part of its transaction
        yield conn
        return
    _end_reads(conn)
    token = _writing.set(writing | {conn})
    try:
        with conn.begin():
            yield conn
    finally:
        _writing.reset(token)


@contextmanager
def unit(engine: Engine) -> Iterator[Connection]:
    """One connection of `engine` bound to this context in ONE transaction for the block: the
    stores' `connect` and `begin` join it, and nothing commits but the caller (`commit()` on the
    connection yielded); what is not committed is rolled back at the end. Inside `shared`, the
    shared connection is the one used. The unit of work's transaction
    (`adapters.uow.SqlUnitOfWork`)."""
    bound = _bound.get()
    conn = None if bound is None else bound.get(engine)
    if conn is None:
        with engine.connect() as conn, _transaction(conn, {**(bound or {}), engine: conn}):
            yield conn
        return
    assert conn not in _writing.get(), "a unit of work inside another's transaction"
    _end_reads(conn)
    with _transaction(conn, bound or {}):
        yield conn


def _end_reads(conn: Connection) -> None:
    """End the transaction a bound connection's reads autobegan (nothing was written in it),
    so that what follows begins a transaction of its own."""
    if conn.in_transaction():
        conn.commit()


@contextmanager
def _transaction(conn: Connection, bound: dict[Engine, Connection]) -> Iterator[None]:
    conn.begin()
    tokens = (_bound.set(bound), _writing.set(_writing.get() | {conn}))
    try:
        yield
    finally:
        _writing.reset(tokens[1])
        _bound.reset(tokens[0])
        if conn.in_transaction():
            conn.rollback()
