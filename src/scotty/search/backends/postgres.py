"""PostgreSQL full text: one row per ticket in `search_ticket_document`, a tsvector
with a GIN index, written by Python (the terms come from `scotty.search.text`).

Two things PostgreSQL cannot do shape this backend:
- a GIN index cannot be walked in ticket order, so "the newest tickets with a common
  word" through it means fetching every such ticket (200,000 rows for "laptop" at a
  million tickets: 400 ms);
- its estimates for words that go together, or never do, are off by orders of
  magnitude, and for units whose tickets rarely hold a word that others' hold often.
So the terms are scoped by unit (`u3xprinter`: "printer" in a ticket of unit 3, for the
working and the owning unit), which puts visibility into the index itself, and the
backend chooses between bounded plans from what it sees in the newest tickets:
1. walk the newest SLICE tickets backwards (cost bounded by SLICE, whatever the words);
2. below them, fetch the matches through the GIN index when they are few, or
3. start from the scope's tickets when filters make those few and the words are common.
Every candidate is checked against the scope's query set (the visibility rule) in SQL.
"""

from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from django.db import connection, transaction
from django.db.backends.utils import CursorWrapper
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from scotty.search.backends import Scope
from scotty.search.documents import Document
from scotty.search.query import Query, Term
from scotty.tickets.models import Ticket

TABLE = "search_ticket_document"
INDEX = "search_ticket_document_terms"
SLICE = 20_000  # newest tickets walked first: at most ~15 ms of reading
# Slices more walked down when the first one's matches say they will fill the window:
# cheaper than the GIN index for a word common in the scope's older tickets too (a
# Facilities agent's "laptop": 23,000 matches to fetch through the index, 160 ms).
WALKS = 3
GIN_BUDGET = 20_000  # matches worth fetching through the GIN index (~1.5 us each)
SMALL = 20_000  # a requester's own tickets, at most (the busiest has a few hundred)
_WEIGHTS = ("A", "B", "C", "D")  # title, names, public text, notes
_MAX_POSITION = 16_383  # PostgreSQL's limits for a tsvector
_MAX_POSITIONS = 256
_MAX_TERMS = 30_000  # keeps a document well under the 1 MB a tsvector may hold


def _lexeme(unit: int, term: str) -> str:
    return f"u{unit}x{term}"


def tsvector(document: Document) -> str:
    """The tsvector literal of a document: each term once per unit, with its positions
    and its field as the weight."""
    positions: dict[str, list[str]] = defaultdict(list)
    fields = (document.title, document.names, document.public, document.notes)
    at = 0
    for weight, words in zip(_WEIGHTS, fields, strict=True):
        for term in words:
            if at >= _MAX_TERMS:
                break
            at += 1
            spot = f"{min(at, _MAX_POSITION)}{weight}"
            for unit in document.units:
                kept = positions[_lexeme(unit, term)]
                if len(kept) < _MAX_POSITIONS:
                    kept.append(spot)
    return " ".join(f"'{lexeme}':{','.join(p)}" for lexeme, p in positions.items())


def _term(unit: int, term: Term, weights: str) -> str:
    options = [f"'{_lexeme(unit, t)}'{':' + weights if weights else ''}" for t in term.exact]
    if term.prefix:
        options.append(f"'{_lexeme(unit, term.prefix)}':*{weights}")
    return "(" + " | ".join(options) + ")"


def tsquery(query: Query, units: Sequence[int], *, public_only: bool) -> str:
    """Any of the units, every term in it; requesters' restricted to the title and the
    public text (weights A and C). Terms are letters and digits only: no escaping."""
    weights = "AC" if public_only else ""
    return " | ".join(
        "(" + " & ".join(_term(unit, t, weights) for t in query.terms) + ")" for unit in units
    )


