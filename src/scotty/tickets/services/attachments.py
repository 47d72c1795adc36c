"""Checking and storing files attached to tickets and messages.

Limits (size, count) come from settings; types from an allowlist of extensions whose
signature bytes must match what the extension claims, so `evil.exe` renamed `cv.pdf`
and a `.wav` renamed `.webp` are refused. Files are stored under random names through
Django's storage API.
"""

import hashlib
import mimetypes
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files import File
from django.utils.translation import gettext

from scotty.accounts.models import Person
from scotty.core.errors import InvalidInput
from scotty.core.uploads import at_most_files, human_size
from scotty.tickets.models import Attachment, Message, Ticket


@dataclass(frozen=True)
class Signature:
    """Bytes a file of one type carries, each at its offset: all of them must match.

    Most types need only a prefix; containers need more (every RIFF file starts with
    "RIFF", and only a WebP image says "WEBP" at bytes 8..12).
    """

    parts: tuple[tuple[int, bytes], ...]

    def matches(self, head: bytes) -> bool:
        return all(head[at : at + len(part)] == part for at, part in self.parts)


def _starts(*prefixes: bytes) -> tuple[Signature, ...]:
    """One signature per accepted prefix."""
    return tuple(Signature(((0, prefix),)) for prefix in prefixes)


_HEAD_BYTES = 16  # enough for every signature below
_ZIP = _starts(b"PK\x03\x04", b"PK\x05\x06")
_OLE = _starts(b"\xd0\xcf\x11\xe0")  # old Office files and Outlook .msg
# Extension -> accepted signatures (empty tuple: any content, e.g. plain text).
ALLOWED_TYPES: dict[str, tuple[Signature, ...]] = {
    ".pdf": _starts(b"%PDF"),
    ".png": _starts(b"\x89PNG\r\n\x1a\n"),
    ".jpg": _starts(b"\xff\xd8\xff"),
    ".jpeg": _starts(b"\xff\xd8\xff"),
    ".gif": _starts(b"GIF87a", b"GIF89a"),
    ".webp": (Signature(((0, b"RIFF"), (8, b"WEBP"))),),
    ".docx": _ZIP,
    ".xlsx": _ZIP,
    ".pptx": _ZIP,
    ".odt": _ZIP,
    ".ods": _ZIP,
    ".odp": _ZIP,
    ".zip": _ZIP,
    ".doc": _OLE,
    ".xls": _OLE,
    ".ppt": _OLE,
    ".msg": _OLE,
    ".txt": (),
    ".log": (),
    ".csv": (),
    ".md": (),
    ".json": (),
    ".eml": (),
}

_UNSAFE_CHARS = re.compile(r"[^\w.\- ()\[\]+,]")


def clean_filename(raw: str) -> str:
    """A display name without directories, control characters or oddities."""
    name = PurePosixPath(raw.replace("\\", "/")).name
    name = unicodedata.normalize("NFC", name)
    name = _UNSAFE_CHARS.sub("_", name).strip(" .")
    return name[-150:] or "file"


def check_files(files: Sequence[File]) -> None:  # type: ignore[type-arg]
    """Refuse the whole batch with a clear message if any file breaks a rule."""
    limit = settings.SCOTTY_MAX_ATTACHMENTS_PER_MESSAGE
    if len(files) > limit:
        raise InvalidInput(at_most_files(limit), field="attachments")
    max_bytes = settings.SCOTTY_MAX_ATTACHMENT_BYTES
    for upload in files:
        name = clean_filename(upload.name or "")
        size = upload.size or 0
        if size > max_bytes:
            raise InvalidInput(
                gettext("%(name)s is %(size)s; files may be at most %(limit)s.")
                % {"name": name, "size": human_size(size), "limit": human_size(max_bytes)},
                field="attachments",
            )
        if size == 0:
            raise InvalidInput(gettext("%(name)s is empty.") % {"name": name}, field="attachments")
        suffix = PurePosixPath(name).suffix.lower()
        if suffix not in ALLOWED_TYPES:
            allowed = ", ".join(sorted(ALLOWED_TYPES))
            raise InvalidInput(
                gettext("%(name)s: files of this type are not accepted. Allowed: %(allowed)s.")
                % {"name": name, "allowed": allowed},
                field="attachments",
            )
        signatures = ALLOWED_TYPES[suffix]
        upload.seek(0)
        head = upload.read(_HEAD_BYTES)
        upload.seek(0)
        if signatures and not any(sig.matches(head) for sig in signatures):
            raise InvalidInput(
                gettext("%(name)s does not look like a %(type)s file.")
                % {"name": name, "type": suffix},
                field="attachments",
            )


def store_files(
    ticket: Ticket,
    files: Sequence[File],  # type: ignore[type-arg]
    *,
    uploaded_by: Person,
    message: Message | None = None,
) -> list[Attachment]:
    """Store already-checked files on a ticket (and message). Call inside the service's
    transaction; a failure rolls the rows back (orphan files are harmless)."""
    stored = []
    for upload in files:
        name = clean_filename(upload.name or "")
        digest = hashlib.sha256()
        upload.seek(0)
        for chunk in upload.chunks():
            digest.update(chunk)
        upload.seek(0)
        attachment = Attachment(
            ticket=ticket,
            message=message,
            filename=name,
            # From the extension we allowed, never from what the client claimed.
            content_type=mimetypes.guess_type(name)[0] or "application/octet-stream",
            size=upload.size or 0,
            sha256=digest.hexdigest(),
            uploaded_by=uploaded_by,
        )
        attachment.file.save(name, upload, save=False)
        attachment.save()
        stored.append(attachment)
    return stored
