"""The index follows the ticket services, and `scotty search rebuild` recomputes it."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from scotty.accounts.models import Person
from scotty.core.testing import Org, file_ticket
from scotty.search.backends import backend
from scotty.search.documents import documents_for
from scotty.search.services import rebuild_index
from scotty.tickets.services import StatusPart, add_reply, retitle, transfer, update_ticket
from scotty.tickets.states import Status
from tests.search.conftest import Desk, as_agent, as_requester


def test_a_reply_and_a_note_are_searchable_at_once(org: Org, desk: Desk) -> None:
    add_reply(desk.laptop, author=org.agent, body="Please try the spare charger.")
    add_reply(desk.laptop, author=org.agent, body="Warranty ends in June.", internal=True)
    assert as_agent(org.agent, "charger") == [desk.laptop.reference]
    assert as_agent(org.agent, "warranty") == [desk.laptop.reference]
    assert as_requester(desk.muller, "charger") == [desk.laptop.reference]
    assert as_requester(desk.muller, "warranty") == []


def test_a_new_title_replaces_the_old_one(org: Org, desk: Desk) -> None:
    desk.laptop.refresh_from_db()
    retitle(desk.laptop, actor=org.agent, title="Notebook power problem",
            expected_version=desk.laptop.version)  # fmt: skip
    assert as_agent(org.agent, "notebook") == [desk.laptop.reference]
    assert as_agent(org.agent, "drains") == []


def test_the_resolution_is_searchable_by_agent_and_requester(org: Org, desk: Desk) -> None:
    """What was done is what people look for next time ("how did we fix the charger?")."""
    desk.laptop.refresh_from_db()
    update_ticket(
        desk.laptop, actor=org.agent, expected_version=desk.laptop.version,
        status=StatusPart(Status.RESOLVED, resolution="Replaced the power adapter."),
    )  # fmt: skip
    assert as_agent(org.agent, "adapter") == [desk.laptop.reference]
    assert as_requester(desk.muller, "adapter") == [desk.laptop.reference]


def test_a_transfer_moves_the_ticket_between_units_searches(org: Org, desk: Desk) -> None:
    assert as_agent(org.infra_agent, "battery") == []
    desk.laptop.refresh_from_db()
    transfer(desk.laptop, actor=org.agent, working_unit=org.infra,
             expected_version=desk.laptop.version, handover="Battery swap needed.")  # fmt: skip
    assert as_agent(org.infra_agent, "battery") == [desk.laptop.reference]
    assert as_agent(org.infra_agent, "swap") == [desk.laptop.reference]  # the handover note
    # IT still owns it (the requester relationship), so IT still finds it.
    assert as_agent(org.agent, "battery") == [desk.laptop.reference]
    desk.laptop.refresh_from_db()
    transfer(desk.laptop, actor=org.infra_agent, working_unit=org.infra, owning_unit=org.infra,
             expected_version=desk.laptop.version)  # fmt: skip
    assert as_agent(org.agent, "battery") == []


def test_the_rebuild_picks_up_a_new_name(org: Org, desk: Desk) -> None:
    # Names are indexed with the ticket; a rename (rare) is picked up by the rebuild.
    Person.objects.filter(pk=desk.muller.pk).update(full_name="Jürgen Schmidt")
    assert as_agent(org.agent, "schmidt") == []
    rebuild_index(batch=1)
    assert as_agent(org.agent, "schmidt") == [desk.laptop.reference]
    assert as_agent(org.agent, "muller") == [desk.laptop.reference]  # the e-mail still says so


def test_the_rebuild_indexes_tickets_loaded_without_the_services(org: Org, desk: Desk) -> None:
    # What the bench and demo generators do: rows written in bulk, index left behind.
    clear = (
        "DELETE FROM search_ticket_document"
        if connection.vendor == "postgresql"
        else "DELETE FROM search_ticket_fts"
    )
    with connection.cursor() as cursor:
        cursor.execute(clear)
    assert as_agent(org.agent, "printer") == []
    out = StringIO()
    call_command("search", "rebuild", "--batch", "2", stdout=out)
    assert "Indexed 3 tickets" in out.getvalue()
    assert as_agent(org.agent, "printer") == [desk.printer.reference]
    assert as_agent(org.hr_agent, "payslip") == [desk.payslip.reference]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite serialises writers")
def test_a_document_never_goes_back_to_older_rows(org: Org, desk: Desk) -> None:
    before = documents_for([desk.laptop.pk])  # what a rebuild may have read
    add_reply(desk.laptop, author=org.agent, body="Please try the spare charger.")
    backend().write(before)  # ... and written after the reply's service
    assert as_agent(org.agent, "charger") == [desk.laptop.reference]


def test_many_tickets_rebuild_in_batches(org: Org) -> None:
    made = [file_ticket(org.requester, org.it, f"Headset {i} crackles") for i in range(7)]
    rebuild_index(batch=3)
    assert set(as_agent(org.agent, "headset")) == {t.reference for t in made}
