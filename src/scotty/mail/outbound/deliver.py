"""Sending the outbox: the worker's half of outgoing mail (the domain writes the rows,
`notifications.mail`; nothing is sent inside a request).

`deliver_due` takes the pending rows whose time has come, a batch at a time, and for
each batch:

1. claims them in a short transaction: `attempts` + 1 and `next_attempt_at` moved a
   lease ahead, so another worker running at the same moment takes other rows
   (`SELECT ... FOR UPDATE SKIP LOCKED` on PostgreSQL; SQLite has one writer at a time
   and its IMMEDIATE transactions take the write lock at BEGIN). A worker that dies
   holding rows leaves them to the next run once the lease has passed;
2. composes the rows not composed yet (`compose`), outside any transaction;
3. sends them through Django's mail backend over CONNECTIONS (two) SMTP connections
   side by side for the batch, each address's mail over one of them, in order;
4. records what happened in one transaction: sent; a temporary failure (SMTP 4xx, the
   server unreachable, refused or timing out) is tried again later, after 1, 2, 4 ...
   minutes up to MAX_DELAY, and given up after MAX_ATTEMPTS; a permanent one (SMTP 5xx,
   a refused recipient, an address that is no address) fails at once. A failed row
   keeps what the server said (`last_error`) and the ticket records it as an event the
   agents see (`tickets.events.mail_failed`).

A crash between the server's "250 OK" and step 4 sends that mail again after the lease
(at least once, never lost); it has the same Message-ID, which clients and servers use
to drop the copy.
"""

import contextlib
import logging
import smtplib
import time
import zlib
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.mail import mailers
from django.core.mail.backends.base import BaseEmailBackend
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext

from scotty.core.queries import update_rows
from scotty.mail.outbound.compose import compose_rows, message_of, refusal_words
from scotty.notifications.mail import InternalNoteRefused
from scotty.notifications.models import MailState, OutgoingMail
from scotty.tickets import events

log = logging.getLogger(__name__)

BATCH = 100
MAX_ATTEMPTS = 10  # 1 + 2 + 4 ... minutes, capped: about eight hours of trying
FIRST_DELAY = timedelta(minutes=1)
MAX_DELAY = timedelta(hours=4)
# A claimed row is the claiming worker's for this long; then any worker may take it.
LEASE = timedelta(minutes=10)
# One run of the minute's task stops taking new batches after this (the next run goes on).
BUDGET_SECONDS = 50.0
# A batch goes out over this many SMTP connections at once: a server answers each
# command of a connection in turn, so one connection mostly waits (and a relay across
# the network longer); meanwhile the other builds and sends its next mail.
CONNECTIONS = 2

# What the composed rows store (with the outcome) once a batch is done.
_COMPOSED = ["subject", "text", "html", "from_address", "reply_to", "in_reply_to",
             "references"]  # fmt: skip
_OUTCOME = ["state", "sent_at", "last_error", "next_attempt_at"]


class ConnectionTrouble(Exception):
    """The mail server could not be reached or would not talk (refused, timed out, a
    greeting refused, a failed sign-in): temporary for every mail, whatever its code."""


@dataclass(frozen=True)
class Failure:
    permanent: bool
    said: str  # what the server said (or what went wrong), for last_error


def failure_of(error: Exception) -> Failure:
    """Temporary or permanent, and in which words: the SMTP reply code decides (5xx is
    permanent, 4xx temporary); a failed sign-in, a lost connection or a timeout is
    temporary (the server or its settings will be mended; the mail is not at fault)."""
    code: int | None = None
    said: object = error
    if isinstance(error, smtplib.SMTPRecipientsRefused) and error.recipients:
        code, said = next(iter(error.recipients.values()))
    elif isinstance(error, smtplib.SMTPAuthenticationError):
        return Failure(False, _words(error.smtp_code, error.smtp_error))
    elif isinstance(error, smtplib.SMTPResponseException):
        code, said = error.smtp_code, error.smtp_error
    elif isinstance(error, ValueError):  # Django refuses an address that is none
        return Failure(True, str(error)[:1000])
    if code is None:
        return Failure(False, (str(error) or type(error).__name__)[:1000])
    return Failure(500 <= code < 600, _words(code, said))


def _words(code: int, said: object) -> str:
    text = said.decode("utf-8", "replace") if isinstance(said, bytes) else str(said)
    return f"{code} {' '.join(text.split())}"[:1000]


def backoff(attempts: int) -> timedelta:
    """How long to wait after the `attempts`-th attempt failed for a while."""
    return min(FIRST_DELAY * 2 ** max(attempts - 1, 0), MAX_DELAY)


def claim(batch: int, now: datetime) -> list[int]:
    """Take up to `batch` due rows for this worker (see the module); their ids."""
    with transaction.atomic():
        due = OutgoingMail.objects.filter(state=MailState.PENDING, next_attempt_at__lte=now)
        due = due.order_by("next_attempt_at", "id")
        if connection.features.has_select_for_update_skip_locked:
            due = due.select_for_update(skip_locked=True)
        ids = list(due.values_list("id", flat=True)[:batch])
        if ids:
            OutgoingMail.objects.filter(pk__in=ids).update(
                attempts=F("attempts") + 1, next_attempt_at=now + LEASE
            )
    return ids


