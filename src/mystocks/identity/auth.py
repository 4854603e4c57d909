"""Users, passwords, JWT access tokens and the sessions they belong to.

Passwords are hashed with argon2id (`mystocks.identity.passwords`; older scrypt hashes are
re-hashed at their user's next sign-in), and failed sign-ins are throttled per username and per
address (`mystocks.identity.throttle`). Tokens are HS256 JWTs carrying `sub`,
`role`, `iat`, `exp`, `jti`, the session id `sid` and the session's end `sxp`. Decoding a JWT
costs more than the rest of a small request, so decoded claims are kept in a bounded cache keyed
by the token; `exp` is still checked on every request against the clock, so a cached token
expires on time, and `verify` asks the session store whether the session was revoked
(`mystocks.identity.sessions`: refresh tokens and logout, shared through Redis).
"""

from __future__ import annotations

import time
import uuid
from collections import OrderedDict
from dataclasses import dataclass
from typing import Final, Literal, cast

import jwt
from mystocks_contract import typeddicts as td

from mystocks.adapters.sql.relational import RelationalStore
from mystocks.errors import AuthenticationFailed, PermissionDenied, TooManyAttempts
from mystocks.identity.audit import Actor, AuditLog
from mystocks.identity.passwords import Passwords
from mystocks.identity.sessions import Grant, InProcessSessions, SessionRevoked, SessionStore
from mystocks.identity.throttle import InProcessThrottle, Limits, LoginThrottle

BEARER: Final = "bearer"  # the OAuth2 token type
Role = Literal["admin", "trader", "viewer"]
ROLE_RANK: dict[str, int] = {"viewer": 0, "trader": 1, "admin": 2}


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
        passwords: Passwords | None = None,
        throttle: LoginThrottle | None = None,
        audit: AuditLog | None = None,
    ) -> None:
        self.store = store
        self.passwords = passwords or Passwords()
        self.throttle: LoginThrottle = throttle or InProcessThrottle(Limits())
        self.audit = audit
        self._secret = secret
        self.ttl = ttl_seconds
        self.session_ttl = session_ttl_seconds
        self.sessions: SessionStore = sessions or InProcessSessions()
        self._claims: OrderedDict[str, Principal] = OrderedDict()

    def ensure_user(self, username: str, password: str, role: Role) -> None:
        """Create the user if missing (the first admin comes from settings)."""
        if self.store.get_user(username) is None:
            self.store.create_user(username, self.passwords.hash(password), role)

    def create_token(self, *, username: str, password: str, client_ip: str = "") -> td.Token:
        """Sign in: check the password and open a session; refused unchecked while the
        username or the address has failed too often lately."""
        wait = self.throttle.wait(username, client_ip)
        if wait is not None:
            raise TooManyAttempts(
                f"Too many failed sign-ins for this user or from this address; retry in {wait} s.",
                retry_after=wait,
            )
        user = self.store.get_user(username)
        if user is None:
            self.passwords.verify_nobody(password)  # as slow as a real check
            ok = rehash = False
        else:
            verdict = self.passwords.verify(password, user.password_hash)
            ok, rehash = verdict.ok, verdict.rehash
        if user is None or not ok:
            self.throttle.failed(username, client_ip)
            if self.audit is not None:
                self.audit.record(Actor(username), "user.login_failed", outcome="failed")
            raise AuthenticationFailed("Wrong username or password.")
        self.throttle.succeeded(username)
        if rehash:  # a scrypt hash, or argon2 parameters below today's
            self.store.set_password_hash(username, self.passwords.hash(password))
        if self.audit is not None:
            self.audit.record(Actor(user.username), "user.login", target=("user", username))
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
            "token_type": BEARER,
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
