"""`scotty serve`: Scotty on gunicorn, the production web server, static files included.

`scotty run` (and so `make run`) serves through this command too, so the demo takes the
same path as production: gunicorn's threaded workers run the WSGI application, and
whitenoise serves the static files that `collectstatic` wrote to STATIC_ROOT.

Workers: WEB_CONCURRENCY if set, else one process per CPU. Rendering a page is Python
work and a process runs one thread of Python at a time, so throughput grows with
processes up to the number of CPUs and not beyond; the SCOTTY_WEB_THREADS threads (4)
of each process cover the waiting (database, network, Argon2, which runs outside the
interpreter lock). Each process costs its memory, so more than the CPUs only costs.
"""

import os
import sys
from typing import Any

from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor
from gunicorn.app.base import BaseApplication  # type: ignore[import-untyped]

from scotty.core.env import env_int, env_str
from scotty.core.management.listening import listens_everywhere, port_number, url_of
from scotty.core.memory import return_large_blocks_to_the_system

DEFAULT_THREADS = 4


def cpu_count() -> int:
    """CPUs this process may run on (a container's or taskset's limit, not the machine's)."""
    if hasattr(os, "sched_getaffinity"):
        return max(len(os.sched_getaffinity(0)), 1)
    return os.cpu_count() or 1


def default_workers() -> int:
    """WEB_CONCURRENCY (the usual name among hosting platforms), else one per CPU."""
    return env_int("WEB_CONCURRENCY", cpu_count())


class _Gunicorn(BaseApplication):
    """gunicorn configured from a dict rather than its command line."""

    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for name, value in self.options.items():
            self.cfg.set(name, value)

    def load(self) -> Any:
        from django.core.wsgi import get_wsgi_application

        return get_wsgi_application()


class Command(BaseCommand):
    help = "Serve Scotty with gunicorn (the production web server) and its static files."
    requires_system_checks = []  # checked below, with messages that say what to run

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
        parser.add_argument(
            "--workers", type=int, help="Processes ($WEB_CONCURRENCY, else one per CPU)."
        )
        parser.add_argument(
            "--threads",
            type=int,
            help=f"Threads per process ($SCOTTY_WEB_THREADS, else {DEFAULT_THREADS}).",
        )
        parser.add_argument(
            "--fd",
            type=int,
            help="Serve an already listening socket, file descriptor FD, handed over by a "
            "supervisor (as `scotty run` does); --host and --port are then ignored.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        workers = options["workers"] or default_workers()
        threads = options["threads"] or env_int("SCOTTY_WEB_THREADS", DEFAULT_THREADS)
        if workers < 1 or threads < 1:
            raise CommandError("Workers and threads must be at least 1.")
        if options["fd"] is not None:
            bind = f"fd://{options['fd']}"
        else:
            host, port = options["host"], port_number(options["port"])
            bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        self._check_ready()
        # The workers are forked from this process: they must not share its connections.
        connections.close_all()
        return_large_blocks_to_the_system()
        if hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(line_buffering=True)  # the URL line, promptly, in a pipe too

        def announce(server: Any) -> None:
            for listener in server.LISTENERS:
                address = listener.sock.getsockname()
                where = " (every address of this machine)" if listens_everywhere(address) else ""
                print(f"Scotty is serving on {url_of(address)}{where} "
                      f"({workers} workers x {threads} threads)", flush=True)  # fmt: skip

        _Gunicorn({
            "bind": [bind],
            "worker_class": "gthread",
            "workers": workers,
            "threads": threads,
            # Import Django once, before forking: workers start at once and share pages.
            "preload_app": True,
            "accesslog": "-",  # one line per request on stdout, errors on stderr
            "errorlog": "-",
            "loglevel": "info",
            "proc_name": "scotty",
            # gunicorn >= 25 opens a control socket in $HOME by default, one path for
            # every instance on the machine; Scotty does not use it.
            "control_socket_disable": True,
            "when_ready": announce,
        }).run()  # fmt: skip

    def _check_ready(self) -> None:
        """Refuse to serve what would only answer errors: an unmigrated database or
        static files never collected (every page links them through the manifest)."""
        try:
            executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
            pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
        except DatabaseError as error:  # not there, or not reachable
            raise CommandError(f"Cannot read the database: {error}") from None
        if pending:
            raise CommandError(
                f"The database needs {len(pending)} migration(s) first: run `scotty setup` "
                "(or `scotty migrate`)."
            )
        manifest = getattr(staticfiles_storage, "manifest_name", None)
        if manifest and not staticfiles_storage.exists(manifest):
            raise CommandError(
                "The static files are not collected yet: run `scotty setup` "
                "(or `scotty collectstatic`)."
            )
