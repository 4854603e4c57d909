"""The unit of work's events, without a database: held back until a commit, sent in order
after it, dropped by a rollback or by leaving the unit without a commit."""

from __future__ import annotations

import pytest

from mystocks.adapters.bus import InProcessEventBus
from mystocks.adapters.uow import InMemoryUnitOfWork


def sent(bus: InProcessEventBus) -> list[int]:
    return [e.data["n"] for e in bus._after("orders", 0)]


def test_events_wait_for_the_commit_and_keep_their_order() -> None:
    bus = InProcessEventBus()
    with InMemoryUnitOfWork(bus) as uow:
        uow.publish("orders", "order_update", {"n": 1}, owner="a")
        uow.publish("orders", "trade", {"n": 2}, owner="a")
        assert sent(bus) == []
        uow.commit()
        assert sent(bus) == [1, 2] and uow.commits == 1
        uow.publish("orders", "order_update", {"n": 3})  # after the commit, not committed
    assert sent(bus) == [1, 2]


def test_a_rollback_or_an_error_sends_nothing() -> None:
    bus = InProcessEventBus()
    with InMemoryUnitOfWork(bus) as uow:
        uow.publish("orders", "order_update", {"n": 1})
        uow.rollback()
        uow.commit()  # nothing left to send
    with pytest.raises(RuntimeError), InMemoryUnitOfWork(bus) as uow:
        uow.publish("orders", "order_update", {"n": 2})
        raise RuntimeError("before the commit")
    assert sent(bus) == []
