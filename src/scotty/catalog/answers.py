"""A request type's form as a requester fills it in: one Django form built from a form
version's questions, used by the pages to show it and by the ticket service to check
the answers (so the portal, the desk and the API refuse the same things in the same
words), and the answers it yields.

Conditional questions: a question with `shown_when` is asked only when the answer to
that earlier question is `shown_value` (one of the options picked, for a multiple
choice). A question that is not asked keeps no answer, whatever was sent for it, and
a required one is required only when asked. The pages hide such questions with a few
lines of script; without it they show, marked with when they apply.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext, gettext_lazy

from scotty.accounts.models import Person
from scotty.accounts.selectors import person_by_email
from scotty.catalog.models import FieldKind, FormField, FormVersion, RequestType
from scotty.core.errors import InvalidInput
from scotty.search.text import fold

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

# Limits for questions that set none, and the most any question may set.
SHORT_TEXT = 200
LONG_TEXT = 5_000
LONGEST_ANSWER = 20_000
EARLIEST, LATEST = date(1900, 1, 1), date(2200, 12, 31)
YES, NO = "yes", "no"
YES_NO_LABELS = {YES: gettext_lazy("Yes"), NO: gettext_lazy("No")}
# How a page names a question's input: "q-laptop_model", beside the ticket's own fields.
PREFIX = "q"


@dataclass(frozen=True)
class Answer:
    """One answer as stored: what it says, and the person or file it names."""

    question: FormField
    value: str
    person: Person | None = None
    file: "UploadedFile[bytes] | None" = None


class InvalidAnswers(InvalidInput):
    """Answers the form refuses: `errors` by question key (the first is the message)."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        key, messages = next(iter(errors.items()))
        super().__init__(messages[0], field=key)
        self.errors = errors


def current_version(request_type: RequestType) -> FormVersion | None:
    """The version a new request is asked with (the latest); None: no form yet."""
    return request_type.versions.order_by("-number").first()


def questions_of(version: FormVersion | None) -> list[FormField]:
    return list(version.fields.order_by("position")) if version is not None else []


class PersonField(forms.EmailField):
    """Someone in the organisation, named by their e-mail address."""

    def clean(self, value: Any) -> Person | None:
        address = super().clean(value)
        if not address:
            return None
        person = person_by_email(address)
        if person is None or not person.is_active:
            raise forms.ValidationError(
                gettext("Nobody in the organisation has the address %(address)s.")
                % {"address": address}
            )
        return person


def _date_in_range(value: date | None) -> None:
    if value is not None and not EARLIEST <= value <= LATEST:
        raise forms.ValidationError(gettext("Give a date between 1900 and 2200."))


def _field_for(question: FormField) -> forms.Field:
    """The Django field asking this question (never required by itself when it is
    conditional: the form decides once it knows whether it was asked)."""
    common: dict[str, Any] = {
        "label": question.label,
        "help_text": question.help_text,
        "required": question.required and not question.shown_when,
    }
    kind = question.kind
    if kind in (FieldKind.SHORT_TEXT, FieldKind.LONG_TEXT):
        default = SHORT_TEXT if kind == FieldKind.SHORT_TEXT else LONG_TEXT
        longest = min(question.max_length or default, LONGEST_ANSWER)
        widget = forms.Textarea({"rows": 4}) if kind == FieldKind.LONG_TEXT else forms.TextInput
        return forms.CharField(max_length=longest, widget=widget, **common)
    if kind == FieldKind.NUMBER:
        return forms.DecimalField(
            max_digits=14, decimal_places=2, min_value=question.min_value,
            max_value=question.max_value, **common,
        )  # fmt: skip
    if kind == FieldKind.DATE:
        return forms.DateField(widget=forms.DateInput({"type": "date"}),
                               validators=[_date_in_range], **common)  # fmt: skip
    if kind in (FieldKind.CHOICE, FieldKind.YES_NO):
        options = question.choice_list()
        labels = YES_NO_LABELS if kind == FieldKind.YES_NO else {}
        return forms.ChoiceField(choices=[(o, labels.get(o, o)) for o in options],
                                 widget=forms.RadioSelect, **common)  # fmt: skip
    if kind == FieldKind.MULTIPLE_CHOICE:
        return forms.MultipleChoiceField(choices=[(o, o) for o in question.choice_list()],
                                         widget=forms.CheckboxSelectMultiple, **common)  # fmt: skip
    if kind == FieldKind.PERSON:
        return PersonField(widget=forms.EmailInput({"placeholder": "name@example.org"}),
                           **common)  # fmt: skip
    return forms.FileField(**common)  # an attachment: the ticket's file rules apply to it


