"""Opening tickets: the one creation path for every channel (portal, desk, e-mail, API)."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.files import File
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext

from scotty.accounts.models import AgentGroup, Person, SupportUnit
from scotty.accounts.selectors import is_agent
from scotty.catalog.answers import (
    Answer,
    InvalidAnswers,
    clean_answers,
    current_version,
    match_of,
    questions_of,
)
from scotty.catalog.models import FormVersion, RequestType, Service
from scotty.catalog.selectors import offered_to
from scotty.core.errors import InvalidInput, NotAllowed
from scotty.notifications.mail import mail_for_new_ticket
from scotty.search.services import index_ticket
from scotty.tickets import events, states
from scotty.tickets.counts import ticket_changed
from scotty.tickets.models import Channel, Tag, Ticket, TicketAnswer
from scotty.tickets.priority import Impact, Urgency, priority_for
from scotty.tickets.services.attachments import check_files, store_files
from scotty.tickets.services.clocks import refresh_clocks
from scotty.tickets.services.routing import assign_by_rule
from scotty.tickets.services.validation import MAX_BODY, MAX_TITLE, clean_text

# Channels on which only an agent can file (they log what a person told them).
AGENT_CHANNELS = frozenset({Channel.PHONE, Channel.WALK_IN})


def _next_reference(unit: SupportUnit) -> tuple[int, str]:
    # The UPDATE takes the row lock on PostgreSQL (and the write lock on SQLite), so two
    # tickets opened at once never get the same number.
    SupportUnit.objects.filter(pk=unit.pk).update(last_number=F("last_number") + 1)
    number = SupportUnit.objects.values_list("last_number", flat=True).get(pk=unit.pk)
    return number, f"{unit.prefix}-{number}"


def _check_actor(actor: Person, requester: Person, channel: str, triage: bool) -> None:
    agent = is_agent(actor)
    if requester.pk != actor.pk and not agent:
        raise NotAllowed(gettext("Only agents may file a request on someone else's behalf."))
    if channel in AGENT_CHANNELS and not agent:
        raise NotAllowed(gettext("Only agents may log phone calls and walk-ins."))
    if triage and not agent:
        raise NotAllowed(gettext("Only agents may set impact and urgency."))
    if not requester.is_active:
        raise InvalidInput(
            gettext("%(person)s no longer has an account.") % {"person": requester},
            field="requester",
        )


@transaction.atomic
def open_ticket(
    *,
    actor: Person,
    requester: Person,
    unit: SupportUnit,
    title: str,
    description: str,
    channel: str,
    impact: str | None = None,
    urgency: str | None = None,
    files: Sequence[File] = (),  # type: ignore[type-arg]
    follow_up_of: Ticket | None = None,
    service: Service | None = None,
    request_type: RequestType | None = None,
    answers: Any = None,
    answer_files: Any = None,
) -> Ticket:
    """Open a ticket for `requester` in `unit`, the owning and working unit at first.

    Records a `created` event and stores the files. `service`: what the requester asked
    for from the catalog; its unit receives it (NotAllowed if it is hidden from them).
    `request_type` (of that service): how they asked, with `answers` (and
    `answer_files`) to its form's current questions, inputs named "q-<key>" as the
    pages post them; it names the unit (and group) that receives the ticket, its
    default impact and urgency, and its tags. With a form the description may be empty.
    Raises InvalidInput for an empty or oversized title/description or a bad file
    (InvalidAnswers for bad answers, by question), NotAllowed when a requester tries to
    file for someone else, log a phone call or set impact/urgency.
    """
    title = clean_text(title, field="title", label=gettext("The title"), max_length=MAX_TITLE)
    if request_type is not None and not description.strip():
        description = ""  # the answers say it
    else:
        description = clean_text(description, field="description",
                                 label=gettext("The description"), max_length=MAX_BODY)  # fmt: skip
    if channel not in Channel.values or channel == Channel.DESK:
        raise InvalidInput(gettext("Unknown channel."), field="channel")
    if impact is not None and impact not in Impact.values:
        raise InvalidInput(gettext("Choose an impact from the list."), field="impact")
    if urgency is not None and urgency not in Urgency.values:
        raise InvalidInput(gettext("Choose an urgency from the list."), field="urgency")
    _check_actor(actor, requester, channel, triage=impact is not None or urgency is not None)
    check_files(files)
    asked = _RequestTypeAnswers(None, [])
    if request_type is not None:
        service = service or request_type.service
        asked = _answers(request_type, service, answers, answer_files)
        unit = SupportUnit.objects.get(pk=request_type.receiving_unit_id)
        impact, urgency = impact or request_type.impact, urgency or request_type.urgency
    elif service is not None:
        unit = service.unit
    if service is not None and not offered_to(requester).filter(pk=service.pk).exists():
        # The catalog's one rule: a service hidden from the requester cannot be asked
        # for, by URL or forged form; its unit is the one that receives the request.
        raise NotAllowed(gettext("This service is not offered to you."))
    impact = Impact(impact or Impact.LOW)
    urgency = Urgency(urgency or Urgency.MEDIUM)
    number, reference = _next_reference(unit)
    now = timezone.now()
    ticket = Ticket.objects.create(
        number=number,
        reference=reference,
        title=title,
        description=description,
        requester=requester,
        owning_unit=unit,
        working_unit=unit,
        created_by=actor,
        impact=impact,
        urgency=urgency,
        priority=priority_for(impact, urgency),
        channel=channel,
        status=states.Status.NEW,
        is_open=True,
        follow_up_of=follow_up_of,
        service=service,
        request_type=request_type,
        form_version=asked.version,
        agent_group=_group_of(request_type, unit),
        created_at=now,
        updated_at=now,
        updated_by=actor,  # filing is the first change: not unread for whoever filed it
        public_activity_at=now,
    )
    events.ticket_created(ticket, actor)
    refresh_clocks(ticket, repick_policy=True, fresh=True)
    ticket_changed(unit.pk)
    store_files(ticket, files, uploaded_by=actor)
    if request_type is not None:
        _keep_answers(ticket, asked.answers, actor)
        _tag(ticket, request_type)
    assign_by_rule(ticket)  # the unit's rule (round robin, least loaded), if not manual
    index_ticket(ticket)
    if follow_up_of is not None:
        events.follow_up_opened(follow_up_of, ticket, actor)
    mail_for_new_ticket(ticket)  # the acknowledgement, in the outbox of this transaction
    return ticket


@dataclass(frozen=True)
class _RequestTypeAnswers:
    version: FormVersion | None
    answers: list[Answer]


def _answers(request_type: RequestType, service: Service, data: Any, files: Any
             ) -> _RequestTypeAnswers:  # fmt: skip
    if request_type.service_id != service.pk or not request_type.is_active:
        raise InvalidInput(gettext("Choose how to ask for this service from the list."),
                           field="request_type")  # fmt: skip
    version = current_version(request_type)
    answers = clean_answers(questions_of(version), data or {}, files)
    for answer in answers:
        if answer.file is not None:
            try:
                check_files([answer.file])  # the ticket's file rules, told at the question
            except InvalidInput as error:
                raise InvalidAnswers({answer.question.key: [error.message]}) from error
    return _RequestTypeAnswers(version, answers)


def _group_of(request_type: RequestType | None, unit: SupportUnit) -> AgentGroup | None:
    group = request_type.agent_group if request_type is not None else None
    return group if group is not None and group.unit_id == unit.pk else None


def _keep_answers(ticket: Ticket, answers: list[Answer], actor: Person) -> None:
    rows = []
    for answer in answers:
        attachment = None
        if answer.file is not None:
            attachment = store_files(ticket, [answer.file], uploaded_by=actor)[0]
            if not answer.question.shown_to_requester:
                attachment.internal = True
                attachment.save(update_fields=["internal"])
        rows.append(TicketAnswer(ticket=ticket, question=answer.question,
                                 key=answer.question.key, value=answer.value,
                                 match=match_of(answer.value), person=answer.person,
                                 attachment=attachment))  # fmt: skip
    TicketAnswer.objects.bulk_create(rows)


def _tag(ticket: Ticket, request_type: RequestType) -> None:
    # Checked when the request type was saved (catalog.offering); tags are shared.
    names = request_type.tags.split()
    if names:
        ticket.tags.add(*(Tag.objects.get_or_create(name=name)[0] for name in names))


def open_follow_up(
    original: Ticket,
    *,
    actor: Person,
    body: str,
    channel: str,
    files: Sequence[File] = (),  # type: ignore[type-arg]
) -> Ticket:
    """A new ticket linked to a closed one, for a requester who wrote after it was closed."""
    # Written in the language of whoever writes after the close: it is their ticket's title.
    title = gettext("Follow-up to %(reference)s: %(title)s") % {
        "reference": original.reference,
        "title": original.title,
    }
    title = title[:MAX_TITLE]
    # Whoever writes after the close files the follow-up as themselves: the requester,
    # or a watcher (never in the requester's name).
    return open_ticket(
        actor=actor,
        requester=actor,
        unit=original.owning_unit,
        title=title,
        description=body,
        channel=channel,
        files=files,
        follow_up_of=original,
    )
