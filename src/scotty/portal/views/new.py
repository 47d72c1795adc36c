"""Filing a new request: the form checks shape, `open_ticket` decides.

From the catalog: a service picked (?service=), then how to ask for it (?type=, its
request types: "something is broken", "I need something") with that type's form. The
answers are checked by the same form class the ticket service checks them with
(`catalog.answers`), so the page shows each problem beside its question.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from scotty.catalog.answers import AnswersForm, InvalidAnswers, current_version, questions_of
from scotty.catalog.models import RequestType, Service
from scotty.catalog.selectors import find_services, offered_to
from scotty.core.errors import DomainError
from scotty.core.http import status_for
from scotty.core.once import once
from scotty.core.uploads import refuse_skipped_files
from scotty.portal import presenters
from scotty.portal.forms import NewRequestForm, show_error
from scotty.portal.views.common import number, person_of
from scotty.tickets import services
from scotty.tickets.models import Channel
from scotty.tickets.services.validation import MAX_TITLE


def _page(request: HttpRequest, form: NewRequestForm, service: Service | None,
          asked: RequestType | None = None, answers: AnswersForm | None = None,
          status: int = 200) -> HttpResponse:  # fmt: skip
    """The catalog (searched by ?q=) above the form; with a service picked, its
    description, what to expect and how to ask for it instead of the list."""
    person = person_of(request)
    words = request.GET.get("q", "")[:200]
    found = find_services(person, words) if words.strip() else list(offered_to(person))
    types = _request_types(service)
    if asked is not None and answers is None:
        answers = AnswersForm(questions_of(current_version(asked)))
    context = {
        "form": form,
        "service": service,
        "request_types": types,
        "asked": asked,
        # Both kinds offered and none chosen yet: the requester chooses first.
        "choose_kind": len(types) > 1 and asked is None,
        "answers": answers,
        "expect": presenters.expect_for_service(service) if service else ("", ""),
        "q": words,
        "catalog": [] if service else presenters.catalog(found),
    }
    return render(request, "portal/new.html", context, status=status)


def _request_types(service: Service | None) -> list[RequestType]:
    if service is None:
        return []
    return list(service.request_types.filter(is_active=True).order_by("kind"))


def _picked(request: HttpRequest) -> tuple[Service | None, RequestType | None]:
    """The service (?service=) and request type (?type=kind) a GET names; Http404 for a
    service hidden from the person, or a kind it does not offer."""
    if not request.GET.get("service"):
        return None, None
    picked = offered_to(person_of(request)).filter(pk=number(request.GET["service"])).first()
    if picked is None:
        raise Http404(gettext("No such service, or it is not offered to you."))
    types = _request_types(picked)
    kind = request.GET.get("type", "")
    if kind:
        asked = next((t for t in types if t.kind == kind), None)
        if asked is None:
            raise Http404(gettext("This service is not asked for that way."))
        return picked, asked
    return picked, types[0] if len(types) == 1 else None


@login_required
@require_http_methods(["GET", "POST"])
def new_request(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    if request.method != "POST":
        picked, asked = _picked(request)
        initial: dict[str, object] = {"service": picked, "request_type": asked}
        if picked is not None:
            initial["title"] = picked.name  # a start the requester may change
        if typed := " ".join(request.GET.get("title", "").split())[:MAX_TITLE]:
            initial["title"] = typed  # back from a suggested article that did not help
        return _page(request, NewRequestForm(initial=initial), picked, asked)
    form = NewRequestForm(request.POST, request.FILES)
    valid = form.is_valid() and refuse_skipped_files(request, form)
    data = form.cleaned_data
    service, asked = data.get("service"), data.get("request_type")
    answers = None
    if asked is not None:
        answers = AnswersForm(questions_of(current_version(asked)), request.POST, request.FILES)
    if not valid:
        if answers is not None:
            answers.is_valid()  # every problem at once, the answers' included
        return _page(request, form, service, asked, answers, status=400)

    def file_it() -> dict[str, str]:
        ticket = services.open_ticket(
            actor=person, requester=person, unit=service.unit if service else data["unit"],
            title=data["title"], description=data["description"], channel=Channel.PORTAL,
            files=data["attachments"], service=service, request_type=asked,
            answers=request.POST, answer_files=request.FILES,
        )  # fmt: skip
        return {"reference": ticket.reference}

    try:
        # A double click or a reload sends the same token: one request, the same answer.
        filed, _ = once(person.pk, data["once"], file_it)
    except InvalidAnswers:
        assert answers is not None
        answers.is_valid()  # the same form the service used: its errors, by question
        return _page(request, form, service, asked, answers, status=400)
    except DomainError as error:
        status = status_for(error)
        show_error(form, error)
        return _page(request, form, service, asked, answers, status=status)
    reference = filed["reference"]
    messages.success(
        request,
        gettext("Thank you. We received your request %(reference)s.") % {"reference": reference},
    )
    return redirect("portal:request", reference=reference)
