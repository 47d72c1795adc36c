"""The article index on SQLite (FTS5, and its fts5vocab table for the words it holds)
and on PostgreSQL (a tsvector table with a GIN index, and a table of its words with a
pg_trgm index for near words). Both answer the same three questions:

- `matches`: the best-scoring articles that hold any of the query's words (higher is
  better; title words count most, then keywords, summary, body); with `every`, only
  those that hold all of them; with `heads`, looking at titles, keywords and summaries
  only (a much smaller index to score than the bodies);
- `known`: which of some words any article holds, with how many articles hold each
  (0 where the database does not count them: PostgreSQL); `size`: articles indexed;
- `has_prefix`: whether any word articles hold begins so;
- `near`: words articles hold that look like one that none holds (candidates for a
  typo; the caller decides by edit distance, the same on both databases).
"""

from collections import defaultdict
from collections.abc import Sequence
from typing import Protocol

from django.db import connection

from scotty.search.articles.documents import ArticleDocument
from scotty.search.query import Term

NEAR_CANDIDATES = 2_000  # words looked at for a typo, at most


class ArticleBackend(Protocol):
    def write(self, documents: Sequence[ArticleDocument]) -> None: ...
    def clear(self) -> None: ...
    def matches(self, terms: Sequence[Term], *, limit: int, every: bool = False,
                heads: bool = False) -> list[tuple[int, float]]: ...  # fmt: skip
    def known(self, words: Sequence[str]) -> dict[str, int]: ...
    def has_prefix(self, prefix: str) -> bool: ...
    def near(self, word: str) -> list[str]: ...
    def size(self) -> int: ...


def article_backend() -> ArticleBackend:
    if connection.vendor == "postgresql":
        return PostgresArticles()
    return SqliteArticles()


# --- SQLite -----------------------------------------------------------------------

# bm25 with the weights of title, keywords, summary and body, negated: higher is better.
_SQLITE_SCORE = "-bm25(search_article_fts, 10.0, 6.0, 3.0, 1.0)"


def _fts_term(term: Term) -> str:
    options = [f'"{t}"' for t in term.exact] + ([f'"{term.prefix}"*'] if term.prefix else [])
    return " OR ".join(options)


class SqliteArticles:
    def write(self, documents: Sequence[ArticleDocument]) -> None:
        rows = [(d.article_id, " ".join(d.title), " ".join(d.keywords), " ".join(d.summary),
                 " ".join(d.body)) for d in documents]  # fmt: skip
        with connection.cursor() as cursor:
            cursor.executemany("DELETE FROM search_article_fts WHERE rowid = %s",
                               [(r[0],) for r in rows])  # fmt: skip
            cursor.executemany(
                "INSERT INTO search_article_fts (rowid, title, keywords, summary, body) "
                "VALUES (%s, %s, %s, %s, %s)",
                rows,
            )

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_article_fts")

    def matches(self, terms: Sequence[Term], *, limit: int, every: bool = False,
                heads: bool = False) -> list[tuple[int, float]]:  # fmt: skip
        # Terms are letters and digits only (see `search.text`): quoting is all the
        # escaping FTS5 needs.
        expression = (" AND " if every else " OR ").join(f"({_fts_term(t)})" for t in terms)
        if heads:
            expression = f"{{title keywords summary}} : ({expression})"
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, {_SQLITE_SCORE} AS score FROM search_article_fts "  # noqa: S608
                "WHERE search_article_fts MATCH %s ORDER BY score DESC LIMIT %s",
                [expression, limit],
            )
            return [(int(i), float(s)) for i, s in cursor.fetchall()]

    def known(self, words: Sequence[str]) -> dict[str, int]:
        if not words:
            return {}
        marks = ", ".join(["%s"] * len(words))
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT term, doc FROM search_article_vocab WHERE term IN ({marks})",  # noqa: S608
                           list(words))  # fmt: skip
            return {str(term): int(docs) for term, docs in cursor.fetchall()}

    def has_prefix(self, prefix: str) -> bool:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM search_article_vocab WHERE term >= %s AND term < %s "
                           "LIMIT 1", [prefix, prefix + "\uffff"])  # fmt: skip
            return cursor.fetchone() is not None

    def size(self) -> int:
        with connection.cursor() as cursor:
            # FTS5's own table of document sizes, one row an article: counting the
            # virtual table itself would read every document (25 ms at 50,000).
            cursor.execute("SELECT count(*) FROM search_article_fts_docsize")
            return int(cursor.fetchone()[0])

    def near(self, word: str) -> list[str]:
        # Words that begin with the same letter (people rarely mistype the first), of
        # a length a typo or two away.
        low, high = word[0], chr(ord(word[0]) + 1)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT term FROM search_article_vocab WHERE term >= %s AND term < %s "
                "AND length(term) BETWEEN %s AND %s LIMIT %s",
                [low, high, len(word) - 2, len(word) + 2, NEAR_CANDIDATES],
            )
            return [str(row[0]) for row in cursor.fetchall()]


