"""Sign-in sessions: refresh tokens and revocation, shared by every server process via Redis.

Signing in opens a session (`sid`) that lasts at most `session_ttl` seconds. Its access tokens
carry the `sid`; its refresh token is opaque and single-use: each refresh answers a new pair and
retires the old one. Presenting a retired refresh token again means it was copied, so the whole
session is revoked. Logging out revokes the session, which every process refuses from then on.

Refresh tokens are kept only as SHA-256 digests. Without Redis the state lives in this process
(the embedded default: one process, and a restart signs everyone out of refresh, not of access).
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from dataclasses import dataclass
from typing import Protocol

import orjson

from mystocks.adapters.redis_link import ERRORS, RedisLink
from mystocks.errors import ServiceUnavailable


@dataclass(frozen=True)
class Grant:
    """What a refresh token stands for."""

    username: str
    sid: str
    session_end: int  # epoch seconds; no token of the session outlives it


class SessionRevoked(Exception):
    """A refresh token was used twice: the session is revoked."""


class SessionStore(Protocol):
    def issue(self, grant: Grant) -> str:
        """A new refresh token for the grant's session."""
        ...

    def redeem(self, token: str) -> Grant | None:
        """Retire the token and answer its grant; None if unknown or expired.
        Raises SessionRevoked when the token had already been redeemed."""
        ...

    def revoke(self, sid: str, session_end: int) -> None: ...

    async def is_revoked(self, sid: str) -> bool:
        """True if revoked; raises what Redis raises when it cannot tell."""
        ...


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


class InProcessSessions:
    def __init__(self) -> None:
        self._grants: dict[str, Grant] = {}
        self._redeemed: dict[str, Grant] = {}
        self._revoked: dict[str, int] = {}
        self._lock = threading.Lock()

    def _expire(self, now: float) -> None:
        for table in (self._grants, self._redeemed):
            for key in [k for k, g in table.items() if g.session_end <= now]:
                del table[key]
        for sid in [s for s, end in self._revoked.items() if end <= now]:
            del self._revoked[sid]

    def issue(self, grant: Grant) -> str:
        token = new_token()
        with self._lock:
            self._expire(time.time())
            self._grants[_digest(token)] = grant
        return token

    def redeem(self, token: str) -> Grant | None:
        digest = _digest(token)
        with self._lock:
            grant = self._grants.pop(digest, None)
            if grant is None:
                reused = self._redeemed.get(digest)
                if reused is not None:
                    self._revoked[reused.sid] = reused.session_end
                    raise SessionRevoked(reused.sid)
                return None
            if grant.sid in self._revoked or grant.session_end <= time.time():
                return None
            self._redeemed[digest] = grant
            return grant

    def revoke(self, sid: str, session_end: int) -> None:
        with self._lock:
            self._revoked[sid] = session_end

    async def is_revoked(self, sid: str) -> bool:
        return sid in self._revoked


# Redeeming is one atomic step: take the grant, remember it as redeemed, and refuse it if its
# session is revoked; a token already redeemed revokes its session instead.
_REDEEM = """
local grant = redis.call('GETDEL', KEYS[1])
if not grant then
  local reused = redis.call('GET', KEYS[2])
  if reused then
    local g = cjson.decode(reused)
    local ttl = g.session_end - tonumber(ARGV[1])
    if ttl > 0 then redis.call('SET', ARGV[2] .. g.sid, '1', 'EX', ttl) end
    return {'reused', reused}
  end
  return {'unknown', ''}
end
local g = cjson.decode(grant)
local ttl = g.session_end - tonumber(ARGV[1])
if ttl <= 0 then return {'unknown', ''} end
redis.call('SET', KEYS[2], grant, 'EX', ttl)
if redis.call('EXISTS', ARGV[2] .. g.sid) == 1 then return {'unknown', ''} end
return {'ok', grant}
"""


class RedisSessions:
    """Sessions in Redis. When Redis cannot answer whether a session is revoked, `fail_open`
    lets the token through (with a warning logged once per outage); otherwise it is a 503."""

    def __init__(self, link: RedisLink, *, fail_open: bool = True) -> None:
        self.link = link
        self.fail_open = fail_open
        self._redeem = link.sync.register_script(_REDEEM)

    def _revoked_key(self, sid: str) -> str:
        return self.link.key("auth", "revoked", sid)

    def issue(self, grant: Grant) -> str:
        token = new_token()
        ttl = max(1, grant.session_end - int(time.time()))
        payload = orjson.dumps(
            {"username": grant.username, "sid": grant.sid, "session_end": grant.session_end}
        )
        self.link.sync.set(self.link.key("auth", "refresh", _digest(token)), payload, ex=ttl)
        return token

    def redeem(self, token: str) -> Grant | None:
        digest = _digest(token)
        outcome, payload = self._redeem(
            keys=[self.link.key("auth", "refresh", digest), self.link.key("auth", "used", digest)],
            args=[int(time.time()), self.link.key("auth", "revoked", "")],
        )
        if outcome == b"unknown":
            return None
        grant = Grant(**orjson.loads(payload))
        if outcome == b"reused":
            raise SessionRevoked(grant.sid)
        return grant

    def revoke(self, sid: str, session_end: int) -> None:
        ttl = max(1, session_end - int(time.time()))
        self.link.sync.set(self._revoked_key(sid), b"1", ex=ttl)

    async def is_revoked(self, sid: str) -> bool:
        if self.link.available:
            try:
                revoked = bool(await self.link.aio.exists(self._revoked_key(sid)))
            except ERRORS as exc:
                self.link.failed(exc, "checking a session")
            else:
                self.link.succeeded()
                return revoked
        if self.fail_open:
            return False
        raise ServiceUnavailable("Sign-in state is unavailable (Redis is down); retry shortly.")
