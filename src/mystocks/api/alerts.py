"""Handlers of the `alerts` tag."""

from __future__ import annotations

from mystocks_contract import typeddicts as td
from mystocks_contract.protocols import AlertSeverity
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from mystocks.api.http import json_response, principal, services


async def list_alert_rules() -> Response:
    return json_response(await run_in_threadpool(services().alerts.list_rules, principal()))


async def create_alert_rule(*, body: td.AlertRuleCreate) -> Response:
    rule = await run_in_threadpool(services().alerts.create_rule, principal(), body)
    return json_response(rule, status=201)


async def delete_alert_rule(*, rule_id: int) -> Response:
    await run_in_threadpool(services().alerts.delete_rule, principal(), rule_id)
    return Response(status_code=204)


async def list_alerts(
    *,
    severity: AlertSeverity | None = None,
    acknowledged: bool | None = None,
    cursor: str | None = None,
    limit: int = 100,
) -> Response:
    page = await run_in_threadpool(
        services().alerts.list_alerts,
        principal(),
        severity=severity,
        acknowledged=acknowledged,
        cursor=cursor,
        limit=limit,
    )
    return json_response(page)


async def acknowledge_alert(*, alert_id: int) -> Response:
    return json_response(
        await run_in_threadpool(services().alerts.acknowledge, principal(), alert_id)
    )
