"""Writes on a ticket: one endpoint per intention, each calling exactly one service.

Every endpoint works the same way (see `act`): find the ticket the agent works, check
the form's shape, hold the action if the page missed a public message, call the
service, then redirect back (plain POST) or answer with the fresh `#ticket` fragment and
an `HX-Trigger: ticket-changed` (htmx). A refusal saves nothing and shows the service's
own words: 409 for a conflict (with what changed) or a hold (with what arrived), 403 for
a change the agent may not make, 400 for anything else.
"""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect, trigger_client_event

from scotty.accounts.models import Person
from scotty.core.errors import Conflict, DomainError, InvalidInput
from scotty.core.http import status_for
from scotty.core.once import once
from scotty.core.uploads import refuse_skipped_files
from scotty.desk.access import DeskRequest, agent_access, agent_required
from scotty.desk.forms import TagsForm, UpdateForm
from scotty.desk.views.tickets import FORMS, Problem, render_ticket, wants_fragment
from scotty.tickets import selectors, services, states
from scotty.tickets.models import Channel, MessageKind, Ticket
from scotty.tickets.selectors import TicketAccess
from scotty.tickets.wording import moment

# perform(ticket, agent, cleaned form data, form) -> what to tell the agent afterwards
Perform = Callable[[Ticket, Person, dict[str, Any], Any], str]


def _refused(
    request: DeskRequest, reference: str, form: str, error: DomainError, status: int
) -> HttpResponse:
    access = agent_access(request, reference)  # reloaded: show the ticket as it is now
    changes = error.changes if isinstance(error, Conflict) else []
    field = error.field if isinstance(error, InvalidInput) else None
    beside = ((field, error.message),) if field else ()
    problem = Problem(form, error.message, changes, request.POST, field_errors=beside)
    return render_ticket(request, access, status=status, problem=problem)


def _done(
    request: DeskRequest, ticket: Ticket, notice: str, *, form: str, kind: str | None = None
) -> HttpResponse:
    reference = ticket.reference
    try:
        if not wants_fragment(request):
            # A plain POST goes back to the page: whether the agent still works the
            # ticket is read from it as the write left it (units in memory), no query.
            if not selectors.can_work(request.user, ticket):
                raise Http404
        else:
            access = agent_access(request, reference)
    except Http404:  # handed to units the agent does not work for: nothing left to show
        left = gettext("%(reference)s has left your units.") % {"reference": reference}
        messages.success(request, f"{notice} {left}")
        home = reverse("desk:home")
        return HttpResponseClientRedirect(home) if request.htmx else redirect(home)
    if not wants_fragment(request):
        messages.success(request, notice)
        page = reverse("desk:ticket", args=[reference])
        return redirect(f"{page}?kind={kind}" if kind == MessageKind.NOTE else page)
    response = render_ticket(request, access, notice=notice, sent=form, composer_kind=kind)
    return trigger_client_event(response, "ticket-changed")


def _first_error(form: Any) -> str:
    name, errors = next(iter(form.errors.items()))
    if name in form.fields and name not in ("version", "seen"):
        return gettext("Nothing was saved. %(field)s: %(error)s") % {
            "field": form[name].label,
            "error": errors[0],
        }
    return gettext("Nothing was saved. %(error)s") % {"error": errors[0]}


def _held(request: DeskRequest, access: TicketAccess, form_name: str, form: Any) -> Problem | None:
    """Hold an action sent from a page drawn before a public message arrived (someone
    else's: the requester's "STILL BROKEN", a colleague's answer), with what arrived."""
    seen = form.cleaned_data.get("seen")
    if seen is None:  # a client that does not say what it saw: nothing to compare
        return None
    arrived = selectors.public_messages_since(access.ticket, seen, besides=request.user)
    if not arrived:
        return None
    latest = str(max(m.pk for m in arrived))
    resend = [
        (name, value)
        for name, values in request.POST.lists()
        if name not in _NOT_RESENT
        for value in values
    ]
    who = ", ".join(dict.fromkeys(str(m.author) for m in arrived))
    return Problem(
        form_name,
        gettext("Not done yet: %(who)s wrote since you opened this ticket. Read it first.")
        % {"who": who},
        data=request.POST,
        arrived=arrived,
        resend=[*resend, ("seen", latest)],
        action=request.path,
        files_dropped=bool(request.FILES) and not request.htmx,
    )


_NOT_RESENT = frozenset({"csrfmiddlewaretoken", "seen"})


def act(request: DeskRequest, reference: str, form_name: str, perform: Perform) -> HttpResponse:
    """Run one write on the ticket `reference` from the form `form_name`."""
    # The row alone: a refused write shows the page from it (its people and units then
    # load as they are read); a done one redirects, or reloads it for the fragment.
    access = agent_access(request, reference, joined=False)
    kwargs = {"auto_id": f"{form_name}-%s"}
    form = FORMS[form_name](request.POST, request.FILES, **kwargs)  # type: ignore[arg-type]
    if not form.is_valid() or not refuse_skipped_files(request, form):
        beside = tuple((name, str(e)) for name, errors in form.errors.items() for e in errors)
        problem = Problem(form_name, _first_error(form), [], request.POST, field_errors=beside)
        return render_ticket(request, access, status=400, problem=problem)
    held = _held(request, access, form_name, form)
    if held is not None:
        return render_ticket(request, access, status=409, problem=held)
    token = form.cleaned_data.get("once") or ""
    try:
        # Create and append forms carry a one-time token: a double submit acts once.
        done, _ = once(request.user.pk, token, lambda: {"notice": perform(
            access.ticket, request.user, form.cleaned_data, form)})  # fmt: skip
    except DomainError as error:
        return _refused(request, access.ticket.reference, form_name, error, status_for(error))
    kind = form.cleaned_data.get("kind")
    return _done(request, access.ticket, done["notice"], form=form_name, kind=kind)


