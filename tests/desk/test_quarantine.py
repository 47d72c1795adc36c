"""The mail quarantine in the desk: administrators read why a message is there and its
source (escaped, never run), and retry or discard it; nobody else finds the pages."""

from typing import Any

import pytest
from django.test import override_settings
from django.urls import reverse

from scotty.core.testing import Org
from scotty.mail.inbound.ingest import process
from scotty.mail.inbound.store import store
from scotty.mail.models import InboundMessage, InboundState, MailAddress, Source
from scotty.tickets.models import Ticket

pytestmark = pytest.mark.django_db

STRANGER = (
    b"From: Nora <nora@partner.example.com>\r\nTo: it-help@example.org\r\n"
    b"Subject: Access please\r\nMessage-ID: <q1@partner.example.com>\r\n\r\n"
    b"<script>alert(1)</script> I need access.\r\n"
)


@pytest.fixture
def quarantined(org: Org) -> InboundMessage:
    MailAddress.objects.create(address="it-help@example.org", unit=org.it)
    stored = store(STRANGER, source=Source.PIPE, envelope_to=["it-help@example.org"])
    process(stored.id)
    row = InboundMessage.objects.get(pk=stored.id)
    assert row.state == InboundState.QUARANTINED
    return row


def test_administrators_see_why_and_the_source_escaped(
    org: Org, client_for: Any, quarantined: InboundMessage
) -> None:
    admin = client_for(org.admin)
    listing = admin.get(reverse("desk:quarantine")).content.decode()
    assert "nora@partner.example.com" in listing and "Access please" in listing
    assert "is not known here" in listing
    page = admin.get(reverse("desk:quarantined_message", args=[quarantined.pk])).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page


@pytest.mark.parametrize("who", ["agent", "manager", "requester"])
def test_nobody_else_finds_the_quarantine(
    org: Org, client_for: Any, quarantined: InboundMessage, who: str
) -> None:
    person = client_for(getattr(org, who))
    pages = [reverse("desk:quarantine"), reverse("desk:quarantined_message", args=[quarantined.pk])]
    for url in pages:
        assert person.get(url).status_code == 404
    for name in ("desk:retry_message", "desk:discard_message"):
        assert person.post(reverse(name, args=[quarantined.pk])).status_code == 404
    quarantined.refresh_from_db()
    assert quarantined.state == InboundState.QUARANTINED and not Ticket.objects.exists()


def test_retry_after_the_domain_is_allowed_files_the_request(
    org: Org, client_for: Any, quarantined: InboundMessage
) -> None:
    admin = client_for(org.admin)
    still = admin.post(reverse("desk:retry_message", args=[quarantined.pk]), follow=True)
    assert "Still quarantined" in still.content.decode()
    with override_settings(SCOTTY_MAIL_ALLOWED_DOMAINS=["partner.example.com"]):
        admin.post(reverse("desk:retry_message", args=[quarantined.pk]))
    quarantined.refresh_from_db()
    assert quarantined.outcome == "created"
    assert Ticket.objects.get().requester.email == "nora@partner.example.com"


def test_discarding_keeps_the_message_as_it_arrived(
    org: Org, client_for: Any, quarantined: InboundMessage
) -> None:
    client_for(org.admin).post(reverse("desk:discard_message", args=[quarantined.pk]))
    quarantined.refresh_from_db()
    assert quarantined.state == InboundState.DISCARDED and bytes(quarantined.raw) == STRANGER
    listing = client_for(org.admin).get(reverse("desk:quarantine")).content.decode()
    assert "Nothing is in the quarantine." in listing
