from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bar_ingest import BarIngest
from ...models.ingest_result import IngestResult
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: BarIngest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/market/bars",
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
    body: BarIngest,
) -> Response[IngestResult | Problem]:
    """Ingest a batch of bars (admin)

     Writes up to 10,000 bars in one transaction: every bar is checked (known symbol,
    low ≤ open, close ≤ high) before anything is written, and a batch with any bad bar writes
    nothing (422 naming each bad bar).

    Args:
        body (BarIngest): A batch of bars, written all or nothing. A bar for an existing (symbol,
            ts) replaces it. Example: {'period': '1d', 'items': [{'symbol': '600036.SH', 'ts':
            '2017-07-27T00:00:00+08:00', 'open': 24.36, 'high': 24.8, 'low': 24.3, 'close': 24.71,
            'volume': 51234500}]}.

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
    body: BarIngest,
) -> IngestResult | Problem | None:
    """Ingest a batch of bars (admin)

     Writes up to 10,000 bars in one transaction: every bar is checked (known symbol,
    low ≤ open, close ≤ high) before anything is written, and a batch with any bad bar writes
    nothing (422 naming each bad bar).

    Args:
        body (BarIngest): A batch of bars, written all or nothing. A bar for an existing (symbol,
            ts) replaces it. Example: {'period': '1d', 'items': [{'symbol': '600036.SH', 'ts':
            '2017-07-27T00:00:00+08:00', 'open': 24.36, 'high': 24.8, 'low': 24.3, 'close': 24.71,
            'volume': 51234500}]}.

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
    body: BarIngest,
) -> Response[IngestResult | Problem]:
    """Ingest a batch of bars (admin)

     Writes up to 10,000 bars in one transaction: every bar is checked (known symbol,
    low ≤ open, close ≤ high) before anything is written, and a batch with any bad bar writes
    nothing (422 naming each bad bar).

    Args:
        body (BarIngest): A batch of bars, written all or nothing. A bar for an existing (symbol,
            ts) replaces it. Example: {'period': '1d', 'items': [{'symbol': '600036.SH', 'ts':
            '2017-07-27T00:00:00+08:00', 'open': 24.36, 'high': 24.8, 'low': 24.3, 'close': 24.71,
            'volume': 51234500}]}.

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
    body: BarIngest,
) -> IngestResult | Problem | None:
    """Ingest a batch of bars (admin)

     Writes up to 10,000 bars in one transaction: every bar is checked (known symbol,
    low ≤ open, close ≤ high) before anything is written, and a batch with any bad bar writes
    nothing (422 naming each bad bar).

    Args:
        body (BarIngest): A batch of bars, written all or nothing. A bar for an existing (symbol,
            ts) replaces it. Example: {'period': '1d', 'items': [{'symbol': '600036.SH', 'ts':
            '2017-07-27T00:00:00+08:00', 'open': 24.36, 'high': 24.8, 'low': 24.3, 'close': 24.71,
            'volume': 51234500}]}.

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
