"""Ingesting mail: 10,000 varied messages stored, then processed as the worker does.

    .venv/bin/python bench/mail_in.py                  # SQLite, one worker
    .venv/bin/python bench/mail_in.py --workers 2      # two worker processes sharing it
    .venv/bin/python bench/mail_in.py --database-url \\
        postgres://postgres@127.0.0.1:5432/scotty_bench_mail --workers 2
    .venv/bin/python bench/mail_in.py --messages 2000 --profile   # where the time goes

A database of its own, made anew on each run (bench/out/mail-in.sqlite3, or the
PostgreSQL database named, dropped and created again): the test organisation with
Scotty's addresses for two units (it-help@, hr@), 1,000 more people, and 600 tickets
filed through the services, whose acknowledgements in the outbox carry Scotty's own
Message-IDs. Then the messages (see `MIX`): new requests, replies by In-Reply-To to
those Message-IDs (some a reply-all from a colleague on Cc, some an agent's `#note`),
replies naming only the reference in the subject, HTML-only mail, attachments of 3 KB
to 200 KB (some of a type the file rules refuse), out-of-office replies, monitoring
mail, charsets and encoded words, list mail, strangers, and every message of
../shared/mail-corpus once. All are stored with `store.store()` as the LMTP receiver
does (the after-commit wake-up task is left out, so nothing is processed yet), then
processed and timed: one worker in this process (`ingest.process` over the stored ids,
each timed), or N worker processes each running `ingest.process_left` until nothing is
left, sharing the rows.

Printed: messages a second, CPU a message (this process and its children: a loaded
machine inflates the wall clock more than the CPU time), the median by outcome (one
worker), and the checks: nothing left stored, every message processed once
(attempts = 1), each generated message's outcome the expected one, as many tickets and
conversation entries as the outcomes say.
"""

import argparse
import base64
import cProfile
import csv
import os
import pstats
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from unittest import mock

import benchdb

DATABASE = benchdb.OUT_DIR / "mail-in.sqlite3"
DATA_DIR = benchdb.OUT_DIR / "mail-in-data"  # attachments land here (files/), emptied each run
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "mail-corpus"
if not CORPUS.exists():
    CORPUS = Path("/work/shared/mail-corpus")
IT_HELP, HR = "it-help@example.org", "hr@example.org"
PEOPLE, TICKETS = 1000, 600
MONITORS = 60  # monitoring senders, each under the hourly limit of new tickets
AGENTS = 12  # IT agents who write #notes by mail, each under the hourly limit of replies

