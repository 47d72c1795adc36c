"""Header values as text: raw 8-bit bytes, RFC 2047 encoded words (the broken ones
too), addresses and Message-IDs.

The values are read from the header lines as they arrived (`raw_items`), not through
the email package's header objects: those give up on an unknown charset, split a
multibyte character that a sender cut across two encoded words, and take time to
build that a header of a megabyte makes long. Every reader here is lenient and
linear, and never raises.
"""

import base64
import binascii
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from email.message import Message
from email.utils import getaddresses

from scotty.accounts.email_address import normalise_email
from scotty.mail.inbound import charsets
from scotty.mail.inbound.parsed import Address

# An encoded word, leniently: senders put spaces and "?" in the text and write the
# encoding in either case. The text is bounded, so that a header of a thousand
# unclosed words costs a few passes over it, not a thousand.
_WORD = re.compile(r"=\?([^?\s]{1,75})\?([bBqQ])\?(.{0,400}?)\?=")
_BETWEEN_WORDS = re.compile(r"[ \t\r\n]*")
_FOLD = re.compile(r"\r\n|\r|\n")
_SPACES = re.compile(r"\s+")
_MESSAGE_ID = re.compile(r"<([^<>\s]{1,250})>")
_TOKEN = re.compile(r"\s*([^\s;()]+)")
_NOT_BASE64 = re.compile(r"[^A-Za-z0-9+/]")
# Beyond these a header is not a real one; reading the rest would only cost time.
MAX_HEADER_CHARS = 64_000
MAX_ADDRESSES = 500
MAX_ADDRESS_CHARS = 25_000
MAX_REFERENCES = 50


@dataclass
class Headers:
    """The header lines of one message or part, readable as text.

    `hint` is a charset the same message names elsewhere, for header bytes that are
    raw 8-bit and not UTF-8; what had to be guessed goes to `defects`.
    """

    message: Message
    hint: str | None = None
    defects: list[str] = field(default_factory=list)
    _raw: dict[str, list[str]] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        for name, value in self.message.raw_items():
            self._raw.setdefault(name.lower(), []).append(value)

    def raw_fields(self) -> Iterator[tuple[str, str]]:
        """Every header line as (name, unfolded value), in order."""
        for name, value in self.message.raw_items():
            yield name, self.unfold(value)

    def raw(self, name: str) -> list[str]:
        return self._raw.get(name.lower(), [])

    def has(self, name: str) -> bool:
        return name.lower() in self._raw

    def text(self, name: str) -> str:
        """The first such header, unfolded and 8-bit decoded; encoded words left as
        they are (addresses must be split before their names are decoded)."""
        values = self.raw(name)
        return self.unfold(values[0]) if values else ""

    def unfold(self, value: str) -> str:
        if len(value) > MAX_HEADER_CHARS:
            self.note(f"a header of {len(value):,} characters was cut short")
            # At a space, so that no encoded word is cut in two.
            cut = value.rfind(" ", MAX_HEADER_CHARS - 1000, MAX_HEADER_CHARS)
            value = value[: cut if cut > 0 else MAX_HEADER_CHARS]
        return _FOLD.sub("", self.from_8bit(value))

    def from_8bit(self, value: str) -> str:
        """The parser keeps raw 8-bit header bytes as surrogate escapes: read them as
        UTF-8 (RFC 6532), else as the message's own charset, else as Windows-1252."""
        if value.isascii():
            return value
        data = value.encode("utf-8", "surrogateescape")
        decoded = charsets.decode(data, None, hint=self.hint)
        self.note(decoded.defect and f"raw 8-bit header: {decoded.defect}")
        return decoded.text

    def words(self, value: str) -> str:
        """`value` with its encoded words decoded."""
        return decode_words(value, self)

    def note(self, defect: str) -> None:
        if defect and defect not in self.defects:
            self.defects.append(defect)

    # --- the fields a ParsedMail carries ---------------------------------------------

    def subject(self) -> str:
        return folded(self.words(self.text("Subject")))

    def addresses(self, name: str) -> tuple[Address, ...]:
        """Every address in every such header (To may come twice), without the empty
        groups ("undisclosed-recipients:;")."""
        found: list[Address] = []
        for value in self.raw(name):
            found.extend(self._split(self._at_most_addresses(self.unfold(value), name)))
        if len(found) > MAX_ADDRESSES:
            self.note(f"{name}: only the first {MAX_ADDRESSES} addresses were read")
        return tuple(found[:MAX_ADDRESSES])

    def _at_most_addresses(self, value: str, name: str) -> str:
        """Splitting addresses is slow work: a value longer than MAX_ADDRESS_CHARS (more
        than MAX_ADDRESSES addresses anyway) is cut at a comma before it."""
        if len(value) <= MAX_ADDRESS_CHARS:
            return value
        self.note(f"{name}: only the first {MAX_ADDRESS_CHARS:,} characters were read")
        return value[: max(0, value.rfind(",", 0, MAX_ADDRESS_CHARS))]

    def _split(self, value: str) -> Iterable[Address]:
        if "@" not in value:
            # A name alone ("From: Printer Room"), or an empty group ("undisclosed-
            # recipients:;"): the address splitter would keep one word of it.
            name = folded(self.words(value.strip(" \t<>")))
            if name and not name.endswith(";"):
                yield Address(name, "")
            return
        pairs = getaddresses([value])
        if pairs == [("", "")] and value.strip():
            # The strict reading refuses what it cannot split safely; the old one
            # splits at its best guess, which beats no address at all.
            pairs = getaddresses([value], strict=False)
        for name, address in pairs:
            if "@" in address or name:
                yield Address(folded(self.words(name)), _mailbox(address))

    def message_ids(self, name: str) -> tuple[str, ...]:
        """The Message-IDs in such headers, without angle brackets, each once. Of more
        than MAX_REFERENCES the first (the thread's root) and the latest are kept."""
        ids: dict[str, None] = {}
        for value in self.raw(name):
            ids.update(dict.fromkeys(message_ids_in(self.unfold(value))))
        found = tuple(ids)
        if len(found) > MAX_REFERENCES:
            return (found[0], *found[-(MAX_REFERENCES - 1) :])
        return found

    def token(self, name: str) -> str:
        """A one-word value in lower case, without parameters or comments: "auto-replied"
        of "Auto-Replied; owner-email=..." and "auto-generated" of "auto-generated
        (failure)"."""
        found = _TOKEN.match(self.text(name))
        return found.group(1).lower() if found else ""


