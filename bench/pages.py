"""Server-side time and SQL queries of the agent's desk pages, on a large database.

    .venv/bin/python bench/pages.py                  # `make bench`
    .venv/bin/python bench/pages.py --database-url postgres://postgres@127.0.0.1:5432/scotty_bench

Requests go through Django's test client in this process (middleware, view, templates,
database; no network or browser), signed in as the demo IT agent. Each page is fetched
a few times to warm up, then timed; the table shows the median and the 90th percentile,
and the queries of one more request. Without a benchmark database, 100,000 tickets are
generated first (about a minute). See bench/README.md.
"""

import argparse
import statistics
import sys
import time
from dataclasses import dataclass
from typing import Any

import benchdb

AGENT = "alex.carter@example.com"  # the demo's IT Service Desk agent


@dataclass(frozen=True)
class Page:
    label: str
    url: str
    lists_tickets: bool = True  # show the plan of its ticket list query


@dataclass(frozen=True)
class Query:
    sql: str  # with its parameters in place, for reading
    ms: float
    raw: str = ""  # as executed: placeholders, and the parameters bound apart
    params: Any = None


@dataclass(frozen=True)
class Result:
    page: Page
    median_ms: float
    p90_ms: float
    queries: list[Query]  # of one more request


class _Stopwatch:
    """Times each query precisely (CaptureQueriesContext rounds to whole milliseconds)."""

    def __init__(self) -> None:
        self.ms: list[float] = []
        self.executed: list[tuple[str, Any]] = []

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.ms.append((time.perf_counter() - started) * 1000)
            self.executed.append((sql, params))


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--database-url",
        help=f"default $DATABASE_URL, else {benchdb.DEFAULT_URL.removeprefix('sqlite:///')}",
    )
    parser.add_argument(
        "--tickets", type=int, default=100_000, help="tickets to generate if the database is empty"
    )
    parser.add_argument("--requests", type=int, default=30, help="timed requests per page (30)")
    parser.add_argument("--warmup", type=int, default=5, help="untimed requests first (5)")
    parser.add_argument("--agent", default=AGENT, help=f"e-mail of the agent ({AGENT})")
    parser.add_argument(
        "--explain",
        type=int,
        default=2,
        metavar="N",
        help="show the query plan of each page's N slowest queries (2; 0 for none)",
    )
    return parser.parse_args(argv)


def require_desk_pages() -> None:
    from django.urls import NoReverseMatch, reverse

    try:
        reverse("desk:home")
        reverse("desk:queue", kwargs={"slug": "open"})
        reverse("desk:ticket", kwargs={"reference": "IT-1001"})
    except NoReverseMatch as missing:
        sys.exit(
            "The desk pages are not there yet: bench/pages.py needs the URL names desk:home, "
            f"desk:queue (slug) and desk:ticket (reference).\n  ({missing})"
        )


