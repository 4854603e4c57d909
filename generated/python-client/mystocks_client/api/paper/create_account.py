from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.account import Account
from ...models.account_input import AccountInput
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: AccountInput,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/accounts",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Account | Problem | None:
    if response.status_code == 201:
        response_201 = Account.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Account | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AccountInput,
) -> Response[Account | Problem]:
    """Open a paper account

     An A-share account in CNY with the starting cash given.

    Args:
        body (AccountInput): A new paper account (A-shares, CNY). The optional limits are this
            account's own pre-trade
            limits (CNY); left out, the server's settings apply (`MYSTOCKS_PAPER_MAX_ORDER_VALUE`,
            `MYSTOCKS_PAPER_MAX_POSITION_VALUE`, `MYSTOCKS_PAPER_DAILY_LOSS_LIMIT`).
             Example: {'name': 'demo', 'initial_cash': 1000000, 'daily_loss_limit': 20000}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Account | Problem]
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
    body: AccountInput,
) -> Account | Problem | None:
    """Open a paper account

     An A-share account in CNY with the starting cash given.

    Args:
        body (AccountInput): A new paper account (A-shares, CNY). The optional limits are this
            account's own pre-trade
            limits (CNY); left out, the server's settings apply (`MYSTOCKS_PAPER_MAX_ORDER_VALUE`,
            `MYSTOCKS_PAPER_MAX_POSITION_VALUE`, `MYSTOCKS_PAPER_DAILY_LOSS_LIMIT`).
             Example: {'name': 'demo', 'initial_cash': 1000000, 'daily_loss_limit': 20000}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Account | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AccountInput,
) -> Response[Account | Problem]:
    """Open a paper account

     An A-share account in CNY with the starting cash given.

    Args:
        body (AccountInput): A new paper account (A-shares, CNY). The optional limits are this
            account's own pre-trade
            limits (CNY); left out, the server's settings apply (`MYSTOCKS_PAPER_MAX_ORDER_VALUE`,
            `MYSTOCKS_PAPER_MAX_POSITION_VALUE`, `MYSTOCKS_PAPER_DAILY_LOSS_LIMIT`).
             Example: {'name': 'demo', 'initial_cash': 1000000, 'daily_loss_limit': 20000}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Account | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: AccountInput,
) -> Account | Problem | None:
    """Open a paper account

     An A-share account in CNY with the starting cash given.

    Args:
        body (AccountInput): A new paper account (A-shares, CNY). The optional limits are this
            account's own pre-trade
            limits (CNY); left out, the server's settings apply (`MYSTOCKS_PAPER_MAX_ORDER_VALUE`,
            `MYSTOCKS_PAPER_MAX_POSITION_VALUE`, `MYSTOCKS_PAPER_DAILY_LOSS_LIMIT`).
             Example: {'name': 'demo', 'initial_cash': 1000000, 'daily_loss_limit': 20000}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Account | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
