"""Polling IMAP mailboxes against a real Dovecot: each message stored once, byte for byte,
and only then filed away; UIDVALIDITY changes, dropped connections, oversized and
unreadable messages never lose or double a message; "Test connection" says what is
wrong in words; a failing mailbox is unhealthy and the administrators are told once."""

import os
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.utils import timezone

from scotty.core.testing import Org
from scotty.mail import selectors
from scotty.mail.inbound import imap
from scotty.mail.inbound import store as store_module
from scotty.mail.models import InboundMessage, MailAddress, Mailbox, Security
from scotty.notifications.models import NoticeKind, Notification
from tests.mail import dovecot as imap_server
from tests.mail.dovecot import Account, CuttableProxy, free_port

# The real IMAP server's fixtures, where pytest finds them (one server per module).
dovecot, imap_account = imap_server.dovecot, imap_server.imap_account


@pytest.fixture(autouse=True)
def _stored_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Storing is what is tested here; processing (another module's) is not run."""
    monkeypatch.setattr(store_module, "_enqueue", lambda inbound_id: None)


def message(n: int, *, message_id: bool = True, body: str = "", size: int = 0) -> bytes:
    head = f"From: rita@example.org\r\nTo: it-help@example.org\r\nSubject: Printer {n}\r\n"
    if message_id:
        head += f"Message-ID: <printer-{n}@example.org>\r\n"
    text = body or f"Printer number {n} jams.\r\n"
    if size:
        text += ("x" * 76 + "\r\n") * (size // 78 + 1)
    return (head + "\r\n" + text).encode()


def make_mailbox(org: Org, account: Account, **fields: Any) -> Mailbox:
    address, _ = MailAddress.objects.get_or_create(address="it-help@example.org",
                                                   defaults={"unit": org.it})  # fmt: skip
    values: dict[str, Any] = {
        "name": f"IT help ({account.user})", "address": address, "host": "127.0.0.1",
        "port": account.server.port, "security": Security.PLAIN, "username": account.user,
        "password": account.password, "folder": "INBOX", "done_folder": "Done",
    }  # fmt: skip
    values.update(fields)
    return Mailbox.objects.create(**values)


def fresh(mailbox: Mailbox) -> Mailbox:
    return Mailbox.objects.select_related("address").get(pk=mailbox.pk)


def stored_raw() -> list[bytes]:
    rows = InboundMessage.objects.order_by("pk").values_list("raw", flat=True)
    return [bytes(raw) for raw in rows]


@pytest.mark.django_db
def test_new_messages_are_stored_byte_for_byte_once_then_moved_to_the_done_folder(
    org: Org, imap_account: Account
) -> None:
    sent = [message(1), message(2, message_id=False), message(3)]
    for raw in sent:
        imap_account.append(raw)
    mailbox = make_mailbox(org, imap_account)
    result = imap.poll(fresh(mailbox))
    assert result.ok, result.error
    assert (len(result.stored), result.duplicates, result.filed) == (3, 0, 3)
    assert stored_raw() == sent
    row = InboundMessage.objects.get(message_id="printer-1@example.org")
    assert (row.source, row.mailbox_id, row.envelope_to) == ("imap", mailbox.pk,
                                                              "it-help@example.org")  # fmt: skip
    assert imap_account.messages("INBOX") == {}
    assert sorted(imap_account.messages("Done").values()) == sorted(sent)
    mailbox.refresh_from_db()
    assert mailbox.last_uid == 3 and mailbox.uidvalidity
    assert (mailbox.failures, mailbox.last_error) == (0, "")
    assert mailbox.last_success_at and mailbox.last_polled_at == mailbox.last_success_at

    again = imap.poll(fresh(mailbox))
    assert again.ok and (again.stored, again.duplicates, again.filed) == ([], 0, 0)
    assert InboundMessage.objects.count() == 3


@pytest.mark.django_db
def test_without_a_done_folder_processed_mail_stays_flagged_seen_and_is_not_fetched_again(
    org: Org, imap_account: Account
) -> None:
    for n in (1, 2):
        imap_account.append(message(n))
    mailbox = make_mailbox(org, imap_account, done_folder="")
    assert len(imap.poll(fresh(mailbox)).stored) == 2
    flags = imap_account.flags()
    assert len(flags) == 2 and all("\\Seen" in f for f in flags.values())
    imap_account.append(message(3))
    again = imap.poll(fresh(mailbox))
    assert (len(again.stored), again.duplicates) == (1, 0)
    assert InboundMessage.objects.count() == 3


@pytest.mark.django_db
def test_a_uidvalidity_change_reads_the_folder_again_and_stores_only_what_is_new(
    org: Org, imap_account: Account
) -> None:
    for n in (1, 2, 3):
        imap_account.append(message(n), "Support")
    mailbox = make_mailbox(org, imap_account, folder="Support", done_folder="")
    imap.poll(fresh(mailbox))
    before = fresh(mailbox).uidvalidity
    # The server's folder is made anew (a restore, a migration): UIDs start again at 1,
    # the new message first, so a poller keeping its old last UID (3) would miss it.
    imap_account.recreate("Support")
    for raw in (message(4), message(1), message(2), message(3)):
        imap_account.append(raw, "Support")
    result = imap.poll(fresh(mailbox))
    assert result.ok and result.uidvalidity_changed
    assert (len(result.stored), result.duplicates) == (1, 3)
    mailbox = fresh(mailbox)
    assert mailbox.uidvalidity != before and mailbox.last_uid == 4
    assert InboundMessage.objects.count() == 4
    assert all("\\Seen" in f for f in imap_account.flags("Support").values())


@pytest.mark.django_db
def test_the_server_dropping_the_connection_mid_batch_keeps_what_was_stored_and_leaves_the_rest(
    org: Org, imap_account: Account, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent = [message(n) for n in range(1, 11)]
    for raw in sent:
        imap_account.append(raw)
    proxy = CuttableProxy(imap_account.server.port)
    mailbox = make_mailbox(org, imap_account, port=proxy.port)
    real_store, calls = imap.store, []

    def store_then_cut(raw: bytes, **kw: Any) -> Any:
        stored = real_store(raw, **kw)
        calls.append(stored)
        if len(calls) == 3:
            proxy.cut()  # after the third is stored, before it is moved
        return stored

    monkeypatch.setattr(imap, "store", store_then_cut)
    try:
        result = imap.poll(fresh(mailbox))
    finally:
        proxy.close()
    assert result.error and "closed the connection" in result.error
    assert len(result.stored) == 3 and InboundMessage.objects.count() == 3
    assert len(imap_account.messages("Done")) == 2  # the third was stored, not moved
    assert sorted(imap_account.messages("INBOX").values()) == sorted(sent[2:])
    mailbox = fresh(mailbox)
    assert (mailbox.last_uid, mailbox.failures) == (2, 1)

    monkeypatch.setattr(imap, "store", real_store)
    mailbox.port = imap_account.server.port
    again = imap.poll(mailbox)
    assert again.ok and (len(again.stored), again.duplicates) == (7, 1)
    assert sorted(stored_raw()) == sorted(sent)
    assert imap_account.messages("INBOX") == {}
    assert sorted(imap_account.messages("Done").values()) == sorted(sent)
    assert fresh(mailbox).failures == 0


@pytest.mark.django_db
def test_a_message_too_large_is_left_unread_in_the_folder_said_and_not_fetched_again(
    org: Org, imap_account: Account, settings: Any
) -> None:
    settings.SCOTTY_MAX_INBOUND_BYTES = 4000
    sent = [message(1), message(2, size=6000), message(3)]
    for raw in sent:
        imap_account.append(raw)
    mailbox = make_mailbox(org, imap_account)
    result = imap.poll(fresh(mailbox))
    assert result.ok and result.too_large == [2] and len(result.stored) == 2
    assert list(imap_account.messages("INBOX").values()) == [sent[1]]
    assert "\\Seen" not in imap_account.flags()[2]
    mailbox = fresh(mailbox)
    assert "Message 2 (0.0 MB) is larger than the limit" in mailbox.last_error
    assert mailbox.last_uid == 3 and mailbox.failures == 0
    health = selectors.health_of(mailbox)
    assert health.state == selectors.Health.HEALTHY and "left in the folder" in health.note
    again = imap.poll(mailbox)
    assert again.ok and (again.too_large, again.stored) == ([], [])
    assert "larger than the limit" in fresh(mailbox).last_error  # the note stays


@pytest.mark.django_db
def test_a_message_the_server_will_not_hand_over_is_tried_again_and_the_rest_are_stored(
    org: Org, imap_account: Account, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in (1, 2, 3):
        imap_account.append(message(n))
    mailbox = make_mailbox(org, imap_account)
    real_fetch = imap._fetch

    def refuse_the_second(conn: Any, uid: int) -> bytes | None:
        if uid == 2:
            raise imap._Unreadable("[SERVERBUG] Internal error")
        return real_fetch(conn, uid)

    monkeypatch.setattr(imap, "_fetch", refuse_the_second)
    result = imap.poll(fresh(mailbox))
    assert result.ok and len(result.stored) == 2
    assert "Message 2 could not be read" in result.problems[0]
    assert fresh(mailbox).last_uid == 1  # not past the one to try again
    monkeypatch.setattr(imap, "_fetch", real_fetch)
    again = imap.poll(fresh(mailbox))
    assert (len(again.stored), again.duplicates) == (1, 0)
    assert imap_account.messages("INBOX") == {} and len(imap_account.messages("Done")) == 3
    assert fresh(mailbox).last_uid == 2  # 3 was filed away already: never searched again


@pytest.mark.django_db
def test_without_move_a_message_is_copied_then_expunged_alone(
    org: Org, imap_account: Account, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent = [message(n) for n in (1, 2, 3)]
    for raw in sent:
        imap_account.append(raw)
    # An old message (read before: at or below the last UID) that someone marked deleted
    # without expunging it: Scotty's UID EXPUNGE of its own messages leaves it be.
    conn = imap_account.client()
    conn.select("INBOX")
    uidvalidity = int(conn.response("UIDVALIDITY")[1][0])
    conn.uid("STORE", "1", "+FLAGS", r"(\Deleted)")
    conn.logout()
    real = imap._capabilities
    monkeypatch.setattr(imap, "_capabilities", lambda c: real(c) - {"MOVE"})
    mailbox = make_mailbox(org, imap_account, uidvalidity=uidvalidity, last_uid=1)
    result = imap.poll(fresh(mailbox))
    assert result.ok and (len(result.stored), result.filed) == (2, 2)
    assert list(imap_account.messages("INBOX")) == [1]  # not expunged by Scotty's poll
    assert sorted(imap_account.messages("Done").values()) == sent[1:]


@pytest.mark.django_db
def test_a_second_poller_leaves_a_mailbox_being_read_alone(org: Org, imap_account: Account) -> None:
    imap_account.append(message(1))
    mailbox = make_mailbox(org, imap_account)
    with imap.polling_lock(mailbox.pk) as ours:
        assert ours
        with imap.polling_lock(mailbox.pk) as second:
            assert not second
        assert imap.poll_all() == {mailbox.name: None}
    assert InboundMessage.objects.count() == 0
    results = imap.poll_all()
    assert results[mailbox.name] is not None and InboundMessage.objects.count() == 1


@pytest.mark.django_db
def test_a_lock_left_by_a_killed_poller_is_taken_over(org: Org) -> None:
    from huey.contrib.djhuey import HUEY

    key = imap._lock_key(41)
    dead = {"host": os.uname().nodename, "pid": 2**22 + 17, "at": time.time(), "token": "x"}
    HUEY.put_if_empty(key, dead)
    try:
        with imap.polling_lock(41) as ours:
            assert ours
        HUEY.delete(key)
        HUEY.put_if_empty(key, {**dead, "pid": os.getpid()})  # alive: this process
        with imap.polling_lock(41) as ours:
            assert not ours
        HUEY.delete(key)
        HUEY.put_if_empty(key, {**dead, "host": "elsewhere", "at": time.time() - 3600})
        with imap.polling_lock(41) as ours:
            assert ours  # the lease ran out
    finally:
        HUEY.delete(key)


# --- Test connection --------------------------------------------------------------------


@pytest.mark.django_db
def test_test_connection_says_none_when_it_works_and_reads_nothing(
    org: Org, imap_account: Account
) -> None:
    imap_account.append(message(1))
    mailbox = make_mailbox(org, imap_account)
    assert imap.test_connection(mailbox) is None
    assert "\\Seen" not in imap_account.flags()[1] and InboundMessage.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"password": "not the password"},
         "The server refused the user name or password: [AUTHENTICATIONFAILED]"),
        ({"folder": "Nowhere"}, "The server cannot open the folder “Nowhere”"),
        ({"port": "closed"}, "refused the connection on port"),
        ({"host": "imap.example.org"}, "Without encryption Scotty connects only to a server"),
        ({"host": "no-such-host.invalid", "security": Security.IMAPS},
         "Cannot find the server no-such-host.invalid"),
    ],
)  # fmt: skip
def test_test_connection_says_what_is_wrong_in_words(
    org: Org, imap_account: Account, change: dict[str, Any], words: str
) -> None:
    if change.get("port") == "closed":
        change = {**change, "port": free_port()}
    mailbox = make_mailbox(org, imap_account, **change)
    problem = imap.test_connection(mailbox)
    assert problem is not None and words in problem, problem


@pytest.fixture
def trusted(imap_account: Account, monkeypatch: pytest.MonkeyPatch) -> Account:
    """The test server's self-signed certificate trusted, as a company CA would be."""
    if imap_account.server.ca_file is None:
        pytest.skip("openssl could not make a certificate: the TLS tests are skipped")
    monkeypatch.setenv("SSL_CERT_FILE", str(imap_account.server.ca_file))
    return imap_account


@pytest.mark.django_db
def test_imaps_and_starttls_poll_over_tls(org: Org, trusted: Account) -> None:
    trusted.append(message(1))
    imaps = make_mailbox(org, trusted, security=Security.IMAPS, port=trusted.server.imaps_port)
    assert imap.test_connection(imaps) is None
    assert len(imap.poll(fresh(imaps)).stored) == 1
    trusted.append(message(2))
    starttls = fresh(imaps)
    starttls.security, starttls.port = Security.STARTTLS, trusted.server.port
    assert imap.test_connection(starttls) is None
    assert len(imap.poll(starttls).stored) == 1


@pytest.mark.django_db
def test_an_untrusted_certificate_is_refused_in_words(
    org: Org, imap_account: Account, monkeypatch: pytest.MonkeyPatch
) -> None:
    if imap_account.server.imaps_port is None:
        pytest.skip("openssl could not make a certificate: the TLS tests are skipped")
    monkeypatch.setenv("SSL_CERT_FILE", os.devnull)
    mailbox = make_mailbox(org, imap_account, security=Security.IMAPS,
                           port=imap_account.server.imaps_port)  # fmt: skip
    problem = imap.test_connection(mailbox)
    assert problem and problem.startswith("The server's certificate is not trusted"), problem


# --- Health -------------------------------------------------------------------------------


def failing_poll(mailbox: Mailbox) -> Callable[[], imap.PollResult]:
    def poll() -> imap.PollResult:
        return imap.poll(fresh(mailbox))

    return poll


@pytest.mark.django_db
def test_a_mailbox_failing_in_a_row_is_unhealthy_and_the_administrators_are_told_once(
    org: Org, imap_account: Account
) -> None:
    closed = free_port()  # the server down (wrong passwords would slow Dovecot down)
    mailbox = make_mailbox(org, imap_account, port=closed)
    poll = failing_poll(mailbox)
    for n in range(1, selectors.FAILING_AFTER):
        assert not poll().ok
        assert selectors.health_of(fresh(mailbox)).state == selectors.Health.WAITING, n
    assert not Notification.objects.exists()
    for _ in range(4):  # every minute, still failing
        poll()
    health = selectors.mailbox_health()[0]
    assert health.unhealthy and "Failing: the last 6 polls failed" in health.words
    assert "refused the connection" in health.words
    told = Notification.objects.filter(kind=NoticeKind.MAILBOX_UNHEALTHY)
    assert list(told.values_list("person__email", flat=True)) == ["ada@example.org"]

    Mailbox.objects.filter(pk=mailbox.pk).update(port=imap_account.server.port)
    assert poll().ok
    assert selectors.health_of(fresh(mailbox)).state == selectors.Health.HEALTHY
    Mailbox.objects.filter(pk=mailbox.pk).update(port=closed)
    for _ in range(selectors.FAILING_AFTER + 2):
        poll()
    assert told.count() == 2  # once more: it became unhealthy again


@pytest.mark.django_db
def test_a_mailbox_not_read_for_its_time_is_unhealthy(org: Org, imap_account: Account) -> None:
    mailbox = make_mailbox(org, imap_account, unhealthy_after_minutes=30)
    assert imap.poll(fresh(mailbox)).ok
    later = timezone.now() + timedelta(minutes=45)
    health = selectors.health_of(fresh(mailbox), now=later)
    assert health.unhealthy and health.words.startswith("Not read since 45")
    with time_machine.travel(later):
        Mailbox.objects.filter(pk=mailbox.pk).update(port=free_port())
        imap.poll(fresh(mailbox))  # read at last, and failing: told now
        assert Notification.objects.filter(kind=NoticeKind.MAILBOX_UNHEALTHY).count() == 1
        imap.poll(fresh(mailbox))
        assert Notification.objects.filter(kind=NoticeKind.MAILBOX_UNHEALTHY).count() == 1
    assert selectors.health_of(fresh(mailbox), now=later).state == selectors.Health.UNHEALTHY
    Mailbox.objects.filter(pk=mailbox.pk).update(is_active=False)
    assert selectors.health_of(fresh(mailbox), now=later).state == selectors.Health.PAUSED


def test_folder_names_are_quoted_and_in_modified_utf7() -> None:
    assert imap.folder_name("INBOX") == '"INBOX"'
    assert imap.folder_name('Done "mail"') == '"Done \\"mail\\""'
    assert imap.folder_name("Erledigt & gelöscht") == '"Erledigt &- gel&APY-scht"'
    assert imap.folder_name("台北") == '"&U,BTFw-"'


@pytest.mark.django_db
def test_the_worker_reads_every_mailbox_that_is_on_every_minute(
    org: Org, imap_account: Account, dovecot: Any
) -> None:
    from scotty.mail.tasks import poll_mailboxes

    other = dovecot.add_account()
    imap_account.append(message(1))
    other.append(message(2))
    make_mailbox(org, imap_account)
    make_mailbox(org, other, is_active=False)  # turned off: not read
    task = poll_mailboxes.s()
    assert all(task.validate_datetime(datetime(2026, 12, 1, 9, m)) for m in range(60))
    assert poll_mailboxes.call_local() == 1
    assert list(InboundMessage.objects.values_list("message_id", flat=True)) == [
        "printer-1@example.org"
    ]
    assert len(other.messages("INBOX")) == 1
