"""Scotty's pages against a yardstick measured in the same run: how far from the barest page.

    .venv/bin/python bench/ratios.py                 # SQLite bench database (100k tickets)
    .venv/bin/python bench/ratios.py --database-url postgres://postgres@127.0.0.1:5432/scotty_bench

The yardstick (bench/yardstick/) is the barest Django page of the same shape: signed in
with the same session (session and user middleware only), the same rows from the same
tables (the queue's own condition, order and joins; the ticket with its timeline) with
the fewest indexed queries, model instances and a plain template; a note appended (its
message, event and activity stamp) and a redirect. Each Scotty page is reported as a
ratio to its yardstick:

- in-process: both through Django's test client, each with its own middleware (the
  yardstick's handler is built from yardstick.settings), median server time;
- over HTTP through `scotty serve` (gunicorn; the yardstick on a second `scotty serve`
  with `yardstick.settings` and the same workers and threads), one client: median time
  a client waits;
- over HTTP with 8 clients at once for a few seconds: throughput (requests per second),
  as a ratio the other way round (Scotty / yardstick: 1.0 is as fast as the yardstick),
  and meanwhile each server's CPU time per request (its workers' /proc times) and the
  cores it kept busy: what separates work from waiting (SQLite's one writer).

Every figure is the median of --rounds rounds (each round: every page in-process, then
every page over HTTP), so other work on the machine shows as spread, not as a result;
the load average is printed with each round.

The targets (issue 6): read pages at most 1.5x, writes at most 2x, throughput at least 0.7x.
"""

import argparse
import itertools
import os
import statistics
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import benchdb
import pages
import serve

BENCH = Path(__file__).resolve().parent
_cycles: dict[tuple[str, ...], Iterator[str]] = {}
REQUESTER = "tom.becker@example.com"  # the demo requester (Finance)


@dataclass(frozen=True)
class Pair:
    """A Scotty page and the yardstick page of its shape."""

    label: str
    who: str  # "agent" or "requester": whose session fetches it
    scotty: str
    yardstick: str
    write: bool = False
    # A write's URLs hold "{}": each request goes to the next of these tickets, so no
    # ticket grows far past a real one's length (the search index re-reads its words).
    targets: tuple[str, ...] = ()

    def url(self, template: str) -> str:
        return template.format(next(_cycles[self.targets])) if self.targets else template


@dataclass
class Figures:
    in_process_ms: float = 0.0
    one_client_ms: float = 0.0
    per_second: float = 0.0
    queries: int = 0
    # Under the load: the server's workers' CPU time per request, and how many of the
    # machine's cores they kept busy (below 2 on 2 cores: waiting, e.g. SQLite's lock).
    cpu_ms: float = 0.0
    cores: float = 0.0


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", help="default $DATABASE_URL, else the SQLite bench file")
    parser.add_argument("--tickets", type=int, default=100_000, help="to generate if empty")
    parser.add_argument("--requests", type=int, default=60, help="timed requests, one client")
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--clients", type=int, default=8, help="clients at once (8)")
    parser.add_argument("--seconds", type=float, default=6.0, help="of the load, per page (6)")
    parser.add_argument("--workers", type=int, help="gunicorn processes (scotty serve's default)")
    parser.add_argument("--threads", type=int, help="threads per process (scotty serve's default)")
    parser.add_argument("--agent", default=pages.AGENT)
    parser.add_argument("--rounds", type=int, default=3, help="rounds; medians are shown (3)")
    parser.add_argument(
        "--only", default="", help="comma-separated words: only the pages whose label has one"
    )
    return parser.parse_args(argv)


