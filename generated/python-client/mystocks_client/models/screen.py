from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.all_condition import AllCondition
    from ..models.any_condition import AnyCondition
    from ..models.breakout_condition import BreakoutCondition
    from ..models.change_condition import ChangeCondition
    from ..models.compare_condition import CompareCondition
    from ..models.cross_condition import CrossCondition
    from ..models.not_condition import NotCondition
    from ..models.volume_ratio_condition import VolumeRatioCondition


T = TypeVar("T", bound="Screen")


@_attrs_define
class Screen:
    """A saved screen of yours; `version` is its ETag, bumped by every change.

    Example:
        {'id': 1, 'owner': 'alice', 'name': '站上20日线', 'description': '', 'condition': {'kind': 'compare', 'left':
            {'field': 'close'}, 'op': 'gt', 'right': {'indicator': 'MA', 'params': [20]}}, 'version': 1, 'created_at':
            '2026-11-24T05:00:00Z', 'updated_at': '2026-11-24T05:00:00Z'}

    Attributes:
        id (int):
        owner (str):
        name (str):
        description (str):
        condition (AllCondition | AnyCondition | BreakoutCondition | ChangeCondition | CompareCondition | CrossCondition
            | NotCondition | VolumeRatioCondition): One screening condition, evaluated for every symbol of the universe on
            the as-of day; `kind`
            says which. `all`, `any` and `not` combine others, nested at most 5 deep. Indicators are the
            ones of `GET /api/v1/market/indicators` (same code, same 通达信 conventions).
             Example: {'kind': 'compare', 'left': {'field': 'close'}, 'op': 'gt', 'right': {'indicator': 'MA', 'params':
            [20]}}.
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    owner: str
    name: str
    description: str
    condition: (
        AllCondition
        | AnyCondition
        | BreakoutCondition
        | ChangeCondition
        | CompareCondition
        | CrossCondition
        | NotCondition
        | VolumeRatioCondition
    )
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.all_condition import AllCondition  # noqa: PLC0415
        from ..models.any_condition import AnyCondition  # noqa: PLC0415
        from ..models.breakout_condition import BreakoutCondition  # noqa: PLC0415
        from ..models.change_condition import ChangeCondition  # noqa: PLC0415
        from ..models.compare_condition import CompareCondition  # noqa: PLC0415
        from ..models.cross_condition import CrossCondition  # noqa: PLC0415
        from ..models.volume_ratio_condition import VolumeRatioCondition  # noqa: PLC0415

        id = self.id

        owner = self.owner

        name = self.name

        description = self.description

        condition: dict[str, Any]
        if isinstance(self.condition, CompareCondition):
            condition = self.condition.to_dict()
        elif isinstance(self.condition, CrossCondition):
            condition = self.condition.to_dict()
        elif isinstance(self.condition, ChangeCondition):
            condition = self.condition.to_dict()
        elif isinstance(self.condition, BreakoutCondition):
            condition = self.condition.to_dict()
        elif isinstance(self.condition, VolumeRatioCondition):
            condition = self.condition.to_dict()
        elif isinstance(self.condition, AllCondition):
            condition = self.condition.to_dict()
        elif isinstance(self.condition, AnyCondition):
            condition = self.condition.to_dict()
        else:
            condition = self.condition.to_dict()

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "owner": owner,
                "name": name,
                "description": description,
                "condition": condition,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.all_condition import AllCondition  # noqa: PLC0415
        from ..models.any_condition import AnyCondition  # noqa: PLC0415
        from ..models.breakout_condition import BreakoutCondition  # noqa: PLC0415
        from ..models.change_condition import ChangeCondition  # noqa: PLC0415
        from ..models.compare_condition import CompareCondition  # noqa: PLC0415
        from ..models.cross_condition import CrossCondition  # noqa: PLC0415
        from ..models.not_condition import NotCondition  # noqa: PLC0415
        from ..models.volume_ratio_condition import VolumeRatioCondition  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        owner = d.pop("owner")

        name = d.pop("name")

        description = d.pop("description")

        def _parse_condition(
            data: object,
        ) -> (
            AllCondition
            | AnyCondition
            | BreakoutCondition
            | ChangeCondition
            | CompareCondition
            | CrossCondition
            | NotCondition
            | VolumeRatioCondition
        ):
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_screen_condition_type_0 = CompareCondition.from_dict(data)

                return componentsschemas_screen_condition_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_screen_condition_type_1 = CrossCondition.from_dict(data)

                return componentsschemas_screen_condition_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_screen_condition_type_2 = ChangeCondition.from_dict(data)

                return componentsschemas_screen_condition_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_screen_condition_type_3 = BreakoutCondition.from_dict(data)

                return componentsschemas_screen_condition_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_screen_condition_type_4 = VolumeRatioCondition.from_dict(data)

                return componentsschemas_screen_condition_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_screen_condition_type_5 = AllCondition.from_dict(data)

                return componentsschemas_screen_condition_type_5
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_screen_condition_type_6 = AnyCondition.from_dict(data)

                return componentsschemas_screen_condition_type_6
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_screen_condition_type_7 = NotCondition.from_dict(data)

            return componentsschemas_screen_condition_type_7

        condition = _parse_condition(d.pop("condition"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        screen = cls(
            id=id,
            owner=owner,
            name=name,
            description=description,
            condition=condition,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        screen.additional_properties = d
        return screen

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
