from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.period import Period
from ..models.sma_cross_definition_type import SmaCrossDefinitionType
from ..models.strategy_status import StrategyStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.sma_cross_parameters import SmaCrossParameters


T = TypeVar("T", bound="StrategyInputSmaCross")


@_attrs_define
class StrategyInputSmaCross:
    """A new strategy, or all of one (`PUT`): name, symbols, type and that type's parameters
    (`{"name": "sma 5/20", "type": "sma_cross", "parameters": {"fast": 5, "slow": 20}, "symbols": ["000001.SZ"]}`).
    Parameters left out take their defaults. (`sma_cross`)

        Attributes:
            name (str):  Example: sma 5/20.
            symbols (list[str]):  Example: ['600036.SH'].
            type_ (SmaCrossDefinitionType):
            parameters (SmaCrossParameters): Moving-average crossover; `fast` must be below `slow`. Example: {'fast': 5,
                'slow': 20}.
            description (str | Unset):  Example: Classic moving-average crossover on a bank stock..
            period (Period | Unset): `1m` `5m` `15m` `30m` `60m` intraday; `1d` daily; `1w` weekly; `1M` monthly. A-share
                60-minute
                bars are 09:30-10:30, 10:30-11:30, 13:00-14:00, 14:00-15:00 (stamped 10:30, 11:30, 14:00, 15:00).
                Weekly and monthly bars aggregate the daily bars of each calendar week or month.
                 Example: 1d.
            status (StrategyStatus | Unset): `draft` when created; `active` strategies are the ones to run; `archived` ones
                are kept for the record. Example: active.
    """

    name: str
    symbols: list[str]
    type_: SmaCrossDefinitionType
    parameters: SmaCrossParameters
    description: str | Unset = UNSET
    period: Period | Unset = UNSET
    status: StrategyStatus | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        symbols = self.symbols

        type_ = self.type_.value

        parameters = self.parameters.to_dict()

        description = self.description

        period: str | Unset = UNSET
        if not isinstance(self.period, Unset):
            period = self.period.value

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "symbols": symbols,
                "type": type_,
                "parameters": parameters,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if period is not UNSET:
            field_dict["period"] = period
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sma_cross_parameters import SmaCrossParameters  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        symbols = cast(list[str], d.pop("symbols"))

        type_ = SmaCrossDefinitionType(d.pop("type"))

        parameters = SmaCrossParameters.from_dict(d.pop("parameters"))

        description = d.pop("description", UNSET)

        _period = d.pop("period", UNSET)
        period: Period | Unset
        if isinstance(_period, Unset):
            period = UNSET
        else:
            period = Period(_period)

        _status = d.pop("status", UNSET)
        status: StrategyStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = StrategyStatus(_status)

        strategy_input_sma_cross = cls(
            name=name,
            symbols=symbols,
            type_=type_,
            parameters=parameters,
            description=description,
            period=period,
            status=status,
        )

        strategy_input_sma_cross.additional_properties = d
        return strategy_input_sma_cross

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
