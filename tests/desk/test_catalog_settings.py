"""A unit's catalog in the desk's settings: its managers (and administrators) make and
change services, the ways to ask for them and their forms, a new form version once
requests were filed with the old one (those keep their questions), and preview a form
as requesters see it; bad input is refused whole with a clear message; nobody else
reaches any of it."""

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from scotty.accounts.models import AgentGroup, Person
from scotty.accounts.services import create_person, join_unit, save_agent_group
from scotty.catalog import offering
from scotty.catalog.models import (
    BusinessCalendar,
    FormField,
    FormVersion,
    RequestType,
    Service,
)
from scotty.core.testing import Org
from scotty.tickets.models import Channel, Ticket
from scotty.tickets.services import open_ticket
from tests.sla import office_hours

Question = offering.Question


# --- builders, also used by the agent group tests and the browser pages ------------


def laptop(org: Org) -> Service:
    """IT's "New laptop" service, offered to everyone."""
    return offering.save_service(
        Service(unit=org.it, name="New laptop", summary="A laptop for a new starter.",
                who_may_ask="Team leads.", how_long="About a week."),
        actor=org.manager,
    )  # fmt: skip


def desktop_group(org: Org) -> AgentGroup:
    return save_agent_group(org.it, actor=org.manager, name="Desktop", members=[org.agent])


def laptop_request(org: Org, group: AgentGroup | None = None) -> RequestType:
    """IT's "I need something" for a new laptop, its form asking three questions: the
    model (a choice), a bag (yes or no) and, only with a bag, its colour."""
    record = offering.save_request_type(
        RequestType(service=laptop(org), kind="request", agent_group=group, tags="laptop"),
        actor=org.manager,
    )
    offering.save_form(record, laptop_questions(), actor=org.manager)
    return record


def laptop_questions() -> list[Question]:
    return [
        Question("model", "Which model?", "choice", required=True, choices=["Slim", "Power"]),
        Question("bag", "A bag with it?", "yes_no"),
        Question("colour", "Which colour?", "short_text", shown_when="bag", shown_value="yes"),
    ]  # fmt: skip


def file_with_form(org: Org, record: RequestType, **answers: str) -> Ticket:
    answers = {"q-model": "Slim", **{f"q-{key}": value for key, value in answers.items()}}
    return open_ticket(actor=org.requester, requester=org.requester, unit=org.it,
                       title="Laptop for Nina", description="", channel=Channel.PORTAL,
                       request_type=record, answers=answers)  # fmt: skip


def refused_to_all(client_for: Callable[[Person], Client], people: list[Person],
                   calls: list[tuple[str, str, dict[str, Any]]]) -> None:  # fmt: skip
    """Each of `people` gets the desk's 404 (the page is not said to exist) for each
    (method, url, data) call."""
    for person in people:
        client = client_for(person)
        for method, url, data in calls:
            response = getattr(client, method)(url, data)
            assert response.status_code == 404, (person.email, method, url)


# --- helpers ---------------------------------------------------------------------


def service_form(**changes: Any) -> dict[str, Any]:
    form = {"name": "Software install", "summary": "Software you need for your work.",
            "who_may_ask": "", "what_you_get": "The software, licensed.", "how_long": "",
            "keywords": "program app", "is_active": "on"}  # fmt: skip
    form.update(changes)
    return {k: v for k, v in form.items() if v is not None}


def question_form(**changes: Any) -> dict[str, Any]:
    form = {"key": "reason", "label": "Why do you need it?", "kind": "long_text",
            "help_text": "", "choices": "", "shown_when": "", "shown_value": "",
            "shown_to_requester": "on"}  # fmt: skip
    form.update(changes)
    return {k: v for k, v in form.items() if v is not None}


def form_url(name: str, record: RequestType, *rest: str) -> str:
    service = record.service
    return reverse(name, args=[service.unit.prefix, service.pk, record.kind, *rest])


def asked(record: RequestType) -> list[tuple[int, str, str]]:
    """Every version of the form with its questions: what a refusal must leave alone."""
    rows = FormField.objects.filter(version__request_type=record)
    return sorted(rows.values_list("version__number", "key", "label"))


def keys_of_current(record: RequestType) -> list[str]:
    version = FormVersion.objects.filter(request_type=record).order_by("-number").first()
    return list(version.fields.order_by("position").values_list("key", flat=True))  # type: ignore[union-attr]


