"""A download whose stored file has gone: a clear page and a log line, not a 500."""

import logging

import pytest
from django.urls import reverse

from scotty.core.testing import Org, file_ticket, upload
from scotty.tickets.models import Attachment


@pytest.fixture
def lost(org: Org) -> Attachment:
    ticket = file_ticket(
        org.requester, org.it, files=[upload("salary-slip.txt", b"secret figures 4711")]
    )
    attachment = ticket.attachments.get()
    attachment.file.storage.delete(attachment.file.name)  # a failed restore, a lost disk
    return attachment


@pytest.mark.parametrize(
    ("who", "back"),
    [("requester", "/portal/requests/IT-1001/"), ("agent", "/desk/tickets/IT-1001/")],
)
def test_a_missing_file_gets_a_page_that_says_so_and_leads_back(
    org: Org, lost: Attachment, client_for, who: str, back: str
) -> None:  # type: ignore[no-untyped-def]
    response = client_for(getattr(org, who)).get(reverse("files:download", args=[lost.pk]))
    assert response.status_code == 410
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert "This file is not available" in page
    assert "salary-slip.txt" in page and "IT-1001" in page
    assert f'href="{back}"' in page


def test_the_fault_is_logged_with_the_attachment_and_ticket_but_not_the_contents(
    org: Org, lost: Attachment, client_for, caplog: pytest.LogCaptureFixture
) -> None:  # type: ignore[no-untyped-def]
    with caplog.at_level(logging.ERROR, logger="scotty.files"):
        client_for(org.agent).get(reverse("files:download", args=[lost.pk]))
    (record,) = [r for r in caplog.records if r.name.startswith("scotty.files")]
    line = record.getMessage()
    assert record.levelno == logging.ERROR
    assert f"Attachment {lost.pk} " in line and "IT-1001" in line and lost.file.name in line
    assert "secret figures" not in line


def test_people_who_may_not_see_the_file_still_get_404(
    org: Org, lost: Attachment, client_for
) -> None:  # type: ignore[no-untyped-def]
    response = client_for(org.other_requester).get(reverse("files:download", args=[lost.pk]))
    assert response.status_code == 404
