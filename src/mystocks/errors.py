"""Domain errors: one small tree, mapped to problem+json in one place (`mystocks.api.problems`).

    MyStocksError
     ├── NotFound              a named resource does not exist            -> 404
     ├── InvalidRequest        valid by the contract, yet unusable        -> 422
     │                         (a foreign cursor, end before start, ...)
     ├── RuleViolation         well-formed, but breaks a business rule    -> 422
     │    └── OrderRefused       an order a trading rule refuses, with a reason `code`
     ├── AuthenticationFailed  no or bad credentials                      -> 401
     ├── PermissionDenied      authenticated, but the role may not        -> 403
     ├── StaleVersion          If-Match names a version no longer current -> 412
     ├── PreconditionRequired  a change came without If-Match             -> 428
     ├── TooManyAttempts       sign-ins refused after repeated failures   -> 429
     └── ServiceUnavailable    a shared service it needs is down          -> 503
                               (Redis, when configured to fail closed)

A request that breaks the contract itself (a wrong type, a malformed date) never reaches a
service: the API layer answers it with 400. Services raise these; they never know about HTTP.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldProblem:
    """One bad field: where it is (`query`, `body`...), its name or JSON path, and why."""

    location: str
    name: str
    detail: str


class MyStocksError(Exception):
    # The problem's machine-readable `code` member, for errors that carry one (a refused
    # order's reason, a refused signature's); None: the problem has no `code`.
    code: str | None = None

    def __init__(self, detail: str, problems: tuple[FieldProblem, ...] = ()) -> None:
        super().__init__(detail)
        self.detail = detail
        self.problems = problems


class NotFound(MyStocksError):
    pass


class InvalidRequest(MyStocksError):
    pass


class RuleViolation(MyStocksError):
    pass


class OrderRefused(RuleViolation):
    """An order refused before acceptance; `code` is the machine-readable reason (the
    problem's `code` member: board_lot, price_tick, price_limit, t_plus_one, ...)."""

    def __init__(self, code: str, detail: str, field: str | None = None) -> None:
        problems = (FieldProblem("body", field, detail),) if field else ()
        super().__init__(detail, problems)
        self.code = code


class AuthenticationFailed(MyStocksError):
    pass


class PermissionDenied(MyStocksError):
    pass


class StaleVersion(MyStocksError):
    pass


class PreconditionRequired(MyStocksError):
    pass


class TooManyAttempts(MyStocksError):
    """Refused without looking at the credentials; `retry_after` seconds until they are."""

    def __init__(self, detail: str, retry_after: int) -> None:
        super().__init__(detail)
        self.retry_after = retry_after


class ServiceUnavailable(MyStocksError):
    pass
