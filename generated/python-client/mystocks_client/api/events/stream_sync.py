from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.stream_sync_response_200 import StreamSyncResponse200
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    job_id: int | Unset = UNSET,
    last_event_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(last_event_id, Unset):
        headers["Last-Event-ID"] = last_event_id

    params: dict[str, Any] = {}

    params["job_id"] = job_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/sse/sync",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | StreamSyncResponse200 | None:
    if response.status_code == 200:
        response_200 = StreamSyncResponse200.from_dict(response.text)

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

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | StreamSyncResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    job_id: int | Unset = UNSET,
    last_event_id: str | Unset = UNSET,
) -> Response[Problem | StreamSyncResponse200]:
    """Live sync progress (Server-Sent Events, admin)

     A `text/event-stream` of `sync_update` events (each a `SyncUpdateEvent`), one per symbol
    handled: of one sync (`job_id`), or of every sync. Each event has an `id:` line; reconnect with
    `Last-Event-ID` to receive what you missed (events are kept for the last 10,000 updates).
    A comment line is sent as a heartbeat when nothing else happens. A one-job stream ends
    after the job's final event.

    Args:
        job_id (int | Unset):
        last_event_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StreamSyncResponse200]
    """

    kwargs = _get_kwargs(
        job_id=job_id,
        last_event_id=last_event_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    job_id: int | Unset = UNSET,
    last_event_id: str | Unset = UNSET,
) -> Problem | StreamSyncResponse200 | None:
    """Live sync progress (Server-Sent Events, admin)

     A `text/event-stream` of `sync_update` events (each a `SyncUpdateEvent`), one per symbol
    handled: of one sync (`job_id`), or of every sync. Each event has an `id:` line; reconnect with
    `Last-Event-ID` to receive what you missed (events are kept for the last 10,000 updates).
    A comment line is sent as a heartbeat when nothing else happens. A one-job stream ends
    after the job's final event.

    Args:
        job_id (int | Unset):
        last_event_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StreamSyncResponse200
    """

    return sync_detailed(
        client=client,
        job_id=job_id,
        last_event_id=last_event_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    job_id: int | Unset = UNSET,
    last_event_id: str | Unset = UNSET,
) -> Response[Problem | StreamSyncResponse200]:
    """Live sync progress (Server-Sent Events, admin)

     A `text/event-stream` of `sync_update` events (each a `SyncUpdateEvent`), one per symbol
    handled: of one sync (`job_id`), or of every sync. Each event has an `id:` line; reconnect with
    `Last-Event-ID` to receive what you missed (events are kept for the last 10,000 updates).
    A comment line is sent as a heartbeat when nothing else happens. A one-job stream ends
    after the job's final event.

    Args:
        job_id (int | Unset):
        last_event_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StreamSyncResponse200]
    """

    kwargs = _get_kwargs(
        job_id=job_id,
        last_event_id=last_event_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    job_id: int | Unset = UNSET,
    last_event_id: str | Unset = UNSET,
) -> Problem | StreamSyncResponse200 | None:
    """Live sync progress (Server-Sent Events, admin)

     A `text/event-stream` of `sync_update` events (each a `SyncUpdateEvent`), one per symbol
    handled: of one sync (`job_id`), or of every sync. Each event has an `id:` line; reconnect with
    `Last-Event-ID` to receive what you missed (events are kept for the last 10,000 updates).
    A comment line is sent as a heartbeat when nothing else happens. A one-job stream ends
    after the job's final event.

    Args:
        job_id (int | Unset):
        last_event_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StreamSyncResponse200
    """

    return (
        await asyncio_detailed(
            client=client,
            job_id=job_id,
            last_event_id=last_event_id,
        )
    ).parsed
