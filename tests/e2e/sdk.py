"""What the end-to-end tests need beside the SDK (`mystocks_sdk`): the exact status of an answer,
a signed-in session's access token (for the WebSocket), and one session on another server."""

from __future__ import annotations

from typing import Any

from mystocks_client.types import Response
from mystocks_sdk import Client, TokenSession


def expect(status: int, answer: Response[Any]) -> Any:
    """The typed model of a generated operation's answer (`op.sync_detailed(client=c.api, ...)`),
    which must have exactly `status`. `Client.call` takes any success; this is for the tests that
    tell 201 from 200 (an idempotent replay), or read a header beside the model."""
    assert answer.status_code == status, f"{int(answer.status_code)}: {answer.content!r}"
    return answer.parsed


def access_token(client: Client) -> str:
    """The access token of a client from `Client.login`, for the WebSocket's auth message."""
    session = client.http.auth
    assert isinstance(session, TokenSession), session
    return session.access_token


def on(base: str, client: Client, **options: Any) -> Client:
    """The same signed-in session (its token pair, refreshed as one) sent to another server."""
    return Client(base, client.http.auth, **options)
