from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sync_update_event_type import SyncUpdateEventType

if TYPE_CHECKING:
    from ..models.sync_update_event_data import SyncUpdateEventData


T = TypeVar("T", bound="SyncUpdateEvent")


@_attrs_define
class SyncUpdateEvent:
    """An event of the sync stream (`sync_update`).

    Example:
        {'id': '42', 'type': 'sync_update', 'occurred_at': '2026-12-07T07:30:01Z', 'data': {'job_id': 3, 'status':
            'running', 'done': 1, 'total': 2, 'symbol': '600000.SH'}}

    Attributes:
        id (str):
        type_ (SyncUpdateEventType):
        occurred_at (datetime.datetime):
        data (SyncUpdateEventData):
    """

    id: str
    type_: SyncUpdateEventType
    occurred_at: datetime.datetime
    data: SyncUpdateEventData
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
        from ..models.sync_update_event_data import SyncUpdateEventData  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        type_ = SyncUpdateEventType(d.pop("type"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        data = SyncUpdateEventData.from_dict(d.pop("data"))

        sync_update_event = cls(
            id=id,
            type_=type_,
            occurred_at=occurred_at,
            data=data,
        )

        sync_update_event.additional_properties = d
        return sync_update_event

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
