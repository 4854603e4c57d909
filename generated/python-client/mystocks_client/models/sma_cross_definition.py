from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sma_cross_definition_type import SmaCrossDefinitionType

if TYPE_CHECKING:
    from ..models.sma_cross_parameters import SmaCrossParameters


T = TypeVar("T", bound="SmaCrossDefinition")


@_attrs_define
class SmaCrossDefinition:
    """A `sma_cross` strategy's type and parameters.

    Example:
        {'type': 'sma_cross', 'parameters': {'fast': 5, 'slow': 20}}

    Attributes:
        type_ (SmaCrossDefinitionType):
        parameters (SmaCrossParameters): Moving-average crossover; `fast` must be below `slow`. Example: {'fast': 5,
            'slow': 20}.
    """

    type_: SmaCrossDefinitionType
    parameters: SmaCrossParameters
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
        from ..models.sma_cross_parameters import SmaCrossParameters  # noqa: PLC0415

        d = dict(src_dict)
        type_ = SmaCrossDefinitionType(d.pop("type"))

        parameters = SmaCrossParameters.from_dict(d.pop("parameters"))

        sma_cross_definition = cls(
            type_=type_,
            parameters=parameters,
        )

        sma_cross_definition.additional_properties = d
        return sma_cross_definition

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
