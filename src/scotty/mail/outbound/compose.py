"""Composing mail from outbox rows: the words, in the recipient's language and time
zone, from the templates under `mail/templates/mail/` (`<kind>.txt` and `<kind>.html`),
and the headers mail clients and servers act on.

A row is composed once, when the worker first takes it (`compose_rows`): its subject,
both parts, From, Reply-To, In-Reply-To and References are stored on it, so a retry
sends the same mail and the desk can show what was sent. `message_of` builds Django's
`EmailMultiAlternatives` from a composed row, with no query.

Headers:
- Message-ID: the row's own, made when it was written to the outbox; replies that name
  it in In-Reply-To or References find their ticket again (`mail.inbound.threading`).
- In-Reply-To / References: the latest and the earlier mails of this ticket's thread as
  the recipient's mail client has them: Scotty's earlier mails to that address, and
  the recipient's own messages on the ticket (the mail that opened it, their replies).
- From: the unit's first active address (the owning unit's for the requester's side,
  the working unit's for agents), else DEFAULT_FROM_EMAIL; Reply-To the same address,
  so an answer comes back to the unit and joins the ticket.
- Subject: `[IT-1042] Title`, the same for all of the requester's mail (clients thread
  by subject too); agents' mail says what happened after the reference.
- Auto-Submitted: auto-generated on everything Scotty generates (RFC 3834), the
  acknowledgement included: "auto-replied" would fit an acknowledgement of a mail, but
  one value for all of Scotty's own mail is simpler for the loop rules on both sides.
  A mail that carries a person's words (a public reply) has none: a person wrote it.
- X-Auto-Response-Suppress: All (Exchange sends no out-of-office or receipts back) and
  X-Loop with the sending address, on every mail.
"""

import email.policy
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from email.headerregistry import Address, BaseHeader, HeaderRegistry
from email.message import EmailMessage
from email.policy import EmailPolicy, Policy
from functools import cache, lru_cache
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import Context, Engine, engines
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format as format_date
from django.utils.translation import gettext, pgettext

from scotty.accounts.languages import in_language_of
from scotty.accounts.models import Person, SupportUnit
from scotty.core.paths import path_for_each
from scotty.knowledge.models import Article
from scotty.mail.models import InboundMessage, MailAddress
from scotty.notifications.mail import REQUESTER_KINDS, InternalNoteRefused
from scotty.notifications.models import MailKind, OutgoingMail
from scotty.notifications.reminders import waiting_since
from scotty.tickets import selectors, wording
from scotty.tickets.models import NOTHING_DUE, Message, MessageKind, Ticket
from scotty.tickets.promise import expectation
from scotty.tickets.states import Status

# References keep the first mail of the thread and the latest ones, at most this many.
MAX_REFERENCES = 10
_BLANK_LINES = re.compile(r"\n[ \t]*(\n[ \t]*)+\n")
# Trailing blanks, but not the one of the signature line "-- " (RFC 3676).
_TRAILING = re.compile(r"(?m)(?<!^--)[ \t]+$")


@contextmanager
def as_read_by(person: Person | None) -> Iterator[None]:
    """Words in the recipient's language, dates in their time zone (Scotty's zone until
    people choose their own)."""
    zone = getattr(person, "time_zone", "") or settings.TIME_ZONE
    with timezone.override(zone):
        if person is None:
            with translation.override(settings.LANGUAGE_CODE):
                yield
        else:
            with in_language_of(person):
                yield


# --- what each row needs from the database, read once per batch -------------------


@dataclass(frozen=True)
class Batch:
    """What composing a batch of rows reads, in a few queries for the whole batch."""

    senders: dict[int, str]  # unit id -> its first active address
    # the portal's and the desk's page of a ticket, by reference (one reverse each)
    portal_page: Callable[[str], str]
    desk_page: Callable[[str], str]
    # (ticket id, address) -> [(when, message id)] of that thread, oldest first
    threads: dict[tuple[int, str], list[tuple[datetime, int, str]]]


