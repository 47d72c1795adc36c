"""A reply by e-mail, all the way round, in a real browser (issue 8): an agent answers in
the desk; the mail reaches a real SMTP server on loopback; the requester answers it as a
mail client would, through `scotty mail ingest` (a real process, as a mail server's pipe
runs it); the answer shows on the same ticket in the desk and in the portal, its quoted
history folded away. The agent's internal note, written first, never reaches the server.
"""

import re
import subprocess
import sys
from collections.abc import Callable
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import formatdate, make_msgid, parsedate_to_datetime
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from scotty.accounts.models import Person
from scotty.core.testing import Org, file_ticket
from scotty.mail.models import InboundMessage, InboundState, MailAddress
from scotty.mail.outbound.deliver import deliver_due
from scotty.notifications.models import MailKind, MailState, OutgoingMail
from scotty.tickets.models import Channel, Message, MessageKind, Ticket
from scotty.tickets.services import assign
from tests.e2e.pages import both_widths
from tests.mail.processes import env_on_test_database
from tests.mail.smtp_server import Received, SmtpServer

UNIT_ADDRESS = "it-help@example.org"
# The note's secret: distinctive enough that finding it anywhere in a mail means a leak.
SECRET = "Zebra-Quartz-4471"
NOTE = f"Vendor contract {SECRET} runs out in March; do not tell the requester."
REPLY = "Hi Rita, a new fuser unit is on its way and we will fit it on Tuesday."
ANSWER = "Thank you, Tuesday suits me. I will leave the printer switched on."
ANSWER_HTML = "Thank you, Tuesday suits me. I will leave the printer <b>switched on</b>."


# --- the requester's mail client ----------------------------------------------------


def quote(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.splitlines())


def answer_to(original: EmailMessage, plain: str, html: str) -> bytes:
    """Rita's answer as Gmail writes one: "Re: " and the subject, In-Reply-To and
    References naming what she answers, her words above the attribution line and the
    quoted original, in a plain and an HTML part."""
    message_id = str(original["Message-ID"])
    sent = parsedate_to_datetime(str(original["Date"]))
    attribution = f"On {sent:%a, %d %b %Y at %H:%M}, {original['From']} wrote:"
    text_part = original.get_body(preferencelist=("plain",))
    html_part = original.get_body(preferencelist=("html",))
    assert text_part is not None and html_part is not None
    shown = re.search(r"<body[^>]*>(.*)</body>", str(html_part.get_content()), re.DOTALL)
    assert shown is not None  # a client quotes what the page shows, not its <head>
    answer = EmailMessage(policy=policy.SMTP)
    answer["From"] = "Rita Requester <rita@example.org>"
    answer["To"] = str(original["Reply-To"] or original["From"])
    answer["Subject"] = f"Re: {original['Subject']}"
    answer["Date"] = formatdate(localtime=True)
    answer["Message-ID"] = make_msgid("rita", domain="mail.example.org")
    answer["In-Reply-To"] = message_id
    answer["References"] = " ".join(filter(None, [original.get("References"), message_id]))
    answer.set_content(f"{plain}\n\n{attribution}\n{quote(str(text_part.get_content()))}\n")
    answer.add_alternative(
        f'<div dir="ltr">{html}</div><br><div class="gmail_quote">'
        f'<div dir="ltr" class="gmail_attr">{attribution}<br></div>'
        '<blockquote class="gmail_quote" style="margin:0 0 0 .8ex;border-left:1px #ccc solid;'
        f'padding-left:1ex">{shown.group(1)}</blockquote></div>',
        subtype="html",
    )
    return answer.as_bytes()


def ingest(raw: bytes, smtp: SmtpServer) -> subprocess.CompletedProcess[bytes]:
    """`scotty mail ingest` as the mail server's pipe runs it, on the test database; its
    own mail (the agent told of the answer) goes to the same SMTP server."""
    env = env_on_test_database(EMAIL_HOST="127.0.0.1", EMAIL_PORT=str(smtp.port))
    return subprocess.run(
        [sys.executable, "-m", "scotty", "mail", "ingest", "--recipient", UNIT_ADDRESS,
         "--sender", "rita@example.org"],
        input=raw, capture_output=True, env=env, cwd=Path(__file__).parents[2], timeout=120,
    )  # fmt: skip


# --- what the SMTP server holds -----------------------------------------------------


def carrying(smtp: SmtpServer, address: str, words: str) -> list[Received]:
    return [r for r in smtp.to(address) if words in r.part("text/plain")]


def every_text_of(received: Received) -> str:
    """All a mail says, decoded: its headers (RFC 2047 undone) and each part's payload
    (quoted-printable and base64 undone, in its charset), lines unwrapped."""
    message = BytesParser(policy=policy.default).parsebytes(received.raw)
    texts = [f"{name}: {value}" for name, value in message.items()]
    for part in message.walk():
        if part.is_multipart():
            continue
        payload = part.get_payload(decode=True)
        assert isinstance(payload, bytes)
        texts.append(payload.decode(part.get_content_charset() or "utf-8", "replace"))
    return " ".join(" ".join(texts).split())


def assert_never_mailed(smtp: SmtpServer, phrase: str) -> None:
    assert smtp.received, "the SMTP server received nothing at all"
    for received in smtp.received:
        assert phrase.encode() not in received.raw, received.raw[:300]
        assert phrase not in every_text_of(received), received.message["Subject"]


