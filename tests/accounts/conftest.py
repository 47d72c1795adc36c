"""Fixtures for sign-in tests: settings as a deployment's environment makes them, a
client at a given address, and a password hasher that counts its work."""

import importlib.util
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

COUNTING_HASHER = "tests.accounts.counting_hasher.CountingHasher"


@pytest.fixture
def deployed(settings: Any, monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """deployed(SCOTTY_PROXY_COUNT="1", ...) -> sign-in settings exactly as
    scotty/settings.py derives them from those environment variables.

    Going through the real settings module (not setting AXES_* by hand) is what makes
    these tests about the deployment an operator configures. The module runs afresh
    each time, so nothing from an earlier environment lingers.
    """

    def deploy(**environment: str) -> None:
        for name, value in environment.items():
            monkeypatch.setenv(name, value)
        spec = importlib.util.find_spec("scotty.settings")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for name in dir(module):
            if name.startswith(("AXES_", "SCOTTY_")) or name == "AUTHENTICATION_BACKENDS":
                setattr(settings, name, getattr(module, name))

    return deploy


@pytest.fixture
def counting_hasher(settings: Any) -> type:
    """Passwords hashed by CountingHasher (MD5, fast); its `calls` counts every hash."""
    from tests.accounts.counting_hasher import CountingHasher

    settings.PASSWORD_HASHERS = [COUNTING_HASHER]
    CountingHasher.calls = 0
    return CountingHasher


def sign_in(client: Client, email: str, password: str) -> Any:
    """POST the sign-in form as a browser would."""
    return client.post(reverse("accounts:sign_in"), {"username": email, "password": password})


def signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session
