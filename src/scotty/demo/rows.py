"""Writing generated rows fast: `executemany` on SQLite, `COPY` on PostgreSQL.

`bulk_create` spends most of its time compiling each value through the field API
(measured: 60% of a demo load); a million tickets are ~9 million rows. Here values go
to the driver as they are, with ids given by us so related rows can point at them
before they are written. Only the generator uses this; everything else uses the ORM.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from operator import attrgetter
from typing import Any

from django.core.management.color import no_style
from django.db import connection, models

from scotty.tickets.models import Message, Ticket, TicketAnswer, TicketEvent


@dataclass(slots=True)
class MessageRow:
    """A tickets_message row; attribute names are the model's column attnames."""

    id: int
    ticket_id: int
    author_id: int
    kind: str
    body: str
    channel: str
    created_at: datetime
    message_id: str | None = None
    quoted: str = ""


@dataclass(slots=True)
class EventRow:
    """A tickets_ticketevent row; `message` is linked to `message_id` once it has an id."""

    ticket_id: int
    actor_id: int | None
    at: datetime
    kind: str
    field: str
    old_value: str
    new_value: str
    is_public: bool
    version: int
    message_id: int | None = None


@dataclass(frozen=True)
class Table:
    model: type[models.Model]
    attnames: tuple[str, ...]
    columns: str  # quoted, comma-separated, in the order of `attnames`
    datetimes: tuple[int, ...]  # positions of datetime columns (SQLite wants them as text)

    @classmethod
    def of(cls, model: type[models.Model], *, with_id: bool = True) -> "Table":
        fields = [f for f in model._meta.concrete_fields if with_id or f.attname != "id"]
        quote = connection.ops.quote_name
        return cls(
            model,
            tuple(f.attname for f in fields),
            ", ".join(quote(f.column or f.attname) for f in fields),
            tuple(i for i, f in enumerate(fields) if isinstance(f, models.DateTimeField)),
        )


TICKETS = Table.of(Ticket)
MESSAGES = Table.of(Message)
EVENTS = Table.of(TicketEvent, with_id=False)  # nothing points at events: the database numbers them
TAG_LINKS = Table.of(Ticket.tags.through, with_id=False)
WATCH_LINKS = Table.of(Ticket.watchers.through, with_id=False)
ANSWERS = Table.of(TicketAnswer, with_id=False)


class Writer:
    """Hands out ids and inserts rows on the default connection."""

    def __init__(self) -> None:
        self.next_ids: dict[type[models.Model], int] = {}
        self.postgres = connection.vendor == "postgresql"

    def allocate(self, model: type[models.Model], count: int) -> int:
        """The first of `count` fresh ids for `model` (the caller is the only writer)."""
        if model not in self.next_ids:
            table = connection.ops.quote_name(model._meta.db_table)
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")  # noqa: S608
                self.next_ids[model] = cursor.fetchone()[0] + 1
        first = self.next_ids[model]
        self.next_ids[model] = first + count
        return first

    def insert(self, table: Table, objects: Sequence[Any]) -> None:
        """Write `objects` (models or rows with the table's attnames) in one statement."""
        if not objects:
            return
        get = attrgetter(*table.attnames)
        rows: Iterable[tuple[Any, ...]] = (get(o) for o in objects)
        if len(table.attnames) == 1:
            rows = ((value,) for value in rows)
        name, columns = connection.ops.quote_name(table.model._meta.db_table), table.columns
        with connection.cursor() as cursor:
            if self.postgres:
                with cursor.copy(f"COPY {name} ({columns}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
                return
            marks = ", ".join(["%s"] * len(table.attnames))
            sql = f"INSERT INTO {name} ({columns}) VALUES ({marks})"  # noqa: S608
            text = _sqlite_datetime()
            cursor.executemany(sql, [_for_sqlite(row, table.datetimes, text) for row in rows])

    def finish(self) -> None:
        """Move PostgreSQL's id sequences past the ids we gave (SQLite needs nothing)."""
        if not self.postgres or not self.next_ids:
            return
        statements = connection.ops.sequence_reset_sql(no_style(), list(self.next_ids))
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


def _sqlite_datetime() -> Callable[[datetime | None], str | None]:
    """Django's conversion of datetimes for SQLite, with a fast path for the UTC values
    the generator makes (Django's own took 15% of a profiled load)."""
    adapt = connection.ops.adapt_datetimefield_value
    if connection.timezone_name != "UTC":
        return adapt

    def text(value: datetime | None) -> str | None:
        if value is not None and value.tzinfo is UTC:
            return str(value.replace(tzinfo=None))
        return adapt(value)

    return text


def _for_sqlite(
    row: tuple[Any, ...], datetimes: tuple[int, ...], text: Callable[[Any], str | None]
) -> tuple[Any, ...]:
    if not datetimes:
        return row
    values = list(row)
    for i in datetimes:
        values[i] = text(values[i])
    return tuple(values)