# Kind of message -> weight; the outcome each is expected to have.
MIX = {
    "new": 30,
    "new_cc": 4,  # a colleague on Cc becomes a watcher
    "new_html": 7,  # HTML only
    "new_files": 9,  # one or two attachments
    "new_charset": 3,  # ISO-8859-1 / Shift_JIS bodies, encoded words
    "new_stranger": 2,  # unknown, from the allowed domain: becomes a requester
    "reply": 20,  # In-Reply-To one of Scotty's outgoing Message-IDs
    "reply_files": 3,
    "reply_all": 3,  # the requester's colleague answers a mail they were copied on
    "reply_subject": 8,  # only "[IT-12]" in the subject
    "agent_note": 1,  # an agent's "#note" by mail
    "out_of_office": 4,
    "out_of_office_lost": 1,  # to no ticket: quarantined
    "monitoring": 2,  # Auto-Submitted: auto-generated: filed, never answered
    "list": 1,  # List-Id: noise
    "unknown_domain": 1,  # a stranger from elsewhere: quarantined
    "loop": 1,  # from one of Scotty's own addresses
}
REPLIES = ("reply", "reply_files", "reply_subject", "reply_all", "agent_note")
EXPECTED = {
    "new": "created", "new_cc": "created", "new_html": "created", "new_files": "created",
    "new_charset": "created", "new_stranger": "created", "monitoring": "created",
    "reply": "replied", "reply_files": "replied", "reply_all": "replied",
    "reply_subject": "replied", "agent_note": "replied",
    "out_of_office": "auto_reply", "out_of_office_lost": "auto_reply_unknown",
    "list": "noise", "unknown_domain": "unknown_sender", "loop": "loop",
}  # fmt: skip
# What each outcome adds to the conversations: entries a ticket gains (the opening
# description is an entry, an attachment left out adds a note).
WORDS = [
    "The printer on the third floor jams on every second page since Monday.",
    "My laptop will not connect to the VPN from home; it says the certificate expired.",
    "Could I get access to the shared drive of the Finance team? My manager agreed.",
    "Outlook asks for my password every ten minutes since the update last night.",
    "The projector in meeting room 2.14 shows no picture with the new HDMI adapter.",
    "Please order a second monitor for the new colleague starting on the first.",
]


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--messages", type=int, default=10_000, help="about this many (10,000)")
    parser.add_argument("--workers", type=int, default=1, help="processing processes (1)")
    parser.add_argument("--database-url", help="PostgreSQL URL (default: the SQLite file)")
    parser.add_argument("--seed", type=int, default=8, help="same seed, same messages")
    parser.add_argument("--batch", type=int, default=200, help="process_left's batch (200)")
    parser.add_argument("--profile", action="store_true",
                        help="profile the processing (one worker): top functions, and "
                        "bench/out/mail-in.prof")  # fmt: skip
    parser.add_argument("--queries", action="store_true",
                        help="count each message's SQL queries (one worker; slower)")  # fmt: skip
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)  # a child
    return parser.parse_args(argv)


# --- the messages ------------------------------------------------------------------------


@dataclass
class World:
    """What the messages refer to: people, and the tickets with Scotty's Message-IDs."""

    people: list[str]
    agents: list[str]  # of IT: their #notes go to IT tickets
    tickets: list[tuple[str, str, str, str]]  # (reference, title, requester, outgoing id)
    colleague: dict[str, str] = field(default_factory=dict)  # requester -> another person

    @property
    def it_tickets(self) -> list[tuple[str, str, str, str]]:
        return [t for t in self.tickets if t[0].startswith("IT-")]


@dataclass(frozen=True)
class Generated:
    raw: bytes
    kind: str
    to: str


def _base(rng: random.Random, n: int, sender: str, to: str, subject: str) -> EmailMessage:
    message = EmailMessage()
    name = sender.split("@")[0].replace(".", " ").title()
    message["From"] = f"{name} <{sender}>"
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(time_of(n))
    message["Message-ID"] = f"<bench-{n}.{rng.getrandbits(40):x}@mail.example.org>"
    return message


def time_of(n: int) -> datetime:
    return datetime(2026, 12, 1, 8, tzinfo=UTC) + timedelta(seconds=n * 7)


def _text(rng: random.Random, lines: int = 3) -> str:
    body = " ".join(rng.choice(WORDS) for _ in range(lines))
    return f"Hello,\n\n{body}\n\nThanks,\n-- \nSent from the office\n"


def _quoted(rng: random.Random, title: str) -> str:
    said = "\n".join(f"> {line}" for line in _text(rng, 2).splitlines())
    return f"On Mon, 30 Nov 2026 at 10:12, IT Service Desk wrote:\n> {title}\n{said}\n"


def _file(rng: random.Random) -> tuple[str, str, str, bytes]:
    """(name, maintype, subtype, bytes): 3 KB to 200 KB, log-uniform; one in ten of a
    type the rules refuse."""
    size = int(3000 * (200 / 3) ** rng.random())
    noise = rng.randbytes(size)
    choice = rng.random()
    if choice < 0.4:
        return "screenshot.png", "image", "png", b"\x89PNG\r\n\x1a\n" + noise
    if choice < 0.7:
        return "invoice.pdf", "application", "pdf", b"%PDF-1.7\n" + noise
    if choice < 0.8:
        return "photo.jpg", "image", "jpeg", b"\xff\xd8\xff\xe0" + noise
    if choice < 0.9:
        return "install.log", "text", "plain", base64.b64encode(noise)[:size]
    return "setup.exe", "application", "octet-stream", b"MZ" + noise


