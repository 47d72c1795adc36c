from collections.abc import Iterator
from typing import Any

import pytest

from tests.mail.smtp_server import SmtpServer, send_mail_to


@pytest.fixture
def smtp(settings: Any) -> Iterator[SmtpServer]:
    """A real SMTP server on loopback, and Django's SMTP backend pointed at it."""
    server = SmtpServer().start()
    send_mail_to(settings, server.port)
    try:
        yield server
    finally:
        server.stop()
