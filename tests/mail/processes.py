"""Running Scotty's commands as real processes on the test database (as a mail server's
pipe runs `scotty mail ingest`)."""

import os

from django.conf import settings
from django.db import connection


def env_on_test_database(**extra: str) -> dict[str, str]:
    """The environment of a child process that works on this test's database."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "scotty.settings_test", **extra}
    database = settings.DATABASES["default"]
    if connection.vendor == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{database['NAME']}"
    else:
        env["DATABASE_URL"] = (f"postgres://{database['USER']}@{database['HOST']}:"
                               f"{database['PORT']}/{database['NAME']}")  # fmt: skip
    return env
