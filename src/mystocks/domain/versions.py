"""Optimistic locking of versioned resources (strategies, watchlists): the version a change
expects, from its `If-Match` header."""

from __future__ import annotations

from mystocks.errors import FieldProblem, PreconditionRequired, RuleViolation


def parse_etag(value: str | None) -> int | None:
    """`"3"` (or W/"3", or 3) -> 3; `*` -> None, meaning any version (RFC 9110 §13.1.1)."""
    assert value is not None
    text = value.strip()
    if text == "*":
        return None
    text = text.removeprefix("W/").strip('"')
    if not text.isdigit():
        raise RuleViolation(
            f"If-Match {value!r} is not an ETag this server issued.",
            (FieldProblem("header", "If-Match", 'must be an ETag such as "3"'),),
        )
    return int(text)


def required_version(if_match: str | None, what: str) -> int | None:
    """The version a change of `what` ("strategy 3") expects; 428 without If-Match."""
    if if_match is None:
        raise PreconditionRequired(f"Send If-Match with {what}'s ETag to change it.")
    return parse_etag(if_match)