def _thread_ids(ticket_ids: set[int]) -> dict[tuple[int, str], list[tuple[datetime, int, str]]]:
    """Every Message-ID of these tickets' threads, by the address whose mail client has
    it: Scotty's mails to it (their row id, to keep only earlier ones), and the mail
    the person at that address sent (the one that opened the ticket, their replies)."""
    found: dict[tuple[int, str], list[tuple[datetime, int, str]]] = {}

    def add(ticket_id: int, address: str, at: datetime, row_id: int, message_id: str | None
            ) -> None:  # fmt: skip
        if message_id:
            found.setdefault((ticket_id, address.lower()), []).append((at, row_id, message_id))

    ours = OutgoingMail.objects.filter(ticket_id__in=ticket_ids).values_list(
        "ticket_id", "to_address", "created_at", "id", "message_id"
    )
    for ticket_id, address, at, row_id, message_id in ours:
        add(ticket_id, address, at, row_id, message_id)
    theirs = Message.objects.filter(
        ticket_id__in=ticket_ids, kind=MessageKind.REPLY, message_id__isnull=False
    ).values_list("ticket_id", "author__email", "created_at", "message_id")
    for ticket_id, address, at, their_id in theirs:
        add(ticket_id, address, at, 0, their_id)
    opening = (
        InboundMessage.objects.filter(ticket_id__in=ticket_ids)
        .exclude(message_id="")
        .values_list("ticket_id", "sender", "received_at", "message_id")
    )
    for ticket_id, address, at, message_id in opening:
        add(ticket_id, address, at, 0, message_id)
    for ids in found.values():
        ids.sort()
    return found


def read_batch(rows: list[OutgoingMail]) -> Batch:
    """Read what composing `rows` (with their tickets and units) needs: three queries
    for the threads, one for the units' addresses."""
    tickets = [row.ticket for row in rows if row.ticket is not None]
    units = {t.owning_unit_id for t in tickets} | {t.working_unit_id for t in tickets}
    units |= {row.article.unit_id for row in rows if row.article is not None}
    senders: dict[int, str] = {}
    addresses = MailAddress.objects.filter(unit_id__in=units, is_active=True).order_by(
        "unit_id", "id"
    )
    for unit_id, address in addresses.values_list("unit_id", "address"):
        senders.setdefault(unit_id, address)
    portal, desk = (
        path_for_each("portal:request", "reference"),
        path_for_each("desk:ticket", "reference"),
    )
    return Batch(senders, portal, desk, _thread_ids({t.pk for t in tickets}))


# --- composing ----------------------------------------------------------------------


def _unit_of(row: OutgoingMail, ticket: Ticket) -> SupportUnit:
    return ticket.owning_unit if row.kind in REQUESTER_KINDS else ticket.working_unit


def _from(unit: SupportUnit, batch: Batch) -> tuple[str, str]:
    """(From with the unit's name, the bare address for Reply-To)."""
    address = batch.senders.get(unit.pk) or settings.DEFAULT_FROM_EMAIL
    name = unit.name
    try:
        shown = str(Address(display_name=name, addr_spec=address)) if name else address
    except (ValueError, IndexError):  # an address the header parser refuses: bare
        shown = address
    return (shown if len(shown) <= 254 else address), address


def _threading(row: OutgoingMail, batch: Batch) -> tuple[str, list[str]]:
    """(In-Reply-To, References) of the row: the thread before it, as the recipient has it."""
    if row.ticket_id is None:
        return "", []
    earlier = [
        message_id
        for at, row_id, message_id in batch.threads.get((row.ticket_id, row.to_address.lower()), [])
        if row_id != row.pk and (row_id < row.pk if row_id else at <= row.created_at)
    ]
    ids = list(dict.fromkeys(earlier))  # each once, in order
    if not ids:
        return "", []
    references = ids if len(ids) <= MAX_REFERENCES else [ids[0], *ids[-(MAX_REFERENCES - 1) :]]
    return ids[-1], references


def _subject(row: OutgoingMail, ticket: Ticket) -> str:
    title = " ".join(ticket.title.split())
    agents: dict[str, str] = {
        MailKind.ASSIGNED: pgettext("mail subject", "Assigned to you"),
        MailKind.REQUESTER_REPLIED: pgettext("mail subject", "New reply"),
        MailKind.SLA_WARNING: pgettext("mail subject", "SLA warning"),
        MailKind.SLA_BREACH: pgettext("mail subject", "SLA breached"),
    }
    what = agents.get(row.kind)
    if what is None:
        subject = f"[{ticket.reference}] {title}"
    else:
        subject = f"[{ticket.reference}] {what}: {title}"
    return subject[:300]


def _link(row: OutgoingMail, ticket: Ticket, batch: Batch) -> str:
    page = batch.portal_page if row.kind in REQUESTER_KINDS else batch.desk_page
    return settings.SITE_URL.rstrip("/") + page(ticket.reference)


def _author_name(message: Message, row: OutgoingMail, ticket: Ticket) -> str:
    """Requesters read agents' first names (as in the portal); agents read full names."""
    author = message.author
    if row.kind in REQUESTER_KINDS and author.pk != ticket.requester_id:
        return author.get_short_name()
    return str(author)


