"""Polling IMAP mailboxes: the first of the three ways mail comes in.

Each new message of the folder (UID above the last one seen, under the same
UIDVALIDITY) is fetched whole without marking it read (`BODY.PEEK[]`), stored byte for
byte (`store.store`, committed), and only then moved to the done folder (or flagged
\\Seen when there is none), and the last UID advanced. A crash anywhere in between
leaves the message in the folder: the next poll fetches it again, `store` finds it
stored (same Message-ID or bytes) and the move is done then. Nothing is moved or
deleted before it is stored.

One bad message (too large, unreadable) never stops the rest. A message too large to
store is left in the folder and said in the mailbox's `last_error` (a quarantine row
could not hold it either); the last UID moves past it, so it is not fetched again.
A message the server would not hand over is tried again at the next poll: the last
UID does not move past it (the messages after it are stored and filed all the same).

Only one poll of a mailbox runs at a time, anywhere: each holds a lock in huey's
storage (`polling_lock`) that a poller which died holding it gives up.
"""

import base64
import imaplib
import ipaddress
import logging
import os
import re
import socket
import ssl
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from scotty.accounts.models import Person, SupportUnit
from scotty.mail import selectors
from scotty.mail.inbound.store import TooLarge, store
from scotty.mail.models import MailAddress, Mailbox, Security, Source
from scotty.notifications.models import NoticeKind
from scotty.notifications.services import notify

logger = logging.getLogger(__name__)

# A poll stops after this many messages or seconds and goes on at the next one, so the
# health fields stay fresh and the worker's other jobs get their turn.
MAX_MESSAGES_PER_POLL = 500
POLL_SECONDS = 240
TIMEOUT_SECONDS = 60  # for each network operation while polling
TEST_TIMEOUT_SECONDS = 15  # the settings page's "Test connection" waits this long
# A lock older than this is taken over (a poll ends well before: POLL_SECONDS).
LOCK_LEASE_SECONDS = 15 * 60
_SIZES_AT_ONCE = 500

_UID = re.compile(rb"\bUID (\d+)", re.IGNORECASE)
_SIZE = re.compile(rb"\bRFC822\.SIZE (\d+)", re.IGNORECASE)


class ImapProblem(Exception):
    """A problem with the mailbox as a whole, in words for administrators."""

    def __init__(self, words: str) -> None:
        super().__init__(words)
        self.words = words


@dataclass
class PollResult:
    """What one poll did."""

    stored: list[int] = field(default_factory=list)  # InboundMessage ids, new ones
    duplicates: int = 0  # stored before (fetched again after a crash, or a UIDVALIDITY change)
    filed: int = 0  # moved to the done folder, or flagged \Seen
    too_large: list[int] = field(default_factory=list)  # UIDs left in the folder
    problems: list[str] = field(default_factory=list)  # per message, in words
    left: int = 0  # new messages left for the next poll (limit or time reached)
    uidvalidity_changed: bool = False
    error: str | None = None  # the poll failed (connection, login, folder, database)

    @property
    def ok(self) -> bool:
        return self.error is None


# --- Talking to the server ---------------------------------------------------------------


def is_loopback(host: str) -> bool:
    """Whether `host` names this machine (the only place an unencrypted server may be)."""
    if host.lower().rstrip(".") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def folder_name(name: str) -> str:
    """A folder name as an IMAP command takes it: modified UTF-7 (RFC 3501 5.1.3) for
    letters outside ASCII, quoted for spaces and the like."""
    out: list[str] = []
    pending: list[str] = []

    def flush() -> None:
        if pending:
            encoded = base64.b64encode("".join(pending).encode("utf-16-be"))
            out.append("&" + encoded.rstrip(b"=").replace(b"/", b",").decode() + "-")
            pending.clear()

    for char in name:
        if 0x20 <= ord(char) <= 0x7E:
            flush()
            out.append("&-" if char == "&" else char)
        else:
            pending.append(char)
    flush()
    return _quoted("".join(out))


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _text(data: Any) -> str:
    """What the server said, from imaplib's bytes, lists or exceptions."""
    if isinstance(data, BaseException):
        data = data.args[0] if data.args else str(data)
    if isinstance(data, list):
        data = data[-1] if data else b""
    if isinstance(data, tuple):
        data = data[0]
    if isinstance(data, bytes):
        data = data.decode("utf-8", "replace")
    return str(data or "").strip()


