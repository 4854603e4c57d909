from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.job_status import JobStatus
from ..models.strategy_type import StrategyType
from ..models.training_objective import TrainingObjective

if TYPE_CHECKING:
    from ..models.training_job_best_parameters_type_0 import TrainingJobBestParametersType0
    from ..models.training_trial import TrainingTrial


T = TypeVar("T", bound="TrainingJob")


@_attrs_define
class TrainingJob:
    """A parameter search and, once it succeeded, its ranked trials.

    Example:
        {'id': 3, 'owner': 'admin', 'status': 'running', 'progress': 0.5, 'strategy_type': 'sma_cross', 'symbols':
            ['600036.SH'], 'start': '2015-01-01', 'end': '2016-12-31', 'objective': 'sharpe', 'trials_planned': 6, 'trials':
            [], 'best_parameters': None, 'best_score': None, 'error': None, 'created_at': '2026-11-24T05:00:00Z',
            'started_at': '2026-11-24T05:00:01Z', 'finished_at': None}

    Attributes:
        id (int):
        owner (str):
        status (JobStatus): `queued` → `running` → `succeeded`, `failed` or `cancelled`. Example: running.
        progress (float):
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
        objective (TrainingObjective): The metric trials are ranked by; `max_drawdown` ranks the smallest first, the
            others the largest. Example: sharpe.
        trials_planned (int):
        trials (list[TrainingTrial]): Best first; empty until the search succeeded, and in lists (read one job for its
            trials).
        best_parameters (None | TrainingJobBestParametersType0):
        best_score (float | None):
        error (None | str):
        created_at (datetime.datetime):
        started_at (datetime.datetime | None):
        finished_at (datetime.datetime | None):
    """

    id: int
    owner: str
    status: JobStatus
    progress: float
    strategy_type: StrategyType
    symbols: list[str]
    start: datetime.date
    end: datetime.date
    objective: TrainingObjective
    trials_planned: int
    trials: list[TrainingTrial]
    best_parameters: None | TrainingJobBestParametersType0
    best_score: float | None
    error: None | str
    created_at: datetime.datetime
    started_at: datetime.datetime | None
    finished_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.training_job_best_parameters_type_0 import TrainingJobBestParametersType0  # noqa: PLC0415

        id = self.id

        owner = self.owner

        status = self.status.value

        progress = self.progress

        strategy_type = self.strategy_type.value

        symbols = self.symbols

        start = self.start.isoformat()

        end = self.end.isoformat()

        objective = self.objective.value

        trials_planned = self.trials_planned

        trials = []
        for trials_item_data in self.trials:
            trials_item = trials_item_data.to_dict()
            trials.append(trials_item)

        best_parameters: dict[str, Any] | None
        if isinstance(self.best_parameters, TrainingJobBestParametersType0):
            best_parameters = self.best_parameters.to_dict()
        else:
            best_parameters = self.best_parameters

        best_score: float | None
        best_score = self.best_score

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
                "strategy_type": strategy_type,
                "symbols": symbols,
                "start": start,
                "end": end,
                "objective": objective,
                "trials_planned": trials_planned,
                "trials": trials,
                "best_parameters": best_parameters,
                "best_score": best_score,
                "error": error,
                "created_at": created_at,
                "started_at": started_at,
                "finished_at": finished_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.training_job_best_parameters_type_0 import TrainingJobBestParametersType0  # noqa: PLC0415
        from ..models.training_trial import TrainingTrial  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        owner = d.pop("owner")

        status = JobStatus(d.pop("status"))

        progress = d.pop("progress")

        strategy_type = StrategyType(d.pop("strategy_type"))

        symbols = cast(list[str], d.pop("symbols"))

        start = datetime.date.fromisoformat(d.pop("start"))

        end = datetime.date.fromisoformat(d.pop("end"))

        objective = TrainingObjective(d.pop("objective"))

        trials_planned = d.pop("trials_planned")

        trials = []
        _trials = d.pop("trials")
        for trials_item_data in _trials:
            trials_item = TrainingTrial.from_dict(trials_item_data)

            trials.append(trials_item)

        def _parse_best_parameters(data: object) -> None | TrainingJobBestParametersType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                best_parameters_type_0 = TrainingJobBestParametersType0.from_dict(data)

                return best_parameters_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TrainingJobBestParametersType0, data)

        best_parameters = _parse_best_parameters(d.pop("best_parameters"))

        def _parse_best_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        best_score = _parse_best_score(d.pop("best_score"))

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

        training_job = cls(
            id=id,
            owner=owner,
            status=status,
            progress=progress,
            strategy_type=strategy_type,
            symbols=symbols,
            start=start,
            end=end,
            objective=objective,
            trials_planned=trials_planned,
            trials=trials,
            best_parameters=best_parameters,
            best_score=best_score,
            error=error,
            created_at=created_at,
            started_at=started_at,
            finished_at=finished_at,
        )

        training_job.additional_properties = d
        return training_job

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
