"""A request type's form, for the managers of its service's unit: the questions of its
current version, added, edited, deleted and moved one POST at a time, and a preview
as the requester will see it.

Every change rebuilds the whole list of questions from the current version, changes
the one and hands the list to `catalog.offering.save_form`, which decides whether that
edits the version in place or starts the next one (when tickets were filed with it:
they keep their questions as they were asked). A refused list changes nothing.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from scotty.catalog import offering
from scotty.catalog.answers import Answer, AnswersForm, current_version, questions_of
from scotty.catalog.models import FormField, FormVersion, RequestType
from scotty.desk.access import DeskRequest, agent_required
from scotty.desk.catalog_forms import CONTROLLING, QuestionForm
from scotty.desk.refusals import nothing_changed
from scotty.desk.views.catalog_settings import saved, service_request_type, submit, type_page
from scotty.tickets.answered import AnsweredQuestion
from scotty.tickets.models import Ticket


@dataclass(frozen=True)
class FormState:
    """The current version, its questions, and how many tickets were filed with it and
    with the versions before it."""

    version: FormVersion | None
    questions: list[FormField]
    filed_with_it: int
    filed_before: int


def _state(record: RequestType) -> FormState:
    version = current_version(record)
    counts = Ticket.objects.filter(form_version__request_type=record).aggregate(
        now=Count("pk", filter=Q(form_version=version)),
        before=Count("pk", filter=~Q(form_version=version)),
    )  # one query for both numbers
    return FormState(version, questions_of(version), counts["now"], counts["before"])


def _controls(questions: list[FormField]) -> list[FormField]:
    return [q for q in questions if q.kind in CONTROLLING]


def _editor_page(request: DeskRequest, record: RequestType, *, add: QuestionForm | None = None,
                 problem: str = "", status: int = 200) -> HttpResponse:  # fmt: skip
    state = _state(record)
    add = add or QuestionForm(controls=_controls(state.questions), auto_id="new-%s")
    return type_page(request, "form_editor", record, problem=problem, status=status,
                     state=state, add=add)  # fmt: skip


def _save_form(request: DeskRequest, record: RequestType,
               questions: Callable[[], list[offering.Question]], *, form: QuestionForm | None,
               again: Callable[[str, int], HttpResponse]) -> HttpResponse:  # fmt: skip
    """Hand the whole list (built once the form is checked) to `save_form`; back to the
    editor with the version it made, or `again` with why not."""
    made: list[FormVersion] = []
    service = record.service
    return submit(
        form, lambda: made.append(offering.save_form(record, questions(), actor=request.user)),
        again=again,
        done=lambda: saved(request, gettext("Form saved: version %(number)d.")
                           % {"number": made[0].number}, "desk:form_editor",
                           prefix=service.unit.prefix, service_id=service.pk, kind=record.kind),
    )  # fmt: skip


@agent_required()
def form_editor(request: DeskRequest, prefix: str, service_id: int, kind: str) -> HttpResponse:
    """The current version's questions, each to edit, move or delete, and a new one."""
    return _editor_page(request, service_request_type(request, prefix, service_id, kind))


@agent_required()
@require_POST
def add_question(request: DeskRequest, prefix: str, service_id: int, kind: str) -> HttpResponse:
    """A question at the end of the form."""
    record = service_request_type(request, prefix, service_id, kind)
    stored = questions_of(current_version(record))
    form = QuestionForm(request.POST, controls=_controls(stored), auto_id="new-%s")

    def again(problem: str, status: int) -> HttpResponse:
        return _editor_page(request, record, add=form, problem=problem, status=status)

    def added() -> list[offering.Question]:  # read once the form is checked
        return [*map(offering.Question.from_field, stored), form.question()]

    return _save_form(request, record, added, form=form, again=again)


@dataclass(frozen=True)
class Asked:
    """A request type, its current questions, and where the one a URL names stands."""

    record: RequestType
    stored: list[FormField]
    index: int

    def questions(self) -> list[offering.Question]:
        return [offering.Question.from_field(q) for q in self.stored]


