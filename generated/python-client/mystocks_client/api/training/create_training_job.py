from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.training_job import TrainingJob
from ...models.training_request import TrainingRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: TrainingRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/training-jobs",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | TrainingJob | None:
    if response.status_code == 202:
        response_202 = TrainingJob.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | TrainingJob]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TrainingRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | TrainingJob]:
    """Start a parameter search

     Queues the search and answers at once with 202; follow it at `GET /api/v1/sse/training?job_id=`.

    Args:
        idempotency_key (str | Unset):
        body (TrainingRequest): A parameter search for one strategy type over daily bars: every
            combination of `grid`, or
            `trials` random draws from `ranges` (exactly one of the two). Parameters not searched keep
            their defaults; combinations the type refuses (a fast average slower than the slow one)
            are
            skipped. Each trial is a full backtest; trials are ranked by `objective`.
             Example: {'strategy_type': 'sma_cross', 'grid': {'fast': [5, 10], 'slow': [20, 30, 60]},
            'symbols': ['600036.SH'], 'start': '2015-01-01', 'end': '2016-12-31', 'objective':
            'sharpe'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TrainingJob]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: TrainingRequest,
    idempotency_key: str | Unset = UNSET,
) -> Problem | TrainingJob | None:
    """Start a parameter search

     Queues the search and answers at once with 202; follow it at `GET /api/v1/sse/training?job_id=`.

    Args:
        idempotency_key (str | Unset):
        body (TrainingRequest): A parameter search for one strategy type over daily bars: every
            combination of `grid`, or
            `trials` random draws from `ranges` (exactly one of the two). Parameters not searched keep
            their defaults; combinations the type refuses (a fast average slower than the slow one)
            are
            skipped. Each trial is a full backtest; trials are ranked by `objective`.
             Example: {'strategy_type': 'sma_cross', 'grid': {'fast': [5, 10], 'slow': [20, 30, 60]},
            'symbols': ['600036.SH'], 'start': '2015-01-01', 'end': '2016-12-31', 'objective':
            'sharpe'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TrainingJob
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TrainingRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | TrainingJob]:
    """Start a parameter search

     Queues the search and answers at once with 202; follow it at `GET /api/v1/sse/training?job_id=`.

    Args:
        idempotency_key (str | Unset):
        body (TrainingRequest): A parameter search for one strategy type over daily bars: every
            combination of `grid`, or
            `trials` random draws from `ranges` (exactly one of the two). Parameters not searched keep
            their defaults; combinations the type refuses (a fast average slower than the slow one)
            are
            skipped. Each trial is a full backtest; trials are ranked by `objective`.
             Example: {'strategy_type': 'sma_cross', 'grid': {'fast': [5, 10], 'slow': [20, 30, 60]},
            'symbols': ['600036.SH'], 'start': '2015-01-01', 'end': '2016-12-31', 'objective':
            'sharpe'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TrainingJob]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: TrainingRequest,
    idempotency_key: str | Unset = UNSET,
) -> Problem | TrainingJob | None:
    """Start a parameter search

     Queues the search and answers at once with 202; follow it at `GET /api/v1/sse/training?job_id=`.

    Args:
        idempotency_key (str | Unset):
        body (TrainingRequest): A parameter search for one strategy type over daily bars: every
            combination of `grid`, or
            `trials` random draws from `ranges` (exactly one of the two). Parameters not searched keep
            their defaults; combinations the type refuses (a fast average slower than the slow one)
            are
            skipped. Each trial is a full backtest; trials are ranked by `objective`.
             Example: {'strategy_type': 'sma_cross', 'grid': {'fast': [5, 10], 'slow': [20, 30, 60]},
            'symbols': ['600036.SH'], 'start': '2015-01-01', 'end': '2016-12-31', 'objective':
            'sharpe'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TrainingJob
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
