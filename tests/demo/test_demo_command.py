"""`scotty demo` at a small scale: coherent data, working sign-ins, idempotent."""

import re
from collections import Counter
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import models, transaction
from django.db.models import Count
from django.test import Client
from django.utils import timezone

from scotty.accounts.models import Department, Person, SupportUnit, UnitMembership, UnitRole
from scotty.accounts.services import create_person
from scotty.demo.generator import Scale, load
from scotty.demo.org import PASSWORDS_FILE
from scotty.tickets import states
from scotty.tickets.models import Channel, EventKind, Message, MessageKind, Ticket, TicketEvent
from scotty.tickets.services import add_reply, open_ticket, transition
from scotty.tickets.states import Status

pytestmark = pytest.mark.django_db
SOURCE = Path(__file__).resolve().parents[2] / "src"


@pytest.fixture(autouse=True)
def installation(settings: object, tmp_path: Path) -> Path:
    """Each test is an installation of its own: its data folder, its demo passwords."""
    settings.DATA_DIR = tmp_path / "data"  # type: ignore[attr-defined]
    return tmp_path / "data"


def printed_sign_ins(output: str) -> list[tuple[str, str]]:
    """(e-mail, password) of each sign-in `scotty demo` printed."""
    return re.findall(r"^  .+?  (\S+@example\.com) +(\S+)$", output, re.MULTILINE)


def run_demo(**options: int) -> str:
    out = StringIO()
    # 20 days rather than 120, so a small run still has tickets in every status.
    call_command("demo", stdout=out, **{"tickets": 200, "requesters": 40, "days": 20, **options})
    return out.getvalue()


@pytest.fixture
def output() -> str:
    return run_demo()


def test_the_organisation_has_its_units_staff_and_requesters(output: str) -> None:
    units = {u.prefix: u for u in SupportUnit.objects.all()}
    assert set(units) == {"IT", "INF", "APP", "HR", "FAC", "FIN", "TRV"}
    assert [p for p, u in units.items() if u.is_front_line] == ["IT"]
    assert all(u.description for u in units.values())
    for unit in units.values():
        assert UnitMembership.objects.filter(unit=unit, role=UnitRole.MANAGER).exists()
    agents = Person.objects.filter(memberships__isnull=False).distinct()
    assert agents.count() == 32
    assert agents.annotate(n=Count("memberships")).filter(n=2).exists()
    assert Person.objects.filter(is_superuser=True).count() == 1
    requesters = Person.objects.filter(memberships__isnull=True, is_superuser=False)
    assert requesters.count() == 40
    assert all(p.job_title and p.phone and p.department_id for p in requesters)


def test_references_are_unique_and_numbered_per_unit_from_1001(output: str) -> None:
    tickets = list(Ticket.objects.select_related("owning_unit"))
    assert len(tickets) == 200
    assert len({t.reference for t in tickets}) == 200
    for unit in SupportUnit.objects.all():
        numbers = sorted(t.number for t in tickets if t.owning_unit_id == unit.pk)
        assert numbers == list(range(1001, 1001 + len(numbers)))
        assert unit.last_number == (numbers[-1] if numbers else 1000)
    assert all(t.reference == f"{t.owning_unit.prefix}-{t.number}" for t in tickets)


def test_every_status_is_coherent_with_its_flags_and_timestamps(output: str) -> None:
    tickets = list(Ticket.objects.all())
    assert {t.status for t in tickets} == set(Status.values)  # all present, even at 200
    for t in tickets:
        assert t.is_open == states.is_open(t.status)
        assert (t.closed_at is not None) == (t.status == Status.CLOSED)
        assert (t.resolved_at is not None) == (t.status in states.DONE_STATUSES)
        assert (t.assignee_id is None) == (t.status == Status.NEW)
        if t.status in (Status.OPEN, *states.WAITING_STATUSES):
            assert t.next_step and t.next_step_owner
        assert t.created_at <= t.updated_at and t.version >= 1


