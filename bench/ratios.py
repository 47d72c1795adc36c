"""Scotty's pages against a yardstick measured in the same run: how far from the barest page.

    .venv/bin/python bench/ratios.py                 # SQLite bench database (100k tickets)
    .venv/bin/python bench/ratios.py --database-url postgres://postgres@127.0.0.1:5432/scotty_bench

The yardstick (bench/yardstick/) is the barest Django page of the same shape: signed in
(session and user, no other middleware), the same 25 rows from the same tables with the
fewest indexed queries and a plain template; a ticket with its messages; a note appended
and a redirect. Each Scotty page is reported as a ratio to its yardstick:

- in-process (Django's test client for Scotty; the yardstick view behind only the session
  and authentication middleware), median server time;
- over HTTP through `scotty serve` (gunicorn; the yardstick on a second `scotty serve`
  with `yardstick.settings`), one client: median time a client waits;
- over HTTP with 8 clients at once for a few seconds: throughput (requests per second),
  as a ratio the other way round (Scotty / yardstick: 1.0 is as fast as the yardstick).

The targets (issue 6): read pages at most 1.5x, writes at most 2x, throughput at least 0.7x.
"""

import argparse
import os
import statistics
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import benchdb
import pages
import serve

BENCH = Path(__file__).resolve().parent
REQUESTER = "tom.becker@example.com"  # the demo requester (Finance)


@dataclass(frozen=True)
class Pair:
    """A Scotty page and the yardstick page of its shape."""

    label: str
    who: str  # "agent" or "requester": whose session fetches it
    scotty: str
    yardstick: str
    write: bool = False


@dataclass
class Figures:
    in_process_ms: float = 0.0
    one_client_ms: float = 0.0
    per_second: float = 0.0


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
    # Notes go to another ticket, so the ticket page measured stays the same from run to run.
    scratch = (
        Ticket.objects.filter(working_unit_id__in=unit_ids_of(agent)[:1], is_open=True)
        .exclude(reference=reference)
        .order_by("id")
        .values_list("reference", flat=True)[0]
    )
    bare_ticket = f"/yardstick/ticket/{reference}/"
    queue = reverse("desk:queue", kwargs={"slug": "open"})
    return [
        Pair("desk:home", "agent", reverse("desk:home"), "/yardstick/list/"),
        Pair("desk:queue open", "agent", f"{queue}?priority=2&status=open", "/yardstick/list/"),
        Pair(
            f"desk:ticket ({messages} messages)",
            "agent",
            reverse("desk:ticket", kwargs={"reference": reference}),
            bare_ticket,
        ),
        Pair("portal:home", "requester", reverse("portal:home"), "/yardstick/list/"),
        Pair(
            "portal:request",
            "requester",
            reverse("portal:request", kwargs={"reference": mine}),
            f"/yardstick/ticket/{mine}/",
        ),
        Pair(
            "desk: add a note (POST)",
            "agent",
            reverse("desk:reply", kwargs={"reference": scratch}),
            f"/yardstick/ticket/{scratch}/note/",
            write=True,
        ),
    ]


# --- in-process -------------------------------------------------------------------


def in_process(
    pair: Pair, clients: dict[str, Any], args: argparse.Namespace
) -> tuple[float, float]:
    """(Scotty, yardstick) median server time in ms, in this process."""
    from django.contrib.auth.middleware import AuthenticationMiddleware
    from django.contrib.sessions.middleware import SessionMiddleware
    from django.test import RequestFactory
    from django.urls import resolve, set_urlconf

    client = clients[pair.who]
    scotty = _median(lambda: _ok(_scotty_request(client, pair)), args)
    set_urlconf("yardstick.urls")
    try:
        match = resolve(pair.yardstick.split("?")[0])
    finally:
        set_urlconf(None)
    handler = SessionMiddleware(AuthenticationMiddleware(lambda r: match.func(r, **match.kwargs)))
    factory = RequestFactory()
    cookie = client.cookies["sessionid"].value

    def bare() -> None:
        method = factory.post if pair.write else factory.get
        request = method(pair.yardstick, {"body": "A bench note."} if pair.write else None)
        request.COOKIES["sessionid"] = cookie
        _ok(handler(request))

    return scotty, _median(bare, args)


