"""What a unit offers, as its managers edit it in the desk's settings: its services,
their request types (where tickets go, with what impact, urgency and tags) and the
forms those ask, a new version at each change once tickets were filed with the old.

Refused whole with a ValidationError (nothing changed) when any part is wrong, like
the other settings services; NotAllowed for anyone but the unit's managers and
administrators.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from scotty.accounts.models import AgentGroup, Department, Location, Person, SupportUnit
from scotty.accounts.selectors import is_manager_of
from scotty.catalog.answers import LONGEST_ANSWER, current_version
from scotty.catalog.models import (
    AssignmentRule,
    FieldKind,
    FormField,
    FormVersion,
    GroupAssignment,
    RequestType,
    Service,
)
from scotty.catalog.services import clocks_changed
from scotty.core.errors import InvalidInput, NotAllowed
from scotty.tickets.models import Ticket
from scotty.tickets.services.validation import clean_tags

MAX_QUESTIONS = 40
MAX_CHOICES = 50


def require_manager(actor: Person, unit: SupportUnit) -> None:
    if not (actor.is_active and is_manager_of(actor, unit)):
        raise NotAllowed(gettext("Only managers of %(unit)s and administrators may change "
                                 "what it offers.") % {"unit": unit})  # fmt: skip


@transaction.atomic
def save_service(service: Service, *, actor: Person, departments: Sequence[Department] = (),
                 locations: Sequence[Location] = ()) -> Service:  # fmt: skip
    """Create or change a service with the fields already set on it, and its audience
    (no department and no location: everyone). A changed calendar recounts the unit's
    open tickets once this commits."""
    require_manager(actor, service.unit)
    before = Service.objects.filter(pk=service.pk).values_list("calendar_id", flat=True).first()
    service.full_clean()
    service.save()
    service.departments.set(departments)
    service.locations.set(locations)
    if service.calendar_id != before:
        clocks_changed(service.unit)
    return service


@transaction.atomic
def save_request_type(request_type: RequestType, *, actor: Person) -> RequestType:
    """Create or change a request type with the fields set on it: its group must be of
    the unit that receives it, its tags letters, digits and dashes."""
    service = request_type.service
    require_manager(actor, service.unit)
    try:
        request_type.tags = " ".join(clean_tags(request_type.tags.split()))
    except InvalidInput as error:
        raise ValidationError({"tags": error.message}) from error
    receiving = request_type.unit_id or service.unit_id
    group = request_type.agent_group
    if group is not None and group.unit_id != receiving:
        raise ValidationError({"agent_group": gettext(
            "%(group)s is not a group of the unit that receives these requests.")
            % {"group": group}})  # fmt: skip
    request_type.full_clean()
    request_type.save()
    return request_type


def set_group_rule(group: AgentGroup, rule: str, *, actor: Person) -> None:
    """How the group's tickets find one of its members (manual, round robin, least
    loaded)."""
    require_manager(actor, group.unit)
    if rule not in AssignmentRule.values:
        raise ValidationError(gettext("Choose how tickets are assigned from the list."),
                              code="rule")  # fmt: skip
    GroupAssignment.objects.update_or_create(group=group, defaults={"rule": rule})


# --- forms ---------------------------------------------------------------------


@dataclass
class Question:
    """One question as the form editor sends it."""

    key: str
    label: str
    kind: str
    required: bool = False
    help_text: str = ""
    choices: list[str] = field(default_factory=list)
    max_length: int | None = None
    min_value: Decimal | None = None
    max_value: Decimal | None = None
    shown_when: str = ""
    shown_value: str = ""
    shown_to_requester: bool = True

    @classmethod
    def from_field(cls, row: FormField) -> "Question":
        """A stored question, to edit and save again."""
        return cls(
            key=row.key, label=row.label, kind=row.kind, required=row.required,
            help_text=row.help_text, choices=row.choice_list() if row.choices else [],
            max_length=row.max_length, min_value=row.min_value, max_value=row.max_value,
            shown_when=row.shown_when, shown_value=row.shown_value,
            shown_to_requester=row.shown_to_requester,
        )  # fmt: skip


_CHOOSING = (FieldKind.CHOICE, FieldKind.MULTIPLE_CHOICE)
_TEXT = (FieldKind.SHORT_TEXT, FieldKind.LONG_TEXT)


def _check_question(question: Question, earlier: dict[str, Question]) -> None:
    label = question.label or question.key
    if question.kind not in FieldKind.values:
        raise ValidationError(gettext("%(q)s: choose a type from the list.") % {"q": label})
    if question.key in earlier:
        raise ValidationError(gettext("Two questions have the key “%(key)s”.")
                              % {"key": question.key})  # fmt: skip
    if question.kind in _CHOOSING:
        if not question.choices or len(question.choices) > MAX_CHOICES:
            raise ValidationError(
                gettext("%(q)s: give between 1 and %(count)d choices, one per line.")
                % {"q": label, "count": MAX_CHOICES}
            )
        if len(set(question.choices)) != len(question.choices):
            raise ValidationError(gettext("%(q)s: a choice is listed twice.") % {"q": label})
        if any(len(c) > 200 for c in question.choices):
            raise ValidationError(gettext("%(q)s: a choice is at most 200 characters.")
                                  % {"q": label})  # fmt: skip
    if question.max_length is not None and (
        question.kind not in _TEXT or not 1 <= question.max_length <= LONGEST_ANSWER
    ):
        raise ValidationError(
            gettext("%(q)s: only a text has a longest answer, of 1 to %(count)d characters.")
            % {"q": label, "count": LONGEST_ANSWER}
        )
    bounds = (question.min_value, question.max_value)
    if any(b is not None for b in bounds) and question.kind != FieldKind.NUMBER:
        raise ValidationError(gettext("%(q)s: only a number has a smallest and largest value.")
                              % {"q": label})  # fmt: skip
    if None not in bounds and bounds[0] > bounds[1]:  # type: ignore[operator]
        raise ValidationError(gettext("%(q)s: the smallest value is above the largest.")
                              % {"q": label})  # fmt: skip
    if question.shown_when:
        _check_condition(question, earlier)


def _check_condition(question: Question, earlier: dict[str, Question]) -> None:
    control = earlier.get(question.shown_when)
    if control is None:
        raise ValidationError(gettext("%(q)s: it is asked only after the answer to “%(key)s”, "
                                      "which is not a question above it (keep that question, "
                                      "above this one, or change the condition first).")
                              % {"q": question.label, "key": question.shown_when})  # fmt: skip
    options = control.choices if control.kind in _CHOOSING else None
    if control.kind == FieldKind.YES_NO:
        options = ["yes", "no"]
    if options is None:
        raise ValidationError(gettext("%(q)s: it can depend only on a choice or a yes/no "
                                      "question.") % {"q": question.label})  # fmt: skip
    if question.shown_value not in options:
        raise ValidationError(gettext("%(q)s: “%(value)s” is not an answer to “%(control)s”.")
                              % {"q": question.label, "value": question.shown_value,
                                 "control": control.label})  # fmt: skip


def _row(version: FormVersion, position: int, question: Question) -> FormField:
    row = FormField(
        version=version, position=position, key=question.key, label=question.label.strip(),
        kind=question.kind, required=question.required, help_text=question.help_text.strip(),
        choices="\n".join(c.strip() for c in question.choices), max_length=question.max_length,
        min_value=question.min_value, max_value=question.max_value,
        shown_when=question.shown_when, shown_value=question.shown_value.strip(),
        shown_to_requester=question.shown_to_requester,
    )  # fmt: skip
    row.full_clean(exclude=["version"])
    return row


@transaction.atomic
def save_form(request_type: RequestType, questions: Sequence[Question], *,
              actor: Person) -> FormVersion:  # fmt: skip
    """The request type asks these questions from now on. A version tickets were filed
    with is kept as it was (they show the questions as they were asked): the change is
    a new version. A version nobody used yet is changed in place."""
    require_manager(actor, request_type.service.unit)
    if len(questions) > MAX_QUESTIONS:
        raise ValidationError(gettext("A form has at most %(count)d questions.")
                              % {"count": MAX_QUESTIONS})  # fmt: skip
    earlier: dict[str, Question] = {}
    for question in questions:
        question.choices = [c.strip() for c in question.choices if c.strip()]
        _check_question(question, earlier)
        earlier[question.key] = question
    # Editors of one request type wait for each other: two saves never make one number.
    RequestType.objects.select_for_update().filter(pk=request_type.pk).values("pk").first()
    version = current_version(request_type)
    if version is None or _was_used(version):
        number = version.number + 1 if version else 1
        version = FormVersion.objects.create(request_type=request_type, number=number,
                                             created_by=actor)  # fmt: skip
    else:
        version.fields.all().delete()
    rows = [_row(version, i, q) for i, q in enumerate(questions, start=1)]
    FormField.objects.bulk_create(rows)
    return version


def _was_used(version: FormVersion) -> bool:
    return Ticket.objects.filter(form_version=version).exists()
