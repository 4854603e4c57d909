from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.quote import Quote


T = TypeVar("T", bound="WatchlistQuoteItem")


@_attrs_define
class WatchlistQuoteItem:
    """A watchlist item with its latest quote; no `quote` while its instrument has no market data.

    Example:
        {'symbol': '600036.SH', 'position': 0, 'note': '银行龙头', 'quote': {'symbol': '600036.SH', 'name': '招商银行', 'last':
            24.36, 'open': 24.1, 'high': 24.5, 'low': 24.02, 'prev_close': 24.08, 'change': 0.28, 'change_pct': 1.16,
            'volume': 48213300, 'amount': 1170412345.0, 'limit_up': 26.49, 'limit_down': 21.67, 'timestamp':
            '2017-07-26T14:59:50+08:00', 'source': 'real'}}

    Attributes:
        symbol (str):
        position (int):
        note (None | str):
        quote (Quote | Unset): The latest quote. `change` = last − prev_close; `change_pct` = change / prev_close × 100.
            Example: {'symbol': '600036.SH', 'name': '招商银行', 'last': 24.36, 'open': 24.1, 'high': 24.5, 'low': 24.02,
            'prev_close': 24.08, 'change': 0.28, 'change_pct': 1.16, 'volume': 48213300, 'amount': 1170412345.0, 'limit_up':
            26.49, 'limit_down': 21.67, 'timestamp': '2017-07-26T15:00:00+08:00', 'source': 'simulated'}.
    """

    symbol: str
    position: int
    note: None | str
    quote: Quote | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        symbol = self.symbol

        position = self.position

        note: None | str
        note = self.note

        quote: dict[str, Any] | Unset = UNSET
        if not isinstance(self.quote, Unset):
            quote = self.quote.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "symbol": symbol,
                "position": position,
                "note": note,
            }
        )
        if quote is not UNSET:
            field_dict["quote"] = quote

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.quote import Quote  # noqa: PLC0415

        d = dict(src_dict)
        symbol = d.pop("symbol")

        position = d.pop("position")

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        _quote = d.pop("quote", UNSET)
        quote: Quote | Unset
        if isinstance(_quote, Unset):
            quote = UNSET
        else:
            quote = Quote.from_dict(_quote)

        watchlist_quote_item = cls(
            symbol=symbol,
            position=position,
            note=note,
            quote=quote,
        )

        watchlist_quote_item.additional_properties = d
        return watchlist_quote_item

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
