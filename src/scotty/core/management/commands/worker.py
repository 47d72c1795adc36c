"""`scotty worker`: runs background and periodic jobs (huey's consumer).

The consumer is built here rather than through huey's `run_huey`, only to say when it
is ready: `READY` is printed once its threads run and its signal handlers are in
place, so `scotty run` knows the worker is up and may be stopped with a signal.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.module_loading import autodiscover_modules
from huey.consumer import Consumer

READY = "Scotty's background worker is ready."


class _Consumer(Consumer):
    def start(self) -> None:
        super().start()
        print(READY, flush=True)  # not a log record: LOG_LEVEL must not hide it


class Command(BaseCommand):
    help = "Run Scotty's background worker (periodic jobs, queued tasks)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--workers", type=int, default=2, help="Worker threads.")

    def handle(self, *args: Any, **options: Any) -> None:
        from huey.contrib.djhuey import HUEY

        autodiscover_modules("tasks")  # every app's tasks.py registers its jobs
        _Consumer(HUEY, workers=options["workers"], worker_type="thread").run()
