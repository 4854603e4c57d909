"""Opaque page cursors: a kind prefix and a position, base64url-encoded without padding.

The prefix stops a cursor from one list being replayed against another (a tick cursor on bars).
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from typing import Any

from mystocks.errors import FieldProblem, InvalidRequest


def encode(kind: str, position: str) -> str:
    raw = f"{kind}:{position}".encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def decode(kind: str, cursor: str | None) -> str | None:
    """The position inside `cursor`, or None for no cursor; InvalidRequest if it is not ours."""
    if cursor is None:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raw = ""
    prefix, _, position = raw.partition(":")
    if prefix != kind or not position:
        raise InvalidRequest(
            "The cursor is not one this list issued; pass the `next_cursor` of its previous page.",
            (FieldProblem("query", "cursor", "is not a cursor of this list"),),
        )
    return position


def decode_id(kind: str, cursor: str | None) -> int | None:
    """`decode` for lists paged by an integer (an id, a timestamp)."""
    position = decode(kind, cursor)
    if position is not None and not position.isdigit():
        raise InvalidRequest(
            "The cursor is not one this list issued.",
            (FieldProblem("query", "cursor", "is malformed"),),
        )
    return None if position is None else int(position)


def id_page(kind: str, rows: Sequence[Any], limit: int) -> dict[str, Any]:
    """A page of presented items read with `limit + 1` rows, newest id first: the extra row
    only says there is more, and the last item's id is the next cursor."""
    items = list(rows[:limit])
    more = len(rows) > limit
    return {"items": items, "next_cursor": encode(kind, str(items[-1]["id"])) if more else None}
