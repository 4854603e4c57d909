"""API keys for programs, and the exchange-style signatures that authenticate their requests.

A key is a public `key_id` and a secret shown once, at creation. Each request carries four
headers: `X-MS-APIKEY` (the key id), `X-MS-TIMESTAMP` (milliseconds since the epoch),
`X-MS-NONCE` (16 to 64 characters of `A-Z a-z 0-9 _ -`, never reused) and `X-MS-SIGNATURE`,
the lower-case hex HMAC-SHA256, keyed with the secret, of

    timestamp \\n nonce \\n METHOD \\n path \\n query \\n hex(sha256(body))

where `path` is the request path as sent (percent-encoded, no query), `query` the query string
as sent (without `?`; empty when none) and `body` the raw body bytes (empty when none). So every
part of the request that changes its meaning is signed, and nothing needs canonicalising.

The server refuses (401, the problem's `code` naming the reason) a missing or malformed header,
a timestamp outside the receive window (`MYSTOCKS_API_KEY_WINDOW_SECONDS`), an unknown, revoked
or expired key, a signature that does not match, and a nonce already used with the key inside
the window: a captured request cannot be replayed. Nonces are remembered in Redis when
configured (so every instance refuses a replay another instance saw), else in this process.

A key carries scopes (`read`, `trade`, `admin`), checked against the operation's scope on every
request (`scope_of`), and acts with its owner's current role: a key never does what its owner
could not. The secret must be recovered to check a signature, so it is stored encrypted with
Fernet (`MYSTOCKS_API_KEY_ENCRYPTION_KEYS`, rotation with MultiFernet), never hashed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
import re
import secrets
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, Protocol, cast

from anyio import to_thread
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from mystocks_contract import typeddicts as td

from mystocks.adapters.redis_link import ERRORS, RedisLink
from mystocks.adapters.uow import SqlUnitOfWork, UnitOfWork
from mystocks.errors import (
    AuthenticationFailed,
    FieldProblem,
    NotFound,
    PermissionDenied,
    RuleViolation,
)
from mystocks.identity.api_key_store import ApiKeyStore
from mystocks.identity.auth import ROLE_RANK, Principal

if TYPE_CHECKING:
    from mystocks.identity.audit import AuditLog

log = logging.getLogger("mystocks.api_keys")

Scope = Literal["read", "trade", "admin"]
SCOPES: tuple[Scope, ...] = ("read", "trade", "admin")
# The least role that may hold a scope: a viewer's key cannot trade.
SCOPE_ROLE: dict[str, str] = {"read": "viewer", "trade": "trader", "admin": "admin"}

KEY_HEADER = "x-ms-apikey"
TIMESTAMP_HEADER = "x-ms-timestamp"
NONCE_HEADER = "x-ms-nonce"
SIGNATURE_HEADER = "x-ms-signature"
SIGNING_HEADERS = (KEY_HEADER, TIMESTAMP_HEADER, NONCE_HEADER, SIGNATURE_HEADER)

_NONCE = re.compile(r"[A-Za-z0-9_-]{16,64}")
_KEY_ID = re.compile(r"mk_[0-9a-f]{16}")
_SIGNATURE = re.compile(r"[0-9a-f]{64}")
_TIMESTAMP = re.compile(r"[0-9]{1,16}")


# -- signing (the server's check; programs sign with mystocks_sdk.signature_headers) ---------
def string_to_sign(
    method: str, path: str, query: str, timestamp: str, nonce: str, body: bytes
) -> bytes:
    parts = (timestamp, nonce, method.upper(), path, query, hashlib.sha256(body).hexdigest())
    return "\n".join(parts).encode()


def sign(
    secret: str, method: str, path: str, query: str, timestamp: str, nonce: str, body: bytes
) -> str:
    message = string_to_sign(method, path, query, timestamp, nonce, body)
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


class SignatureRefused(AuthenticationFailed):
    """A signed request refused; `code` names why (the problem's `code` member)."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code


@dataclass(frozen=True)
class SignedRequest:
    """What a signature covers, as the server received it."""

    key_id: str
    timestamp: str
    nonce: str
    signature: str
    method: str
    path: str
    query: str
    body: bytes

    @classmethod
    def from_headers(
        cls, headers: Mapping[str, str], method: str, path: str, query: str, body: bytes
    ) -> SignedRequest:
        """Read the signing headers (names in lower case), refusing missing or malformed ones."""
        missing = [name for name in SIGNING_HEADERS if not headers.get(name)]
        if missing:
            names = ", ".join(name.upper() for name in missing)
            raise SignatureRefused(
                "signature_headers_missing",
                f"A signed request needs the headers X-MS-APIKEY, X-MS-TIMESTAMP, X-MS-NONCE and"
                f" X-MS-SIGNATURE; missing: {names}.",
            )
        checks = (
            (KEY_HEADER, _KEY_ID, "an API key id (mk_ and 16 hex digits)"),
            (TIMESTAMP_HEADER, _TIMESTAMP, "milliseconds since the Unix epoch"),
            (NONCE_HEADER, _NONCE, "16 to 64 characters of A-Z, a-z, 0-9, _ and -"),
            (SIGNATURE_HEADER, _SIGNATURE, "64 lower-case hex digits (HMAC-SHA256)"),
        )
        for name, pattern, what in checks:
            if not pattern.fullmatch(headers[name]):
                raise SignatureRefused(
                    "signature_headers_malformed", f"{name.upper()} must be {what}."
                )
        return cls(
            headers[KEY_HEADER],
            headers[TIMESTAMP_HEADER],
            headers[NONCE_HEADER],
            headers[SIGNATURE_HEADER],
            method,
            path,
            query,
            body,
        )


# -- nonces -------------------------------------------------------------------------------------
class NonceCache(Protocol):
    async def first_use(self, key: str, ttl: float) -> bool:
        """Remember `key` for `ttl` seconds; False when it was already remembered."""
        ...


class InProcessNonces:
    """Nonces seen by this process; expired ones are swept as new ones arrive."""

    def __init__(self) -> None:
        self._until: dict[str, float] = {}
        self._lock = threading.Lock()
        self._next_sweep = 0.0

    async def first_use(self, key: str, ttl: float) -> bool:
        now = time.monotonic()
        with self._lock:
            if now >= self._next_sweep:
                self._until = {k: t for k, t in self._until.items() if t > now}
                self._next_sweep = now + ttl
            if self._until.get(key, 0.0) > now:
                return False
            self._until[key] = now + ttl
            return True


class RedisNonces:
    """Nonces in Redis (`SET NX PX`: one atomic step), so a replay to any instance is refused.
    While Redis is unavailable this process's own memory stands in (logged by the link), so
    a replay to the same instance is still refused."""

    def __init__(self, link: RedisLink) -> None:
        self.link = link
        self.fallback = InProcessNonces()

    async def first_use(self, key: str, ttl: float) -> bool:
        if self.link.available:
            try:
                stored = await self.link.aio.set(
                    self.link.key("nonce", key), b"1", nx=True, px=max(1, int(ttl * 1000))
                )
            except ERRORS as exc:
                self.link.failed(exc, "remembering a signed request's nonce")
            else:
                self.link.succeeded()
                return bool(stored)
        return await self.fallback.first_use(key, ttl)


# -- the service --------------------------------------------------------------------------------
def scope_of(operation: Mapping[str, Any], method: str) -> Scope:
    """The scope an operation needs: its `x-api-key-scope`, else `read` for GET and `trade`
    for every other method (changes are what `trade` allows)."""
    declared = operation.get("x-api-key-scope")
    if declared is not None:
        return cast(Scope, declared)
    return "read" if method.lower() in ("get", "head") else "trade"


def scopes_by_operation(spec: Mapping[str, Any]) -> dict[str, Scope]:
    """operationId -> the scope it needs, for every operation of the contract."""
    table: dict[str, Scope] = {}
    for item in spec.get("paths", {}).values():
        for method, operation in item.items():
            if isinstance(operation, dict) and "operationId" in operation:
                table[operation["operationId"]] = scope_of(operation, method)
    return table


def _status(row: Mapping[str, Any], now: dt.datetime) -> str:
    if row["revoked_at"] is not None:
        return "revoked"
    return "expired" if row["expires_at"] <= now else "active"


def _public(row: Mapping[str, Any], now: dt.datetime) -> td.ApiKey:
    revoked = row["revoked_at"]
    return {
        "key_id": row["key_id"],
        "name": row["name"],
        "scopes": list(row["scopes"]),
        "created_at": row["created_at"].isoformat(),
        "expires_at": row["expires_at"].isoformat(),
        "revoked_at": None if revoked is None else revoked.isoformat(),
        "status": cast(Any, _status(row, now)),
    }


def fernet_from(keys: str) -> MultiFernet:
    """`MYSTOCKS_API_KEY_ENCRYPTION_KEYS`: the first key encrypts, every key decrypts."""
    return MultiFernet([Fernet(key.strip()) for key in keys.split(",") if key.strip()])


class ApiKeyService:
    def __init__(
        self,
        store: ApiKeyStore,
        fernet: MultiFernet,
        nonces: NonceCache,
        *,
        window_seconds: float = 30.0,
        per_user: int = 20,
        scopes: Mapping[str, Scope] | None = None,
        audit: AuditLog | None = None,
        uow: Callable[[], UnitOfWork] | None = None,
    ) -> None:
        self.store = store
        self.audit = audit
        # A key's change and its audit line are one unit of work (`adapters.uow`).
        self.uow: Callable[[], UnitOfWork] = uow or (lambda: SqlUnitOfWork(store.engine, None))
        self.fernet = fernet
        self.nonces = nonces
        self.window = window_seconds
        self.per_user = per_user
        self.scopes: Mapping[str, Scope] = scopes or {}

    # -- managing keys (with a bearer token: a key cannot make keys) ------------------------------
    def create(self, principal: Principal, body: Mapping[str, Any]) -> td.ApiKeyCreated:
        scopes = list(dict.fromkeys(body["scopes"]))
        for scope in scopes:
            needed = SCOPE_ROLE[scope]
            if ROLE_RANK.get(principal.role, -1) < ROLE_RANK[needed]:
                detail = (
                    f"The {scope} scope needs the {needed} role; your role is {principal.role}."
                )
                raise RuleViolation(detail, (FieldProblem("body", "scopes", detail),))
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        if self.store.count_live(principal.username, now) >= self.per_user:
            raise RuleViolation(
                f"You have {self.per_user} live API keys, the most allowed; revoke one first."
            )
        secret = "mss_" + secrets.token_urlsafe(32)
        key_id = "mk_" + secrets.token_hex(8)
        expires = now + dt.timedelta(days=int(body.get("expires_in_days", 90)))
        details = {"name": body["name"], "scopes": scopes, "expires_at": expires.isoformat()}
        with self.uow() as uow:  # the key and its audit line together
            row = self.store.create(
                {
                    "key_id": key_id,
                    "owner": principal.username,
                    "name": body["name"],
                    "scopes": scopes,
                    "secret": self.fernet.encrypt(secret.encode()).decode(),
                    "created_at": now,
                    "expires_at": expires,
                    "revoked_at": None,
                }
            )
            self._audit(principal, "api_key.create", key_id, details)
            uow.commit()
        return {**_public(row, now), "secret": secret}

    def list(self, principal: Principal) -> td.ApiKeyList:
        now = dt.datetime.now(dt.UTC)
        return {"items": [_public(row, now) for row in self.store.of_owner(principal.username)]}

    def revoke(self, principal: Principal, key_id: str) -> td.ApiKey:
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        with self.uow() as uow:
            row, revoked = self.store.revoke(key_id, principal.username, now)
            if row is None:
                raise NotFound(f"You have no API key {key_id}.")
            if revoked:  # a second revoke changes nothing, and writes no line
                self._audit(principal, "api_key.revoke", key_id, {})
            uow.commit()
        return _public(row, now)

    def _audit(
        self, principal: Principal, action: str, key_id: str, details: dict[str, Any]
    ) -> None:
        """The audit line of a key change, written in the change's unit of work."""
        if self.audit is not None:
            self.audit.record(principal, action, target=("api_key", key_id), details=details)

    # -- verifying signed requests ------------------------------------------------------------
    async def verify(self, request: SignedRequest) -> Principal:
        """The key's principal, or `SignatureRefused` naming why not. Cheap checks first; the
        nonce is spent last, so only a correctly signed request can use one up."""
        skew = abs(time.time() * 1000 - int(request.timestamp)) / 1000
        if skew > self.window:
            raise SignatureRefused(
                "timestamp_outside_window",
                f"X-MS-TIMESTAMP is {skew:.0f} s from the server's clock; it must be within"
                f" {self.window:g} s (send the current time in milliseconds; check the clock).",
            )
        row = await to_thread.run_sync(self.store.for_request, request.key_id)
        if row is None:
            raise SignatureRefused("unknown_key", f"No API key {request.key_id} exists.")
        secret = self._secret(row)
        expected = sign(
            secret,
            request.method,
            request.path,
            request.query,
            request.timestamp,
            request.nonce,
            request.body,
        )
        if not hmac.compare_digest(expected, request.signature):
            raise SignatureRefused(
                "signature_mismatch",
                "X-MS-SIGNATURE does not match the request: the timestamp, nonce, method, path,"
                " query and body hash are signed, exactly as sent.",
            )
        now = dt.datetime.now(dt.UTC)
        if row["revoked_at"] is not None:
            raise SignatureRefused("key_revoked", f"API key {request.key_id} has been revoked.")
        if row["expires_at"] <= now:
            raise SignatureRefused("key_expired", f"API key {request.key_id} has expired.")
        if not await self.nonces.first_use(f"{request.key_id}:{request.nonce}", 2 * self.window):
            raise SignatureRefused(
                "nonce_reused",
                "X-MS-NONCE was already used with this key: a request is accepted once (send a"
                " fresh nonce with every request).",
            )
        return Principal(
            row["owner"],
            row["role"],
            int(row["expires_at"].timestamp()),
            scopes=frozenset(row["scopes"]),
            key_id=row["key_id"],
        )

    def _secret(self, row: Mapping[str, Any]) -> str:
        try:
            return self.fernet.decrypt(row["secret"].encode()).decode()
        except InvalidToken:
            # Not the client's fault: the key that encrypted it is not among the settings'.
            log.error(
                "API key %s cannot be decrypted: is its encryption key missing from"
                " MYSTOCKS_API_KEY_ENCRYPTION_KEYS?",
                row["key_id"],
            )
            raise SignatureRefused(
                "key_unreadable", f"API key {row['key_id']} cannot be used; make a new one."
            ) from None

    def require_scope(self, principal: Principal, operation_id: str | None) -> None:
        """Refuse a key whose scopes lack what the operation needs (bearer tokens pass)."""
        if principal.scopes is None:
            return
        needed = self.scopes.get(operation_id or "", "admin")
        if needed not in principal.scopes:
            have = ", ".join(sorted(principal.scopes)) or "none"
            raise PermissionDenied(
                f"This operation needs an API key with the {needed} scope; this key has: {have}."
            )
