from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.stream_alerts_response_200 import StreamAlertsResponse200
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    last_event_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(last_event_id, Unset):
        headers["Last-Event-ID"] = last_event_id

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/sse/alerts",
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | StreamAlertsResponse200 | None:
    if response.status_code == 200:
        response_200 = StreamAlertsResponse200.from_dict(response.text)

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
) -> Response[Problem | StreamAlertsResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    last_event_id: str | Unset = UNSET,
) -> Response[Problem | StreamAlertsResponse200]:
    """Live risk alerts (Server-Sent Events)

     A `text/event-stream` of `risk_alert` events (each a `RiskAlertEvent`): your alerts as your
    rules fire them (an admin's stream carries everyone's). Each event has an `id:` line;
    reconnect with `Last-Event-ID` to receive what you missed. A comment line is sent as a
    heartbeat when nothing else happens; the stream ends after `MYSTOCKS_SSE_MAX_SECONDS`.

    Args:
        last_event_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StreamAlertsResponse200]
    """

    kwargs = _get_kwargs(
        last_event_id=last_event_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    last_event_id: str | Unset = UNSET,
) -> Problem | StreamAlertsResponse200 | None:
    """Live risk alerts (Server-Sent Events)

     A `text/event-stream` of `risk_alert` events (each a `RiskAlertEvent`): your alerts as your
    rules fire them (an admin's stream carries everyone's). Each event has an `id:` line;
    reconnect with `Last-Event-ID` to receive what you missed. A comment line is sent as a
    heartbeat when nothing else happens; the stream ends after `MYSTOCKS_SSE_MAX_SECONDS`.

    Args:
        last_event_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StreamAlertsResponse200
    """

    return sync_detailed(
        client=client,
        last_event_id=last_event_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    last_event_id: str | Unset = UNSET,
) -> Response[Problem | StreamAlertsResponse200]:
    """Live risk alerts (Server-Sent Events)

     A `text/event-stream` of `risk_alert` events (each a `RiskAlertEvent`): your alerts as your
    rules fire them (an admin's stream carries everyone's). Each event has an `id:` line;
    reconnect with `Last-Event-ID` to receive what you missed. A comment line is sent as a
    heartbeat when nothing else happens; the stream ends after `MYSTOCKS_SSE_MAX_SECONDS`.

    Args:
        last_event_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StreamAlertsResponse200]
    """

    kwargs = _get_kwargs(
        last_event_id=last_event_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    last_event_id: str | Unset = UNSET,
) -> Problem | StreamAlertsResponse200 | None:
    """Live risk alerts (Server-Sent Events)

     A `text/event-stream` of `risk_alert` events (each a `RiskAlertEvent`): your alerts as your
    rules fire them (an admin's stream carries everyone's). Each event has an `id:` line;
    reconnect with `Last-Event-ID` to receive what you missed. A comment line is sent as a
    heartbeat when nothing else happens; the stream ends after `MYSTOCKS_SSE_MAX_SECONDS`.

    Args:
        last_event_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StreamAlertsResponse200
    """

    return (
        await asyncio_detailed(
            client=client,
            last_event_id=last_event_id,
        )
    ).parsed
