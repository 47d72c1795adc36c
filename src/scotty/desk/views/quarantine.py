"""The mail quarantine, for administrators: what Scotty received but would not act on,
why, the raw source, and retry or discard (scotty.mail.quarantine decides who may)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from scotty.core.errors import NotAllowed, NotFound
from scotty.desk.access import DeskRequest, agent_required
from scotty.mail import quarantine
from scotty.mail.models import InboundMessage

# The raw source is shown up to this many bytes (a 40 MB message would not help anyone
# in a page); the rest is left out with a note.
SHOWN_BYTES = 200_000


def _message(request: DeskRequest, inbound_id: int) -> InboundMessage:
    try:
        return quarantine.quarantined_message(request.user, inbound_id)
    except (NotAllowed, NotFound):
        raise Http404(gettext("No such page.")) from None


@agent_required()
def quarantine_page(request: DeskRequest) -> HttpResponse:
    """The quarantined messages, newest first, 50 a page."""
    try:
        rows = quarantine.quarantined(request.user)
    except NotAllowed:
        raise Http404(gettext("No such page.")) from None
    page = Paginator(rows, quarantine.PAGE).get_page(request.GET.get("page"))
    context = {"page": page, "active": "administration"}
    return render(request, "desk/quarantine.html", context)


@agent_required()
def quarantined_message_page(request: DeskRequest, inbound_id: int) -> HttpResponse:
    """One message: why it is here, and its source as it arrived."""
    row = _message(request, inbound_id)
    raw = bytes(row.raw)
    context = {
        "row": row,
        "source": raw[:SHOWN_BYTES].decode("utf-8", errors="replace"),
        "cut": len(raw) > SHOWN_BYTES,
        "active": "administration",
    }
    return render(request, "desk/quarantined_message.html", context)


@agent_required()
@require_POST
def retry_message(request: DeskRequest, inbound_id: int) -> HttpResponse:
    row = _message(request, inbound_id)
    outcome = quarantine.retry(request.user, row)
    row.refresh_from_db()
    if row.state == "quarantined":
        messages.error(request, gettext("Still quarantined: %(reason)s") % {"reason": row.reason})
        return redirect("desk:quarantined_message", inbound_id=row.pk)
    messages.success(request, gettext("Processed again: %(outcome)s.") % {"outcome": outcome})
    return redirect("desk:quarantine")


@agent_required()
@require_POST
def discard_message(request: DeskRequest, inbound_id: int) -> HttpResponse:
    row = _message(request, inbound_id)
    if quarantine.discard(request.user, row):
        messages.success(request, gettext("Discarded; the message is kept as it arrived."))
    return redirect("desk:quarantine")
