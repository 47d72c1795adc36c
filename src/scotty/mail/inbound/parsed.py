"""A message as the ingester reads it: what `parse.parse(raw)` makes of the stored
bytes. Plain data, so the rules that act on a message (loops, threading, who may
write) are tested without building MIME."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Address:
    name: str
    address: str  # normalised (accounts.email_address.normalise_email); "" if unreadable


@dataclass(frozen=True)
class Part:
    """An attachment or inline image, decoded."""

    filename: str
    content_type: str
    data: bytes
    content_id: str = ""  # for an inline image the HTML names (cid:...)
    inline: bool = False


@dataclass(frozen=True)
class Bounce:
    """A delivery status notification (RFC 3464) or a bounce a mail server wrote in prose."""

    original_message_id: str  # the Message-ID of the mail that could not be delivered
    recipients: tuple[str, ...]
    status: str  # "5.1.1" or "" when unknown
    diagnostic: str  # what the server said, in its words


@dataclass(frozen=True)
class ParsedMail:
    message_id: str  # without angle brackets; "" when there is none
    subject: str  # RFC 2047 decoded, whitespace folded
    sender: Address  # From (Sender, then Return-Path, when From is unreadable)
    reply_to: tuple[Address, ...]
    to: tuple[Address, ...]
    cc: tuple[Address, ...]
    in_reply_to: tuple[str, ...]  # Message-IDs, without angle brackets
    references: tuple[str, ...]
    # The words: plain text (from the text part, else from the HTML), split into what
    # this message says and the quoted history and signature below it (kept, folded).
    text: str
    quoted: str
    # The HTML part sanitised with nh3 (no script, no event handlers, remote images
    # blocked); "" when there is none.
    html: str
    parts: tuple[Part, ...] = ()
    # Remote images whose source the sanitiser dropped from `html` (they would tell the
    # sender the mail was read); the desk can offer to show them: parse(raw,
    # remote_images=True) keeps them.
    remote_images: int = 0
    # Loop and noise signals, as found in the headers.
    auto_submitted: str = ""  # the Auto-Submitted value ("auto-replied", ...), "" for none
    precedence: str = ""  # bulk, junk, list ...
    list_id: str = ""
    is_auto_reply: bool = False  # an out-of-office or other automatic reply
    bounce: Bounce | None = None
    # What the limits left out (an attachment too large, parts beyond the count), in
    # words for a note on the ticket.
    left_out: tuple[str, ...] = ()
    # Problems met while decoding (an unknown charset read as Latin-1 ...), for the record.
    defects: tuple[str, ...] = field(default_factory=tuple)
