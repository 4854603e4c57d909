from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BacktestMetrics")


@_attrs_define
class BacktestMetrics:
    """Results over the whole test. Returns are fractions (0.12 = 12%); annual return compounds over
    252 trading days a year; Sharpe and Sortino use daily returns, no risk-free rate, ×√252 (null
    when undefined); max drawdown is the largest fall from a peak, as a positive fraction; win
    rate is the share of round trips that made money after costs (null without one); turnover is
    traded value over average equity.

        Example:
            {'total_return': 0.124, 'annual_return': 0.124, 'sharpe': 0.91, 'sortino': 1.32, 'max_drawdown': 0.087,
                'win_rate': 0.55, 'round_trips': 11, 'turnover': 6.2, 'trades': 22, 'final_equity': 1124000.5}

        Attributes:
            total_return (float):
            annual_return (float | None): Null when the test spans no trading day.
            sharpe (float | None):
            sortino (float | None):
            max_drawdown (float):
            win_rate (float | None):
            turnover (float):
            round_trips (int): Closed buy-then-sell cycles (what `win_rate` counts).
            trades (int): Fills, buys and sells.
            final_equity (float):
    """

    total_return: float
    annual_return: float | None
    sharpe: float | None
    sortino: float | None
    max_drawdown: float
    win_rate: float | None
    turnover: float
    round_trips: int
    trades: int
    final_equity: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total_return = self.total_return

        annual_return: float | None
        annual_return = self.annual_return

        sharpe: float | None
        sharpe = self.sharpe

        sortino: float | None
        sortino = self.sortino

        max_drawdown = self.max_drawdown

        win_rate: float | None
        win_rate = self.win_rate

        turnover = self.turnover

        round_trips = self.round_trips

        trades = self.trades

        final_equity = self.final_equity

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total_return": total_return,
                "annual_return": annual_return,
                "sharpe": sharpe,
                "sortino": sortino,
                "max_drawdown": max_drawdown,
                "win_rate": win_rate,
                "turnover": turnover,
                "round_trips": round_trips,
                "trades": trades,
                "final_equity": final_equity,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        total_return = d.pop("total_return")

        def _parse_annual_return(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        annual_return = _parse_annual_return(d.pop("annual_return"))

        def _parse_sharpe(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        sharpe = _parse_sharpe(d.pop("sharpe"))

        def _parse_sortino(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        sortino = _parse_sortino(d.pop("sortino"))

        max_drawdown = d.pop("max_drawdown")

        def _parse_win_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        win_rate = _parse_win_rate(d.pop("win_rate"))

        turnover = d.pop("turnover")

        round_trips = d.pop("round_trips")

        trades = d.pop("trades")

        final_equity = d.pop("final_equity")

        backtest_metrics = cls(
            total_return=total_return,
            annual_return=annual_return,
            sharpe=sharpe,
            sortino=sortino,
            max_drawdown=max_drawdown,
            win_rate=win_rate,
            turnover=turnover,
            round_trips=round_trips,
            trades=trades,
            final_equity=final_equity,
        )

        backtest_metrics.additional_properties = d
        return backtest_metrics

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