def _words_for(error: BaseException, mailbox: Mailbox, timeout: float) -> str:
    """A network or protocol failure in words an administrator can act on."""
    where = {"host": mailbox.host, "port": mailbox.port}
    if isinstance(error, socket.gaierror):
        return gettext("Cannot find the server %(host)s: %(reason)s") % {
            **where, "reason": error.strerror or error}  # fmt: skip
    if isinstance(error, ConnectionRefusedError):
        return gettext("The server %(host)s refused the connection on port %(port)d "
                       "(is it the right port?).") % where  # fmt: skip
    if isinstance(error, TimeoutError):
        return gettext("No answer from %(host)s on port %(port)d within %(seconds)d seconds.") % {
            **where, "seconds": timeout}  # fmt: skip
    if isinstance(error, ssl.SSLCertVerificationError):
        return gettext("The server's certificate is not trusted: %(reason)s") % {
            "reason": error.verify_message or error.reason}  # fmt: skip
    if isinstance(error, ssl.SSLError):
        return gettext("The encrypted connection to %(host)s failed: %(reason)s") % {
            **where, "reason": error.reason or error}  # fmt: skip
    if isinstance(error, imaplib.IMAP4.abort):
        return gettext("The server closed the connection: %(reason)s") % {"reason": _text(error)}
    if isinstance(error, imaplib.IMAP4.error):
        return gettext("The server refused a command: %(reason)s") % {"reason": _text(error)}
    if isinstance(error, OSError):
        return gettext("Cannot reach %(host)s on port %(port)d: %(reason)s") % {
            **where, "reason": error.strerror or error}  # fmt: skip
    return str(error)


def _tls_context() -> ssl.SSLContext:
    # The system's trusted authorities (SSL_CERT_FILE too), names checked.
    return ssl.create_default_context()


def _open(mailbox: Mailbox, timeout: float) -> imaplib.IMAP4:
    """A signed-in connection, over TLS unless the server is on this machine."""
    if mailbox.security == Security.PLAIN and not is_loopback(mailbox.host):
        raise ImapProblem(
            gettext("Without encryption Scotty connects only to a server on this machine; "
                    "choose IMAPS or STARTTLS for %(host)s.") % {"host": mailbox.host}
        )  # fmt: skip
    conn: imaplib.IMAP4
    if mailbox.security == Security.IMAPS:
        conn = imaplib.IMAP4_SSL(mailbox.host, mailbox.port, ssl_context=_tls_context(),
                                 timeout=timeout)  # fmt: skip
    else:
        conn = imaplib.IMAP4(mailbox.host, mailbox.port, timeout=timeout)
    try:
        if mailbox.security == Security.STARTTLS:
            if "STARTTLS" not in conn.capabilities:
                raise ImapProblem(gettext("The server does not offer STARTTLS: choose IMAPS, "
                                          "or check the port."))  # fmt: skip
            conn.starttls(ssl_context=_tls_context())
        _sign_in(conn, mailbox)
    except BaseException:
        _close(conn)
        raise
    return conn


def _sign_in(conn: imaplib.IMAP4, mailbox: Mailbox) -> None:
    user, password = mailbox.username, mailbox.password
    try:
        if (user + password).isascii():
            conn.login(_quoted(user), password)
        else:  # LOGIN is ASCII only; SASL PLAIN carries UTF-8
            secret = f"\0{user}\0{password}".encode()
            conn.authenticate("PLAIN", lambda _challenge: secret)
    except imaplib.IMAP4.abort:
        raise
    except imaplib.IMAP4.error as error:
        raise ImapProblem(gettext("The server refused the user name or password: %(reason)s")
                          % {"reason": _text(error)}) from None  # fmt: skip


