"""Reading a person's notifications: only ever their own."""

from django.core.cache import cache
from django.db.models import QuerySet

from scotty.accounts.models import Person
from scotty.notifications.models import Notification, OutgoingMail

# The bell's count stops here ("99+").
COUNT_CAP = 99
KEEP_SECONDS = 300


def count_key(person_id: int) -> str:
    return f"notices-unread:{person_id}"


def unread_count(person: Person) -> int:
    """How many unread notifications the person has (capped), from the cache while
    nothing was added or read; one query otherwise."""
    key = count_key(person.pk)
    found = cache.get(key)
    if isinstance(found, int):
        return found
    unread = Notification.objects.filter(person=person, read_at__isnull=True)
    count = unread[: COUNT_CAP + 1].count()
    cache.set(key, count, KEEP_SECONDS)
    return count


def recent(person: Person, *, limit: int = 50) -> QuerySet[Notification]:
    """The person's latest notifications, newest first, with their tickets (articles)."""
    return (
        Notification.objects.filter(person=person)
        .select_related("ticket", "article")
        .order_by("-created_at", "-id")[:limit]
    )


def mails_of_replies(reply_ids: list[int]) -> dict[int, list[OutgoingMail]]:
    """The outbox rows that carry these public replies, by reply id, in the order they
    were written: whether each reply's mail was sent, is pending or failed. One query
    for a whole timeline (none without replies). For agents only: the addresses are
    watchers' too."""
    found: dict[int, list[OutgoingMail]] = {}
    if not reply_ids:
        return found
    rows = OutgoingMail.objects.filter(reply_id__in=reply_ids).only(
        "reply_id", "to_address", "state", "last_error", "sent_at", "attempts"
    )
    for row in rows.order_by("id"):
        if row.reply_id is not None:
            found.setdefault(row.reply_id, []).append(row)
    return found
