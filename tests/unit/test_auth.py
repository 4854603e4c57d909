from __future__ import annotations

import time

import jwt
import pytest

from mystocks.errors import AuthenticationFailed, PermissionDenied
from mystocks.services.auth import AuthService, Principal, hash_password, verify_password
from mystocks.services.sessions import Grant, InProcessSessions, SessionRevoked

SECRET = "unit-test-secret-of-a-decent-length!"


class FakeUsers:
    """In-memory stand-in for the relational store's user methods."""

    def __init__(self) -> None:
        self.users: dict[str, object] = {}

    def get_user(self, username):
        return self.users.get(username)

    def create_user(self, username, password_hash, role):
        import datetime as dt

        from mystocks.storage.relational import User

        self.users[username] = User(username, password_hash, role, dt.datetime.now(dt.UTC))


@pytest.fixture
def auth() -> AuthService:
    service = AuthService(FakeUsers(), SECRET, ttl_seconds=60)  # type: ignore[arg-type]
    service.ensure_user("alice", "s3cret", "trader")
    return service


def test_password_hashes_are_salted_and_verify():
    first, second = hash_password("pw"), hash_password("pw")
    assert first != second and first.startswith("scrypt$")
    assert verify_password("pw", first) and not verify_password("pW", first)
    assert not verify_password("pw", "garbage")


def test_token_round_trip_carries_the_role(auth):
    token = auth.create_token(username="alice", password="s3cret")
    assert token["token_type"] == "bearer" and token["role"] == "trader"
    principal = auth.authenticate(token["access_token"])
    assert (principal.username, principal.role) == ("alice", "trader")


def test_wrong_password_and_unknown_user_fail_alike(auth):
    for username, password in (("alice", "nope"), ("bob", "s3cret")):
        with pytest.raises(AuthenticationFailed, match="Wrong username or password"):
            auth.create_token(username=username, password=password)


def test_foreign_and_expired_tokens_are_refused(auth):
    now = int(time.time())
    foreign = jwt.encode({"sub": "alice", "role": "admin", "exp": now + 60}, "other-key-x" * 4)
    with pytest.raises(AuthenticationFailed, match="not valid"):
        auth.authenticate(foreign)
    claims = {"sub": "alice", "role": "trader", "exp": now - 1, "sid": "s", "sxp": now + 60}
    expired = jwt.encode(claims, SECRET)
    with pytest.raises(AuthenticationFailed, match="expired"):
        auth.authenticate(expired)


def test_a_cached_token_still_expires(auth, monkeypatch):
    token = auth.create_token(username="alice", password="s3cret")["access_token"]
    auth.authenticate(token)  # now cached
    later = time.time() + 120
    monkeypatch.setattr(time, "time", lambda: later)
    with pytest.raises(AuthenticationFailed, match="expired"):
        auth.authenticate(token)


def test_roles_are_ranked():
    Principal("a", "admin", 0).require("trader")
    Principal("t", "trader", 0).require("viewer")
    with pytest.raises(PermissionDenied, match="needs the admin role; your role is viewer"):
        Principal("v", "viewer", 0).require("admin")


async def test_refresh_rotates_the_refresh_token_within_the_session(auth):
    first = auth.create_token(username="alice", password="s3cret")
    second = auth.refresh(first["refresh_token"])
    assert second["refresh_token"] != first["refresh_token"]
    old, new = auth.authenticate(first["access_token"]), auth.authenticate(second["access_token"])
    assert old.sid == new.sid and new.session_end == old.session_end
    assert second["refresh_expires_in"] <= first["refresh_expires_in"]
    assert (await auth.verify(second["access_token"])).username == "alice"


async def test_a_reused_refresh_token_ends_the_session(auth):
    first = auth.create_token(username="alice", password="s3cret")
    second = auth.refresh(first["refresh_token"])
    with pytest.raises(AuthenticationFailed, match="already used"):
        auth.refresh(first["refresh_token"])
    # The thief's copy and the owner's current tokens are all refused now.
    with pytest.raises(AuthenticationFailed, match="unknown, expired or signed out"):
        auth.refresh(second["refresh_token"])
    with pytest.raises(AuthenticationFailed, match="session has ended"):
        await auth.verify(second["access_token"])


async def test_logout_ends_only_that_session(auth):
    mine = auth.create_token(username="alice", password="s3cret")
    other = auth.create_token(username="alice", password="s3cret")  # another device
    auth.logout(auth.authenticate(mine["access_token"]))
    with pytest.raises(AuthenticationFailed, match="session has ended"):
        await auth.verify(mine["access_token"])
    with pytest.raises(AuthenticationFailed):
        auth.refresh(mine["refresh_token"])
    assert (await auth.verify(other["access_token"])).username == "alice"
    auth.refresh(other["refresh_token"])


def test_no_token_outlives_its_session():
    service = AuthService(FakeUsers(), SECRET, ttl_seconds=3600, session_ttl_seconds=120)  # type: ignore[arg-type]
    service.ensure_user("alice", "s3cret", "trader")
    token = service.create_token(username="alice", password="s3cret")
    assert token["expires_in"] <= 120 and token["refresh_expires_in"] <= 120
    claims = jwt.decode(token["access_token"], SECRET, algorithms=["HS256"])
    assert claims["exp"] == claims["sxp"]


def test_expired_sessions_cannot_be_redeemed(monkeypatch):
    sessions = InProcessSessions()
    token = sessions.issue(Grant("alice", "sid1", int(time.time()) + 10))
    later = time.time() + 11
    monkeypatch.setattr(time, "time", lambda: later)
    assert sessions.redeem(token) is None
    assert sessions.redeem("never-issued") is None
    with pytest.raises(SessionRevoked):  # redeeming twice is caught even without expiry
        fresh = sessions.issue(Grant("bob", "sid2", int(later) + 100))
        sessions.redeem(fresh)
        sessions.redeem(fresh)
