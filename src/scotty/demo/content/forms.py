"""The demo catalog's request types: how people ask for each service ("something is
broken", "I need something"), the form each asks, where its tickets go, and how the demo
tickets filed through it answer.

Questions are the catalog's own `Question`s, so the demo saves them through
`catalog.offering.save_form` and its rules. A demo ticket whose case is named in
`cases` is filed through the request type (from the portal), its answers drawn from
`samples` (texts may use the ticket's slots, see `content.Case`) or, where none are
given, from the question's options; a case's own answers come first, so a ticket about
a broken screen says "Broken screen". Attachments are never answered by the demo.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from scotty.catalog.models import FieldKind, RequestKind
from scotty.catalog.offering import Question
from scotty.demo.content.people import LOCATIONS

INCIDENT, REQUEST = RequestKind.INCIDENT, RequestKind.REQUEST
SITES = tuple(name for name in LOCATIONS if name != "Remote")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip


@dataclass(frozen=True)
class Days:
    """A date answer this many days from the day of filing (negative: before it), or
    from an earlier date answer (`after` its key)."""

    low: int
    high: int
    after: str = ""


Sample = tuple[str, ...] | Days
Answers = Mapping[str, str | tuple[str, ...]]


@dataclass(frozen=True)
class RequestTypeSpec:
    unit: str  # prefix of the service's unit
    service: str
    kind: str
    questions: tuple[Question, ...]
    impact: str = ""
    urgency: str = ""
    tags: str = ""
    receiving_unit: str = ""  # prefix; empty: the service's unit
    group: str = ""  # an agent group of the receiving unit
    samples: Mapping[str, Sample] = field(default_factory=lambda: MappingProxyType({}))
    # Case key -> the answers its tickets give (before the samples).
    cases: Mapping[str, Answers] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class GroupSpec:
    unit: str
    name: str
    members: tuple[str, ...]  # full names of staff of the unit
    rule: str = ""  # its own assignment rule; empty: the unit's


GROUPS: tuple[GroupSpec, ...] = (
    GroupSpec("IT", "Desktop support", ("Mehmet Yılmaz", "Lukas Schmidt", "Sofia Rossi"),  # noqa: RUF001
              rule="round_robin"),
    GroupSpec("INF", "Network", ("Tobias Krüger", "Samuel Okafor")),
    GroupSpec("INF", "Servers and storage", ("Priya Nair", "Olga Ivanova", "Samuel Okafor")),
    GroupSpec("HR", "Payroll", ("Ben Thompson", "Fatima El Amrani")),
    GroupSpec("FIN", "Accounts payable", ("Marco Bianchi", "Jakob Lindner")),
)  # fmt: skip


def _ask(kind: str, key: str, label: str, *, required: bool = False, help: str = "",
         when: tuple[str, str] = ("", ""), internal: bool = False,
         **limits: Any) -> Question:  # fmt: skip
    return Question(key=key, label=label, kind=kind, required=required, help_text=help,
                    shown_when=when[0], shown_value=when[1], shown_to_requester=not internal,
                    **limits)  # fmt: skip


def short(key: str, label: str, **options: Any) -> Question:
    return _ask(FieldKind.SHORT_TEXT, key, label, **options)


def long(key: str, label: str, **options: Any) -> Question:
    return _ask(FieldKind.LONG_TEXT, key, label, **options)


def number(key: str, label: str, low: str | None = None, high: str | None = None,
           **options: Any) -> Question:  # fmt: skip
    return _ask(FieldKind.NUMBER, key, label, min_value=Decimal(low) if low else None,
                max_value=Decimal(high) if high else None, **options)  # fmt: skip


def day(key: str, label: str, **options: Any) -> Question:
    return _ask(FieldKind.DATE, key, label, **options)


def one(key: str, label: str, choices: tuple[str, ...], **options: Any) -> Question:
    return _ask(FieldKind.CHOICE, key, label, choices=list(choices), **options)


def many(key: str, label: str, choices: tuple[str, ...], **options: Any) -> Question:
    return _ask(FieldKind.MULTIPLE_CHOICE, key, label, choices=list(choices), **options)


def yes_no(key: str, label: str, **options: Any) -> Question:
    return _ask(FieldKind.YES_NO, key, label, **options)


def person(key: str, label: str, **options: Any) -> Question:
    return _ask(FieldKind.PERSON, key, label, **options)


def attachment(key: str, label: str, **options: Any) -> Question:
    return _ask(FieldKind.ATTACHMENT, key, label, **options)


def _samples(**values: Sample) -> Mapping[str, Sample]:
    return MappingProxyType(values)


def _cases(**answers: Answers) -> Mapping[str, Answers]:
    # Case keys have dashes: written with underscores here.
    return MappingProxyType({key.replace("_", "-"): a for key, a in answers.items()})


_FOR_WHOM = "Their e-mail address; leave it empty if it is for you."
_COST_CENTRE = short("cost_centre", "Cost centre", required=True, max_length=10,
                     help="Four digits, e.g. 4100; your manager knows it.")  # fmt: skip
_COST_CENTRES = ("4100", "4230", "5100", "6120", "7300")
_ASSET_HELP = "On the sticker under the laptop, e.g. NB-20417."
_SCREENSHOT = attachment("screenshot", "A screenshot of the error")

IT_FORMS: tuple[RequestTypeSpec, ...] = (
    RequestTypeSpec(
        "IT", "New laptop or replacement", REQUEST, tags="laptop hardware",
        impact="low", urgency="low", group="Desktop support",
        questions=(
            one("reason", "Why do you need a laptop?", ("New starter",
                "Replacement: broken or lost", "Replacement: five years or older",
                "Second device for a project"), required=True),
            short("old_asset", "Asset tag of the old laptop", help=_ASSET_HELP,
                  when=("reason", "Replacement: broken or lost"), max_length=20),
            person("for_whom", "Who will use it?", help=_FOR_WHOM),
            day("needed_by", "Needed by", required=True,
                help="For a new starter: their first day."),
            one("model", "Which model?", ("ThinkPad T14 (standard)",
                "MacBook Air (design and engineering)", "Dell Precision (CAD, data science)"),
                required=True, help="The standard laptop suits most work."),
            long("workload", "Which applications need the workstation?", required=True,
                 when=("model", "Dell Precision (CAD, data science)")),
            one("keyboard", "Keyboard layout", ("German (QWERTZ)", "English (UK)",
                "English (US)", "Portuguese"), required=True),
            yes_no("docking", "Do you need a docking station?", required=True),
            one("monitor", "Which monitor size?", ("24 inch", "27 inch", "Two 24-inch monitors",
                "No monitor, only the dock"), when=("docking", "yes"), required=True),
            many("accessories", "Anything else?", ("Headset", "Mouse and keyboard",
                 "Laptop bag", "Privacy filter")),
            person("approver", "Approving manager", required=True, internal=True,
                   help="Replacements and other models need their approval; we ask them."),
        ),
        samples=_samples(old_asset=("NB-18560", "NB-17002", "NB-16431"),
                         needed_by=Days(5, 21),
                         workload=("SolidWorks and ANSYS simulations",
                                   "Training machine-learning models on local data")),
    ),
    RequestTypeSpec(
        "IT", "New laptop or replacement", INCIDENT, tags="laptop hardware",
        urgency="medium", group="Desktop support",
        questions=(
            one("problem", "What is wrong?", ("It does not start", "Broken screen", "Battery",
                "Very slow", "Docking station or monitors", "Keyboard or touchpad",
                "Something else"), required=True),
            short("asset", "Asset tag", required=True, max_length=20, help=_ASSET_HELP),
            one("model", "Which laptop?", ("ThinkPad T14", "Dell Latitude 5440", "MacBook Air",
                "HP EliteBook 840", "I do not know")),
            day("since", "Since when?"),
            yes_no("can_work", "Can you work at all?", required=True,
                   help="If not, we bring you a loan laptop today."),
            one("loaner_site", "Where should we bring the loan laptop?", SITES,
                when=("can_work", "no"), required=True),
            attachment("photo", "A photo of the damage or the error"),
        ),
        samples=_samples(asset=("{asset}",), model=("{laptop}",), since=Days(-6, 0),
                         loaner_site=("{site}",)),
        cases=_cases(
            laptop_start={"problem": "It does not start", "can_work": "no"},
            laptop_slow={"problem": "Very slow", "can_work": "yes"},
            laptop_screen={"problem": "Broken screen"},
            laptop_battery={"problem": "Battery"},
            laptop_dock={"problem": "Docking station or monitors", "can_work": "yes"},
        ),
    ),
    RequestTypeSpec(
        "IT", "Password or account locked", INCIDENT, tags="account password",
        urgency="high",
        questions=(
            one("account", "Which sign-in?", ("Windows (laptop)", "E-mail and Microsoft 365",
                "VPN", "SAP", "Salesforce", "Something else"), required=True),
            yes_no("locked_out", "Are you locked out completely?", required=True,
                   help="Then we call you: a new password is never sent by e-mail."),
            short("callback", "A phone number we can call you on", required=True,
                  when=("locked_out", "yes")),
            yes_no("mfa", "Does it ask for an MFA code you cannot give?"),
            day("last_worked", "When did it last work?"),
        ),
        samples=_samples(callback=("{phone}",), last_worked=Days(-3, 0)),
        cases=_cases(
            password_reset={"account": "E-mail and Microsoft 365", "locked_out": "yes"},
            password_locked={"locked_out": "yes"},
            password_windows={"account": "Windows (laptop)", "locked_out": "yes"},
        ),
    ),
    RequestTypeSpec(
        "IT", "VPN and remote access", INCIDENT, tags="vpn remote-work", urgency="medium",
        questions=(
            one("where", "Where are you connecting from?", ("Home", "Hotel or public wi-fi",
                "Customer site", "Mobile hotspot"), required=True),
            one("what", "What happens?", ("It does not connect", "It connects but drops",
                "It is very slow", "Certificate error"), required=True),
            short("error", "The error message, word for word"),
            day("since", "Since when?"),
            yes_no("hotspot", "Does it work over your phone's hotspot?",
                   help="That tells us whether your own network is involved."),
            _SCREENSHOT,
        ),
        samples=_samples(since=Days(-5, 0)),
        cases=_cases(
            vpn_drops={"what": "It connects but drops"},
            vpn_connect={"what": "It does not connect", "error": "{error}"},
            vpn_certificate={"what": "Certificate error"},
            vpn_slow={"what": "It is very slow"},
        ),
    ),
    RequestTypeSpec(
        "IT", "VPN and remote access", REQUEST, tags="vpn access",
        questions=(
            short("external", "The external's full name", required=True),
            short("company", "Their company", required=True),
            person("sponsor", "Who is responsible for them here?", required=True),
            many("systems", "What do they need to reach?", ("Shared drives", "SAP",
                 "Salesforce", "Intranet", "A test system"), required=True),
            day("until", "Access until", required=True,
                help="At most a year; we remind the sponsor before it ends."),
            yes_no("nda", "Has their company signed our non-disclosure agreement?",
                   required=True),
        ),
        samples=_samples(external=("Lars Eriksson", "Chloé Martin"),
                         company=("Nordwind Logistik", "Brightline Retail"),
                         until=Days(30, 180)),
    ),
    RequestTypeSpec(
        "IT", "E-mail on my phone", REQUEST, tags="email mobile",
        questions=(
            one("owner", "Whose phone is it?", ("A company phone", "My own phone"),
                required=True),
            short("model", "Which phone?", required=True, help="For example iPhone 15."),
            yes_no("company_portal", "Is the Company Portal app installed?",
                   help="Own phones need it for company mail; it manages only the work apps."),
            yes_no("appointment", "Would you like us to set it up with you at the desk?"),
            day("visit", "Which day suits you?", when=("appointment", "yes"), required=True),
        ),
        samples=_samples(model=("{phone_model}",), visit=Days(1, 7)),
        cases=_cases(mail_new_phone={}),
    ),
    RequestTypeSpec(
        "IT", "E-mail on my phone", INCIDENT, tags="email mobile",
        questions=(
            one("what", "What happens?", ("Mail no longer syncs",
                "It keeps asking for my password", "Calendar or contacts are missing",
                "Something else"), required=True),
            short("model", "Which phone?"),
            day("since", "Since when?"),
        ),
        samples=_samples(model=("{phone_model}",), since=Days(-4, 0)),
        cases=_cases(
            mail_sync={"what": "Mail no longer syncs"},
            mail_password_prompts={"what": "It keeps asking for my password"},
        ),
    ),
    RequestTypeSpec(
        "IT", "Printer or scanner problem", INCIDENT, tags="printer", group="Desktop support",
        questions=(
            short("device", "Printer name", required=True, max_length=30,
                  help="On the label on the front, e.g. PRN-B2-01."),
            one("problem", "What is wrong?", ("Paper jam", "It prints badly",
                "Jobs do not come out", "Scan to e-mail does not arrive",
                "Toner or supplies"), required=True),
            number("floor", "Floor", "0", "12"),
            yes_no("error_shown", "Does the display show an error code?"),
            short("error_code", "The error code", when=("error_shown", "yes")),
        ),
        samples=_samples(device=("{printer}",), floor=("{floor}",),
                         error_code=("E-301", "C-2557", "J-14", "49.4C02")),
        cases=_cases(
            printer_jam={"problem": "Paper jam"},
            printer_queue={"problem": "Jobs do not come out"},
            printer_scan={"problem": "Scan to e-mail does not arrive"},
            printer_toner={"problem": "Toner or supplies"},
        ),
    ),
    RequestTypeSpec(
        "IT", "Major incident line", INCIDENT, tags="major-incident outage",
        impact="high", urgency="high",
        questions=(
            one("affected", "What is down?", ("Network or wi-fi", "E-mail", "SAP", "Telephony",
                "Salesforce", "Building access", "Something else"), required=True),
            many("sites", "Which sites?", (*SITES, "Working from home"), required=True),
            one("how_many", "How many people are affected?", ("A team (up to 10)",
                "A floor or department", "A whole site", "Everyone"), required=True),
            short("since", "Since when?", required=True,
                  help="A time is enough, e.g. 'since 9:40'."),
            yes_no("workaround", "Is there a workaround?", required=True),
            long("workaround_text", "What works meanwhile?", when=("workaround", "yes"),
                 required=True),
            person("noticed_by", "Who noticed it first?"),
        ),
        samples=_samples(since=("since 9:40", "since about 8 this morning", "since 14:15"),
                         workaround_text=("Guest wi-fi works for e-mail on phones.",
                                          "Colleagues on the second floor can print.")),
        cases=_cases(
            outage_network={"affected": "Network or wi-fi", "sites": ("{site}",),
                            "how_many": "A floor or department"},
            outage_email={"affected": "E-mail", "how_many": "A floor or department"},
        ),
    ),
    RequestTypeSpec(
        "IT", "Software installation or licence", REQUEST, tags="software licence",
        questions=(
            short("software", "Which software?", required=True),
            short("edition", "Version or edition"),
            yes_no("on_list", "Is it on the company's software list?", required=True,
                   help="The list is on the intranet under IT > Software."),
            long("reason", "What do you need it for?", when=("on_list", "no"), required=True),
            one("licence", "Licence", ("A company licence", "Free or open source",
                "I have a licence key"), required=True),
            short("cost_centre", "Cost centre", internal=True, max_length=10),
            person("approver", "Cost centre owner approving", internal=True),
        ),
        samples=_samples(software=("{software}",), edition=("Standard", "Pro", "2024"),
                         reason=("Process diagrams for the ISO audit",
                                 "Editing supplier contracts as PDF"),
                         cost_centre=_COST_CENTRES),
        cases=_cases(software_install={},
                     software_licence={"licence": "A company licence"}),
    ),
    RequestTypeSpec(
        "IT", "Software installation or licence", INCIDENT, tags="software",
        questions=(
            short("software", "Which software?", required=True),
            one("what", "What happens?", ("It crashes", "It does not start",
                "An error message", "It is very slow"), required=True),
            long("error", "The error message, or what you did before it happened"),
            day("since", "Since when?"),
            _SCREENSHOT,
        ),
        samples=_samples(software=("{software}",), since=Days(-5, 0),
                         error=("It crashes when I open a file from the shared drive.",
                                "Right after the update on Monday.")),
        cases=_cases(software_crash={"what": "It crashes"}),
    ),
    RequestTypeSpec(
        "IT", "Shared folder access", REQUEST, tags="file-share access",
        receiving_unit="INF", group="Servers and storage",
        questions=(
            short("folder", "Which folder?", required=True,
                  help="The path as you see it, e.g. \\\\files\\projects\\Apollo."),
            one("access", "Access", ("Read only", "Read and write"), required=True),
            person("for_whom", "For whom?", help=_FOR_WHOM),
            person("owner", "Folder owner approving", required=True, internal=True),
            day("until", "Until", help="Leave it empty for as long as the job needs it."),
        ),
        samples=_samples(folder=("{share}",), until=Days(30, 365)),
        cases=_cases(storage_access={}),
    ),
)  # fmt: skip

_SITE = one("site", "Site", SITES, required=True)
_FLOOR = number("floor", "Floor", "-2", "12", required=True)

INF_FORMS: tuple[RequestTypeSpec, ...] = (
    RequestTypeSpec(
        "INF", "Network and wi-fi", INCIDENT, tags="network", urgency="medium",
        group="Network",
        questions=(
            one("what", "What does not work?", ("Wi-fi", "A network port at a desk",
                "The whole floor", "Guest wi-fi"), required=True),
            _SITE,
            _FLOOR,
            short("room", "Room or desk"),
            yes_no("others", "Do colleagues nearby have the same problem?", required=True),
        ),
        samples=_samples(site=("{site}",), floor=("{floor}",), room=("{room}",)),
        cases=_cases(
            wifi_unstable={"what": "Wi-fi"},
            network_port={"what": "A network port at a desk", "others": "no"},
            network_floor_down={"what": "The whole floor", "others": "yes"},
        ),
    ),
    RequestTypeSpec(
        "INF", "Network and wi-fi", REQUEST, tags="network wifi", group="Network",
        questions=(
            one("need", "What do you need?", ("Guest wi-fi for visitors",
                "A network port activated", "Wi-fi in a new area"), required=True),
            number("visitors", "How many visitors?", "1", "500", required=True,
                   when=("need", "Guest wi-fi for visitors")),
            day("from_day", "From", required=True),
            number("days", "For how many days?", "1", "30",
                   when=("need", "Guest wi-fi for visitors")),
            _SITE,
            short("room", "Room"),
        ),
        samples=_samples(visitors=("4", "12", "30"), from_day=Days(1, 10),
                         days=("1", "2", "3"), site=("{site}",), room=("{room}",)),
        cases=_cases(wifi_guests={"need": "Guest wi-fi for visitors"}),
    ),
    RequestTypeSpec(
        "INF", "Server or virtual machine", REQUEST, tags="server",
        group="Servers and storage",
        questions=(
            short("purpose", "What will run on it?", required=True),
            one("environment", "Environment", ("Production", "Test", "Development"),
                required=True),
            one("os", "Operating system", ("Ubuntu 24.04 LTS", "Red Hat Enterprise Linux 9",
                "Windows Server 2022"), required=True),
            number("cpus", "Virtual CPUs", "1", "32", required=True),
            number("memory", "Memory (GB)", "1", "256", required=True),
            number("disk", "Disk (GB)", "20", "4000", required=True),
            yes_no("backup", "Does it need a backup?", required=True),
            one("retention", "Keep backups for", ("7 days", "30 days", "1 year"),
                when=("backup", "yes"), required=True),
            person("owner", "System owner", required=True),
            day("needed_by", "Needed by"),
        ),
        samples=_samples(purpose=("Test environment for the new web shop",
                                  "GitLab runner for the CI pipeline"),
                         cpus=("2", "4", "8"), memory=("8", "16", "32"),
                         disk=("100", "250", "500"), needed_by=Days(5, 30)),
    ),
    RequestTypeSpec(
        "INF", "Firewall rule or supplier access", REQUEST, tags="firewall security",
        group="Network",
        questions=(
            short("partner", "Supplier or partner", required=True),
            one("direction", "Which way?", ("They reach one of our systems",
                "One of our systems reaches them"), required=True),
            short("system", "Our system", required=True, help="Its name, e.g. sftp-prd-01."),
            short("ports", "Ports and protocol", required=True),
            long("addresses", "Their IP addresses",
                 help="One per line, or a range such as 203.0.113.0/28."),
            day("until", "Needed until", required=True,
                help="Rules are reviewed every year whatever the date."),
            person("owner", "System owner", required=True),
            yes_no("security_approved", "Security officer's approval on file",
                   internal=True),
        ),
        samples=_samples(partner=("{partner}",), system=("sftp-prd-01", "erp-gw-01"),
                         ports=("TCP 22 (SFTP)", "TCP 443"),
                         addresses=("203.0.113.14", "198.51.100.0/28"),
                         until=Days(30, 365)),
        cases=_cases(firewall_supplier={"direction": "They reach one of our systems"}),
    ),
    RequestTypeSpec(
        "INF", "Restore deleted files", REQUEST, tags="backup file-share", urgency="medium",
        group="Servers and storage",
        questions=(
            short("folder", "Folder", required=True),
            long("files", "Which files or folders?", required=True),
            day("deleted_on", "When were they deleted or overwritten?", required=True),
            yes_no("in_place", "Restore them where they were?", required=True,
                   help="If not, we restore them beside the current ones."),
            short("elsewhere", "Where instead?", when=("in_place", "no"), required=True),
        ),
        samples=_samples(folder=("{share}",), deleted_on=Days(-10, -1),
                         files=("The folder 'Q3 forecast' and everything in it",
                                "Two Excel files: budget_2025.xlsx and budget_2025_v2.xlsx"),
                         elsewhere=("A folder 'restored' beside the original",)),
        cases=_cases(storage_restore={}),
    ),
)  # fmt: skip

_ERP_APPROVER = person("approver", "Approving manager", required=True, internal=True)

APP_FORMS: tuple[RequestTypeSpec, ...] = (
    RequestTypeSpec(
        "APP", "SAP access or role", REQUEST, tags="sap access", urgency="medium",
        questions=(
            person("for_whom", "For whom?", help=_FOR_WHOM),
            short("transactions", "Transactions or role", required=True,
                  help="The transaction codes you need, e.g. ME21N, or the role's name."),
            one("company_code", "Company code", ("1000 Germany", "2000 Portugal", "Both"),
                required=True),
            yes_no("temporary", "Only for a while?", required=True),
            day("until", "Until", when=("temporary", "yes"), required=True),
            _ERP_APPROVER,
        ),
        samples=_samples(transactions=("{tcode}",), until=Days(14, 90)),
        cases=_cases(erp_authorisation={}, erp_new_user={"temporary": "no"}),
    ),
    RequestTypeSpec(
        "APP", "SAP access or role", INCIDENT, tags="sap erp",
        questions=(
            short("transaction", "Transaction", required=True),
            short("message", "The error message", required=True),
            yes_no("blocking", "Does it hold up the month-end closing?", required=True),
            _SCREENSHOT,
        ),
        samples=_samples(transaction=("{tcode}",),
                         message=("Posting period is not open", "Tax code V1 not allowed",
                                  "Balance in transaction currency")),
        cases=_cases(erp_posting_error={}),
    ),
    RequestTypeSpec(
        "APP", "Salesforce account", REQUEST, tags="salesforce crm",
        questions=(
            person("for_whom", "For whom?", help=_FOR_WHOM),
            one("profile", "Profile", ("Sales user", "Service user", "Marketing user",
                "Read only"), required=True),
            many("regions", "Regions", ("DACH", "Iberia", "Nordics", "UK and Ireland"),
                 required=True),
            _ERP_APPROVER,
        ),
    ),
    RequestTypeSpec(
        "APP", "Salesforce account", INCIDENT, tags="salesforce crm",
        questions=(
            one("area", "Where is the problem?", ("Accounts and contacts", "Duplicates",
                "Outlook plugin", "Reports", "Something else"), required=True),
            short("record", "Account or record"),
            day("since", "Since when?"),
        ),
        samples=_samples(record=("{account}",), since=Days(-5, 0)),
        cases=_cases(
            crm_accounts_gone={"area": "Accounts and contacts"},
            crm_duplicates={"area": "Duplicates"},
            crm_outlook={"area": "Outlook plugin"},
        ),
    ),
    RequestTypeSpec(
        "APP", "Reports and dashboards", INCIDENT, tags="reports bi",
        questions=(
            short("report", "Report or dashboard", required=True),
            one("problem", "What is wrong?", ("Old numbers", "Timeout or error",
                "Wrong figures"), required=True),
            day("since", "Since when?"),
        ),
        samples=_samples(report=("{report}",), since=Days(-3, 0)),
        cases=_cases(reports_stale={"problem": "Old numbers"},
                     reports_timeout={"problem": "Timeout or error"}),
    ),
    RequestTypeSpec(
        "APP", "Reports and dashboards", REQUEST, tags="reports bi",
        questions=(
            short("report", "Report or dashboard", required=True),
            long("change", "What should change?", required=True),
            day("needed_by", "Needed by"),
            many("audience", "Who uses the report?", ("My team", "Management",
                 "The whole department")),
        ),
        samples=_samples(report=("{report}",), needed_by=Days(7, 30),
                         change=("Add a column with the customer's region.",
                                 "Split the figures by cost centre.")),
        cases=_cases(reports_column={}),
    ),
)  # fmt: skip

HR_FORMS: tuple[RequestTypeSpec, ...] = (
    RequestTypeSpec(
        "HR", "Payslip question", REQUEST, tags="payroll payslip", group="Payroll",
        questions=(
            one("month", "Which payslip?", MONTHS, required=True),
            one("topic", "What is it about?", ("A missing payslip", "Overtime or bonus",
                "Tax class", "A deduction", "Something else"), required=True),
            number("amount", "The amount in question (EUR)", "0", "100000"),
            attachment("payslip", "The payslip",
                       help="Only HR sees it; black out what is not needed."),
        ),
        samples=_samples(month=("{month}",), amount=("84.20", "312.00", "1250.00")),
        cases=_cases(
            payslip_missing={"topic": "A missing payslip"},
            payslip_overtime={"topic": "Overtime or bonus"},
            payslip_tax_class={"topic": "Tax class"},
        ),
    ),
    RequestTypeSpec(
        "HR", "Leave and absence", REQUEST, tags="leave absence",
        questions=(
            one("about", "What is it about?", ("My leave balance", "Parental leave",
                "Carrying over holiday", "A sick note", "Sabbatical or unpaid leave"),
                required=True),
            day("from_day", "From"),
            number("days", "How many days?", "0.5", "365"),
            yes_no("agreed", "Has your manager agreed?", when=("about", "Parental leave")),
        ),
        samples=_samples(from_day=Days(14, 120), days=("3", "5", "10")),
        cases=_cases(
            leave_balance={"about": "My leave balance"},
            leave_parental={"about": "Parental leave"},
            leave_carry_over={"about": "Carrying over holiday"},
        ),
    ),
    RequestTypeSpec(
        "HR", "Employment certificate", REQUEST, tags="contract",
        questions=(
            one("purpose", "What is it for?", ("A bank or mortgage", "A landlord",
                "An authority or visa", "Something else"), required=True),
            one("language", "Language", ("German", "English"), required=True),
            yes_no("salary", "Should it state your salary?", required=True),
            one("delivery", "How should it reach you?", ("PDF by e-mail",
                "Signed paper copy by internal post"), required=True),
            day("needed_by", "Needed by"),
        ),
        samples=_samples(needed_by=Days(5, 20)),
        cases=_cases(contract_certificate={}),
    ),
    RequestTypeSpec(
        "HR", "New starter (onboarding)", REQUEST, tags="onboarding",
        questions=(
            short("name", "New colleague's name", required=True),
            short("role", "Job title", required=True),
            day("first_day", "First day", required=True),
            person("manager", "Their manager", required=True),
            one("site", "Where will they work?", (*SITES, "Remote"), required=True),
            yes_no("laptop", "Do they need a laptop?", required=True),
            one("laptop_model", "Which laptop?", ("ThinkPad T14 (standard)", "MacBook Air",
                "Dell Precision"), when=("laptop", "yes"), required=True),
            many("systems", "Which systems?", ("SAP", "Salesforce", "Reporting platform",
                 "Shared drives")),
            yes_no("contract_signed", "Contract signed", internal=True),
        ),
        samples=_samples(name=("Miriam Scholz", "Jonas Petersen", "Inês Carvalho"),
                         role=("{role}",), first_day=Days(14, 45), laptop=("yes",)),
        cases=_cases(onboarding_joiner={}, onboarding_equipment={"laptop": "yes"}),
    ),
    RequestTypeSpec(
        "HR", "Change to my contract", REQUEST, tags="contract",
        questions=(
            one("change", "What changes?", ("Fewer hours (part-time)", "More hours",
                "A new role", "Another location", "Sabbatical"), required=True),
            day("from_day", "From", required=True),
            number("hours", "Hours a week from then", "1", "40", required=True,
                   when=("change", "Fewer hours (part-time)")),
            yes_no("agreed", "Has your manager agreed?", required=True),
        ),
        samples=_samples(from_day=Days(30, 90), hours=("20", "24", "30", "32")),
        cases=_cases(contract_part_time={"change": "Fewer hours (part-time)"}),
    ),
)  # fmt: skip

FAC_FORMS: tuple[RequestTypeSpec, ...] = (
    RequestTypeSpec(
        "FAC", "Something broken in the building", INCIDENT, tags="building",
        urgency="medium",
        questions=(
            one("what", "What is broken?", ("Heating", "Air conditioning", "Lights",
                "A door or lock", "Blinds", "Kitchen or coffee machine", "Water leak",
                "Something else"), required=True),
            _SITE,
            _FLOOR,
            short("room", "Room", required=True),
            yes_no("danger", "Is anyone at risk, or is water leaking?", required=True,
                   help="If so, call the site's reception as well."),
            attachment("photo", "A photo"),
        ),
        samples=_samples(site=("{site}",), floor=("{floor}",), room=("{room}",),
                         danger=("no",)),
        cases=_cases(
            heating_cold={"what": "Heating"},
            heating_leak={"what": "Water leak", "danger": "yes"},
            air_conditioning={"what": "Air conditioning"},
            lights_flicker={"what": "Lights"},
            lights_car_park={"what": "Lights", "floor": "-1", "room": "Car park"},
            lights_lamp={"what": "Lights"},
        ),
    ),
    RequestTypeSpec(
        "FAC", "Desk or room move", REQUEST, tags="move workplace",
        questions=(
            one("who", "Who moves?", ("Only me", "My team"), required=True),
            number("people", "How many people?", "2", "200", when=("who", "My team"),
                   required=True),
            short("from_room", "From room"),
            number("to_floor", "To floor", "-2", "12"),
            day("move_day", "Move date", required=True),
            yes_no("network", "Must network ports and phones move too?", required=True),
            many("furniture", "Furniture needed at the new place", ("Desks", "Chairs",
                 "Cabinets", "Whiteboards")),
        ),
        samples=_samples(people=("6", "9", "14"), from_room=("{room}",),
                         to_floor=("{floor}",), move_day=Days(14, 40)),
        cases=_cases(team_move={"who": "My team"}),
    ),
    RequestTypeSpec(
        "FAC", "Access badge", REQUEST, tags="badge access",
        questions=(
            one("need", "What do you need?", ("A new badge", "Lost or stolen badge",
                "Access to another area", "A visitor badge"), required=True),
            short("area", "Which area?", when=("need", "Access to another area"),
                  required=True),
            person("area_owner", "The area owner approving", internal=True,
                   when=("need", "Access to another area")),
            short("visitor", "Visitor's name", when=("need", "A visitor badge"),
                  required=True),
            day("visit_day", "Day of the visit", when=("need", "A visitor badge"),
                required=True),
            _SITE,
        ),
        samples=_samples(area=("Lab, 2nd floor", "Server room", "Warehouse"),
                         visitor=("Dr. Helena Brandt", "Tomás Oliveira"),
                         visit_day=Days(1, 14), site=("{site}",)),
        cases=_cases(badge_lost={"need": "Lost or stolen badge"},
                     badge_visitor={"need": "A visitor badge"}),
    ),
    RequestTypeSpec(
        "FAC", "Access badge", INCIDENT, tags="badge access",
        questions=(
            short("door", "Which door?", required=True),
            short("badge_number", "Badge number", max_length=8,
                  help="On the back of the badge, eight digits."),
            yes_no("worked_before", "Did it open this door before?", required=True),
        ),
        samples=_samples(door=("Main entrance", "Glass door on floor {floor}",
                               "Car park gate"),
                         badge_number=("40117723", "40209981", "40355120")),
        cases=_cases(badge_door={}),
    ),
    RequestTypeSpec(
        "FAC", "Office furniture", REQUEST, tags="furniture workplace",
        questions=(
            one("item", "What do you need?", ("Standing desk", "Office chair", "Monitor arm",
                "Footrest"), required=True),
            yes_no("medical", "Has occupational health recommended it?", required=True),
            attachment("note", "Occupational health's note", when=("medical", "yes")),
            short("room", "Your room or desk", required=True),
        ),
        samples=_samples(room=("{room}",)),
        cases=_cases(standing_desk={"item": "Standing desk"},
                     chair={"item": "Office chair"}),
    ),
)  # fmt: skip

_SUPPLIERS = ("Büromarkt Schulz GmbH", "Nordlicht Events", "Papier & Co KG",
              "DataHaus Consulting")  # fmt: skip

FIN_FORMS: tuple[RequestTypeSpec, ...] = (
    RequestTypeSpec(
        "FIN", "Expense claim", REQUEST, tags="expenses", impact="low", urgency="low",
        questions=(
            one("expense_type", "What kind of expense?", ("Travel", "Meals with customers",
                "Training or conference", "Equipment or supplies", "Something else"),
                required=True),
            number("amount", "Amount", "0.01", "10000", required=True),
            one("currency", "Currency", ("EUR", "GBP", "USD", "CHF", "Other"), required=True),
            day("spent_on", "Date of the expense", required=True,
                help="Claims more than three months old cannot be paid."),
            attachment("receipt", "Receipt",
                       help="A photo or PDF; expenses over 25 EUR need the itemised one."),
            yes_no("card", "Paid with the corporate card?", required=True),
            long("purpose", "What was it for?", required=True,
                 help="For meals with customers: the guests and their companies."),
            _COST_CENTRE,
            person("approver", "Cost centre approver", required=True, internal=True),
        ),
        samples=_samples(amount=("23.80", "146.50", "412.00", "89.90"),
                         currency=("EUR", "EUR", "EUR", "GBP", "USD"),
                         spent_on=Days(-45, -1), cost_centre=_COST_CENTRES,
                         purpose=("Taxi to the customer and back", "Dinner with two people "
                                  "from Nordwind Logistik", "Train to the training in Munich")),
        cases=_cases(expense_not_paid={"amount": "{amount}"}, expense_rejected={},
                     expense_currency={"currency": "GBP"}),
    ),
    RequestTypeSpec(
        "FIN", "Purchase order", REQUEST, tags="purchasing",
        questions=(
            short("supplier", "Supplier", required=True),
            yes_no("new_supplier", "Is it a new supplier?", required=True),
            short("vat_id", "Their VAT ID", when=("new_supplier", "yes"), required=True),
            long("what", "What are you buying?", required=True),
            number("amount", "Total amount (EUR, net)", "1", "1000000", required=True),
            day("needed_by", "Needed by"),
            _COST_CENTRE,
            attachment("quote", "The supplier's quote"),
            person("budget_owner", "Budget owner", required=True, internal=True),
        ),
        samples=_samples(supplier=("{supplier}",), vat_id=("DE298765432", "PT509876543"),
                         what=("{item}",), amount=("480", "2350", "7900"),
                         needed_by=Days(7, 30), cost_centre=_COST_CENTRES),
        cases=_cases(po_new={}),
    ),
    RequestTypeSpec(
        "FIN", "Supplier invoice", INCIDENT, tags="invoice accounts-payable",
        group="Accounts payable",
        questions=(
            short("supplier", "Supplier", required=True),
            short("invoice_number", "Invoice number", required=True),
            number("amount", "Amount", "0.01", "1000000", required=True),
            day("invoice_date", "Invoice date"),
            one("problem", "What is wrong?", ("Not paid yet or a reminder came",
                "No purchase order", "Wrong amount or prices", "Sent twice"), required=True),
            yes_no("has_po", "Is there a purchase order?"),
            short("po_number", "Purchase order number", when=("has_po", "yes"),
                  required=True),
            attachment("invoice", "The invoice or reminder"),
        ),
        samples=_samples(supplier=("{supplier}",), invoice_number=("{invoice}",),
                         amount=("1180.00", "349.90", "8420.50"),
                         invoice_date=Days(-60, -5), po_number=("4500018812", "4500019033")),
        cases=_cases(
            invoice_reminder={"problem": "Not paid yet or a reminder came"},
            invoice_no_po={"problem": "No purchase order", "has_po": "no"},
            invoice_wrong={"problem": "Wrong amount or prices"},
        ),
    ),
    RequestTypeSpec(
        "FIN", "Corporate card", REQUEST, tags="corporate-card",
        questions=(
            one("limit", "Monthly limit", ("1,000 EUR", "2,500 EUR", "5,000 EUR"),
                required=True),
            yes_no("abroad", "Do you travel outside the EU?", required=True),
            long("use", "What will you use it for?", required=True),
            person("approver", "Approving manager", required=True, internal=True),
        ),
        samples=_samples(use=("Customer visits abroad, about twice a month",
                              "Hotels and flights for the trade fairs")),
        cases=_cases(card_limit={"limit": "5,000 EUR"}),
    ),
    RequestTypeSpec(
        "FIN", "Corporate card", INCIDENT, tags="corporate-card", urgency="high",
        questions=(
            one("what", "What happened?", ("Lost or stolen", "Declined",
                "A charge I do not recognise", "PIN forgotten"), required=True),
            yes_no("blocked", "Have you called the card hotline to block it?",
                   when=("what", "Lost or stolen"), required=True,
                   help="Call it first, day or night: the number is on your statement."),
            short("last_digits", "Last four digits of the card", max_length=4, required=True),
            day("charge_day", "Date of the charge",
                when=("what", "A charge I do not recognise"), required=True),
            number("charge_amount", "Amount of the charge", "0.01",
                   when=("what", "A charge I do not recognise"), required=True),
        ),
        samples=_samples(last_digits=("4417", "0932", "7781"), charge_day=Days(-20, -1),
                         charge_amount=("35.00", "129.99"), blocked=("yes",)),
        cases=_cases(card_declined={"what": "Declined"},
                     card_lost={"what": "Lost or stolen"}),
    ),
    RequestTypeSpec(
        "FIN", "Cost centre question", REQUEST, tags="cost-centre",
        questions=(
            short("cost_centre", "Cost centre", required=True, max_length=10),
            one("question", "What is it about?", ("Which cost centre to use",
                "A booking on the wrong cost centre", "Budget left on my cost centre",
                "A new cost centre"), required=True),
            short("document", "Document number of the booking", required=True,
                  when=("question", "A booking on the wrong cost centre")),
            long("details", "Anything else we should know?"),
        ),
        samples=_samples(cost_centre=("{cost_centre}",),
                         document=("5100048812", "1900023377")),
        cases=_cases(
            cost_centre_wrong={"question": "A booking on the wrong cost centre"},
            cost_centre_budget={"question": "Budget left on my cost centre"},
        ),
    ),
)  # fmt: skip

_APPROVING_MANAGER = person("approver", "Approving manager", required=True, internal=True)
_BOOKING = short("booking", "Booking reference", required=True, max_length=6,
                 help="On your itinerary: six letters and digits.")  # fmt: skip
_BOOKINGS = ("K7XQ2M", "P3LR8T", "ZB4N9W")

TRV_FORMS: tuple[RequestTypeSpec, ...] = (
    RequestTypeSpec(
        "TRV", "Book a business trip", REQUEST, tags="travel", urgency="medium",
        questions=(
            person("traveller", "Who travels?", help=_FOR_WHOM),
            short("destination", "Destination", required=True),
            day("departure", "Departure", required=True),
            day("return_day", "Return", required=True),
            many("transport", "How would you like to travel?", ("Flight", "Train",
                 "Rental car"), required=True),
            yes_no("hotel", "Do you need a hotel?", required=True),
            number("nights", "How many nights?", "1", "60", when=("hotel", "yes"),
                   required=True),
            short("hotel_near", "Near which address?", when=("hotel", "yes")),
            one("purpose", "Purpose of the trip", ("Customer visit",
                "Trade fair or conference", "Internal meeting", "Training"), required=True),
            _COST_CENTRE,
            short("loyalty", "Frequent flyer or rail card number"),
            _APPROVING_MANAGER,
        ),
        samples=_samples(destination=("{city}",), departure=Days(7, 40),
                         return_day=Days(1, 4, after="departure"), nights=("1", "2", "3"),
                         hotel_near=("The customer's office", "The trade fair grounds"),
                         cost_centre=_COST_CENTRES,
                         loyalty=("LH 992 004 118 337", "BahnCard 7081 4417 0021")),
        cases=_cases(trip_book={"purpose": "Customer visit"},
                     trip_fair={"destination": "{fair}", "hotel": "yes",
                                "purpose": "Trade fair or conference"}),
    ),
    RequestTypeSpec(
        "TRV", "Visa or invitation letter", REQUEST, tags="visa travel",
        questions=(
            one("need", "What do you need?", ("A visa for my trip",
                "An invitation letter for a visitor"), required=True),
            short("country", "Country", required=True),
            day("travel_day", "Date of travel", required=True),
            short("nationality", "Traveller's nationality", required=True,
                  when=("need", "A visa for my trip")),
            yes_no("passport_valid", "Is the passport valid for six months after the return?",
                   required=True, when=("need", "A visa for my trip")),
            short("visitor", "Visitor's name and company", required=True,
                  when=("need", "An invitation letter for a visitor")),
            attachment("passport", "Copy of the passport"),
        ),
        samples=_samples(country=("{country}",), travel_day=Days(20, 70),
                         nationality=("German", "Portuguese", "Indian", "Turkish"),
                         visitor=("Arjun Mehta, Sunrise Components", "Li Wei, Haitong Parts")),
        cases=_cases(visa_trip={"need": "A visa for my trip"},
                     visa_letter={"need": "An invitation letter for a visitor"}),
    ),
    RequestTypeSpec(
        "TRV", "Change or cancel a booking", REQUEST, tags="travel rebooking",
        urgency="medium",
        questions=(
            _BOOKING,
            one("change", "What should change?", ("Other dates", "Cancel the trip",
                "Another hotel", "Correct a name"), required=True),
            day("new_departure", "New departure date", when=("change", "Other dates"),
                required=True),
            long("reason", "Why?"),
        ),
        samples=_samples(booking=_BOOKINGS, new_departure=Days(3, 30),
                         reason=("The meeting moved by a day.", "The customer cancelled.")),
        cases=_cases(booking_change={"change": "Other dates"},
                     booking_cancel={"change": "Cancel the trip"}),
    ),
    RequestTypeSpec(
        "TRV", "Change or cancel a booking", INCIDENT, tags="travel rebooking",
        impact="low", urgency="high",
        questions=(
            _BOOKING,
            one("what", "What happened?", ("Flight or train cancelled", "The hotel has no "
                "booking", "Missed a connection", "Something else"), required=True),
            short("where", "Where are you now?", required=True),
            short("phone", "A number to reach you on the trip", required=True),
        ),
        samples=_samples(booking=_BOOKINGS, where=("{hub} airport", "{city} central station"),
                         phone=("{phone}",)),
        cases=_cases(trip_disrupted={"what": "Flight or train cancelled"}),
    ),
    RequestTypeSpec(
        "TRV", "Travel policy question", REQUEST, tags="travel-policy",
        questions=(
            one("topic", "What is it about?", ("Class of travel", "Hotel limits", "Per diems",
                "Combining a trip with a holiday", "Rental cars"), required=True),
            short("destination", "Destination"),
            long("question", "Your question", required=True),
        ),
        samples=_samples(destination=("{city}",),
                         question=("Which rules apply for my trip?",
                                   "Is this within the policy?")),
        cases=_cases(policy_class={"topic": "Class of travel"},
                     policy_per_diem={"topic": "Per diems", "destination": "{country}"}),
    ),
)  # fmt: skip

REQUEST_TYPES: tuple[RequestTypeSpec, ...] = (
    *IT_FORMS, *INF_FORMS, *APP_FORMS, *HR_FORMS, *FAC_FORMS, *FIN_FORMS, *TRV_FORMS,
)  # fmt: skip