def _close(conn: imaplib.IMAP4) -> None:
    with suppress(Exception):  # the connection may be gone already
        conn.logout()
    with suppress(Exception):
        conn.shutdown()


def _capabilities(conn: imaplib.IMAP4) -> set[str]:
    """What the server offers once signed in (MOVE and UIDPLUS are often told only then)."""
    typ, data = conn.capability()
    words = " ".join(_text(item) for item in data if item) if typ == "OK" else ""
    return set(words.upper().split()) | {c.upper() for c in conn.capabilities}


def _select(conn: imaplib.IMAP4, folder: str, *, readonly: bool = False) -> int:
    """Open the folder; its UIDVALIDITY."""
    typ, data = conn.select(folder_name(folder), readonly=readonly)
    if typ != "OK":
        raise ImapProblem(gettext("The server cannot open the folder “%(folder)s”: %(reason)s")
                          % {"folder": folder, "reason": _text(data)})  # fmt: skip
    _, values = conn.response("UIDVALIDITY")
    try:
        return int(_text(values[0]))
    except (IndexError, TypeError, ValueError):
        raise ImapProblem(gettext("The server did not say the folder's UIDVALIDITY.")) from None


def _folder_exists(conn: imaplib.IMAP4, folder: str) -> bool:
    typ, _ = conn.status(folder_name(folder), "(MESSAGES)")
    return typ == "OK"


def _ensure_folder(conn: imaplib.IMAP4, folder: str) -> None:
    if _folder_exists(conn, folder):
        return
    typ, data = conn.create(folder_name(folder))
    if typ != "OK" and not _folder_exists(conn, folder):
        words = gettext("Cannot make the folder “%(folder)s” for processed mail: %(reason)s")
        raise ImapProblem(words % {"folder": folder, "reason": _text(data)})


def _uid_set(uids: Sequence[int]) -> str:
    """1,2,3,5 -> "1:3,5"."""
    parts: list[str] = []
    start = previous = uids[0]
    for uid in [*uids[1:], None]:
        if uid is not None and uid == previous + 1:
            previous = uid
            continue
        parts.append(str(start) if start == previous else f"{start}:{previous}")
        if uid is not None:
            start = previous = uid
    return ",".join(parts)


def _new_uids(conn: imaplib.IMAP4, last_uid: int) -> list[int]:
    typ, data = conn.uid("SEARCH", "UID", f"{last_uid + 1}:*")
    if typ != "OK":
        raise ImapProblem(gettext("The server refused to list new mail: %(reason)s")
                          % {"reason": _text(data)})  # fmt: skip
    found = {int(n) for item in data if item for n in _text(item).split() if n.isdigit()}
    # "n:*" always names the last message, even when its UID is below n.
    return sorted(uid for uid in found if uid > last_uid)


def _sizes(conn: imaplib.IMAP4, uids: Sequence[int]) -> dict[int, int]:
    """Each message's size, before anything is downloaded."""
    sizes: dict[int, int] = {}
    for start in range(0, len(uids), _SIZES_AT_ONCE):
        typ, data = conn.uid("FETCH", _uid_set(uids[start : start + _SIZES_AT_ONCE]),
                             "(RFC822.SIZE)")  # fmt: skip
        if typ != "OK":
            continue  # each message's own fetch says what is wrong
        for item in data:
            line = item[0] if isinstance(item, tuple) else item
            if not isinstance(line, bytes):
                continue
            uid, size = _UID.search(line), _SIZE.search(line)
            if uid and size:
                sizes[int(uid.group(1))] = int(size.group(1))
    return sizes


