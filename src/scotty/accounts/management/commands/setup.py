"""`scotty setup`: make a clean installation ready to serve. No demo.

Migrates the database, collects the static files and creates the first administrator,
asked for at the terminal or taken from SCOTTY_ADMIN_EMAIL, SCOTTY_ADMIN_PASSWORD and
SCOTTY_ADMIN_NAME (default "Administrator"). Safe to run again, and after every upgrade:
it migrates and collects again, and creates no second administrator.

Here in accounts, not in core, because it calls the accounts service that creates people.
"""

import getpass
import os
import sys
from typing import Any

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from scotty.accounts.models import Person
from scotty.accounts.services import create_person
from scotty.core.errors import InvalidInput

EMAIL, NAME, PASSWORD = "SCOTTY_ADMIN_EMAIL", "SCOTTY_ADMIN_NAME", "SCOTTY_ADMIN_PASSWORD"


class Command(BaseCommand):
    help = "Migrate, collect static files and create the first administrator (no demo)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--noinput", "--no-input", action="store_false", dest="interactive",
            help=f"Ask nothing: the administrator comes from {EMAIL}, {NAME}, {PASSWORD}.",
        )  # fmt: skip

    def handle(self, *args: Any, **options: Any) -> None:
        settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
        self.stdout.write("Migrating the database ...")
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("Collecting the static files ...")
        call_command("collectstatic", interactive=False, verbosity=0)
        admin = Person.objects.filter(is_superuser=True, is_active=True).order_by("pk").first()
        if admin is not None:
            self.stdout.write(f"An administrator exists already ({admin.email}): none created.")
        else:
            admin = self._create_admin(interactive=options["interactive"] and _at_a_terminal())
            self.stdout.write(f"Created the administrator {admin.email}.")
        self.stdout.write(
            "Scotty is set up. Start it with `scotty serve` (web) and `scotty worker` "
            "(background jobs), and sign in as the administrator."
        )

    def _create_admin(self, *, interactive: bool) -> Person:
        email = self._value(EMAIL, "E-mail of the first administrator: ", interactive)
        name = self._value(NAME, "Full name [Administrator]: ", interactive, "Administrator")
        password = os.environ.get(PASSWORD) or (self._ask_password() if interactive else "")
        if not password:
            raise CommandError(_missing(PASSWORD))
        try:
            validate_password(password, Person(email=email, full_name=name))
        except ValidationError as error:
            raise CommandError(f"{PASSWORD}: {' '.join(error.messages)}") from None
        try:
            return create_person(email=email, full_name=name, password=password, is_admin=True)
        except InvalidInput as error:
            raise CommandError(error.message) from None

    def _value(self, variable: str, prompt: str, interactive: bool, default: str = "") -> str:
        value = os.environ.get(variable, "").strip()
        while not value and interactive:
            value = input(prompt).strip() or default
        value = value or default
        if not value:
            raise CommandError(_missing(variable))
        return value

    def _ask_password(self) -> str:
        """Asked twice, and again until it passes Django's password rules."""
        while True:
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                self.stderr.write("The two passwords differ; once more.")
                continue
            try:
                validate_password(password)
            except ValidationError as error:
                self.stderr.write(" ".join(error.messages))
                continue
            return password


def _at_a_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def _missing(variable: str) -> str:
    return (
        f"No administrator yet and {variable} is not set. Run `scotty setup` at a terminal "
        f"to be asked, or set {EMAIL}, {NAME} and {PASSWORD}."
    )
