"""Filing a request in the portal: the happy path, bad input, and forged fields."""

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from scotty.accounts.models import Person
from scotty.core.testing import Org, upload
from scotty.tickets.models import Channel, Ticket
from scotty.tickets.priority import Impact, Priority, Urgency
from scotty.tickets.states import Status

ClientFor = Callable[[Person], Client]


def form(org: Org, **changes: Any) -> dict[str, Any]:
    data = {
        "unit": org.it.pk,
        "title": "Printer on floor 3 jams",
        "description": "It jams on every second page since Monday.",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_the_form_offers_every_team_with_the_front_line_chosen(
    org: Org, client_for: ClientFor
) -> None:
    html = client_for(org.requester).get(reverse("portal:new")).text
    for unit in (org.it, org.infra, org.hr):
        assert unit.name in html
    checked = re.findall(r'<input type="radio" name="unit" value="(\d+)"[^>]* checked', html)
    assert checked == [str(org.it.pk)]
    for field in ("priority", "impact", "urgency", "assignee", "requester", "status"):
        assert f'name="{field}"' not in html


def test_a_request_with_files_is_filed_and_the_person_lands_on_its_page(
    org: Org, client_for: ClientFor
) -> None:
    client = client_for(org.requester)
    files = [upload("error.png"), upload("log.txt", b"E42 paper path")]
    response = client.post(
        reverse("portal:new"), {**form(org, unit=org.hr.pk), "attachments": files}
    )
    ticket = Ticket.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("portal:request", args=[ticket.reference])
    assert (ticket.requester, ticket.created_by, ticket.owning_unit) == (
        org.requester,
        org.requester,
        org.hr,
    )
    assert ticket.channel == Channel.PORTAL and ticket.status == Status.NEW
    assert sorted(a.filename for a in ticket.attachments.all()) == ["error.png", "log.txt"]
    page = client.get(response.url).text
    assert f"We received your request {ticket.reference}" in page
    assert "Received: we will look at it soon" in page
    assert "error.png" in page and "log.txt" in page


def test_forged_fields_are_ignored(org: Org, client_for: ClientFor) -> None:
    forged = form(
        org,
        priority=1,
        impact="high",
        urgency="high",
        assignee=org.agent.pk,
        requester=org.other_requester.pk,
        status="resolved",
        channel="phone",
        created_by=org.admin.pk,
        number=1,
        reference="IT-1",
    )
    response = client_for(org.requester).post(reverse("portal:new"), forged)
    assert response.status_code == 302
    ticket = Ticket.objects.get()
    assert ticket.requester == org.requester and ticket.created_by == org.requester
    assert ticket.assignee is None and ticket.status == Status.NEW
    assert ticket.channel == Channel.PORTAL and ticket.reference == "IT-1001"
    assert (ticket.impact, ticket.urgency) == (Impact.LOW, Urgency.MEDIUM)
    assert ticket.priority == Priority.LOW and not ticket.priority_overridden


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": ""}, "The title cannot be empty."),
        ({"title": "   "}, "The title cannot be empty."),
        ({"title": "x" * 201}, "the limit is 200"),
        ({"description": ""}, "The description cannot be empty."),
        ({"description": "y" * 50_001}, "the limit is 50,000"),
        ({"unit": 999_999}, "Choose a team from the list."),
        ({"unit": "IT"}, "Choose a team from the list."),
        ({"unit": None}, "Choose the team that should help you."),
    ],
)
def test_bad_text_or_team_is_refused_with_a_clear_message_and_keeps_what_was_typed(
    org: Org, client_for: ClientFor, changes: dict[str, Any], message: str
) -> None:
    data = form(org, **changes)
    if "description" not in changes:
        data["description"] = "Typed with care & <patience>"
    response = client_for(org.requester).post(reverse("portal:new"), data)
    assert response.status_code == 400
    assert message in response.text
    assert "Nothing was saved yet." in response.text
    if "description" not in changes:
        assert "Typed with care &amp; &lt;patience&gt;" in response.text
    assert Ticket.objects.count() == 0


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ([upload("tool.exe", b"MZ\x90\x00")], "files of this type are not accepted"),
        ([upload("invoice.pdf", b"MZ not a pdf")], "does not look like a .pdf file"),
        ([upload("ok.png"), upload("empty.txt", b"")], "empty.txt is empty"),
        ([upload("big.txt", b"a" * 2048)], "files may be at most 1 KB"),
        ([upload(f"f{i}.txt", b"x") for i in range(4)], "At most 3 files per message."),
    ],
)
def test_bad_files_refuse_the_whole_request(
    org: Org, client_for: ClientFor, settings: Any, files: list[Any], message: str
) -> None:
    settings.SCOTTY_MAX_ATTACHMENT_BYTES = 1024
    settings.SCOTTY_MAX_ATTACHMENTS_PER_MESSAGE = 3
    response = client_for(org.requester).post(
        reverse("portal:new"), {**form(org), "attachments": files}
    )
    assert response.status_code == 400
    assert message in response.text
    assert "Please choose your files again" in response.text
    assert "Printer on floor 3 jams" in response.text  # the title is kept
    assert Ticket.objects.count() == 0
