"""Keeping the search index in step with tickets: the only writers of the index.

The ticket services call `index_ticket` in the same transaction as the change that
altered a ticket's words (opening, a reply or note, a new title, a transfer, which
moves the ticket to other units' searches). Requesters' new names and e-mail addresses
are rare and not worth a write to every ticket they ever filed: `rebuild_index` (the
`scotty search rebuild` command) picks them up, as it does tickets loaded in bulk.
"""

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.db import DatabaseError, transaction
from django.db.models import Max

from scotty.search.backends import backend
from scotty.search.documents import documents_for
from scotty.tickets.models import Ticket

logger = logging.getLogger(__name__)

BATCH = 5_000


def index_ticket(ticket: Ticket) -> None:
    """Write the ticket's document as its rows are now (title, names, description,
    replies, notes, units).

    Never fails the change it follows: an index write that goes wrong is logged and
    rolled back alone (the words people wrote are kept; a rebuild repairs the index).
    """
    documents = documents_for([ticket.pk])
    try:
        with transaction.atomic():  # a savepoint: only this is undone on error
            backend().write(documents)
    except DatabaseError:
        logger.exception(
            "Could not index ticket %s; `scotty search rebuild` repairs it.", ticket.pk
        )


@dataclass(frozen=True)
class RebuildProgress:
    tickets: int  # indexed so far
    seconds: float


def rebuild_index(
    *, batch: int = BATCH, progress: Callable[[RebuildProgress], None] | None = None
) -> RebuildProgress:
    """Recompute every ticket's document, `batch` tickets per transaction in id order,
    then drop documents of tickets that are gone. Searches keep working meanwhile (a
    first build on PostgreSQL creates the GIN index at the end, so until then they are
    slower). Safe to run while people work: a document is never replaced by one built
    from older rows."""
    started = time.perf_counter()
    index = backend()
    index.prepare_rebuild()
    top = Ticket.objects.aggregate(top=Max("id"))["top"] or 0
    done, low = 0, 0
    while low < top:
        with transaction.atomic():
            documents = documents_for((low, low + batch))
            index.write(documents)
        done += len(documents)
        low += batch
        if progress is not None:
            progress(RebuildProgress(done, time.perf_counter() - started))
    with transaction.atomic():
        index.remove_missing()
    index.finish_rebuild()
    return RebuildProgress(done, time.perf_counter() - started)
