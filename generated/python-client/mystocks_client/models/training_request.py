from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.strategy_type import StrategyType
from ..models.training_objective import TrainingObjective
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.backtest_costs import BacktestCosts
    from ..models.training_request_grid import TrainingRequestGrid
    from ..models.training_request_ranges import TrainingRequestRanges


T = TypeVar("T", bound="TrainingRequest")


@_attrs_define
class TrainingRequest:
    """A parameter search for one strategy type over daily bars: every combination of `grid`, or
    `trials` random draws from `ranges` (exactly one of the two). Parameters not searched keep
    their defaults; combinations the type refuses (a fast average slower than the slow one) are
    skipped. Each trial is a full backtest; trials are ranked by `objective`.

        Example:
            {'strategy_type': 'sma_cross', 'grid': {'fast': [5, 10], 'slow': [20, 30, 60]}, 'symbols': ['600036.SH'],
                'start': '2015-01-01', 'end': '2016-12-31', 'objective': 'sharpe'}

        Attributes:
            strategy_type (StrategyType): A built-in strategy. Every type is long-only (A-shares are hard to short): it
                holds the whole
                position while its condition stands and none otherwise; signals are decided at a bar's close
                and filled at the next bar's open.
                - `sma_cross`: long while MA(fast) > MA(slow), compared exactly on the 0.01 price grid (a tie keeps the previous
                state);
                - `rsi_reversion`: enter when RSI(period) < lower, exit when RSI > upper;
                - `bollinger_breakout`: enter when the close breaks above the upper band, exit below the middle;
                - `macd_trend`: long while DIF > DEA;
                - `momentum`: long while the `lookback`-bar return exceeds `threshold`.
                 Example: sma_cross.
            symbols (list[str]):
            start (datetime.date):
            end (datetime.date):
            grid (TrainingRequestGrid | Unset): Values to try per parameter (every combination, at most 500).
            ranges (TrainingRequestRanges | Unset): Ranges to draw from per parameter (with `trials`).
            trials (int | Unset):  Default: 20.
            seed (int | Unset):  Default: 0.
            objective (TrainingObjective | Unset): The metric trials are ranked by; `max_drawdown` ranks the smallest first,
                the others the largest. Example: sharpe.
            initial_cash (float | Unset):  Default: 1000000.0.
            costs (BacktestCosts | Unset): Trading costs, A-share style: commission on every fill with a minimum per fill,
                stamp duty
                on sells only, and slippage of whole price ticks against you (buys pay more, sells get less).
                 Example: {'commission_rate': 0.00025, 'min_commission': 5, 'stamp_duty_rate': 0.0005, 'slippage_ticks': 1}.
    """

    strategy_type: StrategyType
    symbols: list[str]
    start: datetime.date
    end: datetime.date
    grid: TrainingRequestGrid | Unset = UNSET
    ranges: TrainingRequestRanges | Unset = UNSET
    trials: int | Unset = 20
    seed: int | Unset = 0
    objective: TrainingObjective | Unset = UNSET
    initial_cash: float | Unset = 1000000.0
    costs: BacktestCosts | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        strategy_type = self.strategy_type.value

        symbols = self.symbols

        start = self.start.isoformat()

        end = self.end.isoformat()

        grid: dict[str, Any] | Unset = UNSET
        if not isinstance(self.grid, Unset):
            grid = self.grid.to_dict()

        ranges: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ranges, Unset):
            ranges = self.ranges.to_dict()

        trials = self.trials

        seed = self.seed

        objective: str | Unset = UNSET
        if not isinstance(self.objective, Unset):
            objective = self.objective.value

        initial_cash = self.initial_cash

        costs: dict[str, Any] | Unset = UNSET
        if not isinstance(self.costs, Unset):
            costs = self.costs.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "strategy_type": strategy_type,
                "symbols": symbols,
                "start": start,
                "end": end,
            }
        )
        if grid is not UNSET:
            field_dict["grid"] = grid
        if ranges is not UNSET:
            field_dict["ranges"] = ranges
        if trials is not UNSET:
            field_dict["trials"] = trials
        if seed is not UNSET:
            field_dict["seed"] = seed
        if objective is not UNSET:
            field_dict["objective"] = objective
        if initial_cash is not UNSET:
            field_dict["initial_cash"] = initial_cash
        if costs is not UNSET:
            field_dict["costs"] = costs

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.backtest_costs import BacktestCosts  # noqa: PLC0415
        from ..models.training_request_grid import TrainingRequestGrid  # noqa: PLC0415
        from ..models.training_request_ranges import TrainingRequestRanges  # noqa: PLC0415

        d = dict(src_dict)
        strategy_type = StrategyType(d.pop("strategy_type"))

        symbols = cast(list[str], d.pop("symbols"))

        start = datetime.date.fromisoformat(d.pop("start"))

        end = datetime.date.fromisoformat(d.pop("end"))

        _grid = d.pop("grid", UNSET)
        grid: TrainingRequestGrid | Unset
        if isinstance(_grid, Unset):
            grid = UNSET
        else:
            grid = TrainingRequestGrid.from_dict(_grid)

        _ranges = d.pop("ranges", UNSET)
        ranges: TrainingRequestRanges | Unset
        if isinstance(_ranges, Unset):
            ranges = UNSET
        else:
            ranges = TrainingRequestRanges.from_dict(_ranges)

        trials = d.pop("trials", UNSET)

        seed = d.pop("seed", UNSET)

        _objective = d.pop("objective", UNSET)
        objective: TrainingObjective | Unset
        if isinstance(_objective, Unset):
            objective = UNSET
        else:
            objective = TrainingObjective(_objective)

        initial_cash = d.pop("initial_cash", UNSET)

        _costs = d.pop("costs", UNSET)
        costs: BacktestCosts | Unset
        if isinstance(_costs, Unset):
            costs = UNSET
        else:
            costs = BacktestCosts.from_dict(_costs)

        training_request = cls(
            strategy_type=strategy_type,
            symbols=symbols,
            start=start,
            end=end,
            grid=grid,
            ranges=ranges,
            trials=trials,
            seed=seed,
            objective=objective,
            initial_cash=initial_cash,
            costs=costs,
        )

        return training_request
