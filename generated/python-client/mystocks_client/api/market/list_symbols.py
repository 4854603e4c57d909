from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.exchange import Exchange
from ...models.instrument_page import InstrumentPage
from ...models.instrument_type import InstrumentType
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    q: str | Unset = UNSET,
    type_: InstrumentType | Unset = UNSET,
    exchange: Exchange | Unset = UNSET,
    industry: str | Unset = UNSET,
    has_bars: bool | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    params["q"] = q

    json_type_: str | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = type_.value

    params["type"] = json_type_

    json_exchange: str | Unset = UNSET
    if not isinstance(exchange, Unset):
        json_exchange = exchange.value

    params["exchange"] = json_exchange

    params["industry"] = industry

    params["has_bars"] = has_bars

    params["cursor"] = cursor

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/market/symbols",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | InstrumentPage | Problem | None:
    if response.status_code == 200:
        response_200 = InstrumentPage.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

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
) -> Response[Any | InstrumentPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    q: str | Unset = UNSET,
    type_: InstrumentType | Unset = UNSET,
    exchange: Exchange | Unset = UNSET,
    industry: str | Unset = UNSET,
    has_bars: bool | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | InstrumentPage | Problem]:
    """Search instruments

     `q` matches the code's prefix (`6000`), the name's prefix (`招商`), or the pinyin initials'
    prefix (`zsyh`), case-insensitively. Results are ordered by symbol. Each says which daily
    bars are stored (`bars_from`, `bars_to`: null when none are); `has_bars` keeps only those
    with (or without) data.

    Args:
        q (str | Unset):
        type_ (InstrumentType | Unset):  Example: stock.
        exchange (Exchange | Unset): Listing exchange. Example: SSE.
        industry (str | Unset):
        has_bars (bool | Unset):
        cursor (str | Unset):
        limit (int | Unset):  Default: 50.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | InstrumentPage | Problem]
    """

    kwargs = _get_kwargs(
        q=q,
        type_=type_,
        exchange=exchange,
        industry=industry,
        has_bars=has_bars,
        cursor=cursor,
        limit=limit,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    q: str | Unset = UNSET,
    type_: InstrumentType | Unset = UNSET,
    exchange: Exchange | Unset = UNSET,
    industry: str | Unset = UNSET,
    has_bars: bool | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    if_none_match: str | Unset = UNSET,
) -> Any | InstrumentPage | Problem | None:
    """Search instruments

     `q` matches the code's prefix (`6000`), the name's prefix (`招商`), or the pinyin initials'
    prefix (`zsyh`), case-insensitively. Results are ordered by symbol. Each says which daily
    bars are stored (`bars_from`, `bars_to`: null when none are); `has_bars` keeps only those
    with (or without) data.

    Args:
        q (str | Unset):
        type_ (InstrumentType | Unset):  Example: stock.
        exchange (Exchange | Unset): Listing exchange. Example: SSE.
        industry (str | Unset):
        has_bars (bool | Unset):
        cursor (str | Unset):
        limit (int | Unset):  Default: 50.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | InstrumentPage | Problem
    """

    return sync_detailed(
        client=client,
        q=q,
        type_=type_,
        exchange=exchange,
        industry=industry,
        has_bars=has_bars,
        cursor=cursor,
        limit=limit,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    q: str | Unset = UNSET,
    type_: InstrumentType | Unset = UNSET,
    exchange: Exchange | Unset = UNSET,
    industry: str | Unset = UNSET,
    has_bars: bool | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | InstrumentPage | Problem]:
    """Search instruments

     `q` matches the code's prefix (`6000`), the name's prefix (`招商`), or the pinyin initials'
    prefix (`zsyh`), case-insensitively. Results are ordered by symbol. Each says which daily
    bars are stored (`bars_from`, `bars_to`: null when none are); `has_bars` keeps only those
    with (or without) data.

    Args:
        q (str | Unset):
        type_ (InstrumentType | Unset):  Example: stock.
        exchange (Exchange | Unset): Listing exchange. Example: SSE.
        industry (str | Unset):
        has_bars (bool | Unset):
        cursor (str | Unset):
        limit (int | Unset):  Default: 50.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | InstrumentPage | Problem]
    """

    kwargs = _get_kwargs(
        q=q,
        type_=type_,
        exchange=exchange,
        industry=industry,
        has_bars=has_bars,
        cursor=cursor,
        limit=limit,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    q: str | Unset = UNSET,
    type_: InstrumentType | Unset = UNSET,
    exchange: Exchange | Unset = UNSET,
    industry: str | Unset = UNSET,
    has_bars: bool | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    if_none_match: str | Unset = UNSET,
) -> Any | InstrumentPage | Problem | None:
    """Search instruments

     `q` matches the code's prefix (`6000`), the name's prefix (`招商`), or the pinyin initials'
    prefix (`zsyh`), case-insensitively. Results are ordered by symbol. Each says which daily
    bars are stored (`bars_from`, `bars_to`: null when none are); `has_bars` keeps only those
    with (or without) data.

    Args:
        q (str | Unset):
        type_ (InstrumentType | Unset):  Example: stock.
        exchange (Exchange | Unset): Listing exchange. Example: SSE.
        industry (str | Unset):
        has_bars (bool | Unset):
        cursor (str | Unset):
        limit (int | Unset):  Default: 50.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | InstrumentPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            q=q,
            type_=type_,
            exchange=exchange,
            industry=industry,
            has_bars=has_bars,
            cursor=cursor,
            limit=limit,
            if_none_match=if_none_match,
        )
    ).parsed
