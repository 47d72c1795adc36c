"""A real IMAP server for the tests: Debian's Dovecot, started on a free loopback port with
a throw-away configuration (passwd-file users, maildir, no system files touched).

Not a test module: the IMAP tests import its fixtures. `dovecot` is one server per test
process (session); `imap_account` a fresh user on it per test, so each test starts with
an empty mailbox. When Dovecot is not installed or will not start, the tests that use
it are skipped and say why. As root, Dovecot runs as `nobody` (its login processes
refuse root); otherwise as the user running the tests.

Plain IMAP and STARTTLS on one port, IMAPS on another, with a self-signed certificate
made by `openssl` (when it is missing, only plain IMAP is offered and the TLS tests skip).
"""

import imaplib
import itertools
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

import pytest

DOVECOT = Path("/usr/sbin/dovecot")
START_SECONDS = 20
USERS = 1000  # a fresh one for each test
_users = itertools.count(1)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Account:
    """One user's mailbox on the test server."""

    server: "Dovecot"
    user: str
    password: str

    def client(self) -> imaplib.IMAP4:
        conn = imaplib.IMAP4("127.0.0.1", self.server.port, timeout=30)
        conn.login(self.user, self.password)
        return conn

    def append(self, raw: bytes, folder: str = "INBOX") -> None:
        conn = self.client()
        try:
            conn.create(folder)  # "already exists" is fine
            typ, data = conn.append(folder, None, None, raw)
            assert typ == "OK", data
        finally:
            conn.logout()

    def append_all(self, raws: list[bytes], folder: str = "INBOX") -> None:
        conn = self.client()
        try:
            for raw in raws:
                typ, data = conn.append(folder, None, None, raw)
                assert typ == "OK", data
        finally:
            conn.logout()

    def messages(self, folder: str = "INBOX") -> dict[int, bytes]:
        """UID -> raw message, read without marking anything."""
        conn = self.client()
        try:
            typ, _ = conn.select(folder, readonly=True)
            if typ != "OK":
                return {}
            typ, data = conn.uid("FETCH", "1:*", "(UID BODY.PEEK[])")
            found: dict[int, bytes] = {}
            for item in data:
                if isinstance(item, tuple):
                    head = item[0].decode()
                    found[int(head.split("UID ", 1)[1].split()[0])] = item[1]
            return found
        finally:
            conn.logout()

    def flags(self, folder: str = "INBOX") -> dict[int, str]:
        conn = self.client()
        try:
            conn.select(folder, readonly=True)
            _, data = conn.uid("FETCH", "1:*", "(UID FLAGS)")
            found: dict[int, str] = {}
            for item in data:
                if isinstance(item, bytes):
                    text = item.decode()
                    found[int(text.split("UID ", 1)[1].split()[0].rstrip(")"))] = text
            return found
        finally:
            conn.logout()

    def recreate(self, folder: str) -> None:
        """Delete the folder and make it anew: its UIDs start again, under a new UIDVALIDITY."""
        conn = self.client()
        try:
            conn.delete(folder)
            conn.create(folder)
        finally:
            conn.logout()


@dataclass
class Dovecot:
    root: Path
    port: int
    imaps_port: int | None  # None: no certificate could be made
    ca_file: Path | None
    uid: int
    gid: int
    process: "subprocess.Popen[bytes] | None" = None

    @property
    def passwd(self) -> Path:
        return self.root / "passwd"

    def write_users(self) -> None:
        """Every user the tests may take, written before the server starts: Dovecot sees
        a change of its passwd-file by its time, to the second, so one user added per
        test would be missed by the next test within the same second."""
        lines = [f"user{n}:{{PLAIN}}pw-user{n}:{self.uid}:{self.gid}::{self.root}/home/user{n}\n"
                 for n in range(1, USERS + 1)]  # fmt: skip
        self.passwd.write_text("".join(lines))

    def add_account(self) -> Account:
        n = next(_users)
        if n > USERS:
            pytest.fail(f"more than {USERS} IMAP users: raise USERS in tests/mail/dovecot.py")
        return Account(self, f"user{n}", f"pw-user{n}")

    def log(self) -> str:
        path = self.root / "dovecot.log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""


