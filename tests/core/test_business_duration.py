"""Business time in words: hours and minutes for a short stretch, working days for a
long one (hundreds of hours say nothing), in the reader's language."""

from datetime import timedelta

import pytest
from django.utils import translation

from scotty.core.timewords import business_duration

H = timedelta(hours=1)
DAY = 8 * H


@pytest.mark.parametrize(
    ("span", "day", "words"),
    [
        (timedelta(minutes=45), DAY, "45 min"),
        (2 * H + timedelta(minutes=5), DAY, "2 h 5 min"),
        (3 * H, None, "3 h"),
        (DAY, DAY, "1 working day"),
        (DAY + 3 * H, DAY, "1 working day 3 h"),
        (2 * DAY + timedelta(minutes=30), DAY, "2 working days"),
        (858 * H, DAY, "107 working days"),
        (50 * H, None, "50 h"),
        (-H, DAY, "0 min"),
    ],
)
def test_business_time_reads_as_people_count_it(span: timedelta, day: timedelta | None,
                                                words: str) -> None:  # fmt: skip
    with translation.override("en"):
        assert business_duration(span, day) == words


def test_and_in_german() -> None:
    with translation.override("de"):
        assert business_duration(DAY + 3 * H, DAY) == "1 Arbeitstag 3 Std."
        assert business_duration(30 * DAY, DAY) == "30 Arbeitstage"
