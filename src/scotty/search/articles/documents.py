"""An article's searchable words, read from its row: title, keywords, summary, body
(its Markdown as a reader sees it), ranked in that order."""

from dataclasses import dataclass

from scotty.knowledge.markdown import plain_text
from scotty.knowledge.models import Article
from scotty.search.text import terms


@dataclass(frozen=True)
class ArticleDocument:
    article_id: int
    title: list[str]
    keywords: list[str]
    summary: list[str]
    body: list[str]

    @property
    def vocabulary(self) -> set[str]:
        return {*self.title, *self.keywords, *self.summary, *self.body}


def document_of(article: Article) -> ArticleDocument:
    return ArticleDocument(
        article_id=article.pk,
        title=terms(article.title),
        keywords=terms(article.keywords.replace(",", " ")),
        summary=terms(article.summary),
        body=terms(article.text if article.text or not article.body else plain_text(article.body)),
    )
