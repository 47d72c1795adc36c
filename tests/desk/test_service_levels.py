"""A unit's working hours and service levels, set by its managers in the desk: targets
in business hours per priority, refused whole when wrong, applied to the unit's open
tickets with the time they used; nobody else may see or change them."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from scotty.catalog.models import PolicyKind, SlaPolicy, SlaTarget, UnitCalendar
from scotty.core.testing import Org, file_ticket
from scotty.tickets.models import Ticket
from tests.sla import give_terms, office_hours

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY = datetime(2026, 11, 30, 9, 0, tzinfo=BERLIN)


def url(org: Org, prefix: str = "IT") -> str:
    return reverse("desk:service_levels", args=[prefix])


def sla_form(**rows: str) -> dict[str, str]:
    form = {"which": "sla", "name": "IT standard", "warn_at_percent": "80"}
    form.update(rows)
    return form


@pytest.mark.django_db
def test_a_manager_sets_targets_and_open_tickets_are_recounted(
    org: Org,
    client_for,
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    give_terms(org)  # P4: 4 hours to resolve
    with time_machine.travel(MONDAY, tick=False):
        ticket = file_ticket(org.requester, org.it)
    assert ticket.resolution_due == MONDAY.replace(hour=13)
    manager = client_for(org.manager)
    page = manager.get(url(org)).content.decode()
    assert "Working hours and service levels of IT Service Desk" in page
    form = sla_form(first_4="0.5", resolution_4="2.5", resolution_1="1")
    with (
        time_machine.travel(MONDAY.replace(hour=10), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = manager.post(url(org), form)
    assert response.status_code == 302
    policy = SlaPolicy.objects.get(unit=org.it, kind=PolicyKind.SLA)
    assert (policy.name, policy.warn_at_percent) == ("IT standard", 80)
    targets = {t.priority: (t.first_response_minutes, t.resolution_minutes)
               for t in SlaTarget.objects.filter(policy=policy)}  # fmt: skip
    assert targets == {4: (30, 150), 1: (None, 60)}
    ticket.refresh_from_db()
    assert ticket.resolution_due == MONDAY.replace(hour=11, minute=30)  # 2.5 h from 9:00


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("rows", "words"),
    [
        ({"resolution_4": "abc"}, "Enter a number"),
        ({"resolution_4": "-2"}, "greater than or equal to"),
        ({"resolution_4": "99999999"}, "less than or equal to"),
        ({"first_4": "8", "resolution_4": "2"}, "cannot be due after the resolution"),
        ({"first_4": "1"}, "needs a resolution target too"),
        ({"warn_at_percent": "150", "resolution_4": "2"}, "less than or equal to 99"),
        ({"name": "x" * 101, "resolution_4": "2"}, "at most 100"),
    ],
)
def test_wrong_targets_are_refused_whole(org: Org, client_for, rows: dict[str, str],
                                         words: str) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    give_terms(org)
    before = sorted(SlaTarget.objects.values_list("policy_id", "priority", "resolution_minutes"))
    response = client_for(org.manager).post(url(org), sla_form(**rows))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Nothing was saved" in page and words in page
    after = sorted(SlaTarget.objects.values_list("policy_id", "priority", "resolution_minutes"))
    assert after == before


@pytest.mark.django_db
def test_an_ola_has_no_first_response_and_a_forged_one_is_ignored(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    client = client_for(org.manager)
    page = client.get(url(org)).content.decode()
    assert 'name="first_4"' in page and 'id="ola-first_4"' not in page
    response = client.post(url(org), {"which": "ola", "name": "", "warn_at_percent": "75",
                                      "first_4": "1", "resolution_4": "3"})  # fmt: skip
    assert response.status_code == 302
    target = SlaTarget.objects.get(policy__unit=org.it, policy__kind=PolicyKind.OLA)
    assert (target.first_response_minutes, target.resolution_minutes) == (None, 180)


@pytest.mark.django_db
def test_emptying_every_row_promises_nothing(org: Org, client_for,
                                             django_capture_on_commit_callbacks) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    give_terms(org)
    ticket = file_ticket(org.requester, org.it)
    assert ticket.resolution_due is not None
    with django_capture_on_commit_callbacks(execute=True):
        assert client_for(org.manager).post(url(org), sla_form()).status_code == 302
    assert not SlaTarget.objects.filter(policy__unit=org.it, policy__kind=PolicyKind.SLA)
    ticket.refresh_from_db()
    assert ticket.resolution_due is None


@pytest.mark.django_db
def test_the_working_hours_are_chosen_from_the_calendars(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    calendar = office_hours("Berlin office")
    client = client_for(org.manager)
    assert "Berlin office" in client.get(url(org)).content.decode()
    client.post(url(org), {"which": "calendar", "calendar": str(calendar.pk)})
    assert UnitCalendar.objects.get(unit=org.it).calendar == calendar
    client.post(url(org), {"which": "calendar", "calendar": ""})
    assert not UnitCalendar.objects.filter(unit=org.it).exists()
    response = client.post(url(org), {"which": "calendar", "calendar": "999999"})
    assert response.status_code == 400 and not UnitCalendar.objects.filter(unit=org.it).exists()


@pytest.mark.django_db
def test_a_forged_form_name_changes_nothing(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    response = client_for(org.manager).post(url(org), {"which": "<script>", "name": "x"})
    assert response.status_code == 400
    assert not SlaPolicy.objects.exists() and b"<script>" not in response.content


@pytest.mark.django_db
@pytest.mark.parametrize(("who", "prefix"),
                         [("agent", "IT"), ("manager", "HR"), ("requester", "IT"),
                          ("hr_agent", "IT")])  # fmt: skip
def test_only_the_units_managers_reach_its_service_levels(org: Org, client_for, who: str,
                                                          prefix: str) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    client = client_for(getattr(org, who))
    assert client.get(url(org, prefix)).status_code in (302, 404)
    response = client.post(url(org, prefix), sla_form(resolution_4="1"))
    assert response.status_code in (302, 404)
    assert not SlaPolicy.objects.exists()


@pytest.mark.django_db
def test_an_administrator_reaches_every_units_service_levels(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    assert client_for(org.admin).get(url(org, "HR")).status_code == 200
    assert Ticket.objects.count() == 0
