"""`scotty mail ...`: e-mail in, from the command line.

    scotty mail serve [--lmtp | --smtp] [--host H] [--port P]   the LMTP/SMTP receiver
    scotty mail poll [NAME ...]                                 read the IMAP mailboxes once
    scotty mail ingest                                          one message on stdin (MTA pipe)

Each subcommand is a `Subcommand` in SUBCOMMANDS: a function that adds its arguments to
its own parser, and one that runs it and returns the exit code (0: done). Add one by
writing those two functions and a line in SUBCOMMANDS; nothing else here changes.
"""

import signal
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from scotty.core.management.listening import port_number
from scotty.mail.inbound.pipe import ingest_from


@dataclass(frozen=True)
class Subcommand:
    help: str
    add_arguments: Callable[[CommandParser], None]
    run: Callable[[BaseCommand, dict[str, Any]], int]  # the exit code


# --- scotty mail serve ----------------------------------------------------------------

READY = "Scotty receives mail"  # the line `serve` prints once it listens


def _serve_arguments(parser: CommandParser) -> None:
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument(
        "--lmtp", dest="lmtp", action="store_true", default=True,
        help="Speak LMTP (the default): for a mail server handing mail over.",
    )  # fmt: skip
    kind.add_argument("--smtp", dest="lmtp", action="store_false", help="Speak SMTP instead.")
    parser.add_argument(
        "--host", default="127.0.0.1",
        help="Address to listen on (127.0.0.1; 0.0.0.0: every address).",
    )  # fmt: skip
    parser.add_argument("--port", default="8024", help="Port to listen on (8024; 0: any free).")


def _serve(command: BaseCommand, options: dict[str, Any]) -> int:
    from scotty.mail.inbound import lmtp

    port = port_number(options["port"])
    try:
        controller = lmtp.start(options["host"], port, lmtp=options["lmtp"])
    except OSError as error:
        raise CommandError(f"Cannot listen on {options['host']}:{port}: {error.strerror or error}."
                           ) from None  # fmt: skip
    stopping = threading.Event()

    def stop(_signal: int, _frame: object) -> None:
        stopping.set()

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    protocol = "LMTP" if options["lmtp"] else "SMTP"
    command.stdout.write(f"{READY} ({protocol}) on {controller.hostname}:{controller.port}.")
    command.stdout.flush()
    try:
        stopping.wait()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        lmtp.stop(controller)
    command.stdout.write("Stopped receiving mail.")
    return 0


# --- scotty mail poll -----------------------------------------------------------------


def _poll_arguments(parser: CommandParser) -> None:
    parser.add_argument(
        "names", nargs="*", metavar="NAME",
        help="Only these mailboxes (by name); else every one that is on.",
    )  # fmt: skip


def _poll(command: BaseCommand, options: dict[str, Any]) -> int:
    from scotty.mail.inbound import imap

    results = imap.poll_all(options["names"])
    failed = 0
    for name, result in results.items():
        if result is None:
            command.stdout.write(f"{name}: being read by another poller; left to it.")
            continue
        line = (f"{name}: {len(result.stored)} stored, {result.duplicates} stored before, "
                f"{result.filed} filed away, {result.left} left for the next poll")  # fmt: skip
        command.stdout.write(line)
        for problem in result.problems:
            command.stdout.write(f"  {problem}")
        if result.error:
            failed += 1
            command.stderr.write(f"{name}: failed: {result.error}")
    if options["names"] and len(results) < len(set(options["names"])):
        missing = sorted(set(options["names"]) - set(results))
        command.stderr.write(f"No such mailbox: {', '.join(missing)}")
        return 1
    return 1 if failed else 0


# --- scotty mail ingest ---------------------------------------------------------------
# The MTA pipe (way 2): one message on standard input, exit codes from sysexits.h.


def _ingest_arguments(parser: CommandParser) -> None:
    parser.add_argument(
        "--recipient", action="append", default=[],
        help="an envelope recipient (the MTA's ${recipient}); repeatable",
    )  # fmt: skip
    parser.add_argument("--sender", default="", help="the envelope sender (${sender})")
    parser.add_argument(
        "--now", action="store_true", help="process it in this process too, not only in the worker"
    )


def _ingest(command: BaseCommand, options: dict[str, Any]) -> int:
    code, stored = ingest_from(
        sys.stdin.buffer, recipients=options["recipient"], sender=options["sender"],
        now=options["now"],
    )  # fmt: skip
    if stored is not None:
        said = "already stored" if stored.duplicate else "stored"
        command.stdout.write(f"{said}: {stored.id}")
    return code


SUBCOMMANDS: dict[str, Subcommand] = {
    "ingest": Subcommand(
        "Store one message read on standard input (an MTA pipe).", _ingest_arguments, _ingest
    ),
    "serve": Subcommand("Receive mail over LMTP (or SMTP) and store it.", _serve_arguments, _serve),
    "poll": Subcommand(
        "Read the IMAP mailboxes once, as the worker does every minute.", _poll_arguments, _poll
    ),
}


class Command(BaseCommand):
    help = "E-mail in: the LMTP/SMTP receiver, the IMAP poller, the mail server pipe."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
        for name, sub in SUBCOMMANDS.items():
            sub.add_arguments(actions.add_parser(name, help=sub.help, description=sub.help))

    def handle(self, *args: Any, **options: Any) -> None:
        code = SUBCOMMANDS[options["action"]].run(self, options)
        if code:
            self.stdout.flush()
            sys.exit(code)
