"""The ticket page: everything an agent needs to pick a ticket up where it was left.

One page, one template. Writes (see `actions.py`) answer an htmx request with the
`#ticket` fragment of the same template, so the hidden versions in every form stay in
step with the ticket after each change; without JavaScript they redirect back here.
"""

from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.http import HttpResponse, QueryDict
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.dateformat import format as format_date
from django.utils.formats import get_format
from django.utils.timezone import localtime
from django.utils.translation import gettext

from scotty.accounts.models import AgentGroup, Person, SupportUnit
from scotty.accounts.selectors import places_of, unit_ids_of
from scotty.core.lookups import ByKey
from scotty.desk import forms as desk_forms
from scotty.desk.access import DeskRequest, agent_access, agent_required
from scotty.desk.views.clocks import panel as clock_panel
from scotty.desk.views.presence import remember as remember_for_presence
from scotty.mail.selectors import Originals, originals_of
from scotty.notifications.models import OutgoingMail
from scotty.notifications.selectors import mails_of_replies
from scotty.tickets import selectors, states
from scotty.tickets.answered import answer_files, answers_of
from scotty.tickets.models import (
    Attachment,
    Channel,
    Message,
    MessageKind,
    NextStepOwner,
    Ticket,
    TicketEvent,
)
from scotty.tickets.priority import priority_for
from scotty.tickets.selectors import TicketAccess
from scotty.tickets.services.visits import mark_seen
from scotty.tickets.states import Status
from scotty.tickets.wording import describe

TEMPLATE = "desk/ticket.html"
PARTS = frozenset({"ticket", "timeline"})

# The forms on the page, by the name the templates and actions use.
FORMS: dict[str, type[desk_forms.TicketForm]] = {
    "reply": desk_forms.UpdateForm,  # the composer: words, status, next step in one
    "assign": desk_forms.AssignForm,
    "priority": desk_forms.PriorityForm,
    "transfer": desk_forms.TransferForm,
    "group": desk_forms.GroupForm,
    "tags": desk_forms.TagsForm,
    "watch": desk_forms.WatcherForm,
    "unwatch": desk_forms.UnwatchForm,
}


@dataclass(frozen=True)
class Problem:
    """Why the last write was refused or held, shown above the ticket."""

    form: str
    message: str
    changes: list[str] = field(default_factory=list)  # on a conflict: what others changed
    data: QueryDict | None = None  # what the agent sent, to show it again
    # Held, not refused: public messages that arrived after the page was drawn, and the
    # agent's POST again (minus the CSRF token) to send as it was with "go ahead".
    arrived: list[Message] = field(default_factory=list)
    resend: list[tuple[str, str]] = field(default_factory=list)
    action: str = ""
    files_dropped: bool = False  # a plain POST's files cannot be kept for the retry
    # (field, message): errors shown beside their fields that the form drawn again from
    # `data` cannot find itself (a service's refusal, a file skipped as it streamed).
    field_errors: tuple[tuple[str, str], ...] = ()


# Where "edit first" takes the agent: the part of the page with the held form.
FORM_PLACES = {
    "reply": "composer",
    "assign": "assign-heading",
    "priority": "priority-heading",
    "transfer": "transfer-heading",
    "group": "group-heading",
    "tags": "tags-heading",
    "watch": "watchers-heading",
    "unwatch": "watchers-heading",
}
KINDS = frozenset(MessageKind.values)


@dataclass(frozen=True)
class Entry(ByKey):
    """One item of the timeline, with what the template prints worked out once."""

    event: TicketEvent
    text: str  # the event in words; empty for messages, which render themselves
    iso: str  # when, as |date:'c' writes it
    when: str  # ... as people read it (a message's date and time; an event's shorter)
    message: Message | None = None
    author: str = ""
    internal: bool = False
    handover: bool = False  # the message is the last transfer's handover note
    channel: str = ""  # how the message came in ("via e-mail")
    files: tuple[Attachment, ...] = ()
    mails: tuple[OutgoingMail, ...] = ()  # a public reply's mail: sent, pending or failed
    original: int | None = None  # the stored e-mail it came from ("the e-mail as sent")