@contextmanager
def _planner(**flags: bool) -> Iterator[CursorWrapper]:
    """A cursor with some plan types switched off, for this transaction only and put
    back afterwards (the caller may be inside a longer transaction)."""
    with transaction.atomic(), connection.cursor() as cursor:
        before = {}
        for name, on in flags.items():
            cursor.execute("SELECT current_setting(%s)", [name])
            before[name] = cursor.fetchone()[0]
            cursor.execute("SELECT set_config(%s, %s, true)", [name, "on" if on else "off"])
        try:
            yield cursor
        finally:
            for name, value in before.items():
                cursor.execute("SELECT set_config(%s, %s, true)", [name, value])


def _same_ticket(tickets: QuerySet[Ticket]) -> tuple[str, tuple[Any, ...]]:
    """The scope's SQL, correlated to the candidate `d`: EXISTS(this) is the visibility
    rule (and the filters) applied to that candidate. The column is a constant."""
    same = tickets.filter(pk=RawSQL("d.ticket_id", ())).values("pk")
    sql, params = same.query.sql_with_params()
    return sql, tuple(params)


# The statements. Values are always parameters; only the scope's SQL, compiled by
# Django from the visibility rule, is put in by formatting.
_UPSERT = (
    "INSERT INTO search_ticket_document AS d "
    "(ticket_id, document, ticket_version, last_message_id) "
    "SELECT * FROM unnest(%s::bigint[], %s::text[]::tsvector[], %s::int[], %s::bigint[]) "
    "ON CONFLICT (ticket_id) DO UPDATE SET document = EXCLUDED.document, "
    "ticket_version = EXCLUDED.ticket_version, last_message_id = EXCLUDED.last_message_id "
    # Never back in time: a rebuild that read a ticket before a reply was added must
    # not overwrite the document the reply's service wrote.
    "WHERE (d.ticket_version, d.last_message_id) "
    "<= (EXCLUDED.ticket_version, EXCLUDED.last_message_id)"
)
_HIT = "SELECT d.ticket_id, ts_rank(d.document, %s::tsquery) FROM search_ticket_document d "
_WALK = _HIT + (
    "WHERE d.ticket_id > %s AND d.ticket_id <= %s AND d.document @@ %s::tsquery "
    "AND EXISTS ({same}) ORDER BY d.ticket_id DESC LIMIT %s"
)
_WALKED = (
    "SELECT count(*) FROM search_ticket_document WHERE ticket_id > %s AND document @@ %s::tsquery"
)
_BY_INDEX = (
    "SELECT ticket_id FROM search_ticket_document WHERE ticket_id <= %s AND document @@ %s::tsquery"
)
_AMONG = _HIT + (
    "WHERE d.ticket_id = ANY(%s) AND EXISTS ({same}) ORDER BY d.ticket_id DESC LIMIT %s"
)
_FROM_TICKETS = (
    "SELECT d.ticket_id, ts_rank(d.document, %s::tsquery) FROM ({scope}) AS scope "
    "JOIN search_ticket_document d ON d.ticket_id = scope.id "
    "WHERE d.document @@ %s::tsquery ORDER BY d.ticket_id DESC LIMIT %s"
)
_OWN = _HIT + (
    "WHERE d.ticket_id = ANY(%s) AND d.document @@ %s::tsquery ORDER BY d.ticket_id DESC LIMIT %s"
)
_GIN = (
    "CREATE INDEX IF NOT EXISTS search_ticket_document_terms "
    "ON search_ticket_document USING gin (document)"
)


def _hits(cursor: CursorWrapper) -> list[tuple[int, float]]:
    return [(int(i), float(s)) for i, s in cursor.fetchall()]


