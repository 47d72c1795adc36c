"""Reading the mail channel's state for the desk: how each IMAP mailbox is doing, and
the e-mail a ticket's entries came from ("the e-mail as sent").

A mailbox is unhealthy when it keeps failing (FAILING_AFTER polls in a row) or has
not been read for its `unhealthy_after_minutes`; the worker alerts the administrators
when one becomes so (`inbound.imap`), and the desk's mailbox page shows why.
"""

import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from html import escape, unescape
from urllib.parse import unquote

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from scotty.core.lookups import ByKey
from scotty.core.timewords import time_ago
from scotty.mail.inbound.parse import Unparseable, parse
from scotty.mail.inbound.parsed import ParsedMail, Part
from scotty.mail.models import InboundMessage, InboundState, Mailbox
from scotty.tickets.models import Channel, Ticket

# One failed poll is a blip (a server restarting); this many in a row, a failure.
FAILING_AFTER = 3


class Health:
    HEALTHY = "healthy"
    UNHEALTHY = "unhealthy"
    WAITING = "waiting"  # never read yet, and not failing (yet)
    PAUSED = "paused"  # not polled: an administrator turned it off


@dataclass(frozen=True)
class MailboxHealth(ByKey):
    mailbox: Mailbox
    state: str  # a Health value
    words: str  # the state in words, with why when unhealthy
    note: str  # the last problem of a poll that did not fail (a message left behind)

    @property
    def unhealthy(self) -> bool:
        return self.state == Health.UNHEALTHY

    @property
    def label(self) -> str:
        """The state in a word or two."""
        return {
            Health.HEALTHY: gettext("Healthy"),
            Health.UNHEALTHY: gettext("Unhealthy"),
            Health.WAITING: gettext("Waiting for its first poll"),
            Health.PAUSED: gettext("Paused"),
        }[self.state]


def is_failing(mailbox: Mailbox) -> bool:
    return mailbox.failures >= FAILING_AFTER


def is_stale(mailbox: Mailbox, at: datetime) -> bool:
    """Not read successfully for longer than its limit (a mailbox never read is not
    stale: it is waiting for its first poll, or failing)."""
    limit = timedelta(minutes=mailbox.unhealthy_after_minutes)
    return mailbox.last_success_at is not None and at - mailbox.last_success_at > limit


def is_unhealthy(mailbox: Mailbox, at: datetime | None = None) -> bool:
    """Whether the mailbox counts as unhealthy at `at` (now): polled, and failing or stale."""
    at = at or timezone.now()
    return mailbox.is_active and (is_failing(mailbox) or is_stale(mailbox, at))


def health_of(mailbox: Mailbox, now: datetime | None = None) -> MailboxHealth:
    """One mailbox's health, in words for the desk."""
    now = now or timezone.now()
    note = "" if mailbox.failures else mailbox.last_error
    if not mailbox.is_active:
        return MailboxHealth(mailbox, Health.PAUSED, gettext("Not polled (turned off)"), note)
    if is_failing(mailbox):
        words = ngettext(
            "Failing: the last %(count)d poll failed: %(error)s",
            "Failing: the last %(count)d polls failed: %(error)s",
            mailbox.failures,
        ) % {"count": mailbox.failures, "error": mailbox.last_error}
        return MailboxHealth(mailbox, Health.UNHEALTHY, words, "")
    if is_stale(mailbox, now):
        assert mailbox.last_success_at is not None
        words = gettext("Not read since %(when)s (the limit is %(minutes)d minutes)") % {
            "when": time_ago(mailbox.last_success_at, now=now),
            "minutes": mailbox.unhealthy_after_minutes,
        }
        if mailbox.failures:
            words = gettext("%(words)s; last error: %(error)s") % {
                "words": words, "error": mailbox.last_error}  # fmt: skip
        return MailboxHealth(mailbox, Health.UNHEALTHY, words, "")
    if mailbox.last_success_at is None:
        words = gettext("Not read yet")
        if mailbox.failures:
            words = gettext("Not read yet; the last poll failed: %(error)s") % {
                "error": mailbox.last_error}  # fmt: skip
        return MailboxHealth(mailbox, Health.WAITING, words, "")
    words = gettext("Read %(when)s") % {"when": time_ago(mailbox.last_success_at, now=now)}
    if mailbox.failures:  # a blip: fewer than FAILING_AFTER in a row
        words = gettext("%(words)s; the last poll failed: %(error)s") % {
            "words": words, "error": mailbox.last_error}  # fmt: skip
    return MailboxHealth(mailbox, Health.HEALTHY, words, note)


def mailbox_health(
    mailboxes: Iterable[Mailbox] | None = None, *, now: datetime | None = None
) -> list[MailboxHealth]:
    """Every mailbox (or these) with its health, by name: what the desk's mailbox page
    lists. One query."""
    if mailboxes is None:
        mailboxes = Mailbox.objects.select_related("address").order_by("name")
    now = now or timezone.now()
    return [health_of(mailbox, now) for mailbox in mailboxes]


