"""The demo organisation's people: units, departments, sites, the support staff, and the
name lists that requesters are drawn from.

The support staff are written out by hand (the sign-ins printed by `scotty demo` are
among them); requesters are combined from the name lists with a seeded random draw.
"""

from dataclasses import dataclass

EMAIL_DOMAIN = "example.com"  # reserved for documentation: no demo mail can reach anyone


@dataclass(frozen=True)
class UnitSpec:
    prefix: str
    name: str
    description: str
    is_front_line: bool = False
    share: float = 0.0  # share of new tickets filed directly with this unit


UNITS: tuple[UnitSpec, ...] = (
    UnitSpec(
        "IT",
        "IT Service Desk",
        "First stop for anything IT: accounts and passwords, laptops and phones, printers, "
        "e-mail, VPN and software. We solve most requests ourselves and hand the rest to the "
        "second-level teams, staying your contact until it is fixed.",
        is_front_line=True,
        share=0.44,
    ),
    UnitSpec(
        "INF",
        "IT Infrastructure",
        "Servers, storage, backups, the network and the data centres. Usually reached "
        "through the IT Service Desk; monitoring alerts and planned work arrive here directly.",
        share=0.07,
    ),
    UnitSpec(
        "APP",
        "Applications",
        "Business applications: the ERP (SAP S/4HANA), Salesforce CRM, the reporting "
        "platform and their integrations. Access requests, errors and report changes.",
        share=0.11,
    ),
    UnitSpec(
        "HR",
        "HR",
        "Pay, leave, contracts, onboarding and leaving, and questions about policies. "
        "Requests are handled confidentially and only HR sees them.",
        share=0.13,
    ),
    UnitSpec(
        "FAC",
        "Facilities",
        "Buildings and workplaces: heating and air conditioning, lights, desk moves, "
        "access badges, meeting rooms, cleaning and repairs.",
        share=0.13,
    ),
    UnitSpec(
        "FIN",
        "Finance",
        "Expense claims, purchase orders, supplier invoices, corporate cards and cost "
        "centres. Claims filed by the 20th are paid with that month's salary.",
        share=0.07,
    ),
    UnitSpec(
        "TRV",
        "Travel desk",
        "Business trips booked within the travel policy: flights, trains, hotels and "
        "rental cars, visas and invitation letters, changes and cancellations. On a trip "
        "that goes wrong, call the travel agency's 24-hour line on your booking.",
        share=0.05,
    ),
)

# Departments people ask from; Finance and the departments of STAFF_DEPARTMENTS are
# where the support staff sit.
REQUESTER_DEPARTMENTS: tuple[str, ...] = (
    "Finance",
    "Sales",
    "Engineering",
    "Marketing",
    "Operations",
    "Legal",
    "Customer Support",
    "Research",
)
STAFF_DEPARTMENTS: dict[str, str] = {
    "IT": "Information Technology",
    "INF": "Information Technology",
    "APP": "Information Technology",
    "HR": "Human Resources",
    "FAC": "Facilities Management",
    "FIN": "Finance",  # the finance team serves the company from its own department
    "TRV": "Corporate Services",
}

# Site name -> switchboard prefix; extensions are appended.
LOCATIONS: dict[str, str] = {
    "Berlin Head Office": "+49 30 4017 ",
    "Munich Office": "+49 89 2180 ",
    "Hamburg Distribution Centre": "+49 40 3560 ",
    "Lisbon Hub": "+351 21 340 ",
    "Remote": "+49 151 ",
}

JOB_TITLES: dict[str, tuple[str, ...]] = {
    "Finance": ("Financial Analyst", "Accountant", "Accounts Payable Clerk", "Controller",
                "Payroll Specialist", "Head of Finance", "Treasury Analyst"),
    "Sales": ("Account Executive", "Sales Manager", "Key Account Manager",
              "Sales Development Representative", "Inside Sales Representative",
              "Regional Sales Director"),
    "Engineering": ("Software Engineer", "Senior Software Engineer", "QA Engineer",
                    "Engineering Manager", "Mechanical Engineer", "DevOps Engineer",
                    "Product Owner"),
    "Marketing": ("Marketing Manager", "Content Writer", "Graphic Designer",
                  "Campaign Specialist", "Brand Manager", "Events Coordinator"),
    "Operations": ("Operations Manager", "Logistics Coordinator", "Warehouse Supervisor",
                   "Supply Chain Analyst", "Purchasing Agent", "Shift Lead"),
    "Legal": ("Legal Counsel", "Paralegal", "Compliance Officer", "Contract Manager",
              "Data Protection Officer"),
    "Customer Support": ("Customer Support Agent", "Team Lead Customer Support",
                         "Customer Success Manager", "Support Quality Analyst"),
    "Research": ("Research Scientist", "Lab Technician", "Data Scientist",
                 "Research Assistant", "Head of Research"),
}  # fmt: skip


@dataclass(frozen=True)
class StaffSpec:
    full_name: str
    job_title: str
    units: tuple[str, ...]  # unit prefixes; the first is the home unit
    manages: bool = False  # manager of the home unit


