"""The MIME tree of a message read into its words, its files and its reports.

One pass over the parts, depth first in the order they came, never recursing (a
message nested a thousand deep is a loop, not a stack overflow) and reading at most
MAX_PARTS parts. Each leaf is one of:
- body text: text/plain, text/html or text/enriched without a filename and not marked
  as an attachment (a multipart/alternative has both: the text for `text`, the HTML for
  `html`);
- a file: everything else, images with a Content-ID marked inline; a forwarded message
  (message/rfc822) kept whole as an .eml file; Outlook's winmail.dat unpacked into the
  files it holds;
- a report: the machine-readable parts of a delivery status notification (RFC 3464),
  which `bounces` reads; the undelivered original is also kept as a file;
- nothing: signatures and the protocol parts of encrypted mail (an agent can do nothing
  with them, and the raw message keeps them).
"""

import mimetypes
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import policy
from email.message import Message
from email.parser import BytesHeaderParser

from scotty.mail.inbound import charsets, tnef
from scotty.mail.inbound.headers import Headers, folded
from scotty.mail.inbound.parsed import Part
from scotty.tickets.services.attachments import clean_filename

MAX_DEPTH = 200  # deeper than Python's parser reads (parse reads such a message as text)
MAX_PARTS = 10_000  # no real message has this many; each costs time to read
_BODY_TYPES = {"text/plain", "text/html", "text/enriched"}
_REPORT_TYPES = {"message/delivery-status", "message/global-delivery-status"}
_ORIGINAL_HEADER_TYPES = {"text/rfc822-headers", "message/global-headers"}
_SKIPPED_TYPES = {
    "application/pgp-signature", "application/pkcs7-signature",
    "application/x-pkcs7-signature", "application/pgp-encrypted",
    "message/disposition-notification", "message/feedback-report",
    "message/external-body",  # only says where the content is (an FTP server ...)
}  # fmt: skip
_TNEF_TYPES = {"application/ms-tnef", "application/vnd.ms-tnef"}
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}charset=["']?([\w.:-]{1,40})""", re.IGNORECASE)
_CONTENT_ID = re.compile(r"^\s*<?\s*|\s*>?\s*$")


@dataclass
class Contents:
    texts: list[str] = field(default_factory=list)
    htmls: list[str] = field(default_factory=list)
    enriched: list[str] = field(default_factory=list)
    files: list[Part] = field(default_factory=list)  # before the limits are applied
    reports: list[Message] = field(default_factory=list)  # message/delivery-status parts
    originals: list[Message] = field(default_factory=list)  # headers of undelivered mail
    forwarded: list[Message] = field(default_factory=list)  # every message/* part's headers
    report_type: str = ""  # of a multipart/report message: "delivery-status" ...
    unread_parts: int = 0  # beyond MAX_PARTS or MAX_DEPTH
    tnef_text: str = ""
    tnef_html: str = ""
    defects: list[str] = field(default_factory=list)


def first_charset(message: Message) -> str | None:
    """The first charset the message names, as the likeliest one for raw 8-bit header
    bytes (the manifest's and most clients' guess)."""
    for part, _depth, _report in _parts(message, limit=50):
        charset = _charset(part)
        if charset:
            return charset
    return None


def read(message: Message, headers: Headers) -> Contents:
    """The message's words, files and reports (see the module's rules)."""
    contents = Contents()
    for part, _depth, in_report in _parts(message, limit=MAX_PARTS, contents=contents):
        _read_part(part, in_report, contents, headers)
    return contents


def _parts(message: Message, *, limit: int,
           contents: Contents | None = None) -> Iterator[tuple[Message, int, bool]]:  # fmt: skip
    """The leaves and forwarded messages of the tree, in order, with their depth and
    whether they are inside a delivery report. Multiparts are opened, not yielded."""
    stack: list[tuple[Message, int, bool]] = [(message, 0, False)]
    seen = 0
    while stack:
        part, depth, in_report = stack.pop()
        seen += 1
        if seen > limit or depth > MAX_DEPTH:
            if contents is not None:
                contents.unread_parts += 1
            continue
        children = _children(part)
        if children is None:
            yield part, depth, in_report
            continue
        report_type = _report_type(part)
        if contents is not None and depth == 0:
            contents.report_type = report_type
        report = in_report or report_type == "delivery-status"
        stack.extend((child, depth + 1, report) for child in reversed(children))


def _report_type(part: Message) -> str:
    """ "delivery-status" of a multipart/report (RFC 6522), "report" when it names none."""
    if _type(part) != "multipart/report":
        return ""
    return _param(part, "report-type").lower() or "report"


def _children(part: Message) -> list[Message] | None:
    """The parts of a multipart; None for a leaf (a message/rfc822 is a leaf here: it
    is kept whole, and a multipart without a boundary is read as text)."""
    if _type(part).startswith("multipart/") and part.is_multipart():
        payload = part.get_payload()
        return [child for child in payload if isinstance(child, Message)]
    return None


def _type(part: Message) -> str:
    try:
        return part.get_content_type()
    except Exception:  # a Content-Type the header parser chokes on
        return "application/octet-stream"


def _read_part(part: Message, in_report: bool, contents: Contents, headers: Headers) -> None:
    kind = _type(part)
    if kind in _SKIPPED_TYPES:
        return
    if kind in _REPORT_TYPES:
        contents.reports.append(part)
        return
    if kind in _ORIGINAL_HEADER_TYPES:
        contents.originals.append(_headers_in(part))
        return
    if kind.startswith("message/"):
        _read_forwarded(part, in_report, contents, headers)
        return
    filename = _filename(part, headers)
    if (kind in _BODY_TYPES or kind.startswith("multipart/")) and not _is_attachment(
        part, filename
    ):
        _read_body(part, kind, contents)
        return
    data = _payload(part)
    if (kind in _TNEF_TYPES or filename.lower() == "winmail.dat") and _read_tnef(data, contents):
        return
    contents.files.append(_file(part, kind, filename, data))


