"""Desk forms: they check the shape of what an agent sent, nothing more.

Rules (who may be assigned, which status may follow which, how long a reply may be)
live in the ticket services, so the desk, the API and e-mail refuse the same things
with the same words. A form here turns text into the values a service takes.
"""

from typing import Any

from django import forms

from scotty.accounts.models import Person, SupportUnit
from scotty.core.forms import FilesField, OnceField
from scotty.tickets.models import Channel, MessageKind, NextStepOwner
from scotty.tickets.priority import Impact, Priority, Urgency
from scotty.tickets.queues import SORT_LABELS, QueueFilters, Sort
from scotty.tickets.states import Status


class PersonField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """A person picked by e-mail address: what the people picker fills in."""

    default_error_messages = {
        "invalid_choice": "Nobody with that e-mail address has an account. "
        "Pick someone from the suggestions."
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
        error_messages={"required": "This form is out of date: reload the ticket."},
    )
    seen = forms.IntegerField(
        required=False, min_value=0, max_value=2**63 - 1, widget=forms.HiddenInput
    )


class ReplyForm(TicketForm):
    kind = forms.ChoiceField(
        choices=MessageKind.choices, initial=MessageKind.REPLY, widget=forms.RadioSelect
    )
    # Not required here: the service says "The message cannot be empty." like everywhere.
    body = forms.CharField(
        required=False, strip=False, widget=forms.Textarea(attrs={"rows": 6, "required": True})
    )
    attachments = FilesField()
    once = OnceField()


class StatusForm(TicketForm):
    to = forms.CharField(max_length=30)
    resolution = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))


class AssignForm(TicketForm):
    assignee = PersonField(required=False)  # empty: nobody


class PriorityForm(TicketForm):
    impact = forms.ChoiceField(choices=Impact.choices)
    urgency = forms.ChoiceField(choices=Urgency.choices)
    override = forms.TypedChoiceField(
        choices=[("", "As the matrix says"), *Priority.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )


class NextStepForm(TicketForm):
    text = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    owner = forms.ChoiceField(choices=[("", "—"), *NextStepOwner.choices], required=False)
    shared = forms.BooleanField(required=False)


class TransferForm(TicketForm):
    working_unit = forms.ModelChoiceField(queryset=SupportUnit.objects.all())
    owning_unit = forms.ModelChoiceField(
        queryset=SupportUnit.objects.all(), required=False, empty_label="Keep the owning unit"
    )

    def __init__(self, *args: Any, units: list[SupportUnit] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if units is not None:  # render from a list already loaded: no query per select
            choices = [(u.pk, u.name) for u in units]
            self.fields["working_unit"].choices = choices  # type: ignore[attr-defined]
            self.fields["owning_unit"].choices = [("", "Keep the owning unit"), *choices]  # type: ignore[attr-defined]


class TagsForm(TicketForm):
    tags = forms.CharField(required=False, max_length=2000)

    def names(self) -> list[str]:
        raw: str = self.cleaned_data["tags"]
        return [n for n in raw.replace(",", " ").split() if n]


class WatcherForm(TicketForm):
    watcher = PersonField()


class UnwatchForm(TicketForm):
    watcher = forms.ModelChoiceField(queryset=Person.objects.all())


class LogCallForm(forms.Form):
    """A phone call or walk-in, logged by the agent who took it."""

    requester = PersonField()
    unit = forms.ModelChoiceField(queryset=SupportUnit.objects.none(), empty_label=None)
    channel = forms.ChoiceField(
        choices=[(Channel.PHONE, "Phone"), (Channel.WALK_IN, "Walk-in")],
        initial=Channel.PHONE,
        widget=forms.RadioSelect,
    )
    title = forms.CharField(required=False, max_length=1000)
    description = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 6}))
    impact = forms.ChoiceField(choices=Impact.choices, initial=Impact.LOW)
    urgency = forms.ChoiceField(choices=Urgency.choices, initial=Urgency.MEDIUM)
    attachments = FilesField()
    once = OnceField()

    def __init__(self, *args: Any, units: list[SupportUnit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        unit_field: forms.ModelChoiceField = self.fields["unit"]  # type: ignore[type-arg,assignment]
        unit_field.queryset = SupportUnit.objects.filter(pk__in=[u.pk for u in units])
        unit_field.choices = [(u.pk, u.name) for u in units]  # no second query to render
        front = [u for u in units if u.is_front_line] or units
        if front:
            self.initial.setdefault("unit", front[0].pk)


class QueueFilterForm(forms.Form):
    """The filter bar above a queue (GET). Bad values are reported and ignored."""

    status = forms.ChoiceField(choices=[("", "Any status"), *Status.choices], required=False)
    priority = forms.TypedChoiceField(
        choices=[("", "Any priority"), *Priority.choices],
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
    sort = forms.ChoiceField(required=False)
    after = forms.CharField(required=False, max_length=100)

    def __init__(
        self,
        *args: Any,
        units: list[SupportUnit],
        sorts: tuple[Sort, ...],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [("", "Any unit"), *((u.pk, u.name) for u in units)]  # type: ignore[attr-defined]
        self.fields["sort"].choices = [(s.value, SORT_LABELS[s]) for s in sorts]  # type: ignore[attr-defined]

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
        )

    def chosen_sort(self) -> Sort | None:
        self.is_valid()
        value = self.cleaned_data.get("sort")
        return Sort(value) if value else None

    def cursor(self) -> str:
        self.is_valid()
        return str(self.cleaned_data.get("after") or "")


class UnitSettingsForm(forms.Form):
    """How a unit works; ranges are the service's to enforce (same words everywhere).
    `version` is the settings version the page showed: two managers never overwrite
    each other silently."""

    description = forms.CharField(
        required=False, strip=False, widget=forms.Textarea({"rows": 3, "maxlength": 2000})
    )
    reopen_window_days = forms.IntegerField(
        label="Reopen window (days)",
        help_text="A requester's reply reopens a resolved ticket for this long; then it closes.",
        widget=forms.NumberInput({"min": 0, "max": 365}),
    )
    version = forms.IntegerField(
        min_value=1,
        max_value=2**31 - 1,
        widget=forms.HiddenInput,
        error_messages={"required": "This form is out of date: reload the page."},
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
