from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.strategy_bollinger_breakout import StrategyBollingerBreakout
from ...models.strategy_macd_trend import StrategyMacdTrend
from ...models.strategy_momentum import StrategyMomentum
from ...models.strategy_rsi_reversion import StrategyRsiReversion
from ...models.strategy_sma_cross import StrategySmaCross
from ...types import Response


def _get_kwargs(
    strategy_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/strategies/{strategy_id}".format(
            strategy_id=quote(str(strategy_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    Problem
    | StrategyBollingerBreakout
    | StrategyMacdTrend
    | StrategyMomentum
    | StrategyRsiReversion
    | StrategySmaCross
    | None
):
    if response.status_code == 200:

        def _parse_response_200(
            data: object,
        ) -> StrategyBollingerBreakout | StrategyMacdTrend | StrategyMomentum | StrategyRsiReversion | StrategySmaCross:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_strategy_type_0 = StrategySmaCross.from_dict(data)

                return componentsschemas_strategy_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_strategy_type_1 = StrategyRsiReversion.from_dict(data)

                return componentsschemas_strategy_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_strategy_type_2 = StrategyBollingerBreakout.from_dict(data)

                return componentsschemas_strategy_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_strategy_type_3 = StrategyMacdTrend.from_dict(data)

                return componentsschemas_strategy_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_strategy_type_4 = StrategyMomentum.from_dict(data)

            return componentsschemas_strategy_type_4

        response_200 = _parse_response_200(response.json())

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
) -> Response[
    Problem | StrategyBollingerBreakout | StrategyMacdTrend | StrategyMomentum | StrategyRsiReversion | StrategySmaCross
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    strategy_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[
    Problem | StrategyBollingerBreakout | StrategyMacdTrend | StrategyMomentum | StrategyRsiReversion | StrategySmaCross
]:
    """One strategy

    Args:
        strategy_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StrategyBollingerBreakout | StrategyMacdTrend | StrategyMomentum | StrategyRsiReversion | StrategySmaCross]
    """

    kwargs = _get_kwargs(
        strategy_id=strategy_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    strategy_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> (
    Problem
    | StrategyBollingerBreakout
    | StrategyMacdTrend
    | StrategyMomentum
    | StrategyRsiReversion
    | StrategySmaCross
    | None
):
    """One strategy

    Args:
        strategy_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StrategyBollingerBreakout | StrategyMacdTrend | StrategyMomentum | StrategyRsiReversion | StrategySmaCross
    """

    return sync_detailed(
        strategy_id=strategy_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    strategy_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[
    Problem | StrategyBollingerBreakout | StrategyMacdTrend | StrategyMomentum | StrategyRsiReversion | StrategySmaCross
]:
    """One strategy

    Args:
        strategy_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StrategyBollingerBreakout | StrategyMacdTrend | StrategyMomentum | StrategyRsiReversion | StrategySmaCross]
    """

    kwargs = _get_kwargs(
        strategy_id=strategy_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    strategy_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> (
    Problem
    | StrategyBollingerBreakout
    | StrategyMacdTrend
    | StrategyMomentum
    | StrategyRsiReversion
    | StrategySmaCross
    | None
):
    """One strategy

    Args:
        strategy_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StrategyBollingerBreakout | StrategyMacdTrend | StrategyMomentum | StrategyRsiReversion | StrategySmaCross
    """

    return (
        await asyncio_detailed(
            strategy_id=strategy_id,
            client=client,
        )
    ).parsed
