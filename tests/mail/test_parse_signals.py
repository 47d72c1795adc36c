"""Loop and noise signals (RFC 3834, Precedence, List-Id, automatic replies) and
delivery failures (RFC 3464 reports and bounces in prose)."""

import pytest

from scotty.mail.inbound.parse import parse
from scotty.mail.inbound.parsed import Bounce
from tests.mail.test_parse import message


def test_an_ordinary_message_carries_no_signal() -> None:
    mail = parse(message("Subject: Printer"))

    assert (mail.auto_submitted, mail.precedence, mail.list_id) == ("", "", "")
    assert not mail.is_auto_reply
    assert mail.bounce is None


@pytest.mark.parametrize(
    ("header", "value"),
    [
        ("Auto-Submitted: auto-generated", "auto-generated"),
        ("Auto-Submitted: Auto-Replied; owner-email=ann@example.org", "auto-replied"),
        ("Auto-Submitted: auto-generated (failure)", "auto-generated"),
        ("Auto-Submitted: no", ""),
    ],
)
def test_auto_submitted_is_its_value_in_lower_case(header: str, value: str) -> None:
    assert parse(message(header)).auto_submitted == value


def test_precedence_and_list_id_are_read() -> None:
    mail = parse(message("Precedence: Bulk\nList-Id: Users of Things <users.lists.example.org>"))

    assert (mail.precedence, mail.list_id) == ("bulk", "users.lists.example.org")


def test_ezmlms_mailing_list_header_marks_list_mail_without_a_list_id() -> None:
    mail = parse(message("Mailing-List: contact Users-Help@example.org; run by ezmlm"))

    assert mail.list_id == "users-help@example.org"


def test_list_unsubscribe_alone_does_not_make_list_mail() -> None:
    assert parse(message("List-Unsubscribe: <mailto:leave@example.org>")).list_id == ""


@pytest.mark.parametrize(
    "headers",
    [
        "Auto-Submitted: auto-replied",
        "X-Autoreply: yes",
        "X-Autorespond: Out of office",
        "X-Auto-Response-Suppress: DR, OOF",
        "X-Auto-Response-Suppress: AutoReply",
        "Precedence: auto_reply",
        "Return-Path: <>",
        "Subject: Out of Office: Printer",
        "Subject: Automatic reply: Printer",
        "Subject: Abwesenheitsnotiz: Drucker",
        "Subject: Autoreply: Printer",
        "Subject: Réponse automatique : Imprimante",
        "Subject: AUTO: Ann is out of the office (returning 05/01)",
        "Subject: =?utf-8?Q?Automatische_Antwort:_Drucker?=",
    ],
)
def test_automatic_replies_are_recognised(headers: str) -> None:
    assert parse(message(headers)).is_auto_reply


@pytest.mark.parametrize(
    "headers",
    [
        "X-Auto-Response-Suppress: All",  # set on ordinary mail by some systems
        "Subject: Re: our office move",
        "Subject: Automatic backups fail",
    ],
)
def test_ordinary_mail_is_not_an_automatic_reply(headers: str) -> None:
    assert not parse(message(headers)).is_auto_reply


def report(*, action: str = "failed", original: str = "text/rfc822-headers") -> bytes:
    """A delivery status notification (RFC 3464) for one recipient that failed (or was
    only delayed) and one that was delayed, with the headers of the undelivered mail."""
    recipients = [
        "Final-Recipient: rfc822; Gone@Example.org\nOriginal-Recipient: rfc822;gone@example.org\n"
        f"Action: {action}\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 <gone@example.org>:"
        " Recipient address\n    rejected: User unknown",
        "Final-Recipient: rfc822; late@example.org\nAction: delayed\nStatus: 4.4.1",
    ]
    undelivered = (
        "From: desk@example.org\nTo: gone@example.org\nSubject: [IT-1042] Your printer\n"
        "Message-ID: <ticket-1042.7@scotty.example.org>\n"
    )
    parts = [
        "Content-Type: text/plain\n\nYour message could not be delivered.\n",
        "Content-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.org\n\n"
        + "\n\n".join(recipients)
        + "\n",
        f"Content-Type: {original}\n\n{undelivered}",
    ]
    headers = (
        "From: Mail Delivery System <MAILER-DAEMON@mx.example.org>\nTo: desk@example.org\n"
        "Subject: Undelivered Mail Returned to Sender\nAuto-Submitted: auto-replied\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="R"\n\n'
    )
    return (headers + "".join(f"--R\n{part}\n" for part in parts) + "--R--\n").encode()


def test_a_delivery_status_notification_is_read_as_a_bounce() -> None:
    mail = parse(report())

    assert mail.bounce == Bounce(
        original_message_id="ticket-1042.7@scotty.example.org",
        recipients=("gone@example.org",),
        status="5.1.1",
        diagnostic="550 5.1.1 <gone@example.org>: Recipient address rejected: User unknown",
    )
    assert not mail.is_auto_reply  # a bounce is a kind of its own
    assert mail.parts == ()  # the report's parts are read, not attached


def test_the_original_of_a_dsn_may_come_whole_as_message_rfc822() -> None:
    mail = parse(report(original="message/rfc822"))

    assert mail.bounce is not None
    assert mail.bounce.original_message_id == "ticket-1042.7@scotty.example.org"
    assert [p.content_type for p in mail.parts] == ["message/rfc822"]


def test_a_dsn_that_only_says_delayed_is_not_a_bounce() -> None:
    assert parse(report(action="delayed")).bounce is None


PROSE_BOUNCE = b"""From: MAILER-DAEMON@mx.example.net
To: desk@example.org
Subject: failure notice

Hi. This is the qmail-send program at mx.example.net.
I'm afraid I wasn't able to deliver your message to the following addresses.

<gone@example.net>:
Sorry, no mailbox here by that name. (#5.1.1)

--- Below this line is a copy of the message.

Return-Path: <desk@example.org>
From: desk@example.org
To: gone@example.net
Message-ID: <ticket-7.1@scotty.example.org>
Subject: Your request

Hello.
"""


def test_a_bounce_in_prose_from_a_mailer_daemon_is_read_too() -> None:
    bounce = parse(PROSE_BOUNCE).bounce

    assert bounce is not None
    assert bounce.original_message_id == "ticket-7.1@scotty.example.org"
    assert bounce.recipients == ("gone@example.net",)
    assert bounce.status == "5.1.1"
    assert "I'm afraid I wasn't able to deliver" in bounce.diagnostic


def test_exim_names_the_failed_recipients_in_a_header() -> None:
    raw = PROSE_BOUNCE.replace(
        b"Subject: failure notice", b"Subject: Whatever\nX-Failed-Recipients: gone@example.net"
    )

    bounce = parse(raw).bounce
    assert bounce is not None and bounce.recipients == ("gone@example.net",)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (b"Subject: failure notice", b"Subject: Fwd: failure notice"),  # a person forwards it
        (b"From: MAILER-DAEMON@mx.example.net", b"From: ann@example.org"),  # a person writes it
        (b"Subject: failure notice", b"Subject: Warning: could not send message for past 4 hours"),
    ],
)
def test_what_only_looks_like_a_bounce_is_not_one(old: bytes, new: bytes) -> None:
    assert parse(PROSE_BOUNCE.replace(old, new)).bounce is None
