"""The one way in: every message (an IMAP mailbox, the MTA pipe, the LMTP receiver) is
stored here byte for byte, once, before anything reads it; processing happens after
the commit, in a task (`ingest.process`).

Storing reads nothing but the Message-ID header, with the most forgiving parser there
is, so a message that cannot be parsed is stored all the same (and quarantined by the
processing, with the reason). The same message delivered twice, by Message-ID or by
its bytes when it has none, is stored once: the second delivery finds the first.
"""

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from email import policy
from email.parser import BytesHeaderParser

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from scotty.core.queries import insert_unless_exists
from scotty.mail.models import InboundMessage, Mailbox

_ANGLE = re.compile(r"<([^<>\s]{1,240})>")


class TooLarge(Exception):
    """Larger than SCOTTY_MAX_INBOUND_BYTES: refused before it is stored (the LMTP
    receiver answers 552, the pipe exits with a permanent failure)."""


@dataclass(frozen=True)
class Stored:
    id: int
    duplicate: bool  # this message was stored before; nothing new was done


def message_id_of(raw: bytes) -> str:
    """The Message-ID, without angle brackets, from the headers only; "" if none can be
    read (no header, garbage, a header too long to be one)."""
    try:
        headers = BytesHeaderParser(policy=policy.compat32).parsebytes(raw[:256_000])
        value = str(headers.get("Message-ID", "") or "")
    except Exception:  # any garbage: the message is stored without one
        return ""
    found = _ANGLE.search(value)
    if found:
        return found.group(1)
    value = value.strip()
    return value if value and len(value) <= 240 and " " not in value else ""


def store(raw: bytes, *, source: str, mailbox: Mailbox | None = None, envelope_from: str = "",
          envelope_to: Sequence[str] = ()) -> Stored:  # fmt: skip
    """Store one message as received and have it processed once this commits. Raises
    TooLarge above the configured limit; a message stored before is not stored again
    (`Stored.duplicate`)."""
    if len(raw) > settings.SCOTTY_MAX_INBOUND_BYTES:
        raise TooLarge(len(raw))
    sha = hashlib.sha256(raw).hexdigest()
    message_id = message_id_of(raw)
    key = f"mid:{message_id}" if message_id else f"sha:{sha}"
    with transaction.atomic():
        new = insert_unless_exists(
            InboundMessage,
            {
                "raw": raw, "size": len(raw), "sha256": sha, "dedupe_key": key[:300],
                "message_id": message_id, "source": source,
                "mailbox": mailbox.pk if mailbox else None,
                "envelope_from": envelope_from[:254], "envelope_to": "\n".join(envelope_to),
                "received_at": timezone.now(), "state": "stored", "outcome": "", "reason": "",
                "sender": "", "subject": "", "attempts": 0,
            },
            unique=["dedupe_key"],
        )  # fmt: skip
        if new is None:
            existing = InboundMessage.objects.values_list("pk", flat=True).get(dedupe_key=key[:300])
            return Stored(existing, duplicate=True)
        transaction.on_commit(lambda: _enqueue(new))
    return Stored(new, duplicate=False)


def _enqueue(inbound_id: int) -> None:
    from scotty.mail.tasks import process_inbound_task  # tasks import this module

    process_inbound_task(inbound_id)
