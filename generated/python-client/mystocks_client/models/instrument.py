from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.adjust import Adjust
from ..models.exchange import Exchange
from ..models.instrument_board import InstrumentBoard
from ..models.instrument_currency import InstrumentCurrency
from ..models.instrument_market import InstrumentMarket
from ..models.instrument_type import InstrumentType
from ..types import UNSET, Unset

T = TypeVar("T", bound="Instrument")


@_attrs_define
class Instrument:
    """
    Example:
        {'symbol': '600036.SH', 'code': '600036', 'name': '招商银行', 'pinyin': 'zsyh', 'exchange': 'SSE', 'market': 'CN',
            'type': 'stock', 'industry': '银行', 'currency': 'CNY', 'timezone': 'Asia/Shanghai', 'board': 'main', 'lot_size':
            100, 'tick_size': 0.01, 'price_limit_pct': 0.1, 'listed': None, 'adjust_modes': ['qfq'], 'bars_from':
            '2011-07-28', 'bars_to': '2017-07-26'}

    Attributes:
        symbol (str):  Example: 600036.SH.
        code (str):  Example: 600036.
        name (str): Name as listed (Chinese for A-shares). Example: 招商银行.
        exchange (Exchange): Listing exchange. Example: SSE.
        market (InstrumentMarket):
        type_ (InstrumentType):  Example: stock.
        currency (InstrumentCurrency):
        timezone (str): IANA zone of the exchange; bar and tick times are given in it. Example: Asia/Shanghai.
        board (InstrumentBoard): `main`, `chinext` (创业板, 300/301), `star` (科创板, 688/689), `bse` (北交所), `index`, or `us`.
        lot_size (int): Board lot in shares (100 for A-share buys).
        tick_size (float): Minimum price step. Example: 0.01.
        listed (datetime.date | None): The listing date (上市日期), when a provider gave it; null for the shipped sample.
            Example: 2002-04-09.
        adjust_modes (list[Adjust]): The `adjust` values its bars and indicators accept, the default first.
        bars_from (datetime.date | None): The first stored daily bar; null when none is stored (bars then answer an
            empty page with a `note`). Example: 2011-07-28.
        bars_to (datetime.date | None): The newest stored daily bar; null when none is stored. Example: 2017-07-26.
        pinyin (str | Unset): Lower-case pinyin initials of the Chinese name, as terminals search (`zsyh`). Example:
            zsyh.
        industry (None | str | Unset):  Example: 银行.
        price_limit_pct (float | None | Unset): The daily price-limit band as listed, a fraction (0.10 main board, 0.20
            ChiNext/STAR, 0.30 Beijing, 0.05 for ST names in the sample's years); null where there is none. The band on a
            given day follows the board's rules of that date (ChiNext was 0.10 before 2020-08-24; main-board ST 0.05 before
            2025-07-07), as quotes and backtests apply them. Example: 0.1.
    """

    symbol: str
    code: str
    name: str
    exchange: Exchange
    market: InstrumentMarket
    type_: InstrumentType
    currency: InstrumentCurrency
    timezone: str
    board: InstrumentBoard
    lot_size: int
    tick_size: float
    listed: datetime.date | None
    adjust_modes: list[Adjust]
    bars_from: datetime.date | None
    bars_to: datetime.date | None
    pinyin: str | Unset = UNSET
    industry: None | str | Unset = UNSET
    price_limit_pct: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        symbol = self.symbol

        code = self.code

        name = self.name

        exchange = self.exchange.value

        market = self.market.value

        type_ = self.type_.value

        currency = self.currency.value

        timezone = self.timezone

        board = self.board.value

        lot_size = self.lot_size

        tick_size = self.tick_size

        listed: None | str
        if isinstance(self.listed, datetime.date):
            listed = self.listed.isoformat()
        else:
            listed = self.listed

        adjust_modes = []
        for adjust_modes_item_data in self.adjust_modes:
            adjust_modes_item = adjust_modes_item_data.value
            adjust_modes.append(adjust_modes_item)

        bars_from: None | str
        if isinstance(self.bars_from, datetime.date):
            bars_from = self.bars_from.isoformat()
        else:
            bars_from = self.bars_from

        bars_to: None | str
        if isinstance(self.bars_to, datetime.date):
            bars_to = self.bars_to.isoformat()
        else:
            bars_to = self.bars_to

        pinyin = self.pinyin

        industry: None | str | Unset
        if isinstance(self.industry, Unset):
            industry = UNSET
        else:
            industry = self.industry

        price_limit_pct: float | None | Unset
        if isinstance(self.price_limit_pct, Unset):
            price_limit_pct = UNSET
        else:
            price_limit_pct = self.price_limit_pct

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "symbol": symbol,
                "code": code,
                "name": name,
                "exchange": exchange,
                "market": market,
                "type": type_,
                "currency": currency,
                "timezone": timezone,
                "board": board,
                "lot_size": lot_size,
                "tick_size": tick_size,
                "listed": listed,
                "adjust_modes": adjust_modes,
                "bars_from": bars_from,
                "bars_to": bars_to,
            }
        )
        if pinyin is not UNSET:
            field_dict["pinyin"] = pinyin
        if industry is not UNSET:
            field_dict["industry"] = industry
        if price_limit_pct is not UNSET:
            field_dict["price_limit_pct"] = price_limit_pct

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        symbol = d.pop("symbol")

        code = d.pop("code")

        name = d.pop("name")

        exchange = Exchange(d.pop("exchange"))

        market = InstrumentMarket(d.pop("market"))

        type_ = InstrumentType(d.pop("type"))

        currency = InstrumentCurrency(d.pop("currency"))

        timezone = d.pop("timezone")

        board = InstrumentBoard(d.pop("board"))

        lot_size = d.pop("lot_size")

        tick_size = d.pop("tick_size")

        def _parse_listed(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                listed_type_0 = datetime.date.fromisoformat(data)

                return listed_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        listed = _parse_listed(d.pop("listed"))

        adjust_modes = []
        _adjust_modes = d.pop("adjust_modes")
        for adjust_modes_item_data in _adjust_modes:
            adjust_modes_item = Adjust(adjust_modes_item_data)

            adjust_modes.append(adjust_modes_item)

        def _parse_bars_from(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                bars_from_type_0 = datetime.date.fromisoformat(data)

                return bars_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        bars_from = _parse_bars_from(d.pop("bars_from"))

        def _parse_bars_to(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                bars_to_type_0 = datetime.date.fromisoformat(data)

                return bars_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        bars_to = _parse_bars_to(d.pop("bars_to"))

        pinyin = d.pop("pinyin", UNSET)

        def _parse_industry(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        industry = _parse_industry(d.pop("industry", UNSET))

        def _parse_price_limit_pct(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        price_limit_pct = _parse_price_limit_pct(d.pop("price_limit_pct", UNSET))

        instrument = cls(
            symbol=symbol,
            code=code,
            name=name,
            exchange=exchange,
            market=market,
            type_=type_,
            currency=currency,
            timezone=timezone,
            board=board,
            lot_size=lot_size,
            tick_size=tick_size,
            listed=listed,
            adjust_modes=adjust_modes,
            bars_from=bars_from,
            bars_to=bars_to,
            pinyin=pinyin,
            industry=industry,
            price_limit_pct=price_limit_pct,
        )

        instrument.additional_properties = d
        return instrument

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