def _entries(events: list[TicketEvent], ticket: Ticket, originals: Originals) -> list[Entry]:
    message_format = get_format("SHORT_DATETIME_FORMAT")
    event_format = gettext("j M, H:i")
    replies = [e.message_id for e in events if e.message_id and e.is_public]
    mails = mails_of_replies(replies)  # one query for the whole timeline
    entries = []
    for event in events:
        at = localtime(event.at)  # as templates show datetimes
        message = event.message
        if message is None:
            entries.append(
                Entry(event, describe(event), at.isoformat(), format_date(at, event_format))
            )
            continue
        entries.append(
            Entry(
                event,
                "",
                at.isoformat(),
                format_date(at, message_format),
                message=message,
                author=str(message.author),
                internal=message.is_internal,
                handover=event.message_id == ticket.handover_id,
                channel=str(message.get_channel_display()),
                files=tuple(message.files),  # type: ignore[attr-defined]
                mails=tuple(mails.get(message.pk, ())),
                original=originals.by_message.get(message.pk),
            )
        )
    return entries


def _initial(ticket: Ticket, tags: list[str]) -> dict[str, dict[str, Any]]:
    until = ticket.waiting_until
    return {
        "reply": {
            "next_step": ticket.next_step,
            # Most next steps are the desk's; with no text the owner is not kept anyway.
            "next_step_owner": ticket.next_step_owner or NextStepOwner.DESK,
            "next_step_shared": ticket.next_step_shared,
            "waiting_until": timezone.localdate(until).isoformat() if until else "",
        },
        "priority": {
            "impact": ticket.impact,
            "urgency": ticket.urgency,
            "override": ticket.priority if ticket.priority_overridden else "",
        },
        "transfer": {"working_unit": ticket.working_unit_id},
        "group": {"agent_group": ticket.agent_group_id},
        "tags": {"tags": " ".join(tags)},
    }


def _forms(
    ticket: Ticket, tags: list[str], units: list[SupportUnit], groups: list[AgentGroup],
    problem: Problem | None,
) -> dict[str, forms.Form]:  # fmt: skip
    initial = _initial(ticket, tags)
    built: dict[str, forms.Form] = {}
    for name, form_class in FORMS.items():
        kwargs: dict[str, Any] = {"auto_id": f"{name}-%s"}
        if name == "transfer":
            kwargs["units"] = units
        if name == "group":
            kwargs["groups"] = groups
        if problem is not None and problem.form == name and problem.data is not None:
            data = problem.data.copy()
            if not problem.arrived:  # refused: resubmitting applies over what they saw now
                data["version"] = str(ticket.version)
            # (Held: the version stays the one they saw, so "send it anyway" still
            # finds a colleague's change made meanwhile.) After the messages they see now:
            data.pop("seen", None)
            built[name] = form = form_class(data, **kwargs)
            for field_name, message in problem.field_errors:
                if field_name in form.fields and message not in form.errors.get(field_name, []):
                    form.add_error(field_name, message)
        else:
            values = {"version": ticket.version, **initial.get(name, {})}
            built[name] = form_class(initial=values, **kwargs)
    return built


def _timeline(access: TicketAccess) -> tuple[list[Entry], list[Attachment], int | None]:
    """The timeline's entries, the files given with the description, and the stored
    e-mail that opened the ticket (None if none)."""
    events, description_files = selectors.timeline_with_files(access)
    by_mail = [m.pk for m in (e.message for e in events) if m and m.channel == Channel.EMAIL]
    originals = originals_of(access.ticket, by_mail)  # one query, for e-mail only
    return _entries(events, access.ticket, originals), description_files, originals.description


def latest_public_message(entries: list[Entry]) -> int:
    """The newest public message on the page (its id; 0 for none). Every form carries it
    as `seen`, so an action from a page drawn before a reply arrived can be held."""
    ids = [e.event.message_id for e in entries if e.event.message_id and e.event.is_public]
    return max(ids, default=0)


def handover_for(viewer: Person, ticket: Ticket, entries: list[Entry]) -> Message | None:
    """The last transfer's handover note, shown first to the agents who received the
    ticket (its working unit's); the timeline marks it for every agent. Found among the
    timeline's messages: no query of its own."""
    if ticket.handover_id is None or ticket.working_unit_id not in unit_ids_of(viewer):
        return None
    return next((e.event.message for e in entries if e.event.message_id == ticket.handover_id),
                None)  # fmt: skip