def _matches(question: FormField, answer: Any) -> bool:
    """Whether this answer to a controlling question asks the questions shown for
    `shown_value`."""
    wanted = fold(question.shown_value.strip())
    if isinstance(answer, list):
        return any(fold(str(a)) == wanted for a in answer)
    if answer in (None, ""):
        return False
    return fold(str(answer)) == wanted


@dataclass(frozen=True)
class QuestionRow:
    """A question as a page draws it: its field, and the input it depends on."""

    question: FormField
    field: forms.BoundField
    control_name: str  # the input name of the question it depends on ("" for none)
    grouped: bool  # a group of inputs (a fieldset with a legend, not one label)


_GROUPED = (FieldKind.CHOICE, FieldKind.MULTIPLE_CHOICE, FieldKind.YES_NO)


class AnswersForm(forms.Form):
    """The questions of one form version."""

    def __init__(self, questions: list[FormField], *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", PREFIX)
        super().__init__(*args, **kwargs)
        self.questions = {q.key: q for q in questions}
        for question in questions:
            self.fields[question.key] = _field_for(question)

    def rows(self) -> list[QuestionRow]:
        return [
            QuestionRow(
                q,
                self[key],
                self.add_prefix(q.shown_when) if q.shown_when else "",
                q.kind in _GROUPED,
            )
            for key, q in self.questions.items()
        ]

    def asked(self) -> set[str]:
        """The keys of the questions asked, given the answers so far (in order: a
        question depends on an earlier one, which must itself be asked)."""
        asked: set[str] = set()
        for key, question in self.questions.items():
            control = question.shown_when
            if not control or (
                control in asked and _matches(question, self.cleaned_data.get(control))
            ):
                asked.add(key)
        return asked

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        asked = self.asked()
        for key, question in self.questions.items():
            if key not in asked:
                data.pop(key, None)
                self.errors.pop(key, None)  # a question not asked cannot be wrong
            elif question.shown_when and question.required and data.get(key) in (None, "", []):
                self.add_error(key, gettext("This question needs an answer."))
        return data

    def answers(self) -> list[Answer]:
        """The answers given (after `is_valid()`), in the questions' order; a multiple
        choice gives one answer per option picked."""
        given = []
        for key, question in self.questions.items():
            value = self.cleaned_data.get(key)
            if value in (None, "", []):
                continue
            given.extend(_answers_to(question, value))
        return given


def _answers_to(question: FormField, value: Any) -> list[Answer]:
    if isinstance(value, list):
        return [Answer(question, str(option)) for option in value]
    if isinstance(value, Person):
        return [Answer(question, f"{value.full_name} <{value.email}>", person=value)]
    if isinstance(value, Decimal):
        return [Answer(question, format(value.normalize(), "f"))]
    if isinstance(value, date):
        return [Answer(question, value.isoformat())]
    if question.kind == FieldKind.ATTACHMENT:
        return [Answer(question, value.name or "", file=value)]
    return [Answer(question, str(value))]


def clean_answers(questions: list[FormField], data: Any, files: Any = None) -> list[Answer]:
    """The answers to these questions in `data` and `files` (a page's POST and FILES,
    the questions' inputs prefixed "q-"); InvalidAnswers naming each bad one."""
    form = AnswersForm(questions, data=data, files=files or MultiValueDict())
    if not form.is_valid():
        raise InvalidAnswers({key: [str(e) for e in errors] for key, errors in form.errors.items()})
    return form.answers()


def match_of(value: str) -> str:
    """What the queues' answer filter compares: the value folded, cut to 200."""
    return fold(value.strip())[:200]
