import datetime
from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.adjust import Adjust
from ...models.bar_field import BarField
from ...models.bar_page import BarPage
from ...models.period import Period
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    symbol: str,
    *,
    period: Period | Unset = UNSET,
    adjust: Adjust | Unset = UNSET,
    start: datetime.date | Unset = UNSET,
    end: datetime.date | Unset = UNSET,
    fields: list[BarField] | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 1000,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_period: str | Unset = UNSET
    if not isinstance(period, Unset):
        json_period = period.value

    params["period"] = json_period

    json_adjust: str | Unset = UNSET
    if not isinstance(adjust, Unset):
        json_adjust = adjust.value

    params["adjust"] = json_adjust

    json_start: str | Unset = UNSET
    if not isinstance(start, Unset):
        json_start = start.isoformat()
    params["start"] = json_start

    json_end: str | Unset = UNSET
    if not isinstance(end, Unset):
        json_end = end.isoformat()
    params["end"] = json_end

    json_fields: list[str] | Unset = UNSET
    if not isinstance(fields, Unset):
        json_fields = []
        for fields_item_data in fields:
            fields_item = fields_item_data.value
            json_fields.append(fields_item)

    params["fields"] = ",".join(map(str, json_fields)) if isinstance(json_fields, list) else json_fields

    params["cursor"] = cursor

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/market/bars/{symbol}".format(
            symbol=quote(str(symbol), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | BarPage | Problem | None:
    if response.status_code == 200:
        response_200 = BarPage.from_dict(response.json())

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
) -> Response[Any | BarPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    symbol: str,
    *,
    client: AuthenticatedClient | Client,
    period: Period | Unset = UNSET,
    adjust: Adjust | Unset = UNSET,
    start: datetime.date | Unset = UNSET,
    end: datetime.date | Unset = UNSET,
    fields: list[BarField] | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 1000,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | BarPage | Problem]:
    """K-line bars

     Bars of one instrument, oldest first, between `start` and `end` (exchange-local dates,
    inclusive). Use `fields=` to receive only some columns.

    Args:
        symbol (str):
        period (Period | Unset): `1m` `5m` `15m` `30m` `60m` intraday; `1d` daily; `1w` weekly;
            `1M` monthly. A-share 60-minute
            bars are 09:30-10:30, 10:30-11:30, 13:00-14:00, 14:00-15:00 (stamped 10:30, 11:30, 14:00,
            15:00).
            Weekly and monthly bars aggregate the daily bars of each calendar week or month.
             Example: 1d.
        adjust (Adjust | Unset): Price adjustment (复权): `none` as traded, `qfq` forward-adjusted
            (前复权: today's prices,
            earlier ones scaled down through each dividend and bonus issue), `hfq` back-adjusted (后复权:
            the listing's prices, later ones scaled up). Volumes are never adjusted.
             Example: qfq.
        start (datetime.date | Unset):
        end (datetime.date | Unset):
        fields (list[BarField] | Unset):
        cursor (str | Unset):
        limit (int | Unset):  Default: 1000.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | BarPage | Problem]
    """

    kwargs = _get_kwargs(
        symbol=symbol,
        period=period,
        adjust=adjust,
        start=start,
        end=end,
        fields=fields,
        cursor=cursor,
        limit=limit,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    symbol: str,
    *,
    client: AuthenticatedClient | Client,
    period: Period | Unset = UNSET,
    adjust: Adjust | Unset = UNSET,
    start: datetime.date | Unset = UNSET,
    end: datetime.date | Unset = UNSET,
    fields: list[BarField] | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 1000,
    if_none_match: str | Unset = UNSET,
) -> Any | BarPage | Problem | None:
    """K-line bars

     Bars of one instrument, oldest first, between `start` and `end` (exchange-local dates,
    inclusive). Use `fields=` to receive only some columns.

    Args:
        symbol (str):
        period (Period | Unset): `1m` `5m` `15m` `30m` `60m` intraday; `1d` daily; `1w` weekly;
            `1M` monthly. A-share 60-minute
            bars are 09:30-10:30, 10:30-11:30, 13:00-14:00, 14:00-15:00 (stamped 10:30, 11:30, 14:00,
            15:00).
            Weekly and monthly bars aggregate the daily bars of each calendar week or month.
             Example: 1d.
        adjust (Adjust | Unset): Price adjustment (复权): `none` as traded, `qfq` forward-adjusted
            (前复权: today's prices,
            earlier ones scaled down through each dividend and bonus issue), `hfq` back-adjusted (后复权:
            the listing's prices, later ones scaled up). Volumes are never adjusted.
             Example: qfq.
        start (datetime.date | Unset):
        end (datetime.date | Unset):
        fields (list[BarField] | Unset):
        cursor (str | Unset):
        limit (int | Unset):  Default: 1000.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | BarPage | Problem
    """

    return sync_detailed(
        symbol=symbol,
        client=client,
        period=period,
        adjust=adjust,
        start=start,
        end=end,
        fields=fields,
        cursor=cursor,
        limit=limit,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    symbol: str,
    *,
    client: AuthenticatedClient | Client,
    period: Period | Unset = UNSET,
    adjust: Adjust | Unset = UNSET,
    start: datetime.date | Unset = UNSET,
    end: datetime.date | Unset = UNSET,
    fields: list[BarField] | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 1000,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | BarPage | Problem]:
    """K-line bars

     Bars of one instrument, oldest first, between `start` and `end` (exchange-local dates,
    inclusive). Use `fields=` to receive only some columns.

    Args:
        symbol (str):
        period (Period | Unset): `1m` `5m` `15m` `30m` `60m` intraday; `1d` daily; `1w` weekly;
            `1M` monthly. A-share 60-minute
            bars are 09:30-10:30, 10:30-11:30, 13:00-14:00, 14:00-15:00 (stamped 10:30, 11:30, 14:00,
            15:00).
            Weekly and monthly bars aggregate the daily bars of each calendar week or month.
             Example: 1d.
        adjust (Adjust | Unset): Price adjustment (复权): `none` as traded, `qfq` forward-adjusted
            (前复权: today's prices,
            earlier ones scaled down through each dividend and bonus issue), `hfq` back-adjusted (后复权:
            the listing's prices, later ones scaled up). Volumes are never adjusted.
             Example: qfq.
        start (datetime.date | Unset):
        end (datetime.date | Unset):
        fields (list[BarField] | Unset):
        cursor (str | Unset):
        limit (int | Unset):  Default: 1000.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | BarPage | Problem]
    """

    kwargs = _get_kwargs(
        symbol=symbol,
        period=period,
        adjust=adjust,
        start=start,
        end=end,
        fields=fields,
        cursor=cursor,
        limit=limit,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    symbol: str,
    *,
    client: AuthenticatedClient | Client,
    period: Period | Unset = UNSET,
    adjust: Adjust | Unset = UNSET,
    start: datetime.date | Unset = UNSET,
    end: datetime.date | Unset = UNSET,
    fields: list[BarField] | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 1000,
    if_none_match: str | Unset = UNSET,
) -> Any | BarPage | Problem | None:
    """K-line bars

     Bars of one instrument, oldest first, between `start` and `end` (exchange-local dates,
    inclusive). Use `fields=` to receive only some columns.

    Args:
        symbol (str):
        period (Period | Unset): `1m` `5m` `15m` `30m` `60m` intraday; `1d` daily; `1w` weekly;
            `1M` monthly. A-share 60-minute
            bars are 09:30-10:30, 10:30-11:30, 13:00-14:00, 14:00-15:00 (stamped 10:30, 11:30, 14:00,
            15:00).
            Weekly and monthly bars aggregate the daily bars of each calendar week or month.
             Example: 1d.
        adjust (Adjust | Unset): Price adjustment (复权): `none` as traded, `qfq` forward-adjusted
            (前复权: today's prices,
            earlier ones scaled down through each dividend and bonus issue), `hfq` back-adjusted (后复权:
            the listing's prices, later ones scaled up). Volumes are never adjusted.
             Example: qfq.
        start (datetime.date | Unset):
        end (datetime.date | Unset):
        fields (list[BarField] | Unset):
        cursor (str | Unset):
        limit (int | Unset):  Default: 1000.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | BarPage | Problem
    """

    return (
        await asyncio_detailed(
            symbol=symbol,
            client=client,
            period=period,
            adjust=adjust,
            start=start,
            end=end,
            fields=fields,
            cursor=cursor,
            limit=limit,
            if_none_match=if_none_match,
        )
    ).parsed