class _Unreadable(Exception):
    """The server would not hand this one message over (in words)."""


def _fetch(conn: imaplib.IMAP4, uid: int) -> bytes | None:
    """The message's raw bytes, unread flag untouched; None when it is gone (deleted by
    someone else since the search)."""
    typ, data = conn.uid("FETCH", str(uid), "(BODY.PEEK[])")
    if typ != "OK":
        raise _Unreadable(_text(data))
    for item in data:
        if isinstance(item, tuple) and len(item) == 2 and b"BODY[]" in item[0].upper():
            named = _UID.search(item[0])
            if named is None or int(named.group(1)) == uid:  # not some other message's update
                return bytes(item[1])
    return None


def _file_away(conn: imaplib.IMAP4, mailbox: Mailbox, uid: int, capabilities: set[str]
               ) -> str | None:  # fmt: skip
    """Move the stored message to the done folder (or flag it \\Seen); what went wrong,
    in words, or None."""
    number = str(uid)
    if not mailbox.done_folder:
        typ, data = conn.uid("STORE", number, "+FLAGS.SILENT", r"(\Seen)")
        return None if typ == "OK" else _not_filed(uid, data)
    target = folder_name(mailbox.done_folder)
    if "MOVE" in capabilities:
        typ, data = conn.uid("MOVE", number, target)
        return None if typ == "OK" else _not_filed(uid, data)
    typ, data = conn.uid("COPY", number, target)
    if typ != "OK":
        return _not_filed(uid, data)
    # Copied is filed: a copy made twice would be worse than one left marked deleted.
    typ, _ = conn.uid("STORE", number, "+FLAGS.SILENT", r"(\Deleted \Seen)")
    if typ == "OK" and "UIDPLUS" in capabilities:
        conn.uid("EXPUNGE", number)  # this message only, not others marked deleted
    return None


def _not_filed(uid: int, data: Any) -> str:
    return gettext("Message %(uid)d was stored but could not be filed away: %(reason)s") % {
        "uid": uid, "reason": _text(data)}  # fmt: skip


# --- Polling ---------------------------------------------------------------------------


def _restart_uids(mailbox: Mailbox, uidvalidity: int) -> None:
    """The folder's UIDs began again (or this is its first poll): every message is new
    to the UIDs; `store` knows those already stored."""
    same = Mailbox.objects.filter(pk=mailbox.pk)
    same = (same.filter(uidvalidity__isnull=True) if mailbox.uidvalidity is None
            else same.filter(uidvalidity=mailbox.uidvalidity))  # fmt: skip
    if not same.update(uidvalidity=uidvalidity, last_uid=0):
        raise ImapProblem(gettext("The mailbox was changed while it was read; it is read "
                                  "again at the next poll."))  # fmt: skip
    mailbox.uidvalidity, mailbox.last_uid = uidvalidity, 0


def _advance(mailbox: Mailbox, uid: int) -> None:
    # Only under the UIDVALIDITY read: a mailbox an administrator pointed elsewhere
    # meanwhile (state reset by save_mailbox) keeps its fresh start.
    Mailbox.objects.filter(pk=mailbox.pk, uidvalidity=mailbox.uidvalidity).update(last_uid=uid)
    mailbox.last_uid = uid


