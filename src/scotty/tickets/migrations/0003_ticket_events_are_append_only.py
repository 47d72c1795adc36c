"""The ticket history cannot be rewritten: the database refuses UPDATE on ticket events.

Deleting stays possible (a ticket deleted by an administrator takes its history with it,
and a later retention job may prune), but no code path, admin or SQL console can quietly
change who did what, when (SECURITY.md, audit immutability).
"""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

MESSAGE = "ticket events are append-only"

SQLITE = f"""
CREATE TRIGGER ticket_events_append_only BEFORE UPDATE ON tickets_ticketevent
BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;
"""
POSTGRES = f"""
CREATE OR REPLACE FUNCTION ticket_events_append_only() RETURNS trigger AS $$
BEGIN RAISE EXCEPTION '{MESSAGE}'; END; $$ LANGUAGE plpgsql;
CREATE TRIGGER ticket_events_append_only BEFORE UPDATE ON tickets_ticketevent
FOR EACH ROW EXECUTE FUNCTION ticket_events_append_only();
"""
DROP = {
    "sqlite": "DROP TRIGGER IF EXISTS ticket_events_append_only;",
    "postgresql": (
        "DROP TRIGGER IF EXISTS ticket_events_append_only ON tickets_ticketevent;"
        "DROP FUNCTION IF EXISTS ticket_events_append_only();"
    ),
}


def create(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    sql = {"sqlite": SQLITE, "postgresql": POSTGRES}.get(schema_editor.connection.vendor)
    if sql:
        schema_editor.execute(sql)


def drop(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    sql = DROP.get(schema_editor.connection.vendor)
    if sql:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("tickets", "0002_message_channel_desk")]
    operations = [migrations.RunPython(create, drop)]
