from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="IndicatorOperand")


@_attrs_define
class IndicatorOperand:
    """One series of an indicator: `indicator` is a name of `IndicatorName` (MA, EMA, MACD, RSI, BOLL,
    KDJ, ATR), `params` its parameters (default the terminal's; MA, EMA and RSI take one period
    here), `output` which of its series (default the first: `DIF` of MACD, `MID` of BOLL, `K` of
    KDJ, `ATR` of ATR). An unknown name, a parameter out of bounds or an unknown output answers
    422 pointing at it.

        Example:
            {'indicator': 'MACD', 'params': [12, 26, 9], 'output': 'DEA'}

        Attributes:
            indicator (str):
            params (list[float] | Unset):
            output (str | Unset):
    """

    indicator: str
    params: list[float] | Unset = UNSET
    output: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        indicator = self.indicator

        params: list[float] | Unset = UNSET
        if not isinstance(self.params, Unset):
            params = self.params

        output = self.output

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "indicator": indicator,
            }
        )
        if params is not UNSET:
            field_dict["params"] = params
        if output is not UNSET:
            field_dict["output"] = output

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        indicator = d.pop("indicator")

        params = cast(list[float], d.pop("params", UNSET))

        output = d.pop("output", UNSET)

        indicator_operand = cls(
            indicator=indicator,
            params=params,
            output=output,
        )

        return indicator_operand
