"""Agents mark their own absences in the desk; managers choose how their unit assigns
new tickets. Bad dates are refused with a clear word; nobody touches another's."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from scotty.accounts.models import Absence
from scotty.catalog.models import AssignmentRule, UnitAssignment
from scotty.core.testing import Org


def day(offset: int) -> str:
    return (timezone.localdate() + timedelta(days=offset)).isoformat()


@pytest.mark.django_db
def test_an_agent_marks_and_takes_back_an_absence(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    alex = client_for(org.agent)
    response = alex.post(reverse("desk:absences"),
                         {"starts": day(3), "ends": day(5), "kind": "holiday"})  # fmt: skip
    assert response.status_code == 302
    absence = Absence.objects.get(person=org.agent)
    page = alex.get(reverse("desk:absences")).content.decode()
    assert "Holiday" in page
    assert alex.post(reverse("desk:remove_absence", args=[absence.pk])).status_code == 302
    assert not Absence.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("form", "words"),
    [
        ({"starts": day(5), "ends": day(3), "kind": "holiday"}, "ends on or after"),
        ({"starts": day(1), "ends": day(400), "kind": "holiday"}, "at most a year"),
        ({"starts": day(-5), "ends": day(-3), "kind": "sick"}, "over already"),
        ({"starts": day(1), "ends": day(2), "kind": "party"}, "Select a valid choice"),
        ({"starts": "31/31/2026", "ends": day(2), "kind": "sick"}, "Enter a valid date"),
    ],
)
def test_bad_absences_are_refused_and_nothing_is_saved(org: Org, client_for, form: dict[str, str],
                                                       words: str) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    response = client_for(org.agent).post(reverse("desk:absences"), form)
    assert response.status_code == 400 and words in response.content.decode()
    assert not Absence.objects.exists()


@pytest.mark.django_db
def test_overlapping_absences_are_refused(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    alex = client_for(org.agent)
    alex.post(reverse("desk:absences"), {"starts": day(3), "ends": day(5), "kind": "holiday"})
    again = alex.post(reverse("desk:absences"), {"starts": day(5), "ends": day(6), "kind": "sick"})
    assert again.status_code == 400 and "already" in again.content.decode()
    assert Absence.objects.count() == 1


@pytest.mark.django_db
def test_nobody_sees_or_takes_back_anothers_absence(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    client_for(org.agent).post(reverse("desk:absences"),
                               {"starts": day(3), "ends": day(5), "kind": "sick"})  # fmt: skip
    absence = Absence.objects.get()
    bea = client_for(org.agent2)
    assert "You are not marked away" in bea.get(reverse("desk:absences")).content.decode()
    assert bea.post(reverse("desk:remove_absence", args=[absence.pk])).status_code == 404
    assert Absence.objects.exists()
    requester = client_for(org.requester)
    assert requester.get(reverse("desk:absences")).status_code in (302, 404)


@pytest.mark.django_db
def test_a_manager_chooses_how_new_tickets_are_assigned(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    url = reverse("desk:service_levels", args=["IT"])
    mona = client_for(org.manager)
    assert "Who gets new tickets" in mona.get(url).content.decode()
    response = mona.post(url, {"which": "assignment", "rule": "round_robin"})
    assert response.status_code == 302
    assert UnitAssignment.objects.get(unit=org.it).rule == AssignmentRule.ROUND_ROBIN
    bad = mona.post(url, {"which": "assignment", "rule": "favourites"})
    assert bad.status_code == 400
    assert UnitAssignment.objects.get(unit=org.it).rule == AssignmentRule.ROUND_ROBIN
    agent = client_for(org.agent).post(url, {"which": "assignment", "rule": "least_loaded"})
    assert agent.status_code in (302, 404)
    assert UnitAssignment.objects.get(unit=org.it).rule == AssignmentRule.ROUND_ROBIN
