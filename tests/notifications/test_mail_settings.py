"""A person's mail settings page: their own choices only, agents' kinds for agents."""

from typing import Any

import pytest
from django.urls import reverse

from scotty.core.testing import Org
from scotty.notifications.mail import mail_preferences
from scotty.notifications.models import MailKind

pytestmark = pytest.mark.django_db
URL = reverse("mail_settings")


def test_a_requester_chooses_among_the_mail_about_their_requests(org: Org, client_for: Any) -> None:
    client = client_for(org.requester)
    body = client.get(URL).content.decode()
    assert 'name="reply"' in body and 'name="resolved"' in body
    assert 'name="assigned"' not in body and "About your work as an agent" not in body
    # Everything but the replies and the reminders ticked; a forged agent's kind is no
    # field of theirs.
    data = {"acknowledgement": "on", "waiting_on_you": "on", "resolved": "on",
            "assigned": "on"}  # fmt: skip
    response = client.post(URL, data)
    assert response.status_code == 302 and response["Location"] == URL
    assert mail_preferences(org.requester) == {
        MailKind.ACKNOWLEDGEMENT: True, MailKind.REPLY: False,
        MailKind.WAITING_ON_YOU: True, MailKind.WAITING_REMINDER: False, MailKind.RESOLVED: True,
    }  # fmt: skip
    assert 'name="reply" id="id_reply"' in client.get(URL).content.decode()


def test_an_agent_also_chooses_the_mail_about_their_work(org: Org, client_for: Any) -> None:
    client = client_for(org.agent)
    assert "About your work as an agent" in client.get(URL).content.decode()
    client.post(URL, {kind: "on" for kind in MailKind.values if kind != MailKind.SLA_WARNING})
    chosen = mail_preferences(org.agent)
    assert chosen[MailKind.SLA_WARNING] is False and chosen[MailKind.SLA_BREACH] is True


def test_the_page_is_for_people_signed_in(client: Any) -> None:
    response = client.get(URL)
    assert response.status_code == 302 and reverse("accounts:sign_in") in response["Location"]
