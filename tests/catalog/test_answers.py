"""A catalog form's answers, as the ticket service checks them: every kind of question
with valid, missing, oversized and invalid answers; conditional questions asked only
when their condition holds; a refused form files nothing."""

from typing import Any

import pytest

from scotty.catalog.answers import InvalidAnswers
from scotty.core.testing import Org, file_ticket, upload
from scotty.tickets.models import Ticket, TicketAnswer
from tests.catalog_forms import LaptopForm, good_answers, laptop_form


@pytest.fixture
def form(org: Org) -> LaptopForm:
    return laptop_form(org)


def _file(org: Org, form: LaptopForm, answers: dict[str, Any], **kw: Any) -> Ticket:
    return file_ticket(
        org.requester,
        org.it,
        title="Laptop",
        description="",
        service=form.service,
        request_type=form.request_type,
        answers=answers,
        **kw,
    )


def _refused(
    org: Org, form: LaptopForm, answers: dict[str, Any], **kw: Any
) -> dict[str, list[str]]:
    before = Ticket.objects.count()
    with pytest.raises(InvalidAnswers) as refused:
        _file(org, form, answers, **kw)
    assert Ticket.objects.count() == before  # nothing filed
    return refused.value.errors


def _stored(ticket: Ticket) -> dict[str, list[str]]:
    stored: dict[str, list[str]] = {}
    for answer in TicketAnswer.objects.filter(ticket=ticket).order_by("id"):
        stored.setdefault(answer.key, []).append(answer.value)
    return stored


@pytest.mark.django_db
def test_every_kind_of_answer_is_stored_as_given(org: Org, form: LaptopForm) -> None:
    answers = {**good_answers(org), "q-travel": "yes", "q-countries": "Portugal, Japan"}
    ticket = _file(org, form, answers, answer_files={"q-quote": upload("quote.pdf", b"%PDF-1.4 x")})
    assert _stored(ticket) == {
        "model": ["Developer 16-inch"],
        "reason": ["My old one no longer holds a charge."],
        "asset": ["IT-4411"],
        "screens": ["2"],
        "needed_by": ["2027-01-15"],
        "extras": ["Docking station", "Headset"],
        "dock_desk": ["B3.14"],
        "travel": ["yes"],
        "countries": ["Portugal, Japan"],
        "approver": [f"Mona Manager <{org.manager.email}>"],
        "quote": ["quote.pdf"],
    }
    approver = TicketAnswer.objects.get(ticket=ticket, key="approver")
    assert approver.person == org.manager
    quote = TicketAnswer.objects.get(ticket=ticket, key="quote").attachment
    assert quote is not None and quote.filename == "quote.pdf" and quote.ticket == ticket
    assert ticket.form_version == form.version


@pytest.mark.django_db
def test_missing_required_answers_are_each_named(org: Org, form: LaptopForm) -> None:
    errors = _refused(org, form, {})
    assert set(errors) == {"model", "reason", "needed_by", "travel", "approver"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("key", "value", "says"),
    [
        ("model", "Gaming rig", "Select a valid choice"),
        ("extras", ["Headset", "Jet pack"], "Select a valid choice"),
        ("travel", "maybe", "Select a valid choice"),
        ("screens", "4", "less than or equal to 3"),
        ("screens", "-1", "greater than or equal to 0"),
        ("screens", "two", "Enter a number"),
        ("screens", "NaN", "Enter a number"),
        ("screens", "1e400", "less than or equal to 3"),
        ("screens", "1.234", "decimal place"),
        ("needed_by", "2027-02-30", "Enter a valid date"),
        ("needed_by", "0001-01-01", "between 1900 and 2200"),
        ("needed_by", "'; DROP TABLE tickets_ticket; --", "Enter a valid date"),
        ("approver", "not-an-address", "valid email"),
        ("approver", "nobody@example.org", "Nobody in the organisation"),
        ("asset", "X" * 21, "at most 20 characters"),
        ("reason", "r" * 501, "at most 500 characters"),
    ],
)
def test_invalid_and_oversized_answers_are_refused_beside_their_question(
    org: Org, form: LaptopForm, key: str, value: object, says: str
) -> None:
    errors = _refused(org, form, {**good_answers(org), f"q-{key}": value})
    assert list(errors) == [key]
    assert says in errors[key][0]


@pytest.mark.django_db
def test_a_person_who_left_cannot_be_named(org: Org, form: LaptopForm) -> None:
    org.other_requester.is_active = False
    org.other_requester.save()
    errors = _refused(org, form, {**good_answers(org), "q-approver": org.other_requester.email})
    assert list(errors) == ["approver"]


@pytest.mark.django_db
def test_a_file_answer_follows_the_ticket_file_rules(org: Org, form: LaptopForm) -> None:
    errors = _refused(
        org,
        form,
        good_answers(org),
        answer_files={"q-quote": upload("quote.exe", b"MZ\x90\x00" * 10)},
    )
    assert list(errors) == ["quote"]


@pytest.mark.django_db
def test_a_conditional_question_is_required_only_when_asked(org: Org, form: LaptopForm) -> None:
    # Travelling: the countries are asked, and required.
    errors = _refused(org, form, {**good_answers(org), "q-travel": "yes"})
    assert list(errors) == ["countries"]
    # No docking station: its desk number is not asked, so not required either.
    answers = {**good_answers(org), "q-extras": ["Headset"]}
    del answers["q-dock_desk"]
    assert "dock_desk" not in _stored(_file(org, form, answers))


@pytest.mark.django_db
def test_an_answer_to_a_question_not_asked_is_dropped_even_if_invalid(
    org: Org, form: LaptopForm
) -> None:
    # A forged or stale page sends an answer for a question its condition hides.
    answers = {
        **good_answers(org),
        "q-travel": "no",
        "q-countries": "x" * 5000,
        "q-extras": ["Backpack"],
        "q-dock_desk": "B9",
    }
    stored = _stored(_file(org, form, answers))
    assert "countries" not in stored and "dock_desk" not in stored


@pytest.mark.django_db
def test_unknown_inputs_are_ignored(org: Org, form: LaptopForm) -> None:
    answers = {**good_answers(org), "q-priority": "critical", "q-assignee": org.agent.email}
    ticket = _file(org, form, answers)
    assert set(_stored(ticket)) <= {q.key for q in form.version.fields.all()}
    assert ticket.assignee is None
