"""Too many files, too big a file, too many fields: the form comes back in words, the
text is kept, nothing is saved, and no oversize file is spooled to disk."""

from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from scotty.accounts.models import Person
from scotty.core.testing import Org, file_ticket, upload
from scotty.tickets.models import Attachment, Ticket

ClientFor = Callable[[Person], Client]
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def many(count: int) -> list[SimpleUploadedFile]:
    return [upload(f"shot{n}.png", PNG) for n in range(count)]


@pytest.mark.parametrize("count", [11, 150])  # over Scotty's limit; over Django's own cap
def test_a_new_request_with_too_many_files_comes_back_with_the_limit_and_its_text(
    org: Org, client_for: ClientFor, count: int
) -> None:
    client = client_for(org.requester)
    data = {"unit": org.it.pk, "title": "Screens", "description": "My words, kept.",
            "attachments": many(count)}  # fmt: skip
    headers = {"referer": "http://testserver" + reverse("portal:new")}
    response = client.post(reverse("portal:new"), data, headers=headers, follow=True)
    assert "At most 10 files per message." in response.text or "at most 10 files" in response.text
    assert "Bad Request" not in response.text
    if count <= 100:  # Scotty's handler: the same form again, with what was typed
        assert response.status_code == 400 and "My words, kept." in response.text
    else:  # Django's hard cap: back to the form with the reason
        assert response.redirect_chain[-1][0].endswith(reverse("portal:new"))
        assert "Nothing was saved" in response.text
    assert Ticket.objects.count() == 0 and Attachment.objects.count() == 0


def test_a_file_over_the_size_limit_is_not_spooled_and_the_reply_comes_back(
    org: Org, client_for: ClientFor, settings: Any, tmp_path: Any
) -> None:
    settings.SCOTTY_MAX_ATTACHMENT_BYTES = 100 * 1024
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024  # bigger parts would go to a temporary file
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    ticket = file_ticket(org.requester, org.it)
    big = upload("scan.pdf", b"%PDF-1.4" + b"x" * (900 * 1024))
    response = client_for(org.requester).post(
        reverse("portal:reply", args=[ticket.reference]),
        {"body": "Here is the scan.", "attachments": [big]},
    )
    assert response.status_code == 400
    text = response.text
    assert "scan.pdf is more than 100 KB; files may be at most 100 KB." in text
    assert "Here is the scan.</textarea>" in text
    assert ticket.messages.count() == 0
    # Skipped as it streamed: at most the first chunks were written, never the 900 KB.
    assert sum(f.stat().st_size for f in tmp_path.iterdir()) <= 100 * 1024


def test_a_body_too_long_for_any_accepted_files_keeps_no_file_but_the_words(
    org: Org, client_for: ClientFor, settings: Any
) -> None:
    settings.SCOTTY_MAX_ATTACHMENT_BYTES = 100 * 1024  # 10 x 100 KB + room for text: 3 MB
    ticket = file_ticket(org.requester, org.it)
    big = upload("film.pdf", b"%PDF-1.4" + b"x" * (4 * 1024 * 1024))
    response = client_for(org.requester).post(
        reverse("portal:reply", args=[ticket.reference]), {"body": "Words", "attachments": [big]}
    )
    assert response.status_code == 400 and "What you sent is 4.0 MB" in response.text
    assert "Words</textarea>" in response.text and ticket.messages.count() == 0


def test_the_desk_composer_says_too_many_files_and_keeps_the_reply(
    org: Org, client_for: ClientFor
) -> None:
    ticket = file_ticket(org.requester, org.it)
    response = client_for(org.agent).post(
        reverse("desk:reply", args=[ticket.reference]),
        {"version": 1, "kind": "reply", "body": "See the pictures.", "attachments": many(12)},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 400
    assert "At most 10 files per message." in response.text
    assert "See the pictures.</textarea>" in response.text and ticket.messages.count() == 0


def test_too_many_fields_go_back_to_the_form_with_the_limit(
    org: Org, client_for: ClientFor
) -> None:
    ticket = file_ticket(org.requester, org.it)
    page = reverse("desk:ticket", args=[ticket.reference])
    data = {f"field{n}": "x" for n in range(1200)} | {"version": "1", "body": "hi"}
    response = client_for(org.agent).post(
        reverse("desk:reply", args=[ticket.reference]), data,
        headers={"referer": f"http://testserver{page}", "HX-Request": "true",
                 "HX-Current-URL": f"http://testserver{page}"},
    )  # fmt: skip
    assert response.status_code == 200 and response["HX-Redirect"] == f"http://testserver{page}"
    shown = client_for(org.agent).get(page)  # a new client has no flash: check the words
    assert "Bad Request" not in shown.text
    assert ticket.messages.count() == 0


def test_too_many_fields_without_a_page_to_go_back_to_explains_itself(
    org: Org, client_for: ClientFor
) -> None:
    ticket = file_ticket(org.requester, org.it)
    data = {f"field{n}": "x" for n in range(1200)}
    response = client_for(org.agent).post(
        reverse("desk:reply", args=[ticket.reference]), data,
        headers={"referer": "https://evil.example/"},
    )  # fmt: skip
    assert response.status_code == 400
    assert "more than 1,000 fields" in response.text and "Nothing was saved" in response.text
