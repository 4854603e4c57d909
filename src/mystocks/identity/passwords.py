"""Password hashes: argon2id for every new one; scrypt ones from before still verify.

argon2id is what the OWASP Password Storage Cheat Sheet recommends first; its parameters here
are the cheat sheet's first configuration (19 MiB, 2 passes, 1 lane), about as costly per
sign-in as the scrypt it replaces, so a burst of sign-ins cannot exhaust memory. Hashes carry
their parameters, so raising them later re-hashes each user on their next sign-in
(`needs_rehash`), as it does for the scrypt hashes written before argon2
(`scrypt$N$salt$digest`, N=2**14, r=8, p=1).
"""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

# OWASP: "m=19456 (19 MiB), t=2, p=1" for argon2id.
OWASP_MEMORY_KIB = 19 * 1024
OWASP_TIME_COST = 2
OWASP_PARALLELISM = 1


def owasp_hasher() -> PasswordHasher:
    return PasswordHasher(
        time_cost=OWASP_TIME_COST,
        memory_cost=OWASP_MEMORY_KIB,
        parallelism=OWASP_PARALLELISM,
        hash_len=32,
        salt_len=16,
        type=Type.ID,
    )


@dataclass(frozen=True)
class Verdict:
    ok: bool
    rehash: bool  # ok, but stored with an old scheme or old parameters: store a new hash


class Passwords:
    """Hash and verify; the hasher is a parameter so tests may choose cheaper costs."""

    def __init__(self, hasher: PasswordHasher | None = None) -> None:
        self.hasher = hasher or owasp_hasher()

    def hash(self, password: str) -> str:
        return self.hasher.hash(password)

    def verify(self, password: str, stored: str) -> Verdict:
        if stored.startswith("scrypt$"):
            return Verdict(_verify_scrypt(password, stored), rehash=True)
        try:
            self.hasher.verify(stored, password)
        except (VerificationError, InvalidHashError):
            return Verdict(False, rehash=False)
        return Verdict(True, self.hasher.check_needs_rehash(stored))

    def verify_nobody(self, password: str) -> None:
        """As long as a real check, for a user who does not exist: the answer time must not
        tell which usernames exist."""
        self.verify(password, self._dummy)

    @functools.cached_property
    def _dummy(self) -> str:
        return self.hash(secrets.token_hex(8))


def _verify_scrypt(password: str, stored: str) -> bool:
    try:
        _, n, salt_b64, digest_b64 = stored.split("$")
        salt, expected = base64.b64decode(salt_b64), base64.b64decode(digest_b64)
        digest = hashlib.scrypt(
            password.encode(), salt=salt, dklen=len(expected), n=int(n), r=8, p=1
        )
    except (ValueError, binascii.Error):
        return False
    return hmac.compare_digest(digest, expected)


def scrypt_hash(password: str) -> str:
    """A hash as this service wrote them before argon2 (for tests of the migration)."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, dklen=32, n=2**14, r=8, p=1)
    b64 = base64.b64encode
    return f"scrypt${2**14}${b64(salt).decode()}${b64(digest).decode()}"
