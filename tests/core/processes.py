"""Helpers for tests that start real `scotty` processes and talk HTTP to them.

Not a test module: tests/core/test_serve.py and tests/demo/test_run.py import it.
"""

import http.cookiejar
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# Only a guard against a hang: the processes print what is awaited in seconds.
PATIENCE_SECONDS = 120


def scotty_env(data_dir: Path, **extra: str) -> dict[str, str]:
    """The environment of a fresh installation in `data_dir`: production settings, the
    embedded defaults (no DATABASE_URL, no REDIS_URL), plus `extra`."""
    env = {**os.environ, "SCOTTY_DATA_DIR": str(data_dir)}
    env["DJANGO_SETTINGS_MODULE"] = "scotty.settings"  # pytest-django set the test ones
    for name in ("DATABASE_URL", "REDIS_URL", "SITE_URL", "PORT", "HOST", "WEB_CONCURRENCY"):
        env.pop(name, None)
    env.update(extra)
    return env


def scotty(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "scotty", *arguments]


@dataclass
class Running:
    """A process whose output (stdout and stderr together) is collected as it comes."""

    process: subprocess.Popen[str]
    lines: list[str] = field(default_factory=list)
    reader: threading.Thread | None = None

    @property
    def output(self) -> str:
        return "".join(self.lines)

    def wait_for(self, pattern: str) -> re.Match[str]:
        """The first match of `pattern` in the output; fails if the process ends first."""
        deadline = time.monotonic() + PATIENCE_SECONDS
        while time.monotonic() < deadline:
            found = re.search(pattern, self.output)
            if found:
                return found
            if self.process.poll() is not None:
                self._read_to_the_end()
                found = re.search(pattern, self.output)
                if found:
                    return found
                raise AssertionError(f"ended ({self.process.returncode}) before {pattern!r}:\n"
                                     f"{self.output}")  # fmt: skip
            time.sleep(0.1)
        raise AssertionError(f"no {pattern!r} after {PATIENCE_SECONDS} s:\n{self.output}")

    def finish(self) -> int:
        """Wait for the end of the process (and its output)."""
        code = self.process.wait(timeout=PATIENCE_SECONDS)
        self._read_to_the_end()
        return code

    def _read_to_the_end(self) -> None:
        # The output ends when every process holding it is gone, children included.
        if self.reader is not None:
            self.reader.join(timeout=PATIENCE_SECONDS)


@contextmanager
def running(command: Sequence[str], env: dict[str, str], cwd: Path = REPO) -> Iterator[Running]:
    """Start `command` in a session of its own (so a signal can go to it and its shell, as
    a terminal's Ctrl-C would); on leaving, kill whatever of it is still there."""
    process = subprocess.Popen(
        list(command), env=env, cwd=cwd, text=True, stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    started = Running(process)

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            started.lines.append(line)

    started.reader = threading.Thread(target=read, daemon=True)
    started.reader.start()
    try:
        yield started
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def interrupt(run: Running) -> None:
    """Ctrl-C at the terminal: SIGINT to the whole foreground process group."""
    os.killpg(run.process.pid, signal.SIGINT)


def alive(pid: int) -> bool:
    """Whether a process with this id is running (not a zombie)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


class Browser:
    """Cookies, CSRF token and redirects, as a browser would handle them."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def get(self, path: str) -> tuple[int, str, str, str]:
        """(status, final URL, content type, body)."""
        try:
            with self.opener.open(urllib.parse.urljoin(self.base_url, path), timeout=30) as r:
                return r.status, r.url, r.headers["Content-Type"], r.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.url, error.headers["Content-Type"], error.read().decode()

    def sign_in(self, email: str, password: str) -> str:
        """Fill in and send the sign-in form; return the URL it lands on."""
        _, url, _, page = self.get("/sign-in/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token, page
        form = urllib.parse.urlencode(
            {"username": email, "password": password, "csrfmiddlewaretoken": token[1]}
        ).encode()
        with self.opener.open(urllib.request.Request(url, data=form), timeout=60) as answer:
            return str(answer.url)
