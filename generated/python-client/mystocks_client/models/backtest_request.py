from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.backtest_costs import BacktestCosts
    from ..models.bollinger_breakout_definition import BollingerBreakoutDefinition
    from ..models.macd_trend_definition import MacdTrendDefinition
    from ..models.momentum_definition import MomentumDefinition
    from ..models.rsi_reversion_definition import RsiReversionDefinition
    from ..models.sma_cross_definition import SmaCrossDefinition


T = TypeVar("T", bound="BacktestRequest")


@_attrs_define
class BacktestRequest:
    """A backtest of a stored strategy (`strategy_id`) or of an inline one (`strategy`): exactly one
    of the two. `symbols` defaults to the stored strategy's. Daily bars between `start` and `end`
    (inclusive); the cash is split equally between the symbols.

        Example:
            {'strategy': {'type': 'sma_cross', 'parameters': {'fast': 5, 'slow': 20}}, 'symbols': ['600036.SH',
                '000002.SZ'], 'start': '2016-07-01', 'end': '2017-06-30', 'initial_cash': 1000000}

        Attributes:
            start (datetime.date):
            end (datetime.date):
            strategy_id (int | Unset):
            strategy (BollingerBreakoutDefinition | MacdTrendDefinition | MomentumDefinition | RsiReversionDefinition |
                SmaCrossDefinition | Unset): A strategy's type and its parameters; `type` says which parameter schema applies.
                Example: {'type': 'sma_cross', 'parameters': {'fast': 5, 'slow': 20}}.
            symbols (list[str] | Unset):
            initial_cash (float | Unset):  Default: 1000000.0.
            costs (BacktestCosts | Unset): Trading costs, A-share style: commission on every fill with a minimum per fill,
                stamp duty
                on sells only, and slippage of whole price ticks against you (buys pay more, sells get less).
                 Example: {'commission_rate': 0.00025, 'min_commission': 5, 'stamp_duty_rate': 0.0005, 'slippage_ticks': 1}.
    """

    start: datetime.date
    end: datetime.date
    strategy_id: int | Unset = UNSET
    strategy: (
        BollingerBreakoutDefinition
        | MacdTrendDefinition
        | MomentumDefinition
        | RsiReversionDefinition
        | SmaCrossDefinition
        | Unset
    ) = UNSET
    symbols: list[str] | Unset = UNSET
    initial_cash: float | Unset = 1000000.0
    costs: BacktestCosts | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.bollinger_breakout_definition import BollingerBreakoutDefinition  # noqa: PLC0415
        from ..models.macd_trend_definition import MacdTrendDefinition  # noqa: PLC0415
        from ..models.rsi_reversion_definition import RsiReversionDefinition  # noqa: PLC0415
        from ..models.sma_cross_definition import SmaCrossDefinition  # noqa: PLC0415

        start = self.start.isoformat()

        end = self.end.isoformat()

        strategy_id = self.strategy_id

        strategy: dict[str, Any] | Unset
        if isinstance(self.strategy, Unset):
            strategy = UNSET
        elif isinstance(self.strategy, SmaCrossDefinition):
            strategy = self.strategy.to_dict()
        elif isinstance(self.strategy, RsiReversionDefinition):
            strategy = self.strategy.to_dict()
        elif isinstance(self.strategy, BollingerBreakoutDefinition):
            strategy = self.strategy.to_dict()
        elif isinstance(self.strategy, MacdTrendDefinition):
            strategy = self.strategy.to_dict()
        else:
            strategy = self.strategy.to_dict()

        symbols: list[str] | Unset = UNSET
        if not isinstance(self.symbols, Unset):
            symbols = self.symbols

        initial_cash = self.initial_cash

        costs: dict[str, Any] | Unset = UNSET
        if not isinstance(self.costs, Unset):
            costs = self.costs.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "start": start,
                "end": end,
            }
        )
        if strategy_id is not UNSET:
            field_dict["strategy_id"] = strategy_id
        if strategy is not UNSET:
            field_dict["strategy"] = strategy
        if symbols is not UNSET:
            field_dict["symbols"] = symbols
        if initial_cash is not UNSET:
            field_dict["initial_cash"] = initial_cash
        if costs is not UNSET:
            field_dict["costs"] = costs

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.backtest_costs import BacktestCosts  # noqa: PLC0415
        from ..models.bollinger_breakout_definition import BollingerBreakoutDefinition  # noqa: PLC0415
        from ..models.macd_trend_definition import MacdTrendDefinition  # noqa: PLC0415
        from ..models.momentum_definition import MomentumDefinition  # noqa: PLC0415
        from ..models.rsi_reversion_definition import RsiReversionDefinition  # noqa: PLC0415
        from ..models.sma_cross_definition import SmaCrossDefinition  # noqa: PLC0415

        d = dict(src_dict)
        start = datetime.date.fromisoformat(d.pop("start"))

        end = datetime.date.fromisoformat(d.pop("end"))

        strategy_id = d.pop("strategy_id", UNSET)

        def _parse_strategy(
            data: object,
        ) -> (
            BollingerBreakoutDefinition
            | MacdTrendDefinition
            | MomentumDefinition
            | RsiReversionDefinition
            | SmaCrossDefinition
            | Unset
        ):
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_strategy_definition_type_0 = SmaCrossDefinition.from_dict(data)

                return componentsschemas_strategy_definition_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_strategy_definition_type_1 = RsiReversionDefinition.from_dict(data)

                return componentsschemas_strategy_definition_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_strategy_definition_type_2 = BollingerBreakoutDefinition.from_dict(data)

                return componentsschemas_strategy_definition_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_strategy_definition_type_3 = MacdTrendDefinition.from_dict(data)

                return componentsschemas_strategy_definition_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_strategy_definition_type_4 = MomentumDefinition.from_dict(data)

            return componentsschemas_strategy_definition_type_4

        strategy = _parse_strategy(d.pop("strategy", UNSET))

        symbols = cast(list[str], d.pop("symbols", UNSET))

        initial_cash = d.pop("initial_cash", UNSET)

        _costs = d.pop("costs", UNSET)
        costs: BacktestCosts | Unset
        if isinstance(_costs, Unset):
            costs = UNSET
        else:
            costs = BacktestCosts.from_dict(_costs)

        backtest_request = cls(
            start=start,
            end=end,
            strategy_id=strategy_id,
            strategy=strategy,
            symbols=symbols,
            initial_cash=initial_cash,
            costs=costs,
        )

        return backtest_request
