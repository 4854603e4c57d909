from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.watchlist_item_seed import WatchlistItemSeed


T = TypeVar("T", bound="WatchlistInput")


@_attrs_define
class WatchlistInput:
    """A new watchlist: its name and, optionally, its first items in order (each symbol once, each a
    listed instrument; otherwise 422 naming the item). At most 50 watchlists per user.

        Example:
            {'name': '银行', 'items': [{'symbol': '600036.SH', 'note': '银行龙头'}, {'symbol': '000001.SZ'}]}

        Attributes:
            name (str):
            items (list[WatchlistItemSeed] | Unset):
    """

    name: str
    items: list[WatchlistItemSeed] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = []
            for items_item_data in self.items:
                items_item = items_item_data.to_dict()
                items.append(items_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if items is not UNSET:
            field_dict["items"] = items

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.watchlist_item_seed import WatchlistItemSeed  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        _items = d.pop("items", UNSET)
        items: list[WatchlistItemSeed] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = WatchlistItemSeed.from_dict(items_item_data)

                items.append(items_item)

        watchlist_input = cls(
            name=name,
            items=items,
        )

        return watchlist_input
