import datetime
from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.adjust import Adjust
from ...models.indicator_name import IndicatorName
from ...models.indicator_page import IndicatorPage
from ...models.period import Period
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    symbol: str,
    *,
    indicator: IndicatorName,
    params: list[float] | Unset = UNSET,
    period: Period | Unset = UNSET,
    adjust: Adjust | Unset = UNSET,
    start: datetime.date | Unset = UNSET,
    end: datetime.date | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 1000,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    query: dict[str, Any] = {}

    json_indicator = indicator.value
    query["indicator"] = json_indicator

    json_params: list[float] | Unset = UNSET
    if not isinstance(params, Unset):
        json_params = params

    query["params"] = ",".join(map(str, json_params)) if isinstance(json_params, list) else json_params

    json_period: str | Unset = UNSET
    if not isinstance(period, Unset):
        json_period = period.value

    query["period"] = json_period

    json_adjust: str | Unset = UNSET
    if not isinstance(adjust, Unset):
        json_adjust = adjust.value

    query["adjust"] = json_adjust

    json_start: str | Unset = UNSET
    if not isinstance(start, Unset):
        json_start = start.isoformat()
    query["start"] = json_start

    json_end: str | Unset = UNSET
    if not isinstance(end, Unset):
        json_end = end.isoformat()
    query["end"] = json_end

    query["cursor"] = cursor

    query["limit"] = limit

    query = {k: v for k, v in query.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/market/indicators/{symbol}".format(
            symbol=quote(str(symbol), safe=""),
        ),
        "params": query,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | IndicatorPage | Problem | None:
    if response.status_code == 200:
        response_200 = IndicatorPage.from_dict(response.json())

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
) -> Response[Any | IndicatorPage | Problem]:
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
    indicator: IndicatorName,
    params: list[float] | Unset = UNSET,
    period: Period | Unset = UNSET,
    adjust: Adjust | Unset = UNSET,
    start: datetime.date | Unset = UNSET,
    end: datetime.date | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 1000,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | IndicatorPage | Problem]:
    """Technical indicators

     One indicator's series over the bars of `period`, aligned with `GET /market/bars` (same `ts`,
    same paging). See `IndicatorName` for each formula.

    Args:
        symbol (str):
        indicator (IndicatorName): Indicators follow the formulas of the trading terminals A-share
            users compare with
            (通达信 / 同花顺), not TA-Lib's defaults. `SMA(X,N,M)` is the terminal recursion
            Y = (M·X + (N−M)·Y′)/N seeded with the first value; `EMA(X,N)` is Y = (2·X +
            (N−1)·Y′)/(N+1)
            seeded with the first close. Values are null until defined (warm-up). Every value is
            computed
            over the whole stored history, then the requested range is cut out, so a range's first
            values
            equal the terminal's.

            | name | params (default) | series | formula |
            |---|---|---|---|
            | MA | N… (5, 10, 20, 60) | MA5, MA10, … | mean of the last N closes; null for the first
            N−1 bars |
            | EMA | N… (12, 26) | EMA12, … | EMA(C,N), from the first bar |
            | MACD | fast, slow, signal (12, 26, 9) | DIF, DEA, MACD | DIF = EMA(C,fast) −
            EMA(C,slow); DEA = EMA(DIF,signal); MACD = 2·(DIF − DEA) |
            | RSI | N… (6, 12, 24) | RSI6, … | SMA(MAX(C−C′,0),N,1) / SMA(ABS(C−C′),N,1) × 100; null
            on the first bar |
            | BOLL | N, K (20, 2) | MID, UPPER, LOWER | MID = MA(C,N); UPPER/LOWER = MID ± K·STD(C,N),
            STD the sample deviation (n−1) |
            | KDJ | N, M1, M2 (9, 3, 3) | K, D, J | RSV = (C − LLV(L,N)) / (HHV(H,N) − LLV(L,N)) × 100
            over the bars available; K = SMA(RSV,M1,1); D = SMA(K,M2,1); J = 3K − 2D |
            | ATR | N (14) | TR, ATR | TR = MAX(H−L, ABS(C′−H), ABS(C′−L)), TR₀ = H₀−L₀; ATR =
            MA(TR,N) (a simple mean, not Wilder's) |
             Example: MACD.
        params (list[float] | Unset):
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
        cursor (str | Unset):
        limit (int | Unset):  Default: 1000.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | IndicatorPage | Problem]
    """

    kwargs = _get_kwargs(
        symbol=symbol,
        indicator=indicator,
        params=params,
        period=period,
        adjust=adjust,
        start=start,
        end=end,
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
    indicator: IndicatorName,
    params: list[float] | Unset = UNSET,
    period: Period | Unset = UNSET,
    adjust: Adjust | Unset = UNSET,
    start: datetime.date | Unset = UNSET,
    end: datetime.date | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 1000,
    if_none_match: str | Unset = UNSET,
) -> Any | IndicatorPage | Problem | None:
    """Technical indicators

     One indicator's series over the bars of `period`, aligned with `GET /market/bars` (same `ts`,
    same paging). See `IndicatorName` for each formula.

    Args:
        symbol (str):
        indicator (IndicatorName): Indicators follow the formulas of the trading terminals A-share
            users compare with
            (通达信 / 同花顺), not TA-Lib's defaults. `SMA(X,N,M)` is the terminal recursion
            Y = (M·X + (N−M)·Y′)/N seeded with the first value; `EMA(X,N)` is Y = (2·X +
            (N−1)·Y′)/(N+1)
            seeded with the first close. Values are null until defined (warm-up). Every value is
            computed
            over the whole stored history, then the requested range is cut out, so a range's first
            values
            equal the terminal's.

            | name | params (default) | series | formula |
            |---|---|---|---|
            | MA | N… (5, 10, 20, 60) | MA5, MA10, … | mean of the last N closes; null for the first
            N−1 bars |
            | EMA | N… (12, 26) | EMA12, … | EMA(C,N), from the first bar |
            | MACD | fast, slow, signal (12, 26, 9) | DIF, DEA, MACD | DIF = EMA(C,fast) −
            EMA(C,slow); DEA = EMA(DIF,signal); MACD = 2·(DIF − DEA) |
            | RSI | N… (6, 12, 24) | RSI6, … | SMA(MAX(C−C′,0),N,1) / SMA(ABS(C−C′),N,1) × 100; null
            on the first bar |
            | BOLL | N, K (20, 2) | MID, UPPER, LOWER | MID = MA(C,N); UPPER/LOWER = MID ± K·STD(C,N),
            STD the sample deviation (n−1) |
            | KDJ | N, M1, M2 (9, 3, 3) | K, D, J | RSV = (C − LLV(L,N)) / (HHV(H,N) − LLV(L,N)) × 100
            over the bars available; K = SMA(RSV,M1,1); D = SMA(K,M2,1); J = 3K − 2D |
            | ATR | N (14) | TR, ATR | TR = MAX(H−L, ABS(C′−H), ABS(C′−L)), TR₀ = H₀−L₀; ATR =
            MA(TR,N) (a simple mean, not Wilder's) |
             Example: MACD.
        params (list[float] | Unset):
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
        cursor (str | Unset):
        limit (int | Unset):  Default: 1000.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | IndicatorPage | Problem
    """

    return sync_detailed(
        symbol=symbol,
        client=client,
        indicator=indicator,
        params=params,
        period=period,
        adjust=adjust,
        start=start,
        end=end,
        cursor=cursor,
        limit=limit,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    symbol: str,
    *,
    client: AuthenticatedClient | Client,
    indicator: IndicatorName,
    params: list[float] | Unset = UNSET,
    period: Period | Unset = UNSET,
    adjust: Adjust | Unset = UNSET,
    start: datetime.date | Unset = UNSET,
    end: datetime.date | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 1000,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | IndicatorPage | Problem]:
    """Technical indicators

     One indicator's series over the bars of `period`, aligned with `GET /market/bars` (same `ts`,
    same paging). See `IndicatorName` for each formula.

    Args:
        symbol (str):
        indicator (IndicatorName): Indicators follow the formulas of the trading terminals A-share
            users compare with
            (通达信 / 同花顺), not TA-Lib's defaults. `SMA(X,N,M)` is the terminal recursion
            Y = (M·X + (N−M)·Y′)/N seeded with the first value; `EMA(X,N)` is Y = (2·X +
            (N−1)·Y′)/(N+1)
            seeded with the first close. Values are null until defined (warm-up). Every value is
            computed
            over the whole stored history, then the requested range is cut out, so a range's first
            values
            equal the terminal's.

            | name | params (default) | series | formula |
            |---|---|---|---|
            | MA | N… (5, 10, 20, 60) | MA5, MA10, … | mean of the last N closes; null for the first
            N−1 bars |
            | EMA | N… (12, 26) | EMA12, … | EMA(C,N), from the first bar |
            | MACD | fast, slow, signal (12, 26, 9) | DIF, DEA, MACD | DIF = EMA(C,fast) −
            EMA(C,slow); DEA = EMA(DIF,signal); MACD = 2·(DIF − DEA) |
            | RSI | N… (6, 12, 24) | RSI6, … | SMA(MAX(C−C′,0),N,1) / SMA(ABS(C−C′),N,1) × 100; null
            on the first bar |
            | BOLL | N, K (20, 2) | MID, UPPER, LOWER | MID = MA(C,N); UPPER/LOWER = MID ± K·STD(C,N),
            STD the sample deviation (n−1) |
            | KDJ | N, M1, M2 (9, 3, 3) | K, D, J | RSV = (C − LLV(L,N)) / (HHV(H,N) − LLV(L,N)) × 100
            over the bars available; K = SMA(RSV,M1,1); D = SMA(K,M2,1); J = 3K − 2D |
            | ATR | N (14) | TR, ATR | TR = MAX(H−L, ABS(C′−H), ABS(C′−L)), TR₀ = H₀−L₀; ATR =
            MA(TR,N) (a simple mean, not Wilder's) |
             Example: MACD.
        params (list[float] | Unset):
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
        cursor (str | Unset):
        limit (int | Unset):  Default: 1000.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | IndicatorPage | Problem]
    """

    kwargs = _get_kwargs(
        symbol=symbol,
        indicator=indicator,
        params=params,
        period=period,
        adjust=adjust,
        start=start,
        end=end,
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
    indicator: IndicatorName,
    params: list[float] | Unset = UNSET,
    period: Period | Unset = UNSET,
    adjust: Adjust | Unset = UNSET,
    start: datetime.date | Unset = UNSET,
    end: datetime.date | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 1000,
    if_none_match: str | Unset = UNSET,
) -> Any | IndicatorPage | Problem | None:
    """Technical indicators

     One indicator's series over the bars of `period`, aligned with `GET /market/bars` (same `ts`,
    same paging). See `IndicatorName` for each formula.

    Args:
        symbol (str):
        indicator (IndicatorName): Indicators follow the formulas of the trading terminals A-share
            users compare with
            (通达信 / 同花顺), not TA-Lib's defaults. `SMA(X,N,M)` is the terminal recursion
            Y = (M·X + (N−M)·Y′)/N seeded with the first value; `EMA(X,N)` is Y = (2·X +
            (N−1)·Y′)/(N+1)
            seeded with the first close. Values are null until defined (warm-up). Every value is
            computed
            over the whole stored history, then the requested range is cut out, so a range's first
            values
            equal the terminal's.

            | name | params (default) | series | formula |
            |---|---|---|---|
            | MA | N… (5, 10, 20, 60) | MA5, MA10, … | mean of the last N closes; null for the first
            N−1 bars |
            | EMA | N… (12, 26) | EMA12, … | EMA(C,N), from the first bar |
            | MACD | fast, slow, signal (12, 26, 9) | DIF, DEA, MACD | DIF = EMA(C,fast) −
            EMA(C,slow); DEA = EMA(DIF,signal); MACD = 2·(DIF − DEA) |
            | RSI | N… (6, 12, 24) | RSI6, … | SMA(MAX(C−C′,0),N,1) / SMA(ABS(C−C′),N,1) × 100; null
            on the first bar |
            | BOLL | N, K (20, 2) | MID, UPPER, LOWER | MID = MA(C,N); UPPER/LOWER = MID ± K·STD(C,N),
            STD the sample deviation (n−1) |
            | KDJ | N, M1, M2 (9, 3, 3) | K, D, J | RSV = (C − LLV(L,N)) / (HHV(H,N) − LLV(L,N)) × 100
            over the bars available; K = SMA(RSV,M1,1); D = SMA(K,M2,1); J = 3K − 2D |
            | ATR | N (14) | TR, ATR | TR = MAX(H−L, ABS(C′−H), ABS(C′−L)), TR₀ = H₀−L₀; ATR =
            MA(TR,N) (a simple mean, not Wilder's) |
             Example: MACD.
        params (list[float] | Unset):
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
        cursor (str | Unset):
        limit (int | Unset):  Default: 1000.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | IndicatorPage | Problem
    """

    return (
        await asyncio_detailed(
            symbol=symbol,
            client=client,
            indicator=indicator,
            params=params,
            period=period,
            adjust=adjust,
            start=start,
            end=end,
            cursor=cursor,
            limit=limit,
            if_none_match=if_none_match,
        )
    ).parsed
