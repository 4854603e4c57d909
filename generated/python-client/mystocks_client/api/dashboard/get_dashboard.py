from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dashboard import Dashboard
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    watchlist: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["watchlist"] = watchlist

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/dashboard",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Dashboard | Problem | None:
    if response.status_code == 200:
        response_200 = Dashboard.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Dashboard | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    watchlist: int | Unset = UNSET,
) -> Response[Dashboard | Problem]:
    """Dashboard snapshot

     Market breadth and top movers of the A-shares (from every A-share's latest quote, as
    `GET /api/v1/market/quotes` builds it), the backtests and training jobs you can see that are
    queued or running, risk alerts of the last 24 hours and the ingest rate. To follow it live,
    use `GET /api/v1/sse/dashboard`, which pushes the same snapshot whenever it changes.

    Args:
        watchlist (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Dashboard | Problem]
    """

    kwargs = _get_kwargs(
        watchlist=watchlist,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    watchlist: int | Unset = UNSET,
) -> Dashboard | Problem | None:
    """Dashboard snapshot

     Market breadth and top movers of the A-shares (from every A-share's latest quote, as
    `GET /api/v1/market/quotes` builds it), the backtests and training jobs you can see that are
    queued or running, risk alerts of the last 24 hours and the ingest rate. To follow it live,
    use `GET /api/v1/sse/dashboard`, which pushes the same snapshot whenever it changes.

    Args:
        watchlist (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Dashboard | Problem
    """

    return sync_detailed(
        client=client,
        watchlist=watchlist,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    watchlist: int | Unset = UNSET,
) -> Response[Dashboard | Problem]:
    """Dashboard snapshot

     Market breadth and top movers of the A-shares (from every A-share's latest quote, as
    `GET /api/v1/market/quotes` builds it), the backtests and training jobs you can see that are
    queued or running, risk alerts of the last 24 hours and the ingest rate. To follow it live,
    use `GET /api/v1/sse/dashboard`, which pushes the same snapshot whenever it changes.

    Args:
        watchlist (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Dashboard | Problem]
    """

    kwargs = _get_kwargs(
        watchlist=watchlist,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    watchlist: int | Unset = UNSET,
) -> Dashboard | Problem | None:
    """Dashboard snapshot

     Market breadth and top movers of the A-shares (from every A-share's latest quote, as
    `GET /api/v1/market/quotes` builds it), the backtests and training jobs you can see that are
    queued or running, risk alerts of the last 24 hours and the ingest rate. To follow it live,
    use `GET /api/v1/sse/dashboard`, which pushes the same snapshot whenever it changes.

    Args:
        watchlist (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Dashboard | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            watchlist=watchlist,
        )
    ).parsed
