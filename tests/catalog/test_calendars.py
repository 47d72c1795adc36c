"""Business calendars as stored and edited: the rows an administrator keeps, counted with
as core.businesstime counts (public holidays by country and region, own closing days),
and edits that are refused whole when they would count a minute twice."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from scotty.catalog import calendars, services
from scotty.catalog.models import BusinessCalendar, ClosingDay, OpeningHours, UnitCalendar
from scotty.core.businesstime import add, elapsed, is_open
from scotty.core.testing import Org

BERLIN = ZoneInfo("Europe/Berlin")
H = timedelta(hours=1)
WEEKDAYS_9_TO_17 = [(day, time(9), time(17)) for day in range(5)]


def stored(name: str = "Berlin office", region: str = "BE") -> BusinessCalendar:
    record = BusinessCalendar.objects.create(
        name=name, time_zone="Europe/Berlin", holiday_country="DE", holiday_subdivision=region
    )
    services.set_opening_hours(record, WEEKDAYS_9_TO_17)
    return record


def at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=BERLIN)  # type: ignore[misc]


@pytest.mark.django_db
def test_public_holidays_of_the_country_and_region_are_closed() -> None:
    berlin = calendars.calendar_of(stored())
    munich = calendars.calendar_of(stored("Munich office", region="BY"))
    # Christmas Eve is a working day in Germany; the 25th and 26th are holidays, then
    # comes the weekend: one hour on the 24th, two on Monday the 28th.
    assert add(berlin, at(2026, 12, 24, 16, 0), 3 * H) == at(2026, 12, 28, 11, 0)
    # International Women's Day (8 March) is a holiday in Berlin, not in Bavaria.
    monday = at(2027, 3, 8, 9, 0)
    assert not is_open(berlin, monday)
    assert is_open(munich, monday)
    assert berlin.closed_days.name_of(date(2027, 3, 8))  # type: ignore[attr-defined]


@pytest.mark.django_db
def test_a_units_own_closing_day_is_closed_and_named() -> None:
    record = stored()
    services.add_closing_day(record, date(2026, 12, 2), "Office move")
    calendar = calendars.calendar_of(record)
    assert elapsed(calendar, at(2026, 12, 2, 0, 0), at(2026, 12, 3, 0, 0)) == timedelta(0)
    assert calendar.closed_days.name_of(date(2026, 12, 2)) == "Office move"  # type: ignore[attr-defined]
    assert calendar.closed_days.name_of(date(2026, 12, 3)) == ""  # type: ignore[attr-defined]


@pytest.mark.django_db
def test_a_unit_counts_in_its_calendar_and_without_one_around_the_clock(org: Org) -> None:
    start = at(2026, 12, 4, 16, 0).astimezone(UTC)  # a Friday
    assert add(calendars.unit_calendar(org.it.pk), start, 3 * H) == start + 3 * H
    UnitCalendar.objects.create(unit=org.it, calendar=stored())
    assert add(calendars.unit_calendar(org.it.pk), start, 3 * H) == at(2026, 12, 7, 11, 0)


@pytest.mark.django_db
def test_edited_hours_are_counted_at_once(org: Org) -> None:
    record = stored()
    UnitCalendar.objects.create(unit=org.it, calendar=record)
    saturday = at(2026, 12, 5, 10, 0)
    assert not is_open(calendars.unit_calendar(org.it.pk), saturday)
    services.set_opening_hours(record, [*WEEKDAYS_9_TO_17, (5, time(9), time(13))])
    assert is_open(calendars.unit_calendar(org.it.pk), saturday)
    services.add_closing_day(record, date(2026, 12, 5), "Team day")
    assert not is_open(calendars.unit_calendar(org.it.pk), saturday)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("hours", "code"),
    [
        ([(0, time(9), time(17)), (0, time(12), time(18))], "overlap"),
        ([(6, time(22), time(10)), (0, time(9), time(17))], "overlap"),
        ([], "no_hours"),
    ],
)
def test_hours_that_overlap_or_are_none_are_refused_and_change_nothing(
    hours: list[tuple[int, time, time]], code: str
) -> None:
    record = stored()
    before = list(OpeningHours.objects.filter(calendar=record).values_list("weekday", "opens"))
    with pytest.raises(ValidationError) as refused:
        services.set_opening_hours(record, hours)
    assert refused.value.code == code
    changed = record.changed_at
    after = list(OpeningHours.objects.filter(calendar=record).values_list("weekday", "opens"))
    assert after == before
    record.refresh_from_db()
    assert record.changed_at == changed  # the refusal marked nothing changed


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"time_zone": "Mars/Olympus"}, "time_zone", "not a time zone"),
        ({"time_zone": "Europe/Berlin'; DROP TABLE x; --"}, "time_zone", "not a time zone"),
        ({"time_zone": "Europe/Berlin", "holiday_country": "XX"}, "holiday_country", "XX"),
        (
            {"time_zone": "Europe/Berlin", "holiday_country": "DE", "holiday_subdivision": "ZZ"},
            "holiday_subdivision",
            "no region",
        ),
        (
            {"time_zone": "Europe/Berlin", "holiday_subdivision": "BE"},
            "holiday_subdivision",
            "needs a country",
        ),
        ({"time_zone": "Europe/Berlin", "name": "x" * 101}, "name", "at most 100"),
    ],
)
def test_a_bad_calendar_is_refused_with_a_clear_error(
    fields: dict[str, str], field: str, words: str
) -> None:
    record = BusinessCalendar(**{"name": "Desk", **fields})
    with pytest.raises(ValidationError) as refused:
        services.set_opening_hours(record, WEEKDAYS_9_TO_17)
    assert words in " ".join(refused.value.message_dict[field])
    assert not BusinessCalendar.objects.exists()
    assert not OpeningHours.objects.exists()


@pytest.mark.django_db
def test_a_country_code_in_lower_case_is_taken() -> None:
    record = BusinessCalendar(name="Lisbon", time_zone="Europe/Lisbon", holiday_country="pt")
    services.set_opening_hours(record, WEEKDAYS_9_TO_17)
    record.refresh_from_db()
    assert record.holiday_country == "PT"
    # 10 June, Portugal Day, a Thursday in 2027.
    assert not is_open(calendars.calendar_of(record), datetime(2027, 6, 10, 12, tzinfo=UTC))


@pytest.mark.django_db
def test_a_closing_day_twice_or_nameless_or_oversized_is_refused() -> None:
    record = stored()
    services.add_closing_day(record, date(2026, 12, 2), "Office move")
    for day, name in ((date(2026, 12, 2), "Again"), (date(2026, 12, 3), "  "),
                      (date(2026, 12, 4), "x" * 101)):  # fmt: skip
        with pytest.raises(ValidationError):
            services.add_closing_day(record, day, name)
    assert list(ClosingDay.objects.values_list("name", flat=True)) == ["Office move"]


@pytest.mark.django_db
def test_overlapping_hours_are_refused_in_the_admin_too(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    admin = client_for(org.admin)
    form = {
        "name": "Night desk", "time_zone": "Europe/Berlin", "holiday_country": "",
        "holiday_subdivision": "",
        "hours-TOTAL_FORMS": "2", "hours-INITIAL_FORMS": "0",
        "hours-0-weekday": "0", "hours-0-opens": "09:00", "hours-0-closes": "17:00",
        "hours-1-weekday": "0", "hours-1-opens": "16:00", "hours-1-closes": "18:00",
        "closing_days-TOTAL_FORMS": "0", "closing_days-INITIAL_FORMS": "0",
    }  # fmt: skip
    response = admin.post("/admin/catalog/businesscalendar/add/", form)
    assert response.status_code == 200
    assert "overlap" in response.content.decode()
    assert not BusinessCalendar.objects.exists()
    form["hours-1-opens"] = "17:00"
    response = admin.post("/admin/catalog/businesscalendar/add/", form)
    assert response.status_code == 302, response.content.decode()[-3000:]
    calendar = calendars.calendar_of(BusinessCalendar.objects.get())
    assert elapsed(calendar, at(2026, 11, 30, 0, 0), at(2026, 12, 1, 0, 0)) == 9 * H


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["requester", "agent", "manager"])
def test_only_administrators_reach_the_calendars_in_the_admin(org: Org, client_for, who: str
                                                             ) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    response = client_for(getattr(org, who)).get("/admin/catalog/businesscalendar/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
