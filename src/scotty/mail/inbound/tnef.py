"""Outlook's winmail.dat (TNEF, application/ms-tnef) unpacked into the files inside it.

Outlook wraps a message's attachments, and sometimes its body, in this one opaque file
that no other program reads; a ticket with only "winmail.dat" on it tells the agent
nothing. The body inside is used when the message has no other (the RTF form of it is
compressed and left aside). A TNEF file that cannot be read is kept as it came.
"""

from dataclasses import dataclass, field

import tnefparse  # type: ignore[import-untyped]

from scotty.mail.inbound import charsets


@dataclass(frozen=True)
class Unpacked:
    files: list[tuple[str, bytes]] = field(default_factory=list)  # (filename, data)
    text: str = ""
    html: str = ""


def unpack(data: bytes) -> Unpacked | None:
    """The files and body inside a TNEF file; None if it is not one that can be read."""
    try:
        tnef = tnefparse.TNEF(data)
        files = [(_text(a.long_filename()) or _text(a.name), bytes(a.data))
                 for a in tnef.attachments if a.data]  # fmt: skip
        return Unpacked(files, _text(tnef.body), _text(tnef.htmlbody))
    except Exception:  # tnefparse raises anything at all on a damaged file
        return None


def _text(value: object) -> str:
    if isinstance(value, bytes):
        return charsets.decode(value.rstrip(b"\x00"), None).text
    return value.rstrip("\x00") if isinstance(value, str) else ""
