from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.order import Order
from ...models.order_input import OrderInput
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: OrderInput,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/orders",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Order | Problem | None:
    if response.status_code == 200:
        response_200 = Order.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = Order.from_dict(response.json())

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

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = Problem.from_dict(response.json())

        return response_428

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Order | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: OrderInput,
    idempotency_key: str | Unset = UNSET,
) -> Response[Order | Problem]:
    """Place a paper order

     Checked against the A-share rules and the pre-trade limits, then accepted with status
    `new` and its cash (value and fees) or shares frozen until it fills or ends. Every refusal
    is a 422 whose `code` names the rule. `Idempotency-Key` is required (428 without it); a
    repeat answers the first order with 200.

    Args:
        idempotency_key (str | Unset):
        body (OrderInput): An order of a paper account. Checked before acceptance; each refusal is
            a 422 whose `code`
            names the rule: `board_lot`, `price_tick`, `price_limit`, `t_plus_one`,
            `insufficient_cash`,
            `insufficient_shares`, `trading_session`, `max_order_value`, `max_position`,
            `daily_loss_limit` (buys only, while the account is down more than its daily loss limit
            since
            the previous trading day's close), `no_price`, `unsupported_market`, `limit_price`.
             Example: {'account_id': 1, 'symbol': '600036.SH', 'side': 'buy', 'type': 'limit',
            'quantity': 1000, 'limit_price': 10.5}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Order | Problem]
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
    body: OrderInput,
    idempotency_key: str | Unset = UNSET,
) -> Order | Problem | None:
    """Place a paper order

     Checked against the A-share rules and the pre-trade limits, then accepted with status
    `new` and its cash (value and fees) or shares frozen until it fills or ends. Every refusal
    is a 422 whose `code` names the rule. `Idempotency-Key` is required (428 without it); a
    repeat answers the first order with 200.

    Args:
        idempotency_key (str | Unset):
        body (OrderInput): An order of a paper account. Checked before acceptance; each refusal is
            a 422 whose `code`
            names the rule: `board_lot`, `price_tick`, `price_limit`, `t_plus_one`,
            `insufficient_cash`,
            `insufficient_shares`, `trading_session`, `max_order_value`, `max_position`,
            `daily_loss_limit` (buys only, while the account is down more than its daily loss limit
            since
            the previous trading day's close), `no_price`, `unsupported_market`, `limit_price`.
             Example: {'account_id': 1, 'symbol': '600036.SH', 'side': 'buy', 'type': 'limit',
            'quantity': 1000, 'limit_price': 10.5}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Order | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: OrderInput,
    idempotency_key: str | Unset = UNSET,
) -> Response[Order | Problem]:
    """Place a paper order

     Checked against the A-share rules and the pre-trade limits, then accepted with status
    `new` and its cash (value and fees) or shares frozen until it fills or ends. Every refusal
    is a 422 whose `code` names the rule. `Idempotency-Key` is required (428 without it); a
    repeat answers the first order with 200.

    Args:
        idempotency_key (str | Unset):
        body (OrderInput): An order of a paper account. Checked before acceptance; each refusal is
            a 422 whose `code`
            names the rule: `board_lot`, `price_tick`, `price_limit`, `t_plus_one`,
            `insufficient_cash`,
            `insufficient_shares`, `trading_session`, `max_order_value`, `max_position`,
            `daily_loss_limit` (buys only, while the account is down more than its daily loss limit
            since
            the previous trading day's close), `no_price`, `unsupported_market`, `limit_price`.
             Example: {'account_id': 1, 'symbol': '600036.SH', 'side': 'buy', 'type': 'limit',
            'quantity': 1000, 'limit_price': 10.5}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Order | Problem]
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
    body: OrderInput,
    idempotency_key: str | Unset = UNSET,
) -> Order | Problem | None:
    """Place a paper order

     Checked against the A-share rules and the pre-trade limits, then accepted with status
    `new` and its cash (value and fees) or shares frozen until it fills or ends. Every refusal
    is a 422 whose `code` names the rule. `Idempotency-Key` is required (428 without it); a
    repeat answers the first order with 200.

    Args:
        idempotency_key (str | Unset):
        body (OrderInput): An order of a paper account. Checked before acceptance; each refusal is
            a 422 whose `code`
            names the rule: `board_lot`, `price_tick`, `price_limit`, `t_plus_one`,
            `insufficient_cash`,
            `insufficient_shares`, `trading_session`, `max_order_value`, `max_position`,
            `daily_loss_limit` (buys only, while the account is down more than its daily loss limit
            since
            the previous trading day's close), `no_price`, `unsupported_market`, `limit_price`.
             Example: {'account_id': 1, 'symbol': '600036.SH', 'side': 'buy', 'type': 'limit',
            'quantity': 1000, 'limit_price': 10.5}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Order | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
