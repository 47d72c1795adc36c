"""The one place that tells people things: rows in their notification list now, and
(with the e-mail issue) outbox rows beside them, in the caller's transaction."""

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from scotty.accounts.models import Person
from scotty.notifications.models import Notification
from scotty.notifications.selectors import count_key
from scotty.tickets.models import Ticket

if TYPE_CHECKING:  # knowledge imports the notifications (its reminders)
    from scotty.knowledge.models import Article


def notify(people: Iterable[int], kind: str, *, ticket: Ticket | None = None, clock: str = "",
           due: datetime | None = None, article: "Article | None" = None) -> int:  # fmt: skip
    """Tell each of these people (ids; each once) `kind` about `ticket` (or `article`).
    Returns how many were told."""
    ids = sorted(set(people))
    now = timezone.now()
    Notification.objects.bulk_create(
        Notification(person_id=pk, kind=kind, ticket=ticket, article=article, clock=clock,
                     due=due, created_at=now)
        for pk in ids
    )  # fmt: skip
    _forget_counts(ids)
    return len(ids)


def mark_read(person: Person, notification_ids: Iterable[int] | None = None) -> int:
    """Mark the person's notifications read (these ids, or all); others' are untouched."""
    unread = Notification.objects.filter(person=person, read_at__isnull=True)
    if notification_ids is not None:
        unread = unread.filter(pk__in=list(notification_ids))
    marked = unread.update(read_at=timezone.now())
    _forget_counts([person.pk])
    return marked


def _forget_counts(ids: list[int]) -> None:
    keys = [count_key(pk) for pk in ids]

    def forget() -> None:
        cache.delete_many(keys)

    forget()
    transaction.on_commit(forget)  # a count read meanwhile saw the rows before
