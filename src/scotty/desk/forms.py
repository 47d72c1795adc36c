"""Desk forms: they check the shape of what an agent sent, nothing more.

Rules (who may be assigned, which status may follow which, how long a reply may be)
live in the ticket services, so the desk, the API and e-mail refuse the same things
with the same words. A form here turns text into the values a service takes.
"""

from datetime import datetime
from decimal import Decimal
from typing import Any

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from scotty.accounts.models import (
    AbsenceKind,
    AgentGroup,
    Department,
    Person,
    SupportUnit,
    UnitMembership,
    UnitRole,
)
from scotty.catalog.models import (
    MAX_TARGET_MINUTES,
    AssignmentRule,
    BusinessCalendar,
    PolicyKind,
    SlaPolicy,
    Weekday,
)
from scotty.core.forms import FilesField, OnceField
from scotty.tickets.models import Channel, MessageKind, NextStepOwner, Ticket
from scotty.tickets.priority import Impact, Priority, Urgency
from scotty.tickets.queues import DUE_LABELS, SORT_LABELS, QueueFilters, Sort
from scotty.tickets.services.bulk import (
    AddTags,
    AssignTo,
    BulkOp,
    MoveTo,
    RemoveTags,
    SetPriority,
    Take,
    TransferTo,
)
from scotty.tickets.services.calls import NewRequester
from scotty.tickets.services.update import (
    UNCHANGED,
    MessagePart,
    NextStepPart,
    StatusPart,
    Unchanged,
    waiting_until_on,
)
from scotty.tickets.services.validation import is_blank
from scotty.tickets.states import Status


class PersonField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """A person picked by e-mail address: what the people picker fills in."""

    default_error_messages = {
        "invalid_choice": gettext_lazy(
            "Nobody with that e-mail address has an account. Pick someone from the suggestions."
        )
    }

    def __init__(self, **kwargs: Any) -> None:
        people = Person.objects.filter(is_active=True)
        super().__init__(queryset=people, to_field_name="email", **kwargs)

    def to_python(self, value: Any) -> Any:
        # Any capitalisation finds the person: the e-mail field folds the lookup the way
        # addresses are stored (accounts.email_address).
        if isinstance(value, str):
            value = value.strip()
        return super().to_python(value)


class TicketForm(forms.Form):
    """Every write on a ticket carries the version the agent saw (optimistic lock) and
    the newest public message their page showed (`seen`: the desk holds an action from a
    page that missed one)."""

    version = forms.IntegerField(
        min_value=1,
        max_value=2**31 - 1,  # a forged huge version is bad input, not "someone else changed it"
        widget=forms.HiddenInput,
        error_messages={"required": gettext_lazy("This form is out of date: reload the ticket.")},
    )
    seen = forms.IntegerField(
        required=False, min_value=0, max_value=2**63 - 1, widget=forms.HiddenInput
    )


class UpdateForm(TicketForm):
    """The composer, the ticket's one update: words (a reply or a note) and, in the same
    submit, the status, the next step and "waiting until". A part whose fields were not
    sent (a closed ticket's composer, another client) is left as it is, and so is a part
    sent as the page showed it; the service says whether anything is left to save."""

    kind = forms.ChoiceField(
        choices=MessageKind.choices, initial=MessageKind.REPLY, widget=forms.RadioSelect
    )
    # Optional: an update may be a status or a next step alone (the service refuses an
    # update with nothing in it, in the same words everywhere).
    body = forms.CharField(label=gettext_lazy("Message"), required=False, strip=False)
    attachments = FilesField()
    once = OnceField()
    status = forms.CharField(label=gettext_lazy("Status"), required=False, max_length=30)
    resolution = forms.CharField(label=gettext_lazy("Resolution"), required=False, strip=False)
    waiting_until = forms.DateField(label=gettext_lazy("Waiting until"), required=False)
    next_step = forms.CharField(
        label=gettext_lazy("Next step"), required=False, max_length=2000, strip=False
    )
    next_step_owner = forms.ChoiceField(
        label=gettext_lazy("Who does the next step"),
        choices=[("", "—"), *NextStepOwner.choices],
        required=False,
    )
    next_step_shared = forms.BooleanField(
        label=gettext_lazy("Share with the requester"), required=False
    )

    def message(self) -> MessagePart | None:
        """The words, or None when there are none (no text, no file)."""
        data = self.cleaned_data
        if is_blank(data["body"]) and not data["attachments"]:
            return None
        internal = data["kind"] == MessageKind.NOTE
        return MessagePart(data["body"], internal=internal, files=data["attachments"])

    def new_status(self) -> StatusPart | None:
        to = self.cleaned_data["status"]
        return StatusPart(to, resolution=self.cleaned_data["resolution"]) if to else None

    def new_next_step(self) -> NextStepPart | None:
        if "next_step" not in self.data:
            return None
        data = self.cleaned_data
        return NextStepPart(
            data["next_step"], data["next_step_owner"], shared=data["next_step_shared"]
        )

    def new_waiting_until(self, ticket: Ticket) -> datetime | Unchanged | None:
        """The date picked, as the moment it means (`waiting_until_on`); UNCHANGED when
        the field was not sent or still shows the ticket's date."""
        if "waiting_until" not in self.data:
            return UNCHANGED
        day = self.cleaned_data["waiting_until"]
        shown = timezone.localdate(ticket.waiting_until) if ticket.waiting_until else None
        if day == shown:
            return UNCHANGED
        return waiting_until_on(day) if day is not None else None