def _composer_kind(request: DeskRequest, problem: Problem | None, kept: str | None) -> str:
    # The kind the agent chose stays chosen: after a note comes another note, not a
    # public reply by surprise.
    if problem is not None and problem.form == "reply" and problem.data is not None:
        kept = problem.data.get("kind")
    kind = kept or request.GET.get("kind", "")
    return kind if kind in KINDS else MessageKind.REPLY


def ticket_context(
    request: DeskRequest,
    access: TicketAccess,
    problem: Problem | None = None,
    composer_kind: str | None = None,
) -> dict[str, Any]:
    """What the ticket page shows; a fixed number of queries however long the ticket is."""
    ticket = access.ticket
    tags = [t.name for t in ticket.tags.all()]
    units = list(SupportUnit.objects.all())
    groups = list(AgentGroup.objects.filter(unit_id=ticket.working_unit_id).order_by("name"))
    timeline, description_files, description_original = _timeline(access)
    # Only tickets filed through a catalog form have answers: no query for the others.
    answered = answers_of(access) if ticket.form_version_id else []
    with_question = answer_files(answered)
    description_files = [f for f in description_files if f.pk not in with_question]
    return {
        "ticket": ticket,
        "timeline": timeline,
        "seen": latest_public_message(timeline),
        "closed": ticket.status == Status.CLOSED,
        "composer_kind": _composer_kind(request, problem, composer_kind),
        "edit_place": FORM_PLACES.get(problem.form, "") if problem else "",
        "description_files": description_files,
        "description_original": description_original,
        "answers": answered,
        "groups": groups,
        "group": next((g for g in groups if g.pk == ticket.agent_group_id), None),
        "other_open": selectors.other_open_tickets(request.user, ticket),
        "requester_places": places_of(ticket.requester),
        "tags": tags,
        "watchers": list(ticket.watchers.all()),
        "forms": _forms(ticket, tags, units, groups, problem),
        "targets": [(s, states.label(s)) for s in states.allowed_targets(ticket.status)],
        "waiting_statuses": " ".join(sorted(states.WAITING_STATUSES)),
        "can_resolve": states.can_move(ticket.status, Status.RESOLVED),
        "handover": handover_for(request.user, ticket, timeline),
        "matrix_priority": priority_for(ticket.impact, ticket.urgency),
        "can_take": selectors.can_be_assigned(request.user, ticket),
        "clock_lines": clock_panel(ticket),
        "problem": problem,
    }


def wants_fragment(request: DeskRequest) -> bool:
    # A history restore after "back" needs the whole page, not a fragment.
    return bool(request.htmx) and not request.htmx.history_restore_request


def render_ticket(
    request: DeskRequest,
    access: TicketAccess,
    *,
    status: int = 200,
    problem: Problem | None = None,
    **extra: Any,
) -> HttpResponse:
    """The ticket page, or its `#ticket` fragment for htmx."""
    part = request.GET.get("part", "ticket")
    if part == "timeline" and wants_fragment(request):
        # The minute-by-minute refresh: the timeline alone, not every form of the page.
        entries, _, _ = _timeline(access)
        timeline = {"ticket": access.ticket, "timeline": entries,
                    "seen": latest_public_message(entries)}  # fmt: skip
        response = render(request, f"{TEMPLATE}#timeline", timeline, status=status)
        patch_vary_headers(response, ("HX-Request",))
        return response
    kind = extra.pop("composer_kind", None)
    context = {**ticket_context(request, access, problem, kind), **extra}
    name = f"{TEMPLATE}#{part if part in PARTS else 'ticket'}"
    response = render(
        request, name if wants_fragment(request) else TEMPLATE, context, status=status
    )
    patch_vary_headers(response, ("HX-Request",))
    return response


@agent_required()
def ticket_page(request: DeskRequest, reference: str) -> HttpResponse:
    access = agent_access(request, reference)
    mark_seen(access.ticket, person=request.user)  # clears its unread marker in the queues
    # The page's presence polls start at once: they find the permission and the agent
    # in the cache and cost the database nothing.
    remember_for_presence(request, reference, access.ticket.pk)
    return render_ticket(request, access)
