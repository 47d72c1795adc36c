"""Upload limits enforced while the body streams in, so the form comes back in words.

Django's own limits end in a bare "Bad Request (400)" page, and its file handlers spool
every byte before anyone checks a size. This handler runs first: it lets through at most
SCOTTY_MAX_ATTACHMENTS_PER_MESSAGE files of at most SCOTTY_MAX_ATTACHMENT_BYTES each, and
skips the rest as they arrive (their bytes are read and dropped, never stored). What it
skipped is remembered on the request; `refuse_skipped_files` puts it on the form, so the
person gets their form back, text intact, with the limit in words. The reverse proxy's
body limit (README) stops the truly huge before they reach Scotty at all.
"""

from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import HttpRequest
from django.utils.formats import number_format
from django.utils.translation import gettext, ngettext

_REFUSAL = "_scotty_upload_refusal"
# Text fields and multipart overhead beside the files, on top of the files' own limit.
_ROOM_FOR_FIELDS = 2 * 1024 * 1024


def human_size(size: int) -> str:
    """A size as the limits are worded everywhere ("10.0 MB", "512 KB"; "10,0 MB")."""
    if size >= 1024 * 1024:
        return gettext("%(size)s MB") % {"size": number_format(size / (1024 * 1024), 1)}
    return gettext("%(size)s KB") % {"size": number_format(size // 1024)}


def at_most_files(limit: int) -> str:
    """ "At most 10 files per message." """
    return ngettext(
        "At most %(count)d file per message.", "At most %(count)d files per message.", limit
    ) % {"count": limit}


class LimitedUploadHandler(FileUploadHandler):
    """Skips files beyond the count, files beyond the size, and every file of a request
    whose declared length cannot fit the limits; records why on the request."""

    def __init__(self, request: HttpRequest | None = None) -> None:
        super().__init__(request)
        self.max_files = settings.SCOTTY_MAX_ATTACHMENTS_PER_MESSAGE
        self.max_bytes = settings.SCOTTY_MAX_ATTACHMENT_BYTES
        self.files_seen = 0
        self.too_long = False

    def handle_raw_input(
        self, input_data: Any, META: Any, content_length: int, boundary: Any, encoding: Any = None
    ) -> None:
        # Declared too long for any accepted set of files: keep the text fields, drop
        # every file as it streams past (returning None lets Django parse the fields).
        limit = self.max_files * self.max_bytes + _ROOM_FOR_FIELDS
        if content_length > limit:
            self.too_long = True
            self._refuse(
                ngettext(
                    "What you sent is %(size)s: at most %(count)d file of %(limit)s is "
                    "accepted. Attach fewer or smaller files.",
                    "What you sent is %(size)s: at most %(count)d files of %(limit)s each "
                    "are accepted. Attach fewer or smaller files.",
                    self.max_files,
                )
                % {
                    "size": human_size(content_length),
                    "count": self.max_files,
                    "limit": human_size(self.max_bytes),
                }
            )

    def new_file(
        self,
        field_name: str,
        file_name: str,
        content_type: str,
        content_length: int | None,
        charset: str | None = None,
        content_type_extra: dict[str, bytes] | None = None,
    ) -> None:
        super().new_file(
            field_name, file_name, content_type, content_length, charset, content_type_extra
        )
        self.files_seen += 1
        if self.too_long:
            raise SkipFile
        if self.files_seen > self.max_files:
            self._refuse(at_most_files(self.max_files))
            raise SkipFile
        if content_length and content_length > self.max_bytes:  # a part that says its size
            self._too_big()
            raise SkipFile

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        if start + len(raw_data) > self.max_bytes:
            self._too_big()
            raise SkipFile  # the rest of this file streams past unread into storage
        return raw_data  # the next handler (memory or temporary file) stores it

    def file_complete(self, file_size: int) -> None:
        return None  # the storing handler after this one returns the file

    def _too_big(self) -> None:
        limit = human_size(self.max_bytes)
        self._refuse(
            gettext("%(name)s is more than %(limit)s; files may be at most %(limit)s.")
            % {"name": self.file_name, "limit": limit}
        )

    def _refuse(self, message: str) -> None:
        if self.request is not None and not hasattr(self.request, _REFUSAL):
            setattr(self.request, _REFUSAL, message)  # the first reason is the one shown


def upload_refusal(request: HttpRequest) -> str | None:
    """Why files of this request were skipped, or None. Read it after touching
    request.FILES (that is when the body is parsed)."""
    request.FILES  # noqa: B018 (parse the body, if nobody did yet)
    message: str | None = getattr(request, _REFUSAL, None)
    return message


def refuse_skipped_files(request: HttpRequest, form: forms.Form) -> bool:
    """After `form.is_valid()`: when files were skipped, say so on the form's attachments
    field (or the form) and return False, so the view shows the form again and saves
    nothing (a message without the files it was sent with would lose them quietly)."""
    message = upload_refusal(request)
    if message is None:
        return True
    form.add_error("attachments" if "attachments" in form.fields else None, message)
    return False
