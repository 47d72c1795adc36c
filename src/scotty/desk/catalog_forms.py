"""Forms of the catalog settings pages (services, request types, form questions, agent
groups). Like `desk.forms`, they check the shape of what a manager sent and turn it
into the values `catalog.offering` and `accounts.services` take; the rules (which group
may receive, which question may depend on which) are the services', so every channel
refuses the same things in the same words.
"""

from collections.abc import Callable
from dataclasses import fields
from typing import Any, cast

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext, gettext_lazy

from scotty.accounts.models import AgentGroup, Person, SupportUnit
from scotty.catalog.answers import LONGEST_ANSWER
from scotty.catalog.models import (
    AssignmentRule,
    BusinessCalendar,
    FieldKind,
    FormField,
    RequestType,
    Service,
)
from scotty.catalog.offering import MAX_CHOICES, Question
from scotty.core.errors import DomainError
from scotty.core.forms import error_on_field
from scotty.core.http import status_for
from scotty.desk.audience_fields import departments_field, locations_field
from scotty.desk.refusals import nothing_changed
from scotty.tickets.priority import Impact, Urgency

# The kinds of question another one may depend on (their answers are a known list).
CONTROLLING = (FieldKind.CHOICE, FieldKind.MULTIPLE_CHOICE, FieldKind.YES_NO)
# What the editor sends of a question: the fields of `offering.Question`.
QUESTION_FIELDS = tuple(f.name for f in fields(Question))


def _label(model: type[models.Model], name: str) -> str:
    # The model's own wording, capitalised (lazily: in the reader's language), so the
    # page and the admin say it alike.
    return cast(str, capfirst(model._meta.get_field(name).verbose_name))  # type: ignore[union-attr]


def refuse(form: forms.Form, error: ValidationError) -> str:
    """Put a service's ValidationError beside the fields it names (the rest above the
    form) and return the page's one sentence about it."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            known = name in form.fields and name != NON_FIELD_ERRORS
            form.add_error(name if known else None, errors)
    else:
        form.add_error(None, error)
    return nothing_changed(error.messages[0])


def attempt(form: forms.Form | None, save: Callable[[], object]) -> tuple[str, int] | None:
    """Run one service call; None when it did its change, else what the page says (the
    refusal also beside the field of `form` it names) and the status to answer with."""
    try:
        save()
    except ValidationError as error:
        if form is None:
            return nothing_changed(error.messages[0]), 400
        return refuse(form, error), 400
    except DomainError as error:
        if form is not None:
            error_on_field(form, error)
        return nothing_changed(error.message), status_for(error)
    return None


def first_problem(form: forms.Form) -> str:
    """ "Nothing was changed." and the form's first error, for the top of the page."""
    errors = [message for field_errors in form.errors.values() for message in field_errors]
    return nothing_changed(errors[0] if errors else "")


class ServiceForm(forms.Form):
    """A service in the requester's words, who sees it, and the hours it counts in."""

    name = forms.CharField(label=_label(Service, "name"), max_length=100)
    summary = forms.CharField(label=_label(Service, "summary"), max_length=300,
                              widget=forms.Textarea({"rows": 2}))  # fmt: skip
    who_may_ask = forms.CharField(label=_label(Service, "who_may_ask"), max_length=300,
                                  required=False)  # fmt: skip
    what_you_get = forms.CharField(label=_label(Service, "what_you_get"), max_length=300,
                                   required=False)  # fmt: skip
    how_long = forms.CharField(label=_label(Service, "how_long"), max_length=200,
                               required=False)  # fmt: skip
    keywords = forms.CharField(
        label=_label(Service, "keywords"), max_length=300, required=False,
        help_text=gettext_lazy("Other words requesters may search for it with."),
    )  # fmt: skip
    departments = departments_field()
    locations = locations_field()
    calendar = forms.ModelChoiceField(
        queryset=BusinessCalendar.objects.order_by("name"), required=False,
        label=_label(Service, "calendar"), empty_label=gettext_lazy("The unit's working hours"),
        help_text=gettext_lazy("Its own SLA counts in these hours (a 24x7 outage line)."),
    )  # fmt: skip
    is_active = forms.BooleanField(label=gettext_lazy("Offered to requesters"), required=False)

    TEXTS = ("name", "summary", "who_may_ask", "what_you_get", "how_long", "keywords")

    def __init__(self, *args: Any, service: Service, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "service-%s")
        initial: dict[str, Any] = {"is_active": service.is_active}
        if service.pk:
            initial.update({name: getattr(service, name) for name in self.TEXTS})
            initial["calendar"] = service.calendar_id
            initial["departments"] = [d.pk for d in service.departments.all()]
            initial["locations"] = [loc.pk for loc in service.locations.all()]
        kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)

    def apply(self, service: Service) -> None:
        """Set what was sent on the service (unsaved: `save_service` checks and saves)."""
        for name in self.TEXTS:
            setattr(service, name, self.cleaned_data[name])
        service.calendar = self.cleaned_data["calendar"]
        service.is_active = self.cleaned_data["is_active"]


