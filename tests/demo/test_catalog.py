"""The demo catalog: seven units with services, request types whose forms keep the
catalog's rules, agent groups, a service with its own hours and SLA, and demo tickets
whose answers are what the portal's form accepts."""

import random
import string
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal

import pytest

from scotty.accounts.models import AgentGroup, UnitMembership
from scotty.catalog.answers import clean_answers, current_version, match_of, questions_of
from scotty.catalog.models import (
    FieldKind,
    FormField,
    GroupAssignment,
    OpeningHours,
    RequestKind,
    RequestType,
    Service,
)
from scotty.catalog.offering import Question, save_form
from scotty.core.testing import file_ticket
from scotty.demo.catalog import Form
from scotty.demo.content import COMMON_SLOTS, Case, Topic, topics_by_unit
from scotty.demo.content.forms import GROUPS, REQUEST_TYPES, Days, RequestTypeSpec
from scotty.demo.content.people import STAFF, UNITS
from scotty.demo.content.service_levels import SERVICES
from scotty.demo.generator import Scale, load
from scotty.demo.org import Cast, create_organisation
from scotty.demo.texts import Words
from scotty.tickets.models import Ticket, TicketAnswer

CASES: dict[str, tuple[str, Topic, Case]] = {
    case.key: (prefix, topic, case)
    for prefix, topics in topics_by_unit().items()
    for topic in topics
    for case in topic.cases
}
SPEC_IDS = [f"{s.service}:{s.kind}" for s in REQUEST_TYPES]


def placeholders(text: str) -> Iterator[str]:
    for _, name, _, _ in string.Formatter().parse(text):
        if name:
            yield name


def texts_of(spec: RequestTypeSpec) -> Iterator[tuple[str, str]]:
    """(case key or "", text) of every sample and case answer; "" for samples."""
    for sample in spec.samples.values():
        if not isinstance(sample, Days):
            yield from (("", text) for text in sample)
    for key, answers in spec.cases.items():
        for value in answers.values():
            yield from ((key, text) for text in (value if isinstance(value, tuple) else (value,)))


# --- the content, without a database ------------------------------------------------------


@pytest.mark.parametrize("spec", REQUEST_TYPES, ids=SPEC_IDS)
def test_a_request_type_names_a_service_cases_and_a_group_of_its_units(
    spec: RequestTypeSpec,
) -> None:
    assert (spec.unit, spec.service) in {(s.unit, s.name) for s in SERVICES}
    receiving = spec.receiving_unit or spec.unit
    for key in spec.cases:
        assert CASES[key][0] == receiving, f"{key} is not a case of {receiving}"
    if spec.group:
        assert (receiving, spec.group) in {(g.unit, g.name) for g in GROUPS}
    asked = {q.key: q for q in spec.questions}
    assert set(spec.samples) <= set(asked)
    for answers in spec.cases.values():
        assert set(answers) <= set(asked)
        for key, value in answers.items():
            options = asked[key].choices or (["yes", "no"] if asked[key].kind == "yes_no" else [])
            if options and "{" not in str(value):  # a slot's value is checked with a database
                chosen = value if isinstance(value, tuple) else (value,)
                assert set(chosen) <= set(options), f"{key}: {value!r}"


@pytest.mark.parametrize("spec", REQUEST_TYPES, ids=SPEC_IDS)
def test_the_texts_of_answers_use_only_slots_their_tickets_have(spec: RequestTypeSpec) -> None:
    """A sample may be drawn for any case filed through the request type; a case's own
    answers only for it."""
    for case_key, text in texts_of(spec):
        keys = [case_key] if case_key else list(spec.cases)
        for key in keys:
            _, topic, case = CASES[key]
            known = COMMON_SLOTS | set(topic.slots) | set(case.slots)
            assert set(placeholders(text)) <= known, f"{spec.service} {key}: {text!r}"
        if not keys:
            assert set(placeholders(text)) <= COMMON_SLOTS, text


def test_the_forms_ask_every_kind_of_question_some_only_when_it_applies() -> None:
    questions = [q for spec in REQUEST_TYPES for q in spec.questions]
    assert {q.kind for q in questions} == set(FieldKind.values)
    assert sum(bool(q.shown_when) for q in questions) >= 10
    assert sum(not q.shown_to_requester for q in questions) >= 5
    assert sum(bool(q.help_text) for q in questions) >= 10
    assert {q.required for q in questions} == {True, False}
    # The demo never uploads a file, so no attachment may be required.
    assert not [q.key for q in questions if q.kind == FieldKind.ATTACHMENT and q.required]
    assert {s.unit for s in REQUEST_TYPES} == {u.prefix for u in UNITS}
    assert {s.kind for s in REQUEST_TYPES} == set(RequestKind.values)
    assert sum(bool(s.group) for s in REQUEST_TYPES) >= 5
    assert any(s.receiving_unit for s in REQUEST_TYPES)
    assert any(s.impact or s.urgency for s in REQUEST_TYPES)


