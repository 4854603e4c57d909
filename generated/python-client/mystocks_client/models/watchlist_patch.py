from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="WatchlistPatch")


@_attrs_define
class WatchlistPatch:
    """The fields to change. `symbols` reorders the list: every symbol of the list, each once, in the
    new order (otherwise 422); adding and removing items is `PUT` and `DELETE …/items/{symbol}`.

        Example:
            {'name': '银行股', 'symbols': ['000001.SZ', '600036.SH']}

        Attributes:
            name (str | Unset):
            symbols (list[str] | Unset):
    """

    name: str | Unset = UNSET
    symbols: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        symbols: list[str] | Unset = UNSET
        if not isinstance(self.symbols, Unset):
            symbols = self.symbols

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if symbols is not UNSET:
            field_dict["symbols"] = symbols

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        symbols = cast(list[str], d.pop("symbols", UNSET))

        watchlist_patch = cls(
            name=name,
            symbols=symbols,
        )

        return watchlist_patch
