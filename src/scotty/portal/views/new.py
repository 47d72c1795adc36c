"""Filing a new request: the form checks shape, `open_ticket` decides."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from scotty.core.errors import DomainError
from scotty.core.http import status_for
from scotty.core.once import once
from scotty.core.uploads import refuse_skipped_files
from scotty.portal.forms import NewRequestForm, show_error
from scotty.portal.views.common import person_of
from scotty.tickets import services
from scotty.tickets.models import Channel


@login_required
@require_http_methods(["GET", "POST"])
def new_request(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return render(request, "portal/new.html", {"form": NewRequestForm()})
    form = NewRequestForm(request.POST, request.FILES)
    if not form.is_valid() or not refuse_skipped_files(request, form):
        return render(request, "portal/new.html", {"form": form}, status=400)
    person, data = person_of(request), form.cleaned_data

    def file_it() -> dict[str, str]:
        ticket = services.open_ticket(
            actor=person, requester=person, unit=data["unit"], title=data["title"],
            description=data["description"], channel=Channel.PORTAL, files=data["attachments"],
        )  # fmt: skip
        return {"reference": ticket.reference}

    try:
        # A double click or a reload sends the same token: one request, the same answer.
        filed, _ = once(person.pk, data["once"], file_it)
    except DomainError as error:
        status = status_for(error)
        show_error(form, error)
        return render(request, "portal/new.html", {"form": form}, status=status)
    reference = filed["reference"]
    messages.success(
        request,
        gettext("Thank you. We received your request %(reference)s.") % {"reference": reference},
    )
    return redirect("portal:request", reference=reference)
