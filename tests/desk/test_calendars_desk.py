"""Business calendars kept in the desk by administrators: made, changed whole or not
at all, closing days added and removed, the units' open tickets recounted; nobody but
administrators reaches them."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from scotty.catalog.models import BusinessCalendar, ClosingDay, OpeningHours
from scotty.core.testing import Org, file_ticket
from tests.sla import give_terms

BERLIN = ZoneInfo("Europe/Berlin")
FRIDAY = datetime(2026, 11, 27, 16, 30, tzinfo=BERLIN)


def fields(**extra: str) -> dict[str, str]:
    base = {"name": "Lisbon hub", "time_zone": "Europe/Lisbon", "holiday_country": "PT",
            "holiday_subdivision": ""}  # fmt: skip
    return {**base, **extra}


def stored(record: BusinessCalendar) -> tuple[object, ...]:
    """Everything the calendar page changes, to see that a refusal changed nothing."""
    row = BusinessCalendar.objects.values_list("name", "time_zone", "holiday_country")
    return (hours(record), row.get(pk=record.pk))


def hours(record: BusinessCalendar) -> list[tuple[int, time, time]]:
    return list(OpeningHours.objects.filter(calendar=record).values_list("weekday", "opens",
                                                                          "closes"))  # fmt: skip


@pytest.mark.django_db
def test_an_administrator_makes_a_calendar_that_starts_as_an_office_week(
    org: Org, client_for
) -> None:  # type: ignore[no-untyped-def]
    admin = client_for(org.admin)
    assert "Business calendars" in admin.get(reverse("desk:calendars")).content.decode()
    response = admin.post(reverse("desk:calendars"), fields())
    assert response.status_code == 302
    record = BusinessCalendar.objects.get(name="Lisbon hub")
    assert hours(record) == [(d, time(9), time(17)) for d in range(5)]
    assert "Lisbon hub" in admin.get(response["Location"]).content.decode()


@pytest.mark.django_db
def test_changed_hours_recount_the_units_open_tickets(org: Org, client_for,
                                                      django_capture_on_commit_callbacks) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    give_terms(org)  # IT on office hours, P4 resolved within 4 hours
    with time_machine.travel(FRIDAY, tick=False):
        ticket = file_ticket(org.requester, org.it)
    assert ticket.resolution_due == datetime(2026, 11, 30, 12, 30, tzinfo=BERLIN)
    record = BusinessCalendar.objects.get(name="IT office")
    form = fields(name="IT office", time_zone="Europe/Berlin", holiday_country="",
                  opens_0_0="09:00", closes_0_0="17:00", opens_4_0="09:00", closes_4_0="17:00",
                  opens_5_0="10:00", closes_5_0="14:00")  # a Saturday morning  # fmt: skip
    with time_machine.travel(FRIDAY, tick=False), django_capture_on_commit_callbacks(execute=True):
        response = client_for(org.admin).post(reverse("desk:calendar", args=[record.pk]), form)
    assert response.status_code == 302
    assert (5, time(10), time(14)) in hours(record)
    ticket.refresh_from_db()
    # 30 minutes on Friday, then Saturday 10:00-13:30.
    assert ticket.resolution_due == datetime(2026, 11, 28, 13, 30, tzinfo=BERLIN)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("extra", "words"),
    [
        (
            {
                "opens_0_0": "09:00",
                "closes_0_0": "17:00",
                "opens_0_1": "16:00",
                "closes_0_1": "18:00",
            },
            "overlap",
        ),
        ({"opens_0_0": "25:00", "closes_0_0": "17:00"}, "Enter a valid time"),
        ({"opens_0_0": "09:00"}, "Give both times"),
        (
            {"time_zone": "Mars/Olympus", "opens_0_0": "09:00", "closes_0_0": "17:00"},
            "not a time zone",
        ),
        (
            {"holiday_country": "XX", "opens_0_0": "09:00", "closes_0_0": "17:00"},
            "No public holidays are known",
        ),
        (
            {"holiday_subdivision": "ZZ", "opens_0_0": "09:00", "closes_0_0": "17:00"},
            "has no region",
        ),
        ({"name": "x" * 101, "opens_0_0": "09:00", "closes_0_0": "17:00"}, "at most 100"),
    ],
)
def test_a_wrong_calendar_is_refused_whole(org: Org, client_for, extra: dict[str, str],
                                           words: str) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    give_terms(org)
    record = BusinessCalendar.objects.get(name="IT office")
    before = stored(record)
    form = fields(**{"name": "IT office", **extra})
    response = client_for(org.admin).post(reverse("desk:calendar", args=[record.pk]), form)
    assert response.status_code == 400
    assert words in response.content.decode()
    assert stored(record) == before


@pytest.mark.django_db
def test_closing_days_are_added_once_and_removed(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    give_terms(org)
    record = BusinessCalendar.objects.get(name="IT office")
    admin = client_for(org.admin)
    add = reverse("desk:add_closing_day", args=[record.pk])
    assert admin.post(add, {"day": "2026-12-02", "name": "Office move"}).status_code == 302
    again = admin.post(add, {"day": "2026-12-02", "name": "Again"})
    assert again.status_code == 400 and "already a closing day" in again.content.decode()
    assert admin.post(add, {"day": "not a day", "name": "x"}).status_code == 400
    assert list(ClosingDay.objects.values_list("day", "name")) == [
        (date(2026, 12, 2), "Office move")
    ]
    remove = reverse("desk:remove_closing_day", args=[record.pk])
    assert admin.post(remove, {"day": "2026-12-02"}).status_code == 302
    assert not ClosingDay.objects.exists()
    assert admin.post(remove, {"day": "<script>"}).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["manager", "agent", "requester"])
def test_only_administrators_keep_calendars(org: Org, client_for, who: str) -> None:  # type: ignore[no-untyped-def]
    give_terms(org)
    record = BusinessCalendar.objects.get(name="IT office")
    client = client_for(getattr(org, who))
    for name, args in (("desk:calendars", []), ("desk:calendar", [record.pk])):
        assert client.get(reverse(name, args=args)).status_code in (302, 404)
    response = client.post(reverse("desk:calendar", args=[record.pk]), fields(name="Hacked"))
    assert response.status_code in (302, 404)
    add = client.post(reverse("desk:add_closing_day", args=[record.pk]),
                      {"day": "2026-12-02", "name": "x"})  # fmt: skip
    assert add.status_code in (302, 404)
    assert not BusinessCalendar.objects.filter(name="Hacked").exists()
    assert not ClosingDay.objects.exists()


@pytest.mark.django_db
def test_a_stranger_is_asked_to_sign_in(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get(reverse("desk:calendars"))
    assert response.status_code == 302 and "next=" in response["Location"]
