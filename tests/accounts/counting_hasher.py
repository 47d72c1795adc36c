"""A real password hasher that counts how often it hashes (tests only)."""

from typing import Any, ClassVar

from django.contrib.auth.hashers import MD5PasswordHasher


class CountingHasher(MD5PasswordHasher):
    """Django's MD5 hasher (same algorithm name, so it checks the test accounts'
    passwords), counting every hash computed: encoding and each verification."""

    calls: ClassVar[int] = 0

    def encode(self, password: str, salt: str) -> Any:
        type(self).calls += 1
        return super().encode(password, salt)