_JOINED = ("ticket__owning_unit", "ticket__working_unit", "ticket__requester", "person",
           "reply__author", "article__unit")  # fmt: skip


def _load(ids: list[int]) -> list[OutgoingMail]:
    return list(OutgoingMail.objects.filter(pk__in=ids).select_related(*_JOINED).order_by("id"))


def _open(mailer: BaseEmailBackend) -> Exception | None:
    try:
        mailer.open()
    except (OSError, smtplib.SMTPException) as error:
        log.warning("mail server not reachable: %r", error)
        return ConnectionTrouble(failure_of(error).said)
    return None


def _close(mailer: BaseEmailBackend) -> None:
    with contextlib.suppress(OSError, smtplib.SMTPException):  # it hung up first
        mailer.close()


def _send(rows: Sequence[OutgoingMail]) -> dict[int, Exception | None]:
    """Send the rows over CONNECTIONS connections at once, each address's mail over one
    of them in order; None for each row sent, else the error."""
    lanes: list[list[OutgoingMail]] = [[] for _ in range(CONNECTIONS)]
    for row in rows:
        lanes[zlib.crc32(row.to_address.encode()) % CONNECTIONS].append(row)
    busy = [lane for lane in lanes if lane]
    if len(busy) <= 1:
        return _send_over_one(busy[0] if busy else [])
    results: dict[int, Exception | None] = {}
    with ThreadPoolExecutor(len(busy), thread_name_prefix="smtp") as pool:
        for sent in pool.map(_send_over_one, busy):
            results.update(sent)
    return results


def _send_over_one(rows: Sequence[OutgoingMail]) -> dict[int, Exception | None]:
    """Send the rows over one connection (no query: the rows are composed). A lost
    connection is opened again once for the rest."""
    results: dict[int, Exception | None] = {}
    mailer = mailers.default
    broken = _open(mailer)
    try:
        for row in rows:
            if broken is not None:
                results[row.pk] = broken
                continue
            try:
                sent = mailer.send_messages([message_of(row)])
                results[row.pk] = None if sent else ValueError(gettext("Nothing was sent."))
            except (smtplib.SMTPServerDisconnected, OSError) as error:
                results[row.pk] = error
                _close(mailer)
                broken = _open(mailer)
            except (smtplib.SMTPException, ValueError) as error:
                results[row.pk] = error
    finally:
        _close(mailer)
    return results


def _fail(row: OutgoingMail, said: str, now: datetime) -> None:
    row.state, row.last_error, row.next_attempt_at = MailState.FAILED, said, now
    if row.ticket is not None:
        events.mail_failed(row.ticket, row.to_address, said[:400])


def _composing_failure(error: Exception) -> Failure:
    """A row that carries a note is refused for good; any other trouble composing (a
    template broken by an update) is tried again, and mended meanwhile."""
    log.error("outbox mail not composed: %r", error)
    return Failure(isinstance(error, InternalNoteRefused), refusal_words(error))


def _record(rows: Sequence[OutgoingMail], results: dict[int, Exception | None],
            refused: dict[int, Exception], now: datetime) -> int:  # fmt: skip
    sent = 0
    for row in rows:
        error = refused.get(row.pk) or results.get(row.pk)
        if error is None:
            row.state, row.sent_at, row.last_error = MailState.SENT, now, ""
            sent += 1
            continue
        failure = _composing_failure(error) if row.pk in refused else failure_of(error)
        if failure.permanent:
            _fail(row, failure.said, now)
        elif row.attempts >= MAX_ATTEMPTS:
            gave_up = gettext("Given up after %(count)d attempts: %(said)s")
            _fail(row, gave_up % {"count": row.attempts, "said": failure.said}, now)
        else:
            row.last_error, row.next_attempt_at = failure.said, now + backoff(row.attempts)
    update_rows(OutgoingMail, rows, [*_COMPOSED, *_OUTCOME])
    return sent


def deliver_batch(batch: int = BATCH, *, now: datetime | None = None) -> tuple[int, int]:
    """Claim, compose, send and record one batch; (rows taken, rows sent)."""
    now = now or timezone.now()
    ids = claim(batch, now)
    if not ids:
        return 0, 0
    rows = _load(ids)
    refused = compose_rows(rows)
    results = _send([row for row in rows if row.pk not in refused])
    with transaction.atomic():
        sent = _record(rows, results, refused, now)
    return len(ids), sent


def deliver_due(batch: int = BATCH, *, now: datetime | None = None,
                budget_seconds: float = BUDGET_SECONDS) -> int:  # fmt: skip
    """Send the pending mail whose time has come (by `now`), `batch` rows at a time over
    one connection each, until none is left or `budget_seconds` have passed; returns
    how many were sent. Safe to run in several workers at once (each row is claimed by
    one). Call it outside a transaction: nothing waits on the mail server holding a lock."""
    began = time.monotonic()
    sent = 0
    while True:
        taken, delivered = deliver_batch(batch, now=now)
        sent += delivered
        if taken < batch or time.monotonic() - began > budget_seconds:
            return sent


def deliver_soon() -> None:
    """Have the worker send what was just written (after the writing commit)."""
    from scotty.mail.tasks import deliver_mail_task  # the tasks import this module

    deliver_mail_task()
