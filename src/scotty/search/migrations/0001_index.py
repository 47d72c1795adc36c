"""The search index: an FTS5 virtual table on SQLite, a tsvector table with a GIN index
on PostgreSQL (see scotty/search/backends/).

Neither is a Django model: the rows are derived from tickets and written only by the
search services, and no foreign key ties them to tickets, so test flushes and ticket
deletions never trip over them (`scotty search rebuild` drops documents whose ticket is
gone; every search checks candidates against the tickets table anyway).
"""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

SQLITE = (
    # Terms arrive analysed (folded, stemmed); unicode61 only splits them on spaces.
    # Prefix indexes of 2 and 3 characters keep half-typed words fast.
    "CREATE VIRTUAL TABLE search_ticket_fts USING fts5("
    "title, names, public, notes, tokenize = 'unicode61 remove_diacritics 0', "
    "prefix = '2 3')",
)
POSTGRES = (
    "CREATE TABLE search_ticket_document ("
    " ticket_id bigint PRIMARY KEY,"
    " document tsvector NOT NULL,"
    " ticket_version integer NOT NULL,"
    " last_message_id bigint NOT NULL)",
    "CREATE INDEX search_ticket_document_terms ON search_ticket_document USING gin (document)",
    # Estimates for the scoped terms ("u3xprinter") need more than the default 100.
    "ALTER TABLE search_ticket_document ALTER COLUMN document SET STATISTICS 1000",
)


def create(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    vendor = schema_editor.connection.vendor
    for statement in POSTGRES if vendor == "postgresql" else SQLITE:
        schema_editor.execute(statement)


def drop(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP TABLE IF EXISTS search_ticket_document")
    else:
        schema_editor.execute("DROP TABLE IF EXISTS search_ticket_fts")


class Migration(migrations.Migration):
    dependencies = [("tickets", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