def _charset(n: int, sender: str, to: str) -> bytes:
    """A message the old way: 8-bit charsets, quoted-printable, encoded words."""
    if n % 2:
        subject = "=?ISO-8859-1?Q?Drucker_im_3._Stock_gr=FC=DFt_nicht_mehr?="
        body = "Grüß Gott,\n\nder Drucker im dritten Stock zieht kein Papier ein.\n\nJürgen\n"
        charset, data = "iso-8859-1", body.encode("iso-8859-1")
        encoded, cte = _qp(data), "quoted-printable"
    else:
        subject = "=?UTF-8?B?" + base64.b64encode("プリンターが動きません".encode()).decode() + "?="
        body = "お疲れ様です。\n\n三階のプリンターが紙詰まりしています。\n\n田中\n"
        charset, data = "shift_jis", body.encode("shift_jis")
        encoded, cte = base64.encodebytes(data), "base64"
    headers = (
        f"From: =?ISO-8859-1?Q?J=FCrgen_M=FCller?= <{sender}>\r\nTo: {to}\r\n"
        f"Subject: {subject}\r\nDate: {format_datetime(time_of(n))}\r\n"
        f"Message-ID: <charset-{n}@mail.example.org>\r\nMIME-Version: 1.0\r\n"
        f"Content-Type: text/plain; charset={charset}\r\nContent-Transfer-Encoding: {cte}\r\n\r\n"
    )
    return headers.encode("ascii") + encoded.replace(b"\n", b"\r\n")


def _qp(data: bytes) -> bytes:
    import quopri

    return quopri.encodestring(data)


