"""The demo catalog's agent groups, request types and forms, made through the catalog's
and accounts' services by each unit's manager (so their rules hold for the demo too),
and how a demo requester fills such a form in.

Answers go through `catalog.answers.clean_answers`, the check `open_ticket` makes, so a
demo ticket stores exactly the answers the portal would have stored for the same input.
"""

import dataclasses
import random
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db import models

from scotty.accounts.models import AgentGroup, Person, SupportUnit
from scotty.accounts.services import save_agent_group
from scotty.catalog.answers import PREFIX, Answer, clean_answers
from scotty.catalog.models import (
    BusinessCalendar,
    FieldKind,
    FormField,
    FormVersion,
    RequestType,
    Service,
)
from scotty.catalog.offering import save_form, save_request_type, set_group_rule
from scotty.demo.content import forms as content
from scotty.demo.content.forms import Days, RequestTypeSpec
from scotty.demo.service_levels import create_services
from scotty.demo.texts import Words

# Share of the optional questions a requester leaves empty.
_SKIPPED = 0.3


@dataclass(frozen=True)
class Form:
    """A request type as the generator files demo tickets through it."""

    spec: RequestTypeSpec
    request_type: RequestType
    version: FormVersion
    questions: list[FormField]
    receiving: str  # prefix of the unit that receives its tickets
    group: AgentGroup | None
    group_agents: tuple[Person, ...]
    departments: frozenset[int]  # the service's audience (both empty: everyone)
    locations: frozenset[int]

    def offered_to(self, person: Person) -> bool:
        """catalog.selectors.offered_to for one person, without a query."""
        if not self.departments and not self.locations:
            return True
        return person.department_id in self.departments or person.location_id in self.locations

    def answers(self, rng: random.Random, case: str, words: Words, filed: date,
                colleagues: list[Person]) -> list[Answer]:  # fmt: skip
        """The answers a requester gives for a ticket about `case`, checked as
        open_ticket checks them."""
        data = _fill(rng, self, case, words, filed, colleagues)
        return clean_answers(self.questions, data)


def create_catalog(
    units: dict[str, SupportUnit],
    managers: Mapping[str, Person],
    staff: Mapping[str, Person],
    calendars: Mapping[str, BusinessCalendar],
) -> dict[str, Form]:
    """Services, agent groups, request types and forms; returns the forms by the key of
    each case whose tickets are filed through them."""
    services = create_services(units, managers, calendars)
    groups: dict[tuple[str, str], AgentGroup] = {}
    members: dict[tuple[str, str], tuple[Person, ...]] = {}
    for spec in content.GROUPS:
        if spec.unit not in units:
            continue
        people = [staff[name] for name in spec.members]
        group = save_agent_group(units[spec.unit], actor=managers[spec.unit], name=spec.name,
                                 members=people)  # fmt: skip
        if spec.rule:
            set_group_rule(group, spec.rule, actor=managers[spec.unit])
        groups[spec.unit, spec.name] = group
        members[spec.unit, spec.name] = tuple(people)
    saved = []
    for rt_spec in content.REQUEST_TYPES:
        receiving = rt_spec.receiving_unit or rt_spec.unit
        if (rt_spec.unit, rt_spec.service) not in services or receiving not in units:
            continue
        actor = managers[rt_spec.unit]
        request_type = save_request_type(
            RequestType(
                service=services[rt_spec.unit, rt_spec.service], kind=rt_spec.kind,
                impact=rt_spec.impact, urgency=rt_spec.urgency, tags=rt_spec.tags,
                unit=units[receiving] if rt_spec.receiving_unit else None,
                agent_group=groups.get((receiving, rt_spec.group)),
            ),
            actor=actor,
        )  # fmt: skip
        # Copies: the service tidies the questions it is given.
        asked = [dataclasses.replace(q, choices=list(q.choices)) for q in rt_spec.questions]
        saved.append((rt_spec, request_type, save_form(request_type, asked, actor=actor)))
    return _forms(saved, groups, members)


