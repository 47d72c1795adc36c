"""Business time: the arithmetic every SLA, follow-up date and report counts with.

Scenario tests first (the cases a desk checks by hand), then properties that hold for
any calendar hypothesis can build: adding then measuring gives the duration back, a due
time falls within opening hours, later starts and longer durations are never due
earlier; across both DST changes, holidays, overnight hours, a calendar open one hour a
week, and 24x7.
"""

import itertools
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scotty.core.businesstime import (
    Calendar,
    NeverOpen,
    Opening,
    add,
    elapsed,
    intervals,
    is_open,
    next_open,
)

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
H = timedelta(hours=1)


def office(zone: ZoneInfo = BERLIN, closed: frozenset[date] = frozenset(),
           opens: time = time(9), closes: time = time(17)) -> Calendar:  # fmt: skip
    """Monday to Friday, 9 to 17 (by default)."""
    return Calendar(zone, tuple(Opening(day, opens, closes) for day in range(5)), closed)


def at(zone: ZoneInfo, *parts: int) -> datetime:
    return datetime(*parts, tzinfo=zone)  # type: ignore[misc]


# --- what a desk checks by hand ----------------------------------------------------


def test_friday_afternoon_plus_four_hours_is_monday_half_past_twelve() -> None:
    friday = at(BERLIN, 2026, 11, 27, 16, 30)
    assert add(office(), friday, 4 * H) == at(BERLIN, 2026, 11, 30, 12, 30)


def test_a_request_made_at_night_starts_counting_when_the_desk_opens() -> None:
    tuesday_night = at(BERLIN, 2026, 12, 1, 23, 0)
    assert add(office(), tuesday_night, 2 * H) == at(BERLIN, 2026, 12, 2, 11, 0)
    assert elapsed(office(), tuesday_night, at(BERLIN, 2026, 12, 2, 11, 0)) == 2 * H


def test_due_at_closing_time_is_due_that_evening_not_the_next_morning() -> None:
    monday = at(BERLIN, 2026, 11, 30, 9, 0)
    assert add(office(), monday, 8 * H) == at(BERLIN, 2026, 11, 30, 17, 0)


def test_a_holiday_is_skipped() -> None:
    christmas = frozenset({date(2026, 12, 24), date(2026, 12, 25)})
    wednesday = at(BERLIN, 2026, 12, 23, 16, 0)
    # One hour on the 23rd, the 24th and 25th closed, the weekend, then Monday the 28th.
    assert add(office(closed=christmas), wednesday, 3 * H) == at(BERLIN, 2026, 12, 28, 11, 0)


def test_the_spring_night_is_an_hour_shorter_for_a_night_shift() -> None:
    # Clocks go forward in Berlin on Sunday 29 March 2026, 02:00 -> 03:00.
    nights = Calendar(BERLIN, tuple(Opening(day, time(22), time(6)) for day in range(7)))
    saturday = at(BERLIN, 2026, 3, 28, 22, 0)
    assert elapsed(nights, saturday, at(BERLIN, 2026, 3, 29, 6, 0)) == 7 * H
    assert add(nights, saturday, 7 * H) == at(BERLIN, 2026, 3, 29, 6, 0)


def test_the_autumn_night_is_an_hour_longer_for_a_night_shift() -> None:
    # Clocks go back on Sunday 25 October 2026, 03:00 -> 02:00.
    nights = Calendar(BERLIN, tuple(Opening(day, time(22), time(6)) for day in range(7)))
    saturday = at(BERLIN, 2026, 10, 24, 22, 0)
    assert elapsed(nights, saturday, at(BERLIN, 2026, 10, 25, 6, 0)) == 9 * H


def test_an_office_day_lasts_eight_hours_on_either_dst_sunday_and_monday() -> None:
    # New York moves on Sundays at 02:00; an office day is never shortened.
    every_day = Calendar(NEW_YORK, tuple(Opening(d, time(9), time(17)) for d in range(7)))
    for day in (date(2026, 3, 8), date(2026, 3, 9), date(2026, 11, 1), date(2026, 11, 2)):
        start = datetime.combine(day, time(0), tzinfo=NEW_YORK)
        assert elapsed(every_day, start, start + 24 * H) == 8 * H


def test_an_opening_in_the_skipped_hour_starts_after_the_gap() -> None:
    early = Calendar(BERLIN, (Opening(6, time(2, 30), time(4)),))  # Sundays 02:30-04:00
    sunday = at(BERLIN, 2026, 3, 29, 0, 0)
    start, end = next(intervals(early, sunday))
    assert start == at(BERLIN, 2026, 3, 29, 3, 30)  # 02:30 does not exist that night
    assert end == at(BERLIN, 2026, 3, 29, 4, 0)


