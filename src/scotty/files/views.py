"""Downloading ticket attachments: the only way a stored file leaves Scotty over the web.

Shared by desk and portal. Visibility comes from `access_attachment`, so a requester
guessing ids gets 404, and files on internal notes reach agents only.
"""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest

from scotty.core.errors import NotFound
from scotty.tickets.selectors import access_attachment


@login_required
def download(request: HttpRequest, attachment_id: int) -> FileResponse:
    try:
        attachment = access_attachment(request.user, attachment_id)  # type: ignore[arg-type]
    except NotFound as error:
        raise Http404(error.message) from None
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,  # never rendered inline on our origin (SVG/HTML XSS)
        filename=attachment.filename,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Cache-Control"] = "private, no-store"
    return response
