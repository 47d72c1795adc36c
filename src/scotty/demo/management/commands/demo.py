"""`scotty demo`: load the demo organisation once, and print how to sign in.

`make run` calls it on every start, so a second run changes nothing and only prints
the sign-ins again.
"""

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from scotty.accounts.models import Person
from scotty.demo.generator import Scale, Summary, load
from scotty.demo.org import DEMO_PASSWORD, demo_exists, sign_ins


class Command(BaseCommand):
    help = "Load the demo organisation (units, people, tickets) unless it is there already."

    def add_arguments(self, parser: CommandParser) -> None:
        defaults = Scale()
        parser.add_argument("--tickets", type=int, default=defaults.tickets)
        parser.add_argument("--requesters", type=int, default=defaults.requesters)
        parser.add_argument(
            "--days", type=int, default=defaults.days, help="Spread tickets over this many days."
        )
        parser.add_argument("--seed", type=int, default=defaults.seed)

    def handle(self, *args: Any, **options: Any) -> None:
        if demo_exists():
            self.stdout.write("The demo organisation is already loaded; nothing to do.")
        else:
            scale = Scale(
                tickets=options["tickets"],
                requesters=options["requesters"],
                days=options["days"],
                seed=options["seed"],
            )
            if scale.tickets < 0 or scale.requesters < 1 or scale.days < 1:
                raise CommandError("Need tickets >= 0, requesters >= 1 and days >= 1.")
            self.stdout.write("Loading the demo organisation ...")
            started = time.perf_counter()
            with transaction.atomic():  # all or nothing: a half demo would never be completed
                summary = load(scale)
            self._report(summary, time.perf_counter() - started)
        self._print_sign_ins()

    def _report(self, summary: Summary, seconds: float) -> None:
        self.stdout.write(
            f"Created {summary.tickets:,} tickets, {summary.messages:,} messages and "
            f"{summary.events:,} events in {seconds:.1f} s."
        )

    def _print_sign_ins(self) -> None:
        accounts = [s for s in sign_ins() if Person.objects.filter(email=s.email).exists()]
        if not accounts:
            self.stdout.write("(The support units exist but not the demo people: no sign-ins.)")
            return
        self.stdout.write("")
        self.stdout.write(f"Scotty: {settings.SITE_URL.rstrip('/')}/")
        self.stdout.write(f'Demo sign-ins, all with the password "{DEMO_PASSWORD}":')
        width = max(len(s.role) for s in accounts)
        for account in accounts:
            self.stdout.write(f"  {account.role:<{width}}  {account.email}")
