"""One ticket's life written the way the ticket services write it, but in memory.

Bulk loading cannot call the services (one transaction and several queries per change
would take hours at a million tickets), so this class mirrors what each service does
to the row and which events it records: fields, old/new values, `is_public`, the version
after each header change. tests/demo compares its events with the real services' events
for the same moves, so the two cannot drift apart unnoticed.
"""

from dataclasses import dataclass, field
from datetime import datetime

from scotty.accounts.models import AgentGroup, Person, SupportUnit
from scotty.catalog.answers import Answer, match_of
from scotty.catalog.models import FormVersion, RequestType
from scotty.demo.rows import EventRow, MessageRow
from scotty.tickets import states
from scotty.tickets.models import Channel, EventKind, MessageKind, Ticket, TicketAnswer
from scotty.tickets.priority import priority_for
from scotty.tickets.services.changes import SILENT_FIELDS, Change, shown_to_requester
from scotty.tickets.services.fields import person_name
from scotty.tickets.services.workflow import moment_value
from scotty.tickets.states import WAITING_STATUSES, Status


@dataclass
class History:
    """A ticket and the rows its story adds; nothing touches the database here."""

    ticket: Ticket
    requester: Person
    working_unit: SupportUnit
    assignee: Person | None = None
    messages: list[MessageRow] = field(default_factory=list)
    events: list[EventRow] = field(default_factory=list)
    # Events that point at a message, linked once the messages have ids.
    message_events: list[tuple[EventRow, MessageRow]] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    watcher_ids: list[int] = field(default_factory=list)
    agent_group: AgentGroup | None = None
    answers: list[TicketAnswer] = field(default_factory=list)  # linked to the ticket on write

    def _event(
        self,
        at: datetime,
        actor: Person | None,
        kind: str,
        *,
        name: str = "",
        old: str = "",
        new: str = "",
        public: bool = False,
    ) -> EventRow:
        event = EventRow(
            ticket_id=0, actor_id=actor.pk if actor else None, at=at, kind=kind, field=name,
            old_value=old[:500], new_value=new[:500], is_public=public,
            version=self.ticket.version,
        )  # fmt: skip
        self.events.append(event)
        return event

    def created(self, at: datetime, actor: Person) -> None:
        """open_ticket: the row as filed and its `created` event."""
        self.ticket.created_at = self.ticket.updated_at = self.ticket.public_activity_at = at
        self.ticket.updated_by_id = actor.pk  # filing is not unread for whoever filed it
        self._event(at, actor, EventKind.CREATED, new=self.ticket.status, public=True)

    def filed_through(self, request_type: RequestType, version: FormVersion,
                      group: AgentGroup | None, answers: list[Answer]) -> None:  # fmt: skip
        """open_ticket with a request type, before `created`: its service, the form's
        version and the group on the row, its tags (no event of their own) and the
        answers as `_keep_answers` stores them."""
        ticket = self.ticket
        ticket.service_id, ticket.request_type_id = request_type.service_id, request_type.pk
        ticket.form_version_id = version.pk
        ticket.agent_group_id = group.pk if group else None
        self.agent_group = group
        self.tags = sorted(set(request_type.tags.split()))
        self.answers = [
            TicketAnswer(question=a.question, key=a.question.key, value=a.value,
                         match=match_of(a.value), person=a.person)
            for a in answers
        ]  # fmt: skip

    def apply(self, at: datetime, actor: Person | None, changes: list[Change]) -> None:
        """services.changes.apply_changes: one version per call, one event per real change."""
        real = [c for c in changes if getattr(self.ticket, c.field) != c.value]
        if not real:
            return
        for change in real:
            setattr(self.ticket, change.field, change.value)
        self.ticket.version += 1
        self.ticket.updated_at = at
        self.ticket.updated_by_id = actor.pk if actor else None  # whose change: unread markers
        if any(shown_to_requester(c) for c in real):
            self.ticket.public_activity_at = at
        for change in real:
            if change.field in SILENT_FIELDS:
                continue
            public = shown_to_requester(change)
            self._event(
                at, actor, EventKind.FIELD_CHANGED,
                name=change.field.removesuffix("_id"),  # events name fields as people do
                old=change.old_shown, new=change.new_shown, public=public,
            )  # fmt: skip

    def status_changes(self, at: datetime, target: str, resolution: str = "") -> list[Change]:
        """services.workflow.status_changes, at a given time instead of now."""
        ticket = self.ticket
        if not states.can_move(ticket.status, target):
            raise ValueError(f"story bug: {ticket.status} -> {target} is not allowed")
        changes = [
            Change("status", target, ticket.status, target),
            Change("is_open", states.is_open(target), "", ""),
        ]
        if target == Status.RESOLVED:
            changes.append(Change("resolved_at", at, "", ""))
            if resolution and resolution != ticket.resolution:
                changes.append(
                    Change("resolution", resolution, ticket.resolution, resolution, True)
                )
        elif target == Status.CLOSED:
            changes.append(Change("closed_at", at, "", ""))
        elif ticket.status == Status.RESOLVED:
            changes.append(Change("resolved_at", None, "", ""))
        if ticket.waiting_until is not None and target not in WAITING_STATUSES:
            changes.append(self.until_change(None))  # the wait it timed is over
        return changes

    def until_change(self, moment: datetime | None) -> Change:
        """services.workflow.waiting_until_change."""
        old = moment_value(self.ticket.waiting_until)
        return Change("waiting_until", moment, old, moment_value(moment))

    def wait_until(self, at: datetime, actor: Person, moment: datetime) -> None:
        """update_ticket with a "waiting until" date on a waiting ticket: on `moment` it
        comes back to the assignee's "needs my action" list."""
        if self.ticket.status not in WAITING_STATUSES or moment <= at:
            raise ValueError("story bug: a waiting date goes on a waiting ticket, ahead")
        self.apply(at, actor, [self.until_change(moment)])

    def move(self, at: datetime, actor: Person | None, target: str, resolution: str = "") -> None:
        """transition / confirm_resolution / close_expired_resolutions."""
        self.apply(at, actor, self.status_changes(at, target, resolution))

    def assign(self, at: datetime, actor: Person, assignee: Person | None) -> None:
        """services.assign: assigning a new ticket opens it."""
        changes = [
            Change(
                "assignee_id", assignee.pk if assignee else None,
                person_name(self.assignee), person_name(assignee),
            )
        ]  # fmt: skip
        if assignee is not None and self.ticket.status == Status.NEW:
            changes += self.status_changes(at, Status.OPEN)
        self.apply(at, actor, changes)
        self.assignee = assignee

    def set_priority(self, at: datetime, actor: Person, impact: str, urgency: str) -> None:
        """services.set_priority, without override: priority follows the matrix."""
        ticket, priority = self.ticket, int(priority_for(impact, urgency))
        self.apply(at, actor, [
            Change("impact", impact, ticket.impact, impact),
            Change("urgency", urgency, ticket.urgency, urgency),
            Change("priority", priority, str(ticket.priority), str(priority)),
            Change("priority_overridden", False, "", ""),
        ])  # fmt: skip

    def set_next_step(
        self, at: datetime, actor: Person, text: str, owner: str, shared: bool
    ) -> None:
        """services.set_next_step."""
        ticket = self.ticket
        old_text, old_owner = (
            (ticket.next_step, ticket.next_step_owner) if ticket.next_step_shared else ("", "")
        )
        self.apply(at, actor, [
            Change("next_step", text, old_text, text, public=shared),
            Change("next_step_owner", owner, old_owner, owner, public=shared),
            Change("next_step_shared", shared, str(ticket.next_step_shared), str(shared)),
        ])  # fmt: skip

    def transfer(
        self, at: datetime, actor: Person, unit: SupportUnit, assignee_stays: bool
    ) -> None:
        """services.transfer of the work; the owning unit keeps the requester."""
        changes = [Change("working_unit_id", unit.pk, str(self.working_unit), str(unit))]
        if self.assignee is not None and not assignee_stays:
            changes.append(Change("assignee_id", None, person_name(self.assignee), ""))
        if self.agent_group is not None and unit.pk != self.working_unit.pk:
            # A group is a team of the working unit: the new unit sorts the ticket anew.
            changes.append(Change("agent_group_id", None, self.agent_group.name, ""))
            self.agent_group = None
        self.apply(at, actor, changes)
        self.working_unit = unit
        if not assignee_stays:
            self.assignee = None

    def set_tags(self, at: datetime, actor: Person, names: list[str]) -> None:
        """services.set_tags: the next version (changes.claim_version), then an event."""
        wanted = sorted(set(names))
        if wanted == self.tags:
            return
        self.ticket.version += 1
        self.ticket.updated_at = at
        self.ticket.updated_by_id = actor.pk if actor else None  # whose change: unread markers
        self._event(at, actor, EventKind.FIELD_CHANGED, name="tags",
                    old=", ".join(self.tags), new=", ".join(wanted))  # fmt: skip
        self.tags = wanted

    def add_watcher(self, at: datetime, actor: Person, watcher: Person) -> None:
        """services.add_watcher."""
        if watcher.pk in self.watcher_ids:
            return
        self.watcher_ids.append(watcher.pk)
        self._event(at, actor, EventKind.WATCHER_ADDED, name="watchers", new=str(watcher))

    def message(
        self, at: datetime, author: Person, body: str, *, internal: bool, channel: str
    ) -> None:
        """services.conversation.add_message: the message and its reply/note event."""
        kind = MessageKind.NOTE if internal else MessageKind.REPLY
        message = MessageRow(0, 0, author.pk, kind, body, channel, at)
        self.messages.append(message)
        self.ticket.updated_at = at
        self.ticket.updated_by_id = author.pk
        if not internal:
            self.ticket.public_activity_at = at
        event_kind = EventKind.NOTE_ADDED if internal else EventKind.REPLY_ADDED
        event = self._event(at, author, event_kind, public=not internal)
        self.message_events.append((event, message))

    def agent_reply(
        self, at: datetime, agent: Person, body: str, channel: str = Channel.DESK
    ) -> None:
        """add_reply by an agent: the first one stamps the first response, opens a new ticket."""
        self.message(at, agent, body, internal=False, channel=channel)
        changes = []
        if self.ticket.first_response_at is None:
            changes.append(Change("first_response_at", at, "", ""))
        if self.ticket.status == Status.NEW:
            changes += self.status_changes(at, Status.OPEN)
        self.apply(at, agent, changes)

    def requester_reply(self, at: datetime, body: str, channel: str) -> None:
        """add_reply by the requester: an answer to a waiting or resolved ticket reopens it."""
        self.message(at, self.requester, body, internal=False, channel=channel)
        if self.ticket.status in (Status.WAITING_ON_REQUESTER, Status.RESOLVED):
            self.apply(at, self.requester, self.status_changes(at, Status.OPEN))
