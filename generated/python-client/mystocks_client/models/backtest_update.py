from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.job_status import JobStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.backtest_metrics import BacktestMetrics


T = TypeVar("T", bound="BacktestUpdate")


@_attrs_define
class BacktestUpdate:
    """The state of a backtest after a change.

    Example:
        {'backtest_id': 7, 'status': 'running', 'progress': 0.4}

    Attributes:
        backtest_id (int):
        status (JobStatus): `queued` → `running` → `succeeded`, `failed` or `cancelled`. Example: running.
        progress (float):
        metrics (BacktestMetrics | None | Unset):
        error (None | str | Unset):
    """

    backtest_id: int
    status: JobStatus
    progress: float
    metrics: BacktestMetrics | None | Unset = UNSET
    error: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.backtest_metrics import BacktestMetrics  # noqa: PLC0415

        backtest_id = self.backtest_id

        status = self.status.value

        progress = self.progress

        metrics: dict[str, Any] | None | Unset
        if isinstance(self.metrics, Unset):
            metrics = UNSET
        elif isinstance(self.metrics, BacktestMetrics):
            metrics = self.metrics.to_dict()
        else:
            metrics = self.metrics

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "backtest_id": backtest_id,
                "status": status,
                "progress": progress,
            }
        )
        if metrics is not UNSET:
            field_dict["metrics"] = metrics
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.backtest_metrics import BacktestMetrics  # noqa: PLC0415

        d = dict(src_dict)
        backtest_id = d.pop("backtest_id")

        status = JobStatus(d.pop("status"))

        progress = d.pop("progress")

        def _parse_metrics(data: object) -> BacktestMetrics | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metrics_type_0 = BacktestMetrics.from_dict(data)

                return metrics_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BacktestMetrics | None | Unset, data)

        metrics = _parse_metrics(d.pop("metrics", UNSET))

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        backtest_update = cls(
            backtest_id=backtest_id,
            status=status,
            progress=progress,
            metrics=metrics,
            error=error,
        )

        backtest_update.additional_properties = d
        return backtest_update

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
