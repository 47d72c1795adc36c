"""Delivery failures: which mail could not be delivered, to whom, and why.

Two shapes are read:
- a delivery status notification (RFC 3464: multipart/report; report-type=
  delivery-status): Final-Recipient, Action, Status and Diagnostic-Code per recipient
  from the message/delivery-status part, and the undelivered mail's Message-ID from the
  message/rfc822 or text/rfc822-headers part beside it;
- a bounce a mail server wrote in prose (qmail, old Exim and Exchange, Domino): from a
  mailer-daemon or postmaster (or with the null Return-Path <>), with a subject that
  says delivery failed; the recipients, status and words come from the explanation,
  and the Message-ID from the original the server quoted or attached.

Only failures count: a DSN whose recipients were all delayed, relayed or delivered,
and a "warning: could not send for 4 hours" in prose, are not bounces (the mail may
still arrive; the loop rules still keep such mail from being answered).
"""

import re
from collections.abc import Iterable, Iterator
from email.message import Message

from scotty.mail.inbound import charsets
from scotty.mail.inbound.headers import Headers, folded, message_ids_in
from scotty.mail.inbound.mime import Contents
from scotty.mail.inbound.parsed import Address, Bounce

_DAEMONS = re.compile(
    r"^(mailer-?daemon|postmaster|mail-?daemon|mail\.?delivery\.?(system|subsystem)?"
    r"|mdaemon|mail-delivery-subsystem|bounces?|no-?reply)@",
    re.IGNORECASE,
)
_FAILED_SUBJECT = re.compile(
    r"undeliver|returned mail|delivery (failure|failed|has failed|error|notification"
    r"|status notification|problem)|failure notice|failed delivery|could not be delivered"
    r"|non[- ]?delivery|not delivered|mail system error|nicht zustellbar|unzustellbar"
    r"|non remis|no entregado|não entregue|error sending|not listed in|mail failure"
    r"|returned to sender|配信|失敗|失败|退信|エラー|недоставлен|не доставлено",
    re.IGNORECASE,
)
# Delivery notices that are not failures (the mail is late, or was delivered).
_NOT_FAILED_SUBJECT = re.compile(
    r"\bdelay|warning:|could not send message for past|will retry|still trying|\(success\)"
    r"|\(relay\)|^(re|aw|fwd?|wg|tr)\s*:",
    re.IGNORECASE,
)
_NOT_FAILED = {"delayed", "delivered", "relayed", "expanded"}
_ENHANCED_STATUS = re.compile(r"\b([245]\.\d{1,3}\.\d{1,3})\b")
_SMTP_REPLY = re.compile(r"\b[45]\d\d[ -]\S")
_ADDRESS = re.compile(r"[\w.+'-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+")
_ORIGINAL_ID = re.compile(r"^[ \t>]*+Message-ID:[ \t]*(.{1,300})$", re.IGNORECASE | re.MULTILINE)
# Where a prose bounce's own words end and its copy of the original begins.
_COPY = re.compile(
    r"^[ \t]*+(-{2,}+.{0,40}(copy of|original message|below this line|message follows"
    r"|returned message|undelivered message).*|(Return-Path|Received|Original message headers)"
    r":.*)$",
    re.IGNORECASE | re.MULTILINE,
)
_FIELD = re.compile(r"^([A-Za-z][A-Za-z0-9-]{0,60})\s*:\s*(.*)$")
_QUOTED_ORIGINAL_BYTES = 64_000  # the headers of an attached original are at its start
MAX_EXPLANATION = 20_000
MAX_RECIPIENTS = 20
MAX_DIAGNOSTIC = 1000


def bounce_of(headers: Headers, sender: Address, subject: str, text: str,
              contents: Contents) -> Bounce | None:  # fmt: skip
    """The delivery failure this message reports, or None if it is not one; `text` is
    the message's whole text."""
    recipients = list(_dsn_recipients(contents.reports))
    if recipients:
        failed = [r for r in recipients if r.get("action", "failed").lower() not in _NOT_FAILED]
        if not failed:
            return None  # delayed or delivered: not a failure
        return Bounce(
            original_message_id=_original_id(contents, text),
            recipients=tuple(dict.fromkeys(_recipient(r) for r in failed if _recipient(r))),
            status=_first(_ENHANCED_STATUS.findall(failed[0].get("status", ""))),
            diagnostic=_diagnostic(failed[0]) or _explanation_words(text),
        )
    if not _is_prose_bounce(headers, sender, subject):
        return None
    explanation = _explanation(text)
    return Bounce(
        original_message_id=_original_id(contents, text),
        recipients=_prose_recipients(headers, explanation, sender),
        status=_first(_ENHANCED_STATUS.findall(explanation)),
        diagnostic=_explanation_words(explanation),
    )


