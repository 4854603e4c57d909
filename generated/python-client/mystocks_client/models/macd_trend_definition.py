from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.macd_trend_definition_type import MacdTrendDefinitionType

if TYPE_CHECKING:
    from ..models.macd_trend_parameters import MacdTrendParameters


T = TypeVar("T", bound="MacdTrendDefinition")


@_attrs_define
class MacdTrendDefinition:
    """A `macd_trend` strategy's type and parameters.

    Example:
        {'type': 'macd_trend', 'parameters': {'fast': 12, 'slow': 26, 'signal': 9}}

    Attributes:
        type_ (MacdTrendDefinitionType):
        parameters (MacdTrendParameters): MACD trend (terminal EMAs); `fast` must be below `slow`. Example: {'fast': 12,
            'slow': 26, 'signal': 9}.
    """

    type_: MacdTrendDefinitionType
    parameters: MacdTrendParameters
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        parameters = self.parameters.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "parameters": parameters,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.macd_trend_parameters import MacdTrendParameters  # noqa: PLC0415

        d = dict(src_dict)
        type_ = MacdTrendDefinitionType(d.pop("type"))

        parameters = MacdTrendParameters.from_dict(d.pop("parameters"))

        macd_trend_definition = cls(
            type_=type_,
            parameters=parameters,
        )

        macd_trend_definition.additional_properties = d
        return macd_trend_definition

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