# 32 agents. Some work for two units, as small teams do.
STAFF: tuple[StaffSpec, ...] = (
    StaffSpec("Alex Carter", "Service Desk Analyst", ("IT",)),
    StaffSpec("Maria López", "Service Desk Manager", ("IT",), manages=True),
    StaffSpec("Jonas Weber", "Service Desk Analyst", ("IT",)),
    StaffSpec("Aisha Rahman", "Senior Service Desk Analyst", ("IT", "APP")),
    StaffSpec("Lukas Schmidt", "Service Desk Analyst", ("IT",)),
    StaffSpec("Emily Zhang", "Service Desk Analyst", ("IT",)),
    StaffSpec("Mehmet Yılmaz", "Desktop Support Technician", ("IT", "INF")),  # noqa: RUF001
    StaffSpec("Sofia Rossi", "Service Desk Analyst", ("IT",)),
    StaffSpec("Daniel Novak", "Infrastructure Manager", ("INF",), manages=True),
    StaffSpec("Priya Nair", "Systems Administrator", ("INF",)),
    StaffSpec("Tobias Krüger", "Network Engineer", ("INF",)),
    StaffSpec("Olga Ivanova", "Storage and Backup Engineer", ("INF",)),
    StaffSpec("Samuel Okafor", "Cloud Engineer", ("INF",)),
    StaffSpec("Hannah Fischer", "Applications Manager", ("APP",), manages=True),
    StaffSpec("Ravi Patel", "SAP Consultant", ("APP",)),
    StaffSpec("Clara Dubois", "CRM Administrator", ("APP",)),
    StaffSpec("Marek Kowalski", "BI Developer", ("APP",)),
    StaffSpec("Julia Hoffmann", "HR Manager", ("HR",), manages=True),
    StaffSpec("Fatima El Amrani", "HR Advisor", ("HR",)),
    StaffSpec("Ben Thompson", "Payroll Advisor", ("HR",)),
    StaffSpec("Nina Petersen", "HR Coordinator", ("HR", "FAC")),
    StaffSpec("Carlos Mendes", "Facilities Manager", ("FAC",), manages=True),
    StaffSpec("Greta Lindqvist", "Facilities Coordinator", ("FAC",)),
    StaffSpec("Peter Wagner", "Building Technician", ("FAC",)),
    StaffSpec("Lena Braun", "Workplace Services Coordinator", ("FAC",)),
    StaffSpec("Katharina Vogel", "Finance Services Manager", ("FIN",), manages=True),
    StaffSpec("Marco Bianchi", "Accounts Payable Specialist", ("FIN",)),
    StaffSpec("Jakob Lindner", "Purchasing and Accounts Payable Clerk", ("FIN",)),
    StaffSpec("Ana Ferreira", "Expenses and Cards Administrator", ("FIN", "TRV")),
    StaffSpec("Isabelle Laurent", "Travel Manager", ("TRV",), manages=True),
    StaffSpec("Kenji Watanabe", "Travel Coordinator", ("TRV",)),
    StaffSpec("Lucía Romero", "Travel Coordinator", ("TRV",)),
)

ADMIN = StaffSpec("Dana Whitfield", "Head of Service Management", ())

# The requester whose sign-in is printed: the first requester created.
DEMO_REQUESTER = ("Tom Becker", "Financial Analyst", "Finance", "Berlin Head Office")

FIRST_NAMES: tuple[str, ...] = (
    "Anna", "Ben", "Chiara", "David", "Elif", "Felix", "Grace", "Hugo", "Ines", "Jan",
    "Katarzyna", "Leon", "Mia", "Noah", "Olivia", "Paul", "Rosa", "Simon", "Tara", "Umar",
    "Valentina", "William", "Yara", "Zoe", "Amir", "Bianca", "Chen", "Dmitri", "Eva", "Finn",
    "Gabriel", "Hanna", "Ivan", "Johanna", "Kenji", "Laura", "Max", "Nadia", "Oscar", "Pia",
    "Rafael", "Sara", "Thomas", "Ursula", "Victor", "Wiebke", "Xavier", "Yusuf", "Zeynep",
    "Adrian", "Beatriz", "Carla", "Deniz", "Emma", "Frederik", "Giulia", "Henrik", "Isabel",
    "Jakob", "Kim", "Lea", "Marco", "Nora", "Omar", "Paula", "Quentin", "Renate", "Stefan",
    "Tim", "Uwe", "Vera", "Wolfgang", "Ahmed", "Birgit", "Claudia", "Diego", "Elena", "Florian",
    "Hiroshi", "Ingrid", "Joao", "Karin", "Lars", "Magdalena", "Nils", "Patrick", "Sabine",
)  # fmt: skip

LAST_NAMES: tuple[str, ...] = (
    "Müller", "Schneider", "Fischer", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
    "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
    "Braun", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Krause", "Meier",
    "Lehmann", "Köhler", "Herrmann", "König", "Walter", "Mayer", "Huber", "Kaiser",
    "Fuchs", "Peters", "Lang", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Vogel",
    "Friedrich", "Keller", "Günther", "Frank", "Berger", "Winkler", "Roth", "Beck",
    "Lorenz", "Baumann", "Franke", "Albrecht", "Ludwig", "Winter", "Kraus", "Martin",
    "Schumacher", "Krämer", "Vogt", "Stein", "Jäger", "Otto", "Sommer", "Groß", "Seidel",
    "Heinrich", "Brandt", "Haas", "Schreiber", "Graf", "Dietrich", "Ziegler", "Kuhn",
    "Kühn", "Pohl", "Engel", "Horn", "Busch", "Bergmann", "Thomas", "Voigt", "Sauer",
    "Arnold", "Wolff", "Pfeiffer", "Silva", "Santos", "Kaya", "Demir", "Nowak", "Kowalczyk",
    "Smith", "Jones", "Brown", "Garcia", "Rossi", "Russo", "Dubois", "Moreau", "Jansen",
    "de Vries", "Andersson", "Nielsen", "Popescu", "Horvat", "Nakamura", "Kim", "Singh",
    "Khan", "Ali", "Costa", "Ferreira", "O'Brien", "Murphy", "Novak", "Kovács",
)  # fmt: skip