def _is_prose_bounce(headers: Headers, sender: Address, subject: str) -> bool:
    """Written by a server (not a person forwarding a bounce to the desk: that is a
    request), and saying that delivery failed."""
    if headers.has("X-Failed-Recipients"):
        return True  # Exim says so whatever the subject
    from_a_server = (
        bool(_DAEMONS.match(sender.address))
        or headers.text("Return-Path").strip() == "<>"
        or headers.token("Auto-Submitted") not in ("", "no")
    )
    return (
        from_a_server
        and bool(_FAILED_SUBJECT.search(subject))
        and not _NOT_FAILED_SUBJECT.search(subject)
    )


# --- RFC 3464 ------------------------------------------------------------------------


def _dsn_recipients(reports: list[Message]) -> Iterator[dict[str, str]]:
    """One dict of fields (lower-case names) per recipient block of the reports."""
    for report in reports:
        for block in _blocks(report):
            if "final-recipient" in block or "original-recipient" in block:
                yield block


def _blocks(report: Message) -> Iterable[dict[str, str]]:
    """The report's field blocks: as the parser split them (a list of header blocks), or
    read from its text when it came encoded or damaged."""
    payload = report.get_payload()
    if isinstance(payload, list):
        return [
            _fields(Headers(block).raw_fields()) for block in payload if isinstance(block, Message)
        ]
    data = report.get_payload(decode=True)
    text = charsets.decode(data if isinstance(data, bytes) else b"", None).text
    return [_fields(_text_fields(chunk)) for chunk in re.split(r"\n\s*\n", text)]


def _text_fields(chunk: str) -> Iterator[tuple[str, str]]:
    name, value = "", ""
    for line in chunk.splitlines():
        if line[:1] in (" ", "\t") and name:
            value += " " + line.strip()
            continue
        if name:
            yield name, value
        found = _FIELD.match(line)
        name, value = (found.group(1), found.group(2)) if found else ("", "")
    if name:
        yield name, value


def _fields(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for name, value in pairs:
        fields.setdefault(name.lower(), folded(value))
    return fields


def _recipient(block: dict[str, str]) -> str:
    """ "rfc822; user@example.org" -> "user@example.org"."""
    value = block.get("final-recipient") or block.get("original-recipient") or ""
    address = value.split(";", 1)[-1].strip().strip("<>")
    return address.lower() if "@" in address else ""


def _diagnostic(block: dict[str, str]) -> str:
    value = block.get("diagnostic-code", "")
    kind, _, said = value.partition(";")
    return (said.strip() if said else kind.strip())[:MAX_DIAGNOSTIC]


# --- prose ---------------------------------------------------------------------------


def _explanation(text: str) -> str:
    """The server's own words: the text up to its copy of the original (and no more
    than a server writes: reading megabytes for addresses would only cost time)."""
    text = text[:MAX_EXPLANATION]
    found = _COPY.search(text)
    return text[: found.start()] if found else text


def _explanation_words(text: str) -> str:
    """What the server said: the lines with an SMTP reply in them, else its first
    lines."""
    lines = [line.strip() for line in _explanation(text).splitlines() if line.strip()]
    replies = [line for line in lines if _SMTP_REPLY.search(line)]
    return folded(" ".join(replies[:3] or lines[:4]))[:MAX_DIAGNOSTIC]


def _prose_recipients(headers: Headers, explanation: str, sender: Address) -> tuple[str, ...]:
    failed = headers.text("X-Failed-Recipients")
    found = _ADDRESS.findall(failed) or _ADDRESS.findall(explanation)
    ignored = {sender.address, *(a.address for a in headers.addresses("To"))}
    kept = [a.lower() for a in found if a.lower() not in ignored and not _DAEMONS.match(a)]
    return tuple(dict.fromkeys(kept))[:MAX_RECIPIENTS]


# --- the undelivered original ----------------------------------------------------------


def _original_id(contents: Contents, text: str) -> str:
    """The undelivered mail's Message-ID: from the original a report carries, else a
    forwarded message, else a Message-ID line in the server's text or in a text file
    (servers quote the original, or attach it as text)."""
    for original in (*contents.originals, *contents.forwarded):
        found_ids = Headers(original).message_ids("Message-ID")
        if found_ids:
            return found_ids[0]
    texts = [text] + [
        charsets.decode(file.data[:_QUOTED_ORIGINAL_BYTES], None).text
        for file in contents.files
        if file.content_type.startswith("text/")
    ]
    for found in (m for t in texts for m in _ORIGINAL_ID.finditer(t)):
        ids = message_ids_in(found.group(1))
        if ids:
            return ids[0]
    return ""


def _first(values: list[str]) -> str:
    return values[0] if values else ""
