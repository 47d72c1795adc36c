"""Keeping the article index in step: the knowledge services call `index_article` in
the transaction of each save (every article is indexed, whatever its state: who may
find it is decided at search time, by the visibility rule)."""

import logging

from django.db import DatabaseError, connection, transaction

from scotty.knowledge.models import Article
from scotty.search.articles.backends import article_backend
from scotty.search.articles.documents import document_of

logger = logging.getLogger(__name__)


def index_article(article: Article) -> None:
    """Write the article's document as its row is now. Never fails the save it follows:
    an index write that goes wrong is logged and undone alone (a rebuild repairs it)."""
    try:
        with transaction.atomic():
            article_backend().write([document_of(article)])
    except DatabaseError:
        logger.exception("Could not index article %s; `scotty search rebuild` repairs it.",
                         article.pk)  # fmt: skip


def rebuild_article_index(batch: int = 1_000) -> int:
    """Recompute every article's document (and the words the typo search knows);
    returns how many were written."""
    backend = article_backend()
    done, last = 0, 0
    with transaction.atomic():
        backend.clear()
        while True:
            articles = list(Article.objects.filter(pk__gt=last).order_by("pk")[:batch])
            if not articles:
                break
            backend.write([document_of(a) for a in articles])
            done, last = done + len(articles), articles[-1].pk
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO search_article_fts (search_article_fts) VALUES ('optimize')"
            )
    return done
