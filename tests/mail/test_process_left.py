"""Messages left stored (the worker was down) are processed by the sweep, oldest first,
a batch at a time; two workers sweeping at once share them, and each message is
processed once."""

from email.message import EmailMessage
from email.utils import make_msgid

import pytest

from scotty.core.testing import Org, run_together
from scotty.mail.inbound import store as store_module
from scotty.mail.inbound.ingest import process_left
from scotty.mail.models import InboundMessage, InboundState, MailAddress, Source
from scotty.tickets.models import Ticket

IT_HELP = "it-help@example.org"


def stored(sender: str, subject: str) -> int:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = sender, IT_HELP, subject
    message["Message-ID"] = make_msgid(domain="mail.example.org")
    message.set_content("It jams on page two.")
    return store_module.store(message.as_bytes(), source=Source.PIPE, envelope_to=[IT_HELP]).id


@pytest.fixture
def left_stored(org: Org, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """24 messages stored with no task to process them (as when the worker was down)."""
    monkeypatch.setattr(store_module, "_enqueue", lambda inbound_id: None)
    MailAddress.objects.create(address=IT_HELP, unit=org.it)
    senders = [org.requester.email, org.colleague.email, org.other_requester.email]
    return [stored(senders[n % 3], f"Request {n}") for n in range(24)]


@pytest.mark.django_db
def test_the_sweep_takes_the_oldest_a_batch_at_a_time(left_stored: list[int]) -> None:
    assert process_left(batch=10) == 10
    done = InboundMessage.objects.exclude(state=InboundState.STORED)
    assert sorted(done.values_list("pk", flat=True)) == left_stored[:10]
    assert process_left(batch=100) == 14
    assert process_left(batch=100) == 0


@pytest.mark.django_db(transaction=True)
def test_two_workers_sweeping_at_once_process_each_message_once(left_stored: list[int]) -> None:
    results = run_together(lambda: process_left(batch=100), lambda: process_left(batch=100))
    assert all(isinstance(r, int) for r in results), results
    assert sum(results) == 24  # type: ignore[arg-type]
    rows = InboundMessage.objects.values_list("state", "outcome", "attempts")
    assert set(rows) == {(InboundState.PROCESSED, "created", 1)}
    assert Ticket.objects.count() == 24
