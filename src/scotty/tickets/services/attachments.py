"""Checking and storing files attached to tickets and messages.

Limits (size, count) come from settings; types from an allowlist of extensions whose
first bytes must match what the extension claims, so `evil.exe` renamed `cv.pdf` is
refused. Files are stored under random names through Django's storage API.
"""

import hashlib
import mimetypes
import re
import unicodedata
from collections.abc import Sequence
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files import File

from scotty.accounts.models import Person
from scotty.core.errors import InvalidInput
from scotty.tickets.models import Attachment, Message, Ticket

_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
# Extension -> accepted leading bytes (empty tuple: any content, e.g. plain text).
ALLOWED_TYPES: dict[str, tuple[bytes, ...]] = {
    ".pdf": (b"%PDF",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),
    ".docx": _ZIP,
    ".xlsx": _ZIP,
    ".pptx": _ZIP,
    ".odt": _ZIP,
    ".ods": _ZIP,
    ".odp": _ZIP,
    ".zip": _ZIP,
    ".doc": (b"\xd0\xcf\x11\xe0",),
    ".xls": (b"\xd0\xcf\x11\xe0",),
    ".ppt": (b"\xd0\xcf\x11\xe0",),
    ".msg": (b"\xd0\xcf\x11\xe0",),
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


def _human_size(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB" if size >= 1024 * 1024 else f"{size // 1024} KB"


def check_files(files: Sequence[File]) -> None:  # type: ignore[type-arg]
    """Refuse the whole batch with a clear message if any file breaks a rule."""
    limit = settings.SCOTTY_MAX_ATTACHMENTS_PER_MESSAGE
    if len(files) > limit:
        raise InvalidInput(f"At most {limit} files per message.", field="attachments")
    max_bytes = settings.SCOTTY_MAX_ATTACHMENT_BYTES
    for upload in files:
        name = clean_filename(upload.name or "")
        size = upload.size or 0
        if size > max_bytes:
            raise InvalidInput(
                f"{name} is {_human_size(size)}; files may be at most {_human_size(max_bytes)}.",
                field="attachments",
            )
        if size == 0:
            raise InvalidInput(f"{name} is empty.", field="attachments")
        suffix = PurePosixPath(name).suffix.lower()
        if suffix not in ALLOWED_TYPES:
            allowed = ", ".join(sorted(ALLOWED_TYPES))
            raise InvalidInput(
                f"{name}: files of this type are not accepted. Allowed: {allowed}.",
                field="attachments",
            )
        signatures = ALLOWED_TYPES[suffix]
        upload.seek(0)
        head = upload.read(16)
        upload.seek(0)
        if signatures and not any(head.startswith(sig) for sig in signatures):
            raise InvalidInput(f"{name} does not look like a {suffix} file.", field="attachments")


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
