"""The LMTP/SMTP receiver (`scotty mail serve`) on a real aiosmtpd server, spoken to by
smtplib's clients: 250 once stored (each message once, however many recipients or
deliveries), 552 when too large, 550 for an address that is not Scotty's, 451 when it
cannot store now; LMTP answers the data once per recipient."""

import re
import signal
import smtplib
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import OperationalError

from scotty.core.testing import Org
from scotty.mail.inbound import lmtp
from scotty.mail.inbound import store as store_module
from scotty.mail.models import InboundMessage, MailAddress
from tests.mail.test_imap_crash import poller_env

HR = "hr@example.org"
IT = "it-help@example.org"
pytestmark = pytest.mark.django_db(transaction=True)  # the receiver's threads read and write


@pytest.fixture(autouse=True)
def _stored_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Storing is what is tested here; processing (another module's) is not run."""
    monkeypatch.setattr(store_module, "_enqueue", lambda inbound_id: None)


@pytest.fixture
def addresses(org: Org) -> None:
    MailAddress.objects.create(address=IT, unit=org.it)
    MailAddress.objects.create(address=HR, unit=org.hr)


Start = Callable[..., lmtp.MailController]


@pytest.fixture
def receiver(addresses: None) -> Iterator[Start]:
    """start(lmtp=True) -> a running receiver on a free port, stopped after the test."""
    started: list[lmtp.MailController] = []

    def start(*, lmtp_: bool = True) -> lmtp.MailController:
        controller = lmtp.start("127.0.0.1", 0, lmtp=lmtp_)
        started.append(controller)
        return controller

    yield start
    for controller in started:
        lmtp.stop(controller)


def message(n: int = 1, *, size: int = 0) -> bytes:
    head = (f"From: rita@example.org\r\nTo: {IT}\r\nSubject: Printer {n}\r\n"
            f"Message-ID: <lmtp-{n}@example.org>\r\n\r\n")  # fmt: skip
    return (head + "It jams.\r\n" + ("x" * 76 + "\r\n") * (size // 78)).encode()


def client(controller: lmtp.MailController) -> smtplib.LMTP:
    conn = smtplib.LMTP(controller.hostname, controller.port, timeout=30)
    conn.ehlo_or_helo_if_needed()  # LHLO
    return conn


def deliver(conn: smtplib.SMTP, raw: bytes, recipients: list[str]) -> list[tuple[int, bytes]]:
    """MAIL, RCPT each, DATA: the answers after the data, one per accepted recipient
    (LMTP), which smtplib's sendmail would not read."""
    conn.mail("rita@example.org")
    accepted = [r for r in recipients if conn.rcpt(r)[0] == 250]
    if not accepted:
        conn.rset()
        return []
    answers = [conn.data(raw)]
    answers += [conn.getreply() for _ in accepted[1:]]
    return answers


def test_a_message_is_stored_once_for_all_its_recipients_and_answered_per_recipient(
    receiver: Start,
) -> None:
    conn = client(receiver())
    answers = deliver(conn, message(), [IT, HR])
    assert [code for code, _ in answers] == [250, 250]
    assert b"stored" in answers[0][1]
    row = InboundMessage.objects.get()
    assert bytes(row.raw) == message()  # byte for byte
    assert (row.source, row.envelope_from, row.envelope_to) == ("lmtp", "rita@example.org",
                                                                f"{IT}\n{HR}")  # fmt: skip
    assert conn.noop()[0] == 250  # the conversation is still in step
    conn.quit()


def test_the_same_message_delivered_twice_is_stored_once(receiver: Start) -> None:
    controller = receiver()
    for _ in range(2):
        conn = client(controller)
        assert [code for code, _ in deliver(conn, message(), [IT])] == [250]
        conn.quit()
    assert InboundMessage.objects.count() == 1


def test_a_recipient_that_is_not_scottys_is_refused_with_550(receiver: Start) -> None:
    conn = client(receiver())
    conn.mail("rita@example.org")
    code, words = conn.rcpt("stranger@example.org")
    assert code == 550 and b"not an address of Scotty's" in words
    assert conn.rcpt("IT-Help+IT-1042@Example.org")[0] == 250  # any case, with a +tag
    assert conn.data(message())[0] == 250
    conn.quit()
    assert InboundMessage.objects.get().envelope_to == "IT-Help+IT-1042@Example.org"


def test_an_inactive_address_is_not_scottys(receiver: Start) -> None:
    MailAddress.objects.filter(address=HR).update(is_active=False)
    conn = client(receiver())
    assert deliver(conn, message(), [HR]) == []
    conn.quit()


def test_a_message_too_large_is_refused_with_552_for_each_recipient(
    settings: Any, receiver: Start
) -> None:
    settings.SCOTTY_MAX_INBOUND_BYTES = 2000  # aiosmtpd's limit is set from it
    conn = client(receiver())
    assert b"SIZE 2000" in (conn.ehlo_resp or b"")
    answers = deliver(conn, message(size=5000), [IT, HR])
    assert [code for code, _ in answers] == [552, 552]
    assert conn.noop()[0] == 250
    assert [code for code, _ in deliver(conn, message(2), [IT])] == [250]  # the next is taken
    code, _ = conn.mail("rita@example.org", ["SIZE=5000"])  # announced: refused at once
    assert code == 552
    conn.quit()
    assert InboundMessage.objects.count() == 1


def test_a_message_larger_than_storing_allows_is_refused_with_552(
    settings: Any, receiver: Start
) -> None:
    conn = client(receiver())
    settings.SCOTTY_MAX_INBOUND_BYTES = 2000  # lowered after the server started
    answers = deliver(conn, message(size=5000), [IT])
    assert answers[0][0] == 552 and b"5.3.4" in answers[0][1]
    conn.quit()
    assert not InboundMessage.objects.exists()


def test_a_message_that_cannot_be_stored_now_is_answered_451_and_taken_when_retried(
    receiver: Start, monkeypatch: pytest.MonkeyPatch
) -> None:
    def database_away(raw: bytes, **kw: Any) -> Any:
        raise OperationalError("could not connect to server")

    conn = client(receiver())
    real = lmtp.store
    monkeypatch.setattr(lmtp, "store", database_away)
    answers = deliver(conn, message(), [IT, HR])
    assert [code for code, _ in answers] == [451, 451]
    assert all(words.startswith(b"4.3.0") for _, words in answers)
    assert not InboundMessage.objects.exists()
    monkeypatch.setattr(lmtp, "store", real)  # the MTA tries again later
    assert [code for code, _ in deliver(conn, message(), [IT, HR])] == [250, 250]
    conn.quit()
    assert InboundMessage.objects.count() == 1


def test_a_recipient_that_cannot_be_checked_now_is_answered_451(
    receiver: Start, monkeypatch: pytest.MonkeyPatch
) -> None:
    def database_away(address: str) -> bool:
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(lmtp, "is_scotty_address", database_away)
    conn = client(receiver())
    conn.mail("rita@example.org")
    code, words = conn.rcpt(IT)
    assert code == 451 and words.startswith(b"4.3.0")
    conn.quit()


def test_smtp_too(receiver: Start) -> None:
    controller = receiver(lmtp_=False)
    with smtplib.SMTP(controller.hostname, controller.port, timeout=30) as conn:
        refused = conn.sendmail("rita@example.org", [IT, HR], message())
        assert refused == {}
        with pytest.raises(smtplib.SMTPRecipientsRefused):
            conn.sendmail("rita@example.org", ["nobody@example.org"], message(2))
    assert InboundMessage.objects.get().envelope_to == f"{IT}\n{HR}"


def test_scotty_mail_serve_receives_until_it_is_told_to_stop(
    addresses: None, tmp_path: Path
) -> None:
    command = [sys.executable, "-m", "scotty", "mail", "serve", "--lmtp", "--port", "0"]
    process = subprocess.Popen(command, env=poller_env(tmp_path), text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)  # fmt: skip
    try:
        assert process.stdout is not None
        seen, found = "", None
        while found is None and (line := process.stdout.readline()):
            seen += line
            found = re.search(r"Scotty receives mail \(LMTP\) on ([\d.]+):(\d+)", line)
        assert found, seen
        conn = smtplib.LMTP(found[1], int(found[2]), timeout=30)
        conn.ehlo()
        assert [code for code, _ in deliver(conn, message(), [IT])] == [250]
        conn.quit()
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0
        assert "Stopped receiving mail." in process.stdout.read()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    row = InboundMessage.objects.get()
    assert bytes(row.raw) == message() and row.source == "lmtp"
