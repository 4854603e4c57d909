from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.momentum_definition_type import MomentumDefinitionType

if TYPE_CHECKING:
    from ..models.momentum_parameters import MomentumParameters


T = TypeVar("T", bound="MomentumDefinition")


@_attrs_define
class MomentumDefinition:
    """A `momentum` strategy's type and parameters.

    Example:
        {'type': 'momentum', 'parameters': {'lookback': 20, 'threshold': 0.05}}

    Attributes:
        type_ (MomentumDefinitionType):
        parameters (MomentumParameters): N-bar momentum. Example: {'lookback': 20, 'threshold': 0.05}.
    """

    type_: MomentumDefinitionType
    parameters: MomentumParameters
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
        from ..models.momentum_parameters import MomentumParameters  # noqa: PLC0415

        d = dict(src_dict)
        type_ = MomentumDefinitionType(d.pop("type"))

        parameters = MomentumParameters.from_dict(d.pop("parameters"))

        momentum_definition = cls(
            type_=type_,
            parameters=parameters,
        )

        momentum_definition.additional_properties = d
        return momentum_definition

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
