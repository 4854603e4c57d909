"""Dates, date-times and ranges as queries give them: parsed, or refused with the field named.

The contract's validators check formats before a handler runs; these guard the use cases' other
callers (the CLI, other services) and check what a schema cannot: an `end` before its `start`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from mystocks.errors import FieldProblem, InvalidRequest


def parse_date(name: str, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:  # the contract validator already checked; this guards direct callers
        raise InvalidRequest(
            f"{name} must be a date (YYYY-MM-DD)",
            (FieldProblem("query", name, "must be a date (YYYY-MM-DD)"),),
        ) from None


def parse_datetime(name: str, value: str | None) -> dt.datetime | None:
    if value is None:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        parsed = None
    if parsed is None or parsed.tzinfo is None:
        raise InvalidRequest(
            f"{name} must be an RFC 3339 date-time with an offset",
            (FieldProblem("query", name, "must be an RFC 3339 date-time with an offset"),),
        )
    return parsed


def check_range(start: Any, end: Any) -> None:
    if start is not None and end is not None and end < start:
        raise InvalidRequest(
            f"end ({end}) is before start ({start})",
            (FieldProblem("query", "end", f"is before start ({start})"),),
        )
