from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.strategy_bollinger_breakout import StrategyBollingerBreakout
from ...models.strategy_input_bollinger_breakout import StrategyInputBollingerBreakout
from ...models.strategy_input_macd_trend import StrategyInputMacdTrend
from ...models.strategy_input_momentum import StrategyInputMomentum
from ...models.strategy_input_rsi_reversion import StrategyInputRsiReversion
from ...models.strategy_input_sma_cross import StrategyInputSmaCross
from ...models.strategy_macd_trend import StrategyMacdTrend
from ...models.strategy_momentum import StrategyMomentum
from ...models.strategy_rsi_reversion import StrategyRsiReversion
from ...models.strategy_sma_cross import StrategySmaCross
from ...types import Response


def _get_kwargs(
    *,
    body: StrategyInputBollingerBreakout
    | StrategyInputMacdTrend
    | StrategyInputMomentum
    | StrategyInputRsiReversion
    | StrategyInputSmaCross,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/strategies",
    }

    if isinstance(body, StrategyInputSmaCross):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, StrategyInputRsiReversion):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, StrategyInputBollingerBreakout):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, StrategyInputMacdTrend):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
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
    if response.status_code == 201:

        def _parse_response_201(
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

        response_201 = _parse_response_201(response.json())

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
    *,
    client: AuthenticatedClient | Client,
    body: StrategyInputBollingerBreakout
    | StrategyInputMacdTrend
    | StrategyInputMomentum
    | StrategyInputRsiReversion
    | StrategyInputSmaCross,
) -> Response[
    Problem | StrategyBollingerBreakout | StrategyMacdTrend | StrategyMomentum | StrategyRsiReversion | StrategySmaCross
]:
    """Create a strategy

    Args:
        body (StrategyInputBollingerBreakout | StrategyInputMacdTrend | StrategyInputMomentum |
            StrategyInputRsiReversion | StrategyInputSmaCross): A new strategy, or all of one (`PUT`):
            name, symbols, type and that type's parameters
            (`{"name": "sma 5/20", "type": "sma_cross", "parameters": {"fast": 5, "slow": 20},
            "symbols": ["000001.SZ"]}`).
            Parameters left out take their defaults.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StrategyBollingerBreakout | StrategyMacdTrend | StrategyMomentum | StrategyRsiReversion | StrategySmaCross]
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
    body: StrategyInputBollingerBreakout
    | StrategyInputMacdTrend
    | StrategyInputMomentum
    | StrategyInputRsiReversion
    | StrategyInputSmaCross,
) -> (
    Problem
    | StrategyBollingerBreakout
    | StrategyMacdTrend
    | StrategyMomentum
    | StrategyRsiReversion
    | StrategySmaCross
    | None
):
    """Create a strategy

    Args:
        body (StrategyInputBollingerBreakout | StrategyInputMacdTrend | StrategyInputMomentum |
            StrategyInputRsiReversion | StrategyInputSmaCross): A new strategy, or all of one (`PUT`):
            name, symbols, type and that type's parameters
            (`{"name": "sma 5/20", "type": "sma_cross", "parameters": {"fast": 5, "slow": 20},
            "symbols": ["000001.SZ"]}`).
            Parameters left out take their defaults.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StrategyBollingerBreakout | StrategyMacdTrend | StrategyMomentum | StrategyRsiReversion | StrategySmaCross
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: StrategyInputBollingerBreakout
    | StrategyInputMacdTrend
    | StrategyInputMomentum
    | StrategyInputRsiReversion
    | StrategyInputSmaCross,
) -> Response[
    Problem | StrategyBollingerBreakout | StrategyMacdTrend | StrategyMomentum | StrategyRsiReversion | StrategySmaCross
]:
    """Create a strategy

    Args:
        body (StrategyInputBollingerBreakout | StrategyInputMacdTrend | StrategyInputMomentum |
            StrategyInputRsiReversion | StrategyInputSmaCross): A new strategy, or all of one (`PUT`):
            name, symbols, type and that type's parameters
            (`{"name": "sma 5/20", "type": "sma_cross", "parameters": {"fast": 5, "slow": 20},
            "symbols": ["000001.SZ"]}`).
            Parameters left out take their defaults.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StrategyBollingerBreakout | StrategyMacdTrend | StrategyMomentum | StrategyRsiReversion | StrategySmaCross]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: StrategyInputBollingerBreakout
    | StrategyInputMacdTrend
    | StrategyInputMomentum
    | StrategyInputRsiReversion
    | StrategyInputSmaCross,
) -> (
    Problem
    | StrategyBollingerBreakout
    | StrategyMacdTrend
    | StrategyMomentum
    | StrategyRsiReversion
    | StrategySmaCross
    | None
):
    """Create a strategy

    Args:
        body (StrategyInputBollingerBreakout | StrategyInputMacdTrend | StrategyInputMomentum |
            StrategyInputRsiReversion | StrategyInputSmaCross): A new strategy, or all of one (`PUT`):
            name, symbols, type and that type's parameters
            (`{"name": "sma 5/20", "type": "sma_cross", "parameters": {"fast": 5, "slow": 20},
            "symbols": ["000001.SZ"]}`).
            Parameters left out take their defaults.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StrategyBollingerBreakout | StrategyMacdTrend | StrategyMomentum | StrategyRsiReversion | StrategySmaCross
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
