"""`scotty mail ingest`, as a mail server's pipe runs it: a real process reading one
message on standard input, answering with exit codes a mail server understands."""

import subprocess
import sys
from pathlib import Path

import pytest

from scotty.core.testing import Org
from scotty.mail.models import InboundMessage, InboundState, MailAddress
from scotty.tickets.models import Ticket
from tests.mail.processes import env_on_test_database

MAIL = (b"From: Rita <rita@example.org>\r\nTo: it-help@example.org\r\nSubject: Scanner\r\n"
        b"Message-ID: <pipe-1@example.org>\r\n\r\nThe scanner is offline.\r\n")  # fmt: skip


def ingest(raw: bytes, *args: str, **extra: str) -> subprocess.CompletedProcess[bytes]:
    env = env_on_test_database(**extra)
    return subprocess.run(
        [sys.executable, "-m", "scotty", "mail", "ingest", "--recipient", "it-help@example.org",
         *args],
        input=raw, capture_output=True, env=env, cwd=Path(__file__).parents[2], timeout=120,
    )  # fmt: skip


@pytest.mark.django_db(transaction=True)
def test_a_piped_message_is_stored_once_and_filed(org: Org) -> None:
    MailAddress.objects.create(address="it-help@example.org", unit=org.it)
    first = ingest(MAIL, "--now")
    assert first.returncode == 0, first.stderr.decode()
    again = ingest(MAIL, "--now")  # the server delivers it twice
    assert again.returncode == 0 and b"already stored" in again.stdout
    row = InboundMessage.objects.get()
    assert row.state == InboundState.PROCESSED and bytes(row.raw) == MAIL
    assert Ticket.objects.get().title == "Scanner"


@pytest.mark.django_db(transaction=True)
def test_no_message_and_too_large_are_permanent_failures(org: Org) -> None:
    assert ingest(b"").returncode == 65  # EX_DATAERR
    too_large = ingest(MAIL, "--now", SCOTTY_MAX_INBOUND_BYTES="100")
    assert too_large.returncode == 69  # EX_UNAVAILABLE: the server bounces it to its sender
    assert not InboundMessage.objects.exists() and not Ticket.objects.exists()