def test_every_service_is_asked_for_through_a_request_type_and_groups_are_staffed() -> None:
    typed = {(s.unit, s.service) for s in REQUEST_TYPES}
    assert typed == {(s.unit, s.name) for s in SERVICES}
    assert any(s.departments for s in SERVICES) and any(s.locations for s in SERVICES)
    assert [s.name for s in SERVICES if s.calendar] == ["Major incident line"]
    staff = {(spec.full_name, prefix) for spec in STAFF for prefix in spec.units}
    for group in GROUPS:
        assert all((name, group.unit) in staff for name in group.members), group.name
    assert any(g.rule for g in GROUPS)


# --- the catalog as the demo saves it -------------------------------------------------------


@pytest.fixture
def cast(db: None) -> Cast:
    return create_organisation(random.Random(5), requesters=40, extra_agents=0)


def as_question(row: FormField) -> Question:
    return Question(
        key=row.key, label=row.label, kind=row.kind, required=row.required,
        help_text=row.help_text, choices=row.choice_list() if row.choices else [],
        max_length=row.max_length, min_value=row.min_value, max_value=row.max_value,
        shown_when=row.shown_when, shown_value=row.shown_value,
        shown_to_requester=row.shown_to_requester,
    )  # fmt: skip


def test_every_unit_offers_services_asked_for_through_forms(cast: Cast) -> None:
    assert len(cast.units) == 7
    for prefix, unit in cast.units.items():
        services = Service.objects.filter(unit=unit)
        assert services.count() >= 3, prefix
        assert all(s.summary and s.who_may_ask and s.how_long for s in services), prefix
        types = RequestType.objects.filter(service__unit=unit)
        typed = set(types.values_list("service", flat=True))
        assert typed == set(services.values_list("pk", flat=True)), prefix
        assert all(current_version(t) is not None for t in types), prefix
    assert RequestType.objects.exclude(agent_group=None).count() >= 5
    assert RequestType.objects.exclude(unit=None).exists()  # received by another unit


def test_every_demo_form_keeps_the_form_rules_when_saved_again(cast: Cast) -> None:
    for request_type in RequestType.objects.select_related("service__unit"):
        version = current_version(request_type)
        rows = questions_of(version)
        again = save_form(request_type, [as_question(r) for r in rows],
                          actor=cast.managers[request_type.service.unit.prefix][0])  # fmt: skip
        assert [as_question(r) for r in questions_of(again)] == [as_question(r) for r in rows]
        earlier: set[str] = set()
        for row in rows:
            assert not row.shown_when or row.shown_when in earlier, row.key
            earlier.add(row.key)


def test_agent_groups_are_teams_of_their_units_one_with_its_own_rule(cast: Cast) -> None:
    groups = list(AgentGroup.objects.select_related("unit").prefetch_related("members"))
    assert len(groups) == len(GROUPS)
    for group in groups:
        members = [p.pk for p in group.members.all()]
        assert members, group.name
        staff = UnitMembership.objects.filter(unit=group.unit, person__in=members).count()
        assert staff == len(members), group.name
    rule = GroupAssignment.objects.get()
    assert (rule.group.name, rule.rule) == ("Desktop support", "round_robin")


def test_every_case_filed_through_a_form_answers_what_the_form_accepts(cast: Cast) -> None:
    """Whatever the draw, a case's answers pass the form's checks, and its own answers
    are given where asked (a ticket about a broken screen says so)."""
    forms: dict[int, Form] = {f.request_type.pk: f for f in cast.forms.values()}
    requester = cast.requesters[1]
    colleagues = [p for p in cast.requesters if p.pk != requester.pk]
    for form in forms.values():
        for key, own in form.spec.cases.items():
            _, topic, case = CASES[key]
            for seed in range(12):
                rng = random.Random(seed)
                words = Words(rng, topic, requester, "Munich Office", "Sales", case=case)
                given = form.answers(rng, key, words, date(2026, 3, 2), colleagues)
                values = Counter((a.question.key, _same(a.question, a.value)) for a in given)
                for question, value in own.items():
                    asked = next(q for q in form.questions if q.key == question)
                    shown = not asked.shown_when or any(
                        (a.question.key, a.value) == (asked.shown_when, asked.shown_value)
                        for a in given
                    )
                    if shown and isinstance(value, str):
                        wanted = _same(asked, value.format_map(words.slots))
                        assert values[question, wanted], (key, question)


