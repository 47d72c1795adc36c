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


@dataclass(frozen=True)
class ServiceSpec:
    unit: str
    name: str
    summary: str
    who_may_ask: str = ""
    what_you_get: str = ""
    how_long: str = ""
    keywords: str = ""
    departments: tuple[str, ...] = ()  # empty: everyone


# A first catalog per unit (request types and their forms come with the catalog's next
# part). Written as the desk would describe them to the people it serves.
SERVICES: tuple[ServiceSpec, ...] = (
    ServiceSpec("IT", "New laptop or replacement", "A laptop for a new starter, or one that "
                "replaces a broken or five-year-old machine.", "Every employee; replacements "
                "with their manager's approval.", "A configured laptop with your files "
                "moved over.", "About a week; a loan laptop the same day if yours is broken.",
                "notebook computer hardware replacement"),
    ServiceSpec("IT", "Password or account locked", "You cannot sign in, or your account is "
                "locked after too many attempts.", "Anyone with a company account.",
                "Your account unlocked and a new password set with you.", "Usually within "
                "the hour during desk hours.", "login sign in unlock reset mfa"),
    ServiceSpec("IT", "VPN and remote access", "Connecting to the company network from "
                "home or on the road.", "Every employee with a laptop.", "A working "
                "connection, or a call with us to fix it.", "Same day.",
                "remote home network connection"),
    ServiceSpec("IT", "E-mail on my phone", "Setting up company mail, calendar and contacts "
                "on your own or a company phone.", "Every employee.", "Mail on your phone, "
                "set up with you.", "One or two days.", "mobile smartphone outlook"),
    ServiceSpec("IT", "Printer or scanner problem", "A printer jams, prints badly or does "
                "not appear; the scanner does not send.", what_you_get="The device fixed "
                "or a vendor called.", how_long="One to three days.",
                keywords="print scan copier toner"),
    ServiceSpec("APP", "SAP access or role", "Access to the ERP, or a role added or removed "
                "for your work.", "Employees whose work needs it, with their manager's "
                "approval.", "The role on your account.", "Two to three working days.",
                "erp s4hana permissions authorisation", departments=("Finance",
                "Operations")),
    ServiceSpec("APP", "Salesforce account", "An account or a change of profile in the CRM.",
                "Sales and Customer Service staff.", "Your account with the right profile.",
                "Two working days.", "crm opportunity", departments=("Sales",
                "Customer Support", "Marketing")),
    ServiceSpec("HR", "Payslip question", "Something on your payslip looks wrong or you "
                "do not understand it.", "Every employee.", "An explanation, and a "
                "correction with the next payroll where needed.", "Three working days.",
                "salary pay wage deduction tax"),
    ServiceSpec("HR", "Leave and absence", "Questions about holiday, parental leave, "
                "sick notes or your leave balance.", "Every employee.", "An answer, or "
                "your leave recorded.", "Two working days.", "holiday vacation parental sick"),
    ServiceSpec("HR", "Employment certificate", "A certificate of employment for a bank, a "
                "landlord or an authority.", "Every employee.", "A signed certificate as "
                "PDF.", "Five working days.", "letter confirmation"),
    ServiceSpec("FAC", "Something broken in the building", "Heating, lights, doors, "
                "blinds, the coffee machine: anything broken in the building.",
                "Everyone on site.", "It fixed, or a contractor booked.", "Urgent things "
                "the same day, the rest within a week.", "repair heating light door"),
    ServiceSpec("FAC", "Desk or room move", "Moving your desk, or a team moving to another "
                "floor.", "Team leads for team moves; anyone for their own desk.", "The move "
                "planned and done, furniture and network included.", "Two weeks' notice.",
                "office relocation furniture"),
    ServiceSpec("FAC", "Access badge", "A new or lost badge, or access to another area.",
                "Every employee; other areas with the area owner's approval.", "A working "
                "badge.", "One working day.", "card door access key"),
)  # fmt: skip
