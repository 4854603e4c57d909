from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.sync_symbol_report import SyncSymbolReport


T = TypeVar("T", bound="SyncReportSymbols")


@_attrs_define
class SyncReportSymbols:
    """Each symbol's report, by symbol."""

    additional_properties: dict[str, SyncSymbolReport] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.to_dict()

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sync_symbol_report import SyncSymbolReport  # noqa: PLC0415

        d = dict(src_dict)
        sync_report_symbols = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():
            additional_property = SyncSymbolReport.from_dict(prop_dict)

            additional_properties[prop_name] = additional_property

        sync_report_symbols.additional_properties = additional_properties
        return sync_report_symbols

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> SyncSymbolReport:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: SyncSymbolReport) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
