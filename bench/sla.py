"""The worker's periodic SLA check on a large database: what it touches and how long.

    .venv/bin/python bench/sla.py                     # SQLite, bench/out/scotty-bench.sqlite3
    .venv/bin/python bench/sla.py --database-url postgres://postgres@127.0.0.1:5432/scotty_bench

The generator leaves every open ticket with its clocks recomputed (bench/benchdb.py),
so most open tickets of a 120-day history are long breached and have an alert moment
in the past: exactly a worker coming back after a long downtime. The benchmark runs the
check as the worker does (`check_sla_alerts`, one batch a minute) in three phases, each
inside a transaction rolled back at the end so the database stays as generated:

1. steady state, before anything was announced: the check with "now" one minute before
   the earliest alert moment (nothing has come: the partial index answers "none");
2. catch-up: batches of `--batch` tickets until nothing is left, timed per batch, with
   the rows it touched (tickets read, alerts, events, notifications);
3. steady state again: one more check (nothing left, as after the catch-up).

Printed: tickets in the database, open tickets, tickets with an alert moment, and per
phase the tickets touched, the rows written and the time.
"""

import argparse
import statistics
import sys
import time
from datetime import timedelta

import benchdb


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", help="default $DATABASE_URL, else the SQLite file")
    parser.add_argument("--batch", type=int, default=500, help="tickets a check (500)")
    parser.add_argument("--batches", type=int, default=500, help="catch-up batches at most (500)")
    return parser.parse_args(argv)


class Rollback(Exception):
    """Leaves the benchmark's transaction without keeping what it wrote."""


def main(argv: list[str]) -> None:
    args = parse(argv)
    url = benchdb.open_existing(args.database_url)

    from django.core.management import call_command
    from django.db import transaction
    from django.db.models import Min
    from django.utils import timezone

    from scotty.tickets.models import Ticket
    from scotty.tickets.services.alerts import check_sla_alerts

    call_command("migrate", verbosity=0)
    total = Ticket.objects.count()
    open_tickets = Ticket.objects.filter(is_open=True).count()
    pending = Ticket.objects.filter(sla_alert_at__isnull=False)
    print(f"{benchdb.describe(url)}: {total:,} tickets, {open_tickets:,} open, "
          f"{pending.count():,} with an alert moment.")  # fmt: skip
    earliest = pending.aggregate(first=Min("sla_alert_at"))["first"]
    if earliest is None:
        sys.exit("No ticket has an alert moment: does the generator recompute the clocks?")
    now = timezone.now()
    try:
        with transaction.atomic():
            began = time.perf_counter()
            run = check_sla_alerts(now=earliest - timedelta(minutes=1), batch=args.batch)
            print(f"\n1. nothing has come: touched {run.touched} tickets in "
                  f"{(time.perf_counter() - began) * 1000:.1f} ms")  # fmt: skip
            print(f"\n2. catch-up, batches of {args.batch} (at most {args.batches}):")
            timings = []
            for number in range(1, args.batches + 1):
                began = time.perf_counter()
                run = check_sla_alerts(now=now, batch=args.batch)
                seconds = time.perf_counter() - began
                if run.touched == 0:
                    break
                timings.append(seconds)
                print(f"   batch {number:>3}: {run.touched:>4} tickets, {run.recorded:>4} alerts "
                      f"(+ as many events), {run.notified:>5} notifications, "
                      f"{len(run.stale):>4} too old to notify: {seconds:6.2f} s")  # fmt: skip
            if timings:
                middle = statistics.median(timings)
                print(f"   median {middle:.2f} s a batch, "
                      f"{middle / args.batch * 1000:.2f} ms a ticket")  # fmt: skip
            began = time.perf_counter()
            run = check_sla_alerts(now=now + timedelta(seconds=1), batch=args.batch)
            print(f"\n3. the next check: touched {run.touched} tickets in "
                  f"{(time.perf_counter() - began) * 1000:.1f} ms")  # fmt: skip
            raise Rollback
    except Rollback:
        print("\n(rolled back: the database is as generated)")


if __name__ == "__main__":
    main(sys.argv[1:])