class PostgresBackend:
    def write(self, documents: Sequence[Document]) -> None:
        if not documents:
            return
        with connection.cursor() as cursor:
            cursor.execute(
                _UPSERT,
                [
                    [d.ticket_id for d in documents],
                    [tsvector(d) for d in documents],
                    [d.version for d in documents],
                    [d.last_message_id for d in documents],
                ],
            )

    def remove_missing(self) -> int:
        with connection.cursor() as cursor:
            cursor.execute(
                "DELETE FROM search_ticket_document d WHERE NOT EXISTS "
                "(SELECT 1 FROM tickets_ticket t WHERE t.id = d.ticket_id)"
            )
            return cursor.rowcount

    def prepare_rebuild(self) -> None:
        # Filling an empty table and building the GIN index once is about three times
        # faster than keeping the index up to date row by row.
        with connection.cursor() as cursor:
            cursor.execute("SELECT EXISTS (SELECT 1 FROM search_ticket_document)")
            if not cursor.fetchone()[0]:
                cursor.execute("DROP INDEX IF EXISTS search_ticket_document_terms")

    def finish_rebuild(self) -> None:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
            cursor.execute(_GIN)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_ticket_document")

    def candidates(self, query: Query, scope: Scope, *, limit: int) -> list[tuple[int, float]]:
        if not scope.units or query.empty:
            return []
        q = tsquery(query, scope.units, public_only=scope.public_only)
        if scope.small:
            # The person's own tickets, read first: joined, the planner reads the
            # selector's "filed OR watched" for every document that has the word.
            ids = list(scope.tickets.values_list("id", flat=True)[:SMALL])
            with connection.cursor() as cursor:
                cursor.execute(_OWN, (q, ids, q, limit))
                return _hits(cursor)
        with connection.cursor() as cursor:
            cursor.execute("SELECT max(ticket_id) FROM search_ticket_document")
            top = cursor.fetchone()[0]
        if top is None:
            return []
        floor = top - SLICE
        found = self._walk(q, scope.tickets, floor, top, limit)
        per_slice = len(found)
        if per_slice and limit - per_slice <= per_slice * WALKS:
            for _ in range(WALKS):
                if len(found) >= limit or floor <= 0:
                    break
                found += self._walk(q, scope.tickets, floor - SLICE, floor, limit - len(found))
                floor -= SLICE
        if len(found) >= limit or floor <= 0:
            return found
        rest = limit - len(found)
        below = scope.tickets.filter(id__lte=floor)
        walked = top - floor
        if scope.narrowed and self._matches_walked(q, floor) * floor / walked > GIN_BUDGET:
            # Common words, narrowed by filters to few tickets: start from those.
            return found + self._from_tickets(q, below, rest)
        return found + self._from_index(q, below, floor, rest)

    def _walk(
        self, q: str, tickets: QuerySet[Ticket], floor: int, top: int, limit: int
    ) -> list[tuple[int, float]]:
        """The newest matches above `floor` up to `top`, walking the primary key
        backwards (no bitmap: its cost grows with the word's matches, the walk's with
        the slice only)."""
        same, params = _same_ticket(tickets)
        with _planner(enable_bitmapscan=False) as cursor:
            cursor.execute(_WALK.format(same=same), (q, floor, top, q, *params, limit))
            return _hits(cursor)

    def _matches_walked(self, q: str, floor: int) -> int:
        with _planner(enable_bitmapscan=False) as cursor:
            cursor.execute(_WALKED, (floor, q))
            return int(cursor.fetchone()[0])

    def _from_index(
        self, q: str, tickets: QuerySet[Ticket], floor: int, limit: int
    ) -> list[tuple[int, float]]:
        """Matches at or below `floor` through the GIN index and nothing else (a walk or
        a sequential scan is what the planner's estimates sometimes choose here, at
        hundreds of milliseconds), then the newest of those in scope."""
        with _planner(enable_seqscan=False, enable_indexscan=False) as cursor:
            cursor.execute(_BY_INDEX, (floor, q))
            ids = [row[0] for row in cursor.fetchall()]
        if not ids:
            return []
        same, params = _same_ticket(tickets)
        with connection.cursor() as cursor:
            cursor.execute(_AMONG.format(same=same), (q, ids, *params, limit))
            return _hits(cursor)

    def _from_tickets(
        self, q: str, tickets: QuerySet[Ticket], limit: int
    ) -> list[tuple[int, float]]:
        """The scope's tickets, each looked up in the index: for scopes that are few."""
        sql, params = tickets.values("id").query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(_FROM_TICKETS.format(scope=sql), (q, *params, q, limit))
            return _hits(cursor)
