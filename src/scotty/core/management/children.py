"""Child processes of `scotty run`: start them, wait until they are ready, stop them."""

import contextlib
import ctypes
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

# How long a child may take to come up, and to stop before it is killed. Generous: the
# first start of a cold machine imports everything from disk.
START_SECONDS = 90.0
STOP_SECONDS = 30.0
_POLL_SECONDS = 0.1
_PR_SET_PDEATHSIG = 1  # from <sys/prctl.h>


class ChildFailed(Exception):
    """A child stopped, or never got ready; the message says which and shows why."""


@dataclass
class Child:
    """One `scotty` subcommand running in its own process."""

    name: str  # for messages: "the background worker"
    process: subprocess.Popen[bytes]
    log: Path | None = None  # where its output goes; None: to our stdout/stderr
    stop_signal: signal.Signals = signal.SIGTERM  # the signal that stops it gracefully

    def running(self) -> bool:
        return self.process.poll() is None

    def failure(self, what: str) -> ChildFailed:
        """`what` happened to this child; the tail of its log, when it has one, says why."""
        message = f"{self.name[0].upper()}{self.name[1:]} {what}."
        if self.log is not None:
            message += f" The last lines of its log ({self.log}):\n\n{tail(self.log)}"
        else:
            message += " Its messages are above."
        return ChildFailed(message)


def start(
    name: str,
    arguments: Sequence[str],
    *,
    log: Path | None = None,
    pass_fds: Sequence[int] = (),
    env: dict[str, str] | None = None,
    stop_signal: signal.Signals = signal.SIGTERM,
) -> Child:
    """Run `scotty <arguments>` with this interpreter, in a session of its own.

    Its own session keeps the terminal's Ctrl-C from reaching it directly: `scotty run`
    stops its children itself, one signal each, in order (web server, then worker). On
    Linux the child is also told to stop (SIGTERM) when `scotty run` dies without
    stopping it (SIGKILL, a crash), so nothing is left running unseen.
    """
    output = log.open("wb") if log is not None else None
    try:
        process = subprocess.Popen(  # noqa: S603 (our interpreter, our own subcommands)
            [sys.executable, "-m", "scotty", *arguments],
            stdout=output,
            stderr=subprocess.STDOUT if output is not None else None,
            stdin=subprocess.DEVNULL,
            pass_fds=tuple(pass_fds),
            env=env,
            start_new_session=True,
            # Safe here: `scotty run` starts no threads, so forking cannot copy a held lock.
            preexec_fn=_stop_with_parent() if sys.platform == "linux" else None,
        )
    finally:
        if output is not None:
            output.close()  # the child has its own copy
    return Child(name, process, log, stop_signal)


def _stop_with_parent() -> Callable[[], None]:
    """What the child runs between fork and exec: ask Linux for SIGTERM when we die."""
    prctl = ctypes.CDLL(None, use_errno=True).prctl  # looked up here, before the fork
    parent = os.getpid()

    def in_the_child() -> None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
        if os.getppid() != parent:  # died already, before the request took effect
            os.kill(os.getpid(), signal.SIGTERM)

    return in_the_child


def wait_until_ready(child: Child, ready: Callable[[], bool], *, seconds: float) -> None:
    """Return once `ready()` is true; raise ChildFailed if the child exits or takes too long."""
    deadline = time.monotonic() + seconds
    while not ready():
        code = child.process.poll()
        if code is not None:
            raise child.failure(f"stopped as it started (exit code {code})")
        if time.monotonic() > deadline:
            stop([child])
            raise child.failure(f"did not get ready within {seconds:.0f} s")
        time.sleep(_POLL_SECONDS)
    if not child.running():  # ready, then gone at once: not "stayed up"
        raise child.failure(f"stopped as it started (exit code {child.process.returncode})")


def log_contains(child: Child, text: str) -> Callable[[], bool]:
    """A readiness test: `text` has appeared in the child's log."""
    assert child.log is not None

    def ready() -> bool:
        try:
            return text in child.log.read_text(errors="replace")  # type: ignore[union-attr]
        except FileNotFoundError:
            return False

    return ready


def first_to_stop(children: Sequence[Child]) -> Child | None:
    """The first child found stopped, or None while all run."""
    return next((c for c in children if not c.running()), None)


def stop(children: Sequence[Child], *, seconds: float = STOP_SECONDS) -> None:
    """Stop the children in order, each with its graceful signal; kill what lingers."""
    for child in children:
        if child.running():
            child.process.send_signal(child.stop_signal)
            try:
                child.process.wait(timeout=seconds)
            except subprocess.TimeoutExpired:
                kill([child])
                child.process.wait()


def kill(children: Sequence[Child]) -> None:
    """SIGKILL the children and whatever they started, without waiting for them.

    Each child leads its own process group, so this reaches gunicorn's workers too.
    Waits for nothing, so a signal handler may call it (a second Ctrl-C)."""
    for child in children:
        with contextlib.suppress(ProcessLookupError):  # gone already
            os.killpg(child.process.pid, signal.SIGKILL)


def tail(path: Path, lines: int = 20) -> str:
    """The last `lines` lines of a log file, indented for a message."""
    try:
        text = path.read_text(errors="replace")
    except OSError as error:
        return f"    (cannot read it: {error})"
    last = text.rstrip("\n").splitlines()[-lines:] or ["(empty)"]
    return "\n".join(f"    {line}" for line in last)