def _next_step(ticket: Ticket) -> str:
    shared = selectors.shared_next_step(ticket)  # only what the desk shared
    return shared[0] if shared is not None else ""


def _context(row: OutgoingMail, ticket: Ticket, unit_name: str, batch: Batch
             ) -> dict[str, object]:  # fmt: skip
    reader = row.person
    context: dict[str, object] = {
        "kind": row.kind,
        "for_agent": row.kind not in REQUESTER_KINDS,
        "language": translation.get_language(),
        "reference": ticket.reference,
        "title": ticket.title,
        "name": reader.get_short_name() if reader is not None else "",
        "unit": unit_name,
        "link": _link(row, ticket, batch),
        "waiting": ticket.status == Status.WAITING_ON_REQUESTER,
        "resolved": ticket.status == Status.RESOLVED,
        "resolution": ticket.resolution,
        "next_step": _next_step(ticket),
        "reopen_days": ticket.owning_unit.reopen_window_days,
        "requester": str(ticket.requester),
        "priority": ticket.get_priority_display(),
    }
    if row.reply is not None:
        context["reply"] = row.reply.body
        context["author"] = _author_name(row.reply, row, ticket)
    if row.kind == MailKind.ACKNOWLEDGEMENT:
        promise = expectation(ticket)
        context["promise"] = promise.promise if promise is not None else ""
    if row.kind == MailKind.WAITING_REMINDER:
        since = waiting_since(ticket)
        context["since"] = wording.moment(since) if since is not None else ""
    if row.kind in (MailKind.SLA_WARNING, MailKind.SLA_BREACH) and row.due is not None:
        breached = row.kind == MailKind.SLA_BREACH
        context["sla"] = wording.sla_alert_words(row.clock, row.due, breached=breached)
    if ticket.assignee_id is not None and row.kind == MailKind.ASSIGNED:
        context["due"] = wording.moment(ticket.due_at) if ticket.due_at != NOTHING_DUE else ""
    return context


@cache
def _text_engine() -> Engine:
    """The templates of the plain-text part, rendered without HTML escaping: text/plain
    is never read as HTML, and a title "Printer & scanner" would read "Printer &amp;
    scanner" there. (The HTML part goes through the project's engine and escapes like
    every page.)"""
    pages = engines["django"].engine  # type: ignore[attr-defined]  # the backend's engine
    return Engine(dirs=pages.dirs, app_dirs=pages.app_dirs, libraries=pages.libraries,
                  autoescape=False)  # fmt: skip


def render_text(name: str, context: dict[str, object]) -> str:
    """A plain-text template rendered as written (no escaping), tidied."""
    return tidy(_text_engine().get_template(name).render(Context(context, autoescape=False)))


def tidy(text: str) -> str:
    """A plain-text part as people read it: no trailing blanks, at most one empty line
    in a row (template tags leave more), one newline at the end."""
    text = _TRAILING.sub("", text.replace("\r\n", "\n"))
    return _BLANK_LINES.sub("\n\n", text).strip() + "\n"


def compose_row(row: OutgoingMail, batch: Batch) -> None:
    """Fill the row's subject, parts, From, Reply-To and threading (not saved). Raises
    InternalNoteRefused for a row that carries a note: it is never mailed."""
    if row.reply is not None and row.reply.kind != MessageKind.REPLY:
        raise InternalNoteRefused(f"outbox row {row.pk} carries an internal note")
    ticket = row.ticket
    if ticket is None and row.article is not None:
        _compose_about_article(row, row.article, batch)
        return
    if ticket is None:
        raise ValueError(f"outbox row {row.pk} has no ticket to tell about")
    unit = _unit_of(row, ticket)
    in_reply_to, references = _threading(row, batch)
    with as_read_by(row.person):
        context = _context(row, ticket, unit.name, batch)
        subject = _subject(row, ticket)
        text = render_text(f"mail/{row.kind}.txt", context)
        html = render_to_string(f"mail/{row.kind}.html", context)
    # All or nothing: a row half composed would be sent half on the next try.
    row.from_address, row.reply_to = _from(unit, batch)
    row.in_reply_to, row.references = in_reply_to, " ".join(references)
    row.subject, row.text, row.html = subject, text, html


