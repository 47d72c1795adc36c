"""`scotty sla recompute`: recompute every ticket's SLA clocks from its history;
`scotty sla alerts`: announce the warnings and breaches that have come, as the worker
does every minute (for a cron job instead of the worker, or to see what it touches).

After a policy's targets or a calendar changed (tickets keep their due times until
something on them changes otherwise), or after tickets were loaded in bulk. Safe while
people work: batch by batch, each in its own transaction; a ticket changed meanwhile
is recomputed by the service that changed it anyway.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from scotty.tickets.models import Ticket
from scotty.tickets.services.alerts import check_sla_alerts
from scotty.tickets.services.clocks import recompute_clocks


class Command(BaseCommand):
    help = "SLA upkeep: `recompute` recomputes the tickets' due times from their histories."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["recompute", "alerts"], help="what to do")
        parser.add_argument("--open-only", action="store_true",
                            help="open tickets only (others keep what they achieved)")  # fmt: skip
        parser.add_argument("--adopt", action="store_true",
                            help="give tickets without a policy their owning unit's")  # fmt: skip
        parser.add_argument("--batch", type=int, default=500, help="tickets per transaction")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "alerts":
            run = check_sla_alerts(batch=max(1, options["batch"]))
            self.stdout.write(
                f"Looked at {run.touched:,} tickets: {run.recorded:,} alerts recorded, "
                f"{run.notified:,} notifications, {run.skipped:,} made already, "
                f"{len(run.stale):,} too old to notify."
            )
            return
        tickets = (
            Ticket.objects.filter(is_open=True) if options["open_only"] else Ticket.objects.all()
        )
        changed = recompute_clocks(tickets, adopt=options["adopt"], batch=max(1, options["batch"]))
        self.stdout.write(f"Recomputed the clocks; {changed:,} tickets changed.")
