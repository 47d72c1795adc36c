"""The index, on whichever database Scotty runs: SQLite FTS5 or PostgreSQL full text.

Both store the terms `scotty.search.text` produced and answer the same question: the
newest tickets of a scope (a query set that applies the visibility rule) whose words
match, with a relevance score. Everything else (ranking the window, snippets, paging)
is shared code in `scotty.search.selectors`.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from django.db import connection
from django.db.models import QuerySet

from scotty.search.documents import Document
from scotty.search.query import Query
from scotty.tickets.models import Ticket


@dataclass(frozen=True)
class Scope:
    """Where to look. `tickets` is the visibility rule's query set (with any filters):
    every candidate is checked against it in the same SQL statement."""

    tickets: QuerySet[Ticket]
    units: tuple[int, ...]  # the units those tickets belong to (PostgreSQL narrows on them)
    public_only: bool  # requesters: title and public text only, never notes or names
    small: bool = False  # a requester's own tickets: start from them, not from the words
    narrowed: bool = False  # filters beyond visibility (status, assignee ...)


class Backend(Protocol):
    def write(self, documents: Sequence[Document]) -> None:
        """Store these documents, replacing the tickets' previous ones."""

    def remove_missing(self) -> int:
        """Drop documents of tickets that no longer exist; how many."""

    def prepare_rebuild(self) -> None:
        """Called before a full rebuild (a chance to defer index upkeep)."""

    def finish_rebuild(self) -> None:
        """Called after a full rebuild."""

    def candidates(self, query: Query, scope: Scope, *, limit: int) -> list[tuple[int, float]]:
        """Up to `limit` (ticket id, score) of the newest matching tickets in scope,
        newest first; a higher score is a better match."""


def backend() -> Backend:
    """The backend for the configured database."""
    if connection.vendor == "postgresql":
        from scotty.search.backends.postgres import PostgresBackend

        return PostgresBackend()
    from scotty.search.backends.sqlite import SqliteBackend

    return SqliteBackend()
