"""Reading the mail channel's state for the desk: how each IMAP mailbox is doing.

A mailbox is unhealthy when it keeps failing (FAILING_AFTER polls in a row) or has
not been read for its `unhealthy_after_minutes`; the worker alerts the administrators
when one becomes so (`inbound.imap`), and the desk's mailbox page shows why.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone
from django.utils.translation import gettext, ngettext

from scotty.core.lookups import ByKey
from scotty.core.timewords import time_ago
from scotty.mail.models import Mailbox

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
