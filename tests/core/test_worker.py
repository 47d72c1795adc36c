"""`scotty worker`: the background process that runs Scotty's periodic jobs."""

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import time_machine
from django.utils import timezone

from scotty.core.management.commands.worker import READY
from scotty.core.testing import Org, file_ticket
from scotty.tickets.models import Ticket
from scotty.tickets.services import transition
from scotty.tickets.states import Status
from scotty.tickets.tasks import close_expired_resolutions_task


def test_the_worker_starts_with_its_periodic_jobs_and_stops_cleanly(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "SCOTTY_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "scotty.settings",
    }
    env.pop("REDIS_URL", None)  # the embedded default: huey on SQLite in the data folder
    worker = subprocess.Popen(
        [sys.executable, "-m", "scotty", "worker"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        deadline, seen = time.monotonic() + 30, ""
        while READY not in seen and time.monotonic() < deadline:
            line = worker.stdout.readline()  # type: ignore[union-attr]
            if not line:
                break
            seen += line
        assert "Periodic tasks are enabled" in seen
        assert "close_expired_resolutions_task" in seen
    finally:  # READY comes once the consumer's signal handlers are in place
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(timeout=30) == 0
    assert (tmp_path / "tasks.sqlite3").exists()


def test_the_periodic_job_closes_resolutions_whose_window_passed(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it)
    transition(ticket, actor=org.agent, to=Status.RESOLVED, expected_version=ticket.version,
               resolution="Replaced the toner.")  # fmt: skip
    close_expired_resolutions_task()  # huey runs tasks inline in tests
    assert Ticket.objects.get().status == Status.RESOLVED
    with time_machine.travel(timezone.now() + timedelta(days=org.it.reopen_window_days, hours=1)):
        close_expired_resolutions_task()
    assert Ticket.objects.get().status == Status.CLOSED
