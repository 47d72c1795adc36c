"""Server-side time of "find anything" (desk:search, portal:search) on a large database.

    .venv/bin/python bench/search.py                  # SQLite, bench/out/scotty-bench.sqlite3
    .venv/bin/python bench/search.py --database-url postgres://postgres@127.0.0.1:5432/scotty_bench
    .venv/bin/python bench/search.py --rebuild        # (re)build the index first, timed

Each query is the whole results page through Django's test client in this process
(middleware, search, snippets, templates), signed in as the demo IT agent unless the
row says otherwise; a few untimed requests first, then the median and the 90th
percentile of the timed ones, and the SQL queries of one more request. See bench/README.md.
"""

import argparse
import sys
import time
from typing import Any
from urllib.parse import urlencode

import benchdb
import pages

AGENT = "alex.carter@example.com"  # IT Service Desk
FACILITIES = "nina.petersen@example.com"  # a unit whose tickets rarely say "laptop"

# (label, who, side, query string): the words an agent types, typical and awkward.
QUERIES: list[tuple[str, str, str, dict[str, str]]] = [
    ("common word 'laptop' (20% of tickets)", "agent", "desk", {"q": "laptop "}),
    ("rare word 'retry' (0.05%)", "agent", "desk", {"q": "retry "}),
    ("name 'frederik muller' (Müller)", "agent", "desk", {"q": "frederik muller "}),
    ("prefix while typing 'lapt'", "agent", "desk", {"q": "lapt"}),
    ("prefix while typing 'retr'", "agent", "desk", {"q": "retr"}),
    ("two words seldom together 'laptop payslip'", "agent", "desk", {"q": "laptop payslip "}),
    ("very common 'thanks' (77%)", "agent", "desk", {"q": "thanks "}),
    ("'laptop', Facilities agent", "facilities", "desk", {"q": "laptop "}),
    ("'laptop', filter waiting on requester", "agent", "desk",
     {"q": "laptop ", "status": "waiting_requester"}),
    ("portal: a requester's own 'laptop'", "requester", "portal", {"q": "laptop "}),
]  # fmt: skip


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", help="default $DATABASE_URL, else the SQLite file")
    parser.add_argument("--requests", type=int, default=30, help="timed requests per query (30)")
    parser.add_argument("--warmup", type=int, default=5, help="untimed requests first (5)")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the index first (timed)")
    parser.add_argument("--explain", type=int, default=0, metavar="N",
                        help="plans of each query's N slowest SQL statements (0)")  # fmt: skip
    return parser.parse_args(argv)


def people() -> dict[str, Any]:
    from django.db.models import Count

    from scotty.accounts.models import Person
    from scotty.tickets.models import Ticket

    busiest = Ticket.objects.values("requester_id").annotate(n=Count("id")).order_by("-n").first()
    found = {
        "agent": Person.objects.filter(email=AGENT).first(),
        "facilities": Person.objects.filter(email=FACILITIES).first(),
        "requester": Person.objects.get(pk=busiest["requester_id"]) if busiest else None,
    }
    missing = [who for who, person in found.items() if person is None]
    if missing:
        sys.exit(f"No {', '.join(missing)} in this database: is it the demo organisation?")
    return found


def indexed() -> int:
    from django.db import connection

    table = "search_ticket_document" if connection.vendor == "postgresql" else "search_ticket_fts"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 (a constant)
        return int(cursor.fetchone()[0])


def main(argv: list[str]) -> None:
    args = parse(argv)
    url = benchdb.open_existing(args.database_url)

    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse

    from scotty.search.services import rebuild_index
    from scotty.tickets.models import Ticket

    call_command("migrate", "search", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    if args.rebuild or not indexed():
        print(f"Building the search index of {benchdb.describe(url)} ...")
        started = time.perf_counter()
        done = rebuild_index()
        print(f"  {done.tickets:,} tickets indexed in {time.perf_counter() - started:.1f} s")
    who = people()
    clients = {}
    for role, person in who.items():
        clients[role] = Client()
        clients[role].force_login(person)
    print(
        f"{benchdb.describe(url)}: {Ticket.objects.count():,} tickets, {indexed():,} indexed. "
        f"{args.warmup} warm-up then {args.requests} timed requests per query; "
        f"requester: {who['requester'].email}."
    )
    results = []
    for label, role, side, query in QUERIES:
        path = reverse("desk:search" if side == "desk" else "portal:search")
        page = pages.Page(label, f"{path}?{urlencode(query)}", lists_tickets=False)
        results.append(measure(clients[role], page, requests=args.requests, warmup=args.warmup))
    pages.report(results, explain_top=args.explain)
    print("\nmatches (ranked window: the newest 500 of them)")
    for label, role, side, query in QUERIES:
        print(f"  {label:<45} {matches(who[role], side, query)}")


def measure(client: Any, page: Any, *, requests: int, warmup: int) -> Any:
    """pages.measure, counting every statement through one execute wrapper (the search
    sets planner options inside a transaction, which the query log records apart)."""
    import statistics

    from django.db import connection

    for _ in range(warmup):
        pages.check(client.get(page.url), page)
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(page.url)
        timings.append((time.perf_counter() - started) * 1000)
        pages.check(response, page)
    seen: list[pages.Query] = []

    def record(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        began = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            seen.append(pages.Query(sql, (time.perf_counter() - began) * 1000, sql, params))

    with connection.execute_wrapper(record):
        pages.check(client.get(page.url), page)
    p90 = (
        statistics.quantiles(timings, n=10, method="inclusive")[-1] if requests > 1 else timings[0]
    )
    return pages.Result(page, statistics.median(timings), p90, seen)


def matches(person: Any, side: str, query: dict[str, str]) -> str:
    from scotty.search.selectors import search
    from scotty.tickets.queues import QueueFilters

    filters = QueueFilters(status=query.get("status", "")) if side == "desk" else None
    found = search(person, query["q"], as_agent=side == "desk", filters=filters)
    return f"{found.total}{'+' if found.capped else ''}"


if __name__ == "__main__":
    main(sys.argv[1:])
