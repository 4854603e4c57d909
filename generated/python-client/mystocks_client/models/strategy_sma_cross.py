from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.period import Period
from ..models.sma_cross_definition_type import SmaCrossDefinitionType
from ..models.strategy_meta_live import StrategyMetaLive
from ..models.strategy_status import StrategyStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.auto_trade_type_0 import AutoTradeType0
    from ..models.sma_cross_parameters import SmaCrossParameters


T = TypeVar("T", bound="StrategySmaCross")


@_attrs_define
class StrategySmaCross:
    """A stored strategy. (`sma_cross`)

    Attributes:
        id (int):
        owner (str): Username of the creator.
        status (StrategyStatus): `draft` when created; `active` strategies are the ones to run; `archived` ones are kept
            for the record. Example: active.
        version (int): Incremented by every change; send it back in `If-Match` (as the `ETag`).
        live (StrategyMetaLive): `running` while live signals are on (`POST …/start`, `POST …/stop`): the strategy is
            evaluated on every bar of its period that the live feed closes.
        live_since (datetime.datetime | None): When live signals were turned on; null while stopped.
        auto_trade (AutoTradeType0 | None): Trade a strategy's live signals on a paper account (null: they do not
            trade): a `buy` signal places a market order for
            `quantity` shares, a `sell` signal one for every share of the symbol the account can sell
            today. Orders take the same path and checks as `POST /api/v1/orders` (session, board lots,
            limit band, cash, T+1, risk limits); a refused one is kept on the signal (`order_refusal`).
             Example: {'account_id': 1, 'quantity': 1000}.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
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
    """

    id: int
    owner: str
    status: StrategyStatus
    version: int
    live: StrategyMetaLive
    live_since: datetime.datetime | None
    auto_trade: AutoTradeType0 | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    name: str
    symbols: list[str]
    type_: SmaCrossDefinitionType
    parameters: SmaCrossParameters
    description: str | Unset = UNSET
    period: Period | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.auto_trade_type_0 import AutoTradeType0  # noqa: PLC0415

        id = self.id

        owner = self.owner

        status = self.status.value

        version = self.version

        live = self.live.value

        live_since: None | str
        if isinstance(self.live_since, datetime.datetime):
            live_since = self.live_since.isoformat()
        else:
            live_since = self.live_since

        auto_trade: dict[str, Any] | None
        if isinstance(self.auto_trade, AutoTradeType0):
            auto_trade = self.auto_trade.to_dict()
        else:
            auto_trade = self.auto_trade

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        name = self.name

        symbols = self.symbols

        type_ = self.type_.value

        parameters = self.parameters.to_dict()

        description = self.description

        period: str | Unset = UNSET
        if not isinstance(self.period, Unset):
            period = self.period.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "owner": owner,
                "status": status,
                "version": version,
                "live": live,
                "live_since": live_since,
                "auto_trade": auto_trade,
                "created_at": created_at,
                "updated_at": updated_at,
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.auto_trade_type_0 import AutoTradeType0  # noqa: PLC0415
        from ..models.sma_cross_parameters import SmaCrossParameters  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        owner = d.pop("owner")

        status = StrategyStatus(d.pop("status"))

        version = d.pop("version")

        live = StrategyMetaLive(d.pop("live"))

        def _parse_live_since(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                live_since_type_0 = datetime.datetime.fromisoformat(data)

                return live_since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        live_since = _parse_live_since(d.pop("live_since"))

        def _parse_auto_trade(data: object) -> AutoTradeType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_auto_trade_type_0 = AutoTradeType0.from_dict(data)

                return componentsschemas_auto_trade_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AutoTradeType0 | None, data)

        auto_trade = _parse_auto_trade(d.pop("auto_trade"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

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

        strategy_sma_cross = cls(
            id=id,
            owner=owner,
            status=status,
            version=version,
            live=live,
            live_since=live_since,
            auto_trade=auto_trade,
            created_at=created_at,
            updated_at=updated_at,
            name=name,
            symbols=symbols,
            type_=type_,
            parameters=parameters,
            description=description,
            period=period,
        )

        strategy_sma_cross.additional_properties = d
        return strategy_sma_cross

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
