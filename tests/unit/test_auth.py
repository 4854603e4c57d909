from __future__ import annotations

import time

import jwt
import pytest

from mystocks.errors import AuthenticationFailed, PermissionDenied
from mystocks.services.auth import AuthService, Principal, hash_password, verify_password

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
    expired = jwt.encode({"sub": "alice", "role": "trader", "exp": now - 1}, SECRET)
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
