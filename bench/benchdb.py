"""Choosing, creating and filling the benchmark database; shared by generate.py and pages.py.

Scotty reads its settings from the environment, so everything here happens before
`django.setup()`: the database URL, a data folder under bench/out/ (secret key, static
files) that keeps the benchmarks away from ./data, and the test client's host name.
"""

import os
import sys
import time
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
OUT_DIR = BENCH_DIR / "out"
DEFAULT_SQLITE = OUT_DIR / "scotty-bench.sqlite3"
DEFAULT_URL = f"sqlite:///{DEFAULT_SQLITE}"
SRC_DIR = BENCH_DIR.parent / "src"


def database_url(given: str | None) -> str:
    """--database-url, else $DATABASE_URL, else the SQLite file under bench/out/."""
    return given or os.environ.get("DATABASE_URL") or DEFAULT_URL


def describe(url: str) -> str:
    """The URL without its password, for printing."""
    if url.startswith("sqlite"):
        return f"SQLite {url.removeprefix('sqlite:///')}"
    head, _, tail = url.rpartition("@")
    user = head.split("//", 1)[-1].split(":", 1)[0]
    return f"PostgreSQL {user}@{tail}" if head else f"PostgreSQL {url}"


def is_postgres(url: str) -> bool:
    return url.startswith(("postgres://", "postgresql://"))


def configure(url: str) -> None:
    """Point Scotty at `url` and set Django up (production settings, DEBUG off)."""
    OUT_DIR.mkdir(exist_ok=True)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("SCOTTY_DATA_DIR", str(OUT_DIR / "data"))
    os.environ["DEBUG"] = "false"  # DEBUG would log every query and change the timings
    os.environ["ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"  # Django's test client
    os.environ["DJANGO_SETTINGS_MODULE"] = "scotty.settings"
    if str(SRC_DIR) not in sys.path:
        sys.path.insert(0, str(SRC_DIR))
    import django

    django.setup()


# --- PostgreSQL databases are created and dropped from the maintenance database ---------


def _pg_parts(url: str) -> tuple[dict[str, Any], str]:
    import dj_database_url

    config = dj_database_url.parse(url)
    params = {
        "host": config.get("HOST") or None,
        "port": config.get("PORT") or None,
        "user": config.get("USER") or None,
        "password": config.get("PASSWORD") or None,
        "dbname": "postgres",
        "autocommit": True,
    }
    return {k: v for k, v in params.items() if v is not None}, str(config["NAME"])


def postgres_exists(url: str) -> bool:
    import psycopg

    params, name = _pg_parts(url)
    with psycopg.connect(**params) as conn:
        found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
    return found is not None


def postgres_create(url: str, *, replace: bool) -> None:
    import psycopg
    from psycopg import sql

    params, name = _pg_parts(url)
    with psycopg.connect(**params) as conn:
        if replace:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def database_exists(url: str) -> bool:
    if is_postgres(url):
        return postgres_exists(url)
    return Path(url.removeprefix("sqlite:///")).exists()


def remove_sqlite(url: str) -> None:
    path = Path(url.removeprefix("sqlite:///"))
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


# --- Filling (after configure) --------------------------------------------------------------


def open_existing(given: str | None) -> str:
    """Configure Django for the bench database `given` (or the default) and return its
    URL; exit with a word of advice when it holds no organisation yet."""
    url = database_url(given)
    configure(url)
    if not has_organisation():
        sys.exit(f"No organisation in {describe(url)}: run bench/generate.py first.")
    return url


def has_organisation() -> bool:
    """Whether the configured database already holds support units (False when empty)."""
    from django.db.utils import OperationalError, ProgrammingError

    from scotty.demo.org import demo_exists

    try:
        return demo_exists()
    except (OperationalError, ProgrammingError):  # no tables yet: a fresh database
        return False


def fill(tickets: int, *, seed: int = 42, full_share: float = 0.1, analyze: bool = True) -> None:
    """Migrate the configured database and load `tickets` tickets into it, with timings."""
    from django.core.management import call_command
    from django.db import connection

    from scotty.demo.generator import Scale, Summary, load

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    print(f"  migrated in {time.perf_counter() - started:.1f} s")
    _fast_loading(connection)
    scale = Scale(
        tickets=tickets,
        requesters=max(400, tickets // 25),
        extra_agents=tickets // 5000,
        seed=seed,
        full_share=full_share,
        batch_size=5000,
    )
    step = max(scale.batch_size, tickets // 10)

    def progress(s: Summary) -> None:
        if s.tickets % step < scale.batch_size or s.tickets == tickets:
            rate = s.tickets / s.seconds if s.seconds else 0
            print(f"  {s.tickets:>10,} tickets  {s.seconds:7.1f} s  ({rate:,.0f} tickets/s)")

    summary = load(scale, progress=progress)
    rows = summary.tickets + summary.messages + summary.events
    print(
        f"  loaded {summary.tickets:,} tickets, {summary.messages:,} messages, "
        f"{summary.events:,} events ({rows:,} rows) in {summary.seconds:.1f} s"
    )
    add_views()
    began = time.perf_counter()
    changed = recompute_open_clocks()
    print(f"  SLA clocks of {changed:,} open tickets in {time.perf_counter() - began:.1f} s")
    if analyze:
        # On PostgreSQL, autovacuum on a live database keeps statistics and the visibility
        # map current; without the map, capped counts fetch every row from the table
        # instead of reading the index alone. A freshly COPYed table has neither yet.
        # On SQLite, the statistics Scotty's worker gathers every night (sampled ANALYZE).
        from scotty.core.statistics import refresh_statistics

        began = time.perf_counter()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        else:
            refresh_statistics()
        print(f"  statistics (ANALYZE) in {time.perf_counter() - began:.1f} s")
    print(f"  total {time.perf_counter() - started:.1f} s")


def recompute_open_clocks() -> int:
    """The SLA clocks of the open tickets, which the rows were written without (what
    `scotty sla recompute --open-only --adopt` does): the queues' due column, sort and
    filters then read real due times. Finished tickets keep none (no achieved times)."""
    from scotty.tickets.models import Ticket
    from scotty.tickets.services.clocks import recompute_clocks

    return recompute_clocks(Ticket.objects.filter(is_open=True), adopt=True, batch=2000)


def add_views() -> int:
    """Give the queues' unread markers real rows to probe: a TicketView for each assigned
    ticket, by its assignee (who opened it at its last change; one in ten a day before
    it, so unread), as the desk writes them when agents open tickets (the generator
    writes none itself). Returns how many rows were added (none the second time)."""
    from django.db import connection

    began = time.perf_counter()
    if connection.vendor == "postgresql":
        stale = "updated_at - INTERVAL '1 day'"
    else:
        stale = "strftime('%Y-%m-%d %H:%M:%f', updated_at, '-1 day')"
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO tickets_ticketview (person_id, ticket_id, seen_at) "  # noqa: S608
            f"SELECT assignee_id, id, CASE WHEN id % 10 = 0 THEN {stale} ELSE updated_at END "
            "FROM tickets_ticket WHERE assignee_id IS NOT NULL ON CONFLICT DO NOTHING"
        )
        added = cursor.rowcount
    print(f"  {added:,} ticket views (unread markers) in {time.perf_counter() - began:.1f} s")
    return added


def _fast_loading(connection: Any) -> None:
    # A benchmark database can be regenerated, so durability during the load is not
    # needed: skip waiting for the disk on each commit.
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET synchronous_commit TO off")
        else:
            cursor.execute("PRAGMA synchronous = OFF")
            cursor.execute("PRAGMA cache_size = -262144")  # 256 MB for index building
