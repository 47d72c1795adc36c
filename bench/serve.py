"""The desk's queue pages over real HTTP under `scotty serve`, and the web workers' memory.

    .venv/bin/python bench/serve.py                  # `make bench-serve`
    .venv/bin/python bench/serve.py --database-url postgres://postgres@127.0.0.1:5432/scotty_bench

Starts `scotty serve` (gunicorn, production settings, static files from collectstatic)
on a free loopback port against the benchmark database of pages.py (generated first if
missing, see benchdb.py). Signs in through the sign-in form as the demo IT agent, whose
password it sets at random first (bench databases have no usable passwords), then asks
for each page of pages.py a few times to warm up and N times timed, one request after
another on one keep-alive connection, as a browser tab would: median and 95th
percentile, measured at the client (gunicorn, middleware, view, templates, database and
loopback). Then M more sign-ins, P at a time (each one an Argon2 check), and each web
worker's peak resident memory (VmHWM in /proc/PID/status) before and after them.
See bench/README.md.
"""

import argparse
import http.client
import os
import re
import secrets
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any

import benchdb
import pages

READY = re.compile(r"Scotty is serving on http://127\.0\.0\.1:(\d+)/ \((\d+) workers")


@dataclass
class Session:
    """One browser tab: a keep-alive connection and its cookies."""

    port: int
    cookies: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)

    def request(self, method: str, path: str, body: str | None = None) -> tuple[int, str, str]:
        """(status, Location header, body) of one request on the kept connection."""
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            # gunicorn closed the kept connection (its keep-alive timeout under load):
            # as a browser does, open another and send the request again.
            self.connection.close()
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
        text = response.read().decode(errors="replace")
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        if response.headers.get("Connection", "").lower() == "close":
            self.connection.close()  # http.client reconnects on the next request
        return response.status, response.headers.get("Location", ""), text

    def sign_in(self, email: str, password: str) -> int:
        """Fill in the sign-in form; the status of the answer (302: signed in)."""
        _, _, page = self.request("GET", "/sign-in/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if token is None:
            sys.exit(f"No sign-in form at /sign-in/:\n{page[:500]}")
        form = {"username": email, "password": password, "csrfmiddlewaretoken": token[1]}
        status, _, _ = self.request("POST", "/sign-in/", urllib.parse.urlencode(form))
        return status


@dataclass(frozen=True)
class Timing:
    label: str
    url: str
    median_ms: float
    p95_ms: float


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--database-url",
        help=f"default $DATABASE_URL, else {benchdb.DEFAULT_URL.removeprefix('sqlite:///')}",
    )
    parser.add_argument(
        "--tickets", type=int, default=100_000, help="tickets to generate if the database is empty"
    )
    parser.add_argument("--requests", type=int, default=100, help="timed requests per page (100)")
    parser.add_argument("--warmup", type=int, default=10, help="untimed requests first (10)")
    parser.add_argument("--sign-ins", type=int, default=40, help="sign-ins after the pages (40)")
    parser.add_argument("--parallel", type=int, default=4, help="sign-ins at a time (4)")
    parser.add_argument("--workers", type=int, help="gunicorn processes (scotty serve's default)")
    parser.add_argument("--threads", type=int, help="threads per process (scotty serve's default)")
    parser.add_argument("--agent", default=pages.AGENT, help=f"who signs in ({pages.AGENT})")
    return parser.parse_args(argv)


def prepare(args: argparse.Namespace) -> tuple[Any, str]:
    """The configured bench database with an organisation, static files collected, and
    the agent given a fresh password (returned)."""
    url = benchdb.database_url(args.database_url)
    if benchdb.is_postgres(url) and not benchdb.postgres_exists(url):
        benchdb.postgres_create(url, replace=False)
    benchdb.configure(url)
    if not benchdb.has_organisation():
        print(f"No organisation in {benchdb.describe(url)}: generating one first.")
        benchdb.fill(args.tickets, analyze=True)
    pages.require_desk_pages()

    from django.core.management import call_command

    from scotty.accounts.models import Person

    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    agent = Person.objects.filter(email=args.agent).first()
    if agent is None:
        sys.exit(f"No agent {args.agent} in this database; pass --agent EMAIL.")
    password = secrets.token_urlsafe(12)
    agent.set_password(password)
    agent.save(update_fields=["password"])
    return agent, password


