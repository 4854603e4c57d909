"""`openapi/asyncapi.yaml` names exactly the WebSocket messages of the OpenAPI components, each
named for the `type` it sends; what the services publish on `orders` and `alerts` is typed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml
from mystocks_contract.models import Alert, Order, PaperTrade, WsServerMessage

from mystocks.adapters.bus import InProcessEventBus
from mystocks.adapters.uow import InMemoryUnitOfWork
from mystocks.alerts.service import present_alert
from mystocks.identity.auth import Principal
from mystocks.live.channels import parse
from mystocks.live.hub import Hub, Subscriber
from mystocks.settings import Settings
from mystocks.trading.service import PaperService

OPENAPI = Path(__file__).resolve().parents[2] / "openapi"


def _union(name: str) -> set[str]:
    schema = yaml.safe_load((OPENAPI / "components" / "schemas" / f"{name}.yaml").read_text())
    return {ref["$ref"].removesuffix(".yaml") for ref in schema["oneOf"]}


def test_asyncapi_messages_are_the_contracts_message_schemas():
    doc = yaml.safe_load((OPENAPI / "asyncapi.yaml").read_text())
    messages = doc["components"]["messages"]
    for name, message in messages.items():
        assert message["payload"]["schema"]["$ref"] == f"./components/schemas/{name}.yaml"
    operations = doc["operations"]
    sent = {m["$ref"].rsplit("/", 1)[1] for m in operations["sendServerMessages"]["messages"]}
    received = {m["$ref"].rsplit("/", 1)[1] for m in operations["sendClientMessages"]["messages"]}
    assert sent == _union("WsServerMessage")
    assert received == _union("WsClientMessage")
    assert set(messages) == sent | received == set(doc["channels"]["ws"]["messages"])


def test_each_message_name_is_the_type_its_schema_sends():
    doc = yaml.safe_load((OPENAPI / "asyncapi.yaml").read_text())
    for name, message in doc["components"]["messages"].items():
        schema = yaml.safe_load((OPENAPI / "components" / "schemas" / f"{name}.yaml").read_text())
        assert schema["properties"]["type"]["enum"] == [message["name"]], name


class _History:
    """The one store read `PaperService.publish` makes: an order's status history."""

    def history(self, ids: list[int]) -> dict[int, list[dict[str, Any]]]:
        return {i: [{"status": "new", "filled_quantity": 0, "at": AT}] for i in ids}


AT = dt.datetime(2026, 11, 24, 1, 31, tzinfo=dt.UTC)
ORDER_ROW = {
    "id": 5, "account_id": 1, "owner": "alice", "symbol": "600036.SH", "side": "buy",
    "type": "limit", "quantity": 1000, "limit_price": 1050, "filled_quantity": 1000,
    "filled_value": 1_050_000, "fees": 500, "frozen_cash": 0, "status": "filled",
    "trading_day": AT.date(), "strategy_id": None, "created_at": AT, "updated_at": AT,
}  # fmt: skip
TRADE_ROW = {
    "id": 1, "order_id": 5, "account_id": 1, "symbol": "600036.SH", "side": "buy",
    "price": 1050, "quantity": 1000, "commission": 500, "stamp_duty": 0, "realized_pnl": None,
    "tick_time": AT, "created_at": AT,
}  # fmt: skip
ALERT_ROW = {
    "id": 3, "rule_id": 1, "owner": "alice", "kind": "price_above", "symbol": "600036.SH",
    "severity": "warning", "message": "600036.SH rose above 26.0: 26.01", "value": 26.01,
    "threshold": 26.0, "fired_at": AT, "acknowledged_at": None, "account_id": None,
    "strategy_id": None,
}  # fmt: skip


async def test_published_orders_and_alerts_are_the_typed_messages():
    """What `PaperService.order_events` and the alert engine put on the bus reaches the `orders`
    and `alerts` channels as `WsTrade`, `WsOrderUpdate` and `WsAlert`, their `data` the
    contract's `PaperTrade`, `Order` and `Alert`. The order's events wait for the commit."""
    bus = InProcessEventBus()
    paper = PaperService(
        _History(),  # type: ignore[arg-type]
        None,  # type: ignore[arg-type]
        Settings(env="test"),
        bus,
        uow=lambda: InMemoryUnitOfWork(bus),
    )
    with paper.uow() as uow:
        paper.order_events(uow, ORDER_ROW, TRADE_ROW)
        assert bus._after("orders", 0) == []  # nothing before the commit
        uow.commit()
    bus.publish("alerts", "risk_alert", dict(present_alert(ALERT_ROW)), owner="alice")
    hub = Hub(bus, None, batch_seconds=1, reverify_seconds=1, stall_seconds=1)  # type: ignore[arg-type]

    async def send(frame: bytes) -> None:
        pass

    alice = Subscriber(Principal("alice", "trader", 2**40), "t", send, 100)
    for channel in ("orders", "alerts"):
        hub.subscribe(alice, parse(channel, "alice"))
    for topic in ("orders", "alerts"):
        for published in bus._after(topic, 0):
            hub.route(published)
    messages = [WsServerMessage.model_validate_json(f).root for f in alice.outbox.take()]
    assert [type(m).__name__ for m in messages] == ["WsTrade", "WsOrderUpdate", "WsAlert"]
    trade, order, alert = messages
    assert isinstance(trade.data, PaperTrade) and trade.data.price == 10.5
    assert (
        isinstance(order.data, Order) and order.data.model_dump(mode="json")["status"] == "filled"
    )
    assert isinstance(alert.data, Alert) and alert.data.symbol == "600036.SH"