def test_every_ticket_has_a_created_event_and_status_events_replay_to_its_status(
    output: str,
) -> None:
    events: dict[int, list[TicketEvent]] = {}
    for e in TicketEvent.objects.order_by("at", "id"):
        events.setdefault(e.ticket_id, []).append(e)
    for ticket in Ticket.objects.all():
        history = events[ticket.pk]
        assert (history[0].kind, history[0].new_value, history[0].at) == (
            EventKind.CREATED, Status.NEW, ticket.created_at,
        )  # fmt: skip
        status = Status.NEW
        for e in (e for e in history if e.field == "status"):
            assert e.is_public and e.old_value == status and states.can_move(status, e.new_value)
            status = e.new_value
        assert status == ticket.status
        assert max(e.version for e in history) <= ticket.version


def test_every_message_has_one_event_public_for_replies_only(output: str) -> None:
    by_message = Counter(
        TicketEvent.objects.filter(message__isnull=False).values_list("message_id", flat=True)
    )
    messages = list(Message.objects.all())
    assert {MessageKind.REPLY, MessageKind.NOTE} <= {m.kind for m in messages}
    assert all(by_message[m.pk] == 1 for m in messages)
    assert all(m.channel == Channel.DESK for m in messages if m.kind == MessageKind.NOTE)
    for e in TicketEvent.objects.filter(message__isnull=False).select_related("message"):
        assert e.message is not None
        reply = e.message.kind == MessageKind.REPLY
        assert e.kind == (EventKind.REPLY_ADDED if reply else EventKind.NOTE_ADDED)
        assert e.is_public == reply
        assert (e.actor_id, e.at, e.ticket_id) == (
            e.message.author_id, e.message.created_at, e.message.ticket_id,
        )  # fmt: skip


def test_first_response_is_the_first_agent_reply(output: str) -> None:
    for ticket in Ticket.objects.filter(first_response_at__isnull=False)[:50]:
        first = ticket.messages.filter(kind=MessageKind.REPLY).exclude(
            author_id=ticket.requester_id
        )
        assert first.order_by("created_at")[0].created_at == ticket.first_response_at


def test_some_tickets_were_handed_from_it_to_second_level(output: str) -> None:
    handed = Ticket.objects.filter(owning_unit__prefix="IT").exclude(working_unit__prefix="IT")
    assert handed.exists()
    assert {t.working_unit.prefix for t in handed.select_related("working_unit")} <= {"INF", "APP"}
    assert all(t.events.filter(field="working_unit").exists() for t in handed)


def test_the_printed_sign_ins_work_and_nobody_else_can_sign_in(output: str) -> None:
    sign_ins = printed_sign_ins(output)
    assert len(sign_ins) == 4
    for email, password in sign_ins:
        assert Client().login(username=email, password=password), email
    agent = Person.objects.get(email=sign_ins[0][0])
    assert agent.memberships.filter(unit__prefix="IT").exists()
    others = Person.objects.exclude(email__in=[email for email, _ in sign_ins])
    assert others.count() == 32 + 1 + 40 - 4
    assert not any(p.has_usable_password() for p in others)
    # The password the demo used to publish, for every account, opens none.
    assert not any(Client().login(username=e, password="scotty-demo") for e, _ in sign_ins)


def test_passwords_are_made_per_installation_and_printed_again_later(
    installation: Path, settings: object, tmp_path: Path
) -> None:
    with transaction.atomic():
        first = printed_sign_ins(run_demo(tickets=10))
        assert printed_sign_ins(run_demo(tickets=10)) == first  # the next run prints them again
        transaction.set_rollback(True)
    assert (installation / PASSWORDS_FILE).stat().st_mode & 0o777 == 0o600

    settings.DATA_DIR = tmp_path / "another installation"  # type: ignore[attr-defined]
    second = printed_sign_ins(run_demo(tickets=10))
    assert [email for email, _ in second] == [email for email, _ in first]
    assert not {password for _, password in first} & {password for _, password in second}
    assert len({password for _, password in second}) == 4
    source = "".join(p.read_text() for p in SOURCE.rglob("*.py"))
    assert not any(password in source for _, password in first + second)


def test_the_demo_refuses_a_database_with_people_it_did_not_make(db: None) -> None:
    create_person(email="ceo@corp.example", full_name="The CEO", password="x" * 12)
    with pytest.raises(CommandError, match="already holds 1 person that the demo did not make"):
        run_demo(tickets=10)
    assert not SupportUnit.objects.exists() and Person.objects.count() == 1
    assert Ticket.objects.count() == 0