def _update(ticket: Ticket, agent: Person, data: dict[str, Any], form: UpdateForm) -> str:
    outcome = services.update_ticket(
        ticket,
        actor=agent,
        expected_version=data["version"],
        message=form.message(),
        status=form.new_status(),
        next_step=form.new_next_step(),
        waiting_until=form.new_waiting_until(ticket),
        channel=Channel.DESK,
    )
    return update_notice(outcome)


def update_notice(outcome: services.UpdateOutcome) -> str:
    """What the agent is told after an update: each part that was done, in a few words."""
    told = []
    if outcome.message is not None:
        # Not "sent": e-mail notifications arrive with the e-mail issue; today they read
        # it online.
        told.append(
            gettext("Internal note added.")
            if outcome.message.is_internal
            else gettext("Reply added for %(name)s.") % {"name": outcome.ticket.requester}
        )
    ticket, changed = outcome.ticket, outcome.changed
    if outcome.message is None and not changed:  # an agent's own request, long closed
        return gettext("Your words opened follow-up %(reference)s.") % {
            "reference": ticket.reference
        }
    when = moment(ticket.waiting_until) if ticket.waiting_until else ""
    status = states.in_sentence(ticket.status)
    if "status" in changed:
        told.append(
            gettext("Status is now %(status)s until %(when)s.") % {"status": status, "when": when}
            if when
            else gettext("Status is now %(status)s.") % {"status": status}
        )
    elif "waiting_until" in changed:
        told.append(
            gettext("Waiting until %(when)s.") % {"when": when}
            if when
            else gettext("Waiting with no date now.")
        )
    if changed & {"next_step", "next_step_owner", "next_step_shared"}:
        told.append(
            gettext("Next step saved.") if ticket.next_step else gettext("Next step cleared.")
        )
    return " ".join(told)


def _assign(ticket: Ticket, agent: Person, data: dict[str, Any], _: Any) -> str:
    who = data["assignee"]
    services.assign(ticket, actor=agent, assignee=who, expected_version=data["version"])
    if who:
        return gettext("Assigned to %(name)s.") % {"name": who}
    return gettext("Nobody is assigned now.")


def _priority(ticket: Ticket, agent: Person, data: dict[str, Any], _: Any) -> str:
    services.set_priority(
        ticket,
        actor=agent,
        impact=data["impact"],
        urgency=data["urgency"],
        override=data["override"],
        expected_version=data["version"],
    )
    return gettext("Priority is now %(priority)s.") % {"priority": ticket.get_priority_display()}


def _transfer(ticket: Ticket, agent: Person, data: dict[str, Any], _: Any) -> str:
    services.transfer(
        ticket,
        actor=agent,
        working_unit=data["working_unit"],
        owning_unit=data["owning_unit"],
        handover=data["handover"],
        expected_version=data["version"],
    )
    return gettext("Handed to %(unit)s.") % {"unit": ticket.working_unit}


def _group(ticket: Ticket, agent: Person, data: dict[str, Any], _: Any) -> str:
    group = data["agent_group"]
    services.set_agent_group(ticket, actor=agent, group=group, expected_version=data["version"])
    if group is None:
        return gettext("The ticket is with no group now.")
    return gettext("The ticket is with %(group)s now.") % {"group": group.name}


def _tags(ticket: Ticket, agent: Person, _: dict[str, Any], form: TagsForm) -> str:
    services.set_tags(
        ticket, actor=agent, names=form.names(), expected_version=form.cleaned_data["version"]
    )
    return gettext("Tags saved.")


def _watch(ticket: Ticket, agent: Person, data: dict[str, Any], _: Any) -> str:
    services.add_watcher(ticket, actor=agent, watcher=data["watcher"])
    return gettext("%(name)s now watches this ticket.") % {"name": data["watcher"]}


def _unwatch(ticket: Ticket, agent: Person, data: dict[str, Any], _: Any) -> str:
    services.remove_watcher(ticket, actor=agent, watcher=data["watcher"])
    return gettext("%(name)s no longer watches this ticket.") % {"name": data["watcher"]}


def _endpoint(form_name: str, perform: Perform) -> Callable[..., HttpResponse]:
    @agent_required()  # first, so a non-agent gets 404 whatever the method
    @require_POST
    def view(request: DeskRequest, reference: str) -> HttpResponse:
        return act(request, reference, form_name, perform)

    view.__name__ = view.__qualname__ = form_name
    return view


reply = _endpoint("reply", _update)  # the composer's one update (words, status, next step)
assign = _endpoint("assign", _assign)
set_priority = _endpoint("priority", _priority)
transfer = _endpoint("transfer", _transfer)
set_group = _endpoint("group", _group)
set_tags = _endpoint("tags", _tags)
watch = _endpoint("watch", _watch)
unwatch = _endpoint("unwatch", _unwatch)
