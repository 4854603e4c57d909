"""The unit of work on SQLite and PostgreSQL: one transaction for a use case's store calls and
audit lines, rolled back unless committed, and its events published only after the commit."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from mystocks.adapters.bus import Event, InProcessEventBus
from mystocks.adapters.uow import SqlUnitOfWork
from mystocks.app import MyStocksApp
from mystocks.errors import OrderRefused
from mystocks.identity.audit_store import _AUDIT
from mystocks.identity.auth import Principal
from mystocks.trading.service import trading_day
from mystocks.trading.store import ORDERS
from tests.conftest import app_on_copy, backtest_inputs

SYMBOL = "600036.SH"
ADMIN = Principal("admin", "admin", 2**62)


@pytest.fixture(params=["sqlite", "postgres"])
def app(request: pytest.FixtureRequest, template_dir, tmp_path) -> MyStocksApp:
    if request.param == "postgres":
        return request.getfixturevalue("paper_postgres_app")  # type: ignore[no-any-return]
    return app_on_copy(template_dir, tmp_path, paper_session="always")


def count(app: MyStocksApp, table: Any) -> int:
    with app.services.data.relational.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def order_row(account_id: int, key: str) -> dict[str, Any]:
    return {
        "account_id": account_id,
        "owner": "admin",
        "idempotency_key": key,
        "symbol": SYMBOL,
        "side": "buy",
        "type": "limit",
        "quantity": 100,
        "limit_price": 1000,
        "limit_up": None,
        "limit_down": None,
        "strategy_id": None,
    }


def test_nothing_is_written_or_sent_unless_committed(app: MyStocksApp) -> None:
    paper = app.services.paper
    account = paper.create_account(ADMIN, {"name": "u", "initial_cash": 100000})
    bus = InProcessEventBus()
    orders, lines = count(app, ORDERS), count(app, _AUDIT)
    with SqlUnitOfWork(paper.store.engine, bus) as uow:
        row = paper.store.place(order_row(account["id"], "u1"), freeze_cash=0, day=trading_day())
        paper.audit.record(ADMIN, "order.create", target=("order", row["id"]))  # type: ignore[union-attr]
        uow.publish("orders", "order_update", {"id": row["id"]}, owner="admin")
        # Inside the unit its own writes are visible to its store calls ...
        assert paper.store.get_order(row["id"]) is not None
    # ... and without a commit none of them happened, and nothing was sent.
    assert (count(app, ORDERS), count(app, _AUDIT)) == (orders, lines)
    assert bus._after("orders", 0) == []

    with SqlUnitOfWork(paper.store.engine, bus) as uow:
        row = paper.store.place(order_row(account["id"], "u2"), freeze_cash=0, day=trading_day())
        uow.publish("orders", "order_update", {"id": row["id"]}, owner="admin")
        assert bus._after("orders", 0) == []  # held back until the commit
        uow.commit()
        assert [e.data for e in bus._after("orders", 0)] == [{"id": row["id"]}]
    assert count(app, ORDERS) == orders + 1


def test_an_exception_inside_rolls_everything_back(app: MyStocksApp) -> None:
    paper = app.services.paper
    account = paper.create_account(ADMIN, {"name": "x", "initial_cash": 100000})
    orders = count(app, ORDERS)
    with pytest.raises(RuntimeError), SqlUnitOfWork(paper.store.engine, None):
        paper.store.place(order_row(account["id"], "x1"), freeze_cash=0, day=trading_day())
        raise RuntimeError("after the insert")
    assert count(app, ORDERS) == orders


def test_a_refused_order_leaves_no_order_and_one_refused_audit_line(app: MyStocksApp) -> None:
    """The order is inserted before its cash is frozen; the freeze's refusal rolls the insert
    back in the same unit, and the refusal's audit line is written on its own."""
    paper = app.services.paper
    account = paper.create_account(ADMIN, {"name": "poor", "initial_cash": 1000})
    price = paper.last_prices([SYMBOL])[SYMBOL] / 100
    body: Any = {
        "account_id": account["id"],
        "symbol": SYMBOL,
        "side": "buy",
        "type": "limit",
        "quantity": 100,
        "limit_price": price,
    }
    orders, lines = count(app, ORDERS), count(app, _AUDIT)
    with pytest.raises(OrderRefused) as refused:
        paper.create_order(ADMIN, body, "poor-1")
    assert refused.value.code == "insufficient_cash"
    assert count(app, ORDERS) == orders
    assert count(app, _AUDIT) == lines + 1
    with app.services.data.relational.engine.connect() as conn:
        newest = conn.execute(select(_AUDIT).order_by(_AUDIT.c.id.desc()).limit(1)).one()
    assert (newest.action, newest.outcome) == ("order.create", "refused")
    assert newest.details["code"] == "insufficient_cash"
    assert paper.store.get_account(account["id"])["cash"] == 100000  # type: ignore[index]


