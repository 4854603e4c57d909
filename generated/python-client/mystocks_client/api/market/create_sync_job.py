from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.sync_job import SyncJob
from ...models.sync_job_request import SyncJobRequest
from ...types import Response


def _get_kwargs(
    *,
    body: SyncJobRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/sync-jobs",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SyncJob | None:
    if response.status_code == 202:
        response_202 = SyncJob.from_dict(response.json())

        return response_202

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | SyncJob]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SyncJobRequest,
) -> Response[Problem | SyncJob]:
    """Start a market-data sync (admin)

     Fetches daily (and 1-minute) bars, adjustment factors, corporate actions, ST periods and
    suspensions from the providers into the stores, as `mystocks sync` does (docs/data.md):
    paced, retried, failing over to the next provider, resuming where the stores stop. Answers
    at once with 202; follow it at `GET /api/v1/sse/sync?job_id=` or poll `Location`. One sync
    runs at a time: another one asked for meanwhile is refused (422) naming the running one.
    503 when the providers cannot be opened (a library missing, `tdx` without its folder).

    Args:
        body (SyncJobRequest): What to sync; every field may be left out. Example: {'symbols':
            ['600000.SH'], 'periods': ['1d']}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SyncJob]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: SyncJobRequest,
) -> Problem | SyncJob | None:
    """Start a market-data sync (admin)

     Fetches daily (and 1-minute) bars, adjustment factors, corporate actions, ST periods and
    suspensions from the providers into the stores, as `mystocks sync` does (docs/data.md):
    paced, retried, failing over to the next provider, resuming where the stores stop. Answers
    at once with 202; follow it at `GET /api/v1/sse/sync?job_id=` or poll `Location`. One sync
    runs at a time: another one asked for meanwhile is refused (422) naming the running one.
    503 when the providers cannot be opened (a library missing, `tdx` without its folder).

    Args:
        body (SyncJobRequest): What to sync; every field may be left out. Example: {'symbols':
            ['600000.SH'], 'periods': ['1d']}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SyncJob
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SyncJobRequest,
) -> Response[Problem | SyncJob]:
    """Start a market-data sync (admin)

     Fetches daily (and 1-minute) bars, adjustment factors, corporate actions, ST periods and
    suspensions from the providers into the stores, as `mystocks sync` does (docs/data.md):
    paced, retried, failing over to the next provider, resuming where the stores stop. Answers
    at once with 202; follow it at `GET /api/v1/sse/sync?job_id=` or poll `Location`. One sync
    runs at a time: another one asked for meanwhile is refused (422) naming the running one.
    503 when the providers cannot be opened (a library missing, `tdx` without its folder).

    Args:
        body (SyncJobRequest): What to sync; every field may be left out. Example: {'symbols':
            ['600000.SH'], 'periods': ['1d']}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SyncJob]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: SyncJobRequest,
) -> Problem | SyncJob | None:
    """Start a market-data sync (admin)

     Fetches daily (and 1-minute) bars, adjustment factors, corporate actions, ST periods and
    suspensions from the providers into the stores, as `mystocks sync` does (docs/data.md):
    paced, retried, failing over to the next provider, resuming where the stores stop. Answers
    at once with 202; follow it at `GET /api/v1/sse/sync?job_id=` or poll `Location`. One sync
    runs at a time: another one asked for meanwhile is refused (422) naming the running one.
    503 when the providers cannot be opened (a library missing, `tdx` without its folder).

    Args:
        body (SyncJobRequest): What to sync; every field may be left out. Example: {'symbols':
            ['600000.SH'], 'periods': ['1d']}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SyncJob
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