def start_server(
    args: argparse.Namespace, env: dict[str, str] | None = None
) -> tuple[subprocess.Popen[str], int, list[int]]:
    """`scotty serve` on a free port (with `env`, else this process's environment);
    returns it, the port and its workers' process ids."""
    command = [sys.executable, "-m", "scotty", "serve", "--port", "0"]
    command += [f"--workers={args.workers}"] if args.workers else []
    command += [f"--threads={args.threads}"] if args.threads else []
    server = subprocess.Popen(
        command, env=env or os.environ, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    assert server.stdout is not None
    seen = []
    for line in server.stdout:
        seen.append(line)
        found = READY.search(line)
        if found:
            print(line.rstrip())
            # Keep draining the access log, so gunicorn never blocks on a full pipe.
            threading.Thread(target=server.stdout.read, daemon=True).start()
            return server, int(found[1]), workers_of(server, int(found[2]))
    sys.exit("scotty serve stopped before serving:\n" + "".join(seen))


def workers_of(server: subprocess.Popen[str], count: int) -> list[int]:
    """The gunicorn workers (the server's child processes), once all `count` are forked."""
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children")
    for _ in range(600):
        pids = sorted(int(pid) for pid in children.read_text().split())
        if len(pids) >= count:
            return pids
        time.sleep(0.05)
    sys.exit(f"scotty serve started {len(pids)} of its {count} workers.")


def memory_mib(pid: int) -> tuple[float, float]:
    """(peak, current) resident memory of a process, in MiB."""
    status = Path(f"/proc/{pid}/status").read_text()
    kib = {k: int(v.split()[0]) for k, v in re.findall(r"^(VmHWM|VmRSS):\s+(.+)$", status, re.M)}
    return kib["VmHWM"] / 1024, kib["VmRSS"] / 1024


def time_page(session: Session, page: pages.Page, *, requests: int, warmup: int) -> Timing:
    for _ in range(warmup):
        check(session.request("GET", page.url), page)
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        answer = session.request("GET", page.url)
        timings.append((time.perf_counter() - started) * 1000)
        check(answer, page)
    p95 = statistics.quantiles(timings, n=20, method="inclusive")[-1] if requests > 1 else 0
    return Timing(page.label, page.url, statistics.median(timings), p95)


def check(answer: tuple[int, str, str], page: pages.Page) -> None:
    status, location, body = answer
    if status != 200:
        sys.exit(f"{page.label}: {page.url} answered {status} {location}\n{body[:500]}")


def sign_in_many(port: int, email: str, password: str, *, count: int, parallel: int) -> list[int]:
    """`count` sign-ins, `parallel` at a time, each from a new session; their statuses."""

    def one(_: int) -> int:
        session = Session(port)
        try:
            return session.sign_in(email, password)
        finally:
            session.connection.close()

    with ThreadPoolExecutor(max_workers=parallel) as pool:
        return list(pool.map(one, range(count)))


def argon2_parameters() -> str:
    from django.contrib.auth.hashers import get_hasher

    hasher = get_hasher()
    memory = getattr(hasher, "memory_cost", None)
    if memory is None:
        return hasher.algorithm
    return f"{hasher.algorithm}, m={memory / 1024:g} MiB, t={getattr(hasher, 'time_cost', '?')}"


def main(argv: list[str]) -> None:
    args = parse(argv)
    agent, password = prepare(args)

    from django.db import connections

    from scotty.tickets.models import Ticket

    total, still_open = Ticket.objects.count(), Ticket.objects.filter(is_open=True).count()
    to_time = pages.pages(agent)
    connections.close_all()
    server, port, workers = start_server(args)
    try:
        print(
            f"{benchdb.describe(benchdb.database_url(args.database_url))}: {total:,} tickets "
            f"({still_open:,} open); {len(workers)} web workers; password hasher "
            f"{argon2_parameters()}"
        )
        session = Session(port)
        if session.sign_in(agent.email, password) != 302:
            sys.exit(f"Could not sign in as {agent.email}.")
        timings = [
            time_page(session, page, requests=args.requests, warmup=args.warmup) for page in to_time
        ]
        before = {pid: memory_mib(pid) for pid in workers}
        statuses = sign_in_many(
            port, agent.email, password, count=args.sign_ins, parallel=args.parallel
        )
        after = {pid: memory_mib(pid) for pid in workers}
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
    report(args, timings, statuses, before, after)


def report(
    args: argparse.Namespace,
    timings: list[Timing],
    statuses: list[int],
    before: dict[int, tuple[float, float]],
    after: dict[int, tuple[float, float]],
) -> None:
    width = max(len(t.label) for t in timings)
    print(f"\nOver HTTP, {args.warmup} warm-up then {args.requests} timed requests per page:")
    print(f"{'page':<{width}}  {'median':>9}  {'p95':>9}")
    for t in timings:
        print(f"{t.label:<{width}}  {t.median_ms:6.1f} ms  {t.p95_ms:6.1f} ms")
    signed_in = statuses.count(302)
    others = sorted({s for s in statuses if s != 302})
    print(
        f"\n{len(statuses)} sign-ins, {args.parallel} at a time: {signed_in} signed in"
        + (f", others answered {others}" if others else "")
    )
    print(f"{'web worker':>10}  {'peak before':>11}  {'peak after':>10}  {'now':>9}")
    for pid in sorted(after):
        print(
            f"{pid:>10}  {before[pid][0]:7.1f} MiB  {after[pid][0]:6.1f} MiB  "
            f"{after[pid][1]:5.1f} MiB"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
