from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.stream_dashboard_response_200 import StreamDashboardResponse200
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
        "url": "/api/v1/sse/dashboard",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | StreamDashboardResponse200 | None:
    if response.status_code == 200:
        response_200 = StreamDashboardResponse200.from_dict(response.text)

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | StreamDashboardResponse200]:
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
) -> Response[Problem | StreamDashboardResponse200]:
    """Live dashboard (Server-Sent Events)

     A `text/event-stream` of `dashboard_update` events (each a `DashboardUpdateEvent` whose
    `data` is the snapshot `GET /api/v1/dashboard` answers). The current snapshot is sent at
    connect, then a new one whenever it differs from the last one sent (the event `id` is the
    snapshot's digest), checked every second and never more than one event per second. A
    comment line is sent as a heartbeat when nothing changes. There is no history to resume:
    a reconnecting client receives the current snapshot first.

    Args:
        watchlist (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StreamDashboardResponse200]
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
) -> Problem | StreamDashboardResponse200 | None:
    """Live dashboard (Server-Sent Events)

     A `text/event-stream` of `dashboard_update` events (each a `DashboardUpdateEvent` whose
    `data` is the snapshot `GET /api/v1/dashboard` answers). The current snapshot is sent at
    connect, then a new one whenever it differs from the last one sent (the event `id` is the
    snapshot's digest), checked every second and never more than one event per second. A
    comment line is sent as a heartbeat when nothing changes. There is no history to resume:
    a reconnecting client receives the current snapshot first.

    Args:
        watchlist (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StreamDashboardResponse200
    """

    return sync_detailed(
        client=client,
        watchlist=watchlist,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    watchlist: int | Unset = UNSET,
) -> Response[Problem | StreamDashboardResponse200]:
    """Live dashboard (Server-Sent Events)

     A `text/event-stream` of `dashboard_update` events (each a `DashboardUpdateEvent` whose
    `data` is the snapshot `GET /api/v1/dashboard` answers). The current snapshot is sent at
    connect, then a new one whenever it differs from the last one sent (the event `id` is the
    snapshot's digest), checked every second and never more than one event per second. A
    comment line is sent as a heartbeat when nothing changes. There is no history to resume:
    a reconnecting client receives the current snapshot first.

    Args:
        watchlist (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StreamDashboardResponse200]
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
) -> Problem | StreamDashboardResponse200 | None:
    """Live dashboard (Server-Sent Events)

     A `text/event-stream` of `dashboard_update` events (each a `DashboardUpdateEvent` whose
    `data` is the snapshot `GET /api/v1/dashboard` answers). The current snapshot is sent at
    connect, then a new one whenever it differs from the last one sent (the event `id` is the
    snapshot's digest), checked every second and never more than one event per second. A
    comment line is sent as a heartbeat when nothing changes. There is no history to resume:
    a reconnecting client receives the current snapshot first.

    Args:
        watchlist (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StreamDashboardResponse200
    """

    return (
        await asyncio_detailed(
            client=client,
            watchlist=watchlist,
        )
    ).parsed
