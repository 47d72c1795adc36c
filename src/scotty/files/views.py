"""Downloading ticket attachments: the only way a stored file leaves Scotty over the web.

Shared by desk and portal. Visibility comes from `access_attachment`, so a requester
guessing ids gets 404, and files on internal notes reach agents only.
"""

import logging

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse

from scotty.accounts.models import Person
from scotty.core.errors import NotFound
from scotty.tickets.models import Attachment
from scotty.tickets.selectors import access_attachment, can_work

logger = logging.getLogger(__name__)


@login_required
def download(request: HttpRequest, attachment_id: int) -> HttpResponseBase:
    person: Person = request.user  # type: ignore[assignment]
    try:
        attachment = access_attachment(person, attachment_id)
    except NotFound as error:
        raise Http404(error.message) from None
    try:
        stored = attachment.file.open("rb")
    except FileNotFoundError:
        return _missing(request, person, attachment)
    response = FileResponse(
        stored,
        as_attachment=True,  # never rendered inline on our origin (SVG/HTML XSS)
        filename=attachment.filename,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Cache-Control"] = "private, no-store"
    return response


def _missing(request: HttpRequest, person: Person, attachment: Attachment) -> HttpResponse:
    """The row is there and the person may see it, but storage has lost the file.

    410 Gone rather than 404: the link is right and the person may have it (404 is our
    "no such file, or you may not see it"), but the file will not come back by itself;
    and rather than a 500, because the page can say what happened and nothing is wrong
    with the request. The operator learns of it from the log line: ids and the storage
    name, never the file's contents or its (person-written) display name.
    """
    ticket = attachment.ticket
    logger.error(
        "Attachment %s of ticket %s: the stored file %s is missing",
        attachment.pk,
        ticket.reference,
        attachment.file.name,
    )
    back = (
        reverse("desk:ticket", args=[ticket.reference])
        if can_work(person, ticket)
        else reverse("portal:request", kwargs={"reference": ticket.reference})
    )
    context = {"attachment": attachment, "ticket": ticket, "back": back}
    return render(request, "files/missing.html", context, status=410)
