"""The migration that stores every address in lower case, on a database from before it."""

from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("accounts", "0002_unit_settings_version")]
AFTER = [("accounts", "0003_emails_in_lower_case")]


@pytest.fixture
def old_schema(transactional_db: None) -> Iterator[Any]:
    """Migrate accounts back to before the change; yield its Person model; restore."""
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    yield executor.loader.project_state(BEFORE).apps.get_model("accounts", "Person")
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def migrate_forward() -> Any:
    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    return executor.loader.project_state(AFTER).apps.get_model("accounts", "Person")


def test_existing_addresses_are_lowered(old_schema: Any) -> None:
    old_schema.objects.create(email="Tara.Braun@Example.com", full_name="Tara", password="!")
    old_schema.objects.create(email="rita@example.org", full_name="Rita", password="!")
    person = migrate_forward()
    assert sorted(person.objects.values_list("email", flat=True)) == [
        "rita@example.org",
        "tara.braun@example.com",
    ]


def test_two_accounts_differing_only_in_case_stop_the_migration_and_are_named(
    old_schema: Any,
) -> None:
    old_schema.objects.create(email="Tara@example.com", full_name="Tara", password="!")
    old_schema.objects.create(email="tara@example.com", full_name="Tara 2", password="!")
    old_schema.objects.create(email="Otto@example.com", full_name="Otto", password="!")
    with pytest.raises(RuntimeError, match=r"Tara@example\.com and tara@example\.com"):
        migrate_forward()
    # Nothing was changed; once one account is renamed, the migration goes through.
    assert old_schema.objects.filter(email="Otto@example.com").exists()
    old_schema.objects.filter(full_name="Tara 2").update(email="tara.two@example.com")
    assert migrate_forward().objects.filter(email="otto@example.com").exists()