def _is_attachment(part: Message, filename: str) -> bool:
    return bool(filename) or _disposition(part) == "attachment"


def _disposition(part: Message) -> str:
    return _param(part, "", "content-disposition").lower()


def _read_body(part: Message, kind: str, contents: Contents) -> None:
    data = _payload(part)
    label = _charset(part)
    if kind == "text/html" and not label:
        found = _META_CHARSET.search(data[:2048])
        label = found.group(1).decode("ascii") if found else None
    decoded = charsets.decode(data, label)
    text = decoded.text.lstrip("\ufeff")
    if decoded.defect:
        contents.defects.append(decoded.defect)
    if kind == "text/html":
        contents.htmls.append(text)
    elif kind == "text/enriched":
        contents.enriched.append(text)
    else:
        contents.texts.append(text)


def _read_forwarded(part: Message, in_report: bool, contents: Contents, headers: Headers) -> None:
    """A message/rfc822 (or other message/*) part: kept whole as an .eml file; inside a
    delivery report it is also the undelivered original, whose Message-ID matters."""
    inner = part.get_payload(0) if part.is_multipart() else None
    if isinstance(inner, Message):
        data = _as_bytes(inner)
    else:  # encoded (base64 is against the rules here, but sent), or not parsed
        data = _payload(part)
        inner = _headers_in(part)
    subject = Headers(inner, hint=headers.hint).subject()
    contents.forwarded.append(inner)
    if in_report:
        contents.originals.append(inner)
    name = _filename(part, headers) or clean_filename(f"{subject[:100] or 'message'}.eml")
    if not name.lower().endswith(".eml"):
        name += ".eml"
    contents.files.append(Part(name, "message/rfc822", data))


# Writes a message's header lines back as they came, without reading them again.
_VERBATIM = policy.default.clone(refold_source="none")


def _as_bytes(message: Message) -> bytes:
    try:
        return message.as_bytes(policy=_VERBATIM)
    except Exception:  # writing a malformed message back can fail
        try:
            return message.as_string().encode("utf-8", "surrogateescape")
        except Exception:  # and so can the other way: the raw message still has it
            return b""


def _headers_in(part: Message) -> Message:
    """The headers a text/rfc822-headers part (or an undecodable message part) holds."""
    return BytesHeaderParser().parsebytes(_payload(part))


def _read_tnef(data: bytes, contents: Contents) -> bool:
    """Unpacks a winmail.dat into its files; False when it holds none (damaged, or only
    a body), so that it is kept as it came and nothing in it is lost."""
    unpacked = tnef.unpack(data)
    if unpacked is None:
        contents.defects.append("a winmail.dat (TNEF) file could not be unpacked")
        return False
    for name, file_data in unpacked.files:
        filename = clean_filename(name) if name else "attachment"
        kind = mimetypes.guess_type(filename)[0] or "application/octet-stream"
        contents.files.append(Part(filename, kind, file_data))
    contents.tnef_text = contents.tnef_text or unpacked.text
    contents.tnef_html = contents.tnef_html or unpacked.html
    return bool(unpacked.files)


def _file(part: Message, kind: str, filename: str, data: bytes) -> Part:
    content_id = _content_id(part)
    disposition = _disposition(part)
    inline = (
        kind.startswith("image/")
        and disposition != "attachment"
        and (bool(content_id) or disposition == "inline")
    )
    if not filename:
        extension = mimetypes.guess_extension(kind) or ".bin"
        filename = ("image" if kind.startswith("image/") else "attachment") + extension
    return Part(filename, kind, data, content_id, inline)


def _filename(part: Message, headers: Headers) -> str:
    """The part's filename (RFC 2231 and, against the rules but common, RFC 2047),
    without directories or characters that are unsafe in a name."""
    try:
        name = part.get_filename() or ""
    except Exception:  # a parameter the header parser cannot read
        return ""
    name = folded(headers.words(headers.from_8bit(str(name))))
    return clean_filename(name) if name else ""


def _content_id(part: Message) -> str:
    values = [value for key, value in part.raw_items() if key.lower() == "content-id"]
    return _CONTENT_ID.sub("", folded(values[0]))[:250] if values else ""


def _charset(part: Message) -> str | None:
    return _param(part, "charset") or None


def _param(part: Message, name: str, header: str = "content-type") -> str:
    """A parameter of a MIME header ("" for its value itself), "" if it has none or
    cannot be read."""
    try:
        if not name:
            value = part.get(header)
            return str(value).split(";", 1)[0].strip() if value is not None else ""
        found = part.get_param(name, header=header)
    except Exception:  # a header the header parser cannot read
        return ""
    if isinstance(found, tuple):  # RFC 2231 form: (charset, language, value)
        found = found[2]
    return str(found or "")


def _payload(part: Message) -> bytes:
    """The part's bytes, its transfer encoding undone as far as it can be."""
    try:
        data = part.get_payload(decode=True)
    except Exception:  # a transfer encoding broken past repair: the bytes as they came
        data = None
    if isinstance(data, bytes):
        return data
    payload = part.get_payload()
    if isinstance(payload, str):
        return payload.encode("utf-8", "surrogateescape")
    return b""
