"""`scotty demo`: load the demo organisation once, and print how to sign in.

Only into an empty database: the demo adds hundreds of accounts, an administrator among
them, and has no business beside a real organisation. Run again, it changes nothing
and prints the sign-ins. Their passwords are made at random for this installation and
kept in the data folder (`scotty.demo.org.installation_passwords`); nobody else in the
demo can sign in.
"""

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from scotty.demo.generator import Scale, Summary, load
from scotty.demo.org import demo_exists, installation_passwords, sign_in_lines, what_is_here
from scotty.search.services import rebuild_index
from scotty.tickets.models import Ticket
from scotty.tickets.services.clocks import recompute_clocks


class Command(BaseCommand):
    help = "Load the demo organisation (units, people, tickets) into an empty database."

    def add_arguments(self, parser: CommandParser) -> None:
        defaults = Scale()
        parser.add_argument("--tickets", type=int, default=defaults.tickets)
        parser.add_argument("--requesters", type=int, default=defaults.requesters)
        parser.add_argument(
            "--days", type=int, default=defaults.days, help="Spread tickets over this many days."
        )
        parser.add_argument("--seed", type=int, default=defaults.seed)

    def handle(self, *args: Any, **options: Any) -> None:
        talk = options["verbosity"] > 0  # 0: `scotty run` prints the sign-ins itself
        if demo_exists():
            if talk:
                self.stdout.write("The demo organisation is already loaded; nothing to do.")
        else:
            self._refuse_a_database_in_use()
            scale = Scale(
                tickets=options["tickets"],
                requesters=options["requesters"],
                days=options["days"],
                seed=options["seed"],
            )
            if scale.tickets < 0 or scale.requesters < 1 or scale.days < 1:
                raise CommandError("Need tickets >= 0, requesters >= 1 and days >= 1.")
            if talk:
                self.stdout.write("Loading the demo organisation ...")
            started = time.perf_counter()
            passwords = installation_passwords(settings.DATA_DIR)
            with transaction.atomic():  # all or nothing: a half demo would never be completed
                summary = load(scale, passwords=passwords)
            # The rows were written in bulk, past the ticket services that keep the
            # search index: index them once, so the demo's tickets can be found.
            rebuild_index()
            # Likewise the SLA clocks: each ticket's due times and what it achieved.
            recompute_clocks(Ticket.objects.all(), adopt=True)
            if talk:
                self._report(summary, time.perf_counter() - started)
        if talk:
            lines = sign_in_lines(settings.DATA_DIR)
            self.stdout.write("\n".join(["", *lines]) if lines else "(No demo sign-ins here.)")

    def _refuse_a_database_in_use(self) -> None:
        found = what_is_here()
        if found:
            raise CommandError(
                f"This database already holds {found} that the demo did not make: the demo "
                "loads only into an empty database, never beside a real organisation. "
                "For a demo, point SCOTTY_DATA_DIR (SQLite) or DATABASE_URL at a new one."
            )

    def _report(self, summary: Summary, seconds: float) -> None:
        self.stdout.write(
            f"Created {summary.tickets:,} tickets, {summary.messages:,} messages and "
            f"{summary.events:,} events in {seconds:.1f} s."
        )
