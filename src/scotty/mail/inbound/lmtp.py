"""`scotty mail serve`: the LMTP (or SMTP) receiver, for sites whose mail server hands
Scotty its mail directly. The third way mail comes in.

Each message is stored once (`store.store`) however many of Scotty's addresses it is
for, and answered only once it is committed: 250 then; 552 when it is larger than
SCOTTY_MAX_INBOUND_BYTES; 451 4.3.0 when it could not be stored now (the database
away), so the sending server keeps it and tries again. A recipient that is none of
Scotty's addresses is refused at RCPT with 550. LMTP answers after the data once per
recipient, as RFC 2033 asks, so an LMTP client never waits for an answer that does
not come.

The database work runs in a few threads of the handler's own (the server's event loop
must never wait on it).
"""

import asyncio
import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from aiosmtpd.controller import Controller
from aiosmtpd.lmtp import LMTP
from aiosmtpd.smtp import SMTP, Envelope, Session
from django.conf import settings
from django.db import DatabaseError, close_old_connections, connections

from scotty.accounts.email_address import normalise_email
from scotty.mail.inbound.store import TooLarge, store
from scotty.mail.models import MailAddress, Source

logger = logging.getLogger(__name__)

T = TypeVar("T")

# The words of each answer are the protocol's (RFC 3463 enhanced codes), not a person's.
STORED = "250 2.0.0 Message stored"
TOO_LARGE = "552 5.3.4 Message too big for Scotty"
TRY_LATER = "451 4.3.0 Message not stored now, try again later"
UNKNOWN_RECIPIENT = "550 5.1.1 <{}>: not an address of Scotty's"
RECIPIENT_LATER = "451 4.3.0 <{}>: cannot check this address now, try again later"
THREADS = 4


def is_scotty_address(address: str) -> bool:
    """Whether mail to `address` is Scotty's: one of its active addresses, also with a
    +tag after the local part (it-help+IT-1042@example.org)."""
    address = normalise_email(address)
    local, at, domain = address.rpartition("@")
    if not at:
        return False
    plain = f"{local.split('+', 1)[0]}@{domain}"
    found = MailAddress.objects.filter(address__in={address, plain}, is_active=True)
    return found.exists()


class Handler:
    """aiosmtpd's handler: checks recipients, stores each message once."""

    def __init__(self, threads: int = THREADS) -> None:
        self.threads = threads
        self.executor = ThreadPoolExecutor(threads, thread_name_prefix="mail-store")

    async def _in_thread(self, work: Callable[[], T]) -> T:
        def run() -> T:
            close_old_connections()  # as Django does around each request
            try:
                return work()
            finally:
                close_old_connections()

        return await asyncio.get_running_loop().run_in_executor(self.executor, run)

    async def handle_RCPT(self, server: SMTP, session: Session, envelope: Envelope,
                          address: str, rcpt_options: list[str]) -> str:  # fmt: skip
        try:
            known = await self._in_thread(lambda: is_scotty_address(address))
        except Exception:  # the database away: the sender tries again later
            logger.exception("cannot check recipient %s", address)
            return RECIPIENT_LATER.format(address)
        if not known:
            return UNKNOWN_RECIPIENT.format(address)
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        raw = envelope.original_content or b""
        raw = raw if isinstance(raw, bytes) else raw.encode("utf-8", "surrogateescape")
        sender = envelope.mail_from or ""
        recipients = list(envelope.rcpt_tos)
        try:
            stored = await self._in_thread(lambda: store(
                raw, source=Source.LMTP, envelope_from=sender, envelope_to=recipients))  # fmt: skip
        except TooLarge:
            status = TOO_LARGE
        except DatabaseError:
            logger.exception("message from %s not stored: database", sender)
            status = TRY_LATER
        except Exception:  # whatever failed, the message must not be lost: the MTA retries
            logger.exception("message from %s not stored", sender)
            status = TRY_LATER
        else:
            logger.info("message %s from %s for %s %s", stored.id, sender, recipients,
                        "was stored before" if stored.duplicate else "stored")  # fmt: skip
            status = STORED
        return answer_for(server, status, len(recipients))

    def close(self) -> None:
        """Close each thread's database connections, then the threads."""
        barrier = threading.Barrier(self.threads)

        def close_mine() -> None:
            barrier.wait(timeout=10)  # one task in each thread: all wait till all run
            connections.close_all()

        for future in [self.executor.submit(close_mine) for _ in range(self.threads)]:
            future.result(timeout=20)
        self.executor.shutdown(wait=True)


def answer_for(server: SMTP, status: str, recipients: int) -> str:
    """The answer to a message's data: once over SMTP, once per recipient over LMTP
    (aiosmtpd writes the lines as they are)."""
    if isinstance(server, LMTP) and recipients > 1:
        return "\r\n".join([status] * recipients)
    return status


class _LMTP(LMTP):
    """aiosmtpd's LMTP, answering a refused data (too large, a line too long) once per
    recipient too: aiosmtpd answers it once, and an LMTP client would wait for the rest."""

    _after_data = False
    _recipients = 0

    async def smtp_DATA(self, arg: str) -> None:
        recipients = len(self.envelope.rcpt_tos) if self.envelope else 0
        self._recipients = recipients
        try:
            await super().smtp_DATA(arg)
        finally:
            self._after_data = False

    async def push(self, status: Any) -> None:
        text = status.decode() if isinstance(status, bytes) else str(status)
        if text.startswith("354"):
            self._after_data = True  # what comes next answers the data
        elif self._after_data and "\r\n" not in text and self._recipients > 1:
            self._after_data = False
            status = "\r\n".join([text] * self._recipients)
        await super().push(status)


class MailController(Controller):
    """The server in a thread of its own: SMTP or LMTP; port 0 picks a free port
    (`port` says which once started)."""

    def __init__(self, handler: Handler, *, host: str, port: int, lmtp: bool) -> None:
        super().__init__(handler, hostname=host, port=port,
                         data_size_limit=settings.SCOTTY_MAX_INBOUND_BYTES,
                         enable_SMTPUTF8=True, ident="Scotty")  # fmt: skip
        self.lmtp = lmtp

    def factory(self) -> SMTP:
        kind = _LMTP if self.lmtp else SMTP
        return kind(self.handler, **self.SMTP_kwargs)

    def _trigger_server(self) -> None:
        server = self.server
        if self.port == 0 and isinstance(server, asyncio.Server):
            self.port = server.sockets[0].getsockname()[1]
        super()._trigger_server()  # type: ignore[no-untyped-call]


def start(host: str, port: int, *, lmtp: bool = True, threads: int = THREADS) -> MailController:
    """A running receiver; `stop` it when done."""
    controller = MailController(Handler(threads), host=host, port=port, lmtp=lmtp)
    controller.start()
    return controller


def stop(controller: MailController) -> None:
    controller.stop()
    handler = controller.handler
    if isinstance(handler, Handler):
        handler.close()
