from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.screen import Screen
from ...models.screen_input import ScreenInput
from ...types import Response


def _get_kwargs(
    *,
    body: ScreenInput,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/screens",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Screen | None:
    if response.status_code == 201:
        response_201 = Screen.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Screen]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ScreenInput,
) -> Response[Problem | Screen]:
    """Save a screen

     Any signed-in user may save screens, up to 100 each; the condition is checked as a run checks it
    (422 pointing at a bad part).

    Args:
        body (ScreenInput): A saved screen: its name, an optional description and its condition,
            checked as a run checks it. Example: {'name': '站上20日线', 'condition': {'kind': 'compare',
            'left': {'field': 'close'}, 'op': 'gt', 'right': {'indicator': 'MA', 'params': [20]}}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Screen]
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
    body: ScreenInput,
) -> Problem | Screen | None:
    """Save a screen

     Any signed-in user may save screens, up to 100 each; the condition is checked as a run checks it
    (422 pointing at a bad part).

    Args:
        body (ScreenInput): A saved screen: its name, an optional description and its condition,
            checked as a run checks it. Example: {'name': '站上20日线', 'condition': {'kind': 'compare',
            'left': {'field': 'close'}, 'op': 'gt', 'right': {'indicator': 'MA', 'params': [20]}}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Screen
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ScreenInput,
) -> Response[Problem | Screen]:
    """Save a screen

     Any signed-in user may save screens, up to 100 each; the condition is checked as a run checks it
    (422 pointing at a bad part).

    Args:
        body (ScreenInput): A saved screen: its name, an optional description and its condition,
            checked as a run checks it. Example: {'name': '站上20日线', 'condition': {'kind': 'compare',
            'left': {'field': 'close'}, 'op': 'gt', 'right': {'indicator': 'MA', 'params': [20]}}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Screen]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ScreenInput,
) -> Problem | Screen | None:
    """Save a screen

     Any signed-in user may save screens, up to 100 each; the condition is checked as a run checks it
    (422 pointing at a bad part).

    Args:
        body (ScreenInput): A saved screen: its name, an optional description and its condition,
            checked as a run checks it. Example: {'name': '站上20日线', 'condition': {'kind': 'compare',
            'left': {'field': 'close'}, 'op': 'gt', 'right': {'indicator': 'MA', 'params': [20]}}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Screen
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
