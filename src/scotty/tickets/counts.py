"""The desk's queue counts, kept in the cache per agent until a ticket of theirs changes.

Every desk page shows the capped count of each queue (`queues.queue_counts`, one query).
Agents read far more pages than tickets change, so the counts are kept in the shared
cache (Redis, or the embedded default's files: every web process sees the same), keyed
by the agent and their units, and tagged with each unit's generation: a token that every
write to a ticket replaces, as it writes and again after commit, for the units the
ticket was and is in (`ticket_changed`, called by the ticket services' four writes:
opening, `apply_changes`, `claim_version`, a message's stamps). A count read after a
change is therefore counted again; one read before it is tagged with a token replaced.

What no write announces: a waiting ticket whose follow-up date comes ("needs my action"
gains it), so an entry ends at the agent's next such date; and tickets leaving the
"recently resolved" window or written past the services (the admin site, bulk loads),
which an entry misses for at most KEEP_SECONDS.
"""

import time
import uuid
from collections.abc import Iterable
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.db.models import Min
from django.utils import timezone

from scotty.accounts.models import Person
from scotty.tickets import queues
from scotty.tickets.queues import QueueCount
from scotty.tickets.selectors import desk_units

KEEP_SECONDS = 60
_EVERY_UNIT = "queue-generation:all"  # administrators count every unit


def _generation_key(unit_id: int) -> str:
    return f"queue-generation:{unit_id}"


def ticket_changed(*unit_ids: int | None) -> None:
    """A ticket of these units (the ones it was in and is in) is being written: every
    count of these units is counted again from now on, and again once the transaction
    commits (a count read meanwhile saw the rows before the change)."""
    keys = {_generation_key(u) for u in unit_ids if u is not None} | {_EVERY_UNIT}

    def renew() -> None:
        cache.set_many(dict.fromkeys(keys, uuid.uuid4().hex), timeout=None)

    renew()
    transaction.on_commit(renew)


def desk_counts(person: Person, *, also: tuple[str, ...] = ()) -> list[QueueCount]:
    """`queues.queue_counts(person, also=also)`, from the cache while no ticket of the
    person's units changed; no query then."""
    units = desk_units(person)
    generations = [_EVERY_UNIT] if units is None else [_generation_key(u) for u in units]
    key = f"queue-counts:{person.pk}:{units}:{','.join(also)}"
    found = cache.get_many([key, *generations])
    tags = [found.get(g) for g in generations]
    entry = found.get(key)
    if entry is not None and _fresh(entry, tags):
        return [QueueCount(queues.queue(s), n, capped) for s, n, capped in entry["counts"]]
    counted = queues.queue_counts(person, also=also)
    until = min(time.time() + KEEP_SECONDS, _next_due(person))
    entry = {
        "tags": tags,
        "until": until,
        "counts": [(c.queue.slug, c.count, c.capped) for c in counted],
    }
    cache.set(key, entry, KEEP_SECONDS)
    return counted


def _fresh(entry: Any, tags: Iterable[Any]) -> bool:
    return (
        isinstance(entry, dict)
        and entry.get("tags") == list(tags)
        and entry.get("until", 0.0) > time.time()
    )


def _next_due(person: Person) -> float:
    """When the next of the person's waiting tickets comes back to them by its date
    (moves from "my waiting" to "needs my action" without any write); never: infinity."""
    now = timezone.now()
    due = (
        queues.queue_tickets(person, "my-waiting")
        .filter(waiting_until__gt=now)
        .aggregate(due=Min("waiting_until"))["due"]
    )
    return due.timestamp() if due is not None else float("inf")
