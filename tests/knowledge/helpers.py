"""Articles for the knowledge tests, written and published through the services."""

from scotty.accounts.models import SupportUnit
from scotty.core.testing import Org
from scotty.knowledge.models import Article, ArticleState
from scotty.knowledge.services import ArticleText, create_article, move_article


def published(org: Org, title: str, body: str = "", *, unit: SupportUnit | None = None,
              **text: object) -> Article:  # fmt: skip
    """An article of IT (or `unit`), written by its agent and published by a manager."""
    unit = unit or org.it
    writer = {org.it.pk: org.agent, org.infra.pk: org.infra_agent, org.hr.pk: org.hr_agent}
    article = create_article(unit, ArticleText(title=title, body=body, **text),  # type: ignore[arg-type]
                             actor=writer[unit.pk])  # fmt: skip
    return move_article(article, ArticleState.PUBLISHED, actor=org.admin,
                        expected_version=article.version)  # fmt: skip
