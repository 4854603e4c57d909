from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sync_job_status import SyncJobStatus

if TYPE_CHECKING:
    from ..models.sync_job_request import SyncJobRequest
    from ..models.sync_report import SyncReport


T = TypeVar("T", bound="SyncJob")


@_attrs_define
class SyncJob:
    """
    Example:
        {'id': 3, 'status': 'running', 'request': {'symbols': ['600000.SH'], 'periods': ['1d'], 'providers': ['akshare',
            'baostock']}, 'done': 0, 'total': 1, 'report': None, 'error': None, 'created_at': '2026-12-07T07:30:00Z',
            'finished_at': None}

    Attributes:
        id (int):
        status (SyncJobStatus): `running`; then `succeeded`, `partial` (some symbols failed or had rows refused: the
            report says which, and the next sync fetches them again), `failed` (nothing could be listed), or `interrupted`
            (the server stopped; what was synced is kept).
        request (SyncJobRequest): What to sync; every field may be left out. Example: {'symbols': ['600000.SH'],
            'periods': ['1d']}.
        done (int): Symbols handled so far.
        total (int | None): Symbols to handle, once the instruments are listed.
        report (None | SyncReport): The data-quality report, once the sync ends.
        error (None | str):
        created_at (datetime.datetime):
        finished_at (datetime.datetime | None):
    """

    id: int
    status: SyncJobStatus
    request: SyncJobRequest
    done: int
    total: int | None
    report: None | SyncReport
    error: None | str
    created_at: datetime.datetime
    finished_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.sync_report import SyncReport  # noqa: PLC0415

        id = self.id

        status = self.status.value

        request = self.request.to_dict()

        done = self.done

        total: int | None
        total = self.total

        report: dict[str, Any] | None
        if isinstance(self.report, SyncReport):
            report = self.report.to_dict()
        else:
            report = self.report

        error: None | str
        error = self.error

        created_at = self.created_at.isoformat()

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "request": request,
                "done": done,
                "total": total,
                "report": report,
                "error": error,
                "created_at": created_at,
                "finished_at": finished_at,
            }
        )

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

        def _parse_report(data: object) -> None | SyncReport:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                report_type_0 = SyncReport.from_dict(data)

                return report_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SyncReport, data)

        report = _parse_report(d.pop("report"))

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

        sync_job = cls(
            id=id,
            status=status,
            request=request,
            done=done,
            total=total,
            report=report,
            error=error,
            created_at=created_at,
            finished_at=finished_at,
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
