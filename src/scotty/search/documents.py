"""A ticket's searchable words, read from its rows: what both index backends store.

Four fields, ranked in this order: the title; the names (reference, requester's name and
e-mail); the public text (description, public replies and the resolution, which the
requester reads too); internal notes, which only agents' searches look at. Read in bulk,
so the rebuild and a single update share it.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from scotty.search.text import terms
from scotty.tickets.models import Message, MessageKind, Ticket


@dataclass(frozen=True)
class Document:
    ticket_id: int
    units: tuple[int, ...]  # working unit, then owning unit when it differs
    title: list[str]
    names: list[str]
    public: list[str]
    notes: list[str]
    # What it was built from: an index row never goes back to older sources.
    version: int
    last_message_id: int


_TICKET_FIELDS = (
    "id", "reference", "title", "description", "requester__full_name", "requester__email",
    "working_unit_id", "owning_unit_id", "version", "resolution",
)  # fmt: skip


def documents_for(tickets: Iterable[int] | tuple[int, int]) -> list[Document]:
    """Documents of the tickets with these ids, or of the id range (low, high] when
    given a pair; two queries whatever their number."""
    if isinstance(tickets, tuple):
        low, high = tickets
        rows = Ticket.objects.filter(id__gt=low, id__lte=high)
        messages = Message.objects.filter(ticket_id__gt=low, ticket_id__lte=high)
    else:
        ids = list(tickets)
        rows = Ticket.objects.filter(id__in=ids)
        messages = Message.objects.filter(ticket_id__in=ids)
    conversation: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    for ticket_id, message_id, kind, body in messages.order_by().values_list(
        "ticket_id", "id", "kind", "body"
    ):
        conversation[ticket_id].append((message_id, kind, body))
    found = []
    for values in rows.order_by("id").values_list(*_TICKET_FIELDS):
        tid, reference, title, description, name, email, working, owning, version, fix = values
        said = sorted(conversation.get(tid, ()))
        public = terms(description)
        notes: list[str] = []
        for _, kind, body in said:
            (notes if kind == MessageKind.NOTE else public).extend(terms(body))
        public.extend(terms(fix))
        found.append(
            Document(
                ticket_id=tid,
                units=(working,) if working == owning else (working, owning),
                title=terms(title),
                names=terms(f"{reference} {name} {email}"),
                public=public,
                notes=notes,
                version=version,
                last_message_id=said[-1][0] if said else 0,
            )
        )
    return found
