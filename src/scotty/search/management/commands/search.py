"""`scotty search rebuild`: recompute the whole search index from the tickets and the
knowledge articles.

Needed after loading tickets in bulk (the demo generator, an import), to pick up
requesters' new names or e-mail addresses, or to repair the index. Safe while people
work; batch by batch, so memory stays flat.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from scotty.search.articles import rebuild_article_index
from scotty.search.services import BATCH, RebuildProgress, rebuild_index


class Command(BaseCommand):
    help = "Search index upkeep: `rebuild` recomputes every ticket's and article's words."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["rebuild"], help="what to do")
        parser.add_argument(
            "--batch", type=int, default=BATCH, help=f"tickets per transaction ({BATCH})"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        step = max(options["batch"], 50_000)

        def report(done: RebuildProgress) -> None:
            if done.tickets % step < options["batch"]:
                self.stdout.write(f"  {done.tickets:>10,} tickets  {done.seconds:7.1f} s")

        summary = rebuild_index(batch=max(1, options["batch"]), progress=report)
        self.stdout.write(f"Indexed {summary.tickets:,} tickets in {summary.seconds:.1f} s.")
        articles = rebuild_article_index()
        self.stdout.write(f"Indexed {articles:,} knowledge articles.")
