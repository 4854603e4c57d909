from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.strategy_parameter_info_kind import StrategyParameterInfoKind

T = TypeVar("T", bound="StrategyParameterInfo")


@_attrs_define
class StrategyParameterInfo:
    """
    Example:
        {'name': 'fast', 'kind': 'integer', 'minimum': 1, 'maximum': 250, 'default': 5, 'description': 'Bars in the fast
            moving average.'}

    Attributes:
        name (str):
        kind (StrategyParameterInfoKind):
        minimum (float):
        maximum (float):
        default (float):
        description (str):
    """

    name: str
    kind: StrategyParameterInfoKind
    minimum: float
    maximum: float
    default: float
    description: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        kind = self.kind.value

        minimum = self.minimum

        maximum = self.maximum

        default = self.default

        description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "kind": kind,
                "minimum": minimum,
                "maximum": maximum,
                "default": default,
                "description": description,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        kind = StrategyParameterInfoKind(d.pop("kind"))

        minimum = d.pop("minimum")

        maximum = d.pop("maximum")

        default = d.pop("default")

        description = d.pop("description")

        strategy_parameter_info = cls(
            name=name,
            kind=kind,
            minimum=minimum,
            maximum=maximum,
            default=default,
            description=description,
        )

        strategy_parameter_info.additional_properties = d
        return strategy_parameter_info

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
