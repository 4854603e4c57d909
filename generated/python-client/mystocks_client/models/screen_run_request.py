from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.all_condition import AllCondition
    from ..models.any_condition import AnyCondition
    from ..models.breakout_condition import BreakoutCondition
    from ..models.change_condition import ChangeCondition
    from ..models.compare_condition import CompareCondition
    from ..models.cross_condition import CrossCondition
    from ..models.not_condition import NotCondition
    from ..models.screen_universe import ScreenUniverse
    from ..models.volume_ratio_condition import VolumeRatioCondition


T = TypeVar("T", bound="ScreenRunRequest")


@_attrs_define
class ScreenRunRequest:
    """What to screen: exactly one of `condition` (ad hoc), `screen_id` (one of your saved screens)
    or `builtin` (an id of `GET /api/v1/screens/builtin`), else 422. `as_of` defaults to the
    latest day with bars; symbols without a bar that day (suspended) never match.

        Example:
            {'condition': {'kind': 'all', 'conditions': [{'kind': 'compare', 'left': {'field': 'close'}, 'op': 'gt',
                'right': {'indicator': 'MA', 'params': [20]}}, {'kind': 'compare', 'left': {'indicator': 'RSI', 'params': [6]},
                'op': 'lt', 'right': 80}]}, 'universe': {'exchange': 'SSE'}, 'as_of': '2017-07-26'}

        Attributes:
            condition (AllCondition | AnyCondition | BreakoutCondition | ChangeCondition | CompareCondition | CrossCondition
                | NotCondition | Unset | VolumeRatioCondition): One screening condition, evaluated for every symbol of the
                universe on the as-of day; `kind`
                says which. `all`, `any` and `not` combine others, nested at most 5 deep. Indicators are the
                ones of `GET /api/v1/market/indicators` (same code, same 通达信 conventions).
                 Example: {'kind': 'compare', 'left': {'field': 'close'}, 'op': 'gt', 'right': {'indicator': 'MA', 'params':
                [20]}}.
            screen_id (int | Unset):
            builtin (str | Unset):
            universe (ScreenUniverse | Unset): Which instruments to screen; every filter given must hold (none: every
                instrument with a bar
                on the as-of day). `watchlist_id` must be one of your watchlists (404 otherwise).
                 Example: {'exchange': 'SSE', 'type': 'stock'}.
            as_of (datetime.date | Unset):
    """

    condition: (
        AllCondition
        | AnyCondition
        | BreakoutCondition
        | ChangeCondition
        | CompareCondition
        | CrossCondition
        | NotCondition
        | Unset
        | VolumeRatioCondition
    ) = UNSET
    screen_id: int | Unset = UNSET
    builtin: str | Unset = UNSET
    universe: ScreenUniverse | Unset = UNSET
    as_of: datetime.date | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.all_condition import AllCondition  # noqa: PLC0415
        from ..models.any_condition import AnyCondition  # noqa: PLC0415
        from ..models.breakout_condition import BreakoutCondition  # noqa: PLC0415
        from ..models.change_condition import ChangeCondition  # noqa: PLC0415
        from ..models.compare_condition import CompareCondition  # noqa: PLC0415
        from ..models.cross_condition import CrossCondition  # noqa: PLC0415
        from ..models.volume_ratio_condition import VolumeRatioCondition  # noqa: PLC0415

        condition: dict[str, Any] | Unset
        if isinstance(self.condition, Unset):
            condition = UNSET
        elif isinstance(self.condition, CompareCondition):
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

        screen_id = self.screen_id

        builtin = self.builtin

        universe: dict[str, Any] | Unset = UNSET
        if not isinstance(self.universe, Unset):
            universe = self.universe.to_dict()

        as_of: str | Unset = UNSET
        if not isinstance(self.as_of, Unset):
            as_of = self.as_of.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if condition is not UNSET:
            field_dict["condition"] = condition
        if screen_id is not UNSET:
            field_dict["screen_id"] = screen_id
        if builtin is not UNSET:
            field_dict["builtin"] = builtin
        if universe is not UNSET:
            field_dict["universe"] = universe
        if as_of is not UNSET:
            field_dict["as_of"] = as_of

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
        from ..models.screen_universe import ScreenUniverse  # noqa: PLC0415
        from ..models.volume_ratio_condition import VolumeRatioCondition  # noqa: PLC0415

        d = dict(src_dict)

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
            | Unset
            | VolumeRatioCondition
        ):
            if isinstance(data, Unset):
                return data
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

        condition = _parse_condition(d.pop("condition", UNSET))

        screen_id = d.pop("screen_id", UNSET)

        builtin = d.pop("builtin", UNSET)

        _universe = d.pop("universe", UNSET)
        universe: ScreenUniverse | Unset
        if isinstance(_universe, Unset):
            universe = UNSET
        else:
            universe = ScreenUniverse.from_dict(_universe)

        _as_of = d.pop("as_of", UNSET)
        as_of: datetime.date | Unset
        if isinstance(_as_of, Unset):
            as_of = UNSET
        else:
            as_of = datetime.date.fromisoformat(_as_of)

        screen_run_request = cls(
            condition=condition,
            screen_id=screen_id,
            builtin=builtin,
            universe=universe,
            as_of=as_of,
        )

        return screen_run_request
