from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.strategy_bollinger_breakout import StrategyBollingerBreakout
    from ..models.strategy_macd_trend import StrategyMacdTrend
    from ..models.strategy_momentum import StrategyMomentum
    from ..models.strategy_rsi_reversion import StrategyRsiReversion
    from ..models.strategy_sma_cross import StrategySmaCross


T = TypeVar("T", bound="StrategyPage")


@_attrs_define
class StrategyPage:
    """
    Example:
        {'items': [{'id': 1, 'owner': 'admin', 'status': 'draft', 'version': 1, 'live': 'stopped', 'live_since': None,
            'auto_trade': None, 'created_at': '2026-11-24T05:00:00Z', 'updated_at': '2026-11-24T05:00:00Z', 'name': 'sma
            5/20', 'symbols': ['600036.SH'], 'type': 'sma_cross', 'parameters': {'fast': 5, 'slow': 20}}], 'next_cursor':
            None}

    Attributes:
        items (list[StrategyBollingerBreakout | StrategyMacdTrend | StrategyMomentum | StrategyRsiReversion |
            StrategySmaCross]):
        next_cursor (None | str):
    """

    items: list[
        StrategyBollingerBreakout | StrategyMacdTrend | StrategyMomentum | StrategyRsiReversion | StrategySmaCross
    ]
    next_cursor: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.strategy_bollinger_breakout import StrategyBollingerBreakout  # noqa: PLC0415
        from ..models.strategy_macd_trend import StrategyMacdTrend  # noqa: PLC0415
        from ..models.strategy_rsi_reversion import StrategyRsiReversion  # noqa: PLC0415
        from ..models.strategy_sma_cross import StrategySmaCross  # noqa: PLC0415

        items = []
        for items_item_data in self.items:
            items_item: dict[str, Any]
            if isinstance(items_item_data, StrategySmaCross):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, StrategyRsiReversion):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, StrategyBollingerBreakout):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, StrategyMacdTrend):
                items_item = items_item_data.to_dict()
            else:
                items_item = items_item_data.to_dict()

            items.append(items_item)

        next_cursor: None | str
        next_cursor = self.next_cursor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
                "next_cursor": next_cursor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.strategy_bollinger_breakout import StrategyBollingerBreakout  # noqa: PLC0415
        from ..models.strategy_macd_trend import StrategyMacdTrend  # noqa: PLC0415
        from ..models.strategy_momentum import StrategyMomentum  # noqa: PLC0415
        from ..models.strategy_rsi_reversion import StrategyRsiReversion  # noqa: PLC0415
        from ..models.strategy_sma_cross import StrategySmaCross  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:

            def _parse_items_item(
                data: object,
            ) -> (
                StrategyBollingerBreakout
                | StrategyMacdTrend
                | StrategyMomentum
                | StrategyRsiReversion
                | StrategySmaCross
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_strategy_type_0 = StrategySmaCross.from_dict(data)

                    return componentsschemas_strategy_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_strategy_type_1 = StrategyRsiReversion.from_dict(data)

                    return componentsschemas_strategy_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_strategy_type_2 = StrategyBollingerBreakout.from_dict(data)

                    return componentsschemas_strategy_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_strategy_type_3 = StrategyMacdTrend.from_dict(data)

                    return componentsschemas_strategy_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_strategy_type_4 = StrategyMomentum.from_dict(data)

                return componentsschemas_strategy_type_4

            items_item = _parse_items_item(items_item_data)

            items.append(items_item)

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        strategy_page = cls(
            items=items,
            next_cursor=next_cursor,
        )

        strategy_page.additional_properties = d
        return strategy_page

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