def typical_ticket(agent: Any) -> tuple[str, int, int]:
    """A ticket an agent works on: among the latest 1,000 of the agent's first unit that are
    open and already picked up (new ones have no conversation yet), the one with the
    median number of messages. Returns (reference, messages, events)."""
    from django.db.models import Count

    from scotty.accounts.selectors import unit_ids_of
    from scotty.tickets.models import Message, Ticket, TicketEvent
    from scotty.tickets.states import Status

    units = unit_ids_of(agent)[:1]
    latest = list(
        Ticket.objects.filter(working_unit_id__in=units, is_open=True)
        .exclude(status=Status.NEW)
        .order_by("-id")
        .values_list("id", flat=True)[:1000]
    )
    if not latest:
        sys.exit("The agent's unit has no open tickets to open a ticket page on.")
    counts = dict(
        Message.objects.filter(ticket_id__in=latest)
        .values("ticket_id")
        .annotate(n=Count("id"))
        .values_list("ticket_id", "n")
    )
    ranked = sorted(latest, key=lambda pk: (counts.get(pk, 0), pk))
    chosen = ranked[len(ranked) // 2]
    reference = Ticket.objects.values_list("reference", flat=True).get(pk=chosen)
    events = TicketEvent.objects.filter(ticket_id=chosen).count()
    return reference, counts.get(chosen, 0), events


def pages(agent: Any) -> list[Page]:
    from django.urls import reverse

    reference, messages, events = typical_ticket(agent)
    queue = reverse("desk:queue", kwargs={"slug": "open"})
    return [
        Page("desk:home (default queue)", reverse("desk:home")),
        Page("desk:queue open, P2, status open", f"{queue}?priority=2&status=open"),
        Page("desk:queue open, due soonest", f"{queue}?sort=due"),
        Page(
            f"desk:ticket {reference} ({messages} messages, {events} events)",
            reverse("desk:ticket", kwargs={"reference": reference}),
            lists_tickets=False,
        ),
    ]


def measure(client: Any, page: Page, *, requests: int, warmup: int) -> Result:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(warmup):
        check(client.get(page.url), page)
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(page.url)
        timings.append((time.perf_counter() - started) * 1000)
        check(response, page)
    stopwatch = _Stopwatch()
    with CaptureQueriesContext(connection) as captured, connection.execute_wrapper(stopwatch):
        check(client.get(page.url), page)
    queries = [
        Query(q["sql"], ms, raw, params)
        for q, ms, (raw, params) in zip(
            captured.captured_queries, stopwatch.ms, stopwatch.executed, strict=True
        )
    ]
    p90 = (
        statistics.quantiles(timings, n=10, method="inclusive")[-1] if requests > 1 else timings[0]
    )
    return Result(page, statistics.median(timings), p90, queries)


def check(response: Any, page: Page) -> None:
    if response.status_code != 200:
        body = response.content.decode(errors="replace")[:500]
        sys.exit(f"{page.label}: {page.url} answered {response.status_code}\n{body}")


def explain(query: Query) -> list[str]:
    """The database's plan for one captured query, with its parameters bound as they were
    (SQLite plans `IN (?, ?)` differently from the same values written in the SQL)."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {query.raw}", query.params)
            return [row[0] for row in cursor.fetchall()]
        cursor.execute(f"EXPLAIN QUERY PLAN {query.raw}", query.params)
        return [f"{'  ' * _depth(row)}{row[-1]}" for row in cursor.fetchall()]


def _depth(row: tuple[Any, ...]) -> int:
    return 0 if row[1] == 0 else 1  # SQLite rows: (id, parent, notused, detail)


def report(results: list[Result], *, explain_top: int) -> None:
    width = max(len(r.page.label) for r in results)
    print(f"\n{'page':<{width}}  {'median':>9}  {'p90':>9}  {'queries':>7}  {'in SQL':>8}")
    for r in results:
        sql_ms = sum(q.ms for q in r.queries)
        print(
            f"{r.page.label:<{width}}  {r.median_ms:7.1f} ms  {r.p90_ms:7.1f} ms  "
            f"{len(r.queries):>7}  {sql_ms:5.1f} ms"
        )
    for r in results if explain_top else []:
        print(f"\n== {r.page.label}: {r.page.url}")
        shown = sorted(r.queries, key=lambda q: -q.ms)[:explain_top]
        lists = (q for q in r.queries if r.page.lists_tickets and _is_ticket_list(q.sql))
        listing = next(lists, None)
        if listing is not None and listing not in shown:
            shown.append(listing)
        for q in shown:
            what = "ticket list" if q is listing else "slow"
            print(f"\n-- {what}, {q.ms:.2f} ms: {_abridged(q.sql)}")
            if q.sql.lstrip().upper().startswith("SELECT") and q.raw:
                print("\n".join(f"   {line}" for line in explain(q)))


def _is_ticket_list(sql: str) -> bool:
    """The query that fetches a page of tickets (what the queue indexes are for)."""
    return (
        sql.startswith('SELECT "tickets_ticket"."id"') and " ORDER BY " in sql and " LIMIT " in sql
    )


def _abridged(sql: str) -> str:
    """SELECT ... FROM ...: the column list says nothing about the plan."""
    head, found, tail = sql.partition(" FROM ")
    return f"{head[:40]} ... FROM {tail}"[:700] if found else sql[:700]


def main(argv: list[str]) -> None:
    args = parse(argv)
    url = benchdb.database_url(args.database_url)
    if benchdb.is_postgres(url) and not benchdb.postgres_exists(url):
        benchdb.postgres_create(url, replace=False)
    benchdb.configure(url)
    if not benchdb.has_organisation():
        print(f"No organisation in {benchdb.describe(url)}: generating one first.")
        benchdb.fill(args.tickets, analyze=True)
    require_desk_pages()

    from django.core.management import call_command
    from django.test import Client

    from scotty.accounts.models import Person
    from scotty.tickets.models import Ticket

    # Production static storage needs its manifest; cheap, and keeps it in step with code.
    call_command("collectstatic", interactive=False, verbosity=0)
    agent = Person.objects.filter(email=args.agent).first()
    if agent is None:
        sys.exit(f"No agent {args.agent} in this database; pass --agent EMAIL.")
    client = Client()
    client.force_login(agent)
    total, still_open = Ticket.objects.count(), Ticket.objects.filter(is_open=True).count()
    print(
        f"{benchdb.describe(url)}: {total:,} tickets ({still_open:,} open). Signed in as "
        f"{agent.email}; {args.warmup} warm-up then {args.requests} timed requests per page."
    )
    results = [
        measure(client, page, requests=args.requests, warmup=args.warmup) for page in pages(agent)
    ]
    report(results, explain_top=args.explain)


if __name__ == "__main__":
    main(sys.argv[1:])