def _take(conn: imaplib.IMAP4, mailbox: Mailbox, uid: int, size: int | None,
          capabilities: set[str], result: PollResult) -> bool:  # fmt: skip
    """Store one message, then file it away; whether the last UID may move past it."""
    limit = settings.SCOTTY_MAX_INBOUND_BYTES
    if size is not None and size > limit:
        return _too_large(mailbox, uid, size, result)
    try:
        raw = _fetch(conn, uid)
    except _Unreadable as error:
        result.problems.append(gettext("Message %(uid)d could not be read, it is tried again "
                                       "at the next poll: %(reason)s")
                               % {"uid": uid, "reason": error})  # fmt: skip
        return False
    if raw is None:
        logger.info("mailbox %s: message %s is gone before it was fetched", mailbox.pk, uid)
        return True
    try:
        stored = store(raw, source=Source.IMAP, mailbox=mailbox,
                       envelope_to=[mailbox.address.address])  # fmt: skip
    except TooLarge:
        return _too_large(mailbox, uid, len(raw), result)
    if stored.duplicate:
        result.duplicates += 1
    else:
        result.stored.append(stored.id)
    problem = _file_away(conn, mailbox, uid, capabilities)
    if problem:
        result.problems.append(problem)
        return False  # the next poll fetches it again, finds it stored and files it
    result.filed += 1
    return True


def _too_large(mailbox: Mailbox, uid: int, size: int, result: PollResult) -> bool:
    result.too_large.append(uid)
    words = gettext("Message %(uid)d (%(size)s) is larger than the limit (%(limit)s): it was "
                    "left in the folder, not stored.")  # fmt: skip
    limit = settings.SCOTTY_MAX_INBOUND_BYTES
    result.problems.append(words % {"uid": uid, "size": _megabytes(size),
                                    "limit": _megabytes(limit)})  # fmt: skip
    logger.warning("mailbox %s: message %s (%s bytes) too large, left in the folder",
                   mailbox.pk, uid, size)  # fmt: skip
    return True  # never fetched again: it stays where it is, said in last_error


def _megabytes(size: int) -> str:
    return gettext("%(size).1f MB") % {"size": size / 1_000_000}


def _read(conn: imaplib.IMAP4, mailbox: Mailbox, result: PollResult, limit: int,
          deadline: float) -> None:  # fmt: skip
    capabilities = _capabilities(conn)
    uidvalidity = _select(conn, mailbox.folder)
    if uidvalidity != mailbox.uidvalidity:
        result.uidvalidity_changed = mailbox.uidvalidity is not None
        _restart_uids(mailbox, uidvalidity)
    if mailbox.done_folder:
        _ensure_folder(conn, mailbox.done_folder)
    uids = _new_uids(conn, mailbox.last_uid)
    todo = uids[:limit]
    result.left = len(uids) - len(todo)
    sizes = _sizes(conn, todo) if todo else {}
    held_back = False  # a message tried again next time: the last UID stays below it
    for done, uid in enumerate(todo):
        if time.monotonic() > deadline:
            result.left += len(todo) - done
            break
        if _take(conn, mailbox, uid, sizes.get(uid), capabilities, result) and not held_back:
            _advance(mailbox, uid)
        else:
            held_back = True


def poll(mailbox: Mailbox, *, limit: int = MAX_MESSAGES_PER_POLL,
         seconds: float = POLL_SECONDS) -> PollResult:  # fmt: skip
    """Read the mailbox's new messages once: store each, then file it away. Records the
    mailbox's health and alerts the administrators when it has just become unhealthy.
    Never raises for the server's or the network's sake: the result says what failed."""
    was_unhealthy = (mailbox.last_polled_at is not None
                     and selectors.is_unhealthy(mailbox, mailbox.last_polled_at))  # fmt: skip
    earlier_failures = mailbox.failures
    result = PollResult()
    deadline = time.monotonic() + seconds
    try:
        conn = _open(mailbox, TIMEOUT_SECONDS)
        try:
            _read(conn, mailbox, result, limit, deadline)
        finally:
            _close(conn)
    except ImapProblem as failure:
        result.error = failure.words
    except (imaplib.IMAP4.error, OSError) as error:
        result.error = _words_for(error, mailbox, TIMEOUT_SECONDS)
    except DatabaseError as error:
        result.error = gettext("Storing a message failed (%(reason)s); it stays in the "
                               "folder for the next poll.") % {"reason": error}  # fmt: skip
    except Exception as error:  # a bug must not stop the other mailboxes' polls
        logger.exception("mailbox %s: poll failed", mailbox.pk)
        result.error = gettext("Unexpected error: %(reason)s") % {"reason": error}
    _record(mailbox, result, earlier_failures)
    for problem in result.problems:
        logger.warning("mailbox %s: %s", mailbox.pk, problem)
    if result.error:
        logger.warning("mailbox %s: poll failed: %s", mailbox.pk, result.error)
    if not was_unhealthy and selectors.is_unhealthy(mailbox):
        _alert_administrators(mailbox)
    return result


