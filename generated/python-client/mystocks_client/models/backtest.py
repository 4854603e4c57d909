from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.job_status import JobStatus

if TYPE_CHECKING:
    from ..models.backtest_costs import BacktestCosts
    from ..models.backtest_metrics import BacktestMetrics
    from ..models.bollinger_breakout_definition import BollingerBreakoutDefinition
    from ..models.macd_trend_definition import MacdTrendDefinition
    from ..models.momentum_definition import MomentumDefinition
    from ..models.rsi_reversion_definition import RsiReversionDefinition
    from ..models.sma_cross_definition import SmaCrossDefinition


T = TypeVar("T", bound="Backtest")


@_attrs_define
class Backtest:
    """A backtest job and, once it succeeded, its metrics.

    Example:
        {'id': 7, 'owner': 'admin', 'status': 'succeeded', 'progress': 1, 'strategy_id': None, 'strategy': {'type':
            'sma_cross', 'parameters': {'fast': 5, 'slow': 20}}, 'symbols': ['600036.SH'], 'start': '2016-07-01', 'end':
            '2017-06-30', 'initial_cash': 1000000, 'costs': {'commission_rate': 0.00025, 'min_commission': 5,
            'stamp_duty_rate': 0.0005, 'slippage_ticks': 1}, 'metrics': {'total_return': 0.124, 'annual_return': 0.124,
            'sharpe': 0.91, 'sortino': 1.32, 'max_drawdown': 0.087, 'win_rate': 0.55, 'round_trips': 11, 'turnover': 6.2,
            'trades': 22, 'final_equity': 1124000.5}, 'error': None, 'created_at': '2026-11-24T05:00:00Z', 'started_at':
            '2026-11-24T05:00:01Z', 'finished_at': '2026-11-24T05:00:02Z'}

    Attributes:
        id (int):
        owner (str):
        status (JobStatus): `queued` → `running` → `succeeded`, `failed` or `cancelled`. Example: running.
        progress (float):
        strategy_id (int | None):
        strategy (BollingerBreakoutDefinition | MacdTrendDefinition | MomentumDefinition | RsiReversionDefinition |
            SmaCrossDefinition): A strategy's type and its parameters; `type` says which parameter schema applies. Example:
            {'type': 'sma_cross', 'parameters': {'fast': 5, 'slow': 20}}.
        symbols (list[str]):
        start (datetime.date):
        end (datetime.date):
        initial_cash (float):
        costs (BacktestCosts): Trading costs, A-share style: commission on every fill with a minimum per fill, stamp
            duty
            on sells only, and slippage of whole price ticks against you (buys pay more, sells get less).
             Example: {'commission_rate': 0.00025, 'min_commission': 5, 'stamp_duty_rate': 0.0005, 'slippage_ticks': 1}.
        metrics (BacktestMetrics | None):
        error (None | str): Why it failed or was cancelled.
        created_at (datetime.datetime):
        started_at (datetime.datetime | None):
        finished_at (datetime.datetime | None):
    """

    id: int
    owner: str
    status: JobStatus
    progress: float
    strategy_id: int | None
    strategy: (
        BollingerBreakoutDefinition
        | MacdTrendDefinition
        | MomentumDefinition
        | RsiReversionDefinition
        | SmaCrossDefinition
    )
    symbols: list[str]
    start: datetime.date
    end: datetime.date
    initial_cash: float
    costs: BacktestCosts
    metrics: BacktestMetrics | None
    error: None | str
    created_at: datetime.datetime
    started_at: datetime.datetime | None
    finished_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.backtest_metrics import BacktestMetrics  # noqa: PLC0415
        from ..models.bollinger_breakout_definition import BollingerBreakoutDefinition  # noqa: PLC0415
        from ..models.macd_trend_definition import MacdTrendDefinition  # noqa: PLC0415
        from ..models.rsi_reversion_definition import RsiReversionDefinition  # noqa: PLC0415
        from ..models.sma_cross_definition import SmaCrossDefinition  # noqa: PLC0415

        id = self.id

        owner = self.owner

        status = self.status.value

        progress = self.progress

        strategy_id: int | None
        strategy_id = self.strategy_id

        strategy: dict[str, Any]
        if isinstance(self.strategy, SmaCrossDefinition):
            strategy = self.strategy.to_dict()
        elif isinstance(self.strategy, RsiReversionDefinition):
            strategy = self.strategy.to_dict()
        elif isinstance(self.strategy, BollingerBreakoutDefinition):
            strategy = self.strategy.to_dict()
        elif isinstance(self.strategy, MacdTrendDefinition):
            strategy = self.strategy.to_dict()
        else:
            strategy = self.strategy.to_dict()

        symbols = self.symbols

        start = self.start.isoformat()

        end = self.end.isoformat()

        initial_cash = self.initial_cash

        costs = self.costs.to_dict()

        metrics: dict[str, Any] | None
        if isinstance(self.metrics, BacktestMetrics):
            metrics = self.metrics.to_dict()
        else:
            metrics = self.metrics

        error: None | str
        error = self.error

        created_at = self.created_at.isoformat()

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "owner": owner,
                "status": status,
                "progress": progress,
                "strategy_id": strategy_id,
                "strategy": strategy,
                "symbols": symbols,
                "start": start,
                "end": end,
                "initial_cash": initial_cash,
                "costs": costs,
                "metrics": metrics,
                "error": error,
                "created_at": created_at,
                "started_at": started_at,
                "finished_at": finished_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.backtest_costs import BacktestCosts  # noqa: PLC0415
        from ..models.backtest_metrics import BacktestMetrics  # noqa: PLC0415
        from ..models.bollinger_breakout_definition import BollingerBreakoutDefinition  # noqa: PLC0415
        from ..models.macd_trend_definition import MacdTrendDefinition  # noqa: PLC0415
        from ..models.momentum_definition import MomentumDefinition  # noqa: PLC0415
        from ..models.rsi_reversion_definition import RsiReversionDefinition  # noqa: PLC0415
        from ..models.sma_cross_definition import SmaCrossDefinition  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        owner = d.pop("owner")

        status = JobStatus(d.pop("status"))

        progress = d.pop("progress")

        def _parse_strategy_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        strategy_id = _parse_strategy_id(d.pop("strategy_id"))

        def _parse_strategy(
            data: object,
        ) -> (
            BollingerBreakoutDefinition
            | MacdTrendDefinition
            | MomentumDefinition
            | RsiReversionDefinition
            | SmaCrossDefinition
        ):
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

        strategy = _parse_strategy(d.pop("strategy"))

        symbols = cast(list[str], d.pop("symbols"))

        start = datetime.date.fromisoformat(d.pop("start"))

        end = datetime.date.fromisoformat(d.pop("end"))

        initial_cash = d.pop("initial_cash")

        costs = BacktestCosts.from_dict(d.pop("costs"))

        def _parse_metrics(data: object) -> BacktestMetrics | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metrics_type_0 = BacktestMetrics.from_dict(data)

                return metrics_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BacktestMetrics | None, data)

        metrics = _parse_metrics(d.pop("metrics"))

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        started_at = _parse_started_at(d.pop("started_at"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        backtest = cls(
            id=id,
            owner=owner,
            status=status,
            progress=progress,
            strategy_id=strategy_id,
            strategy=strategy,
            symbols=symbols,
            start=start,
            end=end,
            initial_cash=initial_cash,
            costs=costs,
            metrics=metrics,
            error=error,
            created_at=created_at,
            started_at=started_at,
            finished_at=finished_at,
        )

        backtest.additional_properties = d
        return backtest

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
