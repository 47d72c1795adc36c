"""Test personas and builders, shared by every test package (and the browser tests).

Everything is built through services, so the data carries the same events and rules
as data made by people.
"""

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from scotty.accounts.models import Department, Location, Person, SupportUnit
from scotty.accounts.services import create_person, join_unit
from scotty.tickets.models import Channel, Ticket
from scotty.tickets.services import open_ticket

PASSWORD = "correct horse battery staple"  # noqa: S105 (test accounts only)


@dataclass
class Org:
    """A small organisation: three units, two departments, one person per role."""

    it: SupportUnit  # IT Service Desk, the front line (prefix IT)
    infra: SupportUnit  # IT Infrastructure, second level (prefix INF)
    hr: SupportUnit  # HR (prefix HR)
    finance: Department
    sales: Department
    hq: Location
    requester: Person  # Rita, Finance
    colleague: Person  # Cora, Finance: same department as Rita
    other_requester: Person  # Otto, Sales
    agent: Person  # Alex, IT Service Desk
    agent2: Person  # Bea, IT Service Desk
    infra_agent: Person  # Ian, IT Infrastructure
    hr_agent: Person  # Hana, HR
    manager: Person  # Mona, manager of IT Service Desk
    admin: Person  # Ada, administrator


def build_org() -> Org:
    it = SupportUnit.objects.create(name="IT Service Desk", prefix="IT", is_front_line=True)
    infra = SupportUnit.objects.create(name="IT Infrastructure", prefix="INF")
    hr = SupportUnit.objects.create(name="HR", prefix="HR")
    finance = Department.objects.create(name="Finance")
    sales = Department.objects.create(name="Sales")
    hq = Location.objects.create(name="Head office")

    def person(email: str, name: str, dept: Department | None = None, **kw: Any) -> Person:
        return create_person(
            email=email, full_name=name, password=PASSWORD, department=dept, location=hq, **kw
        )

    org = Org(
        it=it, infra=infra, hr=hr, finance=finance, sales=sales, hq=hq,
        requester=person("rita@example.org", "Rita Requester", finance),
        colleague=person("cora@example.org", "Cora Colleague", finance),
        other_requester=person("otto@example.org", "Otto Other", sales),
        agent=person("alex@example.org", "Alex Agent"),
        agent2=person("bea@example.org", "Bea Second"),
        infra_agent=person("ian@example.org", "Ian Infra"),
        hr_agent=person("hana@example.org", "Hana HR"),
        manager=person("mona@example.org", "Mona Manager"),
        admin=person("ada@example.org", "Ada Admin", is_admin=True),
    )  # fmt: skip
    join_unit(org.agent, it)
    join_unit(org.agent2, it)
    join_unit(org.infra_agent, infra)
    join_unit(org.hr_agent, hr)
    join_unit(org.manager, it, role="manager")
    return org


def file_ticket(
    requester: Person, unit: SupportUnit, title: str = "Printer on floor 3 jams", **kw: Any
) -> Ticket:
    """A ticket filed by the requester in the portal (or by `actor` when given)."""
    actor = kw.pop("actor", requester)
    return open_ticket(
        actor=actor,
        requester=requester,
        unit=unit,
        title=title,
        description=kw.pop("description", "It jams on every second page since Monday."),
        channel=kw.pop("channel", Channel.PORTAL),
        **kw,
    )


def upload(name: str = "screenshot.png", content: bytes | None = None) -> SimpleUploadedFile:
    """A file as a browser would upload it; PNG bytes unless told otherwise."""
    data = content if content is not None else b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    return SimpleUploadedFile(name, data)


def run_together(*jobs: Callable[[], object]) -> list[object]:
    """Run jobs in threads that start at the same moment; return results or exceptions."""
    barrier = threading.Barrier(len(jobs))
    results: list[object] = [None] * len(jobs)

    def runner(index: int, job: Callable[[], object]) -> None:
        barrier.wait()
        try:
            results[index] = job()
        except Exception as error:  # the test inspects what each thread got
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=runner, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results