def _record(mailbox: Mailbox, result: PollResult, earlier_failures: int) -> None:
    """The poll's outcome on the mailbox (only the health fields: an administrator's
    edit made meanwhile stays)."""
    now = timezone.now()
    fields: dict[str, Any] = {"last_polled_at": now}
    if result.error is None:
        fields.update(last_success_at=now, failures=0)
        if result.problems:
            fields["last_error"] = "\n".join(result.problems)[:10_000]
        elif earlier_failures:
            fields["last_error"] = ""  # the failure is over; a note on a message stays
    else:
        fields.update(failures=earlier_failures + 1, last_error=result.error[:10_000])
    Mailbox.objects.filter(pk=mailbox.pk).update(**fields)
    for name, value in fields.items():
        setattr(mailbox, name, value)


def _alert_administrators(mailbox: Mailbox) -> None:
    """Tell the administrators, once each time the mailbox becomes unhealthy."""
    administrators = Person.objects.filter(is_superuser=True, is_active=True)
    told = notify(administrators.values_list("pk", flat=True), NoticeKind.MAILBOX_UNHEALTHY)
    logger.warning("mailbox %s (%s) is unhealthy: %s administrators told",
                   mailbox.pk, mailbox.name, told)  # fmt: skip


# --- One poll at a time ----------------------------------------------------------------


def _lock_key(mailbox_id: int) -> str:
    from huey.contrib.djhuey import HUEY  # settings decide the storage

    # The key huey's own lock_task("poll-mailbox-<id>") uses: HUEY.flush_locks clears it.
    return f"{HUEY.name}.lock.poll-mailbox-{mailbox_id}"


def _abandoned(holder: Any, now: float) -> bool:
    """Whether the poller holding the lock is gone: the lease ran out, or it ran on this
    machine and its process is no more (killed while it polled)."""
    if not isinstance(holder, dict):
        return False
    if now - float(holder.get("at", now)) > LOCK_LEASE_SECONDS:
        return True
    if holder.get("host") != socket.gethostname():
        return False
    try:
        os.kill(int(holder["pid"]), 0)
    except ProcessLookupError:
        return True
    except (PermissionError, KeyError, ValueError, TypeError):
        return False
    return False


@contextmanager
def polling_lock(mailbox_id: int) -> Iterator[bool]:
    """Hold the mailbox's polling lock, if no one else does: yields whether it is ours.
    In huey's storage, so it holds across worker threads, processes and machines."""
    from huey.contrib.djhuey import HUEY

    key = _lock_key(mailbox_id)
    mine = {"host": socket.gethostname(), "pid": os.getpid(), "at": time.time(),
            "token": uuid.uuid4().hex}  # fmt: skip
    ours = HUEY.put_if_empty(key, mine)
    if not ours and _abandoned(HUEY.get(key, peek=True), time.time()):
        logger.warning("mailbox %s: taking over the lock of a poller that is gone", mailbox_id)
        HUEY.delete(key)
        ours = HUEY.put_if_empty(key, mine)
    try:
        yield ours
    finally:
        if ours:
            holder = HUEY.get(key, peek=True)
            if isinstance(holder, dict) and holder.get("token") == mine["token"]:
                HUEY.delete(key)


