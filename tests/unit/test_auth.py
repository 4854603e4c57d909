from __future__ import annotations

import time

import jwt
import pytest
from argon2 import PasswordHasher

from mystocks.errors import AuthenticationFailed, PermissionDenied, TooManyAttempts
from mystocks.identity.auth import AuthService, Principal
from mystocks.identity.passwords import (
    OWASP_MEMORY_KIB,
    OWASP_PARALLELISM,
    OWASP_TIME_COST,
    Passwords,
    scrypt_hash,
)
from mystocks.identity.sessions import Grant, InProcessSessions, SessionRevoked
from mystocks.identity.throttle import InProcessThrottle, Limits

SECRET = "unit-test-secret-of-a-decent-length!"


class FakeUsers:
    """In-memory stand-in for the relational store's user methods."""

    def __init__(self) -> None:
        self.users: dict[str, object] = {}

    def get_user(self, username):
        return self.users.get(username)

    def create_user(self, username, password_hash, role):
        import datetime as dt

        from mystocks.adapters.sql.relational import User

        self.users[username] = User(username, password_hash, role, dt.datetime.now(dt.UTC))

    def set_password_hash(self, username, password_hash):
        import dataclasses

        self.users[username] = dataclasses.replace(
            self.users[username], password_hash=password_hash
        )


@pytest.fixture
def auth() -> AuthService:
    service = AuthService(FakeUsers(), SECRET, ttl_seconds=60)  # type: ignore[arg-type]
    service.ensure_user("alice", "s3cret", "trader")
    return service


def test_password_hashes_are_salted_argon2id_and_verify():
    passwords = Passwords()
    first, second = passwords.hash("pw"), passwords.hash("pw")
    assert first != second and first.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert passwords.verify("pw", first).ok and not passwords.verify("pW", first).ok
    assert not passwords.verify("pw", first).rehash
    assert not passwords.verify("pw", "garbage").ok
    assert not passwords.verify("pw", "scrypt$garbage").ok


def test_the_default_costs_are_owasps_recommendation():
    # OWASP Password Storage Cheat Sheet: argon2id with at least 19 MiB, 2 passes, 1 lane.
    hasher = Passwords().hasher
    assert (hasher.memory_cost, hasher.time_cost, hasher.parallelism) == (19456, 2, 1)
    assert (OWASP_MEMORY_KIB, OWASP_TIME_COST, OWASP_PARALLELISM) == (19456, 2, 1)


def test_a_scrypt_hash_still_signs_in_and_is_rehashed_to_argon2(auth):
    users = auth.store
    users.create_user("old", scrypt_hash("legacy pw"), "viewer")
    assert not auth.passwords.verify("wrong", users.get_user("old").password_hash).ok
    auth.create_token(username="old", password="legacy pw")
    rehashed = users.get_user("old").password_hash
    assert rehashed.startswith("$argon2id$")
    auth.create_token(username="old", password="legacy pw")  # and the new hash works
    assert users.get_user("old").password_hash == rehashed  # not re-hashed again


def test_a_wrong_password_never_rehashes(auth):
    users = auth.store
    users.create_user("old", scrypt_hash("legacy pw"), "viewer")
    with pytest.raises(AuthenticationFailed):
        auth.create_token(username="old", password="nope")
    assert users.get_user("old").password_hash.startswith("scrypt$")


def test_weaker_argon2_parameters_are_rehashed_at_sign_in(auth):
    weak = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    auth.store.create_user("weak", weak.hash("pw"), "viewer")
    auth.create_token(username="weak", password="pw")
    assert "$m=19456,t=2,p=1$" in auth.store.get_user("weak").password_hash


def test_unknown_users_cost_a_real_verification(auth, monkeypatch):
    calls = []
    real = auth.passwords.verify
    monkeypatch.setattr(auth.passwords, "verify", lambda pw, h: calls.append(h) or real(pw, h))
    with pytest.raises(AuthenticationFailed):
        auth.create_token(username="nobody", password="x")
    assert len(calls) == 1 and calls[0].startswith("$argon2id$")


def test_failed_sign_ins_lock_the_username_then_a_success_resets():
    throttle = InProcessThrottle(Limits(max_per_user=3, max_per_ip=100, window=60))
    auth = AuthService(FakeUsers(), SECRET, ttl_seconds=60, throttle=throttle)  # type: ignore[arg-type]
    auth.ensure_user("alice", "s3cret", "trader")
    for _ in range(2):
        with pytest.raises(AuthenticationFailed):
            auth.create_token(username="alice", password="nope", client_ip="1.2.3.4")
    auth.create_token(username="alice", password="s3cret", client_ip="1.2.3.4")  # resets
    for _ in range(3):
        with pytest.raises(AuthenticationFailed):
            auth.create_token(username="alice", password="nope", client_ip="1.2.3.4")
    checked = []
    auth.passwords.verify = lambda pw, h: checked.append(pw)  # type: ignore[method-assign]
    with pytest.raises(TooManyAttempts) as refused:
        auth.create_token(username="alice", password="s3cret", client_ip="5.6.7.8")
    assert checked == []  # refused without looking at the password
    assert 1 <= refused.value.retry_after <= 60


def test_failed_sign_ins_from_one_address_lock_it_for_every_username():
    throttle = InProcessThrottle(Limits(max_per_user=100, max_per_ip=4, window=60))
    auth = AuthService(FakeUsers(), SECRET, ttl_seconds=60, throttle=throttle)  # type: ignore[arg-type]
    auth.ensure_user("alice", "s3cret", "trader")
    for name in ("a", "b", "c", "d"):
        with pytest.raises(AuthenticationFailed):
            auth.create_token(username=name, password="x", client_ip="9.9.9.9")
    with pytest.raises(TooManyAttempts):
        auth.create_token(username="alice", password="s3cret", client_ip="9.9.9.9")
    auth.create_token(username="alice", password="s3cret", client_ip="8.8.8.8")


def test_the_lock_ends_with_its_window(monkeypatch):
    import time as time_module

    clock = [1000.0]
    monkeypatch.setattr(time_module, "monotonic", lambda: clock[0])
    throttle = InProcessThrottle(Limits(max_per_user=2, max_per_ip=100, window=30))
    throttle.failed("u", "ip")
    throttle.failed("u", "ip")
    assert throttle.wait("u", "ip") == 30
    clock[0] += 29.5
    assert throttle.wait("u", "ip") == 1
    clock[0] += 1
    assert throttle.wait("u", "ip") is None


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
