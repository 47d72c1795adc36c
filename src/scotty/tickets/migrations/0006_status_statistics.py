"""Tell PostgreSQL's planner that `is_open` follows from `status`.

Without it the planner multiplies the two conditions' selectivities as if independent,
expects 13 rows where there are 500, and reads a bitmap of every open ticket instead of
walking `q_unit_status` (5 ms vs 0.3 ms per filtered queue page at 1M tickets).
SQLite has no such statistics and needs none here.
"""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps


def create(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE STATISTICS IF NOT EXISTS ticket_status_is_open (dependencies) "
            "ON status, is_open FROM tickets_ticket"
        )


def drop(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP STATISTICS IF EXISTS ticket_status_is_open")


class Migration(migrations.Migration):
    dependencies = [("tickets", "0005_handed_off_index")]
    operations = [migrations.RunPython(create, drop)]
