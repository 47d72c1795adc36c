import pytest

from scotty.core.testing import Org, file_ticket, upload
from scotty.tickets.models import Ticket
from scotty.tickets.services import add_reply

NOTE = "Fuser is worn; vendor case 4411 opened."


@pytest.fixture
def ticket(org: Org) -> Ticket:
    """Rita's IT ticket, with a file on the description and an internal note with a file."""
    ticket = file_ticket(org.requester, org.it, files=[upload("printer.png")])
    add_reply(ticket, author=org.agent, body=NOTE, internal=True,
              files=[upload("vendor-case.txt", b"case 4411")])  # fmt: skip
    ticket.refresh_from_db()
    return ticket
