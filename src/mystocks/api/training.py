"""Handlers of the `training` tag."""

from __future__ import annotations

from mystocks_contract import typeddicts as td
from mystocks_contract.protocols import JobStatus
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from mystocks.api.http import header, json_response, principal, services


async def list_training_jobs(
    *, status: JobStatus | None = None, cursor: str | None = None, limit: int = 50
) -> Response:
    page = await run_in_threadpool(
        services().training.list_training_jobs,
        principal(),
        status=status,
        cursor=cursor,
        limit=limit,
    )
    return json_response(page)


async def create_training_job(*, body: td.TrainingRequest) -> Response:
    job = await run_in_threadpool(
        services().training.create_training_job, principal(), body, header("Idempotency-Key")
    )
    return json_response(
        job, status=202, headers={"Location": f"/api/v1/training-jobs/{job['id']}"}
    )


async def get_training_job(*, job_id: int) -> Response:
    return json_response(
        await run_in_threadpool(services().training.get_training_job, principal(), job_id)
    )


async def cancel_training_job(*, job_id: int) -> Response:
    return json_response(
        await run_in_threadpool(services().training.cancel_training_job, principal(), job_id)
    )
