"""How the SDK proves who it is: a signed-in session whose access token is refreshed before it
expires, or an API key whose secret signs every request (see the contract's `apiKeySignature`
security scheme for the recipe)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections.abc import Generator
from typing import Any

import httpx

from .errors import APIError

# Refresh this long before the access token would expire, so no request carries a token that
# expires on its way.
REFRESH_MARGIN_SECONDS = 30.0


class TokenSession(httpx.Auth):
    """A bearer token pair from `POST /api/v1/auth/token`. The access token is exchanged through
    `POST /api/v1/auth/refresh` shortly before it expires, and once more when the server still
    answers 401 (a clock that disagrees). The refresh token is single-use, so threads that share
    the session refresh one at a time."""

    def __init__(self, token: dict[str, Any], refresh_url: str) -> None:
        self._lock = threading.Lock()
        self._refresh_url = refresh_url
        self._store(token)

    def _store(self, token: dict[str, Any]) -> None:
        self.access_token: str = token["access_token"]
        self.refresh_token: str = token["refresh_token"]
        self.role: str = token.get("role", "")
        self.expires_at = time.monotonic() + float(token["expires_in"])

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response]:
        # A threading lock: the SDK's client is synchronous (httpx.Client).
        with self._lock:
            if time.monotonic() >= self.expires_at - REFRESH_MARGIN_SECONDS:
                yield from self._refresh()
            token = self.access_token
        request.headers["Authorization"] = f"Bearer {token}"
        response = yield request
        if response.status_code == 401:
            with self._lock:
                if self.access_token == token:  # nobody refreshed in the meantime
                    yield from self._refresh()
                token = self.access_token
            request.headers["Authorization"] = f"Bearer {token}"
            yield request

    def _refresh(self) -> Generator[httpx.Request, httpx.Response]:
        response = yield httpx.Request(
            "POST", self._refresh_url, json={"refresh_token": self.refresh_token}
        )
        response.read()
        if response.status_code != 200:
            raise APIError.from_answer(response.status_code, response.content, response.headers)
        self._store(response.json())


def string_to_sign(
    method: str, path: str, query: str, timestamp: str, nonce: str, body: bytes
) -> bytes:
    """`timestamp\\nnonce\\nMETHOD\\npath\\nquery\\nsha256hex(body)`, path and query as sent."""
    parts = (timestamp, nonce, method.upper(), path, query, hashlib.sha256(body).hexdigest())
    return "\n".join(parts).encode()


def signature_headers(
    key_id: str,
    secret: str,
    method: str,
    path: str,
    query: str = "",
    body: bytes = b"",
    *,
    timestamp_ms: int | None = None,
    nonce: str | None = None,
) -> dict[str, str]:
    """The four headers that sign one request with an API key."""
    timestamp = str(int(time.time() * 1000) if timestamp_ms is None else timestamp_ms)
    nonce = nonce or secrets.token_urlsafe(18)
    message = string_to_sign(method, path, query, timestamp, nonce, body)
    return {
        "X-MS-APIKEY": key_id,
        "X-MS-TIMESTAMP": timestamp,
        "X-MS-NONCE": nonce,
        "X-MS-SIGNATURE": hmac.new(secret.encode(), message, hashlib.sha256).hexdigest(),
    }


class ApiKeySignature(httpx.Auth):
    """Signs every request with an API key (`mk_…` and its `mss_…` secret): a fresh nonce and
    timestamp each time, over the bytes actually sent."""

    requires_request_body = True

    def __init__(self, key_id: str, secret: str) -> None:
        self.key_id = key_id
        self._secret = secret

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response]:
        path, _, query = request.url.raw_path.decode("ascii").partition("?")
        request.headers.update(
            signature_headers(
                self.key_id, self._secret, request.method, path, query, request.content
            )
        )
        yield request
