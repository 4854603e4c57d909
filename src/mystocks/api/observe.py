"""The outermost HTTP layer: a request id for every request, an access log line, the request
metrics and, when tracing is on, a server span.

It sits outside the rate limiter and Connexion so that what they answer on their own (429, 503,
404, 405, a 500) is logged, counted and carries `X-Request-ID` like any other answer. What it
needs from the inner layers it reads from the shared ASGI scope after they ran: the operationId
Connexion's router leaves in `scope["extensions"]["connexion_routing"]`, and the caller the
identity middleware verified (`api.identity`).
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from typing import Any

from opentelemetry import trace
from opentelemetry.propagate import extract
from opentelemetry.trace import SpanKind, Status, StatusCode, Tracer
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mystocks import metrics
from mystocks.api.identity import identity_of
from mystocks.identity.request_context import CLIENT_IP
from mystocks.logs import REQUEST_ID, TRACE_ID

access_log = logging.getLogger("mystocks.access")

HEADER = b"x-request-id"
# What a client or proxy may hand us as a request id; anything else is replaced, so a log line
# never carries a client's arbitrary text (or a header injection) in this field.
_WELL_FORMED = re.compile(rb"[A-Za-z0-9._:-]{1,128}")


def request_id_of(scope: Scope) -> str:
    """The client's `X-Request-ID` when it is well formed, else a new one."""
    for name, value in scope.get("headers", ()):
        if name == HEADER:
            if _WELL_FORMED.fullmatch(value):
                return str(value.decode("ascii"))
            break
    return uuid.uuid4().hex


def operation_of(scope: Scope) -> str | None:
    """The operationId Connexion's router matched, if any."""
    routing = scope.get("extensions", {}).get("connexion_routing", {})
    operation: str | None = routing.get("operation_id")
    return operation


def user_of(scope: Scope) -> str | None:
    """Who called: the verified user, with the API key's id for a signed request."""
    return identity_of(scope).who


class ObserveMiddleware:
    def __init__(self, app: ASGIApp, tracer: Tracer | None = None) -> None:
        self.app = app
        self.tracer = tracer  # None: tracing is off and costs nothing

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            await self._websocket(scope, receive, send)
            return
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = request_id_of(scope)
        scope.setdefault("state", {})["request_id"] = request_id
        # Connexion's router writes the operationId into a shallow copy of the scope; with an
        # `extensions` dict here already (uvicorn sends none), the copy shares it with us.
        scope.setdefault("extensions", {})
        reset = REQUEST_ID.set(request_id)
        client = scope.get("client")
        client_reset = CLIENT_IP.set(str(client[0]) if client else None)
        started = time.perf_counter()
        answer: dict[str, Any] = {"status": 500, "bytes": 0}

        async def observed_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                answer["status"] = message["status"]
                headers = [(n, v) for n, v in message.get("headers", ()) if n != HEADER]
                message = {**message, "headers": [*headers, (HEADER, request_id.encode())]}
            elif message["type"] == "http.response.body":
                answer["bytes"] += len(message.get("body", b""))
            await send(message)

        span = None if self.tracer is None else self._start_span(scope, request_id)
        trace_reset = None
        if span is not None:
            trace_reset = TRACE_ID.set(format(span.get_span_context().trace_id, "032x"))
        try:
            if span is None:
                await self.app(scope, receive, observed_send)
            else:
                with trace.use_span(span, end_on_exit=False):
                    await self.app(scope, receive, observed_send)
        except BaseException as exc:
            if span is not None:
                span.record_exception(exc)
            raise
        finally:
            seconds = time.perf_counter() - started
            operation = operation_of(scope)
            status = int(answer["status"])
            label = metrics.operation_label(operation)
            metrics.HTTP_REQUESTS.labels(label, str(status)).inc()
            metrics.HTTP_DURATION.labels(label, str(status)).observe(seconds)
            self._access_log(scope, operation, status, seconds, answer["bytes"])
            if span is not None:
                self._end_span(span, operation, status)
            if trace_reset is not None:
                TRACE_ID.reset(trace_reset)
            CLIENT_IP.reset(client_reset)
            REQUEST_ID.reset(reset)

    async def _websocket(self, scope: Scope, receive: Receive, send: Send) -> None:
        """The connection's log lines carry one request id, also sent in the handshake."""
        request_id = request_id_of(scope)
        scope.setdefault("state", {})["request_id"] = request_id

        async def observed_send(message: Message) -> None:
            if message["type"] == "websocket.accept":
                headers = [*message.get("headers", ()), (HEADER, request_id.encode())]
                message = {**message, "headers": headers}
            await send(message)

        reset = REQUEST_ID.set(request_id)
        try:
            await self.app(scope, receive, observed_send)
        finally:
            REQUEST_ID.reset(reset)

    @staticmethod
    def _access_log(
        scope: Scope, operation: str | None, status: int, seconds: float, sent: int
    ) -> None:
        level = logging.ERROR if status >= 500 else logging.INFO
        if not access_log.isEnabledFor(level):  # e.g. MYSTOCKS_LOG_LEVEL=warning: no cost
            return
        method, path = scope["method"], scope["path"]
        client = scope.get("client")
        fields: dict[str, Any] = {
            "operation": operation or f"{method} {path}",
            "method": method,
            "path": path,
            "status": status,
            "duration_ms": round(seconds * 1000, 3),
            "bytes": sent,
            "user": user_of(scope),
            "client_ip": client[0] if client else None,
        }
        query = scope.get("query_string", b"")
        if query:  # redacted by the formatter (`mystocks.logs.redact`) like any value
            fields["query"] = query.decode("latin-1")
        access_log.log(level, "%s %s %d", method, path, status, extra=fields)

    def _start_span(self, scope: Scope, request_id: str) -> trace.Span:
        assert self.tracer is not None
        carrier = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope.get("headers", ())}
        method = scope["method"]
        return self.tracer.start_span(
            f"{method} {scope['path']}",  # renamed to the operationId once routed
            context=extract(carrier),
            kind=SpanKind.SERVER,
            attributes={
                "http.request.method": method,
                "url.path": scope["path"],
                "url.scheme": scope.get("scheme", "http"),
                "mystocks.request_id": request_id,
            },
        )

    @staticmethod
    def _end_span(span: trace.Span, operation: str | None, status: int) -> None:
        if operation is not None:
            span.update_name(operation)
            span.set_attribute("mystocks.operation", operation)
        span.set_attribute("http.response.status_code", status)
        if status >= 500:
            span.set_status(Status(StatusCode.ERROR))
        span.end()
