"""The demo units' service levels and catalog. Working hours: the front desk long days,
infrastructure on call around the clock, HR and finance short Fridays, the major
incident line never closed; Berlin's public holidays and the company's own days off at
Christmas and New Year. Policies: the front line's SLA (and the major incident line's
own), second level's OLAs for their part, the other units' own SLAs."""

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
    CalendarSpec(
        "Finance office hours",
        (*_weekdays(time(8), time(17), range(4)), (4, time(8), time(14))),
        units=("FIN",),
    ),
    CalendarSpec("Travel desk hours", _weekdays(time(8), time(18)), units=("TRV",)),
    # A service's own: the major incident line answers when the desk is closed.
    CalendarSpec(
        "Major incident line (24x7)", _weekdays(time(0), time(0), range(7)), holidays=False
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
    service: str = ""  # a service's own SLA (of the unit's service of that name)


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
    PolicySpec("FIN", "sla", "Finance service",
               {1: (2, 8), 2: (4, 16), 3: (8, 40), 4: (16, 64), 5: (24, 120)},
               pause_on_third_party=True),
    PolicySpec("TRV", "sla", "Travel desk service",
               {1: (0.5, 4), 2: (1, 8), 3: (4, 16), 4: (8, 40), 5: (16, 80)}),
    # Counted around the clock (its service's calendar): an outage is answered at night.
    PolicySpec("IT", "sla", "Major incident line",
               {1: (0.25, 4), 2: (0.5, 8), 3: (1, 16), 4: (2, 24), 5: (4, 48)},
               service="Major incident line"),
)  # fmt: skip

# How each unit's new tickets find an agent (units not named: by hand).
ASSIGNMENT: dict[str, str] = {
    "FAC": "round_robin", "HR": "least_loaded", "FIN": "least_loaded", "TRV": "round_robin",
}  # fmt: skip


@dataclass(frozen=True)
class ServiceSpec:
    unit: str
    name: str
    summary: str
    who_may_ask: str = ""
    what_you_get: str = ""
    how_long: str = ""
    keywords: str = ""
    # Its audience: these departments and these sites (both empty: everyone).
    departments: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()
    calendar: str = ""  # its own calendar (one of CALENDARS): its own SLA counts in it


