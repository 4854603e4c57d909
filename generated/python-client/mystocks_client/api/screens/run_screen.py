from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.screen_result import ScreenResult
from ...models.screen_run_request import ScreenRunRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ScreenRunRequest,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 100,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["cursor"] = cursor

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/screens/run",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ScreenResult | None:
    if response.status_code == 200:
        response_200 = ScreenResult.from_dict(response.json())

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
) -> Response[Problem | ScreenResult]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ScreenRunRequest,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 100,
) -> Response[Problem | ScreenResult]:
    """Run a screen over a universe

     Evaluates a condition (ad hoc, saved or built in) for every symbol of the universe on the
    as-of day, vectorised across symbols over only the bars the condition needs, and answers
    the symbols that match with the values that decided it, in symbol order, cursor-paged.
    A bad condition (an unknown indicator or output, a parameter out of bounds, nesting deeper
    than 5) answers 422 with `errors[].name` the JSON path of the offending part
    (`condition.conditions[1].left.params[0]`).

    Args:
        cursor (str | Unset):
        limit (int | Unset):  Default: 100.
        body (ScreenRunRequest): What to screen: exactly one of `condition` (ad hoc), `screen_id`
            (one of your saved screens)
            or `builtin` (an id of `GET /api/v1/screens/builtin`), else 422. `as_of` defaults to the
            latest day with bars; symbols without a bar that day (suspended) never match.
             Example: {'condition': {'kind': 'all', 'conditions': [{'kind': 'compare', 'left':
            {'field': 'close'}, 'op': 'gt', 'right': {'indicator': 'MA', 'params': [20]}}, {'kind':
            'compare', 'left': {'indicator': 'RSI', 'params': [6]}, 'op': 'lt', 'right': 80}]},
            'universe': {'exchange': 'SSE'}, 'as_of': '2017-07-26'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ScreenResult]
    """

    kwargs = _get_kwargs(
        body=body,
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
    body: ScreenRunRequest,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 100,
) -> Problem | ScreenResult | None:
    """Run a screen over a universe

     Evaluates a condition (ad hoc, saved or built in) for every symbol of the universe on the
    as-of day, vectorised across symbols over only the bars the condition needs, and answers
    the symbols that match with the values that decided it, in symbol order, cursor-paged.
    A bad condition (an unknown indicator or output, a parameter out of bounds, nesting deeper
    than 5) answers 422 with `errors[].name` the JSON path of the offending part
    (`condition.conditions[1].left.params[0]`).

    Args:
        cursor (str | Unset):
        limit (int | Unset):  Default: 100.
        body (ScreenRunRequest): What to screen: exactly one of `condition` (ad hoc), `screen_id`
            (one of your saved screens)
            or `builtin` (an id of `GET /api/v1/screens/builtin`), else 422. `as_of` defaults to the
            latest day with bars; symbols without a bar that day (suspended) never match.
             Example: {'condition': {'kind': 'all', 'conditions': [{'kind': 'compare', 'left':
            {'field': 'close'}, 'op': 'gt', 'right': {'indicator': 'MA', 'params': [20]}}, {'kind':
            'compare', 'left': {'indicator': 'RSI', 'params': [6]}, 'op': 'lt', 'right': 80}]},
            'universe': {'exchange': 'SSE'}, 'as_of': '2017-07-26'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ScreenResult
    """

    return sync_detailed(
        client=client,
        body=body,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ScreenRunRequest,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 100,
) -> Response[Problem | ScreenResult]:
    """Run a screen over a universe

     Evaluates a condition (ad hoc, saved or built in) for every symbol of the universe on the
    as-of day, vectorised across symbols over only the bars the condition needs, and answers
    the symbols that match with the values that decided it, in symbol order, cursor-paged.
    A bad condition (an unknown indicator or output, a parameter out of bounds, nesting deeper
    than 5) answers 422 with `errors[].name` the JSON path of the offending part
    (`condition.conditions[1].left.params[0]`).

    Args:
        cursor (str | Unset):
        limit (int | Unset):  Default: 100.
        body (ScreenRunRequest): What to screen: exactly one of `condition` (ad hoc), `screen_id`
            (one of your saved screens)
            or `builtin` (an id of `GET /api/v1/screens/builtin`), else 422. `as_of` defaults to the
            latest day with bars; symbols without a bar that day (suspended) never match.
             Example: {'condition': {'kind': 'all', 'conditions': [{'kind': 'compare', 'left':
            {'field': 'close'}, 'op': 'gt', 'right': {'indicator': 'MA', 'params': [20]}}, {'kind':
            'compare', 'left': {'indicator': 'RSI', 'params': [6]}, 'op': 'lt', 'right': 80}]},
            'universe': {'exchange': 'SSE'}, 'as_of': '2017-07-26'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ScreenResult]
    """

    kwargs = _get_kwargs(
        body=body,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ScreenRunRequest,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 100,
) -> Problem | ScreenResult | None:
    """Run a screen over a universe

     Evaluates a condition (ad hoc, saved or built in) for every symbol of the universe on the
    as-of day, vectorised across symbols over only the bars the condition needs, and answers
    the symbols that match with the values that decided it, in symbol order, cursor-paged.
    A bad condition (an unknown indicator or output, a parameter out of bounds, nesting deeper
    than 5) answers 422 with `errors[].name` the JSON path of the offending part
    (`condition.conditions[1].left.params[0]`).

    Args:
        cursor (str | Unset):
        limit (int | Unset):  Default: 100.
        body (ScreenRunRequest): What to screen: exactly one of `condition` (ad hoc), `screen_id`
            (one of your saved screens)
            or `builtin` (an id of `GET /api/v1/screens/builtin`), else 422. `as_of` defaults to the
            latest day with bars; symbols without a bar that day (suspended) never match.
             Example: {'condition': {'kind': 'all', 'conditions': [{'kind': 'compare', 'left':
            {'field': 'close'}, 'op': 'gt', 'right': {'indicator': 'MA', 'params': [20]}}, {'kind':
            'compare', 'left': {'indicator': 'RSI', 'params': [6]}, 'op': 'lt', 'right': 80}]},
            'universe': {'exchange': 'SSE'}, 'as_of': '2017-07-26'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ScreenResult
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