# --- the pages ----------------------------------------------------------------------


def type_into(page: Page, label: str, text: str) -> None:
    field = page.locator("section.composer").get_by_label(label)
    field.click()
    page.keyboard.type(text)


def press(page: Page, button: str) -> None:
    """The send button a person sees: the composer's, or on a phone the bar's at the foot
    of the screen (the composer's own is hidden there)."""
    page.get_by_role("button", name=button).filter(visible=True).click()


def note_and_reply_in_the_desk(alex: Page, ticket: Ticket) -> None:
    alex.goto(f"/desk/tickets/{ticket.reference}/")
    expect(alex.get_by_role("heading", level=1)).to_contain_text(ticket.title)
    composer = alex.locator("section.composer")
    composer.get_by_label("Internal note").check()
    type_into(alex, "Note for agents", NOTE)
    press(alex, "Add internal note")
    expect(alex.get_by_text("Internal note added.")).to_be_visible()
    composer.get_by_label("Public reply").check()
    type_into(alex, "Reply to Rita", REPLY)
    press(alex, "Send reply to Rita")
    expect(alex.get_by_text("Reply added for Rita Requester.")).to_be_visible()


def assert_folded(entry: Locator) -> None:
    """An e-mail's entry: its new words shown, the quoted history folded away below."""
    expect(entry.locator(":scope > .body")).to_contain_text(ANSWER)
    expect(entry.locator(":scope > .body")).not_to_contain_text("wrote:")
    expect(entry.locator(":scope > .body")).not_to_contain_text(REPLY)
    history = entry.locator("details.quoted")
    expect(history).not_to_have_attribute("open", re.compile(".*"))
    expect(history.locator(".body")).to_be_hidden()
    history.get_by_text("Show the quoted text").click()
    expect(history.locator(".body")).to_be_visible()
    expect(history.locator(".body")).to_contain_text("wrote:")
    expect(history.locator(".body")).to_contain_text(REPLY)


@both_widths
@pytest.mark.django_db(transaction=True)
def test_a_desk_reply_answered_by_mail_comes_back_to_the_same_ticket(
    org: Org, smtp: SmtpServer, new_page: Callable[[Person], Page]
) -> None:
    MailAddress.objects.create(address=UNIT_ADDRESS, unit=org.it)
    ticket = file_ticket(org.requester, org.it)
    assign(ticket, actor=org.agent, assignee=org.agent, expected_version=ticket.version)

    alex = new_page(org.agent)
    note_and_reply_in_the_desk(alex, ticket)
    # The desk's commit woke the worker (huey runs at once here): the minute's run that
    # a worker also makes finds nothing left to send.
    assert deliver_due() == 0
    row = OutgoingMail.objects.get(kind=MailKind.REPLY, ticket=ticket)
    assert row.state == MailState.SENT and row.to_address == org.requester.email
    alex.reload()
    expect(alex.get_by_text(f"Mailed to {org.requester.email}")).to_be_visible()

    [mail] = carrying(smtp, org.requester.email, REPLY)
    assert mail.rcpt_tos == (org.requester.email,)
    message = mail.message
    assert message["To"].addresses[0].addr_spec == org.requester.email
    assert message["Reply-To"].addresses[0].addr_spec == UNIT_ADDRESS
    assert message["From"].addresses[0].addr_spec == UNIT_ADDRESS
    assert f"[{ticket.reference}]" in message["Subject"]
    assert message["Message-ID"] == f"<{row.message_id}>"
    assert message.get("Auto-Submitted", "no") == "no"  # a person wrote it
    assert REPLY in mail.part("text/plain")
    assert REPLY in mail.part("text/html")
    assert REPLY in every_text_of(mail)  # what looks for the note finds what is there

    answer = answer_to(message, ANSWER, ANSWER_HTML)
    done = ingest(answer, smtp)
    assert done.returncode == 0, done.stderr.decode()
    assert b"stored" in done.stdout

    # Threaded: the answer joined the ticket (no new one), quoted history kept apart.
    assert Ticket.objects.count() == 1
    inbound = InboundMessage.objects.get()
    assert (inbound.state, inbound.outcome) == (InboundState.PROCESSED, "replied")
    assert inbound.ticket_id == ticket.pk
    reply = Message.objects.get(ticket=ticket, author=org.requester)
    assert (reply.kind, reply.channel) == (MessageKind.REPLY, Channel.EMAIL)
    assert reply.body.strip() == ANSWER and "wrote:" in reply.quoted
    their_id = BytesParser(policy=policy.default).parsebytes(answer)["Message-ID"]
    assert f"<{reply.message_id}>" == their_id  # the next mail to Rita threads under it
    # The agent is told, in the thread of the ticket.
    [told] = carrying(smtp, org.agent.email, ANSWER)
    assert f"[{ticket.reference}]" in told.message["Subject"]

    alex.reload()
    answered = alex.locator("#timeline article", has_text=ANSWER)
    expect(answered).to_have_count(1)
    assert_folded(answered)

    rita = new_page(org.requester)
    rita.goto(f"/portal/requests/{ticket.reference}/")
    expect(rita.locator("article.from-us", has_text=REPLY)).to_be_visible()
    mine = rita.locator("article.from-requester", has_text=ANSWER)
    expect(mine).to_have_count(1)
    assert_folded(mine)
    assert SECRET not in rita.content()

    assert_never_mailed(smtp, SECRET)
