"""Users, passwords, JWT access tokens and the sessions they belong to.

Passwords are hashed with scrypt (stdlib, memory-hard). Tokens are HS256 JWTs carrying `sub`,
`role`, `iat`, `exp`, `jti`, the session id `sid` and the session's end `sxp`. Decoding a JWT
costs more than the rest of a small request, so decoded claims are kept in a bounded cache keyed
by the token; `exp` is still checked on every request against the clock, so a cached token
expires on time, and `verify` asks the session store whether the session was revoked
(`mystocks.services.sessions`: refresh tokens and logout, shared through Redis).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
import uuid
from collections import OrderedDict
from dataclasses import dataclass
from typing import Literal, cast

import jwt
from mystocks_contract import typeddicts as td

from mystocks.errors import AuthenticationFailed, PermissionDenied
from mystocks.services.sessions import Grant, InProcessSessions, SessionRevoked, SessionStore
from mystocks.storage.relational import RelationalStore

Role = Literal["admin", "trader", "viewer"]
ROLE_RANK: dict[str, int] = {"viewer": 0, "trader": 1, "admin": 2}

_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, dklen=32, **_SCRYPT)
    b64 = base64.b64encode
    return f"scrypt${_SCRYPT['n']}${b64(salt).decode()}${b64(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, salt_b64, digest_b64 = stored.split("$")
        salt, expected = base64.b64decode(salt_b64), base64.b64decode(digest_b64)
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    digest = hashlib.scrypt(password.encode(), salt=salt, dklen=len(expected), n=int(n), r=8, p=1)
    return hmac.compare_digest(digest, expected)


# Verifying against this when the user does not exist keeps the answer time the same, so the
# response time does not reveal which usernames exist.
_DUMMY_HASH = hash_password(secrets.token_hex(8))


@dataclass(frozen=True)
class Principal:
    username: str
    role: str
    expires_at: int
    sid: str = ""
    session_end: int = 0
    # Set for a request signed with an API key: what the key may do, and which key it is.
    scopes: frozenset[str] | None = None
    key_id: str | None = None

    def require(self, role: Role) -> None:
        if ROLE_RANK.get(self.role, -1) < ROLE_RANK[role]:
            raise PermissionDenied(
                f"This operation needs the {role} role; your role is {self.role}."
            )


class AuthService:
    CACHE_SIZE = 4096

    def __init__(
        self,
        store: RelationalStore,
        secret: str,
        ttl_seconds: int,
        *,
        session_ttl_seconds: int = 7 * 24 * 3600,
        sessions: SessionStore | None = None,
    ) -> None:
        self.store = store
        self._secret = secret
        self.ttl = ttl_seconds
        self.session_ttl = session_ttl_seconds
        self.sessions: SessionStore = sessions or InProcessSessions()
        self._claims: OrderedDict[str, Principal] = OrderedDict()

    def ensure_user(self, username: str, password: str, role: Role) -> None:
        """Create the user if missing (the first admin comes from settings)."""
        if self.store.get_user(username) is None:
            self.store.create_user(username, hash_password(password), role)

    def create_token(self, *, username: str, password: str) -> td.Token:
        """Sign in: check the password and open a session."""
        user = self.store.get_user(username)
        ok = verify_password(password, user.password_hash if user else _DUMMY_HASH)
        if user is None or not ok:
            raise AuthenticationFailed("Wrong username or password.")
        grant = Grant(user.username, uuid.uuid4().hex, int(time.time()) + self.session_ttl)
        return self._tokens(grant, user.role)

    def refresh(self, refresh_token: str) -> td.Token:
        """A new access token and refresh token for a session; the old refresh token retires."""
        try:
            grant = self.sessions.redeem(refresh_token)
        except SessionRevoked:
            raise AuthenticationFailed(
                "This refresh token was already used, so its session has been ended for safety;"
                " sign in again."
            ) from None
        if grant is None:
            raise AuthenticationFailed(
                "The refresh token is unknown, expired or signed out; sign in again."
            )
        user = self.store.get_user(grant.username)
        if user is None:  # the user was removed after signing in
            self.sessions.revoke(grant.sid, grant.session_end)
            raise AuthenticationFailed("The token's user no longer exists.")
        return self._tokens(grant, user.role)

    def logout(self, principal: Principal) -> None:
        """End the caller's session: its access and refresh tokens are refused everywhere."""
        self.sessions.revoke(principal.sid, principal.session_end)

    def _tokens(self, grant: Grant, role: str) -> td.Token:
        now = int(time.time())
        claims = {
            "sub": grant.username,
            "role": role,
            "iat": now,
            "exp": min(now + self.ttl, grant.session_end),
            "jti": uuid.uuid4().hex,
            "sid": grant.sid,
            "sxp": grant.session_end,
        }
        return {
            "access_token": jwt.encode(claims, self._secret, algorithm="HS256"),
            "token_type": "bearer",
            "expires_in": int(claims["exp"]) - now,  # type: ignore[call-overload]
            "refresh_token": self.sessions.issue(grant),
            "refresh_expires_in": grant.session_end - now,
            "role": cast(Role, role),
        }

    def authenticate(self, token: str) -> Principal:
        principal = self._claims.get(token)
        if principal is None:
            try:
                claims = jwt.decode(
                    token,
                    self._secret,
                    algorithms=["HS256"],
                    options={"require": ["sub", "role", "exp", "sid", "sxp"]},
                )
            except jwt.ExpiredSignatureError:
                raise AuthenticationFailed("The token has expired; sign in again.") from None
            except jwt.InvalidTokenError:
                raise AuthenticationFailed("The token is not valid.") from None
            principal = Principal(
                str(claims["sub"]),
                str(claims["role"]),
                int(claims["exp"]),
                str(claims["sid"]),
                int(claims["sxp"]),
            )
            self._claims[token] = principal
            if len(self._claims) > self.CACHE_SIZE:
                self._claims.popitem(last=False)
        if principal.expires_at <= time.time():
            self._claims.pop(token, None)
            raise AuthenticationFailed("The token has expired; sign in again.")
        return principal

    async def verify(self, token: str) -> Principal:
        """`authenticate`, and the session must not have been revoked (logout, reused refresh)."""
        principal = self.authenticate(token)
        if await self.sessions.is_revoked(principal.sid):
            raise AuthenticationFailed("The token's session has ended (signed out); sign in again.")
        return principal

    def get_current_user(self, principal: Principal) -> td.User:
        user = self.store.get_user(principal.username)
        if user is None:
            raise AuthenticationFailed("The token's user no longer exists.")
        return {
            "username": user.username,
            "role": cast(Role, user.role),
            "created_at": user.created_at.isoformat(),
        }
