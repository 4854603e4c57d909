from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/ws",
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
    if response.status_code == 101:
        response_101 = cast(Any, None)
        return response_101

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 426:
        response_426 = Problem.from_dict(response.json())

        return response_426

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | Problem]:
    """The WebSocket channel (market data, signals, orders, alerts)

     One multiplexed WebSocket per client on the same port as the REST API; `openapi/asyncapi.yaml`
    describes it in full. Connect with `Upgrade: websocket` (no token in the URL), then within 5 s
    send `{"type": "auth", "token": "<access token>"}`; then `subscribe` to channels such as
    `ticks:600036.SH`, `quotes:600036.SH`, `bars:600036.SH:1m`, `signals:{strategy_id}`,
    `orders` and `alerts`. Client messages are `WsClientMessage`s, server messages
    `WsServerMessage`s (`x-websocket` lists them), and the close codes are `WsCloseCode`.
    A plain GET without the upgrade is answered 426.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> Any | Problem | None:
    """The WebSocket channel (market data, signals, orders, alerts)

     One multiplexed WebSocket per client on the same port as the REST API; `openapi/asyncapi.yaml`
    describes it in full. Connect with `Upgrade: websocket` (no token in the URL), then within 5 s
    send `{"type": "auth", "token": "<access token>"}`; then `subscribe` to channels such as
    `ticks:600036.SH`, `quotes:600036.SH`, `bars:600036.SH:1m`, `signals:{strategy_id}`,
    `orders` and `alerts`. Client messages are `WsClientMessage`s, server messages
    `WsServerMessage`s (`x-websocket` lists them), and the close codes are `WsCloseCode`.
    A plain GET without the upgrade is answered 426.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | Problem]:
    """The WebSocket channel (market data, signals, orders, alerts)

     One multiplexed WebSocket per client on the same port as the REST API; `openapi/asyncapi.yaml`
    describes it in full. Connect with `Upgrade: websocket` (no token in the URL), then within 5 s
    send `{"type": "auth", "token": "<access token>"}`; then `subscribe` to channels such as
    `ticks:600036.SH`, `quotes:600036.SH`, `bars:600036.SH:1m`, `signals:{strategy_id}`,
    `orders` and `alerts`. Client messages are `WsClientMessage`s, server messages
    `WsServerMessage`s (`x-websocket` lists them), and the close codes are `WsCloseCode`.
    A plain GET without the upgrade is answered 426.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> Any | Problem | None:
    """The WebSocket channel (market data, signals, orders, alerts)

     One multiplexed WebSocket per client on the same port as the REST API; `openapi/asyncapi.yaml`
    describes it in full. Connect with `Upgrade: websocket` (no token in the URL), then within 5 s
    send `{"type": "auth", "token": "<access token>"}`; then `subscribe` to channels such as
    `ticks:600036.SH`, `quotes:600036.SH`, `bars:600036.SH:1m`, `signals:{strategy_id}`,
    `orders` and `alerts`. Client messages are `WsClientMessage`s, server messages
    `WsServerMessage`s (`x-websocket` lists them), and the close codes are `WsCloseCode`.
    A plain GET without the upgrade is answered 426.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