def message_ids_in(value: str) -> list[str]:
    found = _MESSAGE_ID.findall(value)
    if found:
        return found
    # Some software leaves the angle brackets off a lone Message-ID.
    bare = value.strip()
    return [bare] if bare and len(bare) <= 250 and not _SPACES.search(bare) else []


def _mailbox(address: str) -> str:
    return normalise_email(charsets.printable(address)) if "@" in address else ""


def folded(text: str) -> str:
    """Runs of whitespace as one space, none at the ends, no control characters: how a
    subject or a name is shown."""
    return charsets.printable(_SPACES.sub(" ", text).strip())


def decode_words(value: str, headers: Headers) -> str:
    """RFC 2047 decoded. The whitespace between two encoded words goes (the RFC), and
    adjacent words in one charset are joined as bytes before decoding, so a character
    a sender split across two words comes out whole."""
    if "=?" not in value:
        return value
    out: list[str] = []
    run: list[bytes] = []
    run_charset = ""
    at = 0
    for match in _WORD.finditer(value):
        gap = value[at : match.start()]
        if not (run and _BETWEEN_WORDS.fullmatch(gap)):
            _flush(out, run, run_charset, headers)
            out.append(gap)
        charset, encoding, encoded = match.groups()
        charset = charset.split("*", 1)[0]  # RFC 2231 language tag: "utf-8*en"
        if run and charset.lower() != run_charset.lower():
            _flush(out, run, run_charset, headers)
        run_charset = charset
        run.append(_word_bytes(encoding, encoded))
        at = match.end()
    _flush(out, run, run_charset, headers)
    out.append(value[at:])
    return "".join(out)


def _flush(out: list[str], run: list[bytes], charset: str, headers: Headers) -> None:
    if not run:
        return
    decoded = charsets.decode(b"".join(run), charset, hint=headers.hint)
    headers.note(decoded.defect and f"encoded header word: {decoded.defect}")
    out.append(decoded.text)
    run.clear()


def _word_bytes(encoding: str, encoded: str) -> bytes:
    raw = encoded.encode("utf-8", "surrogateescape")
    if encoding in "qQ":
        return binascii.a2b_qp(raw, header=True)
    # Base64 with its padding lost or stray characters in it, as senders write it.
    letters = _NOT_BASE64.sub("", encoded.split("=", 1)[0])
    if len(letters) % 4 == 1:
        letters = letters[:-1]  # a lone last letter holds no whole byte
    return base64.b64decode(letters + "=" * (-len(letters) % 4))
