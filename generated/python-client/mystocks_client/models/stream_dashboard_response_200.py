from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.stream_dashboard_response_200_event import StreamDashboardResponse200Event
from ..types import UNSET, Unset

T = TypeVar("T", bound="StreamDashboardResponse200")


@_attrs_define
class StreamDashboardResponse200:
    """Each event of the stream: `event` names it, `id` is the snapshot's digest, and
    `data` is a `DashboardUpdateEvent` as JSON (see `x-event-schema`).

        Example:
            {'id': '9f2c4e1a7b3d5f60', 'event': 'dashboard_update', 'data': '{"id": "9f2c4e1a7b3d5f60", "type":
                "dashboard_update", "occurred_at": "2026-11-24T05:00:01Z", "data": {"breadth": {"as_of": null, "trading_day":
                null, "stocks": 0, "advancing": 0, "declining": 0, "unchanged": 0, "limit_up": 0, "limit_down": 0, "stale": 0},
                "movers": {"gainers": [], "losers": [], "turnover": []}, "jobs": {"backtests": {"queued": 0, "running": 0},
                "training": {"queued": 0, "running": 0}, "running": []}, "paper": {"equity": 0, "realized_pnl": 0,
                "unrealized_pnl": 0, "accounts": []}, "open_alerts": 0, "risk_alerts_24h": 0, "ingest_rows_per_second": 0}}'}

        Attributes:
            event (StreamDashboardResponse200Event):
            data (str): A `DashboardUpdateEvent`, JSON-encoded.
            id (str | Unset):
    """

    event: StreamDashboardResponse200Event
    data: str
    id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event = self.event.value

        data = self.data

        id = self.id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "event": event,
                "data": data,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        event = StreamDashboardResponse200Event(d.pop("event"))

        data = d.pop("data")

        id = d.pop("id", UNSET)

        stream_dashboard_response_200 = cls(
            event=event,
            data=data,
            id=id,
        )

        stream_dashboard_response_200.additional_properties = d
        return stream_dashboard_response_200

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
