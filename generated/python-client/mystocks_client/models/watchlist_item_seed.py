from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="WatchlistItemSeed")


@_attrs_define
class WatchlistItemSeed:
    """One first item of a new watchlist.

    Example:
        {'symbol': '600036.SH', 'note': '银行龙头'}

    Attributes:
        symbol (str):
        note (None | str | Unset):
    """

    symbol: str
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        symbol = self.symbol

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "symbol": symbol,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        symbol = d.pop("symbol")

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        watchlist_item_seed = cls(
            symbol=symbol,
            note=note,
        )

        return watchlist_item_seed