def generate(count: int, world: World, seed: int) -> list[Generated]:
    rng = random.Random(seed)
    kinds, weights = list(MIX), list(MIX.values())
    out: list[Generated] = []
    new_by: Counter[str] = Counter()  # new tickets a sender opened (the hourly limit)
    replies_by: Counter[str] = Counter()  # replies on a requester's tickets
    kinds_so_far: Counter[str] = Counter()
    it_tickets = world.it_tickets
    for n in range(count):
        kind = rng.choices(kinds, weights)[0]
        to = HR if rng.random() < 0.2 else IT_HELP
        # An agent's note by mail goes to a ticket of the agent's unit (IT).
        pool = it_tickets if kind == "agent_note" else world.tickets
        reference, title, requester, outgoing = rng.choice(pool)
        if kind in REPLIES:
            # Each sender writes few replies: keep under the per-sender hourly limit.
            while replies_by[requester] >= 20:
                reference, title, requester, outgoing = rng.choice(pool)
            replies_by[requester] += 1
        person = world.people[n % len(world.people)]
        if kind in ("monitoring", "agent_note", "reply_all"):
            many = {"monitoring": MONITORS, "agent_note": len(world.agents)}.get(kind, PEOPLE)
            turn = kinds_so_far[kind] % many
            kinds_so_far[kind] += 1
            person = {"monitoring": f"monitor{turn}@example.org",
                      "agent_note": world.agents[turn % len(world.agents)],
                      "reply_all": world.colleague[requester]}[kind]  # fmt: skip
        elif kind.startswith("new") and kind != "new_stranger":
            # Each sender opens few tickets: keep under the per-sender hourly limit.
            while new_by[person] >= 8:
                person = rng.choice(world.people)
            new_by[person] += 1
        if kind == "new_charset":
            out.append(Generated(_charset(n, person, to), kind, to))
            continue
        sender = {
            "new_stranger": f"newcomer{n}@example.org",
            "reply": requester, "reply_files": requester, "reply_subject": requester,
            "reply_all": person, "agent_note": person,
            "out_of_office": requester, "monitoring": person,
            "list": "announce@lists.example.org", "unknown_domain": f"someone{n}@elsewhere.net",
            "loop": HR if to == IT_HELP else IT_HELP,
        }.get(kind, person)  # fmt: skip
        if kind.startswith("reply") or kind in ("agent_note", "out_of_office"):
            subject = f"Re: [{reference}] {title}"
        elif kind == "out_of_office_lost":
            subject = "Out of office: back on Monday"
        elif kind == "monitoring":
            subject = f"[ALERT] disk /var on srv{n % 40:02d} at 9{n % 10}%"
        else:
            subject = rng.choice(WORDS)[: rng.randint(24, 60)].rstrip(" .,")
        message = _base(rng, n, sender, to, subject)
        if kind.startswith("reply") or kind in ("agent_note", "out_of_office"):
            if kind != "reply_subject":
                message["In-Reply-To"] = f"<{outgoing}>"
                message["References"] = f"<{outgoing}>"
            message.replace_header("To", to if kind != "reply_all" else IT_HELP)
        if kind == "new_cc":
            message["Cc"] = world.colleague[person]
        if kind in ("out_of_office", "out_of_office_lost"):
            message["Auto-Submitted"] = "auto-replied"
            message.replace_header("Subject", f"Automatic reply: {subject}")
            message.set_content("I am out of the office until Monday and read no mail.\n")
        elif kind == "monitoring":
            message["Auto-Submitted"] = "auto-generated"
            message.set_content(f"PROBLEM: disk usage above threshold\nHost: srv{n % 40}\n")
        elif kind == "list":
            message["List-Id"] = "Announcements <announce.lists.example.org>"
            message["Precedence"] = "list"
            message.set_content(_text(rng, 4))
        elif kind == "new_html":
            words = _text(rng).replace("\n\n", "</p><p>").replace("\n", "<br>")
            message.set_content(
                f"<html><head><style>p {{margin:0}}</style></head><body><p>{words}</p>"
                '<p><img src="https://tracker.example.net/p.gif"></p></body></html>',
                subtype="html",
            )
        elif kind == "agent_note":
            message.set_content(f"#note\nCalled the requester; {rng.choice(WORDS)}\n")
        elif kind.startswith("reply"):
            message.set_content(_text(rng, 1) + "\n" + _quoted(rng, title))
        else:
            message.set_content(_text(rng, rng.randint(1, 4)))
        if kind in ("new_files", "reply_files"):
            for _ in range(1 if rng.random() < 0.7 else 2):
                name, main, sub, data = _file(rng)
                message.add_attachment(data, maintype=main, subtype=sub, filename=name)
        out.append(Generated(message.as_bytes(), kind, to))
    return out


def corpus() -> list[bytes]:
    """Every message of the shared corpus, as it is."""
    if not CORPUS.exists():
        return []
    with (CORPUS / "MANIFEST.tsv").open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return [(CORPUS / row["path"]).read_bytes() for row in rows]


# --- setting up --------------------------------------------------------------------------


