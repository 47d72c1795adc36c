"""`make run` / `scotty run`: the whole of Scotty from one command, stopped by one Ctrl-C.

Real processes: make, `scotty run`, the huey worker, gunicorn and its workers.
"""

import re
import socket
import sqlite3
from pathlib import Path

from scotty.core.management.commands.worker import READY
from tests.core.processes import Browser, alive, interrupt, running, scotty, scotty_env


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def refuses_connections(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


def test_make_run_elsewhere_on_another_port_starts_worker_and_web_and_stops_both(
    tmp_path: Path,
) -> None:
    data, port = tmp_path / "elsewhere", free_port()
    # -o: take the installation as done (`make test` did it); pip must not change the
    # environment under the other tests running at the same time.
    make_run = ["make", "--no-print-directory", "-o", ".venv/.installed-runtime", "run"]
    with running(make_run, scotty_env(data, PORT=str(port))) as run:
        url = run.wait_for(r"Scotty is running on (\S+)")[1]
        assert url == f"http://127.0.0.1:{port}/"  # the port served, not 8000
        sign_ins = re.findall(r"^  .+?  (\S+@example\.com) +(\S+)$", run.output, re.MULTILINE)
        assert len(sign_ins) == 4, run.output

        log = (data / "worker.log").read_text()  # under the configured data folder
        assert READY in log and "close_expired_resolutions_task" in log
        worker_pid = int(re.search(r"PID (\d+)", log)[1])  # type: ignore[index]
        assert alive(worker_pid)

        agent_email, agent_password = sign_ins[0]
        assert "/desk/" in Browser(url).sign_in(agent_email, agent_password)

        interrupt(run)
        run.finish()
    assert "Scotty has stopped." in run.output
    assert not alive(worker_pid) and refuses_connections(port)


def test_with_database_url_run_loads_no_demo_and_a_failing_worker_stops_it(
    tmp_path: Path,
) -> None:
    database = tmp_path / "configured.sqlite3"
    env = scotty_env(
        tmp_path,
        DATABASE_URL=f"sqlite:///{database}",
        HUEY_IMMEDIATE="true",  # huey's consumer refuses to start in this mode
    )
    with running(scotty("run", "--port", "0"), env) as run:
        code = run.finish()
    assert "DATABASE_URL is set, so the demo is not loaded" in run.output
    assert "`scotty setup`" in run.output
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT count(*) FROM accounts_person").fetchone() == (0,)
    assert not (tmp_path / "demo-passwords.json").exists()

    assert code == 1
    assert "The background worker stopped as it started (exit code 1)" in run.output
    assert "Consumer cannot be run with Huey instances where immediate" in run.output  # its log
    assert "Scotty is running" not in run.output and "Starting gunicorn" not in run.output
