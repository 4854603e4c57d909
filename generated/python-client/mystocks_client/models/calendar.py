from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Calendar")


@_attrs_define
class Calendar:
    """
    Example:
        {'exchange': 'XSHG', 'start': '2017-09-28', 'end': '2017-10-10', 'days': ['2017-09-28', '2017-09-29',
            '2017-10-09', '2017-10-10']}

    Attributes:
        exchange (str): ISO 10383 MIC of the calendar (XSHG serves Shenzhen too). Example: XSHG.
        start (datetime.date):
        end (datetime.date):
        days (list[datetime.date]): Trading days in the range, oldest first.
    """

    exchange: str
    start: datetime.date
    end: datetime.date
    days: list[datetime.date]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        exchange = self.exchange

        start = self.start.isoformat()

        end = self.end.isoformat()

        days = []
        for days_item_data in self.days:
            days_item = days_item_data.isoformat()
            days.append(days_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "exchange": exchange,
                "start": start,
                "end": end,
                "days": days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        exchange = d.pop("exchange")

        start = datetime.date.fromisoformat(d.pop("start"))

        end = datetime.date.fromisoformat(d.pop("end"))

        days = []
        _days = d.pop("days")
        for days_item_data in _days:
            days_item = datetime.date.fromisoformat(days_item_data)

            days.append(days_item)

        calendar = cls(
            exchange=exchange,
            start=start,
            end=end,
            days=days,
        )

        calendar.additional_properties = d
        return calendar

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