def _optional(choices: list[tuple[str, Any]], empty: Promise) -> list[tuple[str, Any]]:
    return [("", empty), *choices]


class RequestTypeForm(forms.Form):
    """Where a request type's tickets go and what they start with."""

    unit = forms.ModelChoiceField(queryset=SupportUnit.objects.order_by("name"),
                                  required=False, label=_label(RequestType, "unit"))  # fmt: skip
    # Groups by unit (an <optgroup> each): the service checks it is of the receiving unit.
    agent_group = forms.TypedChoiceField(
        coerce=int, empty_value=None, required=False, label=_label(RequestType, "agent_group"),
        help_text=gettext_lazy("The group must be one of the unit that receives the tickets."),
    )  # fmt: skip
    impact = forms.ChoiceField(
        choices=_optional(Impact.choices, gettext_lazy("Low, unless the agent says otherwise")),
        required=False, label=_label(RequestType, "impact"),
    )  # fmt: skip
    urgency = forms.ChoiceField(
        choices=_optional(Urgency.choices,
                          gettext_lazy("Medium, unless the agent says otherwise")),
        required=False, label=_label(RequestType, "urgency"),
    )  # fmt: skip
    tags = forms.CharField(
        max_length=300, required=False, label=_label(RequestType, "tags"),
        help_text=gettext_lazy("Given to every ticket filed this way, separated by spaces."),
    )  # fmt: skip
    is_active = forms.BooleanField(label=gettext_lazy("Offered to requesters"), required=False)

    def __init__(self, *args: Any, request_type: RequestType, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "type-%s")
        kwargs.setdefault("initial", {
            "unit": request_type.unit_id, "agent_group": request_type.agent_group_id,
            "impact": request_type.impact, "urgency": request_type.urgency,
            "tags": request_type.tags, "is_active": request_type.is_active,
        })  # fmt: skip
        super().__init__(*args, **kwargs)
        own = request_type.service.unit
        unit: forms.ModelChoiceField = self.fields["unit"]  # type: ignore[type-arg,assignment]
        unit.empty_label = gettext("Its service's unit (%(unit)s)") % {"unit": own.name}
        self.groups = {g.pk: g for g in AgentGroup.objects.select_related("unit")}
        by_unit: dict[str, list[tuple[int, str]]] = {}
        for group in self.groups.values():
            by_unit.setdefault(group.unit.name, []).append((group.pk, group.name))
        group_field: forms.ChoiceField = self.fields["agent_group"]  # type: ignore[assignment]
        group_field.choices = [("", gettext("No group: the whole unit")),
                               *sorted(by_unit.items())]  # fmt: skip

    def apply(self, request_type: RequestType) -> None:
        """Set what was sent on the request type (unsaved: `save_request_type` checks)."""
        data = self.cleaned_data
        request_type.unit = data["unit"]
        request_type.agent_group = self.groups.get(data["agent_group"] or 0)
        request_type.impact, request_type.urgency = data["impact"], data["urgency"]
        request_type.tags, request_type.is_active = data["tags"], data["is_active"]


