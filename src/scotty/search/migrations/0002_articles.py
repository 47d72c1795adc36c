"""The article index (see scotty/search/articles/backends.py): an FTS5 table and its
fts5vocab view on SQLite; a tsvector table with a GIN index and a table of the words
articles hold, with pg_trgm's trigram index for near words, on PostgreSQL. Derived rows,
no foreign keys (as the ticket index): `scotty search rebuild` recomputes them."""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

SQLITE = (
    "CREATE VIRTUAL TABLE search_article_fts USING fts5("
    "title, keywords, summary, body, tokenize = 'unicode61 remove_diacritics 0', "
    "prefix = '2 3')",
    # One row a word the articles hold: the typo search's dictionary, always current.
    "CREATE VIRTUAL TABLE search_article_vocab USING fts5vocab(search_article_fts, 'row')",
)
POSTGRES = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    # `heads`: the title, keywords and summary alone, small to score (see backends.py).
    "CREATE TABLE search_article_document ("
    " article_id bigint PRIMARY KEY,"
    " document tsvector NOT NULL,"
    " heads tsvector NOT NULL)",
    "CREATE INDEX search_article_document_terms ON search_article_document USING gin (document)",
    "CREATE INDEX search_article_document_heads ON search_article_document USING gin (heads)",
    "CREATE TABLE search_article_term (term text PRIMARY KEY)",
    "CREATE INDEX search_article_term_trigrams ON search_article_term "
    "USING gin (term gin_trgm_ops)",
)


def create(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    vendor = schema_editor.connection.vendor
    for statement in POSTGRES if vendor == "postgresql" else SQLITE:
        schema_editor.execute(statement)


def drop(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP TABLE IF EXISTS search_article_document")
        schema_editor.execute("DROP TABLE IF EXISTS search_article_term")
    else:
        schema_editor.execute("DROP TABLE IF EXISTS search_article_vocab")
        schema_editor.execute("DROP TABLE IF EXISTS search_article_fts")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_index")]
    operations = [migrations.RunPython(create, drop)]