def _same(question: FormField, value: str) -> object:
    """An answer as compared: numbers by value (the form stores 129.00 as 129)."""
    return Decimal(value) if question.kind == FieldKind.NUMBER else value


# --- demo tickets filed through them --------------------------------------------------------


def posted(answers: list[TicketAnswer]) -> dict[str, object]:
    """The form's inputs that would store these answers."""
    data: dict[str, object] = {}
    for answer in answers:
        value = answer.person.email if answer.person else answer.value
        if answer.question.kind == FieldKind.MULTIPLE_CHOICE:
            data.setdefault(f"q-{answer.key}", []).append(value)  # type: ignore[union-attr]
        else:
            data[f"q-{answer.key}"] = value
    return data


@pytest.mark.django_db
def test_some_demo_tickets_were_filed_through_forms_and_their_answers_pass_them() -> None:
    load(Scale(tickets=300, requesters=40, days=20, seed=11))
    filed = list(
        Ticket.objects.exclude(request_type=None).select_related("request_type", "form_version")
    )
    assert 30 <= len(filed) <= 200
    assert any(t.is_open for t in filed) and any(t.agent_group_id for t in filed)
    assert len({t.owning_unit_id for t in filed}) == 7
    for ticket in filed:
        assert ticket.request_type is not None and ticket.form_version is not None
        assert ticket.service_id == ticket.request_type.service_id
        assert ticket.form_version.request_type_id == ticket.request_type_id
        assert ticket.form_version.created_at < ticket.created_at
        tags = set(ticket.tags.values_list("name", flat=True))
        assert set(ticket.request_type.tags.split()) <= tags
        stored = list(ticket.answers.select_related("question", "person").order_by("id"))
        assert stored, ticket.reference
        again = clean_answers(questions_of(ticket.form_version), posted(stored))
        assert [(a.question.pk, a.value, a.person) for a in again] == [
            (a.question_id, a.value, a.person) for a in stored
        ]
        assert all(a.match == match_of(a.value) and a.key == a.question.key for a in stored)
        if ticket.agent_group_id and ticket.assignee_id:
            assert ticket.agent_group.members.filter(pk=ticket.assignee_id).exists()


def test_a_new_request_through_a_demo_form_goes_to_its_group_in_turn(cast: Cast) -> None:
    laptop = RequestType.objects.get(service__name="New laptop or replacement", kind="incident")
    requester = cast.requesters[0]
    answers = {"q-problem": "Broken screen", "q-asset": "NB-20417", "q-can_work": "no",
               "q-loaner_site": "Munich Office"}  # fmt: skip
    tickets = [
        file_ticket(requester, laptop.service.unit, title="Cracked screen", description="",
                    service=laptop.service, request_type=laptop, answers=answers)
        for _ in range(3)
    ]  # fmt: skip
    group = AgentGroup.objects.get(name="Desktop support")
    assignees = {t.assignee_id for t in tickets}
    assert assignees <= set(group.members.values_list("pk", flat=True)) and len(assignees) == 3
    assert all(t.agent_group == group for t in tickets)
    assert {a.key for a in tickets[0].answers.all()} == {k.removeprefix("q-") for k in answers}


def test_the_major_incident_line_counts_its_own_sla_around_the_clock(cast: Cast) -> None:
    line = Service.objects.select_related("calendar", "unit").get(name="Major incident line")
    assert line.calendar is not None and not line.calendar.holiday_country
    hours = OpeningHours.objects.filter(calendar=line.calendar)
    assert sorted(h.weekday for h in hours) == list(range(7))
    assert all(h.opens == h.closes for h in hours)  # 24 hours a day
    outage = RequestType.objects.get(service=line)
    requester = cast.requesters[0]
    ticket = file_ticket(
        requester, line.unit, title="Whole floor offline", description="", service=line,
        request_type=outage, answers={
            "q-affected": "Network or wi-fi", "q-sites": ["Berlin Head Office"],
            "q-how_many": "A whole site", "q-since": "since 9:40", "q-workaround": "no",
        },
    )  # fmt: skip
    assert ticket.sla_policy is not None and ticket.sla_policy.service_id == line.pk
    assert ticket.priority == 1  # high impact, high urgency: the request type's defaults
    assert ticket.first_response_due is not None
    assert ticket.first_response_due - ticket.created_at == timedelta(minutes=15)