def _asked(request: DeskRequest, prefix: str, service_id: int, kind: str, key: str) -> Asked:
    record = service_request_type(request, prefix, service_id, kind)
    stored = questions_of(current_version(record))
    index = next((i for i, q in enumerate(stored) if q.key == key), None)
    if index is None:
        raise Http404(gettext("The form has no such question (any more)."))
    return Asked(record, stored, index)


@agent_required()
def edit_question(request: DeskRequest, prefix: str, service_id: int, kind: str,
                  key: str) -> HttpResponse:  # fmt: skip
    """One question; a new key is followed by the questions that depend on it."""
    at = _asked(request, prefix, service_id, kind, key)
    form = QuestionForm(request.POST or None, controls=_controls(at.stored[: at.index]),
                        initial=QuestionForm.initial_of(at.stored[at.index]))  # fmt: skip
    if request.method != "POST":
        return type_page(request, "question", at.record, form=form)

    def edited() -> list[offering.Question]:
        questions = at.questions()
        questions[at.index] = changed = form.question()
        for question in questions[at.index + 1 :]:
            if question.shown_when == key:
                question.shown_when = changed.key
        return questions

    def again(problem: str, status: int) -> HttpResponse:
        return type_page(request, "question", at.record, form=form, problem=problem,
                         status=status)  # fmt: skip

    return _save_form(request, at.record, edited, form=form, again=again)


def _change(request: DeskRequest, at: Asked, questions: list[offering.Question]) -> HttpResponse:
    def again(problem: str, status: int) -> HttpResponse:
        return _editor_page(request, at.record, problem=problem, status=status)

    return _save_form(request, at.record, lambda: questions, form=None, again=again)


@agent_required()
@require_POST
def delete_question(request: DeskRequest, prefix: str, service_id: int, kind: str,
                    key: str) -> HttpResponse:  # fmt: skip
    """Ask it no more (answers already given keep it, in their version)."""
    at = _asked(request, prefix, service_id, kind, key)
    questions = at.questions()
    del questions[at.index]
    return _change(request, at, questions)


@agent_required()
@require_POST
def move_question(request: DeskRequest, prefix: str, service_id: int, kind: str,
                  key: str) -> HttpResponse:  # fmt: skip
    """One place up or down (`direction`); a question stays below those it depends on."""
    at = _asked(request, prefix, service_id, kind, key)
    questions, index = at.questions(), at.index
    other = index + {"up": -1, "down": 1}.get(request.POST.get("direction", ""), 0)
    if other == index or not 0 <= other < len(questions):
        problem = nothing_changed(gettext("It cannot move that way."))
        return _editor_page(request, at.record, problem=problem, status=400)
    questions[index], questions[other] = questions[other], questions[index]
    return _change(request, at, questions)


def _as_filed(answers: list[Answer]) -> list[AnsweredQuestion]:
    """The answers as the ticket would show them to agents (by question, marked when
    the requester is not shown them)."""
    shown: dict[str, AnsweredQuestion] = {}
    for answer in answers:
        question = answer.question
        row = shown.setdefault(question.key, AnsweredQuestion(
            question.label, internal=not question.shown_to_requester))  # fmt: skip
        row.values.append(answer.value)
    return list(shown.values())


@agent_required()
def form_preview(request: DeskRequest, prefix: str, service_id: int, kind: str) -> HttpResponse:
    """The form as the requester will see it (the portal's own question template and
    script). Sending it only checks the answers and shows them: nothing is filed."""
    record = service_request_type(request, prefix, service_id, kind)
    version = current_version(record)
    checked = request.method == "POST"
    form = AnswersForm(questions_of(version), request.POST if checked else None,
                       request.FILES if checked else None)  # fmt: skip
    valid = checked and form.is_valid()
    answers = _as_filed(form.answers()) if valid else []
    return type_page(request, "preview", record, status=400 if checked and not valid else 200,
                     version=version, form=form, checked=checked, valid=valid,
                     answers=answers)  # fmt: skip