# --- services --------------------------------------------------------------------


@pytest.mark.django_db
def test_a_manager_makes_a_service_and_the_unit_list_shows_it(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    calendar = office_hours("Berlin office")
    manager = client_for(org.manager)
    services = reverse("desk:unit_services", args=["IT"])
    assert f'href="{services}"' in manager.get(reverse("desk:units")).content.decode()
    assert "offers no service yet" in manager.get(services).content.decode()
    response = manager.post(reverse("desk:new_service", args=["IT"]), service_form(
        departments=[org.finance.pk], calendar=str(calendar.pk)))  # fmt: skip
    assert response.status_code == 302
    made = Service.objects.get(unit=org.it, name="Software install")
    assert [d.name for d in made.departments.all()] == ["Finance"]
    assert made.calendar == calendar and made.keywords == "program app"
    page = manager.get(response["Location"]).content.decode()
    assert "Software install" in page and "The software, licensed." in page
    assert "Software install" in manager.get(services).content.decode()


@pytest.mark.django_db
def test_a_service_no_longer_offered_stays_in_the_list_marked_so(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    service = laptop(org)
    manager = client_for(org.manager)
    url = reverse("desk:service", args=["IT", service.pk])
    response = manager.post(url, service_form(name="New laptop", is_active=None))
    assert response.status_code == 302
    service.refresh_from_db()
    assert not service.is_active and service.summary == "Software you need for your work."
    page = manager.get(reverse("desk:unit_services", args=["IT"])).content.decode()
    assert "New laptop" in page and "Not offered" in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"name": "New laptop"}, "already offers a service of that name"),
        ({"summary": "x" * 10_000}, "at most 300 characters"),
        ({"name": "   "}, "This field is required"),
        ({"calendar": "999999"}, "Select a valid choice"),
        ({"departments": ["999999"]}, "Select a valid choice"),
    ],
)
def test_a_wrong_service_is_refused_whole(org: Org, client_for, changes: dict[str, Any],
                                          words: str) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    existing = laptop(org)
    other = offering.save_service(Service(unit=org.it, name="Printer", summary="Printing."),
                                  actor=org.manager)  # fmt: skip
    before = list(Service.objects.order_by("pk").values())
    url = reverse("desk:service", args=["IT", other.pk])
    response = client_for(org.manager).post(url, service_form(**changes))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Nothing was changed" in page and words in page
    assert "<h1>Printer</h1>" in page  # the saved name, not the refused one
    assert list(Service.objects.order_by("pk").values()) == before
    assert existing.name == "New laptop"


# --- request types ---------------------------------------------------------------


@pytest.mark.django_db
def test_a_manager_offers_a_way_to_ask_that_goes_to_a_group(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    service, group = laptop(org), desktop_group(org)
    manager = client_for(org.manager)
    url = reverse("desk:request_type", args=["IT", service.pk, "incident"])
    assert "Desktop" in manager.get(url).content.decode()
    form = {"unit": "", "agent_group": str(group.pk), "impact": "high", "urgency": "",
            "tags": "hardware  broken", "is_active": "on"}  # fmt: skip
    response = manager.post(url, form)
    assert response.status_code == 302
    record = RequestType.objects.get(service=service, kind="incident")
    assert (record.agent_group, record.impact, record.tags) == (group, "high", "broken hardware")
    page = manager.get(reverse("desk:service", args=["IT", service.pk])).content.decode()
    assert "Where “Something is broken” goes" in page and "Offer “I need something”" in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"tags": "no_underscores!"}, "tag"),
        ({"agent_group": "infra"}, "is not a group of the unit that receives"),
        ({"agent_group": "abc"}, "Select a valid choice"),
        ({"impact": "apocalyptic"}, "Select a valid choice"),
        ({"tags": "x" * 10_000}, "at most 300 characters"),
    ],
)
def test_a_wrong_way_to_ask_is_refused_whole(org: Org, client_for, changes: dict[str, str],
                                             words: str) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    service = laptop(org)
    infra = save_agent_group(org.infra, actor=org.admin, name="Network", members=[])
    if changes.get("agent_group") == "infra":
        changes["agent_group"] = str(infra.pk)  # a group of a unit that does not receive it
    form = {"unit": "", "agent_group": "", "impact": "", "urgency": "", "tags": ""} | changes
    url = reverse("desk:request_type", args=["IT", service.pk, "request"])
    response = client_for(org.manager).post(url, form)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Nothing was changed" in page and words in page
    assert not RequestType.objects.exists()