def test_a_night_shift_that_starts_on_a_holiday_is_cancelled_not_the_one_ending_on_it() -> None:
    nights = Calendar(BERLIN, tuple(Opening(day, time(22), time(6)) for day in range(7)),
                      frozenset({date(2026, 12, 25)}))  # fmt: skip
    eve = at(BERLIN, 2026, 12, 24, 22, 0)
    # The shift of the 24th runs into the 25th; the 25th's shift is cancelled.
    assert elapsed(nights, eve, at(BERLIN, 2026, 12, 26, 22, 0)) == 8 * H


def test_around_the_clock_is_plain_elapsed_time_except_on_closed_days() -> None:
    always = Calendar.around_the_clock(BERLIN)
    start = at(BERLIN, 2026, 3, 28, 12, 0).astimezone(UTC)  # UTC: + counts real hours
    assert add(always, start, 48 * H) == start + 48 * H
    closed = Calendar.around_the_clock(BERLIN, frozenset({date(2026, 3, 29)}))
    # The 29th is 23 hours long (DST); closed, it adds 23 hours to the due time.
    assert add(closed, start, 24 * H) == start + 47 * H


def test_open_one_hour_a_week() -> None:
    weekly = Calendar(BERLIN, (Opening(2, time(10), time(11)),))  # Wednesdays 10-11
    start = at(BERLIN, 2026, 12, 1, 9, 0)  # a Tuesday
    assert add(weekly, start, 3 * H) == at(BERLIN, 2026, 12, 16, 11, 0)
    assert elapsed(weekly, start, at(BERLIN, 2027, 1, 1, 0, 0)) == 5 * H


def test_is_open_and_next_open() -> None:
    calendar = office()
    assert is_open(calendar, at(BERLIN, 2026, 12, 1, 9, 0))  # the first minute counts
    assert not is_open(calendar, at(BERLIN, 2026, 12, 1, 17, 0))  # the close does not
    assert not is_open(calendar, at(BERLIN, 2026, 12, 5, 12, 0))  # a Saturday
    assert next_open(calendar, at(BERLIN, 2026, 12, 5, 12, 0)) == at(BERLIN, 2026, 12, 7, 9)
    noon = at(BERLIN, 2026, 12, 1, 12, 0)
    assert next_open(calendar, noon) == noon


def test_nothing_elapses_backwards_or_in_an_instant() -> None:
    noon = at(BERLIN, 2026, 12, 1, 12, 0)
    assert elapsed(office(), noon, noon - H) == timedelta(0)
    assert add(office(), noon, timedelta(0)) == noon
    with pytest.raises(ValueError, match="forward"):
        add(office(), noon, -H)