def pairs(agent: Any, requester: Any) -> list[Pair]:
    from django.urls import reverse

    from scotty.accounts.selectors import unit_ids_of
    from scotty.tickets.models import Ticket

    reference, messages, _ = pages.typical_ticket(agent)
    own = (
        Ticket.objects.filter(requester=requester)
        .order_by("-id")
        .values_list("reference", flat=True)[:1]
    )
    mine = own[0] if own else reference
    # Notes go to other tickets, so the ticket page measured stays the same from run to
    # run: up to 2,000 open ones of the agent's unit, in turn, the oldest, and none of
    # the newest 1,500 (the ticket page's is the median of the newest 1,000 picked up:
    # notes among those moved the median from run to run).
    unit_open = Ticket.objects.filter(working_unit_id__in=unit_ids_of(agent)[:1], is_open=True)
    newest = list(unit_open.order_by("-id").values_list("id", flat=True)[:1500])
    older = unit_open.filter(id__lt=min(newest)) if len(newest) == 1500 else unit_open
    scratch = tuple(
        older.exclude(reference=reference).order_by("id").values_list("reference", flat=True)[:2000]
    )
    _cycles[scratch] = itertools.cycle(scratch)
    bare_ticket = f"/yardstick/ticket/{reference}/"
    queue = reverse("desk:queue", kwargs={"slug": "open"})
    filtered = "?priority=2&status=open"
    return [
        Pair("desk:home", "agent", reverse("desk:home"), "/yardstick/home/"),
        Pair("desk:queue open", "agent", f"{queue}{filtered}", f"/yardstick/queue/open/{filtered}"),
        Pair(
            f"desk:ticket ({messages} messages)",
            "agent",
            reverse("desk:ticket", kwargs={"reference": reference}),
            bare_ticket,
        ),
        Pair("portal:home", "requester", reverse("portal:home"), "/yardstick/requests/"),
        Pair(
            "portal:request",
            "requester",
            reverse("portal:request", kwargs={"reference": mine}),
            f"/yardstick/ticket/{mine}/",
        ),
        Pair(
            "desk: add a note (POST)",
            "agent",
            reverse("desk:reply", kwargs={"reference": "REF"}).replace("REF", "{}"),
            "/yardstick/ticket/{}/note/",
            write=True,
            targets=scratch,
        ),
    ]


# --- in-process -------------------------------------------------------------------


def yardstick_client(signed_in: Any) -> Any:
    """A test client on the yardstick's handler (its middleware, its URLs) that carries
    the same session as `signed_in`."""
    from django.test import Client
    from django.test.client import ClientHandler
    from django.test.utils import override_settings

    from yardstick import settings as yardstick_settings

    handler = ClientHandler()
    middleware = ["yardstick.middleware.yardstick_urls", *yardstick_settings.MIDDLEWARE]
    with override_settings(MIDDLEWARE=middleware):
        handler.load_middleware()
    client = Client()
    client.handler = handler
    client.cookies = signed_in.cookies
    return client


def in_process(
    pair: Pair, clients: dict[str, Any], args: argparse.Namespace
) -> tuple[Figures, Figures]:
    """Scotty's and the yardstick's median server time and queries, in this process."""
    results = []
    for client, url in ((clients[pair.who], pair.scotty),
                        (clients[f"{pair.who} yardstick"], pair.yardstick)):  # fmt: skip
        figures = Figures()
        figures.in_process_ms = _median(lambda c=client, u=url: _ok(_request(c, pair, u)), args)
        figures.queries = _queries(lambda c=client, u=url: _ok(_request(c, pair, u)))
        results.append(figures)
    return results[0], results[1]


def _request(client: Any, pair: Pair, url: str) -> Any:
    if not pair.write:
        return client.get(url)
    form = {"kind": "note", "body": "A bench note.", "version": 1, "once": _token()}
    return client.post(pair.url(url), form)


def _token() -> str:
    """A fresh one-time token, as each rendering of the desk's form carries."""
    import secrets

    return secrets.token_urlsafe(16)


def _queries(work: Callable[[], None]) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        work()
    return len(captured.captured_queries)


def _ok(response: Any) -> None:
    if response.status_code not in (200, 302):
        sys.exit(f"answered {response.status_code}: {response.content[:300]!r}")


def _median(work: Callable[[], None], args: argparse.Namespace) -> float:
    for _ in range(args.warmup):
        work()
    timings = []
    for _ in range(args.requests):
        started = time.perf_counter()
        work()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


# --- over HTTP --------------------------------------------------------------------


def signed_in(port: int, email: str, password: str) -> serve.Session:
    session = serve.Session(port)
    if session.sign_in(email, password) != 302:
        sys.exit(f"Could not sign in as {email}.")
    return session


