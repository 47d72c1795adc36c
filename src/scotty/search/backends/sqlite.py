"""SQLite FTS5: one row per ticket (rowid = ticket id) in the virtual table
`search_ticket_fts`, columns title, names, public, notes holding analysed terms.

FTS5 walks a term's document list in rowid order, newest first when asked, so the
newest matching tickets come straight off the index; the scope (visibility and
filters) is checked per candidate with a correlated EXISTS on the tickets table.
"""

from collections.abc import Sequence

from django.db import connection
from django.db.models.expressions import RawSQL

from scotty.search.backends import Scope
from scotty.search.documents import Document
from scotty.search.query import Query, Term

# The candidate and its score: bm25 with the weights of title, names, public text and
# notes (a word in the title counts most), negated so that higher is better.
_HIT = "search_ticket_fts.rowid, -bm25(search_ticket_fts, 10.0, 4.0, 2.0, 1.0)"


def _term(term: Term) -> str:
    options = [f'"{t}"' for t in term.exact] + ([f'"{term.prefix}"*'] if term.prefix else [])
    return options[0] if len(options) == 1 else "(" + " OR ".join(options) + ")"


def match_expression(query: Query, *, public_only: bool) -> str:
    """The FTS5 query: every term, each one of its forms. Terms are letters and digits
    only (see `text`), so quoting them is all the escaping FTS5 needs."""
    expression = " AND ".join(_term(t) for t in query.terms)
    return f"{{title public}} : ({expression})" if public_only else expression


class SqliteBackend:
    def write(self, documents: Sequence[Document]) -> None:
        rows = [
            (d.ticket_id, " ".join(d.title), " ".join(d.names), " ".join(d.public),
             " ".join(d.notes))
            for d in documents
        ]  # fmt: skip
        with connection.cursor() as cursor:
            cursor.executemany(
                "DELETE FROM search_ticket_fts WHERE rowid = %s", [(r[0],) for r in rows]
            )
            cursor.executemany(
                "INSERT INTO search_ticket_fts (rowid, title, names, public, notes) "
                "VALUES (%s, %s, %s, %s, %s)",
                rows,
            )

    def remove_missing(self) -> int:
        with connection.cursor() as cursor:
            cursor.execute(
                "DELETE FROM search_ticket_fts WHERE rowid NOT IN (SELECT id FROM tickets_ticket)"
            )
            return cursor.rowcount

    def prepare_rebuild(self) -> None:
        pass

    def finish_rebuild(self) -> None:
        # Merge the b-tree segments the batches left: fewer to read per query.
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_ticket_fts (search_ticket_fts) VALUES ('optimize')")

    def candidates(self, query: Query, scope: Scope, *, limit: int) -> list[tuple[int, float]]:
        match = match_expression(query, public_only=scope.public_only)
        if scope.small:
            # A requester's handful of tickets: look each one up, rather than walking
            # every ticket in the organisation that has the word.
            sql, params = scope.tickets.values("id").query.sql_with_params()
            statement = (
                f"SELECT {_HIT} FROM ({sql}) AS scope CROSS JOIN search_ticket_fts "  # noqa: S608
                "WHERE search_ticket_fts.rowid = scope.id AND search_ticket_fts MATCH %s "
                "ORDER BY search_ticket_fts.rowid DESC LIMIT %s"
            )
            args = (*params, match, limit)
        else:
            # The scope, correlated to the candidate: EXISTS(this) applies the visibility
            # rule and the filters to each one. A constant column name, no user input.
            column = RawSQL("search_ticket_fts.rowid", ())
            same = scope.tickets.filter(pk=column).values("pk")
            sql, params = same.query.sql_with_params()
            statement = (
                f"SELECT {_HIT} FROM search_ticket_fts "  # noqa: S608
                f"WHERE search_ticket_fts MATCH %s AND EXISTS ({sql}) "
                "ORDER BY search_ticket_fts.rowid DESC LIMIT %s"
            )
            args = (match, *params, limit)
        with connection.cursor() as cursor:
            cursor.execute(statement, args)
            return [(int(i), float(s)) for i, s in cursor.fetchall()]