# --- PostgreSQL -------------------------------------------------------------------

_WEIGHTS = ("A", "B", "C", "D")  # title, keywords, summary, body
_MAX_POSITION = 16_383


def tsvector(document: ArticleDocument, *, heads: bool = False) -> str:
    """The tsvector literal of the document (of its title, keywords and summary only,
    with `heads`), each field its weight."""
    positions: dict[str, list[str]] = defaultdict(list)
    fields = (document.title, document.keywords, document.summary, [] if heads else document.body)
    at = 0
    for weight, words in zip(_WEIGHTS, fields, strict=True):
        for term in words:
            at += 1
            kept = positions[term]
            if len(kept) < 256:
                kept.append(f"{min(at, _MAX_POSITION)}{weight}")
    return " ".join(f"'{term}':{','.join(p)}" for term, p in positions.items())


def _ts_term(term: Term) -> str:
    options = [f"'{t}'" for t in term.exact] + ([f"'{term.prefix}':*"] if term.prefix else [])
    return "(" + " | ".join(options) + ")"


class PostgresArticles:
    def write(self, documents: Sequence[ArticleDocument]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO search_article_document (article_id, document, heads) "
                "VALUES (%s, %s::tsvector, %s::tsvector) ON CONFLICT (article_id) "
                "DO UPDATE SET document = EXCLUDED.document, heads = EXCLUDED.heads",
                [(d.article_id, tsvector(d), tsvector(d, heads=True)) for d in documents],
            )
            words = sorted({w for d in documents for w in d.vocabulary})
            if words:
                cursor.execute(
                    "INSERT INTO search_article_term (term) SELECT unnest(%s::text[]) "
                    "ON CONFLICT DO NOTHING",
                    [words],
                )

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_article_document")
            cursor.execute("DELETE FROM search_article_term")

    def matches(self, terms: Sequence[Term], *, limit: int, every: bool = False,
                heads: bool = False) -> list[tuple[int, float]]:  # fmt: skip
        query = (" & " if every else " | ").join(_ts_term(t) for t in terms)
        # `heads` scores the small vector of titles, keywords and summaries: ts_rank
        # reads each matching vector whole, and the bodies' are most of the bytes.
        column = "heads" if heads else "document"
        with connection.cursor() as cursor:
            # Weights of D, C, B, A (body, summary, keywords, title), as ts_rank takes them.
            cursor.execute(
                f"SELECT article_id, ts_rank('{{0.1, 0.3, 0.6, 1.0}}', {column}, q) AS score "  # noqa: S608
                "FROM search_article_document, to_tsquery('simple', %s) AS q "
                f"WHERE {column} @@ q ORDER BY score DESC, article_id DESC LIMIT %s",
                [query, limit],
            )
            return [(int(i), float(s)) for i, s in cursor.fetchall()]

    def known(self, words: Sequence[str]) -> dict[str, int]:
        if not words:
            return {}
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT term FROM search_article_term WHERE term = ANY(%s)", [list(words)]
            )
            return {str(row[0]): 0 for row in cursor.fetchall()}  # not counted here

    def has_prefix(self, prefix: str) -> bool:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM search_article_term WHERE term LIKE %s LIMIT 1",
                           [prefix.replace("%", "").replace("_", "") + "%"])  # fmt: skip
            return cursor.fetchone() is not None

    def size(self) -> int:
        return 0  # not counted: no word is too common to matter

    def near(self, word: str) -> list[str]:
        with connection.cursor() as cursor:
            # pg_trgm: words sharing enough three-letter runs, through its GIN index.
            cursor.execute(
                "SELECT term FROM search_article_term WHERE term %% %s "
                "ORDER BY similarity(term, %s) DESC LIMIT %s",
                [word, word, NEAR_CANDIDATES],
            )
            return [str(row[0]) for row in cursor.fetchall()]
