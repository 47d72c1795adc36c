"""`scotty setup`: a clean installation with its first administrator, and no demo."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from scotty.accounts.models import Person, SupportUnit
from scotty.tickets.models import Ticket

pytestmark = pytest.mark.django_db
ADMIN = {
    "SCOTTY_ADMIN_EMAIL": "Ops.Lead@Corp.example",
    "SCOTTY_ADMIN_NAME": "Olga Operations",
    "SCOTTY_ADMIN_PASSWORD": "correct horse battery",
}


@pytest.fixture(autouse=True)
def installation(settings: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings.DATA_DIR = tmp_path / "data"  # type: ignore[attr-defined]
    settings.STATIC_ROOT = tmp_path / "static"  # type: ignore[attr-defined]
    for name in ADMIN:
        monkeypatch.delenv(name, raising=False)


def setup() -> str:
    out = StringIO()
    call_command("setup", interactive=False, stdout=out)
    return out.getvalue()


def test_setup_creates_one_administrator_from_the_environment_and_no_demo(
    monkeypatch: pytest.MonkeyPatch, settings: object
) -> None:
    for name, value in ADMIN.items():
        monkeypatch.setenv(name, value)
    first = setup()
    assert "Created the administrator ops.lead@corp.example" in first
    assert "already" in setup()  # again: nothing new
    admin = Person.objects.get()
    assert admin.is_superuser and admin.full_name == "Olga Operations"
    assert Client().login(username="ops.lead@corp.example", password="correct horse battery")
    assert not SupportUnit.objects.exists() and not Ticket.objects.exists()
    assert (settings.STATIC_ROOT / "scotty" / "scotty.css").exists()  # type: ignore[attr-defined]


def test_without_a_terminal_or_the_variables_setup_says_what_to_set() -> None:
    with pytest.raises(CommandError, match="SCOTTY_ADMIN_EMAIL"):
        setup()
    assert not Person.objects.exists()


def test_a_weak_administrator_password_is_refused_and_nobody_created(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SCOTTY_ADMIN_EMAIL", "ops@corp.example")
    monkeypatch.setenv("SCOTTY_ADMIN_PASSWORD", "password")
    with pytest.raises(CommandError, match=r"SCOTTY_ADMIN_PASSWORD: .*too common"):
        setup()
    assert not Person.objects.exists()
