from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SyncReportTotals")


@_attrs_define
class SyncReportTotals:
    """
    Attributes:
        symbols (int):
        synced (int):
        up_to_date (int):
        failed (int):
        rows_written (int):
        rows_refused (int):
        instruments_added (int):
        instruments_changed (int):
        requests (int): Requests made to the providers.
    """

    symbols: int
    synced: int
    up_to_date: int
    failed: int
    rows_written: int
    rows_refused: int
    instruments_added: int
    instruments_changed: int
    requests: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        symbols = self.symbols

        synced = self.synced

        up_to_date = self.up_to_date

        failed = self.failed

        rows_written = self.rows_written

        rows_refused = self.rows_refused

        instruments_added = self.instruments_added

        instruments_changed = self.instruments_changed

        requests = self.requests

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "symbols": symbols,
                "synced": synced,
                "up_to_date": up_to_date,
                "failed": failed,
                "rows_written": rows_written,
                "rows_refused": rows_refused,
                "instruments_added": instruments_added,
                "instruments_changed": instruments_changed,
                "requests": requests,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        symbols = d.pop("symbols")

        synced = d.pop("synced")

        up_to_date = d.pop("up_to_date")

        failed = d.pop("failed")

        rows_written = d.pop("rows_written")

        rows_refused = d.pop("rows_refused")

        instruments_added = d.pop("instruments_added")

        instruments_changed = d.pop("instruments_changed")

        requests = d.pop("requests")

        sync_report_totals = cls(
            symbols=symbols,
            synced=synced,
            up_to_date=up_to_date,
            failed=failed,
            rows_written=rows_written,
            rows_refused=rows_refused,
            instruments_added=instruments_added,
            instruments_changed=instruments_changed,
            requests=requests,
        )

        sync_report_totals.additional_properties = d
        return sync_report_totals

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
