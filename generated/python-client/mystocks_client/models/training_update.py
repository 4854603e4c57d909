from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.job_status import JobStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.training_update_best_parameters_type_0 import TrainingUpdateBestParametersType0


T = TypeVar("T", bound="TrainingUpdate")


@_attrs_define
class TrainingUpdate:
    """
    Example:
        {'job_id': 3, 'status': 'running', 'progress': 0.5}

    Attributes:
        job_id (int):
        status (JobStatus): `queued` → `running` → `succeeded`, `failed` or `cancelled`. Example: running.
        progress (float):
        best_parameters (None | TrainingUpdateBestParametersType0 | Unset):
        best_score (float | None | Unset):
        error (None | str | Unset):
    """

    job_id: int
    status: JobStatus
    progress: float
    best_parameters: None | TrainingUpdateBestParametersType0 | Unset = UNSET
    best_score: float | None | Unset = UNSET
    error: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.training_update_best_parameters_type_0 import TrainingUpdateBestParametersType0  # noqa: PLC0415

        job_id = self.job_id

        status = self.status.value

        progress = self.progress

        best_parameters: dict[str, Any] | None | Unset
        if isinstance(self.best_parameters, Unset):
            best_parameters = UNSET
        elif isinstance(self.best_parameters, TrainingUpdateBestParametersType0):
            best_parameters = self.best_parameters.to_dict()
        else:
            best_parameters = self.best_parameters

        best_score: float | None | Unset
        if isinstance(self.best_score, Unset):
            best_score = UNSET
        else:
            best_score = self.best_score

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "job_id": job_id,
                "status": status,
                "progress": progress,
            }
        )
        if best_parameters is not UNSET:
            field_dict["best_parameters"] = best_parameters
        if best_score is not UNSET:
            field_dict["best_score"] = best_score
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.training_update_best_parameters_type_0 import TrainingUpdateBestParametersType0  # noqa: PLC0415

        d = dict(src_dict)
        job_id = d.pop("job_id")

        status = JobStatus(d.pop("status"))

        progress = d.pop("progress")

        def _parse_best_parameters(data: object) -> None | TrainingUpdateBestParametersType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                best_parameters_type_0 = TrainingUpdateBestParametersType0.from_dict(data)

                return best_parameters_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TrainingUpdateBestParametersType0 | Unset, data)

        best_parameters = _parse_best_parameters(d.pop("best_parameters", UNSET))

        def _parse_best_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        best_score = _parse_best_score(d.pop("best_score", UNSET))

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        training_update = cls(
            job_id=job_id,
            status=status,
            progress=progress,
            best_parameters=best_parameters,
            best_score=best_score,
            error=error,
        )

        training_update.additional_properties = d
        return training_update

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
