from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.watchlist import Watchlist
from ...models.watchlist_item_input import WatchlistItemInput
from ...types import UNSET, Response, Unset


def _get_kwargs(
    watchlist_id: int,
    symbol: str,
    *,
    body: WatchlistItemInput | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/watchlists/{watchlist_id}/items/{symbol}".format(
            watchlist_id=quote(str(watchlist_id), safe=""),
            symbol=quote(str(symbol), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Watchlist | None:
    if response.status_code == 200:
        response_200 = Watchlist.from_dict(response.json())

        return response_200

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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

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
    watchlist_id: int,
    symbol: str,
    *,
    client: AuthenticatedClient | Client,
    body: WatchlistItemInput | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Response[Problem | Watchlist]:
    """Add an instrument to a watchlist, or change its note or place

     Adds the instrument (at the end, or at `position`), or changes the note or place of one
    already there; with `position` the others move to make room and positions stay 0 to
    n − 1. At most 500 items per watchlist (one more answers 422). Every change bumps the
    watchlist's version (the new one is in `ETag`).

    A `PUT` is idempotent, so `If-Match` is optional here: without it the change applies to
    whatever version is current; with it a stale version answers 412 and nothing changes.

    Args:
        watchlist_id (int):
        symbol (str):
        if_match (str | Unset):
        body (WatchlistItemInput | Unset): An item's note and place. Without `note` an item keeps
            its note (a new one has none; null
            clears it); without `position` it keeps its place (a new one is appended). A `position`
            past
            the end puts it last.
             Example: {'note': '等回调到 24 元', 'position': 0}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Watchlist]
    """

    kwargs = _get_kwargs(
        watchlist_id=watchlist_id,
        symbol=symbol,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    watchlist_id: int,
    symbol: str,
    *,
    client: AuthenticatedClient | Client,
    body: WatchlistItemInput | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Problem | Watchlist | None:
    """Add an instrument to a watchlist, or change its note or place

     Adds the instrument (at the end, or at `position`), or changes the note or place of one
    already there; with `position` the others move to make room and positions stay 0 to
    n − 1. At most 500 items per watchlist (one more answers 422). Every change bumps the
    watchlist's version (the new one is in `ETag`).

    A `PUT` is idempotent, so `If-Match` is optional here: without it the change applies to
    whatever version is current; with it a stale version answers 412 and nothing changes.

    Args:
        watchlist_id (int):
        symbol (str):
        if_match (str | Unset):
        body (WatchlistItemInput | Unset): An item's note and place. Without `note` an item keeps
            its note (a new one has none; null
            clears it); without `position` it keeps its place (a new one is appended). A `position`
            past
            the end puts it last.
             Example: {'note': '等回调到 24 元', 'position': 0}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Watchlist
    """

    return sync_detailed(
        watchlist_id=watchlist_id,
        symbol=symbol,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    watchlist_id: int,
    symbol: str,
    *,
    client: AuthenticatedClient | Client,
    body: WatchlistItemInput | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Response[Problem | Watchlist]:
    """Add an instrument to a watchlist, or change its note or place

     Adds the instrument (at the end, or at `position`), or changes the note or place of one
    already there; with `position` the others move to make room and positions stay 0 to
    n − 1. At most 500 items per watchlist (one more answers 422). Every change bumps the
    watchlist's version (the new one is in `ETag`).

    A `PUT` is idempotent, so `If-Match` is optional here: without it the change applies to
    whatever version is current; with it a stale version answers 412 and nothing changes.

    Args:
        watchlist_id (int):
        symbol (str):
        if_match (str | Unset):
        body (WatchlistItemInput | Unset): An item's note and place. Without `note` an item keeps
            its note (a new one has none; null
            clears it); without `position` it keeps its place (a new one is appended). A `position`
            past
            the end puts it last.
             Example: {'note': '等回调到 24 元', 'position': 0}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Watchlist]
    """

    kwargs = _get_kwargs(
        watchlist_id=watchlist_id,
        symbol=symbol,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    watchlist_id: int,
    symbol: str,
    *,
    client: AuthenticatedClient | Client,
    body: WatchlistItemInput | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Problem | Watchlist | None:
    """Add an instrument to a watchlist, or change its note or place

     Adds the instrument (at the end, or at `position`), or changes the note or place of one
    already there; with `position` the others move to make room and positions stay 0 to
    n − 1. At most 500 items per watchlist (one more answers 422). Every change bumps the
    watchlist's version (the new one is in `ETag`).

    A `PUT` is idempotent, so `If-Match` is optional here: without it the change applies to
    whatever version is current; with it a stale version answers 412 and nothing changes.

    Args:
        watchlist_id (int):
        symbol (str):
        if_match (str | Unset):
        body (WatchlistItemInput | Unset): An item's note and place. Without `note` an item keeps
            its note (a new one has none; null
            clears it); without `position` it keeps its place (a new one is appended). A `position`
            past
            the end puts it last.
             Example: {'note': '等回调到 24 元', 'position': 0}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Watchlist
    """

    return (
        await asyncio_detailed(
            watchlist_id=watchlist_id,
            symbol=symbol,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
