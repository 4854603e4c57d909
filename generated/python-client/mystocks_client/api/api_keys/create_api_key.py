from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_key_create import ApiKeyCreate
from ...models.api_key_created import ApiKeyCreated
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: ApiKeyCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/api-keys",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiKeyCreated | Problem | None:
    if response.status_code == 201:
        response_201 = ApiKeyCreated.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ApiKeyCreated | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ApiKeyCreate,
) -> Response[ApiKeyCreated | Problem]:
    """Create an API key for a program

     A key for a program to sign its requests with (see the `apiKeySignature` security scheme).
    The answer holds the key's `secret`, **shown this once**: it is stored encrypted and never
    returned again. Scopes: `read` (every read), `trade` (every change: orders, strategies,
    jobs, watchlists, alert rules, screens) and `admin` (admin operations such as ingest); a
    scope above your role (`trade` for a viewer, `admin` for a non-admin) is 422. A key acts
    with your current role and expires after `expires_in_days` (default 90). At most 20 live
    keys per user (setting `MYSTOCKS_API_KEYS_PER_USER`).

    Args:
        body (ApiKeyCreate):  Example: {'name': 'research notebook', 'scopes': ['read', 'trade'],
            'expires_in_days': 30}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiKeyCreated | Problem]
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
    client: AuthenticatedClient,
    body: ApiKeyCreate,
) -> ApiKeyCreated | Problem | None:
    """Create an API key for a program

     A key for a program to sign its requests with (see the `apiKeySignature` security scheme).
    The answer holds the key's `secret`, **shown this once**: it is stored encrypted and never
    returned again. Scopes: `read` (every read), `trade` (every change: orders, strategies,
    jobs, watchlists, alert rules, screens) and `admin` (admin operations such as ingest); a
    scope above your role (`trade` for a viewer, `admin` for a non-admin) is 422. A key acts
    with your current role and expires after `expires_in_days` (default 90). At most 20 live
    keys per user (setting `MYSTOCKS_API_KEYS_PER_USER`).

    Args:
        body (ApiKeyCreate):  Example: {'name': 'research notebook', 'scopes': ['read', 'trade'],
            'expires_in_days': 30}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiKeyCreated | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ApiKeyCreate,
) -> Response[ApiKeyCreated | Problem]:
    """Create an API key for a program

     A key for a program to sign its requests with (see the `apiKeySignature` security scheme).
    The answer holds the key's `secret`, **shown this once**: it is stored encrypted and never
    returned again. Scopes: `read` (every read), `trade` (every change: orders, strategies,
    jobs, watchlists, alert rules, screens) and `admin` (admin operations such as ingest); a
    scope above your role (`trade` for a viewer, `admin` for a non-admin) is 422. A key acts
    with your current role and expires after `expires_in_days` (default 90). At most 20 live
    keys per user (setting `MYSTOCKS_API_KEYS_PER_USER`).

    Args:
        body (ApiKeyCreate):  Example: {'name': 'research notebook', 'scopes': ['read', 'trade'],
            'expires_in_days': 30}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiKeyCreated | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ApiKeyCreate,
) -> ApiKeyCreated | Problem | None:
    """Create an API key for a program

     A key for a program to sign its requests with (see the `apiKeySignature` security scheme).
    The answer holds the key's `secret`, **shown this once**: it is stored encrypted and never
    returned again. Scopes: `read` (every read), `trade` (every change: orders, strategies,
    jobs, watchlists, alert rules, screens) and `admin` (admin operations such as ingest); a
    scope above your role (`trade` for a viewer, `admin` for a non-admin) is 422. A key acts
    with your current role and expires after `expires_in_days` (default 90). At most 20 live
    keys per user (setting `MYSTOCKS_API_KEYS_PER_USER`).

    Args:
        body (ApiKeyCreate):  Example: {'name': 'research notebook', 'scopes': ['read', 'trade'],
            'expires_in_days': 30}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiKeyCreated | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
