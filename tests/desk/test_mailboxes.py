"""The desk's mailbox settings, for administrators: every IMAP mailbox with its health,
a new one, a change, "Test connection" before saving, removing one; nobody else
reaches them."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from scotty.core.testing import Org
from scotty.mail.models import InboundMessage, MailAddress, Mailbox, Security
from tests.mail import dovecot as imap_server
from tests.mail.dovecot import Account, free_port

# The real IMAP server's fixtures, where pytest finds them (one server per module).
dovecot, imap_account = imap_server.dovecot, imap_server.imap_account

pytestmark = pytest.mark.django_db


def fields(**extra: Any) -> dict[str, Any]:
    base = {"name": "IT help", "address": "it-help@example.org", "host": "imap.example.org",
            "port": "993", "security": Security.IMAPS, "username": "it-help",
            "password": "s3cret!", "folder": "INBOX", "done_folder": "Done",
            "unhealthy_after_minutes": "30", "is_active": "on"}  # fmt: skip
    return {**base, **extra}


def form_of(org: Org, **extra: Any) -> dict[str, Any]:
    return fields(unit=str(org.it.pk), **extra)


@pytest.fixture
def mailbox(org: Org) -> Mailbox:
    address = MailAddress.objects.create(address="it-help@example.org", unit=org.it)
    return Mailbox.objects.create(
        name="IT help", address=address, host="imap.example.org", username="it-help",
        password="s3cret!", done_folder="Done", uidvalidity=77, last_uid=41, failures=5,
        last_error="The server imap.example.org refused the connection on port 993.",
    )  # fmt: skip


def urls(record: Mailbox) -> dict[str, str]:
    return {
        "list": reverse("desk:mailboxes"),
        "new": reverse("desk:new_mailbox"),
        "edit": reverse("desk:mailbox", args=[record.pk]),
    }


@pytest.mark.parametrize("who", ["agent", "manager", "hr_agent", "requester"])
def test_only_administrators_reach_the_mailboxes(org: Org, client_for: Any, mailbox: Mailbox,
                                                 who: str) -> None:  # fmt: skip
    client = client_for(getattr(org, who))
    for name, url in urls(mailbox).items():
        assert client.get(url).status_code == 404, name  # as the rest of Administration
    assert client.post(reverse("desk:new_mailbox"), form_of(org)).status_code == 404
    assert client.post(urls(mailbox)["edit"], form_of(org, name="Taken")).status_code == 404
    remove = client.post(reverse("desk:remove_mailbox", args=[mailbox.pk]))
    assert remove.status_code == 404
    assert list(Mailbox.objects.values_list("name", flat=True)) == ["IT help"]
    home = client.get(reverse("desk:administration"))
    assert home.status_code == 404


def test_a_stranger_is_asked_to_sign_in(client: Client, mailbox: Mailbox) -> None:
    for url in urls(mailbox).values():
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/sign-in/")


def test_the_administration_page_leads_to_the_mailboxes(org: Org, client_for: Any) -> None:
    page = client_for(org.admin).get(reverse("desk:administration")).content.decode()
    assert f'href="{reverse("desk:mailboxes")}"' in page


def test_the_list_shows_each_mailbox_with_its_health_and_never_a_password(
    org: Org, client_for: Any, mailbox: Mailbox, django_assert_max_num_queries: Any
) -> None:
    hr = MailAddress.objects.create(address="hr@example.org", unit=org.hr)
    Mailbox.objects.create(name="HR", address=hr, host="imap.example.org", username="hr",
                           password="hr-secret")  # fmt: skip
    admin = client_for(org.admin)
    with django_assert_max_num_queries(6):  # session, person, mailboxes with addresses ...
        page = admin.get(reverse("desk:mailboxes")).content.decode()
    assert "IT help" in page and "it-help@example.org: it-help on imap.example.org:993" in page
    assert "Unhealthy" in page and "Failing: the last 5 polls failed" in page
    assert "Waiting for its first poll" in page  # HR, never read
    assert "s3cret!" not in page and "hr-secret" not in page


def test_an_administrator_adds_a_mailbox_and_its_address(org: Org, client_for: Any) -> None:
    admin = client_for(org.admin)
    response = admin.post(reverse("desk:new_mailbox"), form_of(org, address="IT-Help@Example.org"))
    assert response.status_code == 302
    record = Mailbox.objects.select_related("address").get()
    assert (record.address.address, record.address.unit) == ("it-help@example.org", org.it)
    assert (record.password, record.done_folder, record.last_uid) == ("s3cret!", "Done", 0)
    page = admin.get(response["Location"]).content.decode()
    assert "Mailbox IT help added." in page and "s3cret!" not in page


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"security": Security.PLAIN}, "security", "only a server on this machine"),
        ({"done_folder": "INBOX"}, "done_folder", "Choose another folder than the one read."),
        ({"port": "99999"}, "port", "less than or equal to 65535"),
        ({"password": ""}, "password", "This field is required."),
        ({"address": "hr@example.org"}, "address", "hr@example.org is an address of HR already."),
    ],
)
def test_a_wrong_mailbox_is_refused_and_nothing_is_saved(
    org: Org, client_for: Any, change: dict[str, str], field: str, words: str
) -> None:
    MailAddress.objects.create(address="hr@example.org", unit=org.hr)
    response = client_for(org.admin).post(reverse("desk:new_mailbox"), form_of(org, **change))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Nothing was saved: check the values." in page
    assert f'id="mailbox-{field}_error"' in page and words in page
    assert not Mailbox.objects.exists()
    assert list(MailAddress.objects.values_list("address", flat=True)) == ["hr@example.org"]


def test_a_change_keeps_the_password_when_left_empty_and_a_new_folder_starts_over(
    org: Org, client_for: Any, mailbox: Mailbox
) -> None:
    admin = client_for(org.admin)
    edit = reverse("desk:mailbox", args=[mailbox.pk])
    page = admin.get(edit).content.decode()
    assert 'value="imap.example.org"' in page and "s3cret!" not in page
    response = admin.post(edit, form_of(org, password="", unhealthy_after_minutes="60"))
    assert response.status_code == 302
    mailbox.refresh_from_db()
    assert (mailbox.password, mailbox.unhealthy_after_minutes) == ("s3cret!", 60)
    assert (mailbox.uidvalidity, mailbox.last_uid, mailbox.failures) == (77, 41, 5)
    admin.post(edit, form_of(org, password="", folder="Support"))
    mailbox.refresh_from_db()
    assert (mailbox.folder, mailbox.uidvalidity, mailbox.last_uid) == ("Support", None, 0)


def test_test_connection_says_what_failed_and_saves_nothing(org: Org, client_for: Any) -> None:
    port = free_port()  # nothing listens there
    response = client_for(org.admin).post(reverse("desk:new_mailbox"), form_of(
        org, action="test", host="127.0.0.1", port=str(port), security=Security.PLAIN))  # fmt: skip
    assert response.status_code == 400
    page = response.content.decode()
    assert (f"The connection failed: The server 127.0.0.1 refused the connection on port {port}"
            in page)  # fmt: skip
    assert not Mailbox.objects.exists() and not MailAddress.objects.exists()


def test_test_connection_against_a_real_server(org: Org, client_for: Any,
                                               imap_account: Account) -> None:  # fmt: skip
    admin = client_for(org.admin)
    good = form_of(org, action="test", host="127.0.0.1", port=str(imap_account.server.port),
                   security=Security.PLAIN, username=imap_account.user,
                   password=imap_account.password)  # fmt: skip
    page = admin.post(reverse("desk:new_mailbox"), good).content.decode()
    assert "The connection works: Scotty signed in and opened the folder “INBOX”." in page
    assert not Mailbox.objects.exists()
    wrong = admin.post(reverse("desk:new_mailbox"), {**good, "password": "not it"})
    assert wrong.status_code == 400
    assert "The server refused the user name or password" in wrong.content.decode()


def test_test_connection_on_a_change_uses_the_saved_password(
    org: Org, client_for: Any, mailbox: Mailbox
) -> None:
    mailbox.security, mailbox.host = Security.PLAIN, "127.0.0.1"
    mailbox.save()
    port = free_port()
    page = client_for(org.admin).post(
        reverse("desk:mailbox", args=[mailbox.pk]),
        form_of(org, action="test", password="", host="127.0.0.1", port=str(port),
                security=Security.PLAIN),
    ).content.decode()  # fmt: skip
    assert f"refused the connection on port {port}" in page
    mailbox.refresh_from_db()
    assert mailbox.port == 993  # tested, not saved


def test_removing_a_mailbox_keeps_the_mail_it_brought(
    org: Org, client_for: Any, mailbox: Mailbox
) -> None:
    InboundMessage.objects.create(raw=b"Subject: hi\r\n\r\nhi\r\n", size=18, sha256="0" * 64,
                                  dedupe_key="sha:0", source="imap", mailbox=mailbox)  # fmt: skip
    response = client_for(org.admin).post(reverse("desk:remove_mailbox", args=[mailbox.pk]),
                                          follow=True)  # fmt: skip
    assert "Mailbox IT help removed; the mail it brought stays." in response.content.decode()
    assert not Mailbox.objects.exists()
    assert InboundMessage.objects.get().mailbox is None
    assert client_for(org.admin).get(reverse("desk:mailbox", args=[mailbox.pk])).status_code == 404