# The units' catalogs, written as the desks would describe them to the people they
# serve; their request types and forms are in `content.forms`.
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
                "not appear; the scanner does not send.", who_may_ask="Everyone in the office.",
                what_you_get="The device fixed "
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
    ServiceSpec("FAC", "Office furniture", "A standing desk, an office chair, a monitor arm "
                "or a footrest for your workplace.", "Every employee; special furniture "
                "with a note from occupational health.", "The furniture delivered and set "
                "up at your desk.", "Two to four weeks; stock items within a week.",
                "desk chair ergonomic standing", locations=("Berlin Head Office",
                "Munich Office", "Hamburg Distribution Centre", "Lisbon Hub")),
    ServiceSpec("IT", "Major incident line", "Many people cannot work: the network, e-mail, "
                "the ERP or the phones are down for a whole team, floor or site.",
                "Anyone; call the desk as well when a whole site is affected.",
                "An incident manager on it at once, and updates until it is fixed.",
                "Answered within 15 minutes, day and night.",
                "outage down major incident network email", calendar="Major incident line "
                "(24x7)"),
    ServiceSpec("IT", "Software installation or licence", "Software installed on your "
                "laptop, or a licence for it, from the company's software list or beyond.",
                "Every employee; paid software with the cost centre owner's approval.",
                "The software installed and licensed for you.", "Two working days; new "
                "software that needs a security review up to two weeks.",
                "install program application licence adobe visio"),
    ServiceSpec("IT", "Shared folder access", "Access to a shared drive or a folder on it, "
                "for you or a colleague.", "Every employee, with the folder owner's "
                "approval.", "Read or write access to the folder.", "One working day "
                "once the owner has approved.", "share drive folder permissions files"),
    ServiceSpec("INF", "Network and wi-fi", "No network at a desk or in a meeting room, "
                "unstable wi-fi, guest wi-fi for visitors or a network port activated.",
                "Everyone on site; guest wi-fi for the host of the visit.", "A working "
                "connection, or a date for the cabling work.", "Outages the same day; "
                "ports and guest access within two working days.",
                "wifi wireless lan cable port ethernet guest", locations=("Berlin Head "
                "Office", "Munich Office", "Hamburg Distribution Centre", "Lisbon Hub")),
    ServiceSpec("INF", "Server or virtual machine", "A new server or virtual machine for "
                "an application, a test environment or a project.", "System owners and "
                "project leads.", "The machine built, patched, backed up and monitored.",
                "Five working days; production systems after the architecture review.",
                "vm virtual machine linux windows hosting", departments=("Engineering",
                "Research", "Information Technology")),
    ServiceSpec("INF", "Firewall rule or supplier access", "A connection through the "
                "firewall: a supplier reaching one of our systems, or a system reaching "
                "out.", "System owners; the security officer approves.", "The rule in "
                "place for the time asked, reviewed every year.", "Three to five working "
                "days.", "firewall port vpn partner supplier remote access security"),
    ServiceSpec("INF", "Restore deleted files", "Files or folders deleted or overwritten "
                "on a shared drive brought back from the backup.", "Every employee, for "
                "files they could open.", "The files restored, in place or beside the "
                "current ones.", "Same day for the last 30 days; older backups two days.",
                "backup restore recover deleted overwritten"),
    ServiceSpec("APP", "Reports and dashboards", "A report or dashboard shows old or wrong "
                "numbers, is too slow, or needs a change.", "Every employee with access to "
                "the reporting platform.", "The report fixed or changed.", "Errors within "
                "two days; changes planned with you.", "bi power reporting dashboard kpi"),
    ServiceSpec("HR", "New starter (onboarding)", "A new colleague joins your team: their "
                "contract, first day, equipment and accounts.", "Hiring managers and team "
                "assistants.", "Everything ready on the first day: contract, badge, "
                "laptop and accounts.", "Tell us three weeks before the first day.",
                "onboarding joiner hire first day"),
    ServiceSpec("HR", "Change to my contract", "Working hours, part-time, a new role or "
                "location, or a sabbatical.", "Every employee, agreed with their manager.",
                "A contract amendment to sign.", "Two weeks before the change takes effect.",
                "part-time hours amendment sabbatical"),
    ServiceSpec("FIN", "Expense claim", "Getting money back for what you paid for work: "
                "travel, meals with customers, training, small purchases.", "Every "
                "employee; claims within three months of the expense.", "The amount "
                "paid with your next salary.", "Claims approved by the 20th are paid the "
                "same month.", "expenses reimbursement receipt refund travel costs"),
    ServiceSpec("FIN", "Purchase order", "Buying goods or services from a supplier: a "
                "purchase order is needed before the supplier delivers.", "Employees with "
                "a budget, or with their budget owner's approval.", "A purchase order "
                "number to give the supplier.", "Two working days; new suppliers a week.",
                "po purchasing buy order supplier procurement", departments=("Finance",
                "Operations", "Engineering", "Marketing", "Research", "Information "
                "Technology", "Facilities Management")),
    ServiceSpec("FIN", "Supplier invoice", "An invoice from a supplier that is not paid, "
                "is disputed, or has no purchase order.", "Every employee who ordered "
                "something; suppliers write to the accounts payable mailbox.",
                "The invoice paid, corrected or sent back to the supplier.", "Three "
                "working days; payment runs every Tuesday and Friday.",
                "invoice payment unpaid reminder accounts payable"),
    ServiceSpec("FIN", "Corporate card", "A company credit card, a higher limit, or help "
                "with a card that is lost, declined or charged wrongly.", "Employees who "
                "travel or buy for the company, with their manager's approval.", "A "
                "card or a fix; a lost card blocked at once.", "New cards in ten working "
                "days; blocked cards the same day.", "credit card amex visa limit "
                "declined lost"),
    ServiceSpec("FIN", "Cost centre question", "Which cost centre to book on, a booking "
                "on the wrong one, or the budget left on yours.", "Every employee; budget "
                "figures for cost centre owners.", "An answer, or the booking moved.",
                "Two working days.", "cost center budget booking controlling"),
    ServiceSpec("TRV", "Book a business trip", "Flights, trains, hotels and rental cars "
                "for a business trip, booked within the travel policy.", "Every employee, "
                "with their manager's approval for trips abroad.", "Your bookings and "
                "itinerary by e-mail, paid by the company.", "Two working days; trips "
                "abroad need a week.", "travel flight train hotel rental car trip"),
    ServiceSpec("TRV", "Visa or invitation letter", "A visa for a business trip, or an "
                "invitation letter for a visitor coming to us.", "Every employee "
                "travelling abroad, and hosts of visitors from abroad.", "The documents "
                "the embassy asks for, and help with the application.", "Invitation "
                "letters in three working days; visas take four to eight weeks.",
                "visa embassy invitation letter passport"),
    ServiceSpec("TRV", "Change or cancel a booking", "A booked trip changes: other dates, "
                "another hotel, a cancellation, or a flight cancelled by the airline.",
                "Travellers and whoever booked for them.", "The booking changed or "
                "cancelled, at the lowest fee.", "Same working day; on a trip, call the "
                "agency's 24-hour line.", "rebook cancel change flight hotel refund"),
    ServiceSpec("TRV", "Travel policy question", "What the travel policy allows: class of "
                "travel, hotel limits, per diems, combining business with a holiday.",
                "Every employee.", "A clear answer, in writing.", "Two working days.",
                "policy per diem allowance business class hotel limit"),
)  # fmt: skip
