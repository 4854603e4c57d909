from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.stream_sync_response_200_event import StreamSyncResponse200Event
from ..types import UNSET, Unset

T = TypeVar("T", bound="StreamSyncResponse200")


@_attrs_define
class StreamSyncResponse200:
    """Each event of the stream: `event` names it, `id` orders it, and `data` is a
    `SyncUpdateEvent` as JSON (see `x-event-schema`).

        Example:
            {'id': '42', 'event': 'sync_update', 'data': '{"id": "42", "type": "sync_update", "occurred_at":
                "2026-12-07T07:30:01Z", "data": {"job_id": 3, "status": "running", "done": 1, "total": 2, "symbol":
                "600000.SH"}}'}

        Attributes:
            event (StreamSyncResponse200Event):
            data (str): A `SyncUpdateEvent`, JSON-encoded.
            id (str | Unset):
    """

    event: StreamSyncResponse200Event
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
        event = StreamSyncResponse200Event(d.pop("event"))

        data = d.pop("data")

        id = d.pop("id", UNSET)

        stream_sync_response_200 = cls(
            event=event,
            data=data,
            id=id,
        )

        stream_sync_response_200.additional_properties = d
        return stream_sync_response_200

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