def _scotty_request(client: Any, pair: Pair) -> Any:
    if not pair.write:
        return client.get(pair.scotty)
    return client.post(pair.scotty, {"kind": "note", "body": "A bench note.", "version": 1})


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
                "version": "1"}  # fmt: skip
        status, _, body = session.request("POST", url, urllib.parse.urlencode(form))
    if status not in (200, 302):
        sys.exit(f"{pair.label}: {url} answered {status}\n{body[:300]}")


def one_client(session: serve.Session, pair: Pair, url: str, args: argparse.Namespace) -> float:
    return _median(lambda: fetch(session, pair, url), args)


def many_clients(
    make: Callable[[], serve.Session], pair: Pair, url: str, args: argparse.Namespace
) -> float:
    """Requests per second with `args.clients` clients asking one after another each."""
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
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    return sum(done) / (time.perf_counter() - began)


def over_http(
    pair: Pair,
    ports: dict[str, int],
    passwords: dict[str, tuple[str, str]],
    args: argparse.Namespace,
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
        figures.per_second = many_clients(make, pair, url, args)
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
    to_measure = pairs(agent, requester)
    figures: dict[str, tuple[Figures, Figures]] = {}
    for pair in to_measure:
        scotty, bare = Figures(), Figures()
        scotty.in_process_ms, bare.in_process_ms = in_process(pair, clients, args)
        figures[pair.label] = (scotty, bare)
    connections.close_all()

    path = os.pathsep.join([str(BENCH), os.environ.get("PYTHONPATH", "")])
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "yardstick.settings", "PYTHONPATH": path}
    servers = [serve.start_server(args), serve.start_server(args, env)]
    ports = {"scotty": servers[0][1], "yardstick": servers[1][1]}
    passwords = {"agent": (agent.email, agent_password),
                 "requester": (requester.email, requester_password)}  # fmt: skip
    try:
        for pair in to_measure:
            scotty, bare = over_http(pair, ports, passwords, args)
            figures[pair.label][0].one_client_ms = scotty.one_client_ms
            figures[pair.label][0].per_second = scotty.per_second
            figures[pair.label][1].one_client_ms = bare.one_client_ms
            figures[pair.label][1].per_second = bare.per_second
    finally:
        for server, _, _ in servers:
            server.terminate()
            server.wait(timeout=60)
    report(args, to_measure, figures)


def _requester() -> tuple[Any, str]:
    import secrets

    from scotty.accounts.models import Person

    person = Person.objects.get(email=REQUESTER)
    password = secrets.token_urlsafe(12)
    person.set_password(password)
    person.save(update_fields=["password"])
    return person, password


def report(
    args: argparse.Namespace, to_measure: list[Pair], figures: dict[str, tuple[Figures, Figures]]
) -> None:
    url = benchdb.describe(benchdb.database_url(args.database_url))
    print(f"\n{url}; ratios to the yardstick (targets: reads <= 1.5x, writes <= 2x, "
          f"throughput >= 0.7x)\n")  # fmt: skip
    head = (f"{'page':<28} {'in-process':>18} {'HTTP, 1 client':>20} "
            f"{f'HTTP, {args.clients} clients':>26}")  # fmt: skip
    print(head)
    for pair in to_measure:
        s, b = figures[pair.label]
        print(
            f"{pair.label:<28} {s.in_process_ms:6.1f}/{b.in_process_ms:5.1f} ms"
            f" {s.in_process_ms / b.in_process_ms:4.1f}x"
            f" {s.one_client_ms:6.1f}/{b.one_client_ms:5.1f} ms"
            f" {s.one_client_ms / b.one_client_ms:4.1f}x"
            f" {s.per_second:6.0f}/{b.per_second:5.0f} req/s {s.per_second / b.per_second:4.2f}x"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
