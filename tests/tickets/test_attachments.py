"""File types are judged by their bytes, not by their names (SECURITY.md, ASVS 5.2.2)."""

import pytest

from scotty.core.errors import InvalidInput
from scotty.core.testing import Org, file_ticket, upload
from scotty.tickets.models import Ticket

WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 32
WAV = b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 32
AVI = b"RIFF\x24\x00\x00\x00AVI LIST" + b"\x00" * 32


def test_a_webp_image_is_accepted(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it, files=[upload("photo.webp", WEBP)])
    attachment = ticket.attachments.get()
    assert attachment.filename == "photo.webp" and attachment.content_type == "image/webp"


@pytest.mark.parametrize(
    "content",
    [WAV, AVI, b"RIFF", b"RIFF\x24\x00\x00\x00WEB"],
    ids=["wav", "avi", "only-riff", "cut-short"],
)
def test_other_riff_files_renamed_webp_are_refused(org: Org, content: bytes) -> None:
    with pytest.raises(InvalidInput, match=r"photo\.webp does not look like a \.webp file"):
        file_ticket(org.requester, org.it, files=[upload("photo.webp", content)])
    assert Ticket.objects.count() == 0
