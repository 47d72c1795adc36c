import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client

from scotty.core.testing import Org, build_org
from tests.mail.smtp_server import SmtpServer, send_mail_to


@pytest.fixture(autouse=True)
def _files_in_tmp(settings: object, tmp_path: object) -> None:
    settings.MEDIA_ROOT = tmp_path / "files"  # type: ignore[attr-defined, operator]


@pytest.fixture(autouse=True)
def _cache_of_its_own(settings: object) -> None:
    """Every test gets its own cache namespace: what one test cached (presence, remembered
    permissions) is never seen by the next, nor by the other xdist worker sharing Redis."""
    settings.CACHES = {  # type: ignore[attr-defined]
        name: {**config, "KEY_PREFIX": f"test-{uuid.uuid4().hex}"}
        for name, config in settings.CACHES.items()  # type: ignore[attr-defined]
    }


@pytest.fixture
def org(db: None) -> Org:
    return build_org()


@pytest.fixture
def client_for(client: Client):  # type: ignore[no-untyped-def]
    """client_for(person) -> a test client signed in as that person."""

    def sign_in(person):  # type: ignore[no-untyped-def]
        c = Client()
        c.force_login(person)
        return c

    return sign_in


@pytest.fixture
def smtp(settings: Any) -> Iterator[SmtpServer]:
    """A real SMTP server on loopback (aiosmtpd), and Django's mailer pointed at it."""
    server = SmtpServer().start()
    send_mail_to(settings, server.port)
    try:
        yield server
    finally:
        server.stop()
