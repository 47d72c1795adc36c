"""The SLA clock read off a history: due times, pauses, a priority raised mid-way, a
breach, the first response stopping its clock, a reopened ticket."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from scotty.catalog.clock import Stretch, read
from scotty.core.businesstime import Calendar, Opening

BERLIN = ZoneInfo("Europe/Berlin")
OFFICE = Calendar(BERLIN, tuple(Opening(d, time(9), time(17)) for d in range(5)))
H = timedelta(hours=1)
RUNNING = {"new", "open"}


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment in the week of Monday 30 November 2026 (day 0) and the next."""
    return datetime(2026, 11, 30, hour, minute, tzinfo=BERLIN) + timedelta(days=day)


def counts(status: str) -> bool:
    return status in RUNNING


def test_friday_afternoon_with_four_hours_is_due_monday_half_past_twelve() -> None:
    friday = datetime(2026, 11, 27, 16, 30, tzinfo=BERLIN)
    reading = read([Stretch(friday, "new")], calendar=OFFICE, target=4 * H, counts=counts,
                   now=friday)  # fmt: skip
    assert reading.due == datetime(2026, 11, 30, 12, 30, tzinfo=BERLIN)
    assert reading.running and reading.used == timedelta(0) and reading.left == 4 * H


def test_waiting_on_the_requester_pauses_and_the_reply_resumes_with_what_was_left() -> None:
    history = [Stretch(at(0, 9), "new"), Stretch(at(0, 10), "waiting_requester"),
               Stretch(at(0, 14), "open")]  # fmt: skip
    paused = read(history[:2], calendar=OFFICE, target=4 * H, counts=counts, now=at(0, 12))
    assert paused.due is None and not paused.running
    assert paused.used == H and paused.left == 3 * H
    resumed = read(history, calendar=OFFICE, target=4 * H, counts=counts, now=at(0, 15))
    assert resumed.due == at(0, 17)  # 1 hour before the pause, 3 after 14:00
    assert resumed.used == 2 * H
    assert [i.counted for i in resumed.intervals] == [True, False, True]
    assert [i.business for i in resumed.intervals] == [H, timedelta(0), H]


def test_a_priority_raised_mid_way_keeps_the_time_used() -> None:
    history = [Stretch(at(0, 9), "open")]
    # Two hours used at 11:00; the target drops from 16 to 4 hours: 2 left, due 13:00.
    before = read(history, calendar=OFFICE, target=16 * H, counts=counts, now=at(0, 11))
    after = read(history, calendar=OFFICE, target=4 * H, counts=counts, now=at(0, 11))
    assert before.due == at(1, 17)  # two office days
    assert after.due == at(0, 13) and after.used == 2 * H


def test_a_breach_is_due_in_the_past_and_overdue_in_business_time() -> None:
    reading = read([Stretch(at(0, 9), "open")], calendar=OFFICE, target=2 * H, counts=counts,
                   now=at(1, 10))  # fmt: skip
    assert reading.due == at(0, 11)
    assert reading.breached(at(1, 10))
    assert reading.left == -7 * H  # 6 hours on Monday after 11:00, 1 on Tuesday


def test_a_clock_paused_after_its_breach_keeps_the_moment_it_was_breached() -> None:
    history = [Stretch(at(0, 9), "open"), Stretch(at(0, 12), "waiting_requester")]
    reading = read(history, calendar=OFFICE, target=2 * H, counts=counts, now=at(0, 15))
    assert reading.due == at(0, 11) and not reading.running


def test_the_warning_falls_at_its_share_of_the_target() -> None:
    reading = read([Stretch(at(0, 9), "open")], calendar=OFFICE, target=8 * H, counts=counts,
                   now=at(0, 9), warn_share=0.75)  # fmt: skip
    assert reading.warn_at == at(0, 15)
    assert reading.due == at(0, 17)


def test_the_first_response_stops_its_clock() -> None:
    history = [Stretch(at(0, 9), "new")]
    reading = read(history, calendar=OFFICE, target=4 * H, counts=counts, now=at(1, 9),
                   stop=at(0, 10, 30))  # fmt: skip
    assert reading.used == 90 * timedelta(minutes=1)
    assert reading.due is None and not reading.running
    assert not reading.breached(at(1, 9))


def test_a_reopened_ticket_counts_on_from_where_it_stopped() -> None:
    history = [Stretch(at(0, 9), "open"), Stretch(at(0, 11), "resolved"),
               Stretch(at(1, 9), "open")]  # fmt: skip
    reading = read(history, calendar=OFFICE, target=4 * H, counts=counts, now=at(1, 10))
    assert reading.used == 3 * H
    assert reading.due == at(1, 11)


def test_no_history_before_the_stop_counts_nothing() -> None:
    reading = read([Stretch(at(0, 9), "new")], calendar=OFFICE, target=H, counts=counts,
                   now=at(0, 10), stop=at(0, 9))  # fmt: skip
    assert reading.used == timedelta(0) and reading.intervals == ()
