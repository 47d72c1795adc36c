"""`scotty mail ingest`: one raw message on standard input, from a mail server's pipe
(Postfix `pipe`, Exim's pipe transport, a .forward), answered with the exit codes mail
servers understand (sysexits.h): 0 once the message is stored (whatever processing
makes of it, quarantine included), 75 (EX_TEMPFAIL) when it could not be stored now, so
the server keeps it and tries again, 65 (EX_DATAERR) for input that is no message, and
69 (EX_UNAVAILABLE) for a message larger than Scotty takes, which the server bounces
to its sender."""

import logging
from typing import BinaryIO

from django.db import DatabaseError

from scotty.mail.inbound.store import Stored, TooLarge, store
from scotty.mail.models import Source

log = logging.getLogger(__name__)

EX_OK = 0
EX_DATAERR = 65
EX_UNAVAILABLE = 69
EX_TEMPFAIL = 75


def ingest_from(stream: BinaryIO, *, recipients: list[str], sender: str = "",
                now: bool = False) -> tuple[int, Stored | None]:  # fmt: skip
    """Store the message on `stream`; (exit code, what was stored). `now`: process it in
    this process too, instead of leaving it to the worker."""
    try:
        raw = stream.read()
    except OSError:
        return EX_TEMPFAIL, None
    if not raw.strip():
        return EX_DATAERR, None
    try:
        stored = store(raw, source=Source.PIPE, envelope_from=sender, envelope_to=recipients)
    except TooLarge:
        return EX_UNAVAILABLE, None
    except DatabaseError:
        log.exception("Could not store a message from the pipe")
        return EX_TEMPFAIL, None
    if now and not stored.duplicate:
        from scotty.mail.inbound.ingest import process

        process(stored.id)
    return EX_OK, stored
