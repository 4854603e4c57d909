from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.ingest_result import IngestResult
from ...models.problem import Problem
from ...models.tick_ingest import TickIngest
from ...types import Response


def _get_kwargs(
    *,
    body: TickIngest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/market/ticks",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> IngestResult | Problem | None:
    if response.status_code == 200:
        response_200 = IngestResult.from_dict(response.json())

        return response_200

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
) -> Response[IngestResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TickIngest,
) -> Response[IngestResult | Problem]:
    """Ingest a batch of ticks (admin)

     Writes up to 10,000 ticks in one transaction, all or nothing; the latest quote follows the
    newest tick.

    Args:
        body (TickIngest): A batch of ticks, written all or nothing. A tick for an existing
            (symbol, ts) replaces it. Example: {'items': [{'symbol': '600036.SH', 'ts':
            '2017-07-27T09:30:03+08:00', 'price': 24.4, 'volume': 1200}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IngestResult | Problem]
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
    body: TickIngest,
) -> IngestResult | Problem | None:
    """Ingest a batch of ticks (admin)

     Writes up to 10,000 ticks in one transaction, all or nothing; the latest quote follows the
    newest tick.

    Args:
        body (TickIngest): A batch of ticks, written all or nothing. A tick for an existing
            (symbol, ts) replaces it. Example: {'items': [{'symbol': '600036.SH', 'ts':
            '2017-07-27T09:30:03+08:00', 'price': 24.4, 'volume': 1200}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IngestResult | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TickIngest,
) -> Response[IngestResult | Problem]:
    """Ingest a batch of ticks (admin)

     Writes up to 10,000 ticks in one transaction, all or nothing; the latest quote follows the
    newest tick.

    Args:
        body (TickIngest): A batch of ticks, written all or nothing. A tick for an existing
            (symbol, ts) replaces it. Example: {'items': [{'symbol': '600036.SH', 'ts':
            '2017-07-27T09:30:03+08:00', 'price': 24.4, 'volume': 1200}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IngestResult | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: TickIngest,
) -> IngestResult | Problem | None:
    """Ingest a batch of ticks (admin)

     Writes up to 10,000 ticks in one transaction, all or nothing; the latest quote follows the
    newest tick.

    Args:
        body (TickIngest): A batch of ticks, written all or nothing. A tick for an existing
            (symbol, ts) replaces it. Example: {'items': [{'symbol': '600036.SH', 'ts':
            '2017-07-27T09:30:03+08:00', 'price': 24.4, 'volume': 1200}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IngestResult | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
