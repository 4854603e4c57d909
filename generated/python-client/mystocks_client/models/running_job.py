from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.running_job_kind import RunningJobKind

T = TypeVar("T", bound="RunningJob")


@_attrs_define
class RunningJob:
    """A running job; read it with `GET /api/v1/backtests/{id}` or `GET /api/v1/training-jobs/{id}`.

    Example:
        {'kind': 'training', 'id': 3, 'owner': 'trader1', 'progress': 0.25, 'started_at': '2026-11-24T05:00:00Z'}

    Attributes:
        kind (RunningJobKind):
        id (int):
        owner (str): The user who submitted it.
        progress (float):
        started_at (datetime.datetime | None): When a worker took it (null only for a moment while it starts).
    """

    kind: RunningJobKind
    id: int
    owner: str
    progress: float
    started_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        id = self.id

        owner = self.owner

        progress = self.progress

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "id": id,
                "owner": owner,
                "progress": progress,
                "started_at": started_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = RunningJobKind(d.pop("kind"))

        id = d.pop("id")

        owner = d.pop("owner")

        progress = d.pop("progress")

        def _parse_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        started_at = _parse_started_at(d.pop("started_at"))

        running_job = cls(
            kind=kind,
            id=id,
            owner=owner,
            progress=progress,
            started_at=started_at,
        )

        running_job.additional_properties = d
        return running_job

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
