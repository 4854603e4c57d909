from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.rsi_reversion_definition_type import RsiReversionDefinitionType

if TYPE_CHECKING:
    from ..models.rsi_reversion_parameters import RsiReversionParameters


T = TypeVar("T", bound="RsiReversionDefinition")


@_attrs_define
class RsiReversionDefinition:
    """A `rsi_reversion` strategy's type and parameters.

    Example:
        {'type': 'rsi_reversion', 'parameters': {'period': 6, 'lower': 20, 'upper': 80}}

    Attributes:
        type_ (RsiReversionDefinitionType):
        parameters (RsiReversionParameters): RSI mean reversion (terminal RSI, SMA(X,N,1) smoothing); `lower` must be
            below `upper`. Example: {'period': 6, 'lower': 20, 'upper': 80}.
    """

    type_: RsiReversionDefinitionType
    parameters: RsiReversionParameters
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
        from ..models.rsi_reversion_parameters import RsiReversionParameters  # noqa: PLC0415

        d = dict(src_dict)
        type_ = RsiReversionDefinitionType(d.pop("type"))

        parameters = RsiReversionParameters.from_dict(d.pop("parameters"))

        rsi_reversion_definition = cls(
            type_=type_,
            parameters=parameters,
        )

        rsi_reversion_definition.additional_properties = d
        return rsi_reversion_definition

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