def test_a_cancel_commits_then_sends_its_event(app: MyStocksApp) -> None:
    paper = app.services.paper
    bus = app.services.bus
    account = paper.create_account(ADMIN, {"name": "c", "initial_cash": 100000})
    price = paper.last_prices([SYMBOL])[SYMBOL] / 100
    body: Any = {"account_id": account["id"], "symbol": SYMBOL, "side": "buy", "type": "limit"}
    order, created = paper.create_order(ADMIN, body | {"quantity": 100, "limit_price": price}, "c")
    assert created
    before = len(bus._after("orders", 0))  # type: ignore[attr-defined]
    cancelled = paper.cancel_order(ADMIN, order["id"])
    assert cancelled["status"] == "cancelled"
    sent = bus._after("orders", 0)[before:]  # type: ignore[attr-defined]
    assert [(e.type, e.data["status"]) for e in sent] == [("order_update", "cancelled")]
    assert paper.store.get_account(account["id"])["frozen_cash"] == 0  # type: ignore[index]


class Runner:
    """A job runner that keeps what it is handed (and can refuse, like a broker that is down)."""

    def __init__(self, refuse: bool = False) -> None:
        self.submitted: list[str] = []
        self.refuse = refuse

    def submit(self, job_id: str) -> None:
        if self.refuse:
            raise ConnectionError("the broker is down")
        self.submitted.append(job_id)

    def cancel(self, job_id: str) -> None: ...

    def shutdown(self) -> None: ...


class Witness(InProcessEventBus):
    """A bus that, as each job event is published, reads the job's status on a connection of
    its own: what is committed by then."""

    def __init__(self, book: Any) -> None:
        super().__init__()
        self.book = book
        self.committed: list[str | None] = []

    def publish(
        self, topic: str, type: str, data: dict[str, Any], owner: str | None = None
    ) -> Event:
        table = self.book.store.table
        with self.book.store.engine.connect() as conn:
            status = conn.execute(
                select(table.c.status).where(table.c.id == data["backtest_id"])
            ).scalar()
        self.committed.append(status)
        return super().publish(topic, type, data, owner)


def test_a_job_is_committed_then_told_then_handed_to_the_runner(app: MyStocksApp) -> None:
    """A job's row commits before its event is sent and before any runner may pick it up; a
    repeated idempotency key answers the first job (also on PostgreSQL, where the refused
    insert spoils its transaction) and sends nothing; a runner that refuses the job leaves it
    failed, not queued."""
    book = app.services.backtests.book
    bus = Witness(book)
    runner = Runner()
    book.bus, book.runner = bus, runner
    book.uow = lambda: SqlUnitOfWork(book.store.engine, bus)
    row, created = book.create(ADMIN, "job-1", backtest_inputs())
    assert created and runner.submitted == [f"backtest:{row['id']}"]
    sent = bus._after("backtest", 0)
    assert [(e.type, e.data["status"], e.data["backtest_id"]) for e in sent] == [
        ("backtest_update", "queued", row["id"])
    ]
    again, created = book.create(ADMIN, "job-1", backtest_inputs())
    assert (again["id"], created) == (row["id"], False)
    assert len(bus._after("backtest", 0)) == 1 and len(runner.submitted) == 1

    book.runner = Runner(refuse=True)
    with pytest.raises(ConnectionError):
        book.create(ADMIN, "job-2", backtest_inputs())
    failed = book.store.find_by_key("admin", "job-2")
    assert failed is not None and failed["status"] == "failed"
    assert "the broker is down" in failed["error"]
    told = [(e.data["backtest_id"], e.data["status"]) for e in bus._after("backtest", 0)[1:]]
    assert told == [(failed["id"], "queued"), (failed["id"], "failed")]
    # Each event went out once its change was committed: another connection saw it already.
    assert bus.committed == ["queued", "queued", "failed"]