def fetch(session: serve.Session, pair: Pair, url: str) -> None:
    """One request as a browser tab would send it (a write: a form POST with its token)."""
    if not pair.write:
        status, _, body = session.request("GET", url)
    else:
        token = session.cookies.get("csrftoken", "")
        # A note takes no version lock, so any valid version will do.
        form = {"kind": "note", "body": "A bench note.", "csrfmiddlewaretoken": token,
                "version": "1", "once": _token()}  # fmt: skip
        status, _, body = session.request("POST", pair.url(url), urllib.parse.urlencode(form))
    if status not in (200, 302):
        sys.exit(f"{pair.label}: {url} answered {status}\n{body[:300]}")


def one_client(session: serve.Session, pair: Pair, url: str, args: argparse.Namespace) -> float:
    return _median(lambda: fetch(session, pair, url), args)


def many_clients(
    make: Callable[[], serve.Session],
    pair: Pair,
    url: str,
    args: argparse.Namespace,
    workers: list[int],
) -> tuple[float, float, float]:
    """Requests per second with `args.clients` clients asking one after another each,
    the server's CPU ms per request and the cores it used meanwhile (`workers_cpu`)."""
    sessions = [make() for _ in range(args.clients)]
    done = [0] * len(sessions)
    stop = time.perf_counter() + args.seconds
    start = threading.Barrier(len(sessions) + 1)

    def run(index: int) -> None:
        start.wait()
        while time.perf_counter() < stop:
            fetch(sessions[index], pair, url)
            done[index] += 1

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(sessions))]
    for thread in threads:
        thread.start()
    start.wait()
    began, cpu_before = time.perf_counter(), workers_cpu(workers)
    for thread in threads:
        thread.join()
    seconds, cpu = time.perf_counter() - began, workers_cpu(workers) - cpu_before
    served = sum(done)
    return served / seconds, 1000 * cpu / max(served, 1), cpu / seconds


def workers_cpu(pids: list[int]) -> float:
    """CPU seconds (user and system) the gunicorn workers have used so far."""
    ticks = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])  # utime, stime (proc(5))
    return ticks / os.sysconf("SC_CLK_TCK")


def over_http(
    pair: Pair,
    ports: dict[str, int],
    passwords: dict[str, tuple[str, str]],
    args: argparse.Namespace,
    workers: dict[str, list[int]],
) -> tuple[Figures, Figures]:
    email, password = passwords[pair.who]
    results = []
    for site, url in (("scotty", pair.scotty), ("yardstick", pair.yardstick)):
        # The yardstick has no sign-in page: its clients carry a Scotty session.
        def make(site: str = site) -> serve.Session:
            session = signed_in(ports["scotty"], email, password)
            if site == "yardstick":
                session = _moved(session, ports["yardstick"])
            return session

        figures = Figures()
        figures.one_client_ms = one_client(make(), pair, url, args)
        load = many_clients(make, pair, url, args, workers[site])
        figures.per_second, figures.cpu_ms, figures.cores = load
        results.append(figures)
    return results[0], results[1]


def _moved(session: serve.Session, port: int) -> serve.Session:
    moved = serve.Session(port)
    moved.cookies = dict(session.cookies)
    session.connection.close()
    return moved


# --- the run ----------------------------------------------------------------------


