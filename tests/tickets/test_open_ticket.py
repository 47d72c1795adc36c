import pytest

from scotty.core.errors import InvalidInput, NotAllowed
from scotty.core.testing import Org, file_ticket, upload
from scotty.tickets.models import Channel, EventKind, Ticket
from scotty.tickets.priority import Priority
from scotty.tickets.services import open_ticket
from scotty.tickets.states import Status


def test_a_new_ticket_gets_the_units_next_reference_and_a_created_event(org: Org) -> None:
    first = file_ticket(org.requester, org.it)
    second = file_ticket(org.requester, org.it)
    hr = file_ticket(org.requester, org.hr, title="Payslip wrong")
    assert (first.reference, second.reference, hr.reference) == ("IT-1001", "IT-1002", "HR-1001")
    assert first.status == Status.NEW and first.is_open
    assert first.owning_unit == first.working_unit == org.it
    assert list(first.events.values_list("kind", flat=True)) == [EventKind.CREATED]


def test_an_agent_logs_a_phone_call_for_a_requester_with_impact_and_urgency(org: Org) -> None:
    ticket = file_ticket(
        org.requester, org.it, actor=org.agent, channel=Channel.PHONE, impact="high", urgency="high"
    )
    assert ticket.requester == org.requester and ticket.created_by == org.agent
    assert ticket.priority == Priority.CRITICAL


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"requester": "other"}, "on someone else's behalf"),
        ({"channel": Channel.PHONE}, "phone calls"),
        ({"impact": "high"}, "impact and urgency"),
    ],
)
def test_a_requester_cannot_file_for_others_log_calls_or_triage(
    org: Org, kwargs: dict[str, str], message: str
) -> None:
    requester = org.other_requester if kwargs.pop("requester", None) else org.requester
    with pytest.raises(NotAllowed, match=message):
        open_ticket(
            actor=org.requester, requester=requester, unit=org.it, title="t", description="d",
            channel=kwargs.pop("channel", Channel.PORTAL), **kwargs,
        )  # fmt: skip
    assert Ticket.objects.count() == 0


@pytest.mark.parametrize(
    ("title", "description", "field"),
    [("", "d", "title"), ("   ", "d", "title"), ("x" * 201, "d", "title"), ("t", "", "description"),
     ("t", "y" * 50_001, "description")],
)  # fmt: skip
def test_empty_and_oversized_text_is_refused_and_nothing_is_created(
    org: Org, title: str, description: str, field: str
) -> None:
    with pytest.raises(InvalidInput) as error:
        file_ticket(org.requester, org.it, title=title, description=description)
    assert error.value.field == field
    assert Ticket.objects.count() == 0


def test_files_are_stored_with_the_ticket(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it, files=[upload("error.png")])
    attachment = ticket.attachments.get()
    assert attachment.filename == "error.png" and attachment.content_type == "image/png"
    assert attachment.file.read().startswith(b"\x89PNG")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("tool.exe", b"MZ\x90\x00", "not accepted"),
        ("page.html", b"<script>", "not accepted"),
        ("drawing.svg", b"<svg onload=alert(1)>", "not accepted"),
        ("invoice.pdf", b"MZ\x90\x00 not a pdf", "does not look like"),
        ("empty.txt", b"", "is empty"),
    ],
)
def test_disallowed_or_disguised_files_refuse_the_whole_ticket(
    org: Org, name: str, content: bytes, message: str
) -> None:
    with pytest.raises(InvalidInput, match=message):
        file_ticket(org.requester, org.it, files=[upload("ok.png"), upload(name, content)])
    assert Ticket.objects.count() == 0


def test_oversized_files_are_refused_with_the_limit_in_the_message(
    org: Org, settings: object
) -> None:
    settings.SCOTTY_MAX_ATTACHMENT_BYTES = 1024  # type: ignore[attr-defined]
    with pytest.raises(InvalidInput, match=r"at most 1 KB"):
        file_ticket(org.requester, org.it, files=[upload("big.txt", b"a" * 2048)])
    assert Ticket.objects.count() == 0


def test_path_tricks_in_file_names_never_reach_the_storage_path(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it, files=[upload("../../etc/passwd.txt", b"root")])
    attachment = ticket.attachments.get()
    assert attachment.filename == "passwd.txt"
    assert ".." not in attachment.file.name and attachment.file.name.startswith("attachments/")
