from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.bollinger_breakout_definition_type import BollingerBreakoutDefinitionType

if TYPE_CHECKING:
    from ..models.bollinger_breakout_parameters import BollingerBreakoutParameters


T = TypeVar("T", bound="BollingerBreakoutDefinition")


@_attrs_define
class BollingerBreakoutDefinition:
    """A `bollinger_breakout` strategy's type and parameters.

    Example:
        {'type': 'bollinger_breakout', 'parameters': {'period': 20, 'k': 2}}

    Attributes:
        type_ (BollingerBreakoutDefinitionType):
        parameters (BollingerBreakoutParameters): Bollinger breakout (bands of the sample standard deviation, as
            terminals draw them). Example: {'period': 20, 'k': 2}.
    """

    type_: BollingerBreakoutDefinitionType
    parameters: BollingerBreakoutParameters
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
        from ..models.bollinger_breakout_parameters import BollingerBreakoutParameters  # noqa: PLC0415

        d = dict(src_dict)
        type_ = BollingerBreakoutDefinitionType(d.pop("type"))

        parameters = BollingerBreakoutParameters.from_dict(d.pop("parameters"))

        bollinger_breakout_definition = cls(
            type_=type_,
            parameters=parameters,
        )

        bollinger_breakout_definition.additional_properties = d
        return bollinger_breakout_definition

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
