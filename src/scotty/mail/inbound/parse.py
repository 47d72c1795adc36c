"""Raw bytes as stored -> ParsedMail: what the ingester reads of a message. Pure: no
database, no network, the same bytes always give the same result.

Any bytes at all: an mbox "From " line or other lines before the headers, LF, CRLF or
CR-only line endings, missing headers, MIME that breaks its own rules. Python's
`email` package (policy.default) reads the structure; the helpers beside this module
read the rest the lenient way mail needs:
- `headers`: header values, RFC 2047 (also broken), addresses and Message-IDs;
- `charsets`: every charset label and the usual wrong ones;
- `mime`: the parts: body text and HTML, files, forwarded mail, reports; `tnef`
  unpacks winmail.dat;
- `html`: the HTML sanitised (nh3), and read as text when there is no text part;
- `quoting`: the text split into what this message says and the history below it;
- `signals` (Auto-Submitted, Precedence, List-Id, automatic replies) and `bounces`
  (delivery failures);
- `limits`: the attachment limits, with what they left out in words.

`parse` raises `Unparseable` for input with no message in it at all: empty, or no
header line among its first lines. Anything else comes back as a ParsedMail, with what
had to be guessed in `defects`; a message whose parts cannot be read (nested thousands
deep, or an error in this code) comes back as its headers and its text.
"""

import dataclasses
import functools
import re
from email.headerregistry import BaseHeader
from email.message import Message
from email.parser import BytesParser
from email.policy import EmailPolicy
from typing import Any

from scotty.mail.inbound import mime, quoting
from scotty.mail.inbound.bounces import bounce_of
from scotty.mail.inbound.charsets import printable
from scotty.mail.inbound.headers import Headers
from scotty.mail.inbound.html import sanitise, to_text
from scotty.mail.inbound.limits import within_limits
from scotty.mail.inbound.parsed import Address, Bounce, ParsedMail
from scotty.mail.inbound.signals import signals_of

# A header field's name (RFC 5322: printable ASCII but the colon) and its colon.
_HEADER_LINE = re.compile(rb"[!-9;-~]{1,76}[ \t]*:")
_LINE = re.compile(rb"[^\n]*\n?")
_BEFORE_HEADERS_LINES = 40  # mbox "From " lines, blank lines, a stray line of garbage
_NEWLINES = re.compile(r"\r\n?")
_ENRICHED_MARKUP = re.compile(r"<<|<[^<>]{0,60}>")  # "<<" is text/enriched's "<"
_PREAMBLE_BOILERPLATE = re.compile(r"this is a multi-?part message in mime format\.?", re.I)


class Unparseable(Exception):
    """No message in these bytes (empty, or no header at all): the ingester quarantines
    it with this reason."""


class _Policy(EmailPolicy):
    """policy.default, with two changes to how it reads the headers it is asked for
    (the MIME ones: Content-Type, Content-Disposition, Content-Transfer-Encoding):

    - it remembers the header objects it built for one message: the parser asks for a
      part's Content-Type several times while reading it, and building one is most of
      the time a parse takes;
    - a header is read up to its first MAX_MIME_PARAMETERS parameters: building one
      takes time that grows faster than its length (a Content-Type of a megabyte of
      parameters takes minutes), and no real one has more.
    """

    header_cache: dict[tuple[str, str], Any] | None = None

    def __init__(self, *, header_cache: dict[tuple[str, str], Any] | None = None) -> None:
        own: dict[str, Any] = {"header_cache": header_cache}  # a name typeshed cannot know
        super().__init__(**own)

    def header_fetch_parse(self, name: str, value: str) -> Any:
        if isinstance(value, BaseHeader):
            return value
        value = _cut(value)
        if self.header_cache is None:
            return super().header_fetch_parse(name, value)
        key = (name.lower(), value)
        found = self.header_cache.get(key)
        if found is None:
            found = self.header_cache[key] = super().header_fetch_parse(name, value)
        return found


# What the last resorts say (a test asserts the fuzzer never reaches NOT_READ_WHOLE).
NESTED_TOO_DEEP = "the message is nested too deep to read its parts"
NOT_READ_WHOLE = "the message could not be read whole"
MAX_MIME_PARAMETERS = 32
MAX_MIME_HEADER_CHARS = 8_000
_CONTENT_TYPE_LINE = re.compile(rb"^content-type[ \t]*:", re.IGNORECASE | re.MULTILINE)


def _cut(value: str) -> str:
    if len(value) <= MAX_MIME_HEADER_CHARS and value.count(";") <= MAX_MIME_PARAMETERS:
        return value
    return ";".join(value[:MAX_MIME_HEADER_CHARS].split(";")[: MAX_MIME_PARAMETERS + 1])


def parse(raw: bytes, *, remote_images: bool = False) -> ParsedMail:
    """The message in `raw` as ParsedMail; `remote_images` keeps remote images in the
    sanitised HTML (an agent asked to see them). Raises Unparseable if there is no
    message in it."""
    data = _from_first_header(raw)
    if len(_CONTENT_TYPE_LINE.findall(data)) > mime.MAX_PARTS:
        # Parsing each part costs time; a message with more is read as headers and text.
        return _read_flat(data, f"the message has more than {mime.MAX_PARTS:,} parts")
    try:
        message = _parser().parsebytes(data)
        return _read(message, remote_images=remote_images)
    except Unparseable:
        raise
    except RecursionError:
        # The email package recurses once per nested part and message: a message built
        # to be nested thousands deep is read as headers and text.
        return _read_flat(data, NESTED_TOO_DEEP)
    except Exception as error:  # a bug here must not lose the message
        try:
            return _read_flat(data, f"{NOT_READ_WHOLE} ({type(error).__name__}: {error})")
        except Exception as second:  # the ingester quarantines it, with the reason
            raise Unparseable(f"{NOT_READ_WHOLE} ({type(second).__name__}: {second})") from error