@pytest.mark.django_db
def test_a_way_to_ask_received_by_another_unit_takes_that_units_group(org: Org,
                                                                      client_for) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    service = laptop(org)
    network = save_agent_group(org.infra, actor=org.admin, name="Network", members=[])
    url = reverse("desk:request_type", args=["IT", service.pk, "incident"])
    response = client_for(org.manager).post(url, {"unit": str(org.infra.pk),
                                                  "agent_group": str(network.pk)})  # fmt: skip
    assert response.status_code == 302
    record = RequestType.objects.get(service=service)
    assert (record.unit, record.agent_group, record.is_active) == (org.infra, network, False)


@pytest.mark.django_db
def test_there_is_no_third_kind_of_request(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    url = reverse("desk:request_type", args=["IT", laptop(org).pk, "complaint"])
    assert client_for(org.manager).post(url, {"tags": ""}).status_code == 404
    assert not RequestType.objects.exists()


# --- the form editor -------------------------------------------------------------


@pytest.mark.django_db
def test_the_first_question_makes_version_one_and_the_editor_shows_it(org: Org,
                                                                      client_for) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    record = offering.save_request_type(RequestType(service=laptop(org), kind="incident"),
                                        actor=org.manager)  # fmt: skip
    manager = client_for(org.manager)
    assert "No questions yet" in manager.get(form_url("desk:form_editor", record)).content.decode()
    response = manager.post(form_url("desk:add_question", record), question_form(required="on"))
    assert response.status_code == 302
    page = manager.get(response["Location"]).content.decode()
    assert "Version 1." in page and "Why do you need it?" in page
    assert asked(record) == [(1, "reason", "Why do you need it?")]


@pytest.mark.django_db
def test_an_edit_after_a_request_makes_version_two_and_the_request_keeps_version_one(
    org: Org, client_for
) -> None:  # type: ignore[no-untyped-def]
    record = laptop_request(org)
    ticket = file_with_form(org, record)
    manager = client_for(org.manager)
    url = form_url("desk:edit_question", record, "model")
    edited = question_form(key="model", label="Which laptop model?", kind="choice",
                           choices="Slim\nPower\nTablet", required="on")  # fmt: skip
    assert manager.post(url, edited).status_code == 302
    versions = FormVersion.objects.filter(request_type=record).order_by("number")
    assert [v.number for v in versions] == [1, 2]
    ticket.refresh_from_db()
    assert ticket.form_version.number == 1  # type: ignore[union-attr]
    kept = ticket.answers.get()  # type: ignore[attr-defined]
    assert (kept.question.label, kept.value) == ("Which model?", "Slim")
    assert keys_of_current(record) == ["model", "bag", "colour"]
    page = manager.get(form_url("desk:form_editor", record)).content.decode()
    assert "Version 2; 1 request was filed with an earlier version" in page
    assert "Which laptop model?" in page and "Which model?" not in page


@pytest.mark.django_db
def test_an_edit_before_any_request_changes_the_version_in_place(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    record = laptop_request(org)
    url = form_url("desk:edit_question", record, "colour")
    form = question_form(key="colour", label="Which colour of bag?", kind="short_text",
                         shown_when="bag", shown_value="yes", max_length="30")  # fmt: skip
    assert client_for(org.manager).post(url, form).status_code == 302
    assert FormVersion.objects.filter(request_type=record).count() == 1
    assert FormField.objects.get(key="colour").max_length == 30


@pytest.mark.django_db
def test_a_new_key_takes_the_questions_that_depend_on_it_along(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    record = laptop_request(org)
    url = form_url("desk:edit_question", record, "bag")
    form = question_form(key="laptop_bag", label="A bag with it?", kind="yes_no")
    assert client_for(org.manager).post(url, form).status_code == 302
    assert FormField.objects.get(key="colour").shown_when == "laptop_bag"


@pytest.mark.django_db
def test_questions_move_and_go_but_never_above_what_they_depend_on(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    record = laptop_request(org)
    manager = client_for(org.manager)
    move = form_url("desk:move_question", record, "bag")
    assert manager.post(move, {"direction": "up"}).status_code == 302
    assert keys_of_current(record) == ["bag", "model", "colour"]
    colour_up = form_url("desk:move_question", record, "colour")
    assert manager.post(colour_up, {"direction": "up"}).status_code == 302
    assert keys_of_current(record) == ["bag", "colour", "model"]
    before = asked(record)
    response = manager.post(colour_up, {"direction": "up"})  # above the bag it depends on
    assert response.status_code == 400
    assert "which is not a question above it" in response.content.decode()
    assert asked(record) == before
    response = manager.post(move, {"direction": "up"})  # already the first
    assert response.status_code == 400 and "cannot move that way" in response.content.decode()
    response = manager.post(form_url("desk:delete_question", record, "bag"))
    assert response.status_code == 400 and asked(record) == before  # colour depends on it
    assert manager.post(form_url("desk:delete_question", record, "colour")).status_code == 302
    assert keys_of_current(record) == ["bag", "model"]
    assert manager.post(move, {"direction": "down"}).status_code == 302
    assert keys_of_current(record) == ["model", "bag"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("key", "changes", "words"),
    [
        ("model", {"label": "x" * 10_000}, "at most 200 characters"),
        ("model", {"kind": "hologram"}, "Select a valid choice"),
        ("model", {"shown_when": "bag", "shown_value": "yes"}, "not a question above it"),
        ("colour", {"key": "model"}, "Two questions have the key"),
        ("colour", {"key": "no spaces!"}, "Enter a valid “slug”"),
        ("colour", {"max_length": "50000"}, "less than or equal to 20000"),
        ("colour", {"min_value": "1"}, "only a number has a smallest and largest"),
        ("colour", {"shown_when": "bag", "shown_value": "maybe"}, "is not an answer to"),
        ("model", {"kind": "choice", "choices": "\n".join(map(str, range(51)))},
         "between 1 and 50 choices"),
        ("model", {"kind": "choice", "choices": "Slim\nSlim"}, "a choice is listed twice"),
    ],
)  # fmt: skip
def test_hostile_questions_are_refused_whole_with_a_clear_message(
    org: Org, client_for, key: str, changes: dict[str, str], words: str
) -> None:  # type: ignore[no-untyped-def]
    record = laptop_request(org)
    before = asked(record)
    form = question_form(key=key, label="Edited", kind="short_text") | changes
    response = client_for(org.manager).post(form_url("desk:edit_question", record, key), form)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Nothing was changed" in page and words in page
    assert asked(record) == before


@pytest.mark.django_db
def test_a_question_added_at_the_end_cannot_make_the_form_too_long(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    record = laptop_request(org)
    most = [Question(f"q{i}", f"Question {i}", "short_text")
            for i in range(offering.MAX_QUESTIONS)]  # fmt: skip
    offering.save_form(record, most, actor=org.manager)
    before = asked(record)
    response = client_for(org.manager).post(form_url("desk:add_question", record),
                                            question_form())  # fmt: skip
    assert response.status_code == 400 and "at most 40 questions" in response.content.decode()
    assert asked(record) == before


@pytest.mark.django_db
def test_an_unknown_question_is_not_found(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    record = laptop_request(org)
    manager = client_for(org.manager)
    assert manager.get(form_url("desk:edit_question", record, "nothing")).status_code == 404
    assert manager.post(form_url("desk:delete_question", record, "nothing")).status_code == 404


# --- the preview -----------------------------------------------------------------


@pytest.mark.django_db
def test_the_preview_shows_the_form_as_requesters_see_it_and_files_nothing(
    org: Org, client_for
) -> None:  # type: ignore[no-untyped-def]
    record = laptop_request(org)
    manager = client_for(org.manager)
    url = form_url("desk:form_preview", record)
    page = manager.get(url).content.decode()
    assert 'name="q-model"' in page and "Which model?" in page
    assert "Only if you answered “yes” above." in page and "data-questions" in page
    refused = manager.post(url, {"q-bag": "yes"})
    assert refused.status_code == 400
    assert "This field is required" in refused.content.decode()
    shown = manager.post(url, {"q-model": "Power", "q-bag": "yes", "q-colour": "Red"})
    assert shown.status_code == 200
    text = shown.content.decode()
    assert "These answers would be filed" in text and "Power" in text and "Red" in text
    assert not Ticket.objects.exists()


# --- who may ---------------------------------------------------------------------


@pytest.fixture
def hr_manager(org: Org) -> Person:
    person = create_person(email="harriet@example.org", full_name="Harriet HR Lead")
    join_unit(person, org.hr, role="manager")
    return person


def catalog_calls(record: RequestType) -> list[tuple[str, str, dict[str, Any]]]:
    """Every catalog page and POST of IT's laptop request, with a change each would make."""
    service = record.service
    return [
        ("get", reverse("desk:unit_services", args=["IT"]), {}),
        ("get", reverse("desk:new_service", args=["IT"]), {}),
        ("post", reverse("desk:new_service", args=["IT"]), service_form()),
        ("get", reverse("desk:service", args=["IT", service.pk]), {}),
        ("post", reverse("desk:service", args=["IT", service.pk]), service_form()),
        ("get", form_url("desk:request_type", record), {}),
        ("post", reverse("desk:request_type", args=["IT", service.pk, "incident"]), {}),
        ("get", form_url("desk:form_editor", record), {}),
        ("post", form_url("desk:add_question", record), question_form()),
        ("get", form_url("desk:edit_question", record, "model"), {}),
        ("post", form_url("desk:edit_question", record, "model"), question_form(key="model")),
        ("post", form_url("desk:delete_question", record, "colour"), {}),
        ("post", form_url("desk:move_question", record, "bag"), {"direction": "up"}),
        ("get", form_url("desk:form_preview", record), {}),
        ("post", form_url("desk:form_preview", record), {"q-model": "Slim"}),
    ]


@pytest.mark.django_db
def test_only_the_units_managers_and_administrators_reach_its_catalog(
    org: Org, client_for, hr_manager: Person
) -> None:  # type: ignore[no-untyped-def]
    record = laptop_request(org)
    before = (list(Service.objects.values()), list(RequestType.objects.values()), asked(record))
    others = [org.agent, org.hr_agent, org.requester, hr_manager]
    refused_to_all(client_for, others, catalog_calls(record))
    assert (list(Service.objects.values()), list(RequestType.objects.values()),
            asked(record)) == before  # fmt: skip
    assert Client().get(reverse("desk:unit_services", args=["IT"])).status_code == 302
    admin = client_for(org.admin)
    for method, url, _data in catalog_calls(record):
        if method == "get":
            assert admin.get(url).status_code == 200, url


@pytest.mark.django_db
def test_a_manager_cannot_reach_another_units_service_through_their_own(
    org: Org, client_for, hr_manager: Person
) -> None:  # type: ignore[no-untyped-def]
    payslips = offering.save_service(Service(unit=org.hr, name="Payslips", summary="Pay."),
                                     actor=hr_manager)  # fmt: skip
    manager = client_for(org.manager)
    response = manager.post(reverse("desk:service", args=["IT", payslips.pk]),
                            service_form(name="Mine now"))  # fmt: skip
    assert response.status_code == 404
    assert manager.get(reverse("desk:service", args=["HR", payslips.pk])).status_code == 404
    payslips.refresh_from_db()
    assert payslips.name == "Payslips"


@pytest.mark.django_db
def test_the_calendars_offered_are_every_business_calendar(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    office_hours("Berlin office")
    page = client_for(org.manager).get(reverse("desk:new_service", args=["IT"])).content.decode()
    assert "Berlin office" in page and "The unit&#x27;s working hours" in page
    assert BusinessCalendar.objects.count() == 1


@pytest.mark.django_db
def test_the_lists_cost_the_same_queries_however_long_they_are(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    record = laptop_request(org, desktop_group(org))
    manager = client_for(org.manager)
    pages = [reverse("desk:unit_services", args=["IT"]), reverse("desk:agent_groups",
             args=["IT"]), form_url("desk:form_editor", record)]  # fmt: skip

    def costs() -> list[int]:
        counts = []
        for url in pages:
            with CaptureQueriesContext(connection) as queries:
                assert manager.get(url).status_code == 200
            counts.append(len(queries))
        return counts

    few = costs()
    for n in range(3):
        service = offering.save_service(Service(unit=org.it, name=f"Service {n}", summary="S."),
                                        actor=org.manager)  # fmt: skip
        offering.save_request_type(RequestType(service=service, kind="incident"), actor=org.manager)
        save_agent_group(org.it, actor=org.manager, name=f"Group {n}", members=[org.agent2])
    offering.save_form(record, [*laptop_questions(), Question("more", "More?", "long_text")],
                       actor=org.manager)  # fmt: skip
    assert costs() == few
