from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.strategy_page import StrategyPage
from ...models.strategy_status import StrategyStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: StrategyStatus | Unset = UNSET,
    owner: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["owner"] = owner

    params["cursor"] = cursor

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/strategies",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | StrategyPage | None:
    if response.status_code == 200:
        response_200 = StrategyPage.from_dict(response.json())

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
) -> Response[Problem | StrategyPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: StrategyStatus | Unset = UNSET,
    owner: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[Problem | StrategyPage]:
    """Strategies

     Your strategies (an admin sees everyone's), newest first.

    Args:
        status (StrategyStatus | Unset): `draft` when created; `active` strategies are the ones to
            run; `archived` ones are kept for the record. Example: active.
        owner (str | Unset):
        cursor (str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StrategyPage]
    """

    kwargs = _get_kwargs(
        status=status,
        owner=owner,
        cursor=cursor,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    status: StrategyStatus | Unset = UNSET,
    owner: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Problem | StrategyPage | None:
    """Strategies

     Your strategies (an admin sees everyone's), newest first.

    Args:
        status (StrategyStatus | Unset): `draft` when created; `active` strategies are the ones to
            run; `archived` ones are kept for the record. Example: active.
        owner (str | Unset):
        cursor (str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StrategyPage
    """

    return sync_detailed(
        client=client,
        status=status,
        owner=owner,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: StrategyStatus | Unset = UNSET,
    owner: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[Problem | StrategyPage]:
    """Strategies

     Your strategies (an admin sees everyone's), newest first.

    Args:
        status (StrategyStatus | Unset): `draft` when created; `active` strategies are the ones to
            run; `archived` ones are kept for the record. Example: active.
        owner (str | Unset):
        cursor (str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StrategyPage]
    """

    kwargs = _get_kwargs(
        status=status,
        owner=owner,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    status: StrategyStatus | Unset = UNSET,
    owner: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Problem | StrategyPage | None:
    """Strategies

     Your strategies (an admin sees everyone's), newest first.

    Args:
        status (StrategyStatus | Unset): `draft` when created; `active` strategies are the ones to
            run; `archived` ones are kept for the record. Example: active.
        owner (str | Unset):
        cursor (str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StrategyPage
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            owner=owner,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
