import pytest
from django.urls import reverse

from scotty.core.testing import Org, file_ticket, upload
from scotty.tickets.services import add_reply


@pytest.fixture
def files(org: Org) -> dict[str, int]:
    ticket = file_ticket(org.requester, org.it, files=[upload("photo.png")])
    add_reply(ticket, author=org.agent, body="internal", internal=True,
              files=[upload("notes.txt", b"the admin password is in the safe")])  # fmt: skip
    return {a.filename: a.pk for a in ticket.attachments.all()}


@pytest.mark.parametrize(
    ("who", "photo", "note_file"),
    [
        ("requester", 200, 404),
        ("colleague", 404, 404),
        ("other_requester", 404, 404),
        ("agent", 200, 200),
        ("hr_agent", 404, 404),
        ("admin", 200, 200),
    ],
)
def test_who_may_download_which_file(
    org: Org, files, client_for, who: str, photo: int, note_file: int
) -> None:  # type: ignore[no-untyped-def]
    client = client_for(getattr(org, who))
    assert client.get(reverse("files:download", args=[files["photo.png"]])).status_code == photo
    assert client.get(reverse("files:download", args=[files["notes.txt"]])).status_code == note_file


def test_anonymous_downloads_go_to_sign_in(org: Org, files, client) -> None:  # type: ignore[no-untyped-def]
    response = client.get(reverse("files:download", args=[files["photo.png"]]))
    assert response.status_code == 302 and "/sign-in/" in response.url


def test_files_are_served_as_downloads_that_browsers_will_not_run(
    org: Org, files, client_for
) -> None:  # type: ignore[no-untyped-def]
    response = client_for(org.requester).get(reverse("files:download", args=[files["photo.png"]]))
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")  # type: ignore[attr-defined]


def test_unknown_ids_are_404(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    assert client_for(org.admin).get(reverse("files:download", args=[999999])).status_code == 404
