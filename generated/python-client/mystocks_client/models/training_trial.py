from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.backtest_metrics import BacktestMetrics
    from ..models.training_trial_parameters import TrainingTrialParameters


T = TypeVar("T", bound="TrainingTrial")


@_attrs_define
class TrainingTrial:
    """
    Example:
        {'rank': 1, 'parameters': {'fast': 10, 'slow': 30}, 'score': 1.12, 'metrics': {'total_return': 0.21,
            'annual_return': 0.1, 'sharpe': 1.12, 'sortino': 1.6, 'max_drawdown': 0.08, 'win_rate': 0.6, 'round_trips': 10,
            'turnover': 5.1, 'trades': 20, 'final_equity': 1210000}}

    Attributes:
        rank (int):
        parameters (TrainingTrialParameters):
        score (float | None): The objective's value (null when undefined, e.g. Sharpe with no trade).
        metrics (BacktestMetrics): Results over the whole test. Returns are fractions (0.12 = 12%); annual return
            compounds over
            252 trading days a year; Sharpe and Sortino use daily returns, no risk-free rate, ×√252 (null
            when undefined); max drawdown is the largest fall from a peak, as a positive fraction; win
            rate is the share of round trips that made money after costs (null without one); turnover is
            traded value over average equity.
             Example: {'total_return': 0.124, 'annual_return': 0.124, 'sharpe': 0.91, 'sortino': 1.32, 'max_drawdown':
            0.087, 'win_rate': 0.55, 'round_trips': 11, 'turnover': 6.2, 'trades': 22, 'final_equity': 1124000.5}.
    """

    rank: int
    parameters: TrainingTrialParameters
    score: float | None
    metrics: BacktestMetrics
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rank = self.rank

        parameters = self.parameters.to_dict()

        score: float | None
        score = self.score

        metrics = self.metrics.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rank": rank,
                "parameters": parameters,
                "score": score,
                "metrics": metrics,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.backtest_metrics import BacktestMetrics  # noqa: PLC0415
        from ..models.training_trial_parameters import TrainingTrialParameters  # noqa: PLC0415

        d = dict(src_dict)
        rank = d.pop("rank")

        parameters = TrainingTrialParameters.from_dict(d.pop("parameters"))

        def _parse_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score = _parse_score(d.pop("score"))

        metrics = BacktestMetrics.from_dict(d.pop("metrics"))

        training_trial = cls(
            rank=rank,
            parameters=parameters,
            score=score,
            metrics=metrics,
        )

        training_trial.additional_properties = d
        return training_trial

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
