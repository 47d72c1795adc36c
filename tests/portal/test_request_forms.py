"""A catalog form in the portal: the requester says what kind of request it is, answers
its questions (each problem shown beside its question, nothing filed), and sees their
answers on the request, but never the desk-only ones; the desk sees them all and
filters its queues on them."""

from typing import Any

import pytest
from django.urls import reverse

from scotty.accounts.models import Department
from scotty.catalog.models import RequestKind, RequestType
from scotty.catalog.offering import save_request_type
from scotty.core.testing import Org
from scotty.tickets.models import Ticket
from tests.catalog_forms import LaptopForm, good_answers, laptop_form

NEW = reverse("portal:new")


@pytest.fixture
def form(org: Org) -> LaptopForm:
    return laptop_form(org)


def _form_page(client: Any, form: LaptopForm, kind: str = "") -> Any:
    return client.get(NEW + f"?service={form.service.pk}" + (f"&type={kind}" if kind else ""))


def _post(client: Any, form: LaptopForm, page: Any, answers: dict[str, Any]) -> Any:
    return client.post(
        NEW,
        {
            "service": form.service.pk,
            "request_type": form.request_type.pk,
            "title": "Laptop",
            "description": "",
            "once": page.context["form"]["once"].value(),
            **answers,
        },
    )


@pytest.mark.django_db
def test_with_two_kinds_the_requester_says_which_first(
    org: Org, form: LaptopForm, client_for: Any
) -> None:
    save_request_type(RequestType(service=form.service, kind=RequestKind.INCIDENT), actor=org.admin)
    rita = client_for(org.requester)
    html = _form_page(rita, form).content.decode()
    assert "Something is broken" in html and "I need something" in html
    assert "Which laptop?" not in html and "Send request" not in html
    asked = _form_page(rita, form, RequestKind.REQUEST).content.decode()
    assert "Which laptop?" in asked and "Send request" in asked
    assert "No: Something is broken" in asked  # a way back if they chose wrongly
    assert _form_page(rita, form, "bogus").status_code == 404


@pytest.mark.django_db
def test_one_kind_opens_its_form_at_once_with_every_question(
    org: Org, form: LaptopForm, client_for: Any
) -> None:
    html = _form_page(client_for(org.requester), form).content.decode()
    for label in ("Which laptop?", "Needed by", "Desk number for the dock", "Supplier quote"):
        assert label in html
    assert 'data-shown-when="q-extras" data-shown-value="Docking station"' in html
    assert "Only if you answered “yes” above." in html  # without the script, still clear
    assert 'type="date"' in html and 'type="email"' in html


@pytest.mark.django_db
def test_bad_answers_are_shown_beside_their_questions_and_nothing_is_filed(
    org: Org, form: LaptopForm, client_for: Any
) -> None:
    rita = client_for(org.requester)
    page = _form_page(rita, form)
    answers = {**good_answers(org), "q-model": "Gaming rig", "q-travel": "yes", "q-screens": "9"}
    refused = _post(rita, form, page, answers)
    assert refused.status_code == 400
    html = refused.content.decode()
    assert "Nothing was saved yet." in html
    assert "Select a valid choice" in html and "less than or equal to 3" in html
    assert "This question needs an answer." in html  # the countries, asked now
    assert 'value="B3.14"' in html  # what they typed is still there
    assert not Ticket.objects.exists()


@pytest.mark.django_db
def test_answers_show_on_the_request_but_desk_only_ones_never_do(
    org: Org, form: LaptopForm, client_for: Any
) -> None:
    rita = client_for(org.requester)
    page = _form_page(rita, form)
    filed = _post(rita, form, page, good_answers(org))
    assert filed.status_code == 302
    ticket = Ticket.objects.get()
    mine = rita.get(filed["Location"]).content.decode()
    assert "Which laptop?" in mine and "Developer 16-inch" in mine
    assert "Docking station, Headset" in mine
    assert "Who approves the cost?" not in mine and org.manager.email not in mine
    desk = client_for(org.agent).get(reverse("desk:ticket", args=[ticket.reference]))
    html = desk.content.decode()
    assert "Who approves the cost?" in html and "Desk only" in html
    assert "I need something" in html


@pytest.mark.django_db
def test_a_forged_request_type_of_a_hidden_service_files_nothing(
    org: Org, form: LaptopForm, client_for: Any
) -> None:
    rita = client_for(org.requester)
    page = _form_page(rita, form)
    form.service.departments.set([Department.objects.create(name="Engineering")])
    forged = _post(rita, form, page, good_answers(org))
    assert forged.status_code in (400, 403)
    assert "not offered to you" in forged.content.decode()
    no_service = client_for(org.requester).post(
        NEW,
        {
            "request_type": form.request_type.pk,
            "unit": org.it.pk,
            "title": "Laptop",
            "description": "",
            "once": page.context["form"]["once"].value(),
            **good_answers(org),
        },
    )
    assert no_service.status_code in (400, 403)
    assert not Ticket.objects.exists()


@pytest.mark.django_db
def test_the_desk_queue_filters_on_an_answer(org: Org, form: LaptopForm, client_for: Any) -> None:
    rita = client_for(org.requester)
    for travel in ("yes", "no"):
        answers = {**good_answers(org), "q-travel": travel, "q-countries": "Japan"}
        assert _post(rita, form, _form_page(rita, form), answers).status_code == 302
    travelling = Ticket.objects.get(answers__key="travel", answers__value="yes")
    alex = client_for(org.agent)
    url = reverse("desk:queue", args=["open"])
    page = alex.get(url + f"?service={form.service.pk}").content.decode()
    assert "Do you travel for work?" in page  # the service's questions to filter on
    found = alex.get(url + f"?service={form.service.pk}&question=travel&answer=Yes")
    html = found.content.decode()
    assert travelling.reference in html
    other = Ticket.objects.exclude(pk=travelling.pk).get()
    assert other.reference not in html
