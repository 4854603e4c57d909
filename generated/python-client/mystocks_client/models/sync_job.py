from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sync_job_status import SyncJobStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.sync_job_request import SyncJobRequest
    from ..models.sync_report import SyncReport


T = TypeVar("T", bound="SyncJob")


@_attrs_define
class SyncJob:
    """A sync; `report`, its data-quality report, is there once it ended.

    Example:
        {'id': 3, 'status': 'running', 'request': {'symbols': ['600000.SH'], 'periods': ['1d'], 'providers': ['akshare',
            'baostock']}, 'done': 0, 'total': 1, 'error': None, 'created_at': '2026-12-07T07:30:00Z', 'finished_at': None}

    Attributes:
        id (int):
        status (SyncJobStatus): `running`; then `succeeded`, `partial` (some symbols failed or had rows refused: the
            report says which, and the next sync fetches them again), `failed` (nothing could be listed), or `interrupted`
            (the server stopped; what was synced is kept).
        request (SyncJobRequest): What to sync; every field may be left out. Example: {'symbols': ['600000.SH'],
            'periods': ['1d']}.
        done (int): Symbols handled so far.
        total (int | None): Symbols to handle, once the instruments are listed.
        error (None | str):
        created_at (datetime.datetime):
        finished_at (datetime.datetime | None):
        report (SyncReport | Unset): The data-quality report of a sync. Example: {'providers': ['akshare', 'baostock'],
            'periods': ['1d'], 'totals': {'symbols': 1, 'synced': 1, 'up_to_date': 0, 'failed': 0, 'rows_written': 242,
            'rows_refused': 0, 'instruments_added': 0, 'instruments_changed': 1, 'requests': 6}, 'symbols': {'600000.SH':
            {'status': 'synced', 'sources': {'1d': 'akshare', 'factors': 'akshare'}, 'written': {'1d': 242}, 'refused': [],
            'refused_count': 0, 'missing_days': [], 'missing_day_count': 0, 'zero_volume_days': [],
            'unexplained_factor_jumps': [], 'errors': [], 'replaced_sample': False}}}.
    """

    id: int
    status: SyncJobStatus
    request: SyncJobRequest
    done: int
    total: int | None
    error: None | str
    created_at: datetime.datetime
    finished_at: datetime.datetime | None
    report: SyncReport | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status = self.status.value

        request = self.request.to_dict()

        done = self.done

        total: int | None
        total = self.total

        error: None | str
        error = self.error

        created_at = self.created_at.isoformat()

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        report: dict[str, Any] | Unset = UNSET
        if not isinstance(self.report, Unset):
            report = self.report.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "request": request,
                "done": done,
                "total": total,
                "error": error,
                "created_at": created_at,
                "finished_at": finished_at,
            }
        )
        if report is not UNSET:
            field_dict["report"] = report

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sync_job_request import SyncJobRequest  # noqa: PLC0415
        from ..models.sync_report import SyncReport  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        status = SyncJobStatus(d.pop("status"))

        request = SyncJobRequest.from_dict(d.pop("request"))

        done = d.pop("done")

        def _parse_total(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        total = _parse_total(d.pop("total"))

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        _report = d.pop("report", UNSET)
        report: SyncReport | Unset
        if isinstance(_report, Unset):
            report = UNSET
        else:
            report = SyncReport.from_dict(_report)

        sync_job = cls(
            id=id,
            status=status,
            request=request,
            done=done,
            total=total,
            error=error,
            created_at=created_at,
            finished_at=finished_at,
            report=report,
        )

        sync_job.additional_properties = d
        return sync_job

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
