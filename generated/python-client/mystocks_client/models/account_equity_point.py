from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AccountEquityPoint")


@_attrs_define
class AccountEquityPoint:
    """A paper account at one trading day's close: cash (free and frozen) and its holdings marked at
    the day's close (without a bar that day, the newest price known by then). The newest point is
    the account as it is now, marked at the latest trades.

        Example:
            {'date': '2026-11-24', 'cash': 989000, 'market_value': 10500, 'equity': 999500, 'daily_pnl': -300,
                'cumulative_return': -0.0005, 'drawdown': -0.0005}

        Attributes:
            date (datetime.date): The trading day (exchange-local).
            cash (float):
            market_value (float):
            equity (float): cash + market_value.
            daily_pnl (float): Equity minus the previous point's (the first point's minus the initial cash).
            cumulative_return (float): Equity / initial cash - 1 (0.012 is +1.2%).
            drawdown (float): Equity / the highest equity so far (the initial cash included) - 1; 0 at a new high.
    """

    date: datetime.date
    cash: float
    market_value: float
    equity: float
    daily_pnl: float
    cumulative_return: float
    drawdown: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        date = self.date.isoformat()

        cash = self.cash

        market_value = self.market_value

        equity = self.equity

        daily_pnl = self.daily_pnl

        cumulative_return = self.cumulative_return

        drawdown = self.drawdown

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "date": date,
                "cash": cash,
                "market_value": market_value,
                "equity": equity,
                "daily_pnl": daily_pnl,
                "cumulative_return": cumulative_return,
                "drawdown": drawdown,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        date = datetime.date.fromisoformat(d.pop("date"))

        cash = d.pop("cash")

        market_value = d.pop("market_value")

        equity = d.pop("equity")

        daily_pnl = d.pop("daily_pnl")

        cumulative_return = d.pop("cumulative_return")

        drawdown = d.pop("drawdown")

        account_equity_point = cls(
            date=date,
            cash=cash,
            market_value=market_value,
            equity=equity,
            daily_pnl=daily_pnl,
            cumulative_return=cumulative_return,
            drawdown=drawdown,
        )

        account_equity_point.additional_properties = d
        return account_equity_point

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
