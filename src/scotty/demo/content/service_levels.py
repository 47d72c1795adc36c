"""The demo units' service levels. Working hours: the front desk long days,
infrastructure on call around the clock, HR short Fridays; Berlin's public holidays and
the company's own days off at Christmas and New Year. Policies: the front line's SLA,
second level's OLAs for their part, HR's and facilities' own SLAs."""

from dataclasses import dataclass
from datetime import time


@dataclass(frozen=True)
class CalendarSpec:
    name: str
    hours: tuple[tuple[int, time, time], ...]  # (weekday 0 = Monday, opens, closes)
    holidays: bool = True  # Berlin's public holidays and the company's days off
    units: tuple[str, ...] = ()  # prefixes of the units that work by it


def _weekdays(
    opens: time, closes: time, days: range = range(5)
) -> tuple[tuple[int, time, time], ...]:
    return tuple((day, opens, closes) for day in days)


TIME_ZONE = "Europe/Berlin"
HOLIDAYS = ("DE", "BE")
# Days off of the company's own, on top of the public holidays (month, day).
COMPANY_DAYS_OFF = ((12, 24, "Christmas Eve (company day off)"),
                    (12, 31, "New Year's Eve (company day off)"))  # fmt: skip

CALENDARS: tuple[CalendarSpec, ...] = (
    CalendarSpec("Service desk hours", _weekdays(time(7, 30), time(18)), units=("IT",)),
    CalendarSpec(
        "Around the clock (on call)",
        _weekdays(time(0), time(0), range(7)),
        holidays=False,
        units=("INF",),
    ),
    CalendarSpec("Office hours", _weekdays(time(8), time(17)), units=("APP", "FAC")),
    CalendarSpec(
        "HR office hours",
        (*_weekdays(time(9), time(16), range(4)), (4, time(9), time(13))),
        units=("HR",),
    ),
)


@dataclass(frozen=True)
class PolicySpec:
    unit: str  # prefix
    kind: str  # "sla" (the requester's promise) or "ola" (a unit's part)
    name: str
    # priority -> (first response, resolution) in business hours; no first response
    # for an OLA
    targets: dict[int, tuple[float | None, float]]
    pause_on_third_party: bool = False


# The front desk answers fast and resolves most things in days; second level promises
# its part; HR and facilities work at office pace.
POLICIES: tuple[PolicySpec, ...] = (
    PolicySpec("IT", "sla", "IT standard service",
               {1: (0.5, 4), 2: (1, 8), 3: (4, 24), 4: (8, 40), 5: (16, 80)}),
    PolicySpec("INF", "ola", "Infrastructure's part",
               {1: (None, 2), 2: (None, 8), 3: (None, 24), 4: (None, 48), 5: (None, 120)},
               pause_on_third_party=True),
    PolicySpec("APP", "ola", "Applications' part",
               {1: (None, 4), 2: (None, 16), 3: (None, 32), 4: (None, 64), 5: (None, 120)},
               pause_on_third_party=True),
    PolicySpec("HR", "sla", "HR service",
               {1: (2, 8), 2: (4, 16), 3: (8, 40), 4: (16, 64), 5: (24, 120)}),
    PolicySpec("FAC", "sla", "Facilities service",
               {1: (1, 4), 2: (2, 16), 3: (8, 40), 4: (16, 80), 5: (24, 160)},
               pause_on_third_party=True),
)  # fmt: skip

# How each unit's new tickets find an agent (units not named: by hand).
ASSIGNMENT: dict[str, str] = {"FAC": "round_robin", "HR": "least_loaded"}