def build_world() -> World:
    """The organisation, people and tickets, through the services (not measured)."""
    from django.db import transaction

    from scotty.accounts.services import create_person, join_unit
    from scotty.core.testing import build_org, file_ticket
    from scotty.mail.models import MailAddress
    from scotty.notifications.models import OutgoingMail

    with transaction.atomic():
        org = build_org()
        MailAddress.objects.create(address=IT_HELP, unit=org.it)
        MailAddress.objects.create(address=HR, unit=org.hr)
        MailAddress.objects.create(address="infra@example.org", unit=org.infra, is_active=False)
        people = [create_person(email=f"person{n}@example.org", full_name=f"Person {n}",
                                password=None) for n in range(PEOPLE)]  # fmt: skip
        agents = [org.agent.email, org.agent2.email]
        for n in range(AGENTS - len(agents)):
            agent = create_person(email=f"agent{n}@example.org", full_name=f"Agent {n}",
                                  password=None)  # fmt: skip
            join_unit(agent, org.it)
            agents.append(agent.email)
        for n in range(MONITORS):
            create_person(email=f"monitor{n}@example.org", full_name=f"Monitor {n}", password=None)
        emails = [p.email for p in people]
        tickets = []
        for number in range(TICKETS):
            requester = people[(number * 7) % PEOPLE]
            unit = org.hr if number % 5 == 0 else org.it
            title = WORDS[number % len(WORDS)][:40].rstrip(" ,.")
            ticket = file_ticket(requester, unit, title=title)
            ids = OutgoingMail.objects.filter(ticket=ticket, to_address=requester.email)
            outgoing = ids.values_list("message_id", flat=True).first()
            assert outgoing, "filing a ticket wrote no acknowledgement to thread on"
            tickets.append((ticket.reference, title, requester.email, outgoing))
    world = World(people=emails, agents=agents, tickets=tickets)
    world.colleague = {e: emails[(i + 1) % PEOPLE] for i, e in enumerate(emails)}
    return world


def store_all(messages: list[bytes], tos: list[str]) -> tuple[list[int], float]:
    """Store every message (the LMTP receiver's call), 500 to a transaction; without
    the after-commit wake-up task. Returns the stored ids (one per message, duplicates
    sharing theirs) and the seconds it took."""
    from django.db import transaction

    from scotty.mail.inbound import store as store_module
    from scotty.mail.models import Source

    ids: list[int] = []
    began = time.perf_counter()
    with mock.patch.object(store_module, "_enqueue", lambda inbound_id: None):
        for start in range(0, len(messages), 500):
            with transaction.atomic():
                for raw, to in zip(
                    messages[start : start + 500], tos[start : start + 500], strict=True
                ):
                    ids.append(store_module.store(raw, source=Source.LMTP, envelope_to=[to]).id)
    return ids, time.perf_counter() - began


# --- processing --------------------------------------------------------------------------