class AssignForm(TicketForm):
    assignee = PersonField(required=False)  # empty: nobody


class PriorityForm(TicketForm):
    impact = forms.ChoiceField(choices=Impact.choices)
    urgency = forms.ChoiceField(choices=Urgency.choices)
    override = forms.TypedChoiceField(
        choices=[("", gettext_lazy("As the matrix says")), *Priority.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )


class GroupForm(TicketForm):
    agent_group = forms.ModelChoiceField(
        queryset=AgentGroup.objects.all(), required=False,
        label=gettext_lazy("Group"), empty_label=gettext_lazy("No group"),
        error_messages={"invalid_choice": gettext_lazy("Choose a group from the list.")},
    )  # fmt: skip

    def __init__(self, *args: Any, groups: list[AgentGroup] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if groups is not None:  # the working unit's, loaded with the page: no query here
            choices = [("", gettext("No group")), *((g.pk, g.name) for g in groups)]
            self.fields["agent_group"].choices = choices  # type: ignore[attr-defined]


class TransferForm(TicketForm):
    working_unit = forms.ModelChoiceField(queryset=SupportUnit.objects.all())
    owning_unit = forms.ModelChoiceField(
        queryset=SupportUnit.objects.all(),
        required=False,
        empty_label=gettext_lazy("Keep the owning unit"),
    )
    # Asked here, not by the service: other channels (bulk, API) may have none to give.
    handover = forms.CharField(
        label=gettext_lazy("Handover note"),
        error_messages={
            "required": gettext_lazy(
                "Write a handover note: what was done, and what the receiving unit should do next."
            )
        },
    )

    def __init__(self, *args: Any, units: list[SupportUnit] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if units is not None:  # render from a list already loaded: no query per select
            choices = [(u.pk, u.name) for u in units]
            self.fields["working_unit"].choices = choices  # type: ignore[attr-defined]
            keep = ("", gettext("Keep the owning unit"))
            self.fields["owning_unit"].choices = [keep, *choices]  # type: ignore[attr-defined]


class TagsForm(TicketForm):
    tags = forms.CharField(required=False, max_length=2000)

    def names(self) -> list[str]:
        raw: str = self.cleaned_data["tags"]
        return [n for n in raw.replace(",", " ").split() if n]


class WatcherForm(TicketForm):
    watcher = PersonField()


class UnwatchForm(TicketForm):
    watcher = forms.ModelChoiceField(queryset=Person.objects.all())


class CannedReplyForm(forms.Form):
    """A canned reply's title and text (lengths are the service's to check)."""

    title = forms.CharField(label=gettext_lazy("Title"), max_length=1000)
    body = forms.CharField(label=gettext_lazy("Text"), strip=False)


class NewCannedReplyForm(CannedReplyForm):
    """A new canned reply, and who may use it: only its author, or a unit they manage."""

    unit = forms.TypedChoiceField(
        label=gettext_lazy("Who may use it"), coerce=int, empty_value=None, required=False
    )

    def __init__(self, *args: Any, units: list[SupportUnit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.units = {u.pk: u for u in units}
        everyone = gettext("Everyone in %(unit)s")
        choices = [("", gettext("Only me")), *((u.pk, everyone % {"unit": u.name}) for u in units)]
        self.fields["unit"].choices = choices  # type: ignore[attr-defined]

    def chosen_unit(self) -> SupportUnit | None:
        unit_id = self.cleaned_data["unit"]
        return None if unit_id is None else self.units[unit_id]


class EditCannedReplyForm(CannedReplyForm):
    """A change to a canned reply, with the version (`updated_at`) the page showed."""

    # ISO 8601 to the microsecond (a DateTimeField would render whole seconds in local
    # time, and no save would match its version again).
    updated_at = forms.CharField(
        widget=forms.HiddenInput,
        max_length=40,
        error_messages={"required": gettext_lazy("This form is out of date: reload the page.")},
    )

    def clean_updated_at(self) -> datetime:
        try:
            stamp = datetime.fromisoformat(self.cleaned_data["updated_at"])
        except ValueError:
            raise forms.ValidationError(
                gettext("This form is out of date: reload the page.")
            ) from None
        if stamp.tzinfo is None:
            raise forms.ValidationError(gettext("This form is out of date: reload the page."))
        return stamp


class LogCallForm(forms.Form):
    """A phone call or walk-in, logged by the agent who took it: for someone picked, or
    for someone new (the `new_*` fields), taken by the agent unless they say otherwise,
    and resolved at once when it was solved during the call."""

    requester = PersonField(
        required=False,
        error_messages={
            "invalid_choice": gettext_lazy(
                "Nobody with that e-mail address has an account. Pick someone "
                "from the suggestions, or add them as a new person."
            )
        },
    )
    unit = forms.ModelChoiceField(queryset=SupportUnit.objects.none(), empty_label=None)
    channel = forms.ChoiceField(
        choices=[(Channel.PHONE, Channel.PHONE.label), (Channel.WALK_IN, Channel.WALK_IN.label)],
        initial=Channel.PHONE,
        widget=forms.RadioSelect,
    )
    title = forms.CharField(required=False, max_length=1000)
    description = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 6}))
    impact = forms.ChoiceField(choices=Impact.choices, initial=Impact.LOW)
    urgency = forms.ChoiceField(choices=Urgency.choices, initial=Urgency.MEDIUM)
    attachments = FilesField()
    once = OnceField()
    assign_to_me = forms.BooleanField(
        required=False, initial=True, label=gettext_lazy("Assign to me")
    )
    solved = forms.BooleanField(required=False, label=gettext_lazy("Solved during the call"))
    resolution = forms.CharField(
        required=False, label=gettext_lazy("What you did"), widget=forms.Textarea(attrs={"rows": 3})
    )
    # Someone who is not in Scotty yet (the service checks the values).
    new_name = forms.CharField(required=False, max_length=1000, label=gettext_lazy("Their name"))
    new_email = forms.CharField(required=False, max_length=1000, label=gettext_lazy("Their e-mail"))
    new_department = forms.ModelChoiceField(
        queryset=Department.objects.all(),
        required=False,
        label=gettext_lazy("Their department"),
        # Django's own words, which its German catalogue does not have yet.
        empty_label=gettext_lazy("- Select an option -"),
    )

    def __init__(self, *args: Any, units: list[SupportUnit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        unit_field: forms.ModelChoiceField = self.fields["unit"]  # type: ignore[type-arg,assignment]
        unit_field.queryset = SupportUnit.objects.filter(pk__in=[u.pk for u in units])
        unit_field.choices = [(u.pk, u.name) for u in units]  # no second query to render
        front = [u for u in units if u.is_front_line] or units
        if front:
            self.initial.setdefault("unit", front[0].pk)

    def adds_someone(self) -> bool:
        """Did the agent fill in a new person rather than pick one?"""
        return bool(self.data.get("new_name", "").strip() or self.data.get("new_email", "").strip())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.adds_someone():
            if data.get("requester"):
                self.add_error(
                    "requester",
                    gettext("You picked %(name)s and filled in a new person: clear one.")
                    % {"name": data["requester"]},
                )
            else:  # what is in the picker was only a search that found nobody
                self.errors.pop("requester", None)
        elif not data.get("requester") and "requester" not in self.errors:
            self.add_error(
                "requester", gettext("Say who called: pick them, or add them as a new person.")
            )
        if (data.get("resolution") or "").strip() and not data.get("solved"):
            # Words about a fix with the box unticked: ask, rather than guess either way.
            self.add_error(
                "solved",
                gettext("You wrote what you did: tick “Solved during the call”, or clear it."),
            )
        return data

    def caller(self) -> Person | NewRequester:
        """Who called: the person picked, or the new person to add."""
        data = self.cleaned_data
        if self.adds_someone():
            return NewRequester(data["new_name"], data["new_email"], data["new_department"])
        person: Person = data["requester"]
        return person


class QueueFilterForm(forms.Form):
    """The filter bar above a queue (GET). Bad values are reported and ignored."""

    status = forms.ChoiceField(
        choices=[("", gettext_lazy("Any status")), *Status.choices], required=False
    )
    priority = forms.TypedChoiceField(
        choices=[("", gettext_lazy("Any priority")), *Priority.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )
    unit = forms.TypedChoiceField(coerce=int, empty_value=None, required=False)
    # A picker that searches as you type, not a list of every agent.
    assignee = forms.CharField(required=False, max_length=254)
    unassigned = forms.BooleanField(required=False)
    requester = forms.CharField(required=False, max_length=254)
    tag = forms.CharField(required=False, max_length=50)
    due = forms.ChoiceField(
        choices=[("", gettext_lazy("Any due time")), *DUE_LABELS.items()], required=False
    )
    service = forms.TypedChoiceField(coerce=int, empty_value=None, required=False)
    group = forms.TypedChoiceField(coerce=int, empty_value=None, required=False)
    # An answer to one of the chosen service's questions (offered once a service is).
    question = forms.ChoiceField(required=False)
    answer = forms.CharField(required=False, max_length=200)
    sort = forms.ChoiceField(required=False)
    after = forms.CharField(required=False, max_length=100)

    def __init__(
        self,
        *args: Any,
        units: list[SupportUnit],
        sorts: tuple[Sort, ...],
        services: list[tuple[int, str]] = (),  # type: ignore[assignment]
        groups: list[AgentGroup] = (),  # type: ignore[assignment]
        questions: list[tuple[str, str]] = (),  # type: ignore[assignment]
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        any_unit = ("", gettext("Any unit"))
        self.fields["unit"].choices = [any_unit, *((u.pk, u.name) for u in units)]  # type: ignore[attr-defined]
        self.fields["sort"].choices = [(s.value, SORT_LABELS[s]) for s in sorts]  # type: ignore[attr-defined]
        self.fields["service"].choices = [("", gettext("Any service")), *services]  # type: ignore[attr-defined]
        self.fields["group"].choices = [  # type: ignore[attr-defined]
            ("", gettext("Any group")),
            *((g.pk, str(g)) for g in groups),
        ]
        self.fields["question"].choices = [("", gettext("Any question")), *questions]  # type: ignore[attr-defined]

    def filters(self) -> QueueFilters:
        """The valid part of the filters (invalid values are shown as errors, not applied)."""
        self.is_valid()
        data = self.cleaned_data
        return QueueFilters(
            status=data.get("status") or "",
            priority=data.get("priority"),
            unit_id=data.get("unit"),
            assignee_email=data.get("assignee") or "",
            unassigned=bool(data.get("unassigned")),
            requester_email=data.get("requester") or "",
            tag=data.get("tag") or "",
            due=data.get("due") or "",
            service_id=data.get("service"),
            group_id=data.get("group"),
            answer_key=data.get("question") or "",
            answer_value=data.get("answer") or "",
        )

    def chosen_sort(self) -> Sort | None:
        self.is_valid()
        value = self.cleaned_data.get("sort")
        return Sort(value) if value else None

    def cursor(self) -> str:
        self.is_valid()
        return str(self.cleaned_data.get("after") or "")


class ReferencesField(forms.MultipleChoiceField):
    """Ticket references ticked on a queue page. Any reference passes here: which exist
    and may be worked on is the domain's to say (without telling which is which)."""

    def valid_value(self, value: Any) -> bool:
        return isinstance(value, str) and len(value) <= 20


class BulkAction(models.TextChoices):
    TAKE = "take", gettext_lazy("Take them")
    ASSIGN = "assign", gettext_lazy("Assign to…")
    STATUS = "status", gettext_lazy("Set status…")
    PRIORITY = "priority", gettext_lazy("Set priority…")
    ADD_TAGS = "add_tags", gettext_lazy("Add tags…")
    REMOVE_TAGS = "remove_tags", gettext_lazy("Remove tags…")
    TRANSFER = "transfer", gettext_lazy("Transfer to…")


class BulkForm(forms.Form):
    """The action bar of a queue: the ticked references, one action and what it needs.
    Whether each ticket may take the change is the services' to say (bulk_apply)."""

    ticket = ReferencesField(
        error_messages={"required": gettext_lazy("Tick at least one ticket first.")}
    )
    action = forms.ChoiceField(choices=BulkAction.choices)
    assignee = PersonField(required=False)
    status = forms.ChoiceField(
        choices=[("", "—"), *((s, label) for s, label in Status.choices if s != Status.NEW)],
        required=False,
    )
    resolution = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    priority = forms.TypedChoiceField(
        choices=[("", "—"), *Priority.choices], coerce=int, empty_value=None, required=False
    )
    tags = forms.CharField(required=False, max_length=2000)
    unit = forms.TypedChoiceField(coerce=int, empty_value=None, required=False)
    next = forms.CharField(required=False, max_length=2000)

    _NEEDS = {
        BulkAction.ASSIGN: ("assignee", gettext_lazy("Say who should have them.")),
        BulkAction.STATUS: ("status", gettext_lazy("Choose the status to set.")),
        BulkAction.PRIORITY: ("priority", gettext_lazy("Choose the priority to set.")),
        BulkAction.ADD_TAGS: ("tags", gettext_lazy("Type the tags to add.")),
        BulkAction.REMOVE_TAGS: ("tags", gettext_lazy("Type the tags to remove.")),
        BulkAction.TRANSFER: ("unit", gettext_lazy("Choose the unit to hand them to.")),
    }

    def __init__(self, *args: Any, units: list[SupportUnit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.units = {u.pk: u for u in units}
        self.fields["unit"].choices = [("", "—"), *((u.pk, u.name) for u in units)]  # type: ignore[attr-defined]

    def clean_ticket(self) -> list[str]:
        return [str(r) for r in self.cleaned_data["ticket"]]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        need = self._NEEDS.get(data.get("action", ""))
        if need is not None and not data.get(need[0]) and need[0] not in self.errors:
            self.add_error(need[0], str(need[1]))
        return data

    def op(self, agent: Person) -> BulkOp:
        """The change to apply to each ticket (after is_valid)."""
        data = self.cleaned_data
        action = data["action"]
        if action == BulkAction.ASSIGN:
            return AssignTo(data["assignee"])
        if action == BulkAction.STATUS:
            return MoveTo(data["status"], resolution=data["resolution"])
        if action == BulkAction.PRIORITY:
            return SetPriority(data["priority"])
        if action in (BulkAction.ADD_TAGS, BulkAction.REMOVE_TAGS):
            names = tuple(n for n in data["tags"].replace(",", " ").split() if n)
            return AddTags(names) if action == BulkAction.ADD_TAGS else RemoveTags(names)
        if action == BulkAction.TRANSFER:
            return TransferTo(self.units[data["unit"]])
        return Take()


class UnitSettingsForm(forms.Form):
    """How a unit works; ranges are the service's to enforce (same words everywhere).
    `version` is the settings version the page showed: two managers never overwrite
    each other silently."""

    description = forms.CharField(
        required=False, strip=False, widget=forms.Textarea({"rows": 3, "maxlength": 2000})
    )
    reopen_window_days = forms.IntegerField(
        label=gettext_lazy("Reopen window (days)"),
        help_text=gettext_lazy(
            "A requester's reply reopens a resolved ticket for this long; then it closes."
        ),
        widget=forms.NumberInput({"min": 0, "max": 365}),
    )
    version = forms.IntegerField(
        min_value=1,
        max_value=2**31 - 1,
        widget=forms.HiddenInput,
        error_messages={"required": gettext_lazy("This form is out of date: reload the page.")},
    )

    def __init__(self, *args: Any, unit: SupportUnit, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", f"unit-{unit.prefix}-%s")
        kwargs.setdefault(
            "initial",
            {
                "description": unit.description,
                "reopen_window_days": unit.reopen_window_days,
                "version": unit.settings_version,
            },
        )
        super().__init__(*args, **kwargs)


class UnitMemberForm(forms.Form):
    """Someone to add to a unit, and as what; the service decides whether they may be."""

    person = PersonField(label=gettext_lazy("Person"))
    role = forms.ChoiceField(choices=UnitRole.choices, initial=UnitRole.AGENT)

    def __init__(self, *args: Any, unit: SupportUnit, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", f"add-{unit.prefix}-%s")
        super().__init__(*args, **kwargs)


class MemberForm(forms.Form):
    """One of a unit's people (a new role for them, or none to remove them)."""

    person = forms.ModelChoiceField(
        queryset=Person.objects.none(),
        error_messages={
            "invalid_choice": gettext_lazy("That person does not work for this unit (any more).")
        },
    )
    role = forms.ChoiceField(choices=UnitRole.choices, required=False)

    def __init__(self, *args: Any, unit: SupportUnit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        people: forms.ModelChoiceField = self.fields["person"]  # type: ignore[type-arg,assignment]
        people.queryset = Person.objects.filter(
            pk__in=UnitMembership.objects.filter(unit=unit).values("person_id")
        )


class UnitCalendarForm(forms.Form):
    """Which business calendar a unit works by (none: around the clock)."""

    which = forms.CharField(widget=forms.HiddenInput, initial="calendar")
    calendar = forms.ModelChoiceField(
        queryset=BusinessCalendar.objects.none(), required=False,
        label=gettext_lazy("Working hours"), empty_label=gettext_lazy("Around the clock (24x7)"),
    )  # fmt: skip

    def __init__(self, *args: Any, calendars: list[BusinessCalendar], **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "calendar-%s")
        super().__init__(*args, **kwargs)
        field = self.fields["calendar"]
        field.queryset = BusinessCalendar.objects.filter(pk__in=[c.pk for c in calendars])  # type: ignore[attr-defined]


def _hours_field(label: str) -> forms.DecimalField:
    """Business hours, up to two decimals ("0.5" is 30 minutes); empty: no target."""
    return forms.DecimalField(
        label=label,
        required=False,
        min_value=Decimal("0.02"),
        max_value=Decimal(MAX_TARGET_MINUTES // 60),
        decimal_places=2,
        max_digits=8,
    )


class PolicyForm(forms.Form):
    """A unit's SLA or OLA: its terms, and per priority the targets in business hours
    (empty: no target for that priority; every row empty: no policy)."""

    which = forms.CharField(widget=forms.HiddenInput)
    name = forms.CharField(label=gettext_lazy("Name"), max_length=100, required=False)
    pause_on_third_party = forms.BooleanField(
        label=gettext_lazy("Pause while waiting on a third party"), required=False
    )
    warn_at_percent = forms.IntegerField(
        label=gettext_lazy("Warn when this much of a target is used (percent)"),
        min_value=1, max_value=99, initial=75,
    )  # fmt: skip

    def __init__(self, *args: Any, kind: str, policy: SlaPolicy | None, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", f"{kind}-%s")
        if policy is not None and not args:
            targets = {t.priority: t for t in policy.targets.all()}
            initial = {"name": policy.name, "pause_on_third_party": policy.pause_on_third_party,
                       "warn_at_percent": policy.warn_at_percent}  # fmt: skip
            for priority, target in targets.items():
                initial[f"resolution_{priority}"] = _hours(target.resolution_minutes)
                initial[f"first_{priority}"] = _hours(target.first_response_minutes)
            kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.fields["which"].initial = kind
        for priority, label in Priority.choices:
            if kind == PolicyKind.SLA:
                self.fields[f"first_{priority}"] = _hours_field(
                    gettext("%(priority)s: first response (business hours)") % {"priority": label}
                )
            self.fields[f"resolution_{priority}"] = _hours_field(
                gettext("%(priority)s: resolution (business hours)") % {"priority": label}
            )

    def clean_name(self) -> str:
        name: str = self.cleaned_data.get("name") or ""
        return name.strip() or str(PolicyKind(self.kind).label)

    def rows(self) -> list[tuple[str, object, object]]:
        """(priority label, first-response field or None, resolution field) per priority."""
        return [
            (str(label), self[f"first_{p}"] if f"first_{p}" in self.fields else None,
             self[f"resolution_{p}"])
            for p, label in Priority.choices
        ]  # fmt: skip

    def targets(self) -> dict[int, tuple[int | None, int | None]]:
        """priority -> (first response, resolution) in business minutes."""

        def minutes(name: str) -> int | None:
            value = self.cleaned_data.get(name)
            return round(value * 60) if value is not None else None

        return {p: (minutes(f"first_{p}"), minutes(f"resolution_{p}")) for p in Priority.values}


def _hours(minutes: int | None) -> Decimal | None:
    return (
        None if minutes is None else (Decimal(minutes) / 60).quantize(Decimal("0.01")).normalize()
    )


# Two openings a day are enough for a desk (morning and afternoon, or a night shift).
OPENINGS_A_DAY = 2


class CalendarForm(forms.Form):
    """A business calendar: its name, time zone, public holidays and weekly hours, two
    openings a day at most (an empty pair: closed then)."""

    name = forms.CharField(label=gettext_lazy("Name"), max_length=100)
    time_zone = forms.CharField(label=gettext_lazy("Time zone"), max_length=64,
                                help_text=gettext_lazy("For example Europe/Berlin."))  # fmt: skip
    holiday_country = forms.CharField(label=gettext_lazy("Public holidays of (country code)"),
                                      max_length=3, required=False)  # fmt: skip
    holiday_subdivision = forms.CharField(label=gettext_lazy("Region (code, optional)"),
                                          max_length=10, required=False)  # fmt: skip

    def __init__(self, *args: Any, calendar: BusinessCalendar | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "calendar-%s")
        if calendar is not None and not args:
            initial: dict[str, Any] = {
                "name": calendar.name, "time_zone": calendar.time_zone,
                "holiday_country": calendar.holiday_country,
                "holiday_subdivision": calendar.holiday_subdivision,
            }  # fmt: skip
            slots: dict[int, int] = {}
            for hours in calendar.hours.all():
                n = slots.get(hours.weekday, 0)
                if n < OPENINGS_A_DAY:
                    initial[f"opens_{hours.weekday}_{n}"] = hours.opens
                    initial[f"closes_{hours.weekday}_{n}"] = hours.closes
                    slots[hours.weekday] = n + 1
            kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        ends = {"opens": gettext("opens"), "closes": gettext("closes")}
        for day, label in Weekday.choices:
            for n in range(OPENINGS_A_DAY):
                for end, word in ends.items():
                    self.fields[f"{end}_{day}_{n}"] = forms.TimeField(
                        label=f"{label} {n + 1}: {word}", required=False
                    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for day, _ in Weekday.choices:
            for n in range(OPENINGS_A_DAY):
                opens, closes = data.get(f"opens_{day}_{n}"), data.get(f"closes_{day}_{n}")
                if (opens is None) != (closes is None) and not self.errors:
                    self.add_error(f"opens_{day}_{n}" if opens is None else f"closes_{day}_{n}",
                                   gettext("Give both times, or neither."))  # fmt: skip
        return data

    def days(self) -> list[tuple[str, list[tuple[object, object]]]]:
        """(weekday, [(opens field, closes field)] ...) for the template."""
        return [
            (str(label), [(self[f"opens_{d}_{n}"], self[f"closes_{d}_{n}"])
                          for n in range(OPENINGS_A_DAY)])
            for d, label in Weekday.choices
        ]  # fmt: skip

    def hours(self) -> list[tuple[int, Any, Any]]:
        data = self.cleaned_data
        return [
            (d, data[f"opens_{d}_{n}"], data[f"closes_{d}_{n}"])
            for d, _ in Weekday.choices
            for n in range(OPENINGS_A_DAY)
            if data.get(f"opens_{d}_{n}") is not None and data.get(f"closes_{d}_{n}") is not None
        ]


class ClosingDayForm(forms.Form):
    day = forms.DateField(label=gettext_lazy("Day"))
    name = forms.CharField(label=gettext_lazy("What"), max_length=100)


class AssignmentForm(forms.Form):
    which = forms.CharField(widget=forms.HiddenInput, initial="assignment")
    rule = forms.ChoiceField(label=gettext_lazy("New tickets go"), choices=AssignmentRule.choices)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "assignment-%s")
        super().__init__(*args, **kwargs)


class AbsenceForm(forms.Form):
    starts = forms.DateField(label=gettext_lazy("From"))
    ends = forms.DateField(label=gettext_lazy("Until (included)"))
    kind = forms.ChoiceField(label=gettext_lazy("Why"), choices=AbsenceKind.choices)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "absence-%s")
        super().__init__(*args, **kwargs)
