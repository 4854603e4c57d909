from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.mover import Mover


T = TypeVar("T", bound="MarketMovers")


@_attrs_define
class MarketMovers:
    """The biggest movers among the stocks counted in the breadth (those quoted on its trading day), at
    most 10 in each list; equal values are ordered by symbol.

        Example:
            {'gainers': [{'symbol': '600809.SH', 'name': '山西汾酒', 'last': 35.91, 'change_pct': 0.14, 'amount': 190523424.6}],
                'losers': [{'symbol': '600085.SH', 'name': '同仁堂', 'last': 32.98, 'change_pct': -0.87, 'amount': 67103097.64}],
                'turnover': [{'symbol': '600036.SH', 'name': '招商银行', 'last': 25.56, 'change_pct': 0.12, 'amount':
                599527838.88}]}

        Attributes:
            gainers (list[Mover]): Rising stocks, the highest `change_pct` first.
            losers (list[Mover]): Falling stocks, the lowest `change_pct` first.
            turnover (list[Mover]): The most traded stocks by turnover (`amount`), the largest first.
    """

    gainers: list[Mover]
    losers: list[Mover]
    turnover: list[Mover]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        gainers = []
        for gainers_item_data in self.gainers:
            gainers_item = gainers_item_data.to_dict()
            gainers.append(gainers_item)

        losers = []
        for losers_item_data in self.losers:
            losers_item = losers_item_data.to_dict()
            losers.append(losers_item)

        turnover = []
        for turnover_item_data in self.turnover:
            turnover_item = turnover_item_data.to_dict()
            turnover.append(turnover_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "gainers": gainers,
                "losers": losers,
                "turnover": turnover,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.mover import Mover  # noqa: PLC0415

        d = dict(src_dict)
        gainers = []
        _gainers = d.pop("gainers")
        for gainers_item_data in _gainers:
            gainers_item = Mover.from_dict(gainers_item_data)

            gainers.append(gainers_item)

        losers = []
        _losers = d.pop("losers")
        for losers_item_data in _losers:
            losers_item = Mover.from_dict(losers_item_data)

            losers.append(losers_item)

        turnover = []
        _turnover = d.pop("turnover")
        for turnover_item_data in _turnover:
            turnover_item = Mover.from_dict(turnover_item_data)

            turnover.append(turnover_item)

        market_movers = cls(
            gainers=gainers,
            losers=losers,
            turnover=turnover,
        )

        market_movers.additional_properties = d
        return market_movers

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
