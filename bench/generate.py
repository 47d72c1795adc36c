"""Create a fresh benchmark database and fill it with N tickets; print how long it took.

    .venv/bin/python bench/generate.py --tickets 100000
    .venv/bin/python bench/generate.py --tickets 1000000 \\
        --database-url postgres://postgres@127.0.0.1:5432/scotty_bench

SQLite goes to bench/out/scotty-bench.sqlite3 unless --database-url says otherwise; a
PostgreSQL database is created if missing. An existing database with tickets is kept
unless --replace is given. See bench/README.md.
"""

import argparse
import sys
import time

import benchdb


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tickets", type=int, default=100_000, help="default 100,000")
    parser.add_argument(
        "--database-url",
        help=f"default $DATABASE_URL, else {benchdb.DEFAULT_URL.removeprefix('sqlite:///')}",
    )
    parser.add_argument("--replace", action="store_true", help="drop an existing database")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--full-share",
        type=float,
        default=0.1,
        help="share of finished tickets with a whole conversation (open ones always); 0.1",
    )
    parser.add_argument(
        "--analyze",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="run ANALYZE after loading (VACUUM ANALYZE on PostgreSQL), as any database in use "
        "has statistics (autovacuum; SQLite's `PRAGMA optimize`); on by default",
    )
    return parser.parse_args(argv)


def prepare(url: str, *, replace: bool) -> None:
    """Make sure an empty database exists at `url` (before Django connects)."""
    if benchdb.is_postgres(url):
        if replace or not benchdb.postgres_exists(url):
            benchdb.postgres_create(url, replace=replace)
    elif replace:
        benchdb.remove_sqlite(url)


def generate(url: str, tickets: int, *, seed: int, full_share: float, analyze: bool) -> None:
    """Fill the configured database; refuses one that already has an organisation."""
    if benchdb.has_organisation():
        sys.exit(
            f"{benchdb.describe(url)} already holds an organisation. "
            "Pass --replace to start again, or use it as it is."
        )
    print(f"Generating {tickets:,} tickets into {benchdb.describe(url)}")
    benchdb.fill(tickets, seed=seed, full_share=full_share, analyze=analyze)


def main(argv: list[str]) -> None:
    args = parse(argv)
    if args.tickets < 1:
        sys.exit("--tickets must be at least 1.")
    url = benchdb.database_url(args.database_url)
    started = time.perf_counter()
    prepare(url, replace=args.replace)
    benchdb.configure(url)
    generate(url, args.tickets, seed=args.seed, full_share=args.full_share, analyze=args.analyze)
    print(f"Done in {time.perf_counter() - started:.1f} s.")


if __name__ == "__main__":
    main(sys.argv[1:])
