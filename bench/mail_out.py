"""Sending the outbox: 10,000 notifications to a local SMTP server, as the worker does.

    .venv/bin/python bench/mail_out.py                  # 10,000 mails, batches of 100
    .venv/bin/python bench/mail_out.py --mails 2000 --batch 50

A fresh SQLite database of its own (bench/out/mail-out.sqlite3, replaced on each run)
gets a small organisation and tickets whose stories the ticket services write, so the
outbox holds what real changes write (`notifications.mail`): per ticket the
acknowledgement, the assignment, an agent's reply to the requester and a watcher, the
requester's answer to the agent and the watcher, the resolution; seven mails, with
threads, promises and the recipients' languages (a third of the people read German).
Then `deliver_due` runs as the worker's task does, against an aiosmtpd server in a
process of its own on a free loopback port (one SMTP connection per batch), until the
outbox is empty. Printed: the setup, then the sending: mails, seconds, mails a
second, the median batch, and what the server counted.
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import benchdb

DATABASE = benchdb.OUT_DIR / "mail-out.sqlite3"
PER_TICKET = 7  # mails the story of one ticket writes (see the module)
# Replies as people write them: a paragraph on one long line, a greeting, a name.
AGENT_REPLY = (
    "Hello,\n\nthanks for the report. Could you tell us the model of the printer? The label "
    "is at the back, below the paper tray; a photo of it is fine too. Until then, the printer "
    "on the second floor takes the same toner and is set up for everyone.\n\nAlex"
)
REQUESTER_REPLY = (
    "It is an HP LaserJet M404dn, on the third floor next to the kitchen. It jams on every "
    "second page since Monday, mostly with the recycled paper.\n\nThanks, Rita"
)


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mails", type=int, default=10_000, help="about this many (10,000)")
    parser.add_argument("--batch", type=int, default=100, help="rows a batch (100)")
    parser.add_argument("--workers", type=int, default=1,
                        help="sending processes at once, as worker machines would (1)")  # fmt: skip
    parser.add_argument("--serve-smtp", type=int, help=argparse.SUPPRESS)  # the server process
    parser.add_argument("--deliver", action="store_true", help=argparse.SUPPRESS)  # a worker
    parser.add_argument("--again", action="store_true",
                        help="send the last run's outbox again (all rows pending and not "
                        "composed), without writing it anew")  # fmt: skip
    return parser.parse_args(argv)


# --- the SMTP server, in a process of its own (the sender has the GIL to itself) ---------


def serve_smtp(port: int) -> None:
    """Accept everything on `port`, count it; print the count when stdin closes."""
    from aiosmtpd.controller import Controller

    class Counter:
        count = 0

        async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
            Counter.count += 1
            return "250 OK"

    controller = Controller(Counter(), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    sys.stdin.read()
    controller.stop()
    print(Counter.count, flush=True)


def start_server(port: int) -> subprocess.Popen[str]:
    server = subprocess.Popen([sys.executable, __file__, "--serve-smtp", str(port)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)  # fmt: skip
    assert server.stdout is not None
    if server.stdout.readline().strip() != "ready":
        sys.exit("The SMTP server did not start.")
    return server


def stop_server(server: subprocess.Popen[str]) -> int:
    out, _ = server.communicate("", timeout=60)
    return int(out.strip().splitlines()[-1])


# --- the outbox ------------------------------------------------------------------------


def write_stories(tickets: int) -> float:
    """Tickets with their stories, through the services (one transaction: the setup is
    not what is measured); returns the seconds it took."""
    from django.db import transaction

    from scotty.accounts.models import Person
    from scotty.accounts.services import create_person, set_language
    from scotty.core.testing import build_org, file_ticket
    from scotty.mail.models import MailAddress
    from scotty.notifications import mail as outbox
    from scotty.tickets.models import Ticket
    from scotty.tickets.services import add_reply, add_watcher, assign, transition
    from scotty.tickets.states import Status

    outbox._on_written.clear()  # no wake-up task a row: the benchmark runs the sending
    began = time.perf_counter()
    with transaction.atomic():
        org = build_org()
        MailAddress.objects.create(address="it-help@example.org", unit=org.it)
        people = [create_person(email=f"person{n}@example.org", full_name=f"Person {n}",
                                password=None) for n in range(300)]  # fmt: skip
        for person in people[::3]:
            set_language(person, actor=person, language="de")
        for number in range(tickets):
            requester, watcher = people[number % 300], people[(number + 1) % 300]
            ticket = file_ticket(requester, org.it, title=f"Printer {number} jams")
            assign(ticket, actor=org.manager, assignee=org.agent, expected_version=ticket.version)
            add_watcher(ticket, actor=org.agent, watcher=watcher)
            add_reply(ticket, author=org.agent, body=AGENT_REPLY, channel="desk")
            ticket = Ticket.objects.get(pk=ticket.pk)
            add_reply(ticket, author=requester, body=REQUESTER_REPLY)
            ticket = Ticket.objects.get(pk=ticket.pk)
            transition(ticket, actor=org.agent, to=Status.RESOLVED,
                       resolution="The fuser was worn; replaced.",
                       expected_version=ticket.version)  # fmt: skip
        assert Person.objects.count() >= 300
    return time.perf_counter() - began


def deliver_worker(batch: int) -> None:
    """One sending process (--workers): send until the outbox is empty, then print how
    many it sent and when it started and ended (wall clock, for the parent's span)."""
    benchdb.configure(f"sqlite:///{DATABASE}")
    from scotty.mail.outbound.deliver import deliver_batch

    began, sent = time.time(), 0
    while True:
        taken, delivered = deliver_batch(batch)
        if not taken:
            break
        sent += delivered
    print(sent, began, time.time(), flush=True)


def send_in_processes(workers: int, batch: int) -> tuple[float, int]:
    """Several sending processes at once: (seconds from the first start to the last end,
    sent). Each claims its own batches (`deliver.claim`)."""
    command = [sys.executable, __file__, "--deliver", "--batch", str(batch)]
    children = [subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
                for _ in range(workers)]  # fmt: skip
    results = [child.communicate(timeout=1800)[0].split() for child in children]
    began = min(float(r[1]) for r in results)
    ended = max(float(r[2]) for r in results)
    return ended - began, sum(int(r[0]) for r in results)


def send_all(batch: int) -> tuple[float, list[float], int]:
    """Run the worker's sending until the outbox is empty: (seconds, per batch, sent)."""
    from scotty.mail.outbound.deliver import deliver_batch

    timings: list[float] = []
    sent = 0
    began = time.perf_counter()
    while True:
        start = time.perf_counter()
        taken, delivered = deliver_batch(batch)
        if not taken:
            break
        timings.append(time.perf_counter() - start)
        sent += delivered
    return time.perf_counter() - began, timings, sent


def main(argv: list[str]) -> None:
    args = parse(argv)
    if args.serve_smtp:
        serve_smtp(args.serve_smtp)
        return
    if args.deliver:
        deliver_worker(args.batch)
        return
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "mail"))
    from smtp_server import free_port

    port = free_port()
    os.environ.update({"EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(port),
                       "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend"})  # fmt: skip
    url = f"sqlite:///{DATABASE}"
    benchdb.OUT_DIR.mkdir(exist_ok=True)
    again = args.again and DATABASE.exists()
    if not again:
        benchdb.remove_sqlite(url)
    benchdb.configure(url)

    from django.core.management import call_command
    from django.db.models import Count
    from django.utils import timezone

    from scotty.notifications.models import OutgoingMail
    from scotty.tickets.models import Ticket

    if again:
        OutgoingMail.objects.update(state="pending", text="", attempts=0,
                                    next_attempt_at=timezone.now())  # fmt: skip
        setup = "kept from the last run"
    else:
        call_command("migrate", verbosity=0)
        seconds = write_stories(max(1, round(args.mails / PER_TICKET)))
        setup = f"written in {seconds:.1f} s by the services"
    print(f"{benchdb.describe(url)}: {Ticket.objects.count():,} tickets, "
          f"{OutgoingMail.objects.count():,} mails in the outbox ({setup})")  # fmt: skip
    server = start_server(port)
    cpu = time.process_time()
    try:
        if args.workers > 1:
            seconds, sent = send_in_processes(args.workers, args.batch)
            how = f"{args.workers} processes, batches of {args.batch}"
        else:
            seconds, timings, sent = send_all(args.batch)
            how = (f"batches of {args.batch}: median {statistics.median(timings) * 1000:.0f} ms, "
                   f"slowest {max(timings) * 1000:.0f} ms")  # fmt: skip
    finally:
        received = stop_server(server)
    # CPU time a mail, of this process and of its children (the server, the workers):
    # what a busy machine cannot inflate as much as it does the wall clock.
    ours = (time.process_time() - cpu) / max(sent, 1) * 1000
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    theirs = (used.ru_utime + used.ru_stime) / max(sent, 1) * 1000
    states = dict(OutgoingMail.objects.values_list("state").annotate(n=Count("id")))
    print(f"sent {sent:,} in {seconds:.1f} s: {sent / seconds:,.0f} mails a second ({how})")
    print(f"CPU a mail: {ours:.2f} ms in this process, {theirs:.2f} ms in its children "
          f"({'the workers and ' if args.workers > 1 else ''}the SMTP server)")  # fmt: skip
    print(f"the server received {received:,}; rows by state: {states}")


if __name__ == "__main__":
    main(sys.argv[1:])
