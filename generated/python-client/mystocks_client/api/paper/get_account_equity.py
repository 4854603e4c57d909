import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.account_equity import AccountEquity
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    account_id: int,
    *,
    start: datetime.date | Unset = UNSET,
    end: datetime.date | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_start: str | Unset = UNSET
    if not isinstance(start, Unset):
        json_start = start.isoformat()
    params["start"] = json_start

    json_end: str | Unset = UNSET
    if not isinstance(end, Unset):
        json_end = end.isoformat()
    params["end"] = json_end

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/accounts/{account_id}/equity".format(
            account_id=quote(str(account_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AccountEquity | Problem | None:
    if response.status_code == 200:
        response_200 = AccountEquity.from_dict(response.json())

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
) -> Response[AccountEquity | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    account_id: int,
    *,
    client: AuthenticatedClient | Client,
    start: datetime.date | Unset = UNSET,
    end: datetime.date | Unset = UNSET,
) -> Response[AccountEquity | Problem]:
    """An account's daily equity

     Cash, market value and equity at each trading day's close from the day the account was
    opened to today (the newest point as it is now), with the day's P&L, the cumulative
    return and the drawdown from the peak; `start` and `end` select the days shown.

    Args:
        account_id (int):
        start (datetime.date | Unset):
        end (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountEquity | Problem]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        start=start,
        end=end,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    account_id: int,
    *,
    client: AuthenticatedClient | Client,
    start: datetime.date | Unset = UNSET,
    end: datetime.date | Unset = UNSET,
) -> AccountEquity | Problem | None:
    """An account's daily equity

     Cash, market value and equity at each trading day's close from the day the account was
    opened to today (the newest point as it is now), with the day's P&L, the cumulative
    return and the drawdown from the peak; `start` and `end` select the days shown.

    Args:
        account_id (int):
        start (datetime.date | Unset):
        end (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountEquity | Problem
    """

    return sync_detailed(
        account_id=account_id,
        client=client,
        start=start,
        end=end,
    ).parsed


async def asyncio_detailed(
    account_id: int,
    *,
    client: AuthenticatedClient | Client,
    start: datetime.date | Unset = UNSET,
    end: datetime.date | Unset = UNSET,
) -> Response[AccountEquity | Problem]:
    """An account's daily equity

     Cash, market value and equity at each trading day's close from the day the account was
    opened to today (the newest point as it is now), with the day's P&L, the cumulative
    return and the drawdown from the peak; `start` and `end` select the days shown.

    Args:
        account_id (int):
        start (datetime.date | Unset):
        end (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountEquity | Problem]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        start=start,
        end=end,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    account_id: int,
    *,
    client: AuthenticatedClient | Client,
    start: datetime.date | Unset = UNSET,
    end: datetime.date | Unset = UNSET,
) -> AccountEquity | Problem | None:
    """An account's daily equity

     Cash, market value and equity at each trading day's close from the day the account was
    opened to today (the newest point as it is now), with the day's P&L, the cumulative
    return and the drawdown from the peak; `start` and `end` select the days shown.

    Args:
        account_id (int):
        start (datetime.date | Unset):
        end (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountEquity | Problem
    """

    return (
        await asyncio_detailed(
            account_id=account_id,
            client=client,
            start=start,
            end=end,
        )
    ).parsed
