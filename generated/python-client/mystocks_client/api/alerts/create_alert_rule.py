from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.account_alert_rule_create import AccountAlertRuleCreate
from ...models.alert_rule import AlertRule
from ...models.problem import Problem
from ...models.strategy_alert_rule_create import StrategyAlertRuleCreate
from ...models.symbol_alert_rule_create import SymbolAlertRuleCreate
from ...types import Response


def _get_kwargs(
    *,
    body: AccountAlertRuleCreate | StrategyAlertRuleCreate | SymbolAlertRuleCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/alert-rules",
    }

    if isinstance(body, SymbolAlertRuleCreate):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, AccountAlertRuleCreate):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AlertRule | Problem | None:
    if response.status_code == 201:
        response_201 = AlertRule.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AlertRule | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AccountAlertRuleCreate | StrategyAlertRuleCreate | SymbolAlertRuleCreate,
) -> Response[AlertRule | Problem]:
    """Add a risk alert rule

     A symbol rule is evaluated on every live quote of its symbol (from the feed); an account
    (or strategy) rule whenever the account (or one of the strategy's orders) trades and, at
    most about once a second, when the feed moves the price of something it holds. Every server instance
    evaluates; a rule fires once per
    crossing (at most once per `cooldown_seconds`), stores one alert and pushes it on
    `GET /api/v1/sse/alerts` and the WebSocket `alerts` channel. The rule and its alerts
    belong to you. An account or strategy rule needs your own account or strategy (an admin:
    any); someone else's is 404, as for `GET /api/v1/accounts/{account_id}`.

    Args:
        body (AccountAlertRuleCreate | StrategyAlertRuleCreate | SymbolAlertRuleCreate): A new
            rule: `kind` says which fields apply. The four symbol kinds name a `symbol`
            (`SymbolAlertRuleCreate`); the account kinds name an `account_id`
            (`AccountAlertRuleCreate`);
            `strategy_loss` names a `strategy_id` (`StrategyAlertRuleCreate`).
            A field of the other family (a `symbol` on `account_drawdown`, say) is refused with 400
            and a
            pointer to the field. Every rule fires once per crossing, then re-arms when its condition
            is
            false again.
             Example: {'kind': 'price_above', 'symbol': '600036.SH', 'threshold': 26.0, 'severity':
            'warning', 'cooldown_seconds': 300}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AlertRule | Problem]
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
    body: AccountAlertRuleCreate | StrategyAlertRuleCreate | SymbolAlertRuleCreate,
) -> AlertRule | Problem | None:
    """Add a risk alert rule

     A symbol rule is evaluated on every live quote of its symbol (from the feed); an account
    (or strategy) rule whenever the account (or one of the strategy's orders) trades and, at
    most about once a second, when the feed moves the price of something it holds. Every server instance
    evaluates; a rule fires once per
    crossing (at most once per `cooldown_seconds`), stores one alert and pushes it on
    `GET /api/v1/sse/alerts` and the WebSocket `alerts` channel. The rule and its alerts
    belong to you. An account or strategy rule needs your own account or strategy (an admin:
    any); someone else's is 404, as for `GET /api/v1/accounts/{account_id}`.

    Args:
        body (AccountAlertRuleCreate | StrategyAlertRuleCreate | SymbolAlertRuleCreate): A new
            rule: `kind` says which fields apply. The four symbol kinds name a `symbol`
            (`SymbolAlertRuleCreate`); the account kinds name an `account_id`
            (`AccountAlertRuleCreate`);
            `strategy_loss` names a `strategy_id` (`StrategyAlertRuleCreate`).
            A field of the other family (a `symbol` on `account_drawdown`, say) is refused with 400
            and a
            pointer to the field. Every rule fires once per crossing, then re-arms when its condition
            is
            false again.
             Example: {'kind': 'price_above', 'symbol': '600036.SH', 'threshold': 26.0, 'severity':
            'warning', 'cooldown_seconds': 300}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AlertRule | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AccountAlertRuleCreate | StrategyAlertRuleCreate | SymbolAlertRuleCreate,
) -> Response[AlertRule | Problem]:
    """Add a risk alert rule

     A symbol rule is evaluated on every live quote of its symbol (from the feed); an account
    (or strategy) rule whenever the account (or one of the strategy's orders) trades and, at
    most about once a second, when the feed moves the price of something it holds. Every server instance
    evaluates; a rule fires once per
    crossing (at most once per `cooldown_seconds`), stores one alert and pushes it on
    `GET /api/v1/sse/alerts` and the WebSocket `alerts` channel. The rule and its alerts
    belong to you. An account or strategy rule needs your own account or strategy (an admin:
    any); someone else's is 404, as for `GET /api/v1/accounts/{account_id}`.

    Args:
        body (AccountAlertRuleCreate | StrategyAlertRuleCreate | SymbolAlertRuleCreate): A new
            rule: `kind` says which fields apply. The four symbol kinds name a `symbol`
            (`SymbolAlertRuleCreate`); the account kinds name an `account_id`
            (`AccountAlertRuleCreate`);
            `strategy_loss` names a `strategy_id` (`StrategyAlertRuleCreate`).
            A field of the other family (a `symbol` on `account_drawdown`, say) is refused with 400
            and a
            pointer to the field. Every rule fires once per crossing, then re-arms when its condition
            is
            false again.
             Example: {'kind': 'price_above', 'symbol': '600036.SH', 'threshold': 26.0, 'severity':
            'warning', 'cooldown_seconds': 300}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AlertRule | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: AccountAlertRuleCreate | StrategyAlertRuleCreate | SymbolAlertRuleCreate,
) -> AlertRule | Problem | None:
    """Add a risk alert rule

     A symbol rule is evaluated on every live quote of its symbol (from the feed); an account
    (or strategy) rule whenever the account (or one of the strategy's orders) trades and, at
    most about once a second, when the feed moves the price of something it holds. Every server instance
    evaluates; a rule fires once per
    crossing (at most once per `cooldown_seconds`), stores one alert and pushes it on
    `GET /api/v1/sse/alerts` and the WebSocket `alerts` channel. The rule and its alerts
    belong to you. An account or strategy rule needs your own account or strategy (an admin:
    any); someone else's is 404, as for `GET /api/v1/accounts/{account_id}`.

    Args:
        body (AccountAlertRuleCreate | StrategyAlertRuleCreate | SymbolAlertRuleCreate): A new
            rule: `kind` says which fields apply. The four symbol kinds name a `symbol`
            (`SymbolAlertRuleCreate`); the account kinds name an `account_id`
            (`AccountAlertRuleCreate`);
            `strategy_loss` names a `strategy_id` (`StrategyAlertRuleCreate`).
            A field of the other family (a `symbol` on `account_drawdown`, say) is refused with 400
            and a
            pointer to the field. Every rule fires once per crossing, then re-arms when its condition
            is
            false again.
             Example: {'kind': 'price_above', 'symbol': '600036.SH', 'threshold': 26.0, 'severity':
            'warning', 'cooldown_seconds': 300}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AlertRule | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
