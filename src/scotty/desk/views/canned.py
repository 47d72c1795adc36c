"""Canned replies in the desk: the page where agents keep their own (and managers their
units'), and the composer's typeahead, which offers only replies the agent may use."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_POST

from scotty.accounts.models import SupportUnit
from scotty.accounts.selectors import managed_units
from scotty.core.errors import Conflict, DomainError, NotFound
from scotty.core.forms import error_on_field
from scotty.core.http import status_for
from scotty.desk.access import DeskRequest, agent_access, agent_required
from scotty.desk.forms import CannedReplyForm, EditCannedReplyForm, NewCannedReplyForm
from scotty.tickets import services
from scotty.tickets.models import CannedReply
from scotty.tickets.services.canned import (
    PLACEHOLDERS,
    filled,
    matching_replies,
    may_manage,
    reply_to_manage,
    usable_replies,
)

Section = tuple[str, list[tuple[CannedReply, bool]]]


def _sections(request: DeskRequest) -> list[Section]:
    """The agent's own replies, then each unit's, with whether they may change each."""
    mine: list[tuple[CannedReply, bool]] = []
    units: dict[str, list[tuple[CannedReply, bool]]] = {}
    for reply in usable_replies(request.user).order_by("unit__name", "title", "id"):
        row = (reply, may_manage(request.user, reply))
        if reply.unit is None:
            mine.append(row)
        else:
            units.setdefault(reply.unit.name, []).append(row)
    return [(gettext("Yours"), mine), *units.items()]


def _page(
    request: DeskRequest, form: NewCannedReplyForm, *, problem: str = "", status: int = 200
) -> HttpResponse:
    context = {
        "sections": _sections(request),
        "form": form,
        "placeholders": PLACEHOLDERS,
        "problem": problem,
        "active": "canned",
    }
    return render(request, "desk/canned.html", context, status=status)


def _new_form(request: DeskRequest, units: list[SupportUnit]) -> NewCannedReplyForm:
    data = request.POST if request.method == "POST" else None
    return NewCannedReplyForm(data, units=units, auto_id="canned-%s")


def _first_error(form: CannedReplyForm) -> str:
    name, errors = next(iter(form.errors.items()))
    label = form[name].label if name in form.fields else ""
    if label:
        return gettext("Nothing was saved. %(field)s: %(error)s") % {
            "field": label,
            "error": errors[0],
        }
    return gettext("Nothing was saved. %(error)s") % {"error": errors[0]}


@agent_required()
def canned_replies(request: DeskRequest) -> HttpResponse:
    """The list (GET) and a new canned reply (POST): the agent's own, or their unit's."""
    units = list(managed_units(request.user))
    form = _new_form(request, units)
    if request.method != "POST":
        return _page(request, form)
    if not form.is_valid():
        return _page(request, form, problem=_first_error(form), status=400)
    data = form.cleaned_data
    try:
        reply = services.create_canned_reply(
            actor=request.user, title=data["title"], body=data["body"], unit=form.chosen_unit()
        )
    except DomainError as error:
        error_on_field(form, error)  # beside the field it names, too
        return _page(request, form, problem=error.message, status=status_for(error))
    messages.success(request, gettext("Canned reply “%(title)s” added.") % {"title": reply.title})
    return redirect("desk:canned")


def _managed_reply(request: DeskRequest, reply_id: int) -> CannedReply | HttpResponse:
    try:
        return reply_to_manage(request.user, reply_id)
    except NotFound as error:
        raise Http404(error.message) from None
    except DomainError as error:  # they use it, but may not change it
        form = NewCannedReplyForm(units=list(managed_units(request.user)), auto_id="canned-%s")
        return _page(request, form, problem=error.message, status=status_for(error))


def _edit_page(
    request: DeskRequest,
    reply: CannedReply,
    form: EditCannedReplyForm,
    *,
    problem: str = "",
    status: int = 200,
) -> HttpResponse:
    context = {
        "reply": reply, "form": form, "placeholders": PLACEHOLDERS, "problem": problem,
        "active": "canned",
    }  # fmt: skip
    return render(request, "desk/canned_edit.html", context, status=status)


@agent_required()
def edit(request: DeskRequest, reply_id: int) -> HttpResponse:
    """Change a canned reply's title and text: its owner, or a manager of its unit."""
    reply = _managed_reply(request, reply_id)
    if isinstance(reply, HttpResponse):
        return reply
    if request.method != "POST":
        stamp = reply.updated_at.isoformat()
        initial = {"title": reply.title, "body": reply.body, "updated_at": stamp}
        return _edit_page(request, reply, EditCannedReplyForm(initial=initial, auto_id="canned-%s"))
    form = EditCannedReplyForm(request.POST, auto_id="canned-%s")
    if not form.is_valid():
        return _edit_page(request, reply, form, problem=_first_error(form), status=400)
    data = form.cleaned_data
    try:
        services.edit_canned_reply(
            reply, actor=request.user, title=data["title"], body=data["body"],
            expected_updated_at=data["updated_at"],
        )  # fmt: skip
    except Conflict as conflict:
        # Their words stay in the form, now over the colleague's version: saving again
        # is a deliberate choice to replace it.
        reply.refresh_from_db()
        again = request.POST.copy()
        again["updated_at"] = reply.updated_at.isoformat()
        form = EditCannedReplyForm(again, auto_id="canned-%s")
        return _edit_page(request, reply, form, problem=conflict.message, status=409)
    except DomainError as error:
        error_on_field(form, error)
        return _edit_page(request, reply, form, problem=error.message, status=status_for(error))
    messages.success(request, gettext("Canned reply “%(title)s” saved.") % {"title": reply.title})
    return redirect("desk:canned")


@agent_required()
@require_POST
def delete(request: DeskRequest, reply_id: int) -> HttpResponse:
    """Delete a canned reply: its owner, or a manager of its unit."""
    reply = _managed_reply(request, reply_id)
    if isinstance(reply, HttpResponse):
        return reply
    services.delete_canned_reply(reply, actor=request.user)
    messages.success(request, gettext("Canned reply “%(title)s” deleted.") % {"title": reply.title})
    return redirect("desk:canned")


@agent_required()
@require_GET
def pick(request: DeskRequest, reference: str) -> HttpResponse:
    """The composer's typeahead: replies the agent may use whose title matches what they
    typed, each filled in for this ticket, ready to insert."""
    access = agent_access(request, reference)
    typed = request.GET.get("canned", "")
    options = [
        (reply, filled(reply, ticket=access.ticket, agent=request.user))
        for reply in matching_replies(request.user, typed)
    ]
    return render(request, "desk/canned_options.html", {"options": options, "typed": typed})
