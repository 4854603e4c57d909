from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sync_update_event_data_status import SyncUpdateEventDataStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="SyncUpdateEventData")


@_attrs_define
class SyncUpdateEventData:
    """
    Attributes:
        job_id (int):
        status (SyncUpdateEventDataStatus):
        done (int):
        total (int | None):
        symbol (str | Unset): The symbol just handled.
    """

    job_id: int
    status: SyncUpdateEventDataStatus
    done: int
    total: int | None
    symbol: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        job_id = self.job_id

        status = self.status.value

        done = self.done

        total: int | None
        total = self.total

        symbol = self.symbol

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "job_id": job_id,
                "status": status,
                "done": done,
                "total": total,
            }
        )
        if symbol is not UNSET:
            field_dict["symbol"] = symbol

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        job_id = d.pop("job_id")

        status = SyncUpdateEventDataStatus(d.pop("status"))

        done = d.pop("done")

        def _parse_total(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        total = _parse_total(d.pop("total"))

        symbol = d.pop("symbol", UNSET)

        sync_update_event_data = cls(
            job_id=job_id,
            status=status,
            done=done,
            total=total,
            symbol=symbol,
        )

        sync_update_event_data.additional_properties = d
        return sync_update_event_data

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
