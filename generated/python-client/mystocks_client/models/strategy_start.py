from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.auto_trade_type_0 import AutoTradeType0


T = TypeVar("T", bound="StrategyStart")


@_attrs_define
class StrategyStart:
    """How to start a strategy's live signals; an empty body (or none) starts them without trading.

    Example:
        {'auto_trade': {'account_id': 1, 'quantity': 1000}}

    Attributes:
        auto_trade (AutoTradeType0 | None | Unset): Trade a strategy's live signals on a paper account (null: they do
            not trade): a `buy` signal places a market order for
            `quantity` shares, a `sell` signal one for every share of the symbol the account can sell
            today. Orders take the same path and checks as `POST /api/v1/orders` (session, board lots,
            limit band, cash, T+1, risk limits); a refused one is kept on the signal (`order_refusal`).
             Example: {'account_id': 1, 'quantity': 1000}.
    """

    auto_trade: AutoTradeType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.auto_trade_type_0 import AutoTradeType0  # noqa: PLC0415

        auto_trade: dict[str, Any] | None | Unset
        if isinstance(self.auto_trade, Unset):
            auto_trade = UNSET
        elif isinstance(self.auto_trade, AutoTradeType0):
            auto_trade = self.auto_trade.to_dict()
        else:
            auto_trade = self.auto_trade

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if auto_trade is not UNSET:
            field_dict["auto_trade"] = auto_trade

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.auto_trade_type_0 import AutoTradeType0  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_auto_trade(data: object) -> AutoTradeType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_auto_trade_type_0 = AutoTradeType0.from_dict(data)

                return componentsschemas_auto_trade_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AutoTradeType0 | None | Unset, data)

        auto_trade = _parse_auto_trade(d.pop("auto_trade", UNSET))

        strategy_start = cls(
            auto_trade=auto_trade,
        )

        return strategy_start
