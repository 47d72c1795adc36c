"""The desk shows, on each public reply, whether its mail was sent, is pending or
failed, read with one query for the whole timeline."""

from typing import Any

import pytest
from django.urls import reverse

from scotty.core.testing import Org, file_ticket
from scotty.mail.outbound.deliver import deliver_due
from scotty.notifications.models import MailState, OutgoingMail
from scotty.tickets.models import Ticket
from scotty.tickets.services import add_reply, add_watcher
from tests.mail.smtp_server import SmtpServer

pytestmark = pytest.mark.django_db


def page(client: Any, ticket: Ticket) -> str:
    return client.get(reverse("desk:ticket", args=[ticket.reference])).content.decode()


def test_each_public_reply_says_where_its_mail_is(
    org: Org, smtp: SmtpServer, client_for: Any
) -> None:
    ticket = file_ticket(org.requester, org.it)
    add_watcher(ticket, actor=org.agent, watcher=org.colleague)
    smtp.answer("cora@example.org", "550 5.1.1 No such user")
    add_reply(ticket, author=org.agent, body="Which model is it?", channel="desk")
    deliver_due()
    add_reply(ticket, author=org.agent, body="Any news?", channel="desk")  # not sent yet
    add_reply(ticket, author=org.agent, body="Checking the logs.", internal=True)
    body = page(client_for(org.agent), ticket)
    assert "Mailed to rita@example.org" in body
    assert "Mail to cora@example.org failed</strong>: 550 5.1.1 No such user" in body
    assert body.count("Mail to rita@example.org pending") == 1
    # A note has no mail, and says nothing about one.
    note_at = body.index("Checking the logs.")
    assert "Mail" not in body[note_at : body.index("</article>", note_at)]


def test_the_mails_cost_one_query_however_many_replies(
    org: Org, client_for: Any, django_assert_num_queries: Any,
    django_assert_max_num_queries: Any,
) -> None:  # fmt: skip
    ticket = file_ticket(org.requester, org.it)
    add_reply(ticket, author=org.agent, body="Reply 0", channel="desk")
    client = client_for(org.agent)
    page(client, ticket)  # the visit is marked: the next one writes nothing
    with django_assert_max_num_queries(30) as one:
        page(client, ticket)
    mails = [q["sql"] for q in one.captured_queries if "notifications_outgoingmail" in q["sql"]]
    assert len(mails) == 1
    queries = len(one)  # (a request clears Django's query log)
    for number in range(1, 8):
        add_reply(ticket, author=org.agent, body=f"Reply {number}", channel="desk")
    OutgoingMail.objects.filter(ticket=ticket).update(state=MailState.SENT)
    page(client, ticket)
    with django_assert_num_queries(queries):
        body = page(client, ticket)
    assert body.count("Mailed to rita@example.org") == 8
