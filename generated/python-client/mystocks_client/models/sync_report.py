from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sync_report_periods_item import SyncReportPeriodsItem

if TYPE_CHECKING:
    from ..models.sync_report_symbols import SyncReportSymbols
    from ..models.sync_report_totals import SyncReportTotals


T = TypeVar("T", bound="SyncReport")


@_attrs_define
class SyncReport:
    """The data-quality report of a sync.

    Example:
        {'providers': ['akshare', 'baostock'], 'periods': ['1d'], 'totals': {'symbols': 1, 'synced': 1, 'up_to_date': 0,
            'failed': 0, 'rows_written': 242, 'rows_refused': 0, 'instruments_added': 0, 'instruments_changed': 1,
            'requests': 6}, 'symbols': {'600000.SH': {'status': 'synced', 'sources': {'1d': 'akshare', 'factors':
            'akshare'}, 'written': {'1d': 242}, 'refused': [], 'refused_count': 0, 'missing_days': [], 'missing_day_count':
            0, 'zero_volume_days': [], 'unexplained_factor_jumps': [], 'errors': [], 'replaced_sample': False}}}

    Attributes:
        providers (list[str]):
        periods (list[SyncReportPeriodsItem]):
        totals (SyncReportTotals):
        symbols (SyncReportSymbols): Each symbol's report, by symbol.
    """

    providers: list[str]
    periods: list[SyncReportPeriodsItem]
    totals: SyncReportTotals
    symbols: SyncReportSymbols
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        providers = self.providers

        periods = []
        for periods_item_data in self.periods:
            periods_item = periods_item_data.value
            periods.append(periods_item)

        totals = self.totals.to_dict()

        symbols = self.symbols.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "providers": providers,
                "periods": periods,
                "totals": totals,
                "symbols": symbols,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sync_report_symbols import SyncReportSymbols  # noqa: PLC0415
        from ..models.sync_report_totals import SyncReportTotals  # noqa: PLC0415

        d = dict(src_dict)
        providers = cast(list[str], d.pop("providers"))

        periods = []
        _periods = d.pop("periods")
        for periods_item_data in _periods:
            periods_item = SyncReportPeriodsItem(periods_item_data)

            periods.append(periods_item)

        totals = SyncReportTotals.from_dict(d.pop("totals"))

        symbols = SyncReportSymbols.from_dict(d.pop("symbols"))

        sync_report = cls(
            providers=providers,
            periods=periods,
            totals=totals,
            symbols=symbols,
        )

        sync_report.additional_properties = d
        return sync_report

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