def unhealthy_mailboxes(now: datetime | None = None) -> list[MailboxHealth]:
    """The mailboxes that are unhealthy now."""
    return [h for h in mailbox_health(Mailbox.objects.filter(is_active=True).order_by("name"),
                                      now=now) if h.unhealthy]  # fmt: skip


# --- The e-mail as sent: the stored message a conversation entry (or a ticket's
# description) came from, read again from its bytes (nothing is stored twice).

# The image types served from a message to a browser: raster images only (an SVG is a
# document that can carry scripts).
SHOWN_IMAGE_TYPES = frozenset({"image/png", "image/gif", "image/jpeg", "image/webp"})
_TAG = re.compile(r'<[a-zA-Z](?:[^>"]|"[^"]*")*>')
_IMG = re.compile(r"<img[\s/>]", re.IGNORECASE)
_CID_SOURCE = re.compile(r'\ssrc="cid:([^"]*)"', re.IGNORECASE)


@dataclass(frozen=True)
class Originals:
    """Which entries of a ticket page came from a stored e-mail: the InboundMessage id
    by conversation entry (Message id), and that of the mail that opened the ticket."""

    by_message: dict[int, int] = field(default_factory=dict)
    description: int | None = None


def _became_part_of(ticket: Ticket) -> Q:
    """Stored mail that is an entry of this ticket: a reply or note on it (its
    conversation entry's ticket: a reply to a closed ticket is on the follow-up), or the
    mail that opened it."""
    return Q(reply__ticket=ticket) | Q(ticket=ticket, reply__isnull=True, outcome="created")


def originals_of(ticket: Ticket, message_ids: Collection[int]) -> Originals:
    """The stored mail behind these conversation entries of `ticket` (those that came
    by e-mail) and behind its description. One query for the whole page; none when
    no entry came by e-mail and the ticket was not opened by one."""
    opened_by_mail = ticket.channel == Channel.EMAIL
    if not message_ids and not opened_by_mail:
        return Originals()
    wanted = Q(reply_id__in=list(message_ids))
    if opened_by_mail:
        wanted |= Q(ticket=ticket, reply__isnull=True, outcome="created")
    rows = InboundMessage.objects.filter(wanted, state=InboundState.PROCESSED)
    by_message: dict[int, int] = {}
    description = None
    for inbound_id, reply_id in rows.order_by("id").values_list("id", "reply_id"):
        if reply_id is None:
            description = description or inbound_id
        else:
            by_message.setdefault(reply_id, inbound_id)
    return Originals(by_message, description)


def original_of(ticket: Ticket, inbound_id: int) -> InboundMessage | None:
    """The stored mail `inbound_id` if it is an entry of `ticket` (see `originals_of`);
    None for any other (another ticket's, a quarantined one's). The caller has checked
    that the reader may work the ticket."""
    found = InboundMessage.objects.filter(
        _became_part_of(ticket), pk=inbound_id, state=InboundState.PROCESSED
    )
    return found.first()


def read_original(inbound: InboundMessage, *, remote_images: bool = False) -> ParsedMail | None:
    """The stored message parsed again, its HTML sanitised as the ingester had it (remote
    images kept only with `remote_images`: an agent asked); None if it cannot be read."""
    try:
        return parse(bytes(inbound.raw), remote_images=remote_images)
    except Unparseable:
        return None


def shown_image(mail: ParsedMail, index: int) -> Part | None:
    """The message's part `index` if it is an image a browser may be given."""
    if not 0 <= index < len(mail.parts):
        return None
    part = mail.parts[index]
    return part if part.content_type.lower() in SHOWN_IMAGE_TYPES else None


def _content_id_of(source: str) -> str:
    """The Content-ID a `cid:` address names (RFC 2392: URL-encoded, no brackets)."""
    return unquote(unescape(source)).strip().strip("<>")


def with_image_addresses(mail: ParsedMail, address: Callable[[int], str]) -> str:
    """The mail's sanitised HTML with each `cid:` source pointing where the image part it
    names is served (`address(index)`); a source that names no image of the message is
    dropped (its `img` keeps its alt text).

    The HTML is nh3's output: well-formed, every attribute in double quotes, no "<" in
    text and no '"' in an attribute; so each match of _TAG is a whole tag, and a `src`
    found in an `img` tag is its attribute. What replaces one is only our address."""
    images: dict[str, int] = {}
    for index, part in enumerate(mail.parts):
        if part.content_id and shown_image(mail, index) is not None:
            images.setdefault(part.content_id, index)
            images.setdefault(part.content_id.lower(), index)

    def source(found: re.Match[str]) -> str:
        content_id = _content_id_of(found.group(1))
        index = images.get(content_id, images.get(content_id.lower()))
        return "" if index is None else f' src="{escape(address(index))}"'

    def tag(found: re.Match[str]) -> str:
        text = found.group()
        return _CID_SOURCE.sub(source, text) if _IMG.match(text) else text

    return _TAG.sub(tag, mail.html)
