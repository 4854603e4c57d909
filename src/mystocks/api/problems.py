"""Every error becomes `application/problem+json` (RFC 9457), here and nowhere else.

Domain errors map to problem types through one table found along the exception's MRO;
Connexion's own problems (validation, security, unsupported media type) and Starlette's routing
errors (404, 405) are re-worded into the same shape; anything else is logged with its traceback
and answered as a plain 500 that reveals nothing.
"""

from __future__ import annotations

import logging
import re
from typing import Any

import orjson
from connexion import AsyncApp
from connexion.exceptions import ProblemException
from connexion.lifecycle import ConnexionResponse
from starlette.exceptions import HTTPException

from mystocks.api.validation import ContractViolation
from mystocks.errors import (
    AuthenticationFailed,
    FieldProblem,
    InvalidRequest,
    MyStocksError,
    NotFound,
    PermissionDenied,
    PreconditionRequired,
    RuleViolation,
    ServiceUnavailable,
    StaleVersion,
    TooManyAttempts,
)
from mystocks.logs import REQUEST_ID

log = logging.getLogger("mystocks.api")

PROBLEM_JSON = "application/problem+json"
TITLES = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    406: "Not Acceptable",
    412: "Precondition Failed",
    413: "Content Too Large",
    415: "Unsupported Media Type",
    422: "Unprocessable Entity",
    428: "Precondition Required",
    429: "Too Many Requests",
    500: "Internal Server Error",
    501: "Not Implemented",
    503: "Service Unavailable",
}
SLUGS = {
    400: "invalid-request",
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    406: "not-acceptable",
    412: "precondition-failed",
    413: "too-large",
    415: "unsupported-media-type",
    422: "unprocessable",
    428: "precondition-required",
    429: "too-many-requests",
    500: "internal",
    501: "internal",
    503: "unavailable",
}
DOMAIN_STATUS: dict[type[MyStocksError], int] = {
    NotFound: 404,
    InvalidRequest: 422,
    RuleViolation: 422,
    AuthenticationFailed: 401,
    PermissionDenied: 403,
    StaleVersion: 412,
    PreconditionRequired: 428,
    TooManyAttempts: 429,
    ServiceUnavailable: 503,
}
UNAUTHORIZED_HEADERS = {"WWW-Authenticate": 'Bearer realm="mystocks"'}


def problem(
    status: int,
    detail: str,
    instance: str,
    problems: tuple[FieldProblem, ...] | list[FieldProblem] = (),
    headers: dict[str, str] | None = None,
    code: str | None = None,
) -> ConnexionResponse:
    body: dict[str, Any] = {
        "type": f"/problems/{SLUGS.get(status, 'error')}",
        "title": TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
        "instance": instance,
    }
    if (request_id := REQUEST_ID.get()) is not None:  # the key to this request's log lines
        body["request_id"] = request_id
    if code is not None:
        body["code"] = code
    if problems:
        body["errors"] = [{"in": p.location, "name": p.name, "detail": p.detail} for p in problems]
    if status == 401:
        headers = {**UNAUTHORIZED_HEADERS, **(headers or {})}
    return ConnexionResponse(
        status_code=status,
        mimetype=PROBLEM_JSON,
        content_type=PROBLEM_JSON,
        body=orjson.dumps(body),
        headers=headers or {},
    )


def _domain(request: Any, exc: Exception) -> ConnexionResponse:
    assert isinstance(exc, MyStocksError)
    status = next(DOMAIN_STATUS[cls] for cls in type(exc).__mro__ if cls in DOMAIN_STATUS)
    headers = {"Retry-After": str(exc.retry_after)} if isinstance(exc, TooManyAttempts) else None
    return problem(status, exc.detail, request.url.path, exc.problems, headers, code=exc.code)


def _connexion(request: Any, exc: Exception) -> ConnexionResponse:
    assert isinstance(exc, ProblemException)
    if isinstance(exc, ContractViolation):
        return problem(400, exc.detail, request.url.path, exc.problems)
    status = exc.status or 500
    if status >= 500:
        log.error("request failed: %r", exc)
        return problem(
            status, "The server failed to answer; the error is logged.", request.url.path
        )
    detail = str(exc.detail or exc.title or TITLES.get(status, "Error"))
    if status == 401 and "No authorization token" in detail:
        detail = "A bearer token is required: send `Authorization: Bearer <token>`."
    code = (exc.ext or {}).get("code")
    return problem(status, detail, request.url.path, headers=dict(exc.headers or {}), code=code)


class AllowedMethods:
    """The methods the contract defines for a request path, for the `Allow` header of a 405.

    Connexion routes each operation separately, so the router alone would name only the
    methods of the first operation it matched."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.paths = []
        for template, item in spec.get("paths", {}).items():
            pattern = re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template))
            methods = sorted(m.upper() for m in item if m in HTTP_METHODS)
            if "GET" in methods:
                methods.append("HEAD")
            self.paths.append((re.compile(f"^{pattern}$"), ", ".join(methods)))

    def __call__(self, path: str) -> str | None:
        return next((methods for pattern, methods in self.paths if pattern.match(path)), None)


HTTP_METHODS = ("get", "put", "post", "patch", "delete", "head", "options")


def _http_handler(allowed: AllowedMethods) -> Any:
    def handle(request: Any, exc: Exception) -> ConnexionResponse:
        assert isinstance(exc, HTTPException)
        status = exc.status_code
        path = request.url.path
        detail = {
            404: f"Nothing is served at {path}.",
            405: f"{request.method} is not allowed on {path}.",
        }.get(status, str(exc.detail))
        headers = dict(exc.headers or {})
        if status == 405 and (methods := allowed(path)) is not None:
            headers["Allow"] = methods
            detail += f" Allowed: {methods}."
        return problem(status, detail, path, headers=headers)

    return handle


def _unexpected(request: Any, exc: Exception) -> ConnexionResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return problem(500, "The server failed to answer; the error is logged.", request.url.path)


def install(app: AsyncApp, spec: dict[str, Any]) -> None:
    app.add_error_handler(MyStocksError, _domain)
    app.add_error_handler(ProblemException, _connexion)
    app.add_error_handler(HTTPException, _http_handler(AllowedMethods(spec)))
    app.add_error_handler(Exception, _unexpected)
