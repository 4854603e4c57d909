from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.adjust import Adjust
from ..models.indicator_name import IndicatorName
from ..models.period import Period

if TYPE_CHECKING:
    from ..models.indicator_point import IndicatorPoint


T = TypeVar("T", bound="IndicatorPage")


@_attrs_define
class IndicatorPage:
    """
    Example:
        {'symbol': '600036.SH', 'period': '1d', 'adjust': 'qfq', 'indicator': 'MACD', 'params': [12, 26, 9], 'series':
            ['DIF', 'DEA', 'MACD'], 'items': [{'ts': '2017-07-26T00:00:00+08:00', 'values': {'DIF': 0.4123, 'DEA': 0.3871,
            'MACD': 0.0504}}], 'next_cursor': None}

    Attributes:
        symbol (str):
        period (Period): `1m` `5m` `15m` `30m` `60m` intraday; `1d` daily; `1w` weekly; `1M` monthly. A-share 60-minute
            bars are 09:30-10:30, 10:30-11:30, 13:00-14:00, 14:00-15:00 (stamped 10:30, 11:30, 14:00, 15:00).
            Weekly and monthly bars aggregate the daily bars of each calendar week or month.
             Example: 1d.
        adjust (Adjust): Price adjustment (复权): `none` as traded, `qfq` forward-adjusted (前复权: today's prices,
            earlier ones scaled down through each dividend and bonus issue), `hfq` back-adjusted (后复权:
            the listing's prices, later ones scaled up). Volumes are never adjusted.
             Example: qfq.
        indicator (IndicatorName): Indicators follow the formulas of the trading terminals A-share users compare with
            (通达信 / 同花顺), not TA-Lib's defaults. `SMA(X,N,M)` is the terminal recursion
            Y = (M·X + (N−M)·Y′)/N seeded with the first value; `EMA(X,N)` is Y = (2·X + (N−1)·Y′)/(N+1)
            seeded with the first close. Values are null until defined (warm-up). Every value is computed
            over the whole stored history, then the requested range is cut out, so a range's first values
            equal the terminal's.

            | name | params (default) | series | formula |
            |---|---|---|---|
            | MA | N… (5, 10, 20, 60) | MA5, MA10, … | mean of the last N closes; null for the first N−1 bars |
            | EMA | N… (12, 26) | EMA12, … | EMA(C,N), from the first bar |
            | MACD | fast, slow, signal (12, 26, 9) | DIF, DEA, MACD | DIF = EMA(C,fast) − EMA(C,slow); DEA =
            EMA(DIF,signal); MACD = 2·(DIF − DEA) |
            | RSI | N… (6, 12, 24) | RSI6, … | SMA(MAX(C−C′,0),N,1) / SMA(ABS(C−C′),N,1) × 100; null on the first bar |
            | BOLL | N, K (20, 2) | MID, UPPER, LOWER | MID = MA(C,N); UPPER/LOWER = MID ± K·STD(C,N), STD the sample
            deviation (n−1) |
            | KDJ | N, M1, M2 (9, 3, 3) | K, D, J | RSV = (C − LLV(L,N)) / (HHV(H,N) − LLV(L,N)) × 100 over the bars
            available; K = SMA(RSV,M1,1); D = SMA(K,M2,1); J = 3K − 2D |
            | ATR | N (14) | TR, ATR | TR = MAX(H−L, ABS(C′−H), ABS(C′−L)), TR₀ = H₀−L₀; ATR = MA(TR,N) (a simple mean, not
            Wilder's) |
             Example: MACD.
        params (list[float]): The parameters used (the defaults when none were given).
        series (list[str]): Series names, in the order a terminal lists them.
        items (list[IndicatorPoint]):
        next_cursor (None | str):
    """

    symbol: str
    period: Period
    adjust: Adjust
    indicator: IndicatorName
    params: list[float]
    series: list[str]
    items: list[IndicatorPoint]
    next_cursor: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        symbol = self.symbol

        period = self.period.value

        adjust = self.adjust.value

        indicator = self.indicator.value

        params = self.params

        series = self.series

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        next_cursor: None | str
        next_cursor = self.next_cursor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "symbol": symbol,
                "period": period,
                "adjust": adjust,
                "indicator": indicator,
                "params": params,
                "series": series,
                "items": items,
                "next_cursor": next_cursor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.indicator_point import IndicatorPoint  # noqa: PLC0415

        d = dict(src_dict)
        symbol = d.pop("symbol")

        period = Period(d.pop("period"))

        adjust = Adjust(d.pop("adjust"))

        indicator = IndicatorName(d.pop("indicator"))

        params = cast(list[float], d.pop("params"))

        series = cast(list[str], d.pop("series"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = IndicatorPoint.from_dict(items_item_data)

            items.append(items_item)

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        indicator_page = cls(
            symbol=symbol,
            period=period,
            adjust=adjust,
            indicator=indicator,
            params=params,
            series=series,
            items=items,
            next_cursor=next_cursor,
        )

        indicator_page.additional_properties = d
        return indicator_page

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
