from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.store_check_name import StoreCheckName
from ..types import UNSET, Unset

T = TypeVar("T", bound="StoreCheck")


@_attrs_define
class StoreCheck:
    """
    Example:
        {'name': 'timeseries', 'backend': 'sqlite', 'ok': True, 'latency_ms': 0.3}

    Attributes:
        name (StoreCheckName): Which store (`redis` when one is configured).
        backend (str): The database behind it. Example: sqlite.
        ok (bool):
        latency_ms (float):
        error (str | Unset): Why the check failed (no secrets, no connection strings).
    """

    name: StoreCheckName
    backend: str
    ok: bool
    latency_ms: float
    error: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name.value

        backend = self.backend

        ok = self.ok

        latency_ms = self.latency_ms

        error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "backend": backend,
                "ok": ok,
                "latency_ms": latency_ms,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = StoreCheckName(d.pop("name"))

        backend = d.pop("backend")

        ok = d.pop("ok")

        latency_ms = d.pop("latency_ms")

        error = d.pop("error", UNSET)

        store_check = cls(
            name=name,
            backend=backend,
            ok=ok,
            latency_ms=latency_ms,
            error=error,
        )

        store_check.additional_properties = d
        return store_check

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
