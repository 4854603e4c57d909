from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.watchlist import Watchlist
from ...models.watchlist_input import WatchlistInput
from ...types import Response


def _get_kwargs(
    *,
    body: WatchlistInput,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/watchlists",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Watchlist | None:
    if response.status_code == 201:
        response_201 = Watchlist.from_dict(response.json())

        return response_201

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Watchlist]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: WatchlistInput,
) -> Response[Problem | Watchlist]:
    """Create a watchlist

     Any signed-in user may keep watchlists (viewers too: watching is reading), up to 50 each;
    the 51st answers 422.

    Args:
        body (WatchlistInput): A new watchlist: its name and, optionally, its first items in order
            (each symbol once, each a
            listed instrument; otherwise 422 naming the item). At most 50 watchlists per user.
             Example: {'name': '银行', 'items': [{'symbol': '600036.SH', 'note': '银行龙头'}, {'symbol':
            '000001.SZ'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Watchlist]
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
    body: WatchlistInput,
) -> Problem | Watchlist | None:
    """Create a watchlist

     Any signed-in user may keep watchlists (viewers too: watching is reading), up to 50 each;
    the 51st answers 422.

    Args:
        body (WatchlistInput): A new watchlist: its name and, optionally, its first items in order
            (each symbol once, each a
            listed instrument; otherwise 422 naming the item). At most 50 watchlists per user.
             Example: {'name': '银行', 'items': [{'symbol': '600036.SH', 'note': '银行龙头'}, {'symbol':
            '000001.SZ'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Watchlist
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: WatchlistInput,
) -> Response[Problem | Watchlist]:
    """Create a watchlist

     Any signed-in user may keep watchlists (viewers too: watching is reading), up to 50 each;
    the 51st answers 422.

    Args:
        body (WatchlistInput): A new watchlist: its name and, optionally, its first items in order
            (each symbol once, each a
            listed instrument; otherwise 422 naming the item). At most 50 watchlists per user.
             Example: {'name': '银行', 'items': [{'symbol': '600036.SH', 'note': '银行龙头'}, {'symbol':
            '000001.SZ'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Watchlist]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: WatchlistInput,
) -> Problem | Watchlist | None:
    """Create a watchlist

     Any signed-in user may keep watchlists (viewers too: watching is reading), up to 50 each;
    the 51st answers 422.

    Args:
        body (WatchlistInput): A new watchlist: its name and, optionally, its first items in order
            (each symbol once, each a
            listed instrument; otherwise 422 naming the item). At most 50 watchlists per user.
             Example: {'name': '银行', 'items': [{'symbol': '600036.SH', 'note': '银行龙头'}, {'symbol':
            '000001.SZ'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Watchlist
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