def _parser() -> "BytesParser[Message]":
    return BytesParser(policy=_Policy(header_cache={}))


def _from_first_header(raw: bytes) -> bytes:
    """The bytes from the first header line on, CR-only line endings made LF (the
    parser reads them, but not in quoted-printable soft breaks and the like)."""
    data = raw.removeprefix(b"\xef\xbb\xbf")
    if b"\n" not in data and b"\r" in data:
        data = data.replace(b"\r", b"\n")
    at = 0
    for _ in range(_BEFORE_HEADERS_LINES):
        line = _LINE.match(data, at)
        if line is None or line.end() == at:
            break
        if _HEADER_LINE.match(line.group()):
            return data[at:]
        at = line.end()
    if not data.strip():
        raise Unparseable("the message is empty")
    raise Unparseable("no header line was found at the start of the message")


def _read(message: Message, *, remote_images: bool) -> ParsedMail:
    if not message.keys():
        raise Unparseable("no header line was found at the start of the message")
    headers = Headers(message, hint=mime.first_charset(message))
    contents = mime.read(message, headers)
    subject = headers.subject()
    sender = _sender(headers)
    body, html_source = _words(message, contents)
    split = quoting.split(body, subject=subject)
    sanitised = sanitise(html_source, remote_images=remote_images) if html_source else None
    signals = signals_of(headers, subject)
    bounce = bounce_of(headers, sender, subject, body, contents)
    parts, left_out = within_limits(contents.files, contents.unread_parts)
    defects = [*headers.defects, *contents.defects, *_parser_defects(message)]
    if sanitised and sanitised.defect:
        defects.append(sanitised.defect)
    return ParsedMail(
        message_id=_first(headers.message_ids("Message-ID")),
        subject=subject,
        sender=sender,
        reply_to=headers.addresses("Reply-To"),
        to=headers.addresses("To"),
        cc=headers.addresses("Cc"),
        in_reply_to=headers.message_ids("In-Reply-To"),
        references=headers.message_ids("References"),
        text=printable(split.text),
        quoted=printable(split.quoted),
        html=printable(sanitised.html) if sanitised else "",
        parts=parts,
        remote_images=sanitised.remote_images if sanitised else 0,
        auto_submitted=signals.auto_submitted,
        precedence=signals.precedence,
        list_id=signals.list_id,
        is_auto_reply=_is_auto_reply(signals.is_auto_reply, contents, bounce),
        bounce=bounce,
        left_out=left_out,
        defects=tuple(dict.fromkeys(defects)),
    )


def _read_flat(data: bytes, why: str) -> ParsedMail:
    """Headers and the body as one text, for a message whose parts cannot be read (a
    multipart read this way is a leaf, and `mime` reads a multipart leaf as text)."""
    read = _read(_parser().parsebytes(data, headersonly=True), remote_images=False)
    return dataclasses.replace(read, defects=(*read.defects, why))


def _is_auto_reply(said: bool, contents: mime.Contents, bounce: Bounce | None) -> bool:
    """What the headers say, and every report (RFC 6522: a read receipt, an abuse
    report, a delay notice) but a bounce: a bounce is a kind of its own, though servers
    mark theirs auto-replied too."""
    return bounce is None and (said or bool(contents.report_type))


def _sender(headers: Headers) -> Address:
    """From; when it has no readable address, Sender, then Return-Path."""
    named = ""
    for name in ("From", "Sender", "Return-Path"):
        for address in headers.addresses(name):
            if address.address:
                return Address(address.name or named, address.address)
            named = named or address.name
    return Address(named, "")


def _words(message: Message, contents: mime.Contents) -> tuple[str, str]:
    """The text (from the text parts, else the HTML, else what else there is) and the
    HTML to sanitise."""
    html = "\n".join(contents.htmls) or contents.tnef_html
    if contents.texts:
        text = "\n\n".join(t.strip("\r\n") for t in contents.texts)
    elif html:
        text = to_text(html)
    elif contents.enriched:
        text = _ENRICHED_MARKUP.sub(_enriched_words, "\n\n".join(contents.enriched))
    else:
        text = contents.tnef_text or _preamble(message)
    return _NEWLINES.sub("\n", text), html


def _enriched_words(markup: re.Match[str]) -> str:
    return "<" if markup.group() == "<<" else ""


def _preamble(message: Message) -> str:
    """What some bounces write before the first part instead of in one."""
    preamble = message.preamble if isinstance(message.preamble, str) else ""
    return "" if _PREAMBLE_BOILERPLATE.fullmatch(preamble.strip()) else preamble.strip()


@functools.cache
def _defect_words(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", " ", name.removesuffix("Defect")).lower()


def _parser_defects(message: Message) -> list[str]:
    return [f"MIME: {_defect_words(type(d).__name__)}" for d in message.defects]


def _first(values: tuple[str, ...]) -> str:
    return values[0] if values else ""
