"""`scotty run` (what `make run` calls): set up and start all of Scotty, stop it all again.

It lives with the demo because it decides about the demo, and a command that reaches
every part of Scotty belongs to the outer layer, not to core (tests/test_architecture).

1. Listen on HOST:PORT first, so a port in use stops everything before it starts, and
   the URL printed is the socket actually served (PORT=0 picks a free port).
2. Migrate and collect the static files.
3. The demo, only on the embedded default (no DATABASE_URL) and only into an empty
   database: a configured database may be a production one, and the demo brings
   hundreds of accounts, an administrator among them.
4. The background worker (`scotty worker`), its log in the data folder; it must say it
   is ready, or `run` stops with the end of its log.
5. The web server (`scotty serve`, gunicorn) on the socket from step 1.
6. Watch both: if one stops, stop the other and fail with the reason. Ctrl-C, SIGTERM
   or SIGHUP stop the web server, then the worker (which finishes its task); a second
   one kills them at once.
"""

import os
import signal
import socket
import sys
import time
from types import FrameType
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, connections
from django.urls import reverse

from scotty.core.env import env_str
from scotty.core.management import children
from scotty.core.management.commands.worker import READY
from scotty.core.management.listening import (
    answers,
    listen,
    listens_everywhere,
    port_number,
    url_of,
)
from scotty.demo.org import demo_exists, sign_in_lines, what_is_here

_WATCH_SECONDS = 0.5
_STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


class _Stop(Exception):
    """A stop was asked for (Ctrl-C, SIGTERM, SIGHUP)."""


class _Signals:
    """The first stop signal raises _Stop wherever `run` is; later ones, or any once
    `stopping` is set, kill the children at once instead of waiting for them."""

    def __init__(self) -> None:
        self.children: list[children.Child] = []  # in stopping order: web, then worker
        self.stopping = False

    def __enter__(self) -> "_Signals":
        for signum in _STOP_SIGNALS:
            signal.signal(signum, self._received)
        return self

    def __exit__(self, *exc: object) -> None:
        for signum in _STOP_SIGNALS:
            signal.signal(signum, signal.SIG_DFL)

    def _received(self, signum: int, frame: FrameType | None) -> None:
        if not self.stopping:
            self.stopping = True
            raise _Stop
        children.kill(self.children)


class Command(BaseCommand):
    help = "Set up and start Scotty: migrate, demo (embedded default only), worker, web server."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--host",
            default=env_str("HOST", "127.0.0.1"),
            help="Address to listen on ($HOST, else 127.0.0.1; 0.0.0.0: every address).",
        )
        parser.add_argument(
            "--port",
            default=env_str("PORT", "8000"),
            help="Port to listen on ($PORT, else 8000; 0: any free port).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(line_buffering=True)  # progress as it happens, in a pipe too
        with _Signals() as signals:
            try:
                self._run(options["host"], port_number(options["port"]), signals)
            except _Stop:
                self.stdout.write("Scotty has stopped.")

    def _run(self, host: str, port: int, signals: _Signals) -> None:
        settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
        with listen(host, port) as listener:
            address = listener.getsockname()
            self._describe()
            self.stdout.write("Migrating the database ...")
            call_command("migrate", interactive=False, verbosity=0)
            self.stdout.write("Collecting the static files ...")
            call_command("collectstatic", interactive=False, verbosity=0)
            self._demo()
            sign_ins = sign_in_lines(settings.DATA_DIR) if demo_exists() else []
            connections.close_all()  # the children open their own
            url = url_of(address)
            # Links Scotty writes (e-mails) name the address it is really served on.
            env = {**os.environ, "SITE_URL": os.environ.get("SITE_URL") or url.rstrip("/")}
            try:
                worker = self._start_worker(env, signals)
                self._start_web(listener, env, signals)
                self._banner(address, worker, sign_ins)
                while (stopped := children.first_to_stop(signals.children)) is None:
                    time.sleep(_WATCH_SECONDS)
                code = stopped.process.returncode
                raise stopped.failure(f"stopped on its own (exit code {code})")
            except _Stop:
                self.stdout.write("\nStopping Scotty (the web server, then the worker) ...")
                raise
            except children.ChildFailed as failure:
                raise CommandError(f"{failure}\n\nScotty has stopped.") from None
            finally:
                signals.stopping = True  # a signal now hurries the stop, never interrupts it
                children.stop(signals.children)

    def _start_worker(self, env: dict[str, str], signals: _Signals) -> children.Child:
        worker = children.start(
            "the background worker", ["worker"], log=settings.DATA_DIR / "worker.log", env=env,
            stop_signal=signal.SIGINT,  # huey's graceful stop: finish the running task
        )  # fmt: skip
        signals.children.append(worker)
        self.stdout.write(f"Starting the background worker (log: {worker.log}) ...")
        ready = children.log_contains(worker, READY)
        children.wait_until_ready(worker, ready, seconds=children.START_SECONDS)
        return worker

    def _start_web(self, listener: socket.socket, env: dict[str, str], signals: _Signals) -> None:
        fd = listener.fileno()
        web = children.start("the web server", ["serve", f"--fd={fd}"], pass_fds=[fd], env=env)
        signals.children.insert(0, web)
        self.stdout.write("Starting the web server (gunicorn) ...")
        address, sign_in_page = listener.getsockname(), reverse("accounts:sign_in")
        ready = lambda: answers(address, sign_in_page)  # noqa: E731
        children.wait_until_ready(web, ready, seconds=children.START_SECONDS)

    def _describe(self) -> None:
        db = settings.DATABASES["default"]
        if connection.vendor == "sqlite":
            where = f"SQLite {db['NAME']}"
        else:
            where = f"{connection.display_name} {db.get('NAME')} on {db.get('HOST') or 'localhost'}"
        tasks = "Redis" if settings.REDIS_URL else f"SQLite {settings.HUEY['filename']}"
        self.stdout.write(f"Scotty: data folder {settings.DATA_DIR}")
        self.stdout.write(f"  database: {where}; background tasks: {tasks}")

    def _demo(self) -> None:
        """Load the demo where it may go; otherwise say why not and what to do instead."""
        if demo_exists():
            return
        if os.environ.get("DATABASE_URL"):
            self.stdout.write(
                "DATABASE_URL is set, so the demo is not loaded: a configured database may "
                "be a production one. Create the first administrator with `scotty setup`; "
                "for a demo, run `scotty demo` on an empty database."
            )
            return
        found = what_is_here()
        if found:
            self.stdout.write(
                f"This database holds {found} that the demo did not make: serving it as "
                "it is, without the demo."
            )
            return
        self.stdout.write("Loading the demo organisation (first run only) ...")
        started = time.perf_counter()
        call_command("demo", verbosity=0)
        self.stdout.write(f"  loaded in {time.perf_counter() - started:.1f} s")

    def _banner(self, address: Any, worker: children.Child, sign_ins: list[str]) -> None:
        url = url_of(address)
        where = " and every address of this machine" if listens_everywhere(address) else ""
        lines = [
            "",
            f"Scotty is running on {url}{where}  (Ctrl-C stops it and the worker)",
            f"  background worker log: {worker.log}",
        ]
        if sign_ins:
            lines += ["", *sign_ins]
        elif os.environ.get("DATABASE_URL"):
            lines.append("  (no demo here: sign in with the accounts of this database)")
        self.stdout.write("\n".join([*lines, ""]))
