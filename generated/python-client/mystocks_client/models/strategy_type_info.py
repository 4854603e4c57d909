from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.strategy_type import StrategyType

if TYPE_CHECKING:
    from ..models.strategy_parameter_info import StrategyParameterInfo


T = TypeVar("T", bound="StrategyTypeInfo")


@_attrs_define
class StrategyTypeInfo:
    """One built-in strategy type and its parameters (bounds and defaults).

    Example:
        {'type': 'sma_cross', 'title': 'Moving-average crossover', 'description': 'Long while MA(fast) > MA(slow).',
            'parameters': [{'name': 'fast', 'kind': 'integer', 'minimum': 1, 'maximum': 250, 'default': 5, 'description':
            'Bars in the fast moving average.'}]}

    Attributes:
        type_ (StrategyType): A built-in strategy. Every type is long-only (A-shares are hard to short): it holds the
            whole
            position while its condition stands and none otherwise; signals are decided at a bar's close
            and filled at the next bar's open.
            - `sma_cross`: long while MA(fast) > MA(slow), compared exactly on the 0.01 price grid (a tie keeps the previous
            state);
            - `rsi_reversion`: enter when RSI(period) < lower, exit when RSI > upper;
            - `bollinger_breakout`: enter when the close breaks above the upper band, exit below the middle;
            - `macd_trend`: long while DIF > DEA;
            - `momentum`: long while the `lookback`-bar return exceeds `threshold`.
             Example: sma_cross.
        title (str):
        description (str):
        parameters (list[StrategyParameterInfo]):
    """

    type_: StrategyType
    title: str
    description: str
    parameters: list[StrategyParameterInfo]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        title = self.title

        description = self.description

        parameters = []
        for parameters_item_data in self.parameters:
            parameters_item = parameters_item_data.to_dict()
            parameters.append(parameters_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "title": title,
                "description": description,
                "parameters": parameters,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.strategy_parameter_info import StrategyParameterInfo  # noqa: PLC0415

        d = dict(src_dict)
        type_ = StrategyType(d.pop("type"))

        title = d.pop("title")

        description = d.pop("description")

        parameters = []
        _parameters = d.pop("parameters")
        for parameters_item_data in _parameters:
            parameters_item = StrategyParameterInfo.from_dict(parameters_item_data)

            parameters.append(parameters_item)

        strategy_type_info = cls(
            type_=type_,
            title=title,
            description=description,
            parameters=parameters,
        )

        strategy_type_info.additional_properties = d
        return strategy_type_info

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
