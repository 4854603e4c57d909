from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.backtest import Backtest
from ...models.backtest_request import BacktestRequest
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: BacktestRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/backtests",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Backtest | Problem | None:
    if response.status_code == 202:
        response_202 = Backtest.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Backtest | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BacktestRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Backtest | Problem]:
    """Start a backtest

     Queues the job and answers at once with 202; follow it at `GET /api/v1/sse/backtest?job_id=`
    or poll `Location`.

    Args:
        idempotency_key (str | Unset):
        body (BacktestRequest): A backtest of a stored strategy (`strategy_id`) or of an inline
            one (`strategy`): exactly one
            of the two. `symbols` defaults to the stored strategy's. Daily bars between `start` and
            `end`
            (inclusive); the cash is split equally between the symbols.
             Example: {'strategy': {'type': 'sma_cross', 'parameters': {'fast': 5, 'slow': 20}},
            'symbols': ['600036.SH', '000002.SZ'], 'start': '2016-07-01', 'end': '2017-06-30',
            'initial_cash': 1000000}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Backtest | Problem]
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
    body: BacktestRequest,
    idempotency_key: str | Unset = UNSET,
) -> Backtest | Problem | None:
    """Start a backtest

     Queues the job and answers at once with 202; follow it at `GET /api/v1/sse/backtest?job_id=`
    or poll `Location`.

    Args:
        idempotency_key (str | Unset):
        body (BacktestRequest): A backtest of a stored strategy (`strategy_id`) or of an inline
            one (`strategy`): exactly one
            of the two. `symbols` defaults to the stored strategy's. Daily bars between `start` and
            `end`
            (inclusive); the cash is split equally between the symbols.
             Example: {'strategy': {'type': 'sma_cross', 'parameters': {'fast': 5, 'slow': 20}},
            'symbols': ['600036.SH', '000002.SZ'], 'start': '2016-07-01', 'end': '2017-06-30',
            'initial_cash': 1000000}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Backtest | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BacktestRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Backtest | Problem]:
    """Start a backtest

     Queues the job and answers at once with 202; follow it at `GET /api/v1/sse/backtest?job_id=`
    or poll `Location`.

    Args:
        idempotency_key (str | Unset):
        body (BacktestRequest): A backtest of a stored strategy (`strategy_id`) or of an inline
            one (`strategy`): exactly one
            of the two. `symbols` defaults to the stored strategy's. Daily bars between `start` and
            `end`
            (inclusive); the cash is split equally between the symbols.
             Example: {'strategy': {'type': 'sma_cross', 'parameters': {'fast': 5, 'slow': 20}},
            'symbols': ['600036.SH', '000002.SZ'], 'start': '2016-07-01', 'end': '2017-06-30',
            'initial_cash': 1000000}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Backtest | Problem]
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
    body: BacktestRequest,
    idempotency_key: str | Unset = UNSET,
) -> Backtest | Problem | None:
    """Start a backtest

     Queues the job and answers at once with 202; follow it at `GET /api/v1/sse/backtest?job_id=`
    or poll `Location`.

    Args:
        idempotency_key (str | Unset):
        body (BacktestRequest): A backtest of a stored strategy (`strategy_id`) or of an inline
            one (`strategy`): exactly one
            of the two. `symbols` defaults to the stored strategy's. Daily bars between `start` and
            `end`
            (inclusive); the cash is split equally between the symbols.
             Example: {'strategy': {'type': 'sma_cross', 'parameters': {'fast': 5, 'slow': 20}},
            'symbols': ['600036.SH', '000002.SZ'], 'start': '2016-07-01', 'end': '2017-06-30',
            'initial_cash': 1000000}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Backtest | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