class QuestionForm(forms.Form):
    """One question of a request type's form, as the editor sends it."""

    key = forms.SlugField(
        max_length=40, label=_label(FormField, "key"),
        help_text=gettext_lazy("Names the answer in queues and filters: letters, digits, dashes"
                               " and underscores. Keep it when you reword the question."),
    )  # fmt: skip
    label = forms.CharField(max_length=200, label=_label(FormField, "label"))
    kind = forms.ChoiceField(choices=FieldKind.choices, label=_label(FormField, "kind"))
    required = forms.BooleanField(required=False, label=_label(FormField, "required"))
    help_text = forms.CharField(max_length=300, required=False,
                                label=_label(FormField, "help_text"))  # fmt: skip
    # At most MAX_CHOICES lines of 200 and their line breaks: the service says which is wrong.
    choices = forms.CharField(
        required=False, max_length=MAX_CHOICES * 202, label=_label(FormField, "choices"),
        widget=forms.Textarea({"rows": 4}),
        help_text=gettext_lazy("One per line (for a choice or a multiple choice)."),
    )  # fmt: skip
    max_length = forms.IntegerField(
        required=False, min_value=1, max_value=LONGEST_ANSWER,
        label=_label(FormField, "max_length"),
        help_text=gettext_lazy("Characters, for a text; empty: the usual limit."),
    )  # fmt: skip
    min_value = forms.DecimalField(required=False, max_digits=14, decimal_places=2,
                                   label=_label(FormField, "min_value"))  # fmt: skip
    max_value = forms.DecimalField(required=False, max_digits=14, decimal_places=2,
                                   label=_label(FormField, "max_value"))  # fmt: skip
    # Any text, drawn as a list of the questions above: a forged or later one is the
    # service's to refuse, in its words.
    shown_when = forms.CharField(required=False, max_length=40, widget=forms.Select,
                                 label=gettext_lazy("Asked only when the answer to"))  # fmt: skip
    shown_value = forms.CharField(
        required=False, max_length=200, label=_label(FormField, "shown_value"),
        help_text=gettext_lazy("One of its answers: one of its choices, or yes or no."),
    )  # fmt: skip
    shown_to_requester = forms.BooleanField(required=False, initial=True,
                                            label=gettext_lazy("Shown to the requester on "
                                                               "their request"))  # fmt: skip

    def __init__(self, *args: Any, controls: list[FormField], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        options = [("", gettext("Always asked")), *((q.key, q.label) for q in controls)]
        shown_when = self.fields["shown_when"].widget
        shown_when.choices = options
        shown_when.attrs.pop("maxlength", None)  # a text field's, meaningless on a list

    @staticmethod
    def initial_of(question: FormField) -> dict[str, Any]:
        """A stored question as the form's initial values."""
        return {name: getattr(question, name) for name in QUESTION_FIELDS}

    def question(self) -> Question:
        """What was sent, as `save_form` takes it."""
        data = dict(self.cleaned_data)
        data["choices"] = data["choices"].splitlines()
        return Question(**data)


class PeopleField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    """People, each by their full name."""

    def label_from_instance(self, obj: Person) -> str:
        return obj.full_name


class AgentGroupForm(forms.Form):
    """A group's name and who is in it (people who work for the unit)."""

    name = forms.CharField(max_length=100, label=_label(AgentGroup, "name"))
    members = PeopleField(
        queryset=Person.objects.none(), required=False, widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("Members"),
        error_messages={"invalid_choice": gettext_lazy(
            "Someone you chose does not work for this unit (any more).")},
    )  # fmt: skip

    def __init__(self, *args: Any, unit: SupportUnit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        people: PeopleField = self.fields["members"]  # type: ignore[assignment]
        people.queryset = Person.objects.filter(memberships__unit=unit).order_by("full_name")


class GroupRuleForm(forms.Form):
    rule = forms.ChoiceField(choices=AssignmentRule.choices,
                             label=gettext_lazy("The group's tickets go"))  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "rule-%s")
        super().__init__(*args, **kwargs)
