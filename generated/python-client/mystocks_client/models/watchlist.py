from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.watchlist_item import WatchlistItem


T = TypeVar("T", bound="Watchlist")


@_attrs_define
class Watchlist:
    """One of your watchlists: a name and up to 500 instruments in your order. Watchlists are
    private: nobody else sees them, admins included. `version` grows with every change, items
    included; it is the `ETag`.

        Example:
            {'id': 1, 'owner': 'alice', 'name': '银行', 'version': 3, 'items': [{'symbol': '600036.SH', 'position': 0, 'note':
                '银行龙头', 'added_at': '2026-11-24T05:00:00Z'}, {'symbol': '000001.SZ', 'position': 1, 'note': None, 'added_at':
                '2026-11-24T05:01:00Z'}], 'created_at': '2026-11-24T05:00:00Z', 'updated_at': '2026-11-24T05:01:00Z'}

        Attributes:
            id (int):
            owner (str):
            name (str):
            version (int):
            items (list[WatchlistItem]):
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
    """

    id: int
    owner: str
    name: str
    version: int
    items: list[WatchlistItem]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        owner = self.owner

        name = self.name

        version = self.version

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "owner": owner,
                "name": name,
                "version": version,
                "items": items,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.watchlist_item import WatchlistItem  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        owner = d.pop("owner")

        name = d.pop("name")

        version = d.pop("version")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = WatchlistItem.from_dict(items_item_data)

            items.append(items_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        watchlist = cls(
            id=id,
            owner=owner,
            name=name,
            version=version,
            items=items,
            created_at=created_at,
            updated_at=updated_at,
        )

        watchlist.additional_properties = d
        return watchlist

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