def main(argv: list[str]) -> None:
    args = parse(argv)
    sys.path.insert(0, str(BENCH))
    agent, agent_password = serve.prepare(args)
    requester, requester_password = _requester()

    from django.db import connections
    from django.test import Client

    clients = {"agent": Client(), "requester": Client()}
    clients["agent"].force_login(agent)
    clients["requester"].force_login(requester)
    for who in ("agent", "requester"):
        clients[f"{who} yardstick"] = yardstick_client(clients[who])
    wanted = [word for word in args.only.split(",") if word]
    to_measure = [
        p for p in pairs(agent, requester) if not wanted or any(w in p.label for w in wanted)
    ]
    connections.close_all()

    path = os.pathsep.join([str(BENCH), os.environ.get("PYTHONPATH", "")])
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "yardstick.settings", "PYTHONPATH": path}
    servers = [serve.start_server(args), serve.start_server(args, env)]
    ports = {"scotty": servers[0][1], "yardstick": servers[1][1]}
    workers = {"scotty": servers[0][2], "yardstick": servers[1][2]}
    passwords = {"agent": (agent.email, agent_password),
                 "requester": (requester.email, requester_password)}  # fmt: skip
    rounds: list[dict[str, tuple[Figures, Figures]]] = []
    try:
        for number in range(1, args.rounds + 1):
            print(f"round {number} of {args.rounds}, load average {_load()}", flush=True)
            figures: dict[str, tuple[Figures, Figures]] = {}
            for pair in to_measure:
                figures[pair.label] = in_process(pair, clients, args)
            connections.close_all()
            for pair in to_measure:
                scotty, bare = over_http(pair, ports, passwords, args, workers)
                for mine, theirs in ((figures[pair.label][0], scotty),
                                     (figures[pair.label][1], bare)):  # fmt: skip
                    mine.one_client_ms, mine.per_second = theirs.one_client_ms, theirs.per_second
                    mine.cpu_ms, mine.cores = theirs.cpu_ms, theirs.cores
            rounds.append(figures)
    finally:
        for server, _, _ in servers:
            server.terminate()
            server.wait(timeout=60)
    print(f"load average at the end {_load()}")
    report(args, to_measure, rounds)


def _load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def _requester() -> tuple[Any, str]:
    import secrets

    from scotty.accounts.models import Person

    person = Person.objects.get(email=REQUESTER)
    password = secrets.token_urlsafe(12)
    person.set_password(password)
    person.save(update_fields=["password"])
    return person, password


def report(
    args: argparse.Namespace,
    to_measure: list[Pair],
    rounds: list[dict[str, tuple[Figures, Figures]]],
) -> None:
    url = benchdb.describe(benchdb.database_url(args.database_url))
    print(f"\n{url}; median of {len(rounds)} rounds; ratios to the yardstick (targets: reads "
          f"<= 1.5x, writes <= 2x, throughput >= 0.7x)\n")  # fmt: skip
    head = (f"{'page':<26} {'queries':>7} {'in-process':>19} {'HTTP, 1 client':>21} "
            f"{f'HTTP, {args.clients} clients':>27}")  # fmt: skip
    print(head)
    for pair in to_measure:
        s = _medians([r[pair.label][0] for r in rounds])
        b = _medians([r[pair.label][1] for r in rounds])
        spread = [r[pair.label][0].in_process_ms / r[pair.label][1].in_process_ms for r in rounds]
        inside, one = s.in_process_ms / b.in_process_ms, s.one_client_ms / b.one_client_ms
        print(
            f"{pair.label:<26} {s.queries:>3}/{b.queries:<3}"
            f" {s.in_process_ms:6.1f}/{b.in_process_ms:5.1f} ms {inside:4.1f}x"
            f" {s.one_client_ms:6.1f}/{b.one_client_ms:5.1f} ms {one:4.1f}x"
            f" {s.per_second:6.0f}/{b.per_second:5.0f} req/s {s.per_second / b.per_second:4.2f}x"
            f"   (in-process {min(spread):.1f}-{max(spread):.1f}x)"
        )
    print(f"\nUnder the {args.clients}-client load: the server's CPU per request (its gunicorn "
          f"workers' user and system time) and the cores it kept busy\n")  # fmt: skip
    for pair in to_measure:
        s = _medians([r[pair.label][0] for r in rounds])
        b = _medians([r[pair.label][1] for r in rounds])
        print(
            f"{pair.label:<26} {s.cpu_ms:6.1f}/{b.cpu_ms:5.1f} ms CPU a request"
            f" {s.cpu_ms / max(b.cpu_ms, 0.001):4.1f}x   cores {s.cores:4.2f}/{b.cores:4.2f}"
        )


def _medians(figures: list[Figures]) -> Figures:
    return Figures(
        in_process_ms=statistics.median(f.in_process_ms for f in figures),
        one_client_ms=statistics.median(f.one_client_ms for f in figures),
        per_second=statistics.median(f.per_second for f in figures),
        queries=max(f.queries for f in figures),
        cpu_ms=statistics.median(f.cpu_ms for f in figures),
        cores=statistics.median(f.cores for f in figures),
    )


if __name__ == "__main__":
    main(sys.argv[1:])
