from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.job_counts import JobCounts
    from ..models.running_job import RunningJob


T = TypeVar("T", bound="JobActivity")


@_attrs_define
class JobActivity:
    """Backtests and training jobs that are queued or running: every user's for an admin, your own
    otherwise (as in `GET /api/v1/backtests` and `GET /api/v1/training-jobs`).

        Example:
            {'backtests': {'queued': 1, 'running': 1}, 'training': {'queued': 0, 'running': 0}, 'running': [{'kind':
                'backtest', 'id': 7, 'owner': 'admin', 'progress': 0.4, 'started_at': '2026-11-24T05:00:00Z'}]}

        Attributes:
            backtests (JobCounts): How many jobs of one kind wait for a worker and how many are running. Example: {'queued':
                1, 'running': 2}.
            training (JobCounts): How many jobs of one kind wait for a worker and how many are running. Example: {'queued':
                1, 'running': 2}.
            running (list[RunningJob]): The running jobs with their progress, the latest started first, at most 20 of each
                kind.
    """

    backtests: JobCounts
    training: JobCounts
    running: list[RunningJob]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        backtests = self.backtests.to_dict()

        training = self.training.to_dict()

        running = []
        for running_item_data in self.running:
            running_item = running_item_data.to_dict()
            running.append(running_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "backtests": backtests,
                "training": training,
                "running": running,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.job_counts import JobCounts  # noqa: PLC0415
        from ..models.running_job import RunningJob  # noqa: PLC0415

        d = dict(src_dict)
        backtests = JobCounts.from_dict(d.pop("backtests"))

        training = JobCounts.from_dict(d.pop("training"))

        running = []
        _running = d.pop("running")
        for running_item_data in _running:
            running_item = RunningJob.from_dict(running_item_data)

            running.append(running_item)

        job_activity = cls(
            backtests=backtests,
            training=training,
            running=running,
        )

        job_activity.additional_properties = d
        return job_activity

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