def process_here(
    ids: list[int], profile: bool, queries: bool
) -> tuple[float, dict[str, list[float]]]:
    """One worker, in this process: each stored message through `ingest.process`."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from scotty.mail.inbound import ingest

    by_outcome: dict[str, list[float]] = defaultdict(list)
    counted: dict[str, list[int]] = defaultdict(list)
    profiler = cProfile.Profile() if profile else None
    began = time.perf_counter()
    for inbound_id in ids:
        start = time.perf_counter()
        if profiler is not None:
            outcome = profiler.runcall(ingest.process, inbound_id)
        elif queries:
            connection.queries_log.clear()
            with CaptureQueriesContext(connection) as captured:
                outcome = ingest.process(inbound_id)
            counted[outcome].append(len(captured))
        else:
            outcome = ingest.process(inbound_id)
        by_outcome[outcome].append(time.perf_counter() - start)
    seconds = time.perf_counter() - began
    for outcome, numbers in sorted(counted.items(), key=lambda kv: -len(kv[1])):
        print(f"  {outcome:<20} queries a message: median {statistics.median(numbers):.0f}, "
              f"{min(numbers)}-{max(numbers)}")  # fmt: skip
    if profiler is not None:
        target = benchdb.OUT_DIR / "mail-in.prof"
        profiler.dump_stats(target)
        stats = pstats.Stats(profiler)
        stats.sort_stats("cumulative").print_stats(40)
        stats.sort_stats("tottime").print_stats(25)
        print(f"profile written to {target}")
    return seconds, by_outcome


def worker(batch: int) -> None:
    """A worker process: `process_left` until nothing is left; prints how many rows it
    processed itself and when it began and ended (for the parent's span)."""
    from scotty.mail.inbound import ingest

    began = time.time()
    while ingest.process_left(batch):
        pass
    ended = time.time()
    print(os.getpid(), began, ended, server_cpu(), flush=True)


def server_cpu() -> float:
    """CPU seconds the PostgreSQL server process of this connection has used (it runs on
    this machine: /proc); 0 on SQLite, whose work is this process's own."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return 0.0
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def process_in_workers(url: str, workers: int, batch: int) -> tuple[float, float]:
    """(seconds from the first worker's start to the last one's end, their database
    server processes' CPU seconds)."""
    command = [sys.executable, __file__, "--worker", "--database-url", url, "--batch", str(batch)]
    children = [subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
                for _ in range(workers)]  # fmt: skip
    results = [child.communicate(timeout=3600)[0].split() for child in children]
    if any(child.returncode for child in children):
        sys.exit("A worker failed.")
    began = min(float(r[1]) for r in results)
    return max(float(r[2]) for r in results) - began, sum(float(r[3]) for r in results)


# --- checking ----------------------------------------------------------------------------


def check(ids: list[int], kinds: list[str], tickets_before: int, entries_before: int) -> None:
    from django.db.models import Count

    from scotty.mail.models import InboundMessage, InboundState
    from scotty.tickets.models import Message, Ticket

    rows = {r["id"]: r for r in InboundMessage.objects.values("id", "state", "outcome", "attempts")}
    states = Counter(r["state"] for r in rows.values())
    outcomes = Counter(r["outcome"] for r in rows.values())
    print(f"rows by state: {dict(states)}")
    print(f"outcomes: {dict(outcomes.most_common())}")
    problems = []
    if states.get(InboundState.STORED):
        problems.append(f"{states[InboundState.STORED]} left stored")
    twice = [i for i, r in rows.items() if r["attempts"] != 1]
    if twice:
        problems.append(f"{len(twice)} processed more than once or not at all: {twice[:5]}")
    wrong: Counter[tuple[str, str]] = Counter()
    for inbound_id, kind in zip(ids, kinds, strict=True):
        if kind != "corpus" and rows[inbound_id]["outcome"] != EXPECTED[kind]:
            wrong[(kind, rows[inbound_id]["outcome"])] += 1
    if outcomes.get("failed"):
        problems.append(f"{outcomes['failed']} failed (an error in the processing: see the log)")
    if wrong:
        problems.append(f"unexpected outcomes (kind, outcome): {dict(wrong)}")
    created = Ticket.objects.count() - tickets_before
    follow_ups = outcomes.get("follow_up", 0)
    if created != outcomes.get("created", 0) + follow_ups:
        problems.append(f"{created} tickets made for {outcomes.get('created', 0)} created")
    entries = Message.objects.count() - entries_before
    replies = InboundMessage.objects.filter(reply__isnull=False)
    stamped = replies.aggregate(n=Count("reply"), distinct=Count("reply", distinct=True))
    # Each reply or note is an entry of its own (and a note on attachments left out
    # one more): at least as many entries as messages that wrote one, none shared.
    if entries < stamped["n"] or stamped["n"] != stamped["distinct"]:
        problems.append(f"{entries} conversation entries for {stamped} replies")
    print(f"tickets created: {created:,}; conversation entries written: {entries:,}")
    if problems:
        sys.exit("CHECK FAILED: " + "; ".join(problems))
    print("check: every message processed or quarantined once, none left stored, "
          "every generated message's outcome as expected")  # fmt: skip


# --- main --------------------------------------------------------------------------------


def configure(url: str) -> None:
    os.environ["SCOTTY_DATA_DIR"] = str(DATA_DIR)
    os.environ["SCOTTY_MAIL_ALLOWED_DOMAINS"] = "example.org"
    os.environ["SCOTTY_MAIL_TICKETS_PER_SENDER_HOUR"] = "10"
    os.environ.setdefault("DB_CONN_MAX_AGE", "60")
    benchdb.configure(url)


def main(argv: list[str]) -> None:
    args = parse(argv)
    url = args.database_url or f"sqlite:///{DATABASE}"
    if args.worker:
        configure(url)
        worker(args.batch)
        return
    benchdb.OUT_DIR.mkdir(exist_ok=True)
    if benchdb.is_postgres(url):
        benchdb.postgres_create(url, replace=True)
    else:
        benchdb.remove_sqlite(url)
    shutil.rmtree(DATA_DIR / "files", ignore_errors=True)
    configure(url)

    from django.core.management import call_command

    from scotty.notifications import mail as outbox
    from scotty.tickets.models import Message, Ticket

    outbox._on_written.clear()  # no wake-up task per outbox row: nothing is sent here
    began = time.perf_counter()
    call_command("migrate", verbosity=0)
    world = build_world()
    setup = time.perf_counter() - began
    found = corpus()
    generated = generate(max(0, args.messages - len(found)), world, args.seed)
    rng = random.Random(args.seed + 1)
    raws = [g.raw for g in generated] + found
    kinds = [g.kind for g in generated] + ["corpus"] * len(found)
    tos = [g.to for g in generated] + [IT_HELP] * len(found)
    order = list(range(len(raws)))
    rng.shuffle(order)  # arrivals mixed, as a mailbox gets them
    raws, kinds, tos = [raws[i] for i in order], [kinds[i] for i in order], [tos[i] for i in order]
    size = sum(len(r) for r in raws)
    print(f"{benchdb.describe(url)}: {len(world.people):,} people, {Ticket.objects.count():,} "
          f"tickets (set up in {setup:.1f} s)")  # fmt: skip
    print(f"messages: {len(raws):,} ({size / 1e6:.1f} MB; {len(found)} from the corpus): "
          + ", ".join(f"{k} {v}" for k, v in Counter(kinds).most_common()))  # fmt: skip
    ids, stored_in = store_all(raws, tos)
    distinct = sorted(set(ids))
    print(f"stored {len(raws):,} as {len(distinct):,} rows in {stored_in:.1f} s "
          f"({len(raws) / stored_in:,.0f} a second)")  # fmt: skip
    tickets_before, entries_before = Ticket.objects.count(), Message.objects.count()
    from django.db import connection

    connection.close()  # the workers start with the database to themselves
    cpu = time.process_time()
    if args.workers > 1:
        seconds, server = process_in_workers(url, args.workers, args.batch)
        by_outcome: dict[str, list[float]] = {}
        how = f"{args.workers} worker processes, process_left batches of {args.batch}"
    else:
        seconds, by_outcome = process_here(distinct, args.profile, args.queries)
        server = server_cpu()
        how = "one worker, ingest.process a message" + (" (profiled)" if args.profile else "")
    ours = (time.process_time() - cpu) / len(distinct) * 1000
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    theirs = (used.ru_utime + used.ru_stime) / len(distinct) * 1000
    print(f"processed {len(distinct):,} in {seconds:.1f} s: "
          f"{len(distinct) / seconds:,.0f} messages a second ({how})")  # fmt: skip
    server = server * 1000 / len(distinct)
    print(f"CPU a message: {ours:.2f} ms in this process, {theirs:.2f} ms in the workers, "
          f"{server:.2f} ms in the database server (load average "
          f"{os.getloadavg()[0]:.1f})")  # fmt: skip
    for outcome, times in sorted(by_outcome.items(), key=lambda kv: -len(kv[1])):
        print(f"  {outcome:<20} {len(times):>6,}  median {statistics.median(times) * 1000:6.2f} ms"
              f"  p90 {statistics.quantiles(times, n=10)[-1] * 1000 if len(times) > 1 else 0:6.2f}"
              " ms")  # fmt: skip
    check(ids, kinds, tickets_before, entries_before)


if __name__ == "__main__":
    main(sys.argv[1:])
