"""Filing a new request: the form checks shape, `open_ticket` decides."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from scotty.catalog.models import Service
from scotty.catalog.selectors import find_services, offered_to
from scotty.core.errors import DomainError
from scotty.core.http import status_for
from scotty.core.once import once
from scotty.core.uploads import refuse_skipped_files
from scotty.portal import presenters
from scotty.portal.forms import NewRequestForm, show_error
from scotty.portal.views.common import person_of
from scotty.tickets import services
from scotty.tickets.models import Channel


def _page(request: HttpRequest, form: NewRequestForm, service: Service | None,
          status: int = 200) -> HttpResponse:  # fmt: skip
    """The catalog (searched by ?q=) above the form; with a service picked, its
    description and what to expect instead of the list."""
    person = person_of(request)
    words = request.GET.get("q", "")[:200]
    found = find_services(person, words) if words.strip() else list(offered_to(person))
    context = {
        "form": form,
        "service": service,
        "expect": presenters.expect_for_service(service) if service else ("", ""),
        "q": words,
        "catalog": [] if service else presenters.catalog(found),
    }
    return render(request, "portal/new.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def new_request(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    if request.method != "POST":
        picked = None
        if request.GET.get("service"):
            picked = offered_to(person).filter(pk=_number(request.GET["service"])).first()
            if picked is None:
                raise Http404(gettext("No such service, or it is not offered to you."))
        return _page(request, NewRequestForm(initial={"service": picked}), picked)
    form = NewRequestForm(request.POST, request.FILES)
    valid = form.is_valid() and refuse_skipped_files(request, form)
    data = form.cleaned_data
    service = data.get("service")
    if not valid:
        return _page(request, form, service, status=400)

    def file_it() -> dict[str, str]:
        ticket = services.open_ticket(
            actor=person, requester=person, unit=service.unit if service else data["unit"],
            title=data["title"], description=data["description"], channel=Channel.PORTAL,
            files=data["attachments"], service=service,
        )  # fmt: skip
        return {"reference": ticket.reference}

    try:
        # A double click or a reload sends the same token: one request, the same answer.
        filed, _ = once(person.pk, data["once"], file_it)
    except DomainError as error:
        status = status_for(error)
        show_error(form, error)
        return _page(request, form, service, status=status)
    reference = filed["reference"]
    messages.success(
        request,
        gettext("Thank you. We received your request %(reference)s.") % {"reference": reference},
    )
    return redirect("portal:request", reference=reference)


def _number(text: str) -> int:
    return int(text) if text.isdigit() and len(text) < 12 else 0
