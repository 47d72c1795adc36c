"""The demo's knowledge base: articles written the way each unit's desk would write them,
and the questions requesters type into the search box, each with the article that
answers it (the search-quality test reads these).

The articles live in one module a unit (`it`, `infra_apps`, `hr`, `facilities`,
`finance`, `travel`); the questions in `questions`. Bodies are Markdown: other articles
are linked as `[text](article:KEY)`, catalog services are named as the portal shows them.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class ArticleSpec:
    key: str  # unique slug, e.g. "vpn-keeps-disconnecting"
    unit: str  # owning unit prefix: "IT", "INF", "APP", "HR", "FAC", "FIN", "TRV"
    title: str
    summary: str  # one or two sentences shown in results
    body: str  # Markdown
    keywords: tuple[str, ...] = ()  # words people use that are not in the title
    services: tuple[str, ...] = ()  # exact names of services from service_levels.SERVICES
    # "everyone", "departments" (only the departments/locations below), or "agents"
    # (an internal how-to for the unit's agents)
    audience: str = "everyone"
    departments: tuple[str, ...] = ()  # names from people.REQUESTER_DEPARTMENTS / STAFF_...
    locations: tuple[str, ...] = ()  # names from people.LOCATIONS
    related: tuple[str, ...] = ()  # keys of other articles
    state: str = "published"  # "published", "draft", "review" or "archived"
    review_in_days: int = 180  # review-by date, days after the demo's start (< 0: past due)


@dataclass(frozen=True)
class SearchQuestion:
    text: str  # typed the way a requester types it
    expected: str  # the key of the article that answers it


# The unit modules import the dataclasses above, so they are imported after them.
from scotty.demo.content.articles.facilities import FACILITIES_ARTICLES  # noqa: E402
from scotty.demo.content.articles.finance import FINANCE_ARTICLES  # noqa: E402
from scotty.demo.content.articles.hr import HR_ARTICLES  # noqa: E402
from scotty.demo.content.articles.infra_apps import INFRA_APPS_ARTICLES  # noqa: E402
from scotty.demo.content.articles.it import IT_ARTICLES  # noqa: E402
from scotty.demo.content.articles.questions import QUESTIONS  # noqa: E402
from scotty.demo.content.articles.travel import TRAVEL_ARTICLES  # noqa: E402

ARTICLES: tuple[ArticleSpec, ...] = (
    *IT_ARTICLES,
    *INFRA_APPS_ARTICLES,
    *HR_ARTICLES,
    *FACILITIES_ARTICLES,
    *FINANCE_ARTICLES,
    *TRAVEL_ARTICLES,
)

__all__ = ["ARTICLES", "QUESTIONS", "ArticleSpec", "SearchQuestion"]