def _config(root: Path, port: int, imaps_port: int | None, user: str, group: str) -> str:
    tls = ("ssl = no\n" if imaps_port is None else
           f"ssl = yes\nssl_cert = <{root}/cert.pem\nssl_key = <{root}/key.pem\n"
           "ssl_min_protocol = TLSv1.2\n")  # fmt: skip
    imaps = f"    address = 127.0.0.1\n    port = {imaps_port or 0}\n"
    return f"""
protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
{tls}disable_plaintext_auth = no
auth_mechanisms = plain login
# No waiting after a wrong password. (Dovecot still delays the next sign-ins from an
# address after failures, 2 s and more: tests of a failing mailbox use a closed port.)
auth_failure_delay = 0
default_internal_user = {user}
default_internal_group = {group}
default_login_user = {user}
first_valid_uid = 1
mail_location = maildir:~/Maildir
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = passwd-file
  args = username_format=%u {root}/passwd
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
{imaps}  }}
}}
service anvil {{
  chroot =
}}
"""


def _certificate(root: Path) -> bool:
    """A self-signed certificate for 127.0.0.1 (the client trusts it as its CA file)."""
    if shutil.which("openssl") is None:
        return False
    made = subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(root / "key.pem"), "-out", str(root / "cert.pem")],
        capture_output=True, check=False,
    )  # fmt: skip
    return made.returncode == 0


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as conn:
            return conn.recv(100).startswith(b"* OK")
    except OSError:
        return False


def _start(root: Path) -> Dovecot:
    as_root = os.geteuid() == 0
    account = pwd.getpwnam("nobody") if as_root else pwd.getpwuid(os.geteuid())
    group = subprocess.run(["id", "-gn", account.pw_name], capture_output=True, text=True,
                           check=True).stdout.strip()  # fmt: skip
    for name in ("run", "state", "home"):
        (root / name).mkdir()
    with_tls = _certificate(root)
    ca_file = root / "cert.pem" if with_tls else None
    imaps_port = free_port() if with_tls else None
    server = Dovecot(root, free_port(), imaps_port, ca_file, account.pw_uid, account.pw_gid)
    server.write_users()
    (root / "dovecot.conf").write_text(
        _config(root, server.port, server.imaps_port, account.pw_name, group)
    )
    if as_root:  # everything below root belongs to the server's user
        os.chmod(root, 0o755)  # noqa: S103 (the server runs as another user)
        for path in [root, *root.rglob("*")]:
            os.chown(path, account.pw_uid, account.pw_gid)
    with (root / "stdout.log").open("wb") as output:
        server.process = subprocess.Popen(
            [str(DOVECOT), "-F", "-c", str(root / "dovecot.conf")],
            stdout=output, stderr=subprocess.STDOUT,
            user=account.pw_uid if as_root else None,
            group=account.pw_gid if as_root else None, start_new_session=True,
        )  # fmt: skip
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if _answers(server.port):
            return server
        if server.process.poll() is not None:
            break
        time.sleep(0.1)
    _stop(server)
    output = (root / "stdout.log").read_text(errors="replace")[-2000:]
    raise RuntimeError(f"Dovecot did not start on port {server.port}:\n{output}\n{server.log()}")


def _stop(server: Dovecot) -> None:
    process = server.process
    if process is not None and process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture(scope="session")
def dovecot() -> Iterator[Dovecot]:
    if not DOVECOT.exists():
        pytest.skip("Dovecot is not installed (Debian package dovecot-imapd; `make test-tools` "
                    "installs it): the tests against a real IMAP server are skipped")  # fmt: skip
    root = Path(tempfile.mkdtemp(prefix="scotty-dovecot-"))
    try:
        try:
            server = _start(root)
        except (RuntimeError, OSError, subprocess.SubprocessError, KeyError) as error:
            pytest.skip(f"Dovecot would not start, the IMAP tests are skipped: {error}")
        yield server
        _stop(server)
    finally:
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def imap_account(dovecot: Dovecot) -> Account:
    """A new user on the test server: an empty INBOX."""
    return dovecot.add_account()


class CuttableProxy:
    """A TCP relay to the server that can drop every connection through it at once, as a
    server going away mid-conversation does."""

    def __init__(self, port: int) -> None:
        self.target = port
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.listener.getsockname()[1])
        self.sockets: list[socket.socket] = []
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.target))
            with self.lock:
                self.sockets += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        for end in (source, sink):
            with suppress(OSError):
                end.shutdown(socket.SHUT_RDWR)

    def cut(self) -> None:
        with self.lock:
            for sock in self.sockets:
                with suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            self.sockets.clear()

    def close(self) -> None:
        self.listener.close()
        self.cut()
