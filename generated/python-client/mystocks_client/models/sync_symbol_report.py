from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sync_symbol_report_status import SyncSymbolReportStatus

if TYPE_CHECKING:
    from ..models.sync_symbol_report_refused_item import SyncSymbolReportRefusedItem
    from ..models.sync_symbol_report_sources import SyncSymbolReportSources
    from ..models.sync_symbol_report_written import SyncSymbolReportWritten


T = TypeVar("T", bound="SyncSymbolReport")


@_attrs_define
class SyncSymbolReport:
    """
    Example:
        {'status': 'synced', 'sources': {'1d': 'akshare', 'corporate_actions': 'akshare', 'factors': 'akshare',
            'st_periods': 'baostock', 'suspensions': 'akshare'}, 'written': {'1d': 242}, 'refused': [{'at': '2024-03-04',
            'field': 'high', 'why': 'high 7.0 is below max(open, close) 7.05'}], 'refused_count': 1, 'missing_days':
            ['2024-05-06'], 'missing_day_count': 1, 'zero_volume_days': [], 'unexplained_factor_jumps': [], 'errors': [],
            'replaced_sample': False}

    Attributes:
        status (SyncSymbolReportStatus):
        sources (SyncSymbolReportSources): Which provider answered each kind of data (`1d`, `1m`, `factors`,
            `corporate_actions`, `st_periods`, `suspensions`).
        written (SyncSymbolReportWritten): Rows written by period.
        refused (list[SyncSymbolReportRefusedItem]): Rows the ingest checks refused, none of them written (the first
            50).
        refused_count (int): Rows refused in all.
        missing_days (list[datetime.date]): Trading days of the exchange calendar with no bar, suspended days excepted
            (the first 20).
        missing_day_count (int):
        zero_volume_days (list[datetime.date]): Days with bars but no volume (the first 20).
        unexplained_factor_jumps (list[datetime.date]): Days the provider's adjustment factor changed with no corporate
            action recorded.
        errors (list[str]):
        replaced_sample (bool): The forward-adjusted sample bars of this stock were replaced by bars as traded.
    """

    status: SyncSymbolReportStatus
    sources: SyncSymbolReportSources
    written: SyncSymbolReportWritten
    refused: list[SyncSymbolReportRefusedItem]
    refused_count: int
    missing_days: list[datetime.date]
    missing_day_count: int
    zero_volume_days: list[datetime.date]
    unexplained_factor_jumps: list[datetime.date]
    errors: list[str]
    replaced_sample: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        sources = self.sources.to_dict()

        written = self.written.to_dict()

        refused = []
        for refused_item_data in self.refused:
            refused_item = refused_item_data.to_dict()
            refused.append(refused_item)

        refused_count = self.refused_count

        missing_days = []
        for missing_days_item_data in self.missing_days:
            missing_days_item = missing_days_item_data.isoformat()
            missing_days.append(missing_days_item)

        missing_day_count = self.missing_day_count

        zero_volume_days = []
        for zero_volume_days_item_data in self.zero_volume_days:
            zero_volume_days_item = zero_volume_days_item_data.isoformat()
            zero_volume_days.append(zero_volume_days_item)

        unexplained_factor_jumps = []
        for unexplained_factor_jumps_item_data in self.unexplained_factor_jumps:
            unexplained_factor_jumps_item = unexplained_factor_jumps_item_data.isoformat()
            unexplained_factor_jumps.append(unexplained_factor_jumps_item)

        errors = self.errors

        replaced_sample = self.replaced_sample

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "sources": sources,
                "written": written,
                "refused": refused,
                "refused_count": refused_count,
                "missing_days": missing_days,
                "missing_day_count": missing_day_count,
                "zero_volume_days": zero_volume_days,
                "unexplained_factor_jumps": unexplained_factor_jumps,
                "errors": errors,
                "replaced_sample": replaced_sample,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sync_symbol_report_refused_item import SyncSymbolReportRefusedItem  # noqa: PLC0415
        from ..models.sync_symbol_report_sources import SyncSymbolReportSources  # noqa: PLC0415
        from ..models.sync_symbol_report_written import SyncSymbolReportWritten  # noqa: PLC0415

        d = dict(src_dict)
        status = SyncSymbolReportStatus(d.pop("status"))

        sources = SyncSymbolReportSources.from_dict(d.pop("sources"))

        written = SyncSymbolReportWritten.from_dict(d.pop("written"))

        refused = []
        _refused = d.pop("refused")
        for refused_item_data in _refused:
            refused_item = SyncSymbolReportRefusedItem.from_dict(refused_item_data)

            refused.append(refused_item)

        refused_count = d.pop("refused_count")

        missing_days = []
        _missing_days = d.pop("missing_days")
        for missing_days_item_data in _missing_days:
            missing_days_item = datetime.date.fromisoformat(missing_days_item_data)

            missing_days.append(missing_days_item)

        missing_day_count = d.pop("missing_day_count")

        zero_volume_days = []
        _zero_volume_days = d.pop("zero_volume_days")
        for zero_volume_days_item_data in _zero_volume_days:
            zero_volume_days_item = datetime.date.fromisoformat(zero_volume_days_item_data)

            zero_volume_days.append(zero_volume_days_item)

        unexplained_factor_jumps = []
        _unexplained_factor_jumps = d.pop("unexplained_factor_jumps")
        for unexplained_factor_jumps_item_data in _unexplained_factor_jumps:
            unexplained_factor_jumps_item = datetime.date.fromisoformat(unexplained_factor_jumps_item_data)

            unexplained_factor_jumps.append(unexplained_factor_jumps_item)

        errors = cast(list[str], d.pop("errors"))

        replaced_sample = d.pop("replaced_sample")

        sync_symbol_report = cls(
            status=status,
            sources=sources,
            written=written,
            refused=refused,
            refused_count=refused_count,
            missing_days=missing_days,
            missing_day_count=missing_day_count,
            zero_volume_days=zero_volume_days,
            unexplained_factor_jumps=unexplained_factor_jumps,
            errors=errors,
            replaced_sample=replaced_sample,
        )

        sync_symbol_report.additional_properties = d
        return sync_symbol_report

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
