from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.screen import Screen
from ...models.screen_input import ScreenInput
from ...types import UNSET, Response, Unset


def _get_kwargs(
    screen_id: int,
    *,
    body: ScreenInput,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/screens/{screen_id}".format(
            screen_id=quote(str(screen_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Screen | None:
    if response.status_code == 200:
        response_200 = Screen.from_dict(response.json())

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

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Screen]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    screen_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ScreenInput,
    if_match: str | Unset = UNSET,
) -> Response[Problem | Screen]:
    """Replace a saved screen

     Replaces the name, description and condition; needs `If-Match` with the screen's ETag (428 without,
    412 when stale).

    Args:
        screen_id (int):
        if_match (str | Unset):
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
        screen_id=screen_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    screen_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ScreenInput,
    if_match: str | Unset = UNSET,
) -> Problem | Screen | None:
    """Replace a saved screen

     Replaces the name, description and condition; needs `If-Match` with the screen's ETag (428 without,
    412 when stale).

    Args:
        screen_id (int):
        if_match (str | Unset):
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
        screen_id=screen_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    screen_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ScreenInput,
    if_match: str | Unset = UNSET,
) -> Response[Problem | Screen]:
    """Replace a saved screen

     Replaces the name, description and condition; needs `If-Match` with the screen's ETag (428 without,
    412 when stale).

    Args:
        screen_id (int):
        if_match (str | Unset):
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
        screen_id=screen_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    screen_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ScreenInput,
    if_match: str | Unset = UNSET,
) -> Problem | Screen | None:
    """Replace a saved screen

     Replaces the name, description and condition; needs `If-Match` with the screen's ETag (428 without,
    412 when stale).

    Args:
        screen_id (int):
        if_match (str | Unset):
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
            screen_id=screen_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
