from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.exchange import Exchange
from ..models.instrument_type import InstrumentType
from ..types import UNSET, Unset

T = TypeVar("T", bound="ScreenUniverse")


@_attrs_define
class ScreenUniverse:
    """Which instruments to screen; every filter given must hold (none: every instrument with a bar
    on the as-of day). `watchlist_id` must be one of your watchlists (404 otherwise).

        Example:
            {'exchange': 'SSE', 'type': 'stock'}

        Attributes:
            exchange (Exchange | Unset): Listing exchange. Example: SSE.
            industry (str | Unset):
            type_ (InstrumentType | Unset):  Example: stock.
            watchlist_id (int | Unset):
    """

    exchange: Exchange | Unset = UNSET
    industry: str | Unset = UNSET
    type_: InstrumentType | Unset = UNSET
    watchlist_id: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        exchange: str | Unset = UNSET
        if not isinstance(self.exchange, Unset):
            exchange = self.exchange.value

        industry = self.industry

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        watchlist_id = self.watchlist_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if exchange is not UNSET:
            field_dict["exchange"] = exchange
        if industry is not UNSET:
            field_dict["industry"] = industry
        if type_ is not UNSET:
            field_dict["type"] = type_
        if watchlist_id is not UNSET:
            field_dict["watchlist_id"] = watchlist_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _exchange = d.pop("exchange", UNSET)
        exchange: Exchange | Unset
        if isinstance(_exchange, Unset):
            exchange = UNSET
        else:
            exchange = Exchange(_exchange)

        industry = d.pop("industry", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: InstrumentType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = InstrumentType(_type_)

        watchlist_id = d.pop("watchlist_id", UNSET)

        screen_universe = cls(
            exchange=exchange,
            industry=industry,
            type_=type_,
            watchlist_id=watchlist_id,
        )

        return screen_universe
