from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="BacktestCosts")


@_attrs_define
class BacktestCosts:
    """Trading costs, A-share style: commission on every fill with a minimum per fill, stamp duty
    on sells only, and slippage of whole price ticks against you (buys pay more, sells get less).

        Example:
            {'commission_rate': 0.00025, 'min_commission': 5, 'stamp_duty_rate': 0.0005, 'slippage_ticks': 1}

        Attributes:
            commission_rate (float | Unset):  Default: 0.00025.
            min_commission (float | Unset): In the instrument's currency, per fill. Default: 5.0.
            stamp_duty_rate (float | Unset):  Default: 0.0005.
            slippage_ticks (int | Unset):  Default: 1.
    """

    commission_rate: float | Unset = 0.00025
    min_commission: float | Unset = 5.0
    stamp_duty_rate: float | Unset = 0.0005
    slippage_ticks: int | Unset = 1

    def to_dict(self) -> dict[str, Any]:
        commission_rate = self.commission_rate

        min_commission = self.min_commission

        stamp_duty_rate = self.stamp_duty_rate

        slippage_ticks = self.slippage_ticks

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if commission_rate is not UNSET:
            field_dict["commission_rate"] = commission_rate
        if min_commission is not UNSET:
            field_dict["min_commission"] = min_commission
        if stamp_duty_rate is not UNSET:
            field_dict["stamp_duty_rate"] = stamp_duty_rate
        if slippage_ticks is not UNSET:
            field_dict["slippage_ticks"] = slippage_ticks

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        commission_rate = d.pop("commission_rate", UNSET)

        min_commission = d.pop("min_commission", UNSET)

        stamp_duty_rate = d.pop("stamp_duty_rate", UNSET)

        slippage_ticks = d.pop("slippage_ticks", UNSET)

        backtest_costs = cls(
            commission_rate=commission_rate,
            min_commission=min_commission,
            stamp_duty_rate=stamp_duty_rate,
            slippage_ticks=slippage_ticks,
        )

        return backtest_costs
