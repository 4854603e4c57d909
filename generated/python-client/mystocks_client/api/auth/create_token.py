from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.token import Token
from ...models.token_request import TokenRequest
from ...types import Response


def _get_kwargs(
    *,
    body: TokenRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/auth/token",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Token | None:
    if response.status_code == 200:
        response_200 = Token.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Token]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
) -> Response[Problem | Token]:
    """Sign in (OAuth2 password grant)

     Exchanges a username and password for a JWT bearer token. The form follows the OAuth2
    password grant (RFC 6749 §4.3); `grant_type` may be omitted.

    Failed sign-ins are counted per username and per client address: after too many within
    the window (by default 5 for a username, 20 for an address, in 15 minutes) further
    attempts answer 429 with `Retry-After`, without the password being checked.

    Args:
        body (TokenRequest):  Example: {'grant_type': 'password', 'username': 'admin', 'password':
            'mystocks-admin'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Token]
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
    body: TokenRequest,
) -> Problem | Token | None:
    """Sign in (OAuth2 password grant)

     Exchanges a username and password for a JWT bearer token. The form follows the OAuth2
    password grant (RFC 6749 §4.3); `grant_type` may be omitted.

    Failed sign-ins are counted per username and per client address: after too many within
    the window (by default 5 for a username, 20 for an address, in 15 minutes) further
    attempts answer 429 with `Retry-After`, without the password being checked.

    Args:
        body (TokenRequest):  Example: {'grant_type': 'password', 'username': 'admin', 'password':
            'mystocks-admin'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Token
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
) -> Response[Problem | Token]:
    """Sign in (OAuth2 password grant)

     Exchanges a username and password for a JWT bearer token. The form follows the OAuth2
    password grant (RFC 6749 §4.3); `grant_type` may be omitted.

    Failed sign-ins are counted per username and per client address: after too many within
    the window (by default 5 for a username, 20 for an address, in 15 minutes) further
    attempts answer 429 with `Retry-After`, without the password being checked.

    Args:
        body (TokenRequest):  Example: {'grant_type': 'password', 'username': 'admin', 'password':
            'mystocks-admin'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Token]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
) -> Problem | Token | None:
    """Sign in (OAuth2 password grant)

     Exchanges a username and password for a JWT bearer token. The form follows the OAuth2
    password grant (RFC 6749 §4.3); `grant_type` may be omitted.

    Failed sign-ins are counted per username and per client address: after too many within
    the window (by default 5 for a username, 20 for an address, in 15 minutes) further
    attempts answer 429 with `Retry-After`, without the password being checked.

    Args:
        body (TokenRequest):  Example: {'grant_type': 'password', 'username': 'admin', 'password':
            'mystocks-admin'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Token
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