def _forms(
    saved: list[tuple[RequestTypeSpec, RequestType, FormVersion]],
    groups: dict[tuple[str, str], AgentGroup],
    members: dict[tuple[str, str], tuple[Person, ...]],
) -> dict[str, Form]:
    """The forms by case key, their questions and audiences read in three queries."""
    questions: dict[int, list[FormField]] = {}
    versions = [version for _, _, version in saved]
    for row in FormField.objects.filter(version__in=versions).order_by("version", "position"):
        questions.setdefault(row.version_id, []).append(row)
    departments = _audience(Service.departments.through, "department_id")
    locations = _audience(Service.locations.through, "location_id")
    forms: dict[str, Form] = {}
    for spec, request_type, version in saved:
        receiving = spec.receiving_unit or spec.unit
        service_id = request_type.service_id
        form = Form(
            spec=spec, request_type=request_type, version=version,
            questions=questions.get(version.pk, []), receiving=receiving,
            group=groups.get((receiving, spec.group)),
            group_agents=members.get((receiving, spec.group), ()),
            departments=departments.get(service_id, frozenset()),
            locations=locations.get(service_id, frozenset()),
        )  # fmt: skip
        forms.update(dict.fromkeys(spec.cases, form))
    return forms


def _audience(through: type[models.Model], column: str) -> dict[int, frozenset[int]]:
    """Service id -> the departments (or locations) it is offered to."""
    found: dict[int, set[int]] = {}
    for service_id, target_id in through._default_manager.values_list("service_id", column):
        found.setdefault(service_id, set()).add(target_id)
    return {service_id: frozenset(ids) for service_id, ids in found.items()}


def _fill(rng: random.Random, form: Form, case: str, words: Words, filed: date,
          colleagues: list[Person]) -> dict[str, Any]:  # fmt: skip
    """The form's inputs as the portal posts them ("q-<key>"): the case's own answers,
    then samples, then any of the options; only questions asked given the answers
    before them, some optional ones left empty."""
    given: dict[str, Any] = {}
    dates: dict[str, date] = {}
    for question in form.questions:
        control = question.shown_when
        if control and not _picked(given.get(control), question.shown_value):
            continue
        value = _answer(rng, form.spec, question, case, words, filed, dates, colleagues)
        if value is not None:
            given[question.key] = value
    return {f"{PREFIX}-{key}": value for key, value in given.items()}


def _picked(answer: Any, wanted: str) -> bool:
    return wanted in answer if isinstance(answer, list) else answer == wanted


def _answer(rng: random.Random, spec: RequestTypeSpec, question: FormField, case: str,
            words: Words, filed: date, dates: dict[str, date],
            colleagues: list[Person]) -> Any:  # fmt: skip
    key, kind = question.key, question.kind
    fixed = spec.cases.get(case, {})
    if key in fixed:
        value = fixed[key]
        if isinstance(value, tuple):
            return [text.format_map(words.slots) for text in value]
        return value.format_map(words.slots)
    if kind == FieldKind.ATTACHMENT or (not question.required and rng.random() < _SKIPPED):
        return None
    sample = spec.samples.get(key)
    if isinstance(sample, Days):
        start = dates.get(sample.after, filed)
        dates[key] = start + timedelta(days=rng.randint(sample.low, sample.high))
        return dates[key].isoformat()
    if sample:
        return words.fill(sample)
    options = question.choice_list()
    if kind in (FieldKind.CHOICE, FieldKind.YES_NO):
        return rng.choice(options)
    if kind == FieldKind.MULTIPLE_CHOICE:
        return rng.sample(options, rng.randint(1, min(2, len(options))))
    if kind == FieldKind.PERSON:
        return rng.choice(colleagues).email if colleagues else None
    if question.required:  # a text, a number or a date: only the content knows one
        raise ValueError(f"demo content: no sample answer for {spec.service} {key!r}")
    return None
