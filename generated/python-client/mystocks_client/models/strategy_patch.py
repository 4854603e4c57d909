from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.strategy_status import StrategyStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.strategy_patch_parameters import StrategyPatchParameters


T = TypeVar("T", bound="StrategyPatch")


@_attrs_define
class StrategyPatch:
    """The fields to change; the others stay. `parameters` are merged into the current ones and
    checked against the strategy's type (changing the type needs a `PUT`).

        Example:
            {'parameters': {'slow': 30}, 'status': 'active'}

        Attributes:
            name (str | Unset):
            description (str | Unset):
            symbols (list[str] | Unset):
            status (StrategyStatus | Unset): `draft` when created; `active` strategies are the ones to run; `archived` ones
                are kept for the record. Example: active.
            parameters (StrategyPatchParameters | Unset): Some or all of the type's parameters.
    """

    name: str | Unset = UNSET
    description: str | Unset = UNSET
    symbols: list[str] | Unset = UNSET
    status: StrategyStatus | Unset = UNSET
    parameters: StrategyPatchParameters | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        symbols: list[str] | Unset = UNSET
        if not isinstance(self.symbols, Unset):
            symbols = self.symbols

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        parameters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.parameters, Unset):
            parameters = self.parameters.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if symbols is not UNSET:
            field_dict["symbols"] = symbols
        if status is not UNSET:
            field_dict["status"] = status
        if parameters is not UNSET:
            field_dict["parameters"] = parameters

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.strategy_patch_parameters import StrategyPatchParameters  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        description = d.pop("description", UNSET)

        symbols = cast(list[str], d.pop("symbols", UNSET))

        _status = d.pop("status", UNSET)
        status: StrategyStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = StrategyStatus(_status)

        _parameters = d.pop("parameters", UNSET)
        parameters: StrategyPatchParameters | Unset
        if isinstance(_parameters, Unset):
            parameters = UNSET
        else:
            parameters = StrategyPatchParameters.from_dict(_parameters)

        strategy_patch = cls(
            name=name,
            description=description,
            symbols=symbols,
            status=status,
            parameters=parameters,
        )

        return strategy_patch