def _compose_about_article(row: OutgoingMail, article: Article, batch: Batch) -> None:
    """A review reminder: from the article's unit, to one of its managers, linking the
    article in the desk. No thread: each reminder stands alone."""
    with as_read_by(row.person):
        context: dict[str, object] = {
            "for_agent": True, "article": True, "language": translation.get_language(),
            "name": row.person.get_short_name() if row.person is not None else "",
            "title": article.title, "unit": article.unit.name,
            "review_by": format_date(article.review_by, "DATE_FORMAT") if article.review_by else "",
            "link": settings.SITE_URL.rstrip("/") + reverse("desk:article", args=[article.slug]),
        }  # fmt: skip
        subject = pgettext("mail subject", "Article to review: %(title)s") % {
            "title": " ".join(article.title.split())
        }
        text = render_text(f"mail/{row.kind}.txt", context)
        html = render_to_string(f"mail/{row.kind}.html", context)
    row.from_address, row.reply_to = _from(article.unit, batch)
    row.in_reply_to, row.references = "", ""
    row.subject, row.text, row.html = subject[:300], text, html


def compose_rows(rows: list[OutgoingMail]) -> dict[int, Exception]:
    """Compose the rows not composed yet (a retry keeps what was composed the first
    time); returns the rows that could not be composed, by id, with why."""
    fresh = [row for row in rows if not row.text]
    refused: dict[int, Exception] = {}
    if not fresh:
        return refused
    batch = read_batch(fresh)
    for row in fresh:
        try:
            compose_row(row, batch)
        except Exception as error:  # one broken row never stops the batch
            refused[row.pk] = error
    return refused


class _HeaderClasses(HeaderRegistry):
    """The standard header classes, each made once, and the headers parsed once.

    `HeaderRegistry` makes a new class (a `type()` call) for every header it parses: a
    third of the time Django spent building a mail (2.7 against 4.1 ms a mail,
    measured). And most of a batch's header values repeat (the unit's From and Reply-To,
    a person's To, the MIME headers of every part, a ticket's subject in each of its
    mails), while the standard library parses each into a tree again: a parsed header
    is a read-only `str`, so the same name and value can share one."""

    def __init__(self) -> None:
        super().__init__()
        self._made: dict[str, type[BaseHeader]] = {}
        self._parsed = lru_cache(maxsize=_REPEATED)(super().__call__)

    def __getitem__(self, name: str) -> type[BaseHeader]:
        key = name.lower()
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = super().__getitem__(name)
        return made

    def __call__(self, name: str, value: Any) -> BaseHeader:
        if type(value) is str:
            return self._parsed(name, value)
        return super().__call__(name, value)


# Distinct header values kept parsed and folded (a few hundred bytes each).
_REPEATED = 4096


@lru_cache(maxsize=_REPEATED)
def _folded(policy: EmailPolicy, name: str, value: BaseHeader) -> bytes:
    return EmailPolicy.fold_binary(policy, name, value)


class _OutboxPolicy(EmailPolicy):
    """SMTP's policy, folding a header value seen before from memory (folding walks the
    parsed tree again: a tenth of a mail's time)."""

    def fold_binary(self, name: str, value: Any) -> bytes:
        if isinstance(value, BaseHeader):
            return _folded(self, name, value)
        return super().fold_binary(name, value)


_SMTP = _OutboxPolicy(linesep="\r\n", header_factory=_HeaderClasses())


class OutboxMail(EmailMultiAlternatives):
    """Django's mail with both parts, built (for SMTP) with the header classes kept."""

    def message(self, *, policy: Policy | None = email.policy.default) -> EmailMessage:
        return super().message(policy=_SMTP if policy is email.policy.SMTP else policy)


def message_of(row: OutgoingMail) -> EmailMultiAlternatives:
    """The mail of a composed row, with its headers (see the module); no query."""
    headers = {
        "Message-ID": f"<{row.message_id}>",
        "X-Auto-Response-Suppress": "All",
        "X-Loop": row.reply_to or row.from_address,
    }
    if row.in_reply_to:
        headers["In-Reply-To"] = f"<{row.in_reply_to}>"
    if row.references:
        headers["References"] = " ".join(f"<{mid}>" for mid in row.references.split())
    if row.automatic:
        headers["Auto-Submitted"] = "auto-generated"
    message = OutboxMail(
        subject=row.subject,
        body=row.text,
        from_email=row.from_address,
        to=[row.to_address],
        reply_to=[row.reply_to] if row.reply_to else None,
        headers=headers,
    )
    if row.html:
        message.attach_alternative(row.html, "text/html")
    return message


def refusal_words(error: Exception) -> str:
    """Why a row could not be composed, for `last_error` (administrators read it)."""
    if isinstance(error, InternalNoteRefused):
        return gettext("Refused: an internal note is never mailed.")
    return f"{type(error).__name__}: {error}"[:1000]