def poll_all(names: Sequence[str] = ()) -> dict[str, PollResult | None]:
    """Poll every mailbox that is on (or those named), each under its lock; a mailbox
    another poller is reading is left to it (None in the result)."""
    mailboxes = Mailbox.objects.filter(is_active=True).order_by("pk")
    if names:
        mailboxes = Mailbox.objects.filter(name__in=names).order_by("pk")
    results: dict[str, PollResult | None] = {}
    for pk, name in mailboxes.values_list("pk", "name"):
        with polling_lock(pk) as ours:
            if not ours:
                results[name] = None
                continue
            mailbox = Mailbox.objects.select_related("address").filter(pk=pk).first()
            if mailbox is not None:  # removed meanwhile
                results[name] = poll(mailbox)
    return results


# --- The settings page -------------------------------------------------------------------


def test_connection(mailbox: Mailbox) -> str | None:
    """Sign in and open the folder, reading and changing nothing: None when that works,
    else what failed, in words. For the settings page's "Test connection" button."""
    try:
        conn = _open(mailbox, TEST_TIMEOUT_SECONDS)
        try:
            _select(conn, mailbox.folder, readonly=True)
            if mailbox.done_folder and mailbox.done_folder == mailbox.folder:
                return gettext("The folder for processed mail must be another folder.")
        finally:
            _close(conn)
    except ImapProblem as problem:
        return problem.words
    except (imaplib.IMAP4.error, OSError) as error:
        return _words_for(error, mailbox, TEST_TIMEOUT_SECONDS)
    return None


# What an administrator may set; the rest is the poller's.
SETTINGS = ("name", "address", "host", "port", "security", "username", "password", "folder",
            "done_folder", "unhealthy_after_minutes", "is_active")  # fmt: skip
# A change to any of these points the mailbox at other mail: its UIDs start over.
_WHERE = ("host", "port", "username", "folder")


def save_mailbox(mailbox: Mailbox, *, address: str, unit: SupportUnit, **values: Any) -> Mailbox:
    """Create or change a mailbox from the settings page; `address` is Scotty's address
    whose mail arrives there (made for `unit` when new). Refused whole (ValidationError,
    by field) when wrong. Pointed at another server, account or folder, its UIDs start
    over (`store` keeps what was already stored from being stored twice)."""
    unknown = set(values) - set(SETTINGS)
    if unknown:
        raise ValueError(f"not a mailbox setting: {sorted(unknown)}")
    before = {name: getattr(mailbox, name) for name in _WHERE} if mailbox.pk else {}
    for name, value in values.items():
        setattr(mailbox, name, value)
    errors: dict[str, str] = {}
    if mailbox.security == Security.PLAIN and not is_loopback(mailbox.host):
        errors["security"] = gettext("Without encryption only a server on this machine "
                                     "(localhost) may be used.")  # fmt: skip
    if mailbox.done_folder and mailbox.done_folder == mailbox.folder:
        errors["done_folder"] = gettext("Choose another folder than the one read.")
    found = MailAddress.objects.filter(address=address).select_related("unit").first()
    if found is not None and found.unit_id != unit.pk:
        errors["address"] = gettext("%(address)s is an address of %(unit)s already.") % {
            "address": found.address, "unit": found.unit.name}  # fmt: skip
    if errors:
        raise ValidationError(errors)
    mailbox.full_clean(exclude=["address"])
    with transaction.atomic():
        mailbox.address = found or MailAddress.objects.create(address=address, unit=unit)
        if before and any(getattr(mailbox, name) != before[name] for name in _WHERE):
            mailbox.uidvalidity, mailbox.last_uid = None, 0
        if not mailbox.pk:
            mailbox.save()
        else:  # not the health fields: the poller writes those meanwhile
            mailbox.save(update_fields=[*SETTINGS, "uidvalidity", "last_uid"])
    return mailbox


def remove_mailbox(mailbox: Mailbox) -> None:
    """Stop reading the mailbox and forget it; the mail stored from it stays."""
    mailbox.delete()