@pytest.mark.parametrize(
    ("openings", "message"),
    [
        ((), "at least one opening"),
        ((Opening(0, time(9), time(17)), Opening(0, time(16), time(18))), "overlap"),
        ((Opening(6, time(22), time(8)), Opening(0, time(7), time(9))), "overlap"),
        ((Opening(0, time(9), time(17)),) * 2, "overlap"),
    ],
)
def test_a_calendar_that_would_count_twice_or_never_is_refused(
    openings: tuple[Opening, ...], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        Calendar(BERLIN, openings)


def test_bad_openings_are_refused() -> None:
    with pytest.raises(ValueError, match="weekday"):
        Opening(7, time(9), time(17))
    with pytest.raises(ValueError, match="wall-clock"):
        Opening(0, time(9, tzinfo=UTC), time(17))


def test_a_calendar_closed_for_good_says_so_instead_of_searching_forever() -> None:
    class EveryDay:
        def __contains__(self, day: object) -> bool:
            return True

    shut = Calendar(BERLIN, (Opening(0, time(9), time(17)),), EveryDay())
    with pytest.raises(NeverOpen):
        add(shut, at(BERLIN, 2026, 12, 1, 9, 0), H)


# --- properties --------------------------------------------------------------------

ZONE_NAMES = ("Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "UTC")
ZONES = [ZoneInfo(name) for name in ZONE_NAMES]


@st.composite
def calendars(draw: st.DrawFn) -> Calendar:
    """Any calendar: 24x7, office days, overnight shifts, one hour a week, with holidays."""
    zone = draw(st.sampled_from(ZONES))
    closed = frozenset(draw(st.lists(
        st.dates(date(2025, 12, 1), date(2027, 12, 31)), max_size=30)))  # fmt: skip
    shape = draw(st.sampled_from(["24x7", "weekly", "overnight", "one hour", "any"]))
    if shape == "24x7":
        return Calendar.around_the_clock(zone, closed)
    if shape == "one hour":
        day, hour = draw(st.integers(0, 6)), draw(st.integers(0, 23))
        return Calendar(zone, (Opening(day, time(hour), time((hour + 1) % 24)),), closed)
    if shape == "overnight":
        opens, closes = draw(st.integers(18, 23)), draw(st.integers(1, 8))
        days = draw(st.sets(st.integers(0, 6), min_size=1))
        return Calendar(zone, tuple(Opening(d, time(opens), time(closes)) for d in days), closed)
    if shape == "weekly":
        opens = draw(st.integers(0, 12))
        closes = draw(st.integers(opens + 1, 23))
        days = draw(st.sets(st.integers(0, 6), min_size=1))
        return Calendar(zone, tuple(Opening(d, time(opens), time(closes)) for d in days), closed)
    # Any: per day up to two openings on the quarter hour that do not overlap.
    openings = []
    for day in range(7):
        marks = sorted(draw(st.sets(st.integers(0, 95), max_size=4)))
        for first, second in zip(marks[::2], marks[1::2], strict=False):
            openings.append(Opening(day, _quarter(first), _quarter(second)))
    if not openings:
        openings.append(Opening(draw(st.integers(0, 6)), time(9), time(10)))
    return Calendar(zone, tuple(openings), closed)


def _quarter(n: int) -> time:
    return time(n // 4, (n % 4) * 15)


# Instants around both DST changes of 2026 and 2027 in every zone drawn, and in between.
instants = st.datetimes(datetime(2026, 1, 1), datetime(2027, 6, 30), timezones=st.just(UTC))
durations = st.timedeltas(timedelta(0), timedelta(days=40)).map(
    lambda d: timedelta(seconds=int(d.total_seconds()) // 60 * 60)  # whole minutes
)
COMMON = settings(max_examples=150, deadline=None)


@COMMON
@given(calendars(), instants, durations)
def test_adding_then_measuring_gives_the_duration_back(
    calendar: Calendar, start: datetime, duration: timedelta
) -> None:
    due = add(calendar, start, duration)
    assert elapsed(calendar, start, due) == duration


@COMMON
@given(calendars(), instants, durations.filter(lambda d: d > timedelta(0)))
def test_a_due_time_falls_within_opening_hours(
    calendar: Calendar, start: datetime, duration: timedelta
) -> None:
    due = add(calendar, start, duration)
    # Open just before it (it may be the close itself, which is not open).
    assert is_open(calendar, due - timedelta(microseconds=1))
    assert due > start


@COMMON
@given(calendars(), instants, durations, durations)
def test_a_longer_duration_is_never_due_earlier(
    calendar: Calendar, start: datetime, first: timedelta, second: timedelta
) -> None:
    shorter, longer = sorted((first, second))
    assert add(calendar, start, shorter) <= add(calendar, start, longer)


@COMMON
@given(calendars(), instants, instants, durations)
def test_a_later_start_is_never_due_earlier(
    calendar: Calendar, first: datetime, second: datetime, duration: timedelta
) -> None:
    earlier, later = sorted((first, second))
    assert add(calendar, earlier, duration) <= add(calendar, later, duration)


@COMMON
@given(calendars(), instants, instants, instants)
def test_business_time_adds_up_over_consecutive_spans(
    calendar: Calendar, a: datetime, b: datetime, c: datetime
) -> None:
    first, middle, last = sorted((a, b, c))
    whole = elapsed(calendar, first, last)
    assert whole == elapsed(calendar, first, middle) + elapsed(calendar, middle, last)
    assert timedelta(0) <= whole <= last - first


@COMMON
@given(calendars(), instants)
def test_next_open_is_open_and_nothing_opens_before_it(calendar: Calendar, moment: datetime
                                                      ) -> None:  # fmt: skip
    opening = next_open(calendar, moment)
    assert opening >= moment
    assert is_open(calendar, opening)
    assert elapsed(calendar, moment, opening) == timedelta(0)


@COMMON
@given(calendars(), instants)
def test_intervals_are_in_order_and_never_overlap(calendar: Calendar, moment: datetime) -> None:
    found = []
    for interval in intervals(calendar, moment):
        found.append(interval)
        if len(found) == 20:
            break
    assert found[0][0] >= moment
    for (start, end), (next_start, _) in itertools.pairwise(found):
        assert start < end <= next_start


def _elapsed_by_intervals(calendar: Calendar, start: datetime, end: datetime) -> timedelta:
    """Business time as the plain sum over `intervals` (what `elapsed` must equal)."""
    total = timedelta(0)
    if end <= start:
        return total
    for opened, closes in intervals(calendar, start):
        if opened >= end:
            return total
        total += min(closes, end) - opened
    return total  # pragma: no cover


@COMMON
@given(calendars(), instants, st.timedeltas(timedelta(0), timedelta(days=200)))
def test_elapsed_day_by_day_is_the_sum_over_the_intervals(
    calendar: Calendar, start: datetime, span: timedelta
) -> None:
    assert elapsed(calendar, start, start + span) == _elapsed_by_intervals(
        calendar, start, start + span
    )
