from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.version_info_environment import VersionInfoEnvironment

T = TypeVar("T", bound="VersionInfo")


@_attrs_define
class VersionInfo:
    """
    Example:
        {'name': 'mystocks', 'version': '0.1.0', 'api_version': '0.1.0', 'environment': 'development'}

    Attributes:
        name (str):  Example: mystocks.
        version (str): Server version. Example: 0.1.0.
        api_version (str): The `info.version` of the contract the server was built from. Example: 0.1.0.
        environment (VersionInfoEnvironment):
    """

    name: str
    version: str
    api_version: str
    environment: VersionInfoEnvironment
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        version = self.version

        api_version = self.api_version

        environment = self.environment.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "version": version,
                "api_version": api_version,
                "environment": environment,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        version = d.pop("version")

        api_version = d.pop("api_version")

        environment = VersionInfoEnvironment(d.pop("environment"))

        version_info = cls(
            name=name,
            version=version,
            api_version=api_version,
            environment=environment,
        )

        version_info.additional_properties = d
        return version_info

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