def test_running_it_again_creates_nothing_and_prints_the_sign_ins(output: str) -> None:
    counts = (Ticket.objects.count(), Person.objects.count(), TicketEvent.objects.count())
    again = run_demo(tickets=50)
    assert "already loaded" in again and "alex.carter@example.com" in again
    assert (Ticket.objects.count(), Person.objects.count(), TicketEvent.objects.count()) == counts


def test_the_services_work_on_demo_tickets_and_numbering_continues(output: str) -> None:
    it = SupportUnit.objects.get(prefix="IT")
    requester = Person.objects.get(email="tom.becker@example.com")
    new = open_ticket(actor=requester, requester=requester, unit=it, title="Mouse broken",
                      description="The left button does not click.", channel="portal")  # fmt: skip
    assert new.reference == f"IT-{it.last_number + 1}"

    ticket = Ticket.objects.filter(working_unit=it, status=Status.OPEN).select_related(
        "assignee", "working_unit", "owning_unit"
    )[0]
    assert ticket.assignee is not None
    add_reply(ticket, author=ticket.assignee, body="Replacing it today.")
    ticket.refresh_from_db()
    transition(ticket, actor=ticket.assignee, to=Status.RESOLVED, resolution="Replaced.",
               expected_version=ticket.version)  # fmt: skip
    assert Ticket.objects.get(pk=ticket.pk).status == Status.RESOLVED

    closed = Ticket.objects.filter(status=Status.CLOSED).select_related("requester")[0]
    outcome = add_reply(closed, author=closed.requester, body="It broke again.")
    assert outcome.ticket.follow_up_of_id == closed.pk


def test_the_same_seed_gives_the_same_tickets(db: None) -> None:
    now = timezone.now()

    def tickets_of_one_load() -> list[tuple[str, ...]]:
        with transaction.atomic():
            load(Scale(tickets=60, requesters=20, days=10), now=now)
            rows = list(Ticket.objects.order_by("id").values_list("reference", "title", "status"))
            transaction.set_rollback(True)
        return rows

    first = tickets_of_one_load()
    assert len(first) == 60 and first == tickets_of_one_load()


def test_departments_made_before_the_demo_are_reused(db: None) -> None:
    Department.objects.create(name="Finance")
    run_demo(tickets=10)
    assert Department.objects.filter(name="Finance").count() == 1
    assert Person.objects.filter(department__name="Finance").exists()


def test_the_demo_tickets_can_be_found_by_search_right_away(output: str) -> None:
    from scotty.search.selectors import search

    agent = Person.objects.get(email="alex.carter@example.com")
    ticket = Ticket.objects.filter(working_unit__prefix="IT").order_by("id").first()
    assert ticket is not None
    found = search(agent, ticket.title, as_agent=True)
    assert found.total > 0
    assert ticket.title in ["".join(part.text for part in r.title) for r in found.items]


def test_each_ticket_was_last_changed_by_whoever_made_its_last_event(output: str) -> None:
    """What the unread markers read: a demo ticket is not "changed since you looked" for
    the agent who made its last change, and a requester's answer shows as theirs."""
    for ticket in Ticket.objects.order_by("?")[:80]:
        last = ticket.events.order_by("-id")[0]
        assert ticket.updated_by_id == last.actor_id, ticket.reference
    answered = Ticket.objects.filter(updated_by_id=models.F("requester_id"), is_open=True)
    assert answered.exclude(status=Status.NEW).exists()  # "the requester answered"


def test_some_waiting_tickets_have_come_back_on_their_date_and_some_wait_on(
    output: str,
) -> None:
    waiting = Ticket.objects.filter(status__in=states.WAITING_STATUSES)
    now = timezone.now()
    assert waiting.filter(waiting_until__lte=now).exists()  # back on "needs my action"
    assert waiting.filter(waiting_until__gt=now).exists()
    assert not Ticket.objects.exclude(status__in=states.WAITING_STATUSES).filter(
        waiting_until__isnull=False
    )
