from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.backtest_update_event_type import BacktestUpdateEventType

if TYPE_CHECKING:
    from ..models.backtest_update import BacktestUpdate


T = TypeVar("T", bound="BacktestUpdateEvent")


@_attrs_define
class BacktestUpdateEvent:
    """One `backtest_update` Server-Sent Event: the SSE `id:` line carries `id`, the `event:` line
    `type`, and the `data:` line this whole object as JSON.

        Example:
            {'id': '42', 'type': 'backtest_update', 'occurred_at': '2026-11-24T05:00:01Z', 'data': {'backtest_id': 7,
                'status': 'running', 'progress': 0.4}}

        Attributes:
            id (str): Increasing; send the last one seen as `Last-Event-ID` to resume.
            type_ (BacktestUpdateEventType):
            occurred_at (datetime.datetime):
            data (BacktestUpdate): The state of a backtest after a change. Example: {'backtest_id': 7, 'status': 'running',
                'progress': 0.4}.
    """

    id: str
    type_: BacktestUpdateEventType
    occurred_at: datetime.datetime
    data: BacktestUpdate
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_ = self.type_.value

        occurred_at = self.occurred_at.isoformat()

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "occurred_at": occurred_at,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.backtest_update import BacktestUpdate  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        type_ = BacktestUpdateEventType(d.pop("type"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        data = BacktestUpdate.from_dict(d.pop("data"))

        backtest_update_event = cls(
            id=id,
            type_=type_,
            occurred_at=occurred_at,
            data=data,
        )

        backtest_update_event.additional_properties = d
        return backtest_update_event

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
